"""The provision tree: corpus laws, the seed regulation, and the drafting rules one by one."""

from __future__ import annotations

import pytest

from conftest import LAWS, SEED, CorpusLaw, needs_corpus
from lextm.errors import InputError
from lextm.model import Kind, LawText, Number
from lextm.structure import parse_law, parse_text, regenerate_text


def _shape(law: LawText) -> list[tuple[str, int, list[int]]]:
    """Per article: label, paragraph count, item count per paragraph."""
    return [
        (
            article.number.label if article.number else "?",
            len(article.find(Kind.PARAGRAPH)),
            [len(p.find(Kind.ITEM)) for p in article.find(Kind.PARAGRAPH)],
        )
        for article in law.articles()
    ]


@needs_corpus
def test_seed_title_and_note() -> None:
    """The seed's title and promulgation note are recognised, with the dates as data."""
    law = parse_law(SEED)
    assert law.title is not None and law.title.text == "西藏自治区网络通信活动管理规定"
    assert law.note is not None
    assert law.note.effective == "2022-02-01"
    assert law.note.promulgated == "2021-12-03"
    assert law.note.issuer == "西藏自治区人民政府"
    assert law.note.order_number == "168"


@needs_corpus
def test_seed_articles_paragraphs_items() -> None:
    """Exactly 18 articles; two paragraphs in 5, 6, 11, 13; items 9, 10, 6, 18 in 7–10."""
    shape = {label: (paras, items) for label, paras, items in _shape(parse_law(SEED))}
    assert len(shape) == 18
    assert [label for label, (paras, _) in shape.items() if paras == 2] == ["5", "6", "11", "13"]
    assert {label: sum(items) for label, (_, items) in shape.items() if sum(items)} == {
        "7": 9,
        "8": 10,
        "9": 6,
        "10": 18,
    }


@needs_corpus
def test_seed_bookmark_reported() -> None:
    """The `[bookmark: _GoBack]` artifact is removed and reported on its line."""
    law = parse_law(SEED)
    artifacts = [c for c in law.cleanups if c.kind == "extraction-artifact"]
    assert [(c.line, c.before) for c in artifacts] == [(2, "[bookmark: _GoBack]")]


@needs_corpus
@pytest.mark.parametrize("law", LAWS, ids=[law.slug for law in LAWS])
def test_corpus_zh_article_count(law: CorpusLaw) -> None:
    """Every corpus law's Chinese text has the manifest's article count."""
    assert len(parse_law(law.zh).articles()) == law.articles_zh


BILINGUAL = [law for law in LAWS if law.en is not None]


@needs_corpus
@pytest.mark.parametrize("law", BILINGUAL, ids=[law.slug for law in BILINGUAL])
def test_corpus_en_same_numbers(law: CorpusLaw) -> None:
    """The English text has the manifest's count and the same article numbers as the Chinese."""
    assert law.en is not None
    zh = [a.number for a in parse_law(law.zh).articles()]
    en = [a.number for a in parse_law(law.en).articles()]
    assert len(en) == law.articles_en
    assert en == zh


@needs_corpus
@pytest.mark.parametrize("law", BILINGUAL, ids=[law.slug for law in BILINGUAL])
def test_corpus_en_same_shape(law: CorpusLaw) -> None:
    """Official translations keep the paragraph and item structure of every article."""
    assert law.en is not None
    assert _shape(parse_law(law.en)) == _shape(parse_law(law.zh))


@needs_corpus
@pytest.mark.parametrize("law", LAWS, ids=[law.slug for law in LAWS])
def test_corpus_regenerates(law: CorpusLaw) -> None:
    """The tree alone gives back the clean text of every corpus law, line for line."""
    from lextm.cleanup import read_text_file

    for path in filter(None, (law.zh, law.en)):
        clean = read_text_file(path)
        assert regenerate_text(parse_text(clean.text)) == clean.text


def _articles(text: str, lang: str | None = None) -> list[str]:
    return [a.number.label for a in parse_text(text, lang=lang).articles() if a.number]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一条 甲。\n第二条 乙。", ["1", "2"]),
        ("第一条\n甲。\n第二条\n乙。", ["1", "2"]),
        ("第 1 條\n甲。\n第 1-1 條\n乙。\n第 2 條\n丙。", ["1", "1-1", "2"]),
        ("第十二条 甲。\n第十二条之一 乙。\n第十三条 丙。", ["12", "12-1", "13"]),
        ("第一百二十三条 甲。\n第一百二十四条 乙。", ["123", "124"]),
        ("第１条 甲。\n第２条 乙。", ["1", "2"]),
        ("第一条为了甲，制定本法。\n第二条本法适用于乙。", ["1", "2"]),
    ],
    ids=["inline", "own-line", "tw-inserted", "zh-inserted", "hundreds", "fullwidth", "joined"],
)
def test_article_labels(text: str, expected: list[str]) -> None:
    """Article labels in every way statutes write them."""
    assert _articles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一条 甲。\n第十条规定的情形除外。\n第二条 乙。", ["1", "2"]),
        ("第一条\n甲。\n第三十条 规定的……\n第二条\n乙。", ["1", "2"]),
        ("第五条 甲。\n第三条第一款规定的事项，依照本条办理。\n第六条 乙。", ["5", "6"]),
        ("Article 1\nA.\nArticle 231 of the Criminal Code applies.\nArticle 2\nB.", ["1", "2"]),
        ("Article 1 A.\nArticle 8(3) shall apply.\nArticle 2 B.", ["1", "2"]),
    ],
    ids=["zh-ref-joined", "zh-ref-backwards", "zh-ref-paragraph", "en-ref-of", "en-ref-paren"],
)
def test_reference_lines_are_not_labels(text: str, expected: list[str]) -> None:
    """A paragraph that opens with a cross-reference stays a paragraph."""
    assert _articles(text) == expected


def test_reference_line_stays_in_article() -> None:
    """The rejected label line becomes the next paragraph of the open article."""
    law = parse_text("第一条 甲。\n第十条规定的情形除外。\n第二条 乙。")
    first = law.articles()[0]
    assert [p.text for p in first.find(Kind.PARAGRAPH)] == ["甲。", "第十条规定的情形除外。"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "第一编 总则\n第一章 基本规定\n第一节 一般规定\n第一条 甲。",
            ["pt1", "pt1.ch1", "pt1.ch1.sec1"],
        ),
        ("第 一 章 總則\n第 1 條\n甲。\n第 二 章 著作\n第 2 條\n乙。", ["ch1", "ch2"]),
        ("第 四 章之一 權利\n第 80-1 條\n甲。", ["ch4-1"]),
        ("第一章 总  则\n第一条 甲。", ["ch1"]),
        (
            "第 三 章 著作權\n第 一 節 通則\n第 一 款 種類\n第 1 條\n甲。",
            ["ch3", "ch3.sec1", "ch3.sec1.ssec1"],
        ),
        ("Chapter I General Provisions\nArticle 1\nA.", ["ch1"]),
        ("Chapter IV-1 Electronic Rights\nArticle 80-1\nA.", ["ch4-1"]),
        ("CHAPTER II. Works\nArticle 5\nA.", ["ch2"]),
        ("Part 2 Rights\nSection 3 Duties\nArticle 5\nA.", ["pt2", "pt2.sec3"]),
    ],
    ids=[
        "part-chapter-section",
        "tw-spaced",
        "tw-inserted",
        "spaced-name",
        "tw-subsection",
        "en-roman",
        "en-inserted",
        "en-upper",
        "en-part-section",
    ],
)
def test_headings(text: str, kinds: list[str]) -> None:
    """Part, chapter, section and subsection headings get nested addresses."""
    law = parse_text(text)
    assert [n.address for n in law.walk() if n.kind.is_heading] == kinds


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("第一章\n总则\n第一条 甲。\n第二章\n管理\n第二条 乙。", ["第一章 总则", "第二章 管理"]),
        ("第 一 章\n總則\n第 1 條\n甲。", ["第一章 總則"]),
        ("Chapter I\nGeneral Provisions\nArticle 1\nA.", ["Chapter I General Provisions"]),
    ],
    ids=["zh", "tw", "en"],
)
def test_heading_title_on_its_own_line(text: str, titles: list[str]) -> None:
    """A heading label alone on its line takes the short line after it as its title."""
    law = parse_text(text)
    headings = [n for n in law.walk() if n.kind.is_heading]
    assert [n.text.replace("第 一 章", "第一章") for n in headings] == titles
    assert all(not n.children or n.children[0].kind is Kind.ARTICLE for n in headings)


@pytest.mark.parametrize(
    "text",
    [
        "第一章\n本章规定总的原则。\n第一条 甲。",
        "第一章 总则\n本章规定总的原则\n第一条 甲。",
        "Chapter I\nThis Chapter lays down the principles.\nArticle 1\nA.",
    ],
    ids=["sentence", "titled-already", "en-sentence"],
)
def test_text_under_a_heading_stays_a_paragraph(text: str) -> None:
    """A sentence under a heading, or text under a titled heading, is the heading's paragraph."""
    law = parse_text(text)
    heading = next(n for n in law.walk() if n.kind.is_heading)
    assert heading.children[0].kind is Kind.PARAGRAPH


def test_kuan_outside_section_is_text() -> None:
    """第一款 opens a heading only below a 節 (Taiwan); elsewhere it is a paragraph."""
    law = parse_text("第一条 甲。\n第一款 所称乙，是指丙")
    assert not [n for n in law.walk() if n.kind.is_heading]
    assert len(law.articles()[0].find(Kind.PARAGRAPH)) == 2


@pytest.mark.parametrize(
    ("text", "items", "subitems"),
    [
        ("第一条 有下列情形之一的：\n（一）甲；\n（二）乙。", [2], 0),
        ("第 1 條\n定義如下：\n一、甲。\n二、乙。", [2], 0),
        ("第一条 下列：\n（一）甲：\n1.子一；\n2.子二；\n（二）乙。", [2], 2),
        ("第 1 條\n定義如下：\n一、甲：\n(一)子。\n(二)子。\n二、乙。", [2], 2),
        ("第一条 甲：\n(一)子；\n(二)丑。", [2], 0),
        ("第一条 甲：\n（一）子；\n（二）丑。\n前款规定……", [2, 0], 0),
        ("Article 1\nThe following:\n(1) a;\n(2) b.", [2], 0),
        ("Article 1\nThe following:\n1.Where a;\n2.Where b.", [2], 0),
        ("Article 1\nThe following:\n1. a:\n(a) x;\n(b) y;\n2. b.", [2], 2),
    ],
    ids=[
        "zh-paren",
        "tw-comma",
        "zh-subitems",
        "tw-subitems",
        "ascii-paren",
        "paragraph-after",
        "en-paren",
        "en-dot-nospace",
        "en-subitems",
    ],
)
def test_items_and_subitems(text: str, items: list[int], subitems: int) -> None:
    """Enumerated lines nest by style: items under paragraphs, sub-items under items."""
    article = parse_text(text).articles()[0]
    paragraphs = article.find(Kind.PARAGRAPH)
    assert [len(p.find(Kind.ITEM)) for p in paragraphs] == items
    assert sum(1 for n in article.walk() if n.kind is Kind.SUBITEM) == subitems


def test_item_addresses() -> None:
    """Items and sub-items are addressed by position under their paragraph."""
    law = parse_text("第八条 下列：\n（一）甲：\n1.子；\n（二）乙。\n第二款。")
    addresses = [n.address for n in law.walk()]
    assert addresses == [
        "art8",
        "art8.p1",
        "art8.p1.i1",
        "art8.p1.i1.sub1",
        "art8.p1.i2",
        "art8.p2",
    ]


@pytest.mark.parametrize(
    ("text", "deleted"),
    [
        ("第 13 條\n甲。\n第 14 條\n（刪除）\n第 15 條\n乙。", ["14"]),
        ("第十三条 甲。\n第十四条 （删除）\n第十五条 乙。", ["14"]),
        ("Article 13\nA.\nArticle 14\n(deleted)\nArticle 15\nB.", ["14"]),
        ("Article 13 A.\nArticle 14 (Deleted)\nArticle 15 B.", ["14"]),
    ],
    ids=["tw-own-line", "zh-inline", "en-own-line", "en-inline"],
)
def test_deleted_placeholders(text: str, deleted: list[str]) -> None:
    """（刪除）/（删除）/(deleted) mark the article deleted and keep the placeholder text."""
    law = parse_text(text)
    assert [a.number.label for a in law.articles() if a.deleted and a.number] == deleted
    assert regenerate_text(law) == text


@pytest.mark.parametrize(
    ("text", "effective", "promulgated", "adopted"),
    [
        (
            "（2021年12月3日西藏自治区人民政府令第168号公布 自2022年2月1日起施行）",
            "2022-02-01",
            "2021-12-03",
            None,
        ),
        (
            "2016年11月7日 第十二届全国人民代表大会常务委员会第二十四次会议通过",
            None,
            None,
            "2016-11-07",
        ),
        ("（二〇二一年六月十日通过 自二〇二一年九月一日起施行）", "2021-09-01", None, "2021-06-10"),
        ("（2020年1月1日公布，自公布之日起施行）", None, "2020-01-01", None),
    ],
    ids=["seed", "adoption-line", "han-dates", "from-promulgation"],
)
def test_note_facts(
    text: str, effective: str | None, promulgated: str | None, adopted: str | None
) -> None:
    """Dates in a note are tied to what happened on them."""
    law = parse_text(f"某某条例\n{text}\n第一条 甲。")
    assert law.note is not None
    assert (law.note.effective, law.note.promulgated, law.note.adopted) == (
        effective,
        promulgated,
        adopted,
    )


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "(Adopted at the 29th Meeting of the Standing Committee of the Thirteenth National "
            "People's Congress on June 10, 2021)",
            ("2021-06-10", None, None, ()),
        ),
        (
            "Promulgated by Order No. 49 of the President of the People's Republic of China on "
            "June 10, 2021, and effective as of September 1, 2021",
            (None, "2021-06-10", "2021-09-01", ()),
        ),
        (
            "(Adopted at the Fifth Meeting on December 29, 1993; amended for the first time in "
            "accordance with the Decision adopted at the 13th Meeting on December 25, 1999; "
            "revised at the 18th Meeting on 27 October 2005)",
            ("1993-12-29", None, None, ("1999-12-25", "2005-10-27")),
        ),
    ],
    ids=["adopted", "promulgated-effective", "amended-revised"],
)
def test_english_note_facts(
    text: str, facts: tuple[str | None, str | None, str | None, tuple[str, ...]]
) -> None:
    """English notes tie each date to the event named before it; amendments are listed."""
    law = parse_text(f"Some Law\n{text}\nArticle 1 A.")
    note = law.note
    assert note is not None
    assert (note.adopted, note.promulgated, note.effective, note.amended) == facts


def test_english_note_order_and_issuer() -> None:
    """An English order number and the body that issued it are read from the note."""
    law = parse_text(
        "Some Law\n(Promulgated by Order No. 49 of the President of the People's Republic of "
        "China on June 10, 2021)\nArticle 1 A."
    )
    assert law.note is not None
    assert (law.note.order_number, law.note.issuer) == (
        "49",
        "President of the People's Republic of China",
    )


def test_multi_line_note() -> None:
    """A parenthesised note spread over lines is one note with paragraphs."""
    law = parse_text("某法\n（1993年12月29日通过\n根据1999年12月25日决定修正）\n第一条 甲。")
    note = law.first(Kind.NOTE)
    assert note is not None
    assert [c.address for c in note.children] == ["note.p1", "note.p2"]
    assert law.note is not None and law.note.amended == ("1999-12-25",)


def test_preamble() -> None:
    """序言 and its paragraphs come before the first chapter."""
    law = parse_text("某法\n序言\n甲。乙。\n丙。\n第一章 总纲\n第一条 丁。")
    preamble = law.first(Kind.PREAMBLE)
    assert preamble is not None and preamble.text == "序言"
    assert [c.address for c in preamble.children] == ["pre.p1", "pre.p2"]


def test_table_of_contents() -> None:
    """目录 lines up to the repeated first heading are contents, not chapters."""
    text = (
        "某法\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。"
    )
    law = parse_text(text)
    toc = law.first(Kind.TOC)
    assert toc is not None and [c.text for c in toc.children] == ["第一章 总则", "第二章 附则"]
    assert [n.address for n in law.walk() if n.kind.is_heading] == ["ch1", "ch2"]
    assert regenerate_text(law) == text


def test_inline_separator_kept() -> None:
    """Inline and own-line layouts both regenerate exactly."""
    for text in ("第一条 甲。\n乙。", "第一条\n甲。\n乙。", "Article 1. A.\nB."):
        assert regenerate_text(parse_text(text)) == text


def test_article_numbers_are_numbers() -> None:
    """Article numbers compare as integers, inserted ones between their neighbours."""
    law = parse_text("第九条 甲。\n第九条之一 乙。\n第十条 丙。")
    assert [a.number for a in law.articles()] == [Number(9), Number(9, 1), Number(10)]


def test_no_articles_is_an_error() -> None:
    """Text without any article is refused with a message naming the file."""
    with pytest.raises(InputError, match=r"notes\.txt: no articles found"):
        parse_text("会议纪要\n今天开会。", path="notes.txt")


def test_language_detection() -> None:
    """Chinese and English texts are told apart without being told."""
    assert parse_text("第一条 甲。").lang == "zh"
    assert parse_text("Article 1\nThis Law applies.").lang == "en"
