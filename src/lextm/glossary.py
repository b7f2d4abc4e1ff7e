"""Termbases: the glossary TSV files (docs/data-contract.md §4), and finding their terms in texts.

Reading is strict: every problem is an InputError naming the file and line. Columns are found
by their header names (a spreadsheet may have moved them; `pattern`, added later, may be
missing); a BOM, CRLF line ends and blank rows are tolerated. Writing is canonical (all 12
columns in order, rows sorted, `\\n` line endings, UTF-8 without BOM), so the same content
always gives the same bytes and branches of a glossary merge cleanly.

Lookup compares folded texts (`fold`: script, width, Latin case), never rewritten ones, and
reports spans of the original text:

- Source terms (Chinese) are matched as character strings, leftmost-longest and without
  overlaps: at each position the longest term starting there wins, and a term nested inside
  it (主管部门 in 行政主管部门) is not reported separately. No word segmenter takes part: jieba
  cuts 国家网信部门 into 国家/网信/部门, which would hide the term.
- Target terms (English) are matched as sequences of tokens: split at anything that is not a
  letter or digit (apostrophes inside a word stay), reduced by a small plural stemmer, leading
  articles dropped from the term. So "departments" finds "department", "the State's" finds
  "State", "cyber security" finds "cyber-security" but not "cybersecurity", and "shall" never
  finds "shallow". A hyphen splits tokens, so "law" is found inside "laws-and-regulations".
  A term's `pattern` (a regular expression, case-insensitive, matched as whole words against
  the original text) adds forms the stemmer does not reach: "children", "struck off".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .errors import InputError, UsageError
from .fileio import Expect, Fingerprint, atomic_write_text, read_bytes
from .fold import fold, fold_spaces
from .model import TERM_STATUSES, Term, TermHit

__all__ = [
    "COLUMNS",
    "Glossary",
    "TermIndex",
    "add_entry",
    "concept_slug",
    "parse_glossary",
    "read_glossaries",
    "read_glossary",
    "remove_entries",
    "render_glossary",
    "same_language",
    "term_problem",
    "write_glossary",
]

COLUMNS = (
    "concept",
    "lang",
    "term",
    "status",
    "pos",
    "scope",
    "valid_from",
    "valid_to",
    "definition",
    "note",
    "source",
    "pattern",
)
_OPTIONAL = frozenset({"pattern"})  # added later: files written without it still read
_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]*")
_LANG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UNWRITABLE = re.compile(r"[\t\n\r]")
_STATUS_RANK = {status: rank for rank, status in enumerate(TERM_STATUSES)}
_HEADER_HINT = "The columns are: " + " ".join(COLUMNS) + " (pattern may be left out)."

_Key = tuple[str, str, str]


@lru_cache(maxsize=256)
def same_language(lang: str, other: str) -> bool:
    """Whether two BCP 47 tags share their primary subtag: zh, zh-CN and zh-Hant are one."""
    return _primary(lang) == _primary(other)


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-", 1)[0].casefold()


def _key(term: Term) -> _Key:
    """What makes a row unique: concept, language (any case) and the term as written."""
    return term.concept, term.lang.casefold(), term.term


# --- the glossary --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Glossary:
    """The terms of one or more termbase files, with the project's two languages."""

    terms: tuple[Term, ...]
    source_lang: str = "zh-CN"
    target_lang: str = "en"

    def concepts(self) -> dict[str, tuple[Term, ...]]:
        """Terms grouped by concept, concepts and terms in the order they come."""
        grouped: dict[str, list[Term]] = {}
        for term in self.terms:
            grouped.setdefault(term.concept, []).append(term)
        return {concept: tuple(terms) for concept, terms in grouped.items()}

    def source_terms(self, concept: str | None = None) -> tuple[Term, ...]:
        """Terms in the source language (any variant: zh, zh-CN, zh-Hant), of one concept or all."""
        return self._in_language(self.source_lang, concept)

    def target_terms(self, concept: str | None = None) -> tuple[Term, ...]:
        """Terms in the target language (any variant), of one concept or all."""
        return self._in_language(self.target_lang, concept)

    def renderings(self, concept: str, *, usable_only: bool = False) -> tuple[Term, ...]:
        """A concept's target-language terms in status order: preferred, admitted, deprecated, …"""
        found = (t for t in self.target_terms(concept) if t.usable or not usable_only)
        return tuple(sorted(found, key=lambda t: _STATUS_RANK.get(t.status, len(_STATUS_RANK))))

    def applicable(self, *, document: str = "", jurisdiction: str = "", date: str = "") -> Glossary:
        """The terms that apply to one document version.

        A term applies when its scope is empty, names the jurisdiction or the document (any
        case), and its validity includes `date` (an empty date accepts every term).
        """
        scopes = {scope.casefold() for scope in (document, jurisdiction) if scope}
        kept = tuple(
            term
            for term in self.terms
            if (not term.scope or term.scope.casefold() in scopes) and term.valid_on(date)
        )
        return replace(self, terms=kept)

    def with_term(self, term: Term) -> Glossary:
        """This glossary with `term` added, or put in place of the row with the same key."""
        key = _key(term)
        if not any(_key(old) == key for old in self.terms):
            return replace(self, terms=(*self.terms, term))
        return replace(self, terms=tuple(term if _key(old) == key else old for old in self.terms))

    def without(
        self, concept: str, lang: str | None = None, term: str | None = None
    ) -> tuple[Glossary, int]:
        """This glossary without a concept's rows (of one language, one term), and how many went.

        `lang` compares in any case, `term` exactly as written.
        """

        def removed(row: Term) -> bool:
            return (
                row.concept == concept
                and (lang is None or row.lang.casefold() == lang.casefold())
                and (term is None or row.term == term)
            )

        kept = tuple(row for row in self.terms if not removed(row))
        return replace(self, terms=kept), len(self.terms) - len(kept)

    def search(self, query: str) -> tuple[Term, ...]:
        """Terms whose term, definition, note or concept holds `query`, compared folded."""
        needle = fold_spaces(query)
        return tuple(
            term
            for term in self.terms
            if any(
                needle in fold_spaces(value)
                for value in (term.term, term.definition, term.note, term.concept)
            )
        )

    def _in_language(self, lang: str, concept: str | None) -> tuple[Term, ...]:
        return tuple(
            term
            for term in self.terms
            if (concept is None or term.concept == concept) and same_language(term.lang, lang)
        )


# --- reading -------------------------------------------------------------------------------------


def read_glossary(
    path: Path, *, source_lang: str = "zh-CN", target_lang: str = "en"
) -> tuple[Glossary, Fingerprint | None]:
    """Read a termbase file and its fingerprint; a missing file is an empty glossary (None)."""
    if not path.exists():
        return Glossary((), source_lang, target_lang), None
    data, fingerprint = read_bytes(path)
    terms = parse_glossary(_decode(data, path), path=path)
    return Glossary(terms, source_lang, target_lang), fingerprint


def read_glossaries(
    paths: Iterable[Path], *, source_lang: str = "zh-CN", target_lang: str = "en"
) -> Glossary:
    """Several termbase files as one glossary; a row repeated in two files is an InputError."""
    terms: list[Term] = []
    seen: dict[_Key, tuple[Path, int]] = {}
    for path in dict.fromkeys(paths):
        glossary, _ = read_glossary(path, source_lang=source_lang, target_lang=target_lang)
        for term in glossary.terms:
            first = seen.setdefault(_key(term), (path, term.line))
            if first != (path, term.line):
                raise InputError(
                    f"{_describe(term)} is already in {first[0]}:{first[1]}",
                    path=path,
                    line=term.line,
                    hint="Keep the row in one file only.",
                )
            terms.append(term)
    return Glossary(tuple(terms), source_lang, target_lang)


def parse_glossary(text: str, *, path: str | Path = "<glossary>") -> tuple[Term, ...]:
    """The rows of a termbase's text, in file order; InputError naming `path` and the line."""
    lines = text.removeprefix("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError("the header row is missing", path=path, line=1, hint=_HEADER_HINT)
    columns = _read_header(lines[first], path, first + 1)
    terms: list[Term] = []
    seen: dict[_Key, int] = {}
    for number, line in enumerate(lines[first + 1 :], start=first + 2):
        if not line.strip():
            continue
        term = _read_row(line, columns, path, number)
        earlier = seen.setdefault(_key(term), number)
        if earlier != number:
            raise InputError(
                f"{_describe(term)} repeats line {earlier}",
                path=path,
                line=number,
                hint="Remove one of the two rows.",
            )
        terms.append(term)
    return tuple(terms)


def term_problem(term: Term) -> str | None:
    """What is wrong with a row, as one sentence, or None when it may be read and written."""
    for name in ("concept", "lang", "term"):
        if not getattr(term, name):
            return f"the {name} is empty: every row needs a concept, a language and a term"
    for name in COLUMNS:
        if _UNWRITABLE.search(getattr(term, name)):
            return f"the {name} holds a tab or a line break, which a TSV file cannot hold"
    if not _SLUG.fullmatch(term.concept):
        return (
            f"concept {term.concept!r} is not a slug: use lower-case letters, digits, '.', '_' "
            "and '-', starting with a letter or digit (cyberspace-department)"
        )
    if not _LANG.fullmatch(term.lang):
        return f"lang {term.lang!r} is not a BCP 47 language tag such as zh-CN, zh-Hant or en"
    if term.status not in _STATUS_RANK:
        return f"status {term.status!r} is not one of {', '.join(TERM_STATUSES)}"
    return _date_problem(term) or _pattern_problem(term.pattern)


def _date_problem(term: Term) -> str | None:
    for name in ("valid_from", "valid_to"):
        value: str = getattr(term, name)
        if value and not _is_date(value):
            return f"{name} {value!r} is not an ISO date (YYYY-MM-DD)"
    if term.valid_from and term.valid_to and term.valid_from > term.valid_to:
        return f"valid_from {term.valid_from} is after valid_to {term.valid_to}"
    return None


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _pattern_problem(pattern: str) -> str | None:
    if not pattern:
        return None
    try:
        _compile_pattern(pattern)
    except re.error as error:
        return f"pattern {pattern!r} is not a valid regular expression ({error})"
    return None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "not valid UTF-8",
            path=path,
            line=data[: error.start].count(b"\n") + 1,
            hint="Save the termbase as UTF-8.",
        ) from None


def _read_header(line: str, path: str | Path, number: int) -> tuple[str, ...]:
    names = tuple(name.strip().lower() for name in line.split("\t"))
    unknown = [name for name in names if name not in COLUMNS]
    missing = [name for name in COLUMNS if name not in names and name not in _OPTIONAL]
    repeated = sorted({name for name in names if names.count(name) > 1})
    problems = [
        f"{what} {', '.join(map(repr, found))}"
        for what, found in (
            ("unknown columns", unknown),
            ("missing columns", missing),
            ("repeated columns", repeated),
        )
        if found
    ]
    if problems:
        message = "the header row has " + "; ".join(problems)
        raise InputError(message, path=path, line=number, hint=_HEADER_HINT)
    return names


def _read_row(line: str, columns: tuple[str, ...], path: str | Path, number: int) -> Term:
    fields = line.removesuffix("\r").split("\t")
    if len(fields) != len(columns):
        raise InputError(
            f"the row has {len(fields)} fields, the header {len(columns)}",
            path=path,
            line=number,
            hint="Fields are separated by single tabs; an empty field still needs its tab.",
        )
    values = {name: value.strip() for name, value in zip(columns, fields, strict=True)}
    term = _term_from(values, number)
    problem = term_problem(term)
    if problem:
        raise InputError(problem, path=path, line=number)
    return term


def _term_from(values: dict[str, str], line: int) -> Term:
    return Term(
        concept=values["concept"],
        lang=values["lang"],
        term=values["term"],
        status=values["status"],
        pos=values["pos"],
        scope=values["scope"],
        valid_from=values["valid_from"],
        valid_to=values["valid_to"],
        definition=values["definition"],
        note=values["note"],
        source=values["source"],
        pattern=values.get("pattern", ""),
        line=line,
    )


def _describe(term: Term) -> str:
    return f"the row {term.concept} / {term.lang} / {term.term!r}"


# --- writing -------------------------------------------------------------------------------------


def render_glossary(glossary: Glossary) -> str:
    """The canonical TSV text: header, rows sorted, all 12 columns; ValueError if not writable."""
    rows = sorted((_cells(term) for term in glossary.terms), key=_row_order(glossary))
    _check_rows(rows)
    return "".join("\t".join(row) + "\n" for row in (COLUMNS, *rows))


def write_glossary(path: Path, glossary: Glossary, *, expect: Expect) -> Fingerprint:
    """Write the canonical TSV atomically, refusing if the file is no longer as `expect` says."""
    return atomic_write_text(path, render_glossary(glossary), expect=expect)


def add_entry(
    path: Path,
    source_term: str,
    rendering: str,
    *,
    source_lang: str = "zh-CN",
    target_lang: str = "en",
    status: str = "preferred",
    concept: str | None = None,
    scope: str = "",
    valid_from: str = "",
    valid_to: str = "",
    pos: str = "",
    definition: str = "",
    note: str = "",
    source: str = "",
    pattern: str = "",
) -> tuple[str, int]:
    """Add a source term and its rendering to a termbase file: the concept, and rows added.

    Without `concept`, the concept already holding the source term (compared folded) is used,
    else a new slug is made from the rendering. The source term is added as preferred unless
    the concept has it already (in any script); the rendering's row is added, or replaces the
    row with the same concept, language and term. UsageError for a row that cannot be written.
    """
    glossary, fingerprint = read_glossary(path, source_lang=source_lang, target_lang=target_lang)
    slug = concept or _concept_for(glossary, source_term.strip(), rendering)
    source_row = Term(slug, source_lang, source_term.strip(), pos=pos, scope=scope)
    source_row = replace(
        source_row, valid_from=valid_from, valid_to=valid_to, definition=definition
    )
    target_row = replace(source_row, lang=target_lang, term=rendering.strip(), status=status)
    target_row = replace(target_row, definition="", note=note, source=source, pattern=pattern)
    rows = (source_row, target_row)
    for row in rows:
        if problem := term_problem(row):
            raise UsageError(f"cannot add {row.term!r}: {problem}")
    folded = fold(source_row.term)
    has_source = any(fold(t.term) == folded for t in glossary.source_terms(slug))
    has_target = any(_key(t) == _key(target_row) for t in glossary.terms)
    updated = glossary if has_source else glossary.with_term(source_row)
    write_glossary(path, updated.with_term(target_row), expect=fingerprint)
    return slug, (not has_source) + (not has_target)


def remove_entries(
    path: Path,
    concept: str,
    *,
    lang: str | None = None,
    term: str | None = None,
    source_lang: str = "zh-CN",
    target_lang: str = "en",
) -> int:
    """Remove a concept's rows (of one language, one term) from a termbase file; how many."""
    glossary, fingerprint = read_glossary(path, source_lang=source_lang, target_lang=target_lang)
    smaller, removed = glossary.without(concept, lang, term)
    if removed:
        write_glossary(path, smaller, expect=fingerprint)
    return removed


def _concept_for(glossary: Glossary, source_term: str, rendering: str) -> str:
    folded = fold(source_term)
    owners = list(
        dict.fromkeys(t.concept for t in glossary.source_terms() if fold(t.term) == folded)
    )
    if len(owners) > 1:
        raise UsageError(
            f"{source_term!r} belongs to several concepts ({', '.join(owners)})",
            hint="Say which one with --concept.",
        )
    if owners:
        return owners[0]
    return concept_slug(rendering, set(glossary.concepts()), source=source_term)


def _cells(term: Term) -> tuple[str, ...]:
    return tuple(str(getattr(term, name)).strip() for name in COLUMNS)


def _row_order(glossary: Glossary) -> Callable[[tuple[str, ...]], tuple[object, ...]]:
    """Concept, then language (source, target, others), status, term; the whole row breaks ties."""
    languages = (glossary.source_lang, glossary.target_lang)

    def key(row: tuple[str, ...]) -> tuple[object, ...]:
        concept, lang, term, status = row[:4]
        rank = next((i for i, known in enumerate(languages) if same_language(lang, known)), 2)
        status_rank = _STATUS_RANK.get(status, len(_STATUS_RANK))
        return concept, rank, lang.casefold(), lang, status_rank, term, row

    return key


def _check_rows(rows: list[tuple[str, ...]]) -> None:
    """The rows of a file lextm writes must read back: no bad value, no repeated key."""
    seen: set[_Key] = set()
    for row in rows:
        term = _term_from(dict(zip(COLUMNS, row, strict=True)), 0)
        problem = term_problem(term)
        if problem:
            raise ValueError(f"{_describe(term)}: {problem}")
        if _key(term) in seen:
            raise ValueError(f"{_describe(term)} is there twice")
        seen.add(_key(term))


# --- concept slugs -------------------------------------------------------------------------------

_ARTICLES = frozenset({"the", "a", "an"})
_SLUG_WORDS = 6


def concept_slug(term_en: str, existing: Collection[str], *, source: str = "") -> str:
    """A stable concept slug from an English rendering, made unique against `existing`.

    Lower-case ASCII words joined by "-" (leading articles dropped, at most six words). A
    rendering without ASCII letters gives `term-` and a short hash of the folded source term
    (or of the rendering when no source term is given), so 網信部門 and 网信部门 agree.
    """
    plain = unicodedata.normalize("NFKD", fold(term_en)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", plain.lower()))
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    if re.search("[a-z]", "".join(words)):
        base = "-".join(words[:_SLUG_WORDS])
    else:
        digest = hashlib.sha256(fold_spaces(source or term_en).encode("utf-8")).hexdigest()
        base = f"term-{digest[:8]}"
    slug, counter = base, 1
    while slug in existing:
        counter += 1
        slug = f"{base}-{counter}"
    return slug


# --- lookup --------------------------------------------------------------------------------------


class TermIndex:
    """A glossary prepared for lookup: built once, then used for many segments.

    `glossary` is the glossary it was built from.
    """

    __slots__ = ("_by_concept", "_concepts", "_recent", "_source", "_target", "glossary")

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._source = _CharMatcher(glossary.source_terms())
        self._target = _TokenMatcher(glossary.target_terms())
        self._recent: list[tuple[tuple[Term, ...], _TokenMatcher]] = []
        self._concepts: dict[str, tuple[Term, ...]] | None = None
        self._by_concept: dict[tuple[str, bool], _TokenMatcher] = {}

    def renderings(self, concept: str, *, usable_only: bool = True) -> tuple[Term, ...]:
        """The target-language terms of a concept (preferred and admitted by default)."""
        if self._concepts is None:
            self._concepts = self.glossary.concepts()
        return tuple(
            t
            for t in self._concepts.get(concept, ())
            if same_language(t.lang, self.glossary.target_lang) and (t.usable or not usable_only)
        )

    def find_by_status(self, text: str, statuses: tuple[str, ...]) -> list[TermHit]:
        """Target-language terms of these statuses in `text`; one matcher per status set."""
        key = ("\x00status", statuses)
        matcher = self._by_concept.get((str(key), True))
        if matcher is None:
            terms = tuple(t for t in self.glossary.target_terms() if t.status in statuses)
            matcher = _TokenMatcher(terms)
            self._by_concept[(str(key), True)] = matcher
        return matcher.find(text)

    def find_renderings(
        self, text: str, concept: str, *, usable_only: bool = True
    ) -> list[TermHit]:
        """Renderings of one concept in `text`; the matcher is built once per concept."""
        key = (concept, usable_only)
        matcher = self._by_concept.get(key)
        if matcher is None:
            matcher = _TokenMatcher(self.renderings(concept, usable_only=usable_only))
            self._by_concept[key] = matcher
        return matcher.find(text)

    def find_source(self, text: str) -> list[TermHit]:
        """Source terms (of any status) in `text`: leftmost-longest, without overlaps."""
        return self._source.find(text)

    def find_target(self, text: str, terms: Iterable[Term] | None = None) -> list[TermHit]:
        """Target-language terms (or only `terms`) in `text`, tolerant of inflection and articles.

        Only the given terms compete for the text: a longer glossary term never hides one of
        them.
        """
        matcher = self._target if terms is None else self._matcher_for(tuple(terms))
        return matcher.find(text)

    def _matcher_for(self, terms: tuple[Term, ...]) -> _TokenMatcher:
        """A matcher for these terms; the last few are kept, as checks ask for the same sets."""
        for position, (known, matcher) in enumerate(self._recent):
            if len(known) == len(terms) and known == terms:
                self._recent.insert(0, self._recent.pop(position))
                return matcher
        matcher = _TokenMatcher(terms)
        self._recent.insert(0, (terms, matcher))
        del self._recent[_RECENT_MATCHERS:]
        return matcher


_RECENT_MATCHERS = 16


class _CharMatcher:
    """Folded term strings, and for each first character the lengths of terms starting with it."""

    __slots__ = ("_lengths", "_terms")

    def __init__(self, terms: Iterable[Term]) -> None:
        grouped: dict[str, list[Term]] = {}
        for term in terms:
            folded = fold(term.term)
            if folded:
                grouped.setdefault(folded, []).append(term)
        self._terms = {string: tuple(found) for string, found in grouped.items()}
        lengths: dict[str, set[int]] = {}
        for string in self._terms:
            lengths.setdefault(string[0], set()).add(len(string))
        self._lengths = {ch: sorted(found, reverse=True) for ch, found in lengths.items()}

    def find(self, text: str) -> list[TermHit]:
        folded = fold(text)
        hits: list[TermHit] = []
        start = 0
        while start < len(folded):
            found = self._longest_at(folded, start)
            if found is None:
                start += 1
                continue
            end = start + len(found)
            hits.extend(TermHit(start, end, term) for term in self._terms[found])
            start = end
        return hits

    def _longest_at(self, folded: str, start: int) -> str | None:
        room = len(folded) - start
        for length in self._lengths.get(folded[start], ()):
            if length <= room:
                string = folded[start : start + length]
                if string in self._terms:
                    return string
        return None


_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’ʼ]s$")
_PATTERN_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_Candidate = tuple[int, int, int, Term]  # start, end, the term's rank in the matcher, term


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A conservative plural stemmer: the same reduction on both sides is all matching needs."""
    word = _POSSESSIVE.sub("", word).replace("’", "'").replace("ʼ", "'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)  # checks look the same translation up many times in a row
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """(stem, start, end) of each word of `text`, spans in the original text."""
    return tuple(
        (_stem(match.group().lower()), match.start(), match.end())
        for match in _TOKEN.finditer(fold(text))
    )


@lru_cache(maxsize=4096)
def _stem_set(text: str) -> frozenset[str]:
    """The stems of `text`, for a quick test before a full scan."""
    return frozenset(stem for stem, _, _ in _tokens(text))


@lru_cache(maxsize=1 << 16)  # find_target(text, terms) builds a small matcher on every call
def _term_key(term: str) -> tuple[str, ...]:
    stems = [stem for stem, _, _ in _tokens(term)]
    while len(stems) > 1 and stems[0] in _ARTICLES:
        stems.pop(0)
    return tuple(stems)


def _compile_pattern(pattern: str) -> re.Pattern[str]:
    """A term's pattern as whole words, case-insensitive; its own leading global flags kept."""
    flags = _PATTERN_FLAGS.match(pattern)
    head = flags.group() if flags else ""
    body = pattern[len(head) :]
    return re.compile(rf"{head}(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


class _TokenMatcher:
    """Term stem sequences, and for each first stem the lengths of terms starting with it."""

    __slots__ = ("_lengths", "_patterns", "_terms")

    def __init__(self, terms: tuple[Term, ...]) -> None:
        grouped: dict[tuple[str, ...], list[tuple[int, Term]]] = {}
        for rank, term in enumerate(terms):
            key = _term_key(term.term)
            if key:
                grouped.setdefault(key, []).append((rank, term))
        self._terms = {key: tuple(found) for key, found in grouped.items()}
        lengths: dict[str, set[int]] = {}
        for key in self._terms:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {stem: sorted(found, reverse=True) for stem, found in lengths.items()}
        # The bare pattern is a quick probe: the whole-word form defeats the regex engine's
        # search shortcuts and costs twice as much on the many texts where neither matches.
        self._patterns = tuple(
            (re.compile(term.pattern, re.IGNORECASE), _compile_pattern(term.pattern), rank, term)
            for rank, term in enumerate(terms)
            if term.pattern
        )

    def find(self, text: str) -> list[TermHit]:
        if not self._patterns and not self._may_start(text):
            return []  # the common case for a one-concept matcher: none of its words is there
        candidates = self._token_candidates(text)
        for probe, pattern, rank, term in self._patterns:
            if probe.search(text) is None:
                continue
            candidates.extend(
                (match.start(), match.end(), rank, term)
                for match in pattern.finditer(text)
                if match.end() > match.start()
            )
        return _leftmost_longest(candidates)

    def _may_start(self, text: str) -> bool:
        """Whether a stem some term starts with occurs in `text` at all."""
        stems = _stem_set(text)
        if len(self._lengths) < len(stems):
            return any(stem in stems for stem in self._lengths)
        return any(stem in self._lengths for stem in stems)

    def _token_candidates(self, text: str) -> list[_Candidate]:
        """At each token, the longest term starting there (every term sharing its stems)."""
        tokens = _tokens(text)
        stems = [stem for stem, _, _ in tokens]
        candidates: list[_Candidate] = []
        for index, stem in enumerate(stems):
            room = len(stems) - index
            for length in self._lengths.get(stem, ()):
                found = self._terms.get(tuple(stems[index : index + length]))
                if found is not None and length <= room:  # a cut-off slice is a shorter key
                    start, end = tokens[index][1], tokens[index + length - 1][2]
                    candidates.extend((start, end, rank, term) for rank, term in found)
                    break
        return candidates


def _leftmost_longest(candidates: list[_Candidate]) -> list[TermHit]:
    """Non-overlapping hits: the earliest start wins, then the longest; equal spans all count."""
    hits: list[TermHit] = []
    chosen: tuple[int, int] | None = None
    seen: set[tuple[int, int, int]] = set()
    for start, end, rank, term in sorted(candidates, key=lambda c: (c[0], -c[1], c[2])):
        if (start, end) != chosen and hits and start < hits[-1].end:
            continue
        if (start, end, rank) not in seen:
            seen.add((start, end, rank))
            hits.append(TermHit(start, end, term))
            chosen = (start, end)
    return hits
