"""Values shared by every layer: provisions, segments, clean-up records, cross-references.

Everything here is immutable; the parsers build these and nothing downstream changes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "AlignedPair",
    "Cleanup",
    "CrossRef",
    "DocumentFile",
    "Entry",
    "Finding",
    "Kind",
    "LawText",
    "Note",
    "Number",
    "Provision",
    "Segment",
    "Span",
    "Term",
    "TermHit",
    "Unit",
    "VersionStats",
]


class Kind(StrEnum):
    """The node kinds of a law's provision tree, from the whole text down to the sub-item."""

    TITLE = "title"
    NOTE = "note"
    TOC = "toc"  # a table of contents (目录) before the body
    PREAMBLE = "preamble"
    PART = "part"  # 编
    CHAPTER = "chapter"  # 章
    SECTION = "section"  # 节
    SUBSECTION = "subsection"  # a heading below 节 (Taiwan writes it 第一款)
    ARTICLE = "article"  # 条
    PARAGRAPH = "paragraph"  # 款 (PRC) / 項 (Taiwan)
    ITEM = "item"  # 项 (PRC) / 款 (Taiwan)
    SUBITEM = "subitem"  # 目

    @property
    def is_heading(self) -> bool:
        """Whether nodes of this kind are headings that group articles."""
        return self in _HEADINGS


_HEADINGS = frozenset({Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION})


@dataclass(frozen=True, slots=True, order=True)
class Number:
    """An article or heading number: 12 is (12, 0); 第十二条之一 and `12-1` are (12, 1)."""

    value: int
    insert: int = 0

    @property
    def label(self) -> str:
        """The Arabic label used in addresses and JSON: "12" or "12-1"."""
        return str(self.value) if not self.insert else f"{self.value}-{self.insert}"

    @classmethod
    def parse(cls, label: str) -> Number:
        """Read a label written as "12" or "12-1"."""
        head, _, tail = label.partition("-")
        if not head.isdigit() or (tail and not tail.isdigit()):
            raise ValueError(f"not a number label: {label!r}")
        return cls(int(head), int(tail) if tail else 0)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, slots=True)
class Cleanup:
    """One change the input clean-up made: what kind, on which line, what it replaced."""

    kind: str
    line: int
    before: str
    after: str
    count: int = 1

    def describe(self) -> str:
        """One line for `--explain`."""
        times = f" ({self.count}×)" if self.count > 1 else ""
        return f"line {self.line}: {self.kind}{times}: {self.before!r} → {self.after!r}"


@dataclass(frozen=True, slots=True)
class CrossRef:
    """A reference to a provision found in a text, kept as data.

    `law` is the title inside 《》 for references to another law, None for this one. `relative`
    names references by position (preceding paragraph, this article) instead of by number.
    `article_end` closes a range 第X条至第Y条. Spans index the text the reference was found in.
    """

    start: int
    end: int
    text: str
    law: str | None = None
    article: Number | None = None
    article_end: Number | None = None
    paragraph: int | None = None
    item: int | None = None
    relative: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """Facts read from a promulgation or adoption note, each None where the text is silent."""

    text: str
    promulgated: str | None = None  # ISO date
    adopted: str | None = None
    effective: str | None = None
    issuer: str | None = None
    order_number: str | None = None
    amended: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Provision:
    """A node of the provision tree.

    `text` is the node's own line exactly as the cleaned input has it (for an article, its label
    as written, e.g. "第八条"; for a paragraph or item, the whole line, item label included).
    `label` is the numbering prefix of that line ("第八条", "（三）", "Article 8", "(3)", "").
    `line` is 1-based in the cleaned text.
    """

    kind: Kind
    address: str
    text: str
    line: int
    label: str = ""
    number: Number | None = None
    children: tuple[Provision, ...] = ()
    deleted: bool = False
    # For an article whose first paragraph shares the label's line: what separates them (" ",
    # "", ". "); None when the label stands on a line of its own.
    separator: str | None = None

    @property
    def caption(self) -> str:
        """The text after the label: a heading's name, an item's words."""
        return self.text[len(self.label) :].strip() if self.label else self.text

    def walk(self) -> Iterator[Provision]:
        """This node and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, kind: Kind) -> tuple[Provision, ...]:
        """Direct children of one kind."""
        return tuple(child for child in self.children if child.kind is kind)


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence-level unit of translation, with the provision it belongs to."""

    address: str
    text: str
    kind: Kind
    article: str | None = None  # Arabic label, "8" or "12-1"
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class LawText:
    """One parsed law text (a version in one language): its provisions in document order."""

    lang: str
    provisions: tuple[Provision, ...]
    note: Note | None = None
    cleanups: tuple[Cleanup, ...] = ()
    encoding: str = "utf-8"
    path: str | None = None
    layout: dict[str, str] = field(default_factory=dict)

    def walk(self) -> Iterator[Provision]:
        """Every provision, in document order."""
        for top in self.provisions:
            yield from top.walk()

    def articles(self) -> tuple[Provision, ...]:
        """The articles, in document order."""
        return tuple(node for node in self.walk() if node.kind is Kind.ARTICLE)

    def first(self, kind: Kind) -> Provision | None:
        """The first provision of a kind, if any."""
        return next((node for node in self.walk() if node.kind is kind), None)

    @property
    def title(self) -> Provision | None:
        """The title line, if the text has one."""
        return self.first(Kind.TITLE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a bilingual document (a PO entry): a source segment and its translation.

    `flags` holds gettext flags (`fuzzy`) and lextm's (`reviewed`, `lextm-ignore:<check>`);
    `notes` are lextm's own `#.` lines, rewritten on every write; `comments` are translators'
    `# ` lines, never touched; `previous` is the earlier source a translation was made for.
    `line` is where the entry starts in the file it was read from (0 when built in memory).
    """

    address: str
    source: str
    target: str = ""
    flags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    previous: str | None = None
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        """Needs work (gettext's meaning)."""
        return "fuzzy" in self.flags

    @property
    def reviewed(self) -> bool:
        """Approved by a reviewer: lextm changes it only when forced."""
        return "reviewed" in self.flags

    @property
    def translated(self) -> bool:
        """Has a translation that is not marked as needing work."""
        return bool(self.target) and not self.fuzzy

    def ignored_checks(self) -> frozenset[str]:
        """Check ids suppressed on this entry with `lextm-ignore:<id>` flags."""
        return frozenset(
            flag.split(":", 1)[1] for flag in self.flags if flag.startswith("lextm-ignore:")
        )


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A whole bilingual document of one law version: header facts and entries in order.

    `extra_header` keeps header fields lextm does not own (an editor's `Last-Translator`),
    in their order; `obsolete` keeps obsolete entries an editor left, untouched.
    """

    document: str
    version: str
    source_lang: str
    target_lang: str
    entries: tuple[Entry, ...]
    source_hash: str = ""
    layout: str = "line"
    extra_header: tuple[tuple[str, str], ...] = ()
    obsolete: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """One link of an alignment: source and target segment addresses (either may be empty
    for 0-1 / 1-0 links), their texts, and how sure the aligner is (0–1)."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class Unit:
    """A translation-memory unit: a source and target text with where they came from.

    `tm` is "project" for units from the project's own PO files, or a reference TM's name.
    `origin` says how the translation came about (aligned, translated, carried over,
    pretranslated; imported, or what the file says, for reference TMs);
    `state` is untranslated, fuzzy, translated or reviewed. `position` orders the units of one
    document version.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    document: str = ""
    version: str = ""
    address: str = ""
    position: int = 0
    origin: str = "translated"
    state: str = "translated"
    tm: str = "project"
    role: str = "translate"
    note: str = ""


@dataclass(frozen=True, slots=True)
class VersionStats:
    """Counts for one document version, as `lextm stats` reports them."""

    document: str
    version: str
    segments: int
    translated: int
    fuzzy: int
    untranslated: int
    reviewed: int = 0


TERM_STATUSES = ("preferred", "admitted", "deprecated", "forbidden")


@dataclass(frozen=True, slots=True)
class Term:
    """One row of a termbase: a term (or rendering) of a concept in one language.

    `scope` is empty (everywhere), a jurisdiction (PRC, TW, HK…) or a document slug for a term a
    law defines for itself; `valid_from` / `valid_to` bound the version dates it applies to
    (ISO dates, either may be empty). `pattern` is an optional regular expression for forms
    the default matching does not reach (irregular plurals, split verbs).
    """

    concept: str
    lang: str
    term: str
    status: str = "preferred"
    pos: str = ""
    scope: str = ""
    valid_from: str = ""
    valid_to: str = ""
    definition: str = ""
    note: str = ""
    source: str = ""
    pattern: str = ""
    line: int = 0  # where it was read from, for messages

    @property
    def usable(self) -> bool:
        """Preferred and admitted renderings are usable; deprecated and forbidden are not."""
        return self.status in ("preferred", "admitted")

    def valid_on(self, date: str) -> bool:
        """Whether the term applies to a version dated `date` (ISO; empty means any)."""
        if not date:
            return True
        return (not self.valid_from or self.valid_from <= date) and (
            not self.valid_to or date <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class TermHit:
    """Where a term was found in a text: character span and the term."""

    start: int
    end: int
    term: Term


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports about one segment (or one document)."""

    check: str
    severity: str  # error, warning, info
    message: str
    document: str = ""
    version: str = ""
    address: str = ""
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    terms: tuple[str, ...] = ()
    source: str = ""
    target: str = ""
