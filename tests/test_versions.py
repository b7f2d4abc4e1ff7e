"""Law versions: articles mapped by content, translations carried over, checks across them."""

from __future__ import annotations

import csv
import itertools
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, LAWS_DIR
from lextm.checks import DocumentContext, run_checks
from lextm.errors import InputError, UsageError
from lextm.formats.po import read_po, write_po
from lextm.glossary import Glossary
from lextm.ingest import import_version
from lextm.model import DocumentFile, Entry, Term
from lextm.project import Project, init_project, load_project
from lextm.project_checks import check_project
from lextm.structure import parse_law
from lextm.versions import (
    VersionText,
    carry_over,
    char_diff,
    ensure_comparable,
    map_versions,
    rewrite_references,
)
from lextm.versions.evaluate import carry_report, read_gold, score_mapping

FIXTURES = DATA / "versions" / "fixtures"
RENUMBER = FIXTURES / "renumber"
COMPANY = [f"prc-company-law-{y}" for y in (1993, 1999, 2004, 2005, 2013, 2018, 2023)]
needs_laws = pytest.mark.skipif(not LAWS_DIR.is_dir(), reason="shared corpus not found")


def _text(path: Path) -> VersionText:
    return VersionText.from_law(parse_law(path), name=path.parent.name)


def _expected(folder: Path) -> list[tuple[str | None, str | None, str]]:
    with (folder / "expected.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(r["old"] or None, r["new"] or None, r["change"]) for r in rows]


# --- mapping -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["renumber", "split", "merge", "insert_delete", "moved"])
def test_fixture_mapping(name: str) -> None:
    """Each fixture maps to its expected records (old, new, change), in the new order."""
    folder = FIXTURES / name
    old = folder / ("v1.zh.txt")
    mapping = map_versions(_text(old), _text(folder / "v2.zh.txt"))
    assert [(r.old, r.new, r.change) for r in mapping.links] == _expected(folder)


@pytest.mark.parametrize(
    ("change", "low", "high"),
    [
        ("unchanged", 1.0, 1.0),
        ("renumbered", 1.0, 1.0),
        ("renumbered+modified", 0.3, 0.99),
        ("inserted", 0.0, 0.0),
    ],
)
def test_similarity_explains_each_record(change: str, low: float, high: float) -> None:
    """Every record carries a similarity: 1 for the same text, 0 with nothing on one side."""
    mapping = map_versions(_text(RENUMBER / "v1.zh.txt"), _text(RENUMBER / "v2.zh.txt"))
    found = [r.similarity for r in mapping.links if r.change == change]
    assert found and all(low <= s <= high for s in found)


def test_paragraphs_paired_inside_a_modified_article() -> None:
    """A modified article lists its paragraphs, paired and labelled like articles."""
    mapping = map_versions(_text(RENUMBER / "v1.zh.txt"), _text(RENUMBER / "v2.zh.txt"))
    (record,) = [r for r in mapping.links if r.change == "renumbered+modified"]
    assert [(p.old, p.new, p.change) for p in record.paragraphs] == [(1, 1, "modified")]


def test_renumbering_follows_content() -> None:
    """The renumbering map sends old article 59 to new article 61."""
    mapping = map_versions(_text(RENUMBER / "v1.zh.txt"), _text(RENUMBER / "v2.zh.txt"))
    assert mapping.renumbering()["59"] == "61"


@pytest.mark.parametrize(
    ("old", "new", "ops"),
    [
        ("甲乙丙", "甲丁丙", (("=", "甲"), ("-", "乙"), ("+", "丁"), ("=", "丙"))),
        (
            "第五十九条",
            "第六十一条",
            (
                ("=", "第"),
                ("-", "五"),
                ("+", "六"),
                ("=", "十"),
                ("-", "九"),
                ("+", "一"),
                ("=", "条"),
            ),
        ),
        ("甲", "甲", (("=", "甲"),)),
    ],
)
def test_char_diff(old: str, new: str, ops: tuple[tuple[str, str], ...]) -> None:
    """The character diff lists kept, removed and added runs in order."""
    assert char_diff(old, new) == ops


def test_word_diff_shows_changed_words_whole() -> None:
    """In English the diff runs by word, and changes a space apart read as one."""
    old = "the preceding two Articles shall apply"
    new = "the Article 14, Article 15 shall apply"
    assert char_diff(old, new, words=True) == (
        ("=", "the "),
        ("-", "preceding two Articles"),
        ("+", "Article 14, Article 15"),
        ("=", " shall apply"),
    )


@given(st.text("ab c,.", max_size=30), st.text("ab c,.", max_size=30), st.booleans())
def test_diff_rebuilds_both_texts(old: str, new: str, words: bool) -> None:
    """Kept and removed runs spell the old text, kept and added runs the new one."""
    ops = char_diff(old, new, words=words)
    assert "".join(text for kind, text in ops if kind != "+") == old
    assert "".join(text for kind, text in ops if kind != "-") == new


def test_identical_versions_refused() -> None:
    """Two versions with the same text are refused with a clear message."""
    text = _text(RENUMBER / "v1.zh.txt")
    with pytest.raises(InputError, match="same text"):
        ensure_comparable(map_versions(text, text))


def test_different_laws_refused() -> None:
    """A version of another law is refused: the shared text collapses."""
    mapping = map_versions(
        _text(FIXTURES / "different_law" / "v1.zh.txt"),
        _text(FIXTURES / "insert_delete" / "v2.zh.txt"),
    )
    with pytest.raises(InputError, match="different laws"):
        ensure_comparable(mapping)


def test_document_and_law_give_the_same_articles(tmp_path: Path) -> None:
    """A version read back from its PO file compares exactly like the parsed text."""
    project = init_project(tmp_path / "p")
    import_version(project, RENUMBER / "v1.zh.txt", document="d", version="v1", date="2020-01-01")
    doc, _ = read_po(project.po_path("d", "v1"))
    from_doc = VersionText.from_document(doc)
    from_law = _text(RENUMBER / "v1.zh.txt")
    assert [(a.label, a.lines) for a in from_doc.articles] == [
        (a.label, a.lines) for a in from_law.articles
    ]


@needs_laws
def test_company_law_chain_under_ten_seconds() -> None:
    """The seven Company Law versions parse and map pair by pair in under 10 s in total."""
    start = time.perf_counter()
    texts = [_text(LAWS_DIR / slug / "zh.txt") for slug in COMPANY]
    mappings = [map_versions(a, b) for a, b in itertools.pairwise(texts)]
    assert time.perf_counter() - start < 10
    for mapping in mappings:
        ensure_comparable(mapping)
        assert {r.old for r in mapping.links if r.old} == set(mapping.old.labels)
        assert {r.new for r in mapping.links if r.new} == set(mapping.new.labels)


# New-version stretches the gold covers completely (docs/versions-gold.md, "Coverage").
GOLD_STRETCHES = {
    ("2004", "2005"): ((1, 22), (173, 219)),
    ("2018", "2023"): ((1, 41), (218, 228), (243, 266)),
}


# Precision and recall measured against the gold (docs/versions.md §5b): the floors they keep.
GOLD_FLOORS = {("2004", "2005"): (0.95, 0.94), ("2018", "2023"): (0.95, 0.94)}


@needs_laws
@pytest.mark.parametrize(("old", "new"), sorted(GOLD_STRETCHES))
def test_mapping_against_the_gold(old: str, new: str) -> None:
    """Precision and recall against the hand-made gold stay at the measured level."""
    gold = read_gold(DATA / "versions" / f"gold_company_law_{old}_{new}.tsv")
    before = _text(LAWS_DIR / f"prc-company-law-{old}" / "zh.txt")
    after = _text(LAWS_DIR / f"prc-company-law-{new}" / "zh.txt")
    covered = {
        a.label
        for a in after.articles
        if any(lo <= int(a.label.split("-")[0]) <= hi for lo, hi in GOLD_STRETCHES[(old, new)])
    }
    score = score_mapping(map_versions(before, after), gold, new_covered=covered)
    precision, recall = GOLD_FLOORS[(old, new)]
    assert score.precision >= precision and score.recall >= recall, (score.missed, score.extra)


@needs_laws
def test_lone_articles_are_linked_by_a_piece() -> None:
    """Two articles left alone are linked when a piece of one is found clearly in the other."""
    # 2004 art. 12 ¶1 (公司可以向其他有限责任公司、股份有限公司投资) is 2005 art. 15, rewritten.
    before = _text(LAWS_DIR / "prc-company-law-2004" / "zh.txt")
    after = _text(LAWS_DIR / "prc-company-law-2005" / "zh.txt")
    assert [(r.new, r.change) for r in map_versions(before, after).new_for("12")] == [
        ("15", "renumbered+modified")
    ]


@needs_laws
def test_pieces_found_in_each_other_link_rewritten_articles() -> None:
    """A rewritten paragraph whose pieces point at each other links its articles."""
    # 2018 art. 22 ¶4 (undo registrations of an annulled resolution) is 2023 art. 28 ¶1.
    before = _text(LAWS_DIR / "prc-company-law-2018" / "zh.txt")
    after = _text(LAWS_DIR / "prc-company-law-2023" / "zh.txt")
    mapping = map_versions(before, after)
    assert [(r.new, r.change) for r in mapping.new_for("22")] == [
        ("25", "split"),
        ("26", "split"),
        ("28", "split"),
    ]


# --- references ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "source", "expected", "rewrites"),
    [
        (
            "under Article 59 of this Law",
            "依照本法第六十一条",
            "under Article 61 of this Law",
            (("59", "61"),),
        ),
        ("under Article 59", "依照本法第五十九条", "under Article 59", ()),
        (
            "Article 59 of the Civil Code",
            "依照《民法典》第五十九条",
            "Article 59 of the Civil Code",
            (),
        ),
        (
            "Articles 58 to 59",
            "第六十条至第六十一条",
            "Articles 60 to 61",
            (("58", "60"), ("59", "61")),
        ),
        (
            "paragraph 2 of Article 59",
            "第六十一条第二款",
            "paragraph 2 of Article 61",
            (("59", "61"),),
        ),
        (
            "Articles 59 and 57",
            "第六十一条和第五十九条",
            "Articles 61 and 59",
            (("59", "61"), ("57", "59")),
        ),
        ("Article 1-1 applies", "第一条之一", "Article 1-1 applies", ()),
        ("the preceding Article", "前条", "the preceding Article", ()),
    ],
)
def test_rewrite_references(
    target: str, source: str, expected: str, rewrites: tuple[tuple[str, str], ...]
) -> None:
    """References to renumbered articles follow the mapping unless the new source cites them."""
    renumbering = {"57": "59", "58": "60", "59": "61"}
    assert rewrite_references(target, source, renumbering) == (expected, rewrites)


# --- carry-over ----------------------------------------------------------------------------------


@pytest.fixture
def renumbered(tmp_path: Path) -> Project:
    """A project with v1 translated and v2 imported (carried over from v1)."""
    project = init_project(tmp_path / "p")
    project, _ = import_version(
        project,
        RENUMBER / "v1.zh.txt",
        document="d",
        version="v1",
        date="2020-01-01",
        translation=RENUMBER / "v1.en.txt",
    )
    project, _ = import_version(
        load_project(project.root),
        RENUMBER / "v2.zh.txt",
        document="d",
        version="v2",
        date="2021-01-01",
    )
    return project


def _entries(project: Project, version: str) -> dict[str, Entry]:
    doc, _ = read_po(project.po_path("d", version))
    return {e.address: e for e in doc.entries}


def test_reference_to_renumbered_article_rewritten(renumbered: Project) -> None:
    """The carried translation of new 62 cites Article 61 where it cited 59, with a note."""
    entry = _entries(renumbered, "v2")["art62.p1.s1"]
    assert "Article 61 of these Regulations" in entry.target
    assert any("reference rewritten: Article 59 → Article 61" in n for n in entry.notes)


def test_unchanged_segment_carried_as_translated(renumbered: Project) -> None:
    """A segment whose source did not change is translated, with where it came from."""
    entry = _entries(renumbered, "v2")["art61.p1.s1"]
    assert entry.translated and entry.target.startswith("A company shall keep a register")
    assert "origin: carried from v1@art59.p1.s1" in entry.notes


def test_label_follows_the_new_number(renumbered: Project) -> None:
    """The label of old article 59, now 61, is carried as "Article 61"."""
    entry = _entries(renumbered, "v2")["art61"]
    assert entry.target == "Article 61" and entry.translated


def test_changed_segment_is_fuzzy_with_previous_source(renumbered: Project) -> None:
    """A changed source gets the old translation, fuzzy, the old source as previous msgid."""
    entry = _entries(renumbered, "v2")["art62.p1.s1"]
    assert (
        entry.fuzzy
        and entry.previous == "依照本条例第五十九条的规定置备的股东名册，应当保存于公司住所。"
    )


def test_new_segment_left_empty_with_a_note(renumbered: Project) -> None:
    """An inserted article's segments are empty and say they are new."""
    entry = _entries(renumbered, "v2")["art57.p1.s1"]
    assert entry.target == "" and any(n.startswith("origin: new in v2") for n in entry.notes)


def test_reference_left_behind_is_caught(renumbered: Project) -> None:
    """New 63 still cites Article 59, which now holds old 57: the check reports it."""
    run = check_project(renumbered, target="d@v2", only=["version-references"])
    assert [(f.address, f.severity) for f in run.findings] == [("art63.p1.s1", "error")]
    assert "Article 59 of v1 is Article 61 of v2" in run.findings[0].message


def test_reference_left_behind_by_hand_is_caught(renumbered: Project) -> None:
    """A translation edited back to "Article 59" where the source cites 61 is reported."""
    path = renumbered.po_path("d", "v2")
    doc, fingerprint = read_po(path)
    entries = tuple(
        Entry(e.address, e.source, e.target.replace("Article 61 of", "Article 59 of"), ())
        if e.address == "art62.p1.s1"
        else e
        for e in doc.entries
    )
    write_po(path, DocumentFile(**{**_fields(doc), "entries": entries}), expect=fingerprint)
    run = check_project(renumbered, target="d@v2", only=["version-references"])
    assert "art62.p1.s1" in {f.address for f in run.findings}


def _fields(doc: DocumentFile) -> dict[str, object]:
    return {name: getattr(doc, name) for name in DocumentFile.__dataclass_fields__}


def test_reviewed_survives_only_where_the_source_is_unchanged(tmp_path: Path) -> None:
    """`reviewed` is kept on unchanged segments and dropped on changed ones."""
    project = init_project(tmp_path / "p")
    project, _ = import_version(
        project,
        RENUMBER / "v1.zh.txt",
        document="d",
        version="v1",
        date="2020-01-01",
        translation=RENUMBER / "v1.en.txt",
    )
    path = project.po_path("d", "v1")
    doc, fingerprint = read_po(path)
    reviewed = tuple(
        Entry(e.address, e.source, e.target, ("reviewed",), e.notes, e.comments)
        for e in doc.entries
    )
    write_po(path, DocumentFile(**{**_fields(doc), "entries": reviewed}), expect=fingerprint)
    import_version(
        load_project(project.root),
        RENUMBER / "v2.zh.txt",
        document="d",
        version="v2",
        date="2021-01-01",
    )
    entries = _entries(project, "v2")
    assert entries["art61.p1.s1"].reviewed
    assert not entries["art62.p1.s1"].reviewed


def test_carry_from_a_named_version(tmp_path: Path) -> None:
    """`carry_from` names the version to carry from; the result says which."""
    project = init_project(tmp_path / "p")
    project, _ = import_version(
        project,
        RENUMBER / "v1.zh.txt",
        document="d",
        version="v1",
        date="2020-01-01",
        translation=RENUMBER / "v1.en.txt",
    )
    _, result = import_version(
        load_project(project.root),
        RENUMBER / "v2.zh.txt",
        document="d",
        version="v2",
        date="2021-01-01",
        carry_from="v1",
    )
    assert result.carried is not None and result.carried.source == "v1"
    assert result.carried.rewritten == 1 and result.carried.new == 4


@pytest.mark.parametrize(
    ("version", "date", "carry_from", "error", "message"),
    [
        ("v0", "2019-01-01", "v1", UsageError, "dated before"),
        ("v2", "2021-01-01", "v9", Exception, "no version 'v9'"),
    ],
)
def test_carry_from_refused(
    tmp_path: Path, version: str, date: str, carry_from: str, error: type[Exception], message: str
) -> None:
    """A source version dated after the new one, or unknown, is refused; nothing is written."""
    project = init_project(tmp_path / "p")
    project, _ = import_version(
        project,
        RENUMBER / "v1.zh.txt",
        document="d",
        version="v1",
        date="2020-01-01",
        translation=RENUMBER / "v1.en.txt",
    )
    before = project.config_path.read_bytes()
    with pytest.raises(error, match=message):
        import_version(
            load_project(project.root),
            RENUMBER / "v2.zh.txt",
            document="d",
            version=version,
            date=date,
            carry_from=carry_from,
        )
    assert not project.po_path("d", version).exists()
    assert project.config_path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (RENUMBER / "v1.zh.txt", UsageError, "same text"),
        (FIXTURES / "different_law" / "v1.zh.txt", InputError, "different laws"),
    ],
)
def test_import_refuses_identical_or_foreign_versions(
    tmp_path: Path, text: Path, error: type[Exception], message: str
) -> None:
    """A new version with the same text, or another law's text, is refused; nothing written."""
    project = init_project(tmp_path / "p")
    project, _ = import_version(
        project,
        RENUMBER / "v1.zh.txt",
        document="d",
        version="v1",
        date="2020-01-01",
        translation=RENUMBER / "v1.en.txt",
    )
    before = project.config_path.read_bytes()
    with pytest.raises(error, match=message):
        import_version(
            load_project(project.root), text, document="d", version="v2", date="2021-01-01"
        )
    assert not project.po_path("d", "v2").exists()
    assert project.config_path.read_bytes() == before


def test_carry_over_flags_an_article_that_only_lost_text() -> None:
    """An article whose remaining sentences are all unchanged still gets one fuzzy entry."""
    old = _doc_of(
        "v1",
        [
            ("art1", "第一条", "Article 1"),
            (
                "art1.p1.s1",
                "甲应当向主管部门报告本单位的情况。",
                "A shall report to the authority.",
            ),
            (
                "art1.p2.s1",
                "乙应当保存相关记录不少于三年。",
                "B shall keep records for three years.",
            ),
        ],
    )
    new = _doc_of(
        "v2",
        [
            ("art1", "第一条", ""),
            ("art1.p1.s1", "甲应当向主管部门报告本单位的情况。", ""),
        ],
    )
    carried = carry_over(old, new)
    (entry,) = [e for e in carried.doc.entries if e.address == "art1.p1.s1"]
    assert entry.fuzzy and entry.target == "A shall report to the authority."
    assert [w.reason for w in carried.work] == ["article"]


def test_carry_over_keeps_joined_entries_joined() -> None:
    """Sentences the old version joined into one entry (s1-2) stay joined and carry as one."""
    old = _doc_of(
        "v1",
        [
            ("art1", "第一条", "Article 1"),
            ("art1.p1.s1-2", "甲应当报告。乙应当备案。", "A shall report and B shall file."),
            ("art2", "第二条", "Article 2"),
            ("art2.p1.s1", "丙应当遵守本条例的规定。", "C shall comply."),
        ],
    )
    new = _doc_of(
        "v2",
        [
            ("art1", "第一条", ""),
            ("art1.p1.s1", "甲应当报告。", ""),
            ("art1.p1.s2", "乙应当备案。", ""),
            ("art2", "第二条", ""),
            ("art2.p1.s1", "丙应当遵守本条例的规定。", ""),
        ],
    )
    carried = carry_over(old, new)
    assert [(e.address, e.target) for e in carried.doc.entries][:2] == [
        ("art1", "Article 1"),
        ("art1.p1.s1-2", "A shall report and B shall file."),
    ]


def _doc_of(version: str, rows: Sequence[tuple[str, str, str]]) -> DocumentFile:
    entries = tuple(Entry(a, s, t) for a, s, t in rows)
    return DocumentFile("d", version, "zh-CN", "en", entries)


TAIWAN = [
    ("tw-personal-data-protection-act", "2015", "2015-12-30", "2023", "2023-05-31"),
    ("tw-money-laundering-control-act", "2018", "2018-11-07", "2023", "2023-06-14"),
]


@needs_laws
@pytest.mark.parametrize(("slug", "old", "old_date", "new", "new_date"), TAIWAN)
def test_taiwan_carry_over(
    tmp_path: Path, slug: str, old: str, old_date: str, new: str, new_date: str
) -> None:
    """Official English carried onto the newer text: needs-work P and R ≥ 0.95, 100 % exact."""
    project = init_project(tmp_path / "p")
    older, newer = LAWS_DIR / f"{slug}-{old}", LAWS_DIR / f"{slug}-{new}"
    project, _ = import_version(
        project,
        older / "zh.txt",
        document=slug,
        version=old,
        date=old_date,
        translation=older / "en.txt",
    )
    project, _ = import_version(
        load_project(project.root), newer / "zh.txt", document=slug, version=new, date=new_date
    )
    report = carry_report(
        read_po(project.po_path(slug, old))[0], read_po(project.po_path(slug, new))[0]
    )
    assert report.precision >= 0.95 and report.recall >= 0.95
    assert report.exact_share == 1.0, report.inexact


# --- checks across versions ----------------------------------------------------------------------

LABEL = ("art1", "第一条", "Article 1")
TERMS = (
    Term("shareholders-meeting", "zh", "股东会"),
    Term("shareholders-meeting", "en", "shareholders' meeting"),
    Term("shareholders-meeting", "en", "general meeting", status="admitted", valid_to="2020-12-31"),
    Term("board", "zh", "董事会"),
    Term("board", "en", "board of directors"),
    Term("board", "en", "board", status="admitted"),
)


def _contexts(
    old: Sequence[tuple[str, str, str]], new: Sequence[tuple[str, str, str]]
) -> list[DocumentContext]:
    glossary = Glossary(TERMS)
    return [
        DocumentContext(doc=_doc_of("v1", old), date="2020-01-01", glossary=glossary),
        DocumentContext(doc=_doc_of("v2", new), date="2021-01-01", glossary=glossary),
    ]


CHECK_CASES = [
    pytest.param(
        "version-stale",
        ("art1.p1.s1", "甲应当每年报告一次。", "A shall report once a year."),
        ("art1.p1.s1", "甲应当每年报告两次。", "A shall report once a year."),
        True,
        id="stale",
    ),
    pytest.param(
        "version-stale",
        ("art1.p1.s1", "甲应当每年报告一次。", "A shall report once a year."),
        ("art1.p1.s1", "甲应当每年报告两次。", "A shall report twice a year."),
        False,
        id="stale-updated",
    ),
    pytest.param(
        "version-retranslated",
        ("art1.p1.s1", "甲应当每年报告一次。", "A shall report once a year."),
        ("art1.p1.s1", "甲应当每年报告一次。", "A must report annually."),
        True,
        id="retranslated",
    ),
    pytest.param(
        "version-retranslated",
        ("art1.p1.s1", "甲应当每年报告一次。", "A shall report once a year."),
        ("art1.p1.s1", "甲应当每年报告一次。", "A shall report once a year."),
        False,
        id="retranslated-same",
    ),
    pytest.param(
        "version-terms",
        ("art1.p1.s1", "董事会应当向股东会报告工作。", "The board of directors reports to X."),
        ("art1.p1.s1", "董事会应当向股东会报告工作。", "The board reports to X."),
        True,
        id="terms-changed",
    ),
    pytest.param(
        "version-terms",
        ("art1.p1.s1", "董事会每年召开股东会。", "The general meeting is called by the board."),
        (
            "art1.p1.s1",
            "董事会每年召开股东会。",
            "The shareholders' meeting is called by the board.",
        ),
        False,
        id="terms-glossary-dated",
    ),
]


@pytest.mark.parametrize(("check", "old", "new", "found"), CHECK_CASES)
def test_checks_across_versions(
    check: str, old: tuple[str, str, str], new: tuple[str, str, str], found: bool
) -> None:
    """Each cross-version check reports the failing pair on the newer version only."""
    run = run_checks(_contexts([LABEL, old], [LABEL, new]), only=[check])
    assert [(f.version, f.address) for f in run.findings] == (
        [("v2", "art1.p1.s1")] if found else []
    )


def test_dangling_reference_in_one_version() -> None:
    """A translation citing an article the version does not have is reported."""
    rows = [LABEL, ("art1.p1.s1", "依照本条例第一条办理。", "It is handled under Article 9.")]
    run = run_checks([DocumentContext(doc=_doc_of("v1", rows))], only=["version-references"])
    assert [f.message for f in run.findings] == ["Article 9: this version has no Article 9"]


# --- a revision made by rule on real text ---------------------------------------------------------


def _render(lang: str, articles: Sequence[Sequence[str]]) -> str:
    """A law text of the given articles (each a list of lines), numbered from 1."""
    from lextm.numerals import int_to_han

    out = []
    for number, lines in enumerate(articles, 1):
        if lang == "zh":
            out.append(f"第{int_to_han(number)}条　{lines[0]}")
            out.extend(lines[1:])
        else:
            out.extend([f"Article {number}", *lines, ""])
    return "\n".join(out) + "\n"


def _revise(
    articles: list[list[str]], foreign: list[list[str]]
) -> tuple[list[list[str]], set[tuple[str | None, str | None, str]]]:
    """A revision of `articles` by the moves amendments make, with the links it implies.

    Two articles deleted, two inserted (text of another law), one amended by a sentence, one
    moved twenty places on, one split (its later paragraphs become the next article) and two
    merged. Returns the new articles and the expected (old, new, change) links.
    """
    count = len(articles)
    split = next(i for i in range(35, count) if len(articles[i]) >= 3)
    deleted, modified, moved, merged = {5, 30}, 20, 25, split + 6
    new: list[tuple[list[int], list[str]]] = []  # (old indexes, lines)
    for i, lines in enumerate(articles):
        if i == modified:
            lines = [lines[0] + foreign[2][0], *lines[1:]]
        if i == split:
            new.extend([([i], lines[:1]), ([i], lines[1:])])
        elif i == merged:
            new.append(([i, i + 1], [*lines, *articles[i + 1]]))
        elif i not in deleted and i != moved and i != merged + 1:
            new.append(([i], lines))
        if i == moved + 20:
            new.append(([moved], articles[moved]))
    new.insert(12, ([], foreign[0]))
    new.insert(40, ([], foreign[1]))
    expected: set[tuple[str | None, str | None, str]] = set()
    for j, (olds, _) in enumerate(new, 1):
        for i in olds:
            kind = "split" if i == split else "merged" if len(olds) > 1 else ""
            if not kind:
                same = articles[i] == new[j - 1][1]
                if i + 1 == j:
                    kind = "unchanged" if same else "modified"
                else:
                    kind = "renumbered" if same else "renumbered+modified"
            expected.add((str(i + 1), str(j), kind))
        if not olds:
            expected.add((None, str(j), "inserted"))
    expected |= {(str(i + 1), None, "deleted") for i in deleted}
    return [lines for _, lines in new], expected


@needs_laws
@pytest.mark.parametrize(
    ("law", "other"),
    [
        ("tw-copyright-act-2022/en.txt", "tw-personal-data-protection-act-2023/en.txt"),
        ("tw-copyright-act-2022/zh.txt", "tw-personal-data-protection-act-2023/zh.txt"),
        ("prc-cybersecurity-law-2016/zh.txt", "prc-data-security-law-2021/zh.txt"),
    ],
)
def test_a_revision_made_by_rule_is_mapped_exactly(law: str, other: str, tmp_path: Path) -> None:
    """Deletions, insertions, an amendment, a move, a split and a merge are all found."""
    lang = "zh" if law.endswith("zh.txt") else "en"

    def article_lines(path: Path) -> list[list[str]]:
        return [[line.text for line in a.lines] for a in _text(path).articles if a.lines]

    articles = article_lines(LAWS_DIR / law)
    foreign = article_lines(LAWS_DIR / other)[-3:]
    revised, expected = _revise(articles, foreign)
    (tmp_path / "old.txt").write_text(_render(lang, articles), encoding="utf-8")
    (tmp_path / "new.txt").write_text(_render(lang, revised), encoding="utf-8")
    mapping = map_versions(_text(tmp_path / "old.txt"), _text(tmp_path / "new.txt"))
    found = {(r.old, r.new, r.change) for r in mapping.links}
    assert sorted(found - expected, key=str) == [] and sorted(expected - found, key=str) == []


@needs_laws
@pytest.mark.parametrize(
    ("law", "old", "new"),
    [
        ("tw-personal-data-protection-act", 2015, 2023),
        ("tw-money-laundering-control-act", 2018, 2023),
    ],
)
def test_english_versions_map_as_the_chinese_do(law: str, old: int, new: int) -> None:
    """The official English of two versions maps article for article as their Chinese does."""

    def links(lang: str) -> set[tuple[str | None, str | None]]:
        before = _text(LAWS_DIR / f"{law}-{old}" / f"{lang}.txt")
        after = _text(LAWS_DIR / f"{law}-{new}" / f"{lang}.txt")
        return {(r.old, r.new) for r in map_versions(before, after).links}

    assert links("en") == links("zh")
