"""Plain law text rebuilt from a bilingual document: the source as it was imported, or the
translation laid out the same way (title, note, headings, articles, paragraphs, items).

Entries of one provision are joined with the language's sentence glue; an article label entry
starts its own line, or shares it with the first paragraph when the layout says `inline`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..address import parse_address
from ..model import DocumentFile, Entry

__all__ = ["Block", "Layout", "blocks", "parse_layout", "render_text"]

_SENTENCE = re.compile(r"\.s\d+(?:-\d+)?$")


@dataclass(frozen=True, slots=True)
class Layout:
    """How article labels sit in the text: inline (with `separator`) or on their own line."""

    inline: bool
    separator: str = " "
    exceptions: frozenset[str] = frozenset()

    def is_inline(self, article: str) -> bool:
        """Whether this article's label shares a line with its first paragraph."""
        return self.inline != (article in self.exceptions)


def parse_layout(value: str) -> Layout:
    """Read an `X-Lextm-Layout` value such as `inline; sep="  "; except art5 art9`."""
    parts = [part.strip() for part in value.split(";") if part.strip()]
    inline = bool(parts) and parts[0] == "inline"
    separator, exceptions = " ", frozenset[str]()
    for part in parts[1:]:
        if part.startswith("sep="):
            separator = str(json.loads(part[4:]))
        elif part.startswith("except "):
            exceptions = frozenset(part[7:].split())
    return Layout(inline, separator, exceptions)


@dataclass(frozen=True, slots=True)
class Block:
    """The entries of one provision line (a heading, an article label, a paragraph or item)."""

    provision: str
    entries: tuple[Entry, ...]

    @property
    def is_article_label(self) -> bool:
        """Whether this block is an article's label (第八条 / Article 8)."""
        return _is_article_label(self.provision)

    def text(self, side: str, lang: str) -> str:
        """The block's text on one side, sentences joined as the language joins them."""
        glue = "" if lang.lower().startswith("zh") else " "
        return glue.join(_text(e, side) for e in self.entries)


def blocks(doc: DocumentFile) -> list[Block]:
    """The document as provision lines in order, each with its entries."""
    out: list[Block] = []
    for entry in doc.entries:
        provision = _provision(entry.address)
        if out and out[-1].provision == provision and not _is_article_label(provision):
            out[-1] = Block(provision, (*out[-1].entries, entry))
        else:
            out.append(Block(provision, (entry,)))
    return out


def _provision(address: str) -> str:
    return _SENTENCE.sub("", address)


def _text(entry: Entry, side: str) -> str:
    if side == "source":
        return entry.source
    return entry.target or entry.source


def _lines(doc: DocumentFile, side: str) -> Iterator[str]:
    lang = doc.source_lang if side == "source" else doc.target_lang
    glue = "" if lang.lower().startswith("zh") else " "
    layout = parse_layout(doc.layout)
    pending_label: str | None = None
    current: str | None = None
    buffer: list[str] = []
    for entry in doc.entries:
        provision = _provision(entry.address)
        if provision != current and buffer:
            yield _with_label(pending_label, glue.join(buffer))
            pending_label, buffer = None, []
        current = provision
        if _is_article_label(entry.address):
            if pending_label is not None:
                yield pending_label.rstrip()
            label = _text(entry, side)
            if layout.is_inline(entry.address):
                pending_label = label + layout.separator
            else:
                pending_label = None
                yield label
            current = None
            continue
        buffer.append(_text(entry, side))
    if buffer:
        yield _with_label(pending_label, glue.join(buffer))
    elif pending_label is not None:
        yield pending_label.rstrip()


def _with_label(label: str | None, text: str) -> str:
    return text if label is None else label + text


def _is_article_label(address: str) -> bool:
    parsed = parse_address(address)
    return parsed.article is not None and parsed.paragraph is None and parsed.sentence is None


def render_text(doc: DocumentFile, side: str = "source") -> str:
    """The law text of one side, one paragraph (or item, heading) a line."""
    if side not in ("source", "target"):
        raise ValueError(f"side must be source or target, not {side!r}")
    return "\n".join(_lines(doc, side)) + "\n"
