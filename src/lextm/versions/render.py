"""Showing a version mapping: text for the terminal, JSON records for tools, a side-by-side HTML
page for people (changes marked with <del> and <ins>)."""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from typing import Any

from .mapping import (
    DELETED,
    INSERTED,
    MODIFIED,
    RENUMBERED_MODIFIED,
    ArticleLink,
    DiffOp,
    VersionMapping,
    char_diff,
)
from .texts import ArticleText, uses_words

__all__ = ["mapping_html", "mapping_json", "mapping_lines"]

_DIFFED = (MODIFIED, RENUMBERED_MODIFIED)


def _texts(mapping: VersionMapping, link: ArticleLink) -> tuple[str, str]:
    old = mapping.old.article(link.old) if link.old else None
    new = mapping.new.article(link.new) if link.new else None
    return _text(old), _text(new)


def _text(article: ArticleText | None) -> str:
    return article.text if article is not None else ""


def _diff(mapping: VersionMapping, link: ArticleLink) -> tuple[DiffOp, ...]:
    old, new = _texts(mapping, link)
    return char_diff(old, new, words=uses_words(mapping.old.lang))


def mapping_json(mapping: VersionMapping) -> list[dict[str, Any]]:
    """One record per mapping: old and new article labels (null for inserted / deleted),
    change, similarity; modified articles also with their paragraphs and diff (by character,
    or by word for a language written with spaces)."""
    records = []
    for link in mapping.links:
        record: dict[str, Any] = {
            "old": link.old,
            "new": link.new,
            "change": link.change,
            "similarity": link.similarity,
        }
        if link.change in _DIFFED:
            record["paragraphs"] = [
                {"old": p.old, "new": p.new, "change": p.change, "similarity": p.similarity}
                for p in link.paragraphs
            ]
            record["diff"] = [list(op) for op in _diff(mapping, link)]
        records.append(record)
    return records


def _heading(mapping: VersionMapping) -> list[str]:
    old, new = mapping.old, mapping.new
    counts = ", ".join(f"{n} {change}" for change, n in mapping.counts().items())
    return [
        f"{old.name or 'old'} → {new.name or 'new'}: {len(old.articles)} → "
        f"{len(new.articles)} articles, {mapping.shared:.0%} of the text shared",
        f"  {counts}",
    ]


def mapping_lines(mapping: VersionMapping, *, brief: bool = False) -> Iterator[str]:
    """The mapping as lines: a summary, then one line per record (with its changes marked
    [-removed-]{+added+} under modified articles unless `brief`)."""
    yield from _heading(mapping)
    yield f"  {'old':>6}    {'new':<6} {'change':<20} similarity"
    for link in mapping.links:
        old, new = link.old or "—", link.new or "—"
        shown = f"{link.similarity:.2f}" if link.old and link.new else ""
        yield f"  {old:>6} →  {new:<6} {link.change:<20} {shown}"
        if not brief and link.change in _DIFFED:
            marked = "".join(_marked(op) for op in _diff(mapping, link))
            for line in marked.split("\n"):
                yield f"            {line}"


def _marked(op: DiffOp) -> str:
    kind, text = op
    if kind == "-":
        return f"[-{text}-]"
    if kind == "+":
        return f"{{+{text}+}}"
    return text


_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans CJK TC",sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left;word-wrap:break-word}
th{background:#f4f4f4}.n{width:4.5rem;font-family:ui-monospace,monospace;white-space:nowrap}
.c{width:10rem}del{background:#ffd7d5;text-decoration:line-through}ins{background:#d4f8d4;
text-decoration:none}.text{white-space:pre-wrap}tr.unchanged td,tr.renumbered td{color:#666}
tr.inserted td.new{background:#f0fff0}tr.deleted td.old{background:#fff0f0}
"""


def mapping_html(mapping: VersionMapping, *, title: str = "lextm diff") -> str:
    """A self-contained page: old and new article side by side, changes highlighted."""
    summary = html.escape("; ".join(line.strip() for line in _heading(mapping)))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1><p>{summary}</p>",
        "<table><tr><th class='n'>Old</th><th>Old text</th><th class='n'>New</th>"
        "<th>New text</th><th class='c'>Change</th></tr>",
    ]
    parts.extend(_row(mapping, link) for link in mapping.links)
    parts += ["</table>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _row(mapping: VersionMapping, link: ArticleLink) -> str:
    old, new = _texts(mapping, link)
    if link.change in _DIFFED:
        ops = _diff(mapping, link)
        old_html = _ops_html(ops, "-", "del")
        new_html = _ops_html(ops, "+", "ins")
    elif link.change == INSERTED:
        old_html, new_html = "", f"<ins>{html.escape(new)}</ins>"
    elif link.change == DELETED:
        old_html, new_html = f"<del>{html.escape(old)}</del>", ""
    else:
        old_html, new_html = html.escape(old), html.escape(new)
    similarity = f" {link.similarity:.2f}" if link.old and link.new else ""
    css = link.change.replace("+", "-")
    return (
        f"<tr class='{css}'><td class='n'>{html.escape(link.old or '')}</td>"
        f"<td class='text old' lang='{mapping.old.lang}'>{old_html}</td>"
        f"<td class='n'>{html.escape(link.new or '')}</td>"
        f"<td class='text new' lang='{mapping.new.lang}'>{new_html}</td>"
        f"<td class='c'>{html.escape(link.change)}{similarity}</td></tr>"
    )


def _ops_html(ops: Sequence[DiffOp], side: str, tag: str) -> str:
    out = []
    for kind, text in ops:
        if kind == "=":
            out.append(html.escape(text))
        elif kind == side:
            out.append(f"<{tag}>{html.escape(text)}</{tag}>")
    return "".join(out)
