"""Reading the lines of an English statute translation."""

from __future__ import annotations

import re

from ..model import Kind, Number
from ..numerals import from_roman
from .lines import Enumerator, LineKind, ParsedLine

__all__ = ["classify_en", "is_deletion_en"]

_ARTICLE_RE = re.compile(
    r"^(?P<word>Article|ARTICLE|Art\.)\s*(?P<n>[0-9]+)(?:\s*-\s*(?P<ins>[0-9]+))?\b"
    r"(?P<sep>[.:]?\s*)(?P<rest>.*)$"
)
_HEADING_RE = re.compile(
    r"^(?P<word>Part|PART|Chapter|CHAPTER|Section|SECTION|Subsection|SUBSECTION)\s+"
    r"(?P<n>[0-9]+|[IVXLCDM]+)\b(?:\s*-\s*(?P<ins>[0-9]+))?(?P<sep>[.:]?\s*)(?P<rest>.*)$"
)
_HEADING_KINDS = {
    "part": Kind.PART,
    "chapter": Kind.CHAPTER,
    "section": Kind.SECTION,
    "subsection": Kind.SUBSECTION,
}
_DELETION_RE = re.compile(r"^[(\[]\s*(?:deleted|repealed)\s*[)\]]\.?$", re.IGNORECASE)
_PREAMBLE_RE = re.compile(r"^(?:Preamble|PREAMBLE)$")
_TOC_RE = re.compile(r"^(?:Contents|CONTENTS|Table of Contents|TABLE OF CONTENTS)$")
# Words that show a line opens with a cross-reference, not a label: "Article 231 of the …".
_REFERENCE_WORDS = re.compile(
    r"^(?:of|and|or|to|through|in|under|shall|may|is|are|was|were|has|have|provides|"
    r"stipulates|states|above|herein|thereof|hereof|as|applies|apply)\b|^[,;]"
)
_HEADING_MAX = 160

_ENUMERATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren-arabic", re.compile(r"^\((?P<n>[0-9]{1,3})\)")),
    ("arabic-dot", re.compile(r"^(?P<n>[0-9]{1,3})[.)](?![0-9])")),
    ("paren-roman", re.compile(r"^\((?P<n>(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii))\)")),
    ("paren-latin", re.compile(r"^\((?P<n>[a-z])\)")),
    ("latin-dot", re.compile(r"^(?P<n>[a-z])[.)]\s")),
)


def is_deletion_en(text: str) -> bool:
    """Whether a line is the placeholder of a deleted provision, "(deleted)"."""
    return bool(_DELETION_RE.match(text.strip()))


def _value(raw: str) -> int:
    return int(raw) if raw.isdigit() else from_roman(raw)


def _enumerator(text: str) -> Enumerator | None:
    for style, pattern in _ENUMERATORS:
        match = pattern.match(text)
        if match is None:
            continue
        raw = match["n"]
        if style == "paren-roman":
            value = from_roman(raw)
        elif style in ("paren-latin", "latin-dot"):
            value = ord(raw) - ord("a") + 1
        else:
            value = int(raw)
        return Enumerator(style, value, match.group(0).rstrip())
    return None


def _heading(line: int, text: str) -> ParsedLine | None:
    match = _HEADING_RE.match(text)
    if match is None or len(text) > _HEADING_MAX:
        return None
    rest = match["rest"]
    if _REFERENCE_WORDS.match(rest) or rest.endswith((";", ",")):
        return None
    if rest.endswith(".") and len(rest.split()) > 12:
        return None  # a sentence that happens to open with "Chapter II …"
    insert = int(match["ins"]) if match["ins"] else 0
    return ParsedLine(
        line,
        text,
        LineKind.HEADING,
        heading=_HEADING_KINDS[match["word"].lower()],
        number=Number(_value(match["n"]), insert),
        label=text[: match.start("sep")],
        rest=rest,
    )


def _article(line: int, text: str) -> ParsedLine | None:
    match = _ARTICLE_RE.match(text)
    if match is None:
        return None
    rest = match["rest"]
    if rest and _REFERENCE_WORDS.match(rest):
        return None
    if rest and (rest[0].islower() or not match["sep"]):
        return None  # "Article 8(3) …" and "Article 12 of …" open with a reference
    number = Number(int(match["n"]), int(match["ins"]) if match["ins"] else 0)
    return ParsedLine(
        line,
        text,
        LineKind.ARTICLE,
        number=number,
        label=text[: match.start("sep")],
        rest=rest,
        deleted=is_deletion_en(rest) if rest else False,
    )


def classify_en(line: int, text: str) -> ParsedLine:
    """What a single line of English statute text can be, before context decides."""
    if _PREAMBLE_RE.match(text):
        return ParsedLine(line, text, LineKind.PREAMBLE, label=text)
    if _TOC_RE.match(text):
        return ParsedLine(line, text, LineKind.TOC, label=text)
    found = _article(line, text) or _heading(line, text)
    if found is not None:
        return found
    return ParsedLine(line, text, enumerator=_enumerator(text), deleted=is_deletion_en(text))
