"""Exchange formats: one contract every TM and termbase format passes, language tags, XML safety,
merging a returned XLIFF job. Validators and independent readers are in test_format_validators.py,
the third-party corpus in test_format_corpus.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lextm.errors import InputError, UsageError
from lextm.formats import detect, read_terms, read_units, write_terms, write_units
from lextm.formats._common import (
    Tally,
    choose_pair,
    escape_field,
    lang_matches,
    normalize_lang,
    unescape_field,
)
from lextm.formats.tmx import iter_tmx, read_tmx, write_tmx
from lextm.formats.xliff import apply_xliff, read_xliff
from lextm.model import DocumentFile, Entry, Term, Unit

ZH, EN = "zh-CN", "en"
LONG = "国家网信部门负责统筹协调网络安全工作。" * 300


def unit(address: str, source: str, target: str, state: str = "translated", note: str = "") -> Unit:
    """A unit of one document version, as an export gives them."""
    return Unit(source, target, ZH, EN, "doc", "2021-01-01", address, state=state, note=note)


UNITS = [
    unit(
        "title",
        "西藏自治区网络通信活动管理规定",
        "Regulations on Network Communications",
        "reviewed",
    ),
    unit("art1", "第一条", "Article 1", "translated", note="a note"),
    unit("art1.p1.s1", "A & B < C > D \"E\" 'F'", "&lt; stays literal", "fuzzy"),
    unit("art1.p1.s2", "𠀀𪚥 beyond the BMP 🀄", "emoji 🀄 and 𠀀", "translated"),
    unit("art2.p1.s1", "  leading and trailing spaces  ", "\ttabs\tinside\t", "translated"),
    unit("art2.p2.s1", "line one\nline two", "first\nsecond\\n literal", "translated"),
    unit("art3.p1.s1", LONG, "long " * 2000, "translated"),
    unit("art3.p2.s1", "没有译文", "", "untranslated"),
]

# What each format carries back: text always; the rest where the format has a place for it.
CARRIED = {
    "tmx": ("address", "state", "note", "document", "version"),
    "xliff": ("address", "state", "note", "document", "version"),
    "xliff2": ("address", "state", "note", "document", "version"),
    "po": ("address", "state", "note", "document", "version"),
    "tsv": ("address", "state", "note", "document", "version"),
    "csv": ("address", "state", "note", "document", "version"),
    "lines": (),
}
SUFFIX = {"tmx": ".tmx", "xliff": ".xlf", "xliff2": ".xlf", "po": ".po", "tsv": ".tsv"}
SUFFIX |= {"csv": ".csv", "lines": ".zh"}


def round_trip(tmp_path: Path, name: str, units: list[Unit]) -> list[Unit]:
    """Write units in a format and read them back."""
    path = tmp_path / f"corpus{SUFFIX[name]}"
    tally = write_units(path, units, format_name=name, source_lang=ZH, target_lang=EN)
    assert tally.written == len(units)
    return list(read_units(path, source_lang=ZH, target_lang=EN, format_name=name))


@pytest.mark.parametrize("name", list(CARRIED))
def test_round_trip_keeps_every_unit(tmp_path: Path, name: str) -> None:
    """Every TM format gives back the units it was given: texts exactly, and what it carries."""
    back = round_trip(tmp_path, name, UNITS)
    assert [(u.source, u.target) for u in back] == [(u.source, u.target) for u in UNITS]
    for field in CARRIED[name]:
        assert [getattr(u, field) for u in back] == [getattr(u, field) for u in UNITS], field


@pytest.mark.parametrize("name", list(CARRIED))
def test_empty_file_round_trips(tmp_path: Path, name: str) -> None:
    """Writing no units gives a file that reads back as no units."""
    assert round_trip(tmp_path, name, []) == []


@pytest.mark.parametrize("name", [n for n in CARRIED if n != "lines"])
def test_states_survive(tmp_path: Path, name: str) -> None:
    """Untranslated, fuzzy, translated and reviewed come back as they went out."""
    states = ["untranslated", "fuzzy", "translated", "reviewed"]
    units = [
        unit(f"art{i}", f"源{i}", "" if s == "untranslated" else f"t{i}", s)
        for i, s in enumerate(states, 1)
    ]
    assert [u.state for u in round_trip(tmp_path, name, units)] == states


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a\nb", "a\\nb"), ("a\\nb", "a\\\\nb"), ("a\tb\r", "a\\tb\\r"), ("plain", "plain")],
)
def test_line_escapes(text: str, escaped: str) -> None:
    """Line-aligned and TSV fields escape line breaks, tabs and backslashes, and undo it."""
    assert escape_field(text) == escaped
    assert unescape_field(escaped) == text


def test_line_aligned_files_of_different_lengths_are_refused(tmp_path: Path) -> None:
    """A pair whose files have different line counts is refused naming both counts."""
    (tmp_path / "c.zh").write_text("一\n二\n", encoding="utf-8")
    (tmp_path / "c.en").write_text("one\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"2 lines, but .* has 1"):
        list(read_units(tmp_path / "c.en", source_lang=ZH, target_lang=EN))


def test_control_characters_are_skipped_and_reported(tmp_path: Path) -> None:
    """A unit XML cannot carry is left out of a TMX and counted with the reason."""
    units = [unit("art1", "好", "ok"), unit("art2", "坏\x01", "bad")]
    tally = write_tmx(tmp_path / "t.tmx", units, source_lang=ZH)
    assert (tally.written, tally.skipped_total) == (1, 1)
    assert "U+0001" in tally.lines()[1]


# --- termbases -----------------------------------------------------------------------------------

TERMS = [
    Term("cyberspace-department", "zh-CN", "网信部门", "preferred", "noun", definition="定义"),
    Term(
        "cyberspace-department",
        "en",
        "cyberspace <&> department",
        "preferred",
        "noun",
        "PRC",
        "2020-01-01",
        "2021-12-31",
        "the department",
        "a note",
        "State Council",
        r"departments?",
    ),
    Term("cyberspace-department", "en", "internet office", "forbidden", "noun phrase"),
    Term("cyberspace-department", "en", "net office", "deprecated", definition="other"),
    Term("9-lives", "en", "𠀀 beyond the BMP", "admitted"),
]


@pytest.mark.parametrize("name", ["tbx", "tsv", "csv"])
def test_termbase_round_trip(tmp_path: Path, name: str) -> None:
    """Every termbase format gives back every column of every row."""
    path = tmp_path / f"terms.{name}"
    write_terms(path, TERMS, format_name=name)
    back = [replace(term, line=0) for term in read_terms(path)]
    assert sorted(back, key=repr) == sorted(TERMS, key=repr)


def test_empty_termbase_is_not_written_as_tbx(tmp_path: Path) -> None:
    """TBX needs one concept entry at least: an empty termbase is refused, not written invalid."""
    with pytest.raises(UsageError, match="empty"):
        write_terms(tmp_path / "t.tbx", [], format_name="tbx")


def test_tbx_2008_martif_is_read(tmp_path: Path) -> None:
    """A TBX 2008 file (martif, termEntry, langSet, tig) reads with statuses and pos."""
    path = tmp_path / "old.tbx"
    path.write_text(
        '<?xml version="1.0"?><martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc>'
        "<sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>"
        '<termEntry id="C-1"><descrip type="subjectField">law</descrip>'
        '<langSet xml:lang="zh"><tig><term>网信部门</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>'
        '<langSet xml:lang="en"><ntig><termGrp><term>CAC</term>'
        '<termNote type="partOfSpeech">noun</termNote></termGrp></ntig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    terms = read_terms(path)
    assert [(t.concept, t.lang, t.term, t.status, t.pos) for t in terms] == [
        ("c-1", "zh", "网信部门", "preferred", ""),
        ("c-1", "en", "CAC", "admitted", "noun"),
    ]
    assert terms[0].note == "subject field: law"


# --- languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "normal"),
    [
        ("zh_CN", "zh-CN"),
        ("zh_hans", "zh-Hans"),
        ("ZH-TW", "zh-TW"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("en-us", "en-US"),
        ("zh_CN.UTF-8", "zh-CN"),
        ("EN", "en"),
    ],
)
def test_language_tags_are_normalized(tag: str, normal: str) -> None:
    """Language tags in any spelling come out in BCP 47 spelling."""
    assert normalize_lang(tag) == normal


@pytest.mark.parametrize(
    ("found", "wanted", "same"),
    [
        ("zh-TW", "zh-CN", True),
        ("zh_Hans", "zh-CN", True),
        ("ZH", "zh-Hant-TW", True),
        ("en-GB", "en", True),
        ("ja", "zh-CN", False),
        ("fr-CA", "en", False),
    ],
)
def test_language_variants_match(found: str, wanted: str, same: bool) -> None:
    """Regional and script variants are the same language; other languages are not."""
    assert lang_matches(found, wanted) is same


@pytest.mark.parametrize(
    ("langs", "pair"),
    [
        (["en-US", "zh-TW"], ("zh-TW", "en-US")),
        (["zh-Hant-TW", "zh-Hans", "en"], ("zh-Hans", "en")),
        (["en-us", "en-gb"], ("en-us", "en-gb")),
    ],
)
def test_closest_variant_is_chosen(langs: list[str], pair: tuple[str, str]) -> None:
    """Among several variants the closest to the wanted tag serves each side."""
    source, target = ("en-US", "en-GB") if pair[0].startswith("en") else (ZH, EN)
    assert choose_pair(langs, source, target, path="f") == pair


def tmx_file(path: Path, body: str, srclang: str = "en") -> Path:
    """A small TMX file."""
    path.write_text(
        f'<?xml version="1.0"?><tmx version="1.4"><header creationtool="t" '
        f'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="{srclang}" '
        f'datatype="plaintext"/><body>{body}</body></tmx>',
        encoding="utf-8",
    )
    return path


def test_reversed_file_gives_the_project_direction(tmp_path: Path) -> None:
    """An en→zh TMX still gives zh→en units, and says it was used reversed."""
    path = tmx_file(
        tmp_path / "r.tmx",
        '<tu><tuv xml:lang="EN-us"><seg>law</seg></tuv>'
        '<tuv xml:lang="ZH_cn"><seg>法律</seg></tuv></tu>',
    )
    tally = Tally()
    units = list(read_tmx(path, source_lang=ZH, target_lang=EN, tally=tally))
    assert [(u.source, u.target, u.source_lang) for u in units] == [("法律", "law", "zh-CN")]


def test_file_in_other_languages_is_refused_naming_them(tmp_path: Path) -> None:
    """A TMX with neither project language is refused with the languages it has."""
    path = tmx_file(
        tmp_path / "fr.tmx",
        '<tu><tuv xml:lang="fr"><seg>loi</seg></tuv>'
        '<tuv xml:lang="de"><seg>Gesetz</seg></tuv></tu>',
    )
    with pytest.raises(InputError, match="fr, de"):
        list(read_tmx(path, source_lang=ZH, target_lang=EN))


def test_multilingual_tmx_keeps_every_variant(tmp_path: Path) -> None:
    """iter_tmx gives every tuv, with props and notes kept as metadata."""
    path = tmx_file(
        tmp_path / "m.tmx",
        '<tu tuid="7"><prop type="x-domain">law</prop><note>n</note>'
        '<tuv xml:lang="en"><seg>law</seg></tuv><tuv xml:lang="fr"><seg>loi</seg></tuv>'
        '<tuv xml:lang="zh"><seg>法律</seg></tuv></tu>',
    )
    (tu,) = iter_tmx(path)
    assert [v.lang for v in tu.variants] == ["en", "fr", "zh"]
    assert (tu.tuid, tu.prop("x-domain"), tu.notes) == ("7", "law", ("n",))


@pytest.mark.parametrize(
    ("inline", "text"),
    [
        ("strip", "The big cat."),
        ("native", "The <b>big</b> cat."),
        ("keep", 'The <bpt i="1">&lt;b&gt;</bpt>big<ept i="1">&lt;/b&gt;</ept> cat.'),
    ],
)
def test_inline_tags_kept_or_stripped(tmp_path: Path, inline: str, text: str) -> None:
    """TMX inline codes are stripped, shown natively, or kept as markup, as asked."""
    seg = 'The <bpt i="1">&lt;b></bpt>big<ept i="1">&lt;/b></ept> cat.'
    path = tmx_file(
        tmp_path / "i.tmx",
        f'<tu><tuv xml:lang="zh"><seg>{seg}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{seg}</seg></tuv></tu>',
    )
    (got,) = read_tmx(path, source_lang=ZH, target_lang=EN, inline=inline)
    assert got.source == text


def test_kept_inline_markup_is_written_back(tmp_path: Path) -> None:
    """Markup read with inline="keep" is written back as TMX level 2 markup."""
    seg = 'a <ph x="1">&lt;br/&gt;</ph> b <hi type="x">c</hi>'
    path = tmx_file(
        tmp_path / "k.tmx",
        f'<tu><tuv xml:lang="zh"><seg>{seg}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{seg}</seg></tuv></tu>',
    )
    units = list(read_tmx(path, source_lang=ZH, target_lang=EN, inline="keep"))
    write_tmx(tmp_path / "out.tmx", units, source_lang=ZH, inline="keep")
    (again,) = read_tmx(tmp_path / "out.tmx", source_lang=ZH, target_lang=EN, inline="keep")
    assert again.source == seg


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.xml", "<tmx version='1.4'/>", "tmx"),
        ("b.data", "<xliff version='1.2'/>", "xliff"),
        ("c.txt", "<martif type='TBX'/>", "tbx"),
        ("d", 'msgid ""\nmsgstr ""\n', "po"),
        ("corpus.zh", "一\n", "lines"),
    ],
)
def test_format_detected_by_content(tmp_path: Path, name: str, content: str, kind: str) -> None:
    """Without a known extension the format is sniffed from the content."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect(path) == kind


# --- XML safety ----------------------------------------------------------------------------------

ATTACKS = {
    "billion laughs": '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    "external entity": '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "parameter entity": '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://example.invalid/p.dtd"> %p;]>',
}
BODIES = {
    "tmx": '<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>{e}</seg>'
    '</tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
    "xlf": '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
    'original="f" source-language="zh" target-language="en" datatype="plaintext"><body>'
    '<trans-unit id="1"><source>{e}</source></trans-unit></body></file></xliff>',
    "tbx": '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>"
    '<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>{e}</term></termSec></langSec>'
    "</conceptEntry></body></text></tbx>",
}


def read_any(path: Path) -> object:
    """Read a file with the reader its extension calls for."""
    if path.suffix == ".tbx":
        return read_terms(path)
    return list(read_units(path, source_lang=ZH, target_lang=EN))


@pytest.mark.parametrize("attack", list(ATTACKS))
@pytest.mark.parametrize("suffix", list(BODIES))
def test_entity_attacks_are_refused(tmp_path: Path, attack: str, suffix: str) -> None:
    """Entity bombs, external and parameter entities are refused by every XML reader."""
    path = tmp_path / f"attack.{suffix}"
    entity = "&b;" if attack == "billion laughs" else "&x;" if attack == "external entity" else "y"
    path.write_text(ATTACKS[attack] + BODIES[suffix].format(e=entity), encoding="utf-8")
    with pytest.raises(InputError, match="refused: the file declares") as caught:
        read_any(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("suffix", list(BODIES))
def test_external_dtd_is_never_fetched(tmp_path: Path, suffix: str) -> None:
    """An entity only an external DTD defines is refused: the DTD beside the file is not read."""
    (tmp_path / "defs.dtd").write_text('<!ENTITY secret "from the DTD">', encoding="utf-8")
    path = tmp_path / f"dtd.{suffix}"
    path.write_text(
        '<!DOCTYPE r SYSTEM "defs.dtd">' + BODIES[suffix].format(e="&secret;"), encoding="utf-8"
    )
    with pytest.raises(InputError, match="undefined entity") as caught:
        read_any(path)
    assert str(path) in str(caught.value)


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    """A TMX that is not well-formed is refused with its line."""
    path = tmx_file(tmp_path / "bad.tmx", '<tu>\n<tuv xml:lang="zh"><seg>a</tuv></tu>')
    with pytest.raises(InputError, match=r"bad\.tmx:2: not well-formed"):
        list(read_tmx(path, source_lang=ZH, target_lang=EN))


# --- XLIFF jobs coming back ----------------------------------------------------------------------


def document() -> DocumentFile:
    """A small bilingual document."""
    entries = (
        Entry("art1", "第一条", "Article 1", flags=("reviewed",)),
        Entry("art1.p1.s1", "甲", ""),
        Entry("art1.p1.s2", "乙", "B"),
        Entry("art1.p1.s3", "丙", "old", flags=("fuzzy",)),
    )
    return DocumentFile("doc", "v1", ZH, EN, entries)


def test_apply_xliff_merges_by_address() -> None:
    """Translations come back by address; reviewed entries, changed sources and unknown ids stay."""
    units = [
        unit("art1", "第一条", "Art. 1", "translated"),
        unit("art1.p1.s1", "甲", "A", "translated"),
        unit("art1.p1.s2", "乙", "B", "translated"),
        unit("art1.p1.s3", "丙 changed", "C", "translated"),
        unit("art9", "无", "none", "translated"),
    ]
    merged, report = apply_xliff(document(), units)
    assert [e.target for e in merged.entries] == ["Article 1", "A", "B", "old"]
    assert (report.updated, report.unchanged, report.unknown) == (1, 1, ["art9"])
    assert sum(report.skipped.values()) == 2


def test_apply_xliff_force_changes_reviewed_entries() -> None:
    """With force a reviewed entry takes the returned translation; a fuzzy state flags it."""
    units = [unit("art1", "第一条", "Art. 1", "fuzzy")]
    merged, report = apply_xliff(document(), units, force=True)
    assert (merged.entries[0].target, merged.entries[0].flags) == ("Art. 1", ("fuzzy",))
    assert report.updated == 1


def test_xliff_from_the_other_direction_is_reversed(tmp_path: Path) -> None:
    """An en→zh XLIFF file gives zh→en units."""
    path = tmp_path / "r.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
        'source-language="en-US" target-language="zh-TW" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>law</source><target>法律</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    tally = Tally()
    (got,) = read_xliff(path, source_lang=ZH, target_lang=EN, tally=tally)
    assert (got.source, got.target, got.source_lang, tally.reversed) == (
        "法律",
        "law",
        "zh-TW",
        True,
    )


def test_units_keep_their_fields_through_replace() -> None:
    """The test helper builds units of one document version."""
    assert replace(UNITS[0], tm="x").document == "doc"
