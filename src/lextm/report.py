"""Turning parsed laws into what commands print: outline text, outline JSON, segment JSON.

JSON shapes are part of the interface (docs/cli.md): keys are only ever added, never renamed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from typing import Any

from .address import parse_address
from .model import Kind, LawText, Provision, Segment

__all__ = [
    "articles_with_headings",
    "cleanup_lines",
    "counts",
    "outline_data",
    "outline_lines",
    "segment_data",
]

_COUNTED = (
    Kind.PART,
    Kind.CHAPTER,
    Kind.SECTION,
    Kind.SUBSECTION,
    Kind.ARTICLE,
    Kind.PARAGRAPH,
    Kind.ITEM,
    Kind.SUBITEM,
)
_PLURAL = {
    Kind.PART: "parts",
    Kind.CHAPTER: "chapters",
    Kind.SECTION: "sections",
    Kind.SUBSECTION: "subsections",
    Kind.ARTICLE: "articles",
    Kind.PARAGRAPH: "paragraphs",
    Kind.ITEM: "items",
    Kind.SUBITEM: "sub-items",
}


def counts(law: LawText) -> dict[str, int]:
    """How many headings and articles the body has, and the paragraphs and items in articles."""
    found: Counter[Kind] = Counter(
        node.kind for node in law.walk() if node.kind.is_heading or node.kind is Kind.ARTICLE
    )
    for article in law.articles():
        found.update(node.kind for node in article.walk() if node.kind is not Kind.ARTICLE)
    return {_PLURAL[kind]: found.get(kind, 0) for kind in _COUNTED}


def _reference_data(text: str, lang: str) -> list[dict[str, Any]]:
    from .xrefs import find_references

    out = []
    for ref in find_references(text, lang):
        data = {
            "text": ref.text,
            "start": ref.start,
            "end": ref.end,
            "law": ref.law,
            "article": ref.article.label if ref.article else None,
            "article_end": ref.article_end.label if ref.article_end else None,
            "paragraph": ref.paragraph,
            "item": ref.item,
            "relative": ref.relative,
        }
        out.append(data)
    return out


def _provision_data(node: Provision, lang: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {"address": node.address, "line": node.line, "text": node.text}
    if lang and node.kind in (Kind.PARAGRAPH, Kind.ITEM, Kind.SUBITEM) and node.text:
        data["references"] = _reference_data(node.text, lang)
    if node.label:
        data["label"] = node.label
    if node.deleted:
        data["deleted"] = True
    return data


def _item_data(item: Provision, lang: str) -> dict[str, Any]:
    data = _provision_data(item, lang)
    data["subitems"] = [_provision_data(sub, lang) for sub in item.find(Kind.SUBITEM)]
    return data


def _article_data(article: Provision, headings: Sequence[Provision], lang: str) -> dict[str, Any]:
    assert article.number is not None
    paragraphs = []
    for paragraph in article.find(Kind.PARAGRAPH):
        data = _provision_data(paragraph, lang)
        data["items"] = [_item_data(item, lang) for item in paragraph.find(Kind.ITEM)]
        paragraphs.append(data)
    return {
        "number": article.number.label,
        "address": article.address,
        "label": article.label,
        "display": parse_address(article.address).display(),
        "line": article.line,
        "deleted": article.deleted,
        "headings": [h.address for h in headings],
        "paragraphs": paragraphs,
    }


def articles_with_headings(law: LawText) -> Iterator[tuple[Provision, list[Provision]]]:
    """Each article with the headings it stands under, outermost first."""

    def visit(nodes: Sequence[Provision], open_: list[Provision]) -> Iterator[Any]:
        for node in nodes:
            if node.kind is Kind.ARTICLE:
                yield node, list(open_)
            elif node.kind.is_heading:
                yield from visit(node.children, [*open_, node])

    yield from visit(law.provisions, [])


def outline_data(law: LawText) -> dict[str, Any]:
    """The JSON of `lextm outline`: title, note, headings, preamble, articles, clean-ups."""
    title = law.title
    front = {n.kind: n for n in law.provisions if not n.kind.is_heading}
    return {
        "path": law.path,
        "lang": law.lang,
        "encoding": law.encoding,
        "title": title.text if title else None,
        "note": _note_data(law),
        "contents": _lines_of(front.get(Kind.TOC)),
        "preamble": _lines_of(front.get(Kind.PREAMBLE)),
        "headings": [
            {**_provision_data(node), "kind": node.kind.value, "number": _label(node)}
            for node in law.walk()
            if node.kind.is_heading
        ],
        "articles": [_article_data(a, h, law.lang) for a, h in articles_with_headings(law)],
        "counts": counts(law),
        "cleanups": [asdict(cleanup) for cleanup in law.cleanups],
    }


def _label(node: Provision) -> str | None:
    return node.number.label if node.number else None


def _lines_of(node: Provision | None) -> list[str] | None:
    if node is None:
        return None
    return [line for line in (node.text, *(c.text for c in node.children)) if line]


def _note_data(law: LawText) -> dict[str, Any] | None:
    if law.note is None:
        return None
    data = asdict(law.note)
    data["amended"] = list(law.note.amended)
    return data


def outline_lines(law: LawText, *, explain: bool = False) -> Iterator[str]:
    """The text of `lextm outline`: an indented tree, then totals and the clean-up summary."""
    for node in law.provisions:
        yield from _tree_lines(node, 0)
    totals = counts(law)
    yield ""
    yield " · ".join(f"{value} {name}" for name, value in totals.items() if value)
    if law.note is not None:
        yield _note_summary(law)
    yield from cleanup_lines(law, explain=explain)


def _tree_lines(node: Provision, depth: int) -> Iterator[str]:
    pad = "  " * depth
    if node.kind is Kind.ARTICLE:
        yield f"{pad}{_article_summary(node)}"
        return
    if node.kind in (Kind.TITLE, Kind.NOTE, Kind.TOC, Kind.PREAMBLE):
        text = node.text or f"({len(node.children)} lines)"
        yield f"{pad}[{node.kind.value}] {_short(text)}"
        return
    yield f"{pad}{parse_address(node.address).display()} [{node.address}] {node.caption}"
    for child in node.children:
        yield from _tree_lines(child, depth + 1)


def _article_summary(article: Provision) -> str:
    paragraphs = article.find(Kind.PARAGRAPH)
    items = [len(p.find(Kind.ITEM)) for p in paragraphs]
    subitems = sum(len(i.find(Kind.SUBITEM)) for p in paragraphs for i in p.find(Kind.ITEM))
    parts = [f"{len(paragraphs)} ¶"]
    if any(items):
        parts.append(f"items {'+'.join(str(n) for n in items)}")
    if subitems:
        parts.append(f"{subitems} sub-items")
    if article.deleted:
        parts.append("deleted")
    display = parse_address(article.address).display()
    return f"{display} [{article.address}] {article.label}: {', '.join(parts)}"


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _note_summary(law: LawText) -> str:
    assert law.note is not None
    note = law.note
    facts = [
        f"{name} {value}"
        for name, value in (
            ("adopted", note.adopted),
            ("promulgated", note.promulgated),
            ("effective", note.effective),
            ("issuer", note.issuer),
            ("order No.", note.order_number),
        )
        if value
    ]
    facts += [f"amended {date}" for date in note.amended]
    return "note: " + (" · ".join(facts) if facts else "no dates found")


def cleanup_lines(law: LawText, *, explain: bool = True) -> Iterator[str]:
    """One line per clean-up change (or only their count when not explaining)."""
    if not law.cleanups:
        yield "clean-up: nothing to change"
        return
    kinds = Counter(c.kind for c in law.cleanups)
    summary = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    yield f"clean-up: {len(law.cleanups)} changes ({summary})" + (
        "" if explain else "; --explain lists them"
    )
    if explain:
        for cleanup in law.cleanups:
            yield "  " + cleanup.describe()


def segment_data(
    law: LawText, found: Sequence[Segment], cut: Callable[[str], list[str]] | None = None
) -> dict[str, Any]:
    """The JSON of `lextm segments`."""
    rows = []
    for segment in found:
        row = asdict(segment)
        row["kind"] = segment.kind.value
        row["display"] = parse_address(segment.address).display()
        if cut is not None:
            row["words"] = cut(segment.text)
        rows.append(row)
    return {
        "path": law.path,
        "lang": law.lang,
        "segments": rows,
        "cleanups": [asdict(cleanup) for cleanup in law.cleanups],
    }
