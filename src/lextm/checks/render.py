"""Check reports: grouped text for the terminal, JSON for tools, self-contained HTML for people."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

from ..address import parse_address
from ..model import Finding, Span
from .registry import CHECKS
from .runner import CheckRun

__all__ = ["findings_json", "findings_text", "html_report", "mark"]


def mark(text: str, spans: Sequence[Span], left: str = "⟦", right: str = "⟧") -> str:
    """The text with each span wrapped in markers (spans may come in any order)."""
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue
        out += [text[last:start], left, text[start:end], right]
        last = end
    out.append(text[last:])
    return "".join(out)


def _display(address: str) -> str:
    try:
        return parse_address(address).display()
    except ValueError:
        return address


def findings_json(run: CheckRun) -> list[dict[str, Any]]:
    """One object per finding: check, severity, document, version, address, message, spans."""
    return [
        {
            "check": f.check,
            "severity": f.severity,
            "document": f.document,
            "version": f.version,
            "address": f.address,
            "display": _display(f.address),
            "message": f.message,
            "source_spans": [list(s) for s in f.source_spans],
            "target_spans": [list(s) for s in f.target_spans],
            "terms": list(f.terms),
            "source": f.source,
            "target": f.target,
        }
        for f in run.findings
    ]


def _summary(run: CheckRun) -> str:
    counts = Counter(f.severity for f in run.findings)
    parts = [
        f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}"
        for s in ("error", "warning", "info")
    ]
    return (
        f"{', '.join(parts)} in {run.entries} entries of {run.documents} document versions"
        f" ({run.suppressed} suppressed)"
    )


def findings_text(run: CheckRun) -> Iterator[str]:
    """Findings grouped by document version and segment, offending spans between ⟦ ⟧."""
    for (document, version), items in groupby(run.findings, key=lambda f: (f.document, f.version)):
        yield f"== {document}@{version}"
        for address, found in groupby(items, key=lambda f: f.address):
            group = list(found)
            yield f"  {_display(address)} [{address}]"
            first = group[0]
            sources = [s for f in group for s in f.source_spans]
            targets = [s for f in group for s in f.target_spans]
            yield f"    zh: {mark(first.source, sources)}"
            if first.target:
                yield f"    en: {mark(first.target, targets)}"
            for f in group:
                yield f"    {f.severity:7} {f.check}: {f.message}"
    yield _summary(run)


_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans",sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left;word-wrap:break-word}
th{background:#f4f4f4}mark{background:#ffe08a;padding:0 .1rem}
.error{color:#b00020;font-weight:600}.warning{color:#8a5a00}.info{color:#555}
.addr{font-family:ui-monospace,monospace;font-size:.85rem;color:#555}
"""


def _cell(text: str, spans: Sequence[Span]) -> str:
    escaped = mark(text, spans, "\x00", "\x01")
    return html.escape(escaped).replace("\x00", "<mark>").replace("\x01", "</mark>")


def html_report(run: CheckRun, *, title: str = "lextm check") -> str:
    """A self-contained HTML page: one table per document version, spans highlighted."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1><p>{html.escape(_summary(run))}</p>",
    ]
    for (document, version), items in groupby(run.findings, key=lambda f: (f.document, f.version)):
        parts.append(f"<h2>{html.escape(document)}@{html.escape(version)}</h2>")
        parts.append(
            "<table><tr><th style='width:12%'>Where</th><th style='width:28%'>Source</th>"
            "<th style='width:28%'>Translation</th><th>Finding</th></tr>"
        )
        parts.extend(_row(f) for f in items)
        parts.append("</table>")
    parts.append(_legend())
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _row(f: Finding) -> str:
    check = CHECKS.get(f.check)
    title = html.escape(check.title if check else f.check)
    return (
        f"<tr id='{html.escape(f.document)}-{html.escape(f.address)}'>"
        f"<td>{html.escape(_display(f.address))}<br><span class='addr'>{html.escape(f.address)}"
        f"</span></td><td lang='zh'>{_cell(f.source, f.source_spans)}</td>"
        f"<td lang='en'>{_cell(f.target, f.target_spans)}</td>"
        f"<td><span class='{f.severity}'>{f.severity}</span> {title}"
        f" <span class='addr'>({html.escape(f.check)})</span><br>{html.escape(f.message)}</td></tr>"
    )


def _legend() -> str:
    rows = "".join(
        f"<tr><td class='addr'>{html.escape(c.id)}</td><td>{c.severity}</td>"
        f"<td>{html.escape(c.title)}</td></tr>"
        for c in CHECKS.values()
    )
    return (
        f"<h2>Checks</h2><table><tr><th>id</th><th>severity</th><th>title</th></tr>{rows}</table>"
    )
