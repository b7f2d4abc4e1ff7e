"""The glossary: the termbase TSV (docs/data-contract.md §4) and term lookup in texts."""

from __future__ import annotations

import itertools
import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lextm.errors import ConflictError, InputError, UsageError
from lextm.fold import fold
from lextm.glossary import (
    COLUMNS,
    Glossary,
    TermIndex,
    add_entry,
    concept_slug,
    read_glossaries,
    read_glossary,
    remove_entries,
    render_glossary,
    term_problem,
    write_glossary,
)
from lextm.model import Term

DATA = Path(__file__).resolve().parent / "data" / "glossary"
VALID = DATA / "valid.tsv"


def _glossary(*terms: Term) -> Glossary:
    return Glossary(terms)


def _no_lines(glossary: Glossary) -> tuple[Term, ...]:
    return tuple(replace(term, line=0) for term in glossary.terms)


# --- reading and writing -------------------------------------------------------------------------


def test_a_canonical_file_renders_to_its_own_bytes() -> None:
    """Reading a canonical termbase and rendering it gives back the file byte for byte."""
    glossary, _ = read_glossary(VALID)
    assert render_glossary(glossary).encode("utf-8") == VALID.read_bytes()


def test_an_untidy_file_renders_canonically() -> None:
    """BOM, CRLF, shuffled rows and columns, padded values and blank rows give canonical bytes."""
    glossary, _ = read_glossary(DATA / "messy.tsv")
    assert render_glossary(glossary) == VALID.read_text(encoding="utf-8")


def test_rows_remember_their_line() -> None:
    """Each term carries the 1-based line it was read from."""
    glossary, _ = read_glossary(VALID)
    assert [term.line for term in glossary.terms] == list(range(2, len(glossary.terms) + 2))


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    """What write_glossary writes reads back to the same terms, with the file's fingerprint."""
    glossary, _ = read_glossary(VALID)
    path = tmp_path / "glossary" / "terms.tsv"
    written = write_glossary(path, glossary, expect=None)
    again, fingerprint = read_glossary(path)
    assert _no_lines(again) == _no_lines(glossary)
    assert fingerprint == written
    assert path.read_bytes() == VALID.read_bytes()


def test_the_same_content_gives_the_same_bytes() -> None:
    """The order of the terms in memory never changes what is written."""
    glossary, _ = read_glossary(VALID)
    shuffled = list(glossary.terms)
    random.Random(1).shuffle(shuffled)
    assert render_glossary(replace(glossary, terms=tuple(shuffled))) == render_glossary(glossary)


def test_written_files_are_utf8_without_bom_with_lf(tmp_path: Path) -> None:
    """No byte-order mark and no carriage return, even when the file read had both."""
    glossary, _ = read_glossary(DATA / "messy.tsv")
    write_glossary(tmp_path / "t.tsv", glossary, expect=None)
    data = (tmp_path / "t.tsv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert data.endswith(b"\n")


def test_an_eleven_column_file_reads_and_is_written_with_twelve() -> None:
    """Files from before the pattern column read with empty patterns and are written with it."""
    glossary, _ = read_glossary(DATA / "eleven_columns.tsv")
    assert len(glossary.terms) == 3
    assert all(term.pattern == "" for term in glossary.terms)
    lines = render_glossary(glossary).splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert all(line.count("\t") == 11 for line in lines)


@pytest.mark.parametrize(
    ("source_lang", "target_lang", "order"),
    [
        ("zh-CN", "en", ["zh", "zh-CN", "zh-Hant", "en", "en-GB", "de", "fr"]),
        ("zh", "en-US", ["zh", "zh-CN", "zh-Hant", "en", "en-GB", "de", "fr"]),
        ("en", "zh-CN", ["en", "en-GB", "zh", "zh-CN", "zh-Hant", "de", "fr"]),
        ("zh-CN", "fr", ["zh", "zh-CN", "zh-Hant", "fr", "de", "en", "en-GB"]),
    ],
    ids=["zh-en", "primary-subtags", "reversed", "french-target"],
)
def test_languages_are_written_source_then_target_then_the_rest(
    source_lang: str, target_lang: str, order: list[str]
) -> None:
    """Within a concept: source-language rows, target-language rows, then others by tag."""
    terms = tuple(Term("c", lang, f"t-{lang}") for lang in ["fr", "en-GB", "zh-Hant", "de"])
    terms += tuple(Term("c", lang, f"t-{lang}") for lang in ["en", "zh", "zh-CN"])
    text = render_glossary(Glossary(terms, source_lang, target_lang))
    assert [line.split("\t")[1] for line in text.splitlines()[1:]] == order


def test_rows_are_sorted_by_concept_status_and_term() -> None:
    """Concepts in order; within one language, preferred, admitted, deprecated, forbidden."""
    terms = (
        Term("b", "en", "zeta", status="forbidden"),
        Term("b", "en", "eta", status="deprecated"),
        Term("b", "en", "theta", status="admitted"),
        Term("b", "en", "iota"),
        Term("b", "en", "beta"),
        Term("a", "en", "alpha", status="deprecated"),
    )
    rows = [line.split("\t")[:3] for line in render_glossary(_glossary(*terms)).splitlines()[1:]]
    assert [row[2] for row in rows] == ["alpha", "beta", "iota", "theta", "eta", "zeta"]


@pytest.mark.parametrize("field", ["term", "definition", "note", "pattern"])
@pytest.mark.parametrize("bad", ["a\tb", "a\nb", "a\rb"], ids=["tab", "newline", "cr"])
def test_a_value_with_a_tab_or_line_break_cannot_be_written(field: str, bad: str) -> None:
    """TSV cannot hold tabs or line breaks inside a value: rendering raises ValueError."""
    values = {"term": "term", "definition": "", "note": "", "pattern": "", field: bad}
    term = Term("c", "en", values["term"], definition=values["definition"], note=values["note"])
    term = replace(term, pattern=values["pattern"])
    with pytest.raises(ValueError, match=field):
        render_glossary(_glossary(term))


@pytest.mark.parametrize(
    ("term", "problem"),
    [
        (Term("c", "en", "t", status="preferd"), "status 'preferd'"),
        (Term("C D", "en", "t"), "is not a slug"),
        (Term("c", "en", "t", valid_from="2024-01-01", valid_to="2023-01-01"), "is after"),
        (Term("c", "en", "t", pattern="(unclosed"), "not a valid regular expression"),
    ],
    ids=["status", "slug", "dates", "pattern"],
)
def test_a_row_that_would_not_read_back_cannot_be_written(term: Term, problem: str) -> None:
    """render_glossary refuses what read_glossary would reject, with the problem named."""
    assert problem in (term_problem(term) or "")
    with pytest.raises(ValueError, match=re.escape(problem)):
        render_glossary(_glossary(term))


def test_a_repeated_row_cannot_be_written() -> None:
    """Two rows with the same concept, language and term are refused on writing too."""
    with pytest.raises(ValueError, match="twice"):
        render_glossary(_glossary(Term("c", "en", "t"), Term("c", "EN", "t", status="admitted")))


_BROKEN = [
    ("empty_file.tsv", 1, "header row is missing"),
    ("missing_column.tsv", 1, "missing columns 'status'"),
    ("unknown_column.tsv", 1, "unknown columns 'comment'"),
    ("repeated_column.tsv", 1, "repeated columns 'note'"),
    ("wrong_field_count.tsv", 3, "has 11 fields, the header 12"),
    ("unknown_status.tsv", 3, "status 'prefered'"),
    ("empty_status.tsv", 2, "status ''"),
    ("bad_date.tsv", 3, "valid_from '2023/01/01' is not an ISO date"),
    ("impossible_date.tsv", 2, "valid_to '2023-02-30' is not an ISO date"),
    ("dates_reversed.tsv", 4, "valid_from 2024-01-01 is after valid_to 2023-12-31"),
    ("empty_concept.tsv", 3, "the concept is empty"),
    ("empty_lang.tsv", 2, "the lang is empty"),
    ("empty_term.tsv", 4, "the term is empty"),
    ("bad_slug.tsv", 2, "concept 'Cyberspace Department' is not a slug"),
    ("bad_lang.tsv", 2, "'English (UK)' is not a BCP 47 language tag"),
    ("bad_pattern.tsv", 3, "pattern '(?:child|children' is not a valid regular expression"),
    ("duplicate_row.tsv", 4, "repeats line 3"),
    ("not_utf8.tsv", 3, "not valid UTF-8"),
]


@pytest.mark.parametrize(("name", "line", "message"), _BROKEN, ids=[b[0] for b in _BROKEN])
def test_a_broken_termbase_is_an_input_error_with_file_and_line(
    name: str, line: int, message: str
) -> None:
    """Each edge case names the file, the 1-based line and what is wrong."""
    with pytest.raises(InputError) as caught:
        read_glossary(DATA / name)
    assert (caught.value.path, caught.value.line) == (str(DATA / name), line)
    assert message in caught.value.message


def test_a_missing_file_is_an_empty_glossary_without_fingerprint(tmp_path: Path) -> None:
    """A project without a termbase yet has an empty glossary; writing it expects no file."""
    glossary, fingerprint = read_glossary(tmp_path / "terms.tsv", target_lang="en-GB")
    assert (glossary.terms, glossary.target_lang, fingerprint) == ((), "en-GB", None)


def test_a_write_refuses_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    """Someone saved the termbase meanwhile: ConflictError, and their file stays."""
    path = tmp_path / "terms.tsv"
    shutil.copyfile(VALID, path)
    glossary, fingerprint = read_glossary(path)
    path.write_text(VALID.read_text(encoding="utf-8") + "x\ten\ty" + "\t" * 9 + "\n", "utf-8")
    edited = path.read_bytes()
    with pytest.raises(ConflictError):
        write_glossary(path, glossary.with_term(Term("new", "en", "new")), expect=fingerprint)
    assert path.read_bytes() == edited


def test_several_files_merge_into_one_glossary(tmp_path: Path) -> None:
    """read_glossaries joins the rows of every file, in the order given."""
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    write_glossary(first, _glossary(Term("a", "en", "alpha")), expect=None)
    write_glossary(second, _glossary(Term("b", "en", "beta")), expect=None)
    merged = read_glossaries([first, second], target_lang="en-US")
    assert [term.term for term in merged.terms] == ["alpha", "beta"]
    assert merged.target_lang == "en-US"


def test_a_row_in_two_files_names_both(tmp_path: Path) -> None:
    """The same (concept, lang, term) in two files: InputError at the second, naming the first."""
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    write_glossary(first, _glossary(Term("a", "en", "alpha")), expect=None)
    write_glossary(second, _glossary(Term("a", "en", "ab"), Term("a", "en", "alpha")), expect=None)
    with pytest.raises(InputError) as caught:
        read_glossaries([first, second])
    assert (caught.value.path, caught.value.line) == (str(second), 3)
    assert f"{first}:2" in caught.value.message


# --- the glossary's views ------------------------------------------------------------------------

_CONCEPTS = {
    "child",
    "competent-department",
    "cyberspace-department",
    "network-operator",
    "personal-data",
    "strike-off",
}
_SCOPED = {"network-operator", "personal-data"}


def test_concepts_group_terms() -> None:
    """concepts() maps each concept to its rows, in the order read."""
    glossary, _ = read_glossary(VALID)
    concepts = glossary.concepts()
    assert list(concepts) == sorted(_CONCEPTS)
    assert [t.lang for t in concepts["cyberspace-department"]][:3] == ["zh-CN", "zh-Hant", "en"]


def test_source_terms_include_every_variant_of_the_source_language() -> None:
    """With source zh-CN, zh-CN and zh-Hant rows are source terms; en, de, fr are not."""
    glossary, _ = read_glossary(VALID)
    found = glossary.source_terms("cyberspace-department")
    assert [term.term for term in found] == ["网信部门", "網信部門"]
    assert len(glossary.source_terms()) == 7


def test_renderings_come_preferred_first_and_can_be_limited_to_usable() -> None:
    """renderings() orders by status; usable_only keeps preferred and admitted ones."""
    glossary, _ = read_glossary(VALID)
    every = [t.status for t in glossary.renderings("cyberspace-department")]
    usable = [t.term for t in glossary.renderings("strike-off", usable_only=True)]
    assert every == ["preferred", "admitted", "deprecated"]
    assert usable == ["strike off"]


@pytest.mark.parametrize(
    ("options", "concepts"),
    [
        ({}, _CONCEPTS - _SCOPED),
        ({"jurisdiction": "PRC"}, _CONCEPTS - _SCOPED),
        ({"jurisdiction": "tw"}, _CONCEPTS - {"network-operator"}),
        (
            {"jurisdiction": "PRC", "document": "prc-cybersecurity-law-2016"},
            _CONCEPTS - {"personal-data"},
        ),
        ({"document": "PRC-Cybersecurity-Law-2016"}, _CONCEPTS - {"personal-data"}),
        ({"jurisdiction": "TW", "date": "2023-12-29"}, _CONCEPTS - {"network-operator"}),
    ],
    ids=[
        "unscoped",
        "prc",
        "tw-any-case",
        "document",
        "document-any-case",
        "with-date",
    ],
)
def test_applicable_keeps_terms_by_scope_and_date(
    options: dict[str, str], concepts: set[str]
) -> None:
    """Scope empty, the jurisdiction or the document (any case), and valid on the date."""
    glossary, _ = read_glossary(VALID)
    kept = glossary.applicable(**options)
    assert {term.concept for term in kept.terms} == concepts
    assert all(term.valid_on(options.get("date", "")) for term in kept.terms)


@pytest.mark.parametrize(
    ("date", "terms"),
    [
        ("", ["除名", "strike off", "remove from the register"]),
        ("2023-12-28", ["除名", "strike off", "remove from the register"]),
        ("2023-12-29", ["remove from the register"]),
    ],
)
def test_a_term_valid_to_a_date_does_not_apply_the_day_after(date: str, terms: list[str]) -> None:
    """strike off is valid to 2023-12-28; the forbidden rendering without dates always applies."""
    glossary, _ = read_glossary(VALID)
    kept = glossary.applicable(date=date)
    assert [t.term for t in kept.terms if t.concept == "strike-off"] == terms


def test_with_term_adds_a_row_or_replaces_the_row_with_the_same_key() -> None:
    """A new key is appended; the same concept, language (any case) and term is replaced."""
    glossary = _glossary(Term("a", "en", "alpha"), Term("b", "en", "beta"))
    added = glossary.with_term(Term("c", "en", "gamma"))
    changed = glossary.with_term(Term("a", "EN", "alpha", status="deprecated"))
    assert [t.term for t in added.terms] == ["alpha", "beta", "gamma"]
    assert [(t.term, t.status) for t in changed.terms] == [
        ("alpha", "deprecated"),
        ("beta", "preferred"),
    ]


@pytest.mark.parametrize(
    ("lang", "term", "removed", "left"),
    [
        (None, None, 7, 11),
        ("en", None, 3, 15),
        ("EN", "internet information department", 1, 17),
        ("zh-Hant", None, 1, 17),
        ("fr", "no such term", 0, 18),
    ],
    ids=["concept", "language", "one-term", "variant", "nothing"],
)
def test_without_removes_rows_and_counts_them(
    lang: str | None, term: str | None, removed: int, left: int
) -> None:
    """without() drops a concept's rows, narrowed by language and term, and says how many."""
    glossary, _ = read_glossary(VALID)
    smaller, count = glossary.without("cyberspace-department", lang, term)
    assert (count, len(smaller.terms)) == (removed, left)


_CYBERSPACE = [
    "网信部门",
    "cyberspace administration department",
    "department for cyberspace administration",
]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("網信", ["网信部门", "網信部門"]),
        ("CYBERSPACE  ADMINISTRATION", _CYBERSPACE),
        ("do not use", ["internet information department"]),
        ("personal-data", ["個人資料", "personal data"]),
        ("ｃｈｉｌｄ", ["儿童", "child"]),
        ("nothing like this", []),
    ],
    ids=["traditional", "case-spaces-definition", "note", "concept", "full-width", "none"],
)
def test_search_finds_folded_substrings(query: str, terms: list[str]) -> None:
    """search() looks in term, definition, note and concept, folded for script, width and case."""
    glossary, _ = read_glossary(VALID)
    assert [term.term for term in glossary.search(query)] == terms


# --- adding and removing rows in a file ---------------------------------------------------------


def test_add_entry_creates_the_file_with_a_new_concept(tmp_path: Path) -> None:
    """A first entry: the file is created, the concept named after the rendering, two rows."""
    path = tmp_path / "glossary" / "terms.tsv"
    slug, added = add_entry(path, "网信部门", "cyberspace administration department", pos="noun")
    glossary, _ = read_glossary(path)
    assert (slug, added) == ("cyberspace-administration-department", 2)
    assert [(t.lang, t.term, t.pos) for t in glossary.terms] == [
        ("zh-CN", "网信部门", "noun"),
        ("en", "cyberspace administration department", "noun"),
    ]


def test_add_entry_puts_a_new_rendering_under_the_concept_of_its_source_term(
    tmp_path: Path,
) -> None:
    """The source term (here in traditional script) finds its concept; one row is added."""
    path = tmp_path / "terms.tsv"
    shutil.copyfile(VALID, path)
    slug, added = add_entry(path, "網信部門", "cyber affairs office", status="admitted")
    glossary, _ = read_glossary(path)
    assert (slug, added) == ("cyberspace-department", 1)
    assert "cyber affairs office" in [t.term for t in glossary.renderings(slug, usable_only=True)]


def test_add_entry_replaces_the_row_of_an_existing_rendering(tmp_path: Path) -> None:
    """Adding a rendering the concept has already changes its row: nothing is added."""
    path = tmp_path / "terms.tsv"
    shutil.copyfile(VALID, path)
    _, added = add_entry(
        path, "网信部门", "cyberspace administration department", status="admitted"
    )
    glossary, _ = read_glossary(path)
    assert added == 0
    assert len(glossary.terms) == 18
    assert [t.status for t in glossary.renderings("cyberspace-department")][:2] == ["admitted"] * 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"status": "best"}, "status 'best'"),
        ({"valid_from": "2023"}, "not an ISO date"),
        ({"pattern": "(x"}, "not a valid regular expression"),
        ({"concept": "Bad Slug"}, "not a slug"),
        ({"note": "two\nlines"}, "tab or a line break"),
    ],
    ids=["status", "date", "pattern", "concept", "newline"],
)
def test_add_entry_refuses_a_bad_row_and_leaves_the_file(
    tmp_path: Path, options: dict[str, str], message: str
) -> None:
    """A row that could not be read back is a UsageError; the file is not touched."""
    path = tmp_path / "terms.tsv"
    shutil.copyfile(VALID, path)
    with pytest.raises(UsageError, match=re.escape(message)):
        add_entry(path, "网络安全", "cybersecurity", **options)
    assert path.read_bytes() == VALID.read_bytes()


def test_add_entry_asks_which_concept_when_the_source_term_has_several(tmp_path: Path) -> None:
    """A source term shared by two concepts: UsageError naming both."""
    path = tmp_path / "terms.tsv"
    write_glossary(
        path, _glossary(Term("a", "zh-CN", "机关"), Term("b", "zh-CN", "机关")), expect=None
    )
    with pytest.raises(UsageError, match=r"\(a, b\)"):
        add_entry(path, "机关", "organ")


@pytest.mark.parametrize(
    ("lang", "term", "removed"),
    [(None, None, 3), ("en", None, 2), ("en", "strike off", 1), ("fr", None, 0)],
)
def test_remove_entries_rewrites_the_file_only_when_rows_go(
    tmp_path: Path, lang: str | None, term: str | None, removed: int
) -> None:
    """remove_entries says how many rows went; with none, the file keeps its bytes."""
    path = tmp_path / "terms.tsv"
    shutil.copyfile(VALID, path)
    assert remove_entries(path, "strike-off", lang=lang, term=term) == removed
    glossary, _ = read_glossary(path)
    assert len(glossary.terms) == 18 - removed


# --- concept slugs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rendering", "existing", "slug"),
    [
        ("Cyberspace Administration Department", set(), "cyberspace-administration-department"),
        ("the State Council", set(), "state-council"),
        ("people's government", set(), "peoples-government"),
        ("Café société", set(), "cafe-societe"),
        ("ＰＲＣ  Data-Security   Law", set(), "prc-data-security-law"),
        ("one two three four five six seven eight", set(), "one-two-three-four-five-six"),
        ("minor", {"minor"}, "minor-2"),
        ("minor", {"minor", "minor-2", "minor-3"}, "minor-4"),
    ],
    ids=["words", "article", "apostrophe", "accents", "width", "six-words", "taken", "thrice"],
)
def test_concept_slug_from_the_english_rendering(
    rendering: str, existing: set[str], slug: str
) -> None:
    """Lower-case ASCII words joined by '-', at most six, made unique with -2, -3, …"""
    assert concept_slug(rendering, existing) == slug


def test_concept_slug_without_ascii_letters_hashes_the_source_term() -> None:
    """No ASCII letters: `term-` and a hash of the folded source term, so scripts agree."""
    simplified = concept_slug("", set(), source="网信部门")
    assert simplified == concept_slug("—", set(), source="網信部門")
    assert simplified.startswith("term-") and len(simplified) == 13
    assert concept_slug("§ 12", {simplified}, source="网信部门") == simplified + "-2"
    assert term_problem(Term(simplified, "en", "x")) is None


# --- Chinese lookup ------------------------------------------------------------------------------

_FIND_SOURCE = {
    "nested-counts-once": ("行政主管部门负责", [("行政主管部门", 0, 6)]),
    "both-separately": ("主管部门和行政主管部门", [("主管部门", 0, 4), ("行政主管部门", 5, 11)]),
    "longest-first": ("国家网信部门统筹协调", [("国家网信部门", 0, 6)]),
    "traditional-text": ("由網信部門負責", [("网信部门", 1, 5)]),
    "another-word": ("個人資訊", []),
    "overlap-leftmost": ("處理個人信息處理者", [("个人信息", 2, 6)]),
    "leftmost-beats-longer": ("个人信息处理者", [("个人信息", 0, 4)]),
    "width-and-case": ("下载app的用户和ＡＰＰ", [("ＡＰＰ", 2, 5), ("ＡＰＰ", 9, 12)]),
    "partial": ("主管部", []),
    "empty": ("", []),
}
_SOURCE_TERMS = [
    "主管部门",
    "行政主管部门",
    "网信部门",
    "国家网信部门",
    "个人信息",
    "信息处理者",
    "ＡＰＰ",
]


@pytest.mark.parametrize(("text", "expected"), _FIND_SOURCE.values(), ids=_FIND_SOURCE.keys())
def test_find_source_matches_folded_character_strings(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    """Leftmost-longest, non-overlapping, folded for script, width and case; spans of the text."""
    index = TermIndex(_glossary(*(Term("c", "zh-CN", t) for t in _SOURCE_TERMS)))
    hits = index.find_source(text)
    assert [(hit.term.term, hit.start, hit.end) for hit in hits] == expected


def test_find_source_reports_every_term_sharing_a_string() -> None:
    """Two concepts (or a zh-CN and a zh-Hant row) with the same folded term: one hit each."""
    terms = (
        Term("department-a", "zh-CN", "网信部门"),
        Term("department-b", "zh-CN", "网信部门", status="deprecated"),
        Term("department-a", "zh-Hant", "網信部門"),
        Term("department-a", "en", "cyberspace department"),
    )
    hits = TermIndex(_glossary(*terms)).find_source("各级网信部门")
    assert [(h.start, h.end, h.term) for h in hits] == [(2, 6, t) for t in terms[:3]]


def test_find_source_ignores_target_language_terms() -> None:
    """English renderings are never looked for in the source text."""
    index = TermIndex(_glossary(Term("c", "en", "APP"), Term("d", "zh", "应用")))
    assert [h.term.term for h in index.find_source("APP应用")] == ["应用"]


_HAN = "主管部门行政网信國家个人資信息处理，ＡａA"


@settings(max_examples=200, deadline=None)
@given(
    terms=st.lists(st.text(_HAN, min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(_HAN, max_size=40),
)
def test_every_source_hit_slices_a_substring_that_folds_to_the_term(
    terms: list[str], text: str
) -> None:
    """Property: fold(text[span]) == fold(term); hits are in order and never overlap."""
    index = TermIndex(_glossary(*(Term(f"c{i}", "zh-CN", t) for i, t in enumerate(terms))))
    hits = index.find_source(text)
    assert all(fold(text[h.start : h.end]) == fold(h.term.term) for h in hits)
    spans = sorted({(hit.start, hit.end) for hit in hits})
    assert all(first[1] <= second[0] for first, second in itertools.pairwise(spans))
    assert [(h.start, h.end) for h in hits] == sorted((h.start, h.end) for h in hits)


# --- English lookup ------------------------------------------------------------------------------

_TARGET_TERMS = [
    Term("a", "en", "department for cyberspace administration"),
    Term("b", "en", "people's government at or above the county level"),
    Term("c", "en", "public security organ"),
    Term("d", "en", "State"),
    Term("e", "en", "shall"),
    Term("f", "en", "law"),
    Term("g", "en", "cyber-security"),
    Term("h", "en", "authority"),
    Term("i", "en", "the competent authority"),
    Term("j", "en", "business"),
    Term("k", "en", "tax"),
    Term("l", "en", "child", pattern="(?:child|children)"),
    Term("m", "en", "strike off", pattern=r"struck\s+off"),
    Term("n", "en", "personal data breach"),
    Term("o", "en", "personal data"),
]

_COUNTY = "People's Governments at or above the County Level"
_FIND_TARGET = {
    "plural-and-article": (
        "the departments for cyberspace administration",
        [("a", "departments for cyberspace administration")],
    ),
    "capitals-and-possessive": (_COUNTY, [("b", _COUNTY)]),
    "curly-apostrophe-and-spaces": (
        "People’s Governments at  or above the county level",
        [("b", "People’s Governments at  or above the county level")],
    ),
    "plural-then-word": (
        "public security organs shall",
        [("c", "public security organs"), ("e", "shall")],
    ),
    "lower-case-after-article": ("the state", [("d", "state")]),
    "possessive": ("the State's interests", [("d", "State's")]),
    "plural-possessive": ("the States' interests", [("d", "States")]),
    "curly-possessive": ("the State’s interests", [("d", "State’s")]),
    "not-inside-a-word": ("a shallow well", []),
    "hyphen-splits-words": ("laws-and-regulations", [("f", "laws")]),
    "not-a-prefix": ("the lawful rights", []),
    "hyphen-or-space": (
        "cyber security and cyber-security",
        [("g", "cyber security"), ("g", "cyber-security")],
    ),
    "not-the-joined-form": ("cybersecurity", []),
    "ies-plural": ("the authorities", [("h", "authorities")]),
    "term-with-article": ("competent authorities", [("i", "competent authorities")]),
    "es-plurals": ("businesses and taxes", [("j", "businesses"), ("k", "taxes")]),
    "pattern": ("children and a child", [("l", "children"), ("l", "child")]),
    "pattern-whole-words": ("childhood", []),
    "pattern-spaces": ("it was struck  off the register", [("m", "struck  off")]),
    "pattern-and-tokens": ("to strike off", [("m", "strike off")]),
    "longest-first": (
        "a personal data breach of personal data",
        [("n", "personal data breach"), ("o", "personal data")],
    ),
    "full-width": ("ＳＴＡＴＥ", [("d", "ＳＴＡＴＥ")]),
}


@pytest.mark.parametrize(("text", "expected"), _FIND_TARGET.values(), ids=_FIND_TARGET.keys())
def test_find_target_tolerates_inflection_case_articles_and_hyphens(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Token sequences compared stemmed and folded, longest first; spans of the original text."""
    index = TermIndex(_glossary(*_TARGET_TERMS))
    hits = index.find_target(text)
    assert [(hit.term.concept, text[hit.start : hit.end]) for hit in hits] == expected


def test_find_target_with_terms_looks_only_for_those() -> None:
    """Given terms, only they compete: a longer glossary term does not hide a shorter one."""
    index = TermIndex(_glossary(*_TARGET_TERMS))
    wanted = [term for term in _TARGET_TERMS if term.concept in ("o", "d")]
    hits = index.find_target("A personal data breach harms the State.", wanted)
    assert [(hit.term.concept, hit.start, hit.end) for hit in hits] == [("o", 2, 15), ("d", 33, 38)]


def test_find_target_reports_every_rendering_with_the_same_words() -> None:
    """Renderings equal after folding and stemming each give a hit on the same span."""
    terms = (Term("a", "en", "Competent Authority"), Term("b", "en-GB", "competent authorities"))
    hits = TermIndex(_glossary(*terms)).find_target("the competent authority")
    assert [(hit.start, hit.end, hit.term.concept) for hit in hits] == [(4, 23, "a"), (4, 23, "b")]


def test_find_target_with_the_same_terms_again_gives_the_same_hits() -> None:
    """Term sets asked for again (as checks do, entry after entry) give the same answer."""
    index = TermIndex(_glossary(*_TARGET_TERMS))
    usable = [term for term in index.glossary.terms if term.usable]
    first = index.find_target("the States and the authorities", usable)
    for concepts in ("d", "h", "dh"):
        index.find_target("the States", [t for t in _TARGET_TERMS if t.concept in concepts])
    assert index.find_target("the States and the authorities", list(usable)) == first
    assert [hit.term.concept for hit in first] == ["d", "h"]


def test_find_target_ignores_source_terms() -> None:
    """Chinese terms are not looked for in the target text."""
    index = TermIndex(_glossary(Term("c", "zh-CN", "APP"), Term("d", "en", "app")))
    assert [hit.term.concept for hit in index.find_target("an APP")] == ["d"]
