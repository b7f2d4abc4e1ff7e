"""Building the provision tree from classified lines, the same way for every language.

The rules are those of statute drafting, not of any one file:
- article labels are accepted only in increasing order and in the layout the file uses
  (label on its own line, or label and first paragraph on one line), so a paragraph that opens
  with a cross-reference ("第十条规定的…", "Article 231 of the Criminal Code…") stays a paragraph;
- every other line inside an article is a paragraph (款), unless it opens with an enumerator;
- enumerated lines nest by style: the first style met under a paragraph gives its items (项),
  another style restarting at 1 under an item gives sub-items (目);
- lines before the first heading or article are the title, the promulgation note, a table of
  contents or the preamble.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Kind, Number, Provision
from .lines import LineKind, ParsedLine

__all__ = ["build_tree"]

_HEADING_ORDER = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)
_HEADING_TAG = {Kind.PART: "pt", Kind.CHAPTER: "ch", Kind.SECTION: "sec", Kind.SUBSECTION: "ssec"}
_NOTE_WORDS = re.compile(
    r"(通过|通過|公布|施行|修正|修订|修訂|发布|發布|颁布|頒布|批准|制定|"
    r"[Aa]dopted|[Pp]romulgated|[Aa]mended|[Rr]evised|[Ee]ffective|[Pp]assed)"
)
_DATE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年|\b(1[89]|20)\d\d\b")
_OPENERS = "（("
_CLOSERS = "）)"


@dataclass(slots=True)
class _Node:
    kind: Kind
    address: str
    text: str
    line: int
    label: str = ""
    number: Number | None = None
    children: list[_Node] = field(default_factory=list)
    deleted: bool = False
    separator: str | None = None
    style: str | None = None  # the enumerator style of this node's child list

    def freeze(self) -> Provision:
        return Provision(
            self.kind,
            self.address,
            self.text,
            self.line,
            self.label,
            self.number,
            tuple(child.freeze() for child in self.children),
            self.deleted,
            self.separator,
        )


def build_tree(
    lines: Sequence[ParsedLine], reclassify: Callable[[ParsedLine], ParsedLine]
) -> tuple[Provision, ...]:
    """Provisions in document order; `reclassify` turns a rejected label back into plain text."""
    accepted = _accept_articles(lines, reclassify)
    start = _body_start(accepted)
    front = _front_matter(accepted[:start])
    return tuple(node.freeze() for node in (*front, *_Body().run(accepted[start:])))


def _body_start(lines: Sequence[ParsedLine]) -> int:
    """Index of the first body line; a table of contents before it is skipped over."""
    for index, ln in enumerate(lines):
        if ln.kind is LineKind.TOC:
            repeat = _toc_end(lines, index)
            if repeat is not None:
                return _body_start(lines[repeat:]) + repeat
        if ln.kind in (LineKind.ARTICLE, LineKind.HEADING):
            return index
    return len(lines)


def _toc_end(lines: Sequence[ParsedLine], toc: int) -> int | None:
    """Where the body repeats the first contents entry, if it does."""
    seen: set[str] = set()
    for index in range(toc + 1, len(lines)):
        if lines[index].text in seen:
            return index
        if lines[index].kind is LineKind.ARTICLE:
            return None
        seen.add(lines[index].text)
    return None


# -- article labels ------------------------------------------------------------------------


def _layout_of(line: ParsedLine) -> str:
    if not line.rest:
        return "alone"
    return "spaced" if line.text[len(line.label) : len(line.text) - len(line.rest)] else "joined"


def _accept_articles(
    lines: Sequence[ParsedLine], reclassify: Callable[[ParsedLine], ParsedLine]
) -> list[ParsedLine]:
    candidates = [ln for ln in lines if ln.kind is LineKind.ARTICLE]
    layouts = Counter(_layout_of(ln) for ln in candidates)
    dominant = layouts.most_common(1)[0][0] if layouts else "alone"
    following = {id(ln): candidates[k + 1 :] for k, ln in enumerate(candidates)}
    out: list[ParsedLine] = []
    last: Number | None = None
    for ln in lines:
        if ln.kind is LineKind.ARTICLE:
            if _fits(ln, dominant, last, following[id(ln)]):
                last = ln.number
            else:
                ln = reclassify(ln)
        out.append(ln)
    return out


def _is_next(number: Number, last: Number | None) -> bool:
    """Whether `number` is what a label right after `last` would carry."""
    if last is None:
        return number.value == 1 or number.insert == 0
    return number.value == last.value + 1 or (number.value == last.value and number.insert > 0)


def _fits(
    line: ParsedLine, dominant: str, last: Number | None, later: Sequence[ParsedLine]
) -> bool:
    number = line.number
    assert number is not None
    if last is not None and number <= last:
        return False
    layout = _layout_of(line)
    if layout != dominant and not line.deleted and not _is_next(number, last):
        return False  # another layout is believable only for the very next number
    if layout == "joined" and dominant != "joined" and not _is_next(number, last):
        return False
    if _is_next(number, last):
        return True
    # A jump ahead is a label only if the labels after it carry on from it.
    upcoming = next((c.number for c in later if _layout_of(c) == dominant), None)
    return upcoming is None or upcoming > number


# -- front matter ----------------------------------------------------------------------------


def _is_note_line(text: str) -> bool:
    wrapped = text[:1] in _OPENERS and text[-1:] in _CLOSERS
    return wrapped or bool(_NOTE_WORDS.search(text) and _DATE.search(text))


def _front_matter(lines: Sequence[ParsedLine]) -> list[_Node]:
    rest = list(lines)
    nodes: list[_Node] = []
    if rest and _looks_like_title(rest[0]):
        first = rest.pop(0)
        nodes.append(_Node(Kind.TITLE, "title", first.text, first.line))
    note_lines = _take_note(rest)
    if note_lines:
        nodes.append(_group(Kind.NOTE, "note", note_lines))
    toc = _take_toc(rest)
    if toc:
        nodes.append(_group(Kind.TOC, "toc", toc[1:], heading=toc[0]))
    if rest:
        heading = rest.pop(0) if rest[0].kind is LineKind.PREAMBLE else None
        node = _Node(Kind.PREAMBLE, "pre", heading.text if heading else "", _line(heading, rest))
        for index, ln in enumerate(rest, 1):
            node.children.append(_Node(Kind.PARAGRAPH, f"pre.p{index}", ln.text, ln.line))
        nodes.append(node)
    return nodes


def _line(first: ParsedLine | None, rest: Sequence[ParsedLine]) -> int:
    return first.line if first else rest[0].line


def _looks_like_title(line: ParsedLine) -> bool:
    text = line.text
    if line.kind is not LineKind.TEXT or line.enumerator is not None or _is_note_line(text):
        return False
    return not text.endswith(("。", ".", "；", ";", "：", ":")) and len(text) <= 120


def _take_note(rest: list[ParsedLine]) -> list[ParsedLine]:
    taken: list[ParsedLine] = []
    depth = 0
    while rest and rest[0].kind is LineKind.TEXT:
        text = rest[0].text
        if depth == 0 and not _is_note_line(text) and not (text[:1] in _OPENERS and len(rest) > 1):
            break
        if depth == 0 and not _is_note_line(text) and not _closes_later(rest):
            break
        depth += sum(text.count(ch) for ch in _OPENERS) - sum(text.count(ch) for ch in _CLOSERS)
        taken.append(rest.pop(0))
        if depth <= 0:
            depth = 0
            if not (rest and rest[0].kind is LineKind.TEXT and _is_note_line(rest[0].text)):
                break
    return taken


def _closes_later(rest: Sequence[ParsedLine]) -> bool:
    """A parenthesised note that spans lines: opens here and closes before the body starts."""
    for ln in rest[:8]:
        if ln.kind is not LineKind.TEXT:
            return False
        if ln.text.endswith(tuple(_CLOSERS)):
            return True
    return False


def _take_toc(rest: list[ParsedLine]) -> list[ParsedLine]:
    if not rest or rest[0].kind is not LineKind.TOC:
        return []
    end = next((i for i, ln in enumerate(rest) if ln.kind is LineKind.PREAMBLE), len(rest))
    toc = rest[:end]
    del rest[:end]
    return toc


def _group(kind: Kind, address: str, lines: Sequence[ParsedLine], **kw: ParsedLine) -> _Node:
    heading = kw.get("heading")
    if heading is None and len(lines) == 1:
        return _Node(kind, address, lines[0].text, lines[0].line)
    node = _Node(kind, address, heading.text if heading else "", _line(heading, lines))
    for index, ln in enumerate(lines, 1):
        node.children.append(_Node(Kind.PARAGRAPH, f"{address}.p{index}", ln.text, ln.line))
    return node


# -- body ------------------------------------------------------------------------------------


class _Body:
    """The state machine that nests headings, articles, paragraphs and items."""

    def __init__(self) -> None:
        self.top: list[_Node] = []
        self.headings: list[_Node] = []  # open headings, outermost first
        self.article: _Node | None = None
        self.paragraph: _Node | None = None
        self.item: _Node | None = None

    def run(self, lines: Sequence[ParsedLine]) -> list[_Node]:
        for ln in lines:
            if ln.kind is LineKind.HEADING and self._heading_fits(ln):
                self._heading(ln)
            elif ln.kind is LineKind.ARTICLE:
                self._article(ln)
            else:
                self._text(ln)
        return self.top

    def _heading_fits(self, ln: ParsedLine) -> bool:
        # Taiwan's 第一款 heading exists only below a 節; elsewhere 第一款 opens a sentence.
        if ln.heading is Kind.SUBSECTION:
            return any(h.kind is Kind.SECTION for h in self.headings)
        return True

    def _heading(self, ln: ParsedLine) -> None:
        assert ln.heading is not None and ln.number is not None
        rank = _HEADING_ORDER.index(ln.heading)
        self.headings = [h for h in self.headings if _HEADING_ORDER.index(h.kind) < rank]
        parts = [h.address for h in self.headings[-1:]]
        address = ".".join([*parts, f"{_HEADING_TAG[ln.heading]}{ln.number.label}"])
        node = _Node(ln.heading, address, ln.text, ln.line, ln.label, ln.number)
        self._attach(node)
        self.headings.append(node)
        self.article = self.paragraph = self.item = None

    def _attach(self, node: _Node) -> None:
        (self.headings[-1].children if self.headings else self.top).append(node)

    def _article(self, ln: ParsedLine) -> None:
        assert ln.number is not None
        separator = ln.text[len(ln.label) : len(ln.text) - len(ln.rest)] if ln.rest else None
        node = _Node(
            Kind.ARTICLE,
            f"art{ln.number.label}",
            ln.label,
            ln.line,
            ln.label,
            ln.number,
            deleted=ln.deleted,
            separator=separator,
        )
        self._attach(node)
        self.article, self.paragraph, self.item = node, None, None
        if ln.rest:
            self._paragraph(ln.rest, ln.line, ln.deleted)

    def _text(self, ln: ParsedLine) -> None:
        if self.article is None:
            self._orphan(ln)
        elif ln.enumerator is not None:
            self._enumerated(ln)
        else:
            self._paragraph(ln.text, ln.line, ln.deleted)

    def _orphan(self, ln: ParsedLine) -> None:
        """Text between a heading and the first article: the heading's title when the heading
        line held only its label (第一章 / 总则 on two lines), else its own paragraph."""
        parent = self.headings[-1] if self.headings else None
        if parent is None:
            raise AssertionError("front matter handles text before the first heading")
        if not parent.children and parent.text == parent.label and _title_like(ln):
            parent.text = f"{parent.label} {ln.text}"
            return
        index = sum(1 for c in parent.children if c.kind is Kind.PARAGRAPH) + 1
        parent.children.append(
            _Node(Kind.PARAGRAPH, f"{parent.address}.p{index}", ln.text, ln.line)
        )

    def _paragraph(self, text: str, line: int, deleted: bool) -> None:
        assert self.article is not None
        index = len(self.article.children) + 1
        node = _Node(Kind.PARAGRAPH, f"{self.article.address}.p{index}", text, line)
        node.deleted = deleted
        self.article.deleted = self.article.deleted or (deleted and index == 1)
        self.article.children.append(node)
        self.paragraph, self.item = node, None

    def _enumerated(self, ln: ParsedLine) -> None:
        enum = ln.enumerator
        assert enum is not None
        if self.paragraph is None:
            self._paragraph("", ln.line, False)  # items straight after the label
        paragraph = self.paragraph
        assert paragraph is not None
        item = self.item
        if paragraph.style in (None, enum.style) or item is None:
            if paragraph.style not in (None, enum.style):
                self._paragraph(ln.text, ln.line, ln.deleted)
                return
            paragraph.style = enum.style
            self.item = self._child(paragraph, Kind.ITEM, "i", ln)
        elif item.style in (None, enum.style) and (item.style or enum.value == 1):
            item.style = enum.style
            self._child(item, Kind.SUBITEM, "sub", ln)
        else:
            self._paragraph(ln.text, ln.line, ln.deleted)

    @staticmethod
    def _child(parent: _Node, kind: Kind, tag: str, ln: ParsedLine) -> _Node:
        index = sum(1 for c in parent.children if c.kind is kind) + 1
        assert ln.enumerator is not None
        node = _Node(kind, f"{parent.address}.{tag}{index}", ln.text, ln.line, ln.enumerator.label)
        node.deleted = ln.deleted
        parent.children.append(node)
        return node


# A heading title is a name, not a sentence: short, with no closing punctuation.
_TITLE_MAX = {"zh": 40, "en": 160}
_SENTENCE_END = tuple("。；：！？.;:!?")


def _title_like(ln: ParsedLine) -> bool:
    """Whether a line can be the title of the heading just above it."""
    text = ln.text
    wide = any("\u3400" <= ch <= "\u9fff" for ch in text)
    limit = _TITLE_MAX["zh" if wide else "en"]
    return ln.enumerator is None and 0 < len(text) <= limit and not text.endswith(_SENTENCE_END)
