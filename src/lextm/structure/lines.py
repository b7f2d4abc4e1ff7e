"""Classified lines: what the language-specific readers tell the tree builder about each line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model import Kind, Number

__all__ = ["Enumerator", "LineKind", "ParsedLine"]


class LineKind(StrEnum):
    """What one line of a law text is, as far as the line alone can tell."""

    HEADING = "heading"  # 编/章/节 or Part/Chapter/Section
    ARTICLE = "article"  # an article label, alone or followed by the first paragraph
    PREAMBLE = "preamble"  # the 序言 / Preamble heading
    TOC = "toc"  # the 目录 / Contents heading
    TEXT = "text"  # anything else: a paragraph, an item, a title, a note line


@dataclass(frozen=True, slots=True)
class Enumerator:
    """The label that starts an enumerated line: its style family, its value and how it is written.

    Styles are families such as "paren-han" for （一）, "han-comma" for 一、, "paren-arabic" for
    (1), "arabic-dot" for 1., "paren-latin" for (a); the tree builder nests lists by style.
    """

    style: str
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class ParsedLine:
    """One cleaned line with what the reader recognised in it."""

    line: int
    text: str
    kind: LineKind = LineKind.TEXT
    heading: Kind | None = None
    number: Number | None = None
    label: str = ""
    rest: str = ""  # for ARTICLE: the text after the label on the same line
    enumerator: Enumerator | None = None
    deleted: bool = False  # the line (or the article's rest) is a deletion placeholder
