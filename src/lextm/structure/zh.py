"""Reading the lines of a Chinese statute (simplified or traditional, PRC or Taiwan layout)."""

from __future__ import annotations

import re

from ..model import Kind, Number
from ..numerals import parse_number
from .lines import Enumerator, LineKind, ParsedLine

__all__ = ["classify_zh", "is_deletion_zh"]

_NUM = r"(?:[0-9０-９]+|[〇零一二两兩三四五六七八九十百千]+)"
_ARTICLE_RE = re.compile(
    rf"^第\s*(?P<n>{_NUM})\s*(?:[-－]\s*(?P<dash>{_NUM})\s*)?(?P<mark>[条條])"
    rf"(?:\s*之\s*(?P<ins>{_NUM}))?(?P<sep>\s*)(?P<rest>.*)$"
)
_HEADING_RE = re.compile(
    rf"^第\s*(?P<n>{_NUM})\s*(?:[-－]\s*(?P<dash>{_NUM})\s*)?(?P<mark>[编編章节節款])"
    rf"(?:\s*之\s*(?P<ins>{_NUM}))?(?P<sep>\s*)(?P<rest>.*)$"
)
_HEADING_KINDS = {
    "编": Kind.PART,
    "編": Kind.PART,
    "章": Kind.CHAPTER,
    "节": Kind.SECTION,
    "節": Kind.SECTION,
    "款": Kind.SUBSECTION,
}
_PREAMBLE_RE = re.compile(r"^序\s*言$")
_TOC_RE = re.compile(r"^目\s*录$|^目\s*錄$")
_DELETION_RE = re.compile(r"^[（(]\s*[删刪]\s*除\s*[）)][。.]?$")
# A heading's name never ends like a sentence and never reads on as a reference ("第二章规定的").
_SENTENCE_END = re.compile(r"[。；;，,：:]$")
_REFERENCE_TAIL = re.compile(r"^(?:[的之和与及或、至到]|规定|規定|所|中|以|第)")
_HEADING_MAX = 60

_ENUMERATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren-han", re.compile(r"^[（(](?P<n>[一二三四五六七八九十百]+)[）)]")),
    ("paren-arabic", re.compile(r"^[（(](?P<n>[0-9０-９]{1,3})[）)]")),
    ("han-comma", re.compile(r"^(?P<n>[一二三四五六七八九十百]+)、")),
    ("arabic-dot", re.compile(r"^(?P<n>[0-9０-９]{1,3})(?:[.．、](?![0-9０-９]))")),
    ("circled", re.compile(r"^(?P<n>[①-⑳])")),
)


def is_deletion_zh(text: str) -> bool:
    """Whether a line is the placeholder of a deleted provision, （删除） or （刪除）."""
    return bool(_DELETION_RE.match(text.strip()))


def _number(match: re.Match[str]) -> Number:
    insert = match["ins"] or match["dash"]
    return Number(parse_number(match["n"]), parse_number(insert) if insert else 0)


def _enumerator(text: str) -> Enumerator | None:
    for style, pattern in _ENUMERATORS:
        match = pattern.match(text)
        if match is None:
            continue
        raw = match["n"]
        value = ord(raw) - ord("①") + 1 if style == "circled" else parse_number(raw)
        return Enumerator(style, value, match.group(0))
    return None


def _heading(line: int, text: str) -> ParsedLine | None:
    match = _HEADING_RE.match(text)
    if match is None or len(text) > _HEADING_MAX:
        return None
    rest = match["rest"]
    if _SENTENCE_END.search(text) or (rest and not match["sep"] and _REFERENCE_TAIL.match(rest)):
        return None
    label = text[: match.start("sep")]
    return ParsedLine(
        line,
        text,
        LineKind.HEADING,
        heading=_HEADING_KINDS[match["mark"]],
        number=_number(match),
        label=label,
        rest=rest,
    )


def _article(line: int, text: str) -> ParsedLine | None:
    match = _ARTICLE_RE.match(text)
    if match is None:
        return None
    rest = match["rest"]
    label = text[: match.start("sep")]
    return ParsedLine(
        line,
        text,
        LineKind.ARTICLE,
        number=_number(match),
        label=label,
        rest=rest,
        deleted=is_deletion_zh(rest) if rest else False,
    )


def classify_zh(line: int, text: str) -> ParsedLine:
    """What a single line of Chinese statute text can be, before context decides."""
    if _PREAMBLE_RE.match(text):
        return ParsedLine(line, text, LineKind.PREAMBLE, label=text)
    if _TOC_RE.match(text):
        return ParsedLine(line, text, LineKind.TOC, label=text)
    found = _article(line, text) or _heading(line, text)
    if found is not None:
        return found
    return ParsedLine(line, text, enumerator=_enumerator(text), deleted=is_deletion_zh(text))
