"""Parallel text of a document version: bilingual HTML, Markdown, the English text alone, and
corpora for machine translation (TMX, line-aligned text) through the format writers.

The HTML page is self-contained (no external file, font or script): article by article, Chinese
and English side by side, headings kept, an anchor per article (`id="art-8"`), glossary terms
highlighted with their renderings on hover, check findings shown to reviewers on request, and a
print style.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .address import parse_address
from .checks import CheckRun
from .fileio import atomic_write_text
from .formats.text import Block, blocks, render_text
from .glossary import Glossary, TermIndex
from .model import DocumentFile, Finding, TermHit

__all__ = ["Published", "html_page", "markdown_page", "publish_document"]

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Published:
    """The files a publication wrote."""

    files: tuple[Path, ...]
    articles: int
    findings: int = 0


@dataclass(slots=True)
class _Article:
    """One article (or the front matter before the first article) as blocks."""

    anchor: str
    label: Block | None
    body: list[Block] = field(default_factory=list)


def _anchor(provision: str) -> str:
    """A stable anchor: art8 → art-8, art12-1 → art-12-1, ch2.sec1 → ch-2-sec-1."""
    return re.sub(r"(?<=[a-z])(?=\d)", "-", provision).replace(".", "-")


def _articles(doc: DocumentFile) -> list[_Article]:
    out = [_Article("front", None)]
    for block in blocks(doc):
        if block.is_article_label:
            out.append(_Article(_anchor(block.provision), block))
        elif out[-1].label is not None and parse_address(block.provision).is_heading:
            out.append(_Article(_anchor(block.provision), None, [block]))
        else:
            out[-1].body.append(block)
    return [a for a in out if a.label is not None or a.body]


# -- terms ------------------------------------------------------------------------------------


def _marked(text: str, hits: Sequence[TermHit], titles: dict[str, str], css: str) -> str:
    """HTML of `text` with the term hits wrapped in spans whose title shows the renderings."""
    out, last = [], 0
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.start < last:
            continue
        title = titles.get(hit.term.concept, "")
        out.append(html.escape(text[last : hit.start]))
        out.append(
            f'<span class="{css}" data-concept="{html.escape(hit.term.concept)}" '
            f'title="{html.escape(title)}">{html.escape(text[hit.start : hit.end])}</span>'
        )
        last = hit.end
    out.append(html.escape(text[last:]))
    return "".join(out)


class _Terms:
    """Term highlighting for both columns, from the glossary that applies to the version."""

    def __init__(self, glossary: Glossary | None) -> None:
        self.index = TermIndex(glossary) if glossary is not None and glossary.terms else None
        self.titles: dict[str, str] = {}
        if self.index is not None:
            for concept in self.index.glossary.concepts():
                renderings = self.index.renderings(concept)
                self.titles[concept] = " / ".join(t.term for t in renderings)

    def source(self, text: str) -> tuple[str, set[str]]:
        if self.index is None:
            return html.escape(text), set()
        hits = [h for h in self.index.find_source(text) if self.titles.get(h.term.concept)]
        return _marked(text, hits, self.titles, "term"), {h.term.concept for h in hits}

    def target(self, text: str, concepts: set[str]) -> str:
        if self.index is None or not concepts:
            return html.escape(text)
        hits = [h for c in sorted(concepts) for h in self.index.find_renderings(text, c)]
        return _marked(text, hits, self.titles, "term term-en")


# -- HTML -------------------------------------------------------------------------------------

_CSS = """
:root{--zh:"Noto Sans CJK SC","Noto Serif CJK SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",sans-serif;--en:Georgia,"Times New Roman",serif}
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem;color:#1d1d1d;background:#fff;font:16px/1.6 var(--en)}
header{max-width:100%;margin-bottom:1.5rem;border-bottom:2px solid #333}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 2rem}
.zh{font-family:var(--zh);line-height:1.8}
.zh,.en{overflow-wrap:anywhere;min-width:0}
h1{font-size:1.35rem;margin:.3rem 0}
.note{color:#555;font-size:.95rem}
nav{font-size:.9rem;margin:1rem 0;color:#444}nav a{margin-right:.6rem;color:#2a5db0}
article{border-top:1px solid #ddd;padding:.6rem 0}
.heading{margin-top:1.4rem;font-weight:700}
.label{font-weight:700;margin-top:.2rem}
.line{margin:.25rem 0}
.item{padding-left:1.2rem}
.term{border-bottom:1px dotted #2a5db0;cursor:help}
.term:hover{background:#e8f0ff}
.findings{display:none;margin:.4rem 0;padding:.4rem .8rem;background:#fff7e0;
border-left:3px solid #d9a300;font-size:.9rem}
#review:checked~main .findings{display:block}
.error{color:#b00020;font-weight:600}.warning{color:#8a5a00}.info{color:#555}
.controls{font-size:.9rem;color:#444}
@media print{body{padding:0;font-size:11pt}nav,.controls,.findings{display:none!important}
article{break-inside:avoid-page}.term{border:0}}
"""


def _finding_html(finding: Finding) -> str:
    where = parse_address(finding.address).display()
    return (
        f'<li><span class="{finding.severity}">{finding.severity}</span> '
        f"{html.escape(finding.check)} ({html.escape(where)}): {html.escape(finding.message)}</li>"
    )


def _block_row(block: Block, doc: DocumentFile, terms: _Terms, css: str) -> str:
    source = block.text("source", doc.source_lang)
    target = block.text("target", doc.target_lang) if all(e.target for e in block.entries) else ""
    zh, concepts = terms.source(source)
    en = terms.target(target, concepts)
    address = html.escape(block.provision)
    return (
        f'<div class="pair {css}" data-address="{address}">'
        f'<div class="zh" lang="zh-CN">{zh}</div><div class="en" lang="en">{en}</div></div>'
    )


def _css_for(block: Block) -> str:
    parsed = parse_address(block.provision)
    if parsed.is_heading:
        return "heading"
    if block.is_article_label:
        return "label"
    return "line item" if parsed.item is not None else "line"


def _article_html(
    article: _Article, doc: DocumentFile, terms: _Terms, findings: Sequence[Finding]
) -> Iterator[str]:
    rows = ([article.label] if article.label else []) + article.body
    yield f'<article id="{article.anchor}">'
    for block in rows:
        yield _block_row(block, doc, terms, _css_for(block))
    if findings:
        items = "".join(_finding_html(f) for f in findings)
        yield f'<aside class="findings"><ul>{items}</ul></aside>'
    yield "</article>"


def html_page(
    doc: DocumentFile,
    *,
    glossary: Glossary | None = None,
    findings: Sequence[Finding] = (),
    title_en: str = "",
) -> str:
    """The self-contained bilingual HTML page of a document version."""
    terms = _Terms(glossary)
    articles = _articles(doc)
    by_article: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        parsed = parse_address(finding.address)
        key = f"art-{parsed.article.label}" if parsed.article else "front"
        by_article[key].append(finding)
    front = articles[0] if articles and articles[0].label is None else None
    head = _header(doc, front, terms, title_en)
    nav = " ".join(
        f'<a href="#{a.anchor}">{html.escape(a.label.text("target", doc.target_lang))}</a>'
        for a in articles
        if a.label is not None
    )
    body: list[str] = []
    for article in articles:
        if article is front:
            continue
        body.extend(_article_html(article, doc, terms, by_article.get(article.anchor, [])))
    count = len(findings)
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="en"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{html.escape(title_en or doc.document)}</title>",
                f'<meta name="generator" content="lextm"><style>{_CSS}</style></head><body>',
                head,
                f'<nav aria-label="Articles">{nav}</nav>',
                f'<input type="checkbox" id="review"{" disabled" if not count else ""}>'
                f'<label class="controls" for="review"> Show review findings ({count})</label>',
                "<main>",
                *body,
                "</main></body></html>",
            ]
        )
        + "\n"
    )


def _header(doc: DocumentFile, front: _Article | None, terms: _Terms, title_en: str) -> str:
    rows: list[str] = []
    for block in front.body if front else []:
        zh, concepts = terms.source(block.text("source", doc.source_lang))
        en = terms.target(block.text("target", doc.target_lang), concepts)
        tag = "h1" if block.provision == "title" else "div"
        css = "pair" if tag == "h1" else "pair note"
        rows.append(
            f'<div class="{css}"><{tag} class="zh" lang="zh-CN">{zh}</{tag}>'
            f'<{tag} class="en" lang="en">{en}</{tag}></div>'
        )
    if not rows:
        rows.append(f"<h1>{html.escape(title_en or doc.document)}</h1>")
    return "<header>" + "".join(rows) + "</header>"


# -- Markdown -----------------------------------------------------------------------------------


def markdown_page(doc: DocumentFile) -> str:
    """Markdown: each provision's Chinese, then its English as a quotation, article by article."""
    out: list[str] = []
    for block in blocks(doc):
        zh = block.text("source", doc.source_lang)
        en = block.text("target", doc.target_lang)
        parsed = parse_address(block.provision)
        if block.provision == "title":
            out += [f"# {en}", "", f"# {zh}", ""]
        elif parsed.is_heading:
            out += [f"## {en}", "", f"## {zh}", ""]
        elif block.is_article_label:
            out += [f'### <a id="{_anchor(block.provision)}"></a>{en} · {zh}', ""]
        else:
            out += [zh, "", f"> {en}", ""]
    return "\n".join(out).rstrip() + "\n"


# -- the publication -----------------------------------------------------------------------------


def publish_document(
    doc: DocumentFile,
    out_dir: Path,
    *,
    glossary: Glossary | None = None,
    run: CheckRun | None = None,
    title_en: str = "",
    extra_writers: Sequence[tuple[str, Callable[[DocumentFile, Path], Sequence[Path]]]] = (),
    progress: Progress | None = None,
) -> Published:
    """Write the HTML page, Markdown, the English text and the corpora into `out_dir`."""
    stem = f"{doc.document}-{doc.version}"
    findings = tuple(
        f
        for f in (run.findings if run else ())
        if (f.document, f.version) == (doc.document, doc.version)
    )
    files = {
        f"{stem}.html": html_page(doc, glossary=glossary, findings=findings, title_en=title_en),
        f"{stem}.md": markdown_page(doc),
        f"{stem}.en.txt": render_text(doc, "target"),
        f"{stem}.zh.txt": render_text(doc, "source"),
    }
    written: list[Path] = []
    for name, text in files.items():
        if progress:
            progress(f"writing {name}")
        atomic_write_text(out_dir / name, text)
        written.append(out_dir / name)
    for suffix, writer in extra_writers:
        if progress:
            progress(f"writing {stem}{suffix}")
        written.extend(writer(doc, out_dir / f"{stem}{suffix}"))
    articles = sum(1 for a in _articles(doc) if a.label is not None)
    return Published(tuple(written), articles, len(findings))
