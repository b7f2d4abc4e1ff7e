"""References: article numbers, relative references and cited law titles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..address import parse_address
from ..model import CrossRef, Entry, Number
from ..xrefs import find_references
from .context import DocumentContext
from .registry import Problem, check

__all__: list[str] = []

_RELATIVE_EN = {
    "preceding-paragraph": re.compile(
        r"\b(?:preceding|previous|foregoing|above|last)\s+paragraph\b|\bparagraph\s+\d+\b", re.I
    ),
    "preceding-paragraphs": re.compile(
        r"\b(?:preceding|previous|foregoing|above)\s+(?:\w+\s+)?paragraphs\b"
        r"|\bparagraphs\s+\d+\b",
        re.I,
    ),
    "preceding-article": re.compile(r"\b(?:preceding|previous)\s+article\b|\barticle\s+\d+", re.I),
    "preceding-articles": re.compile(
        r"\b(?:preceding|previous)\s+(?:\w+\s+)?articles\b|\barticles\s+\d+", re.I
    ),
    "this-article": re.compile(r"\bthis\s+article\b|\barticle\s+\d+", re.I),
    "this-paragraph": re.compile(r"\bthis\s+paragraph\b|\bparagraph\s+\d+", re.I),
    "preceding-item": re.compile(
        r"\b(?:preceding|previous)\s+(?:item|subparagraph)\b|\b(?:item|subparagraph)\s+\d+", re.I
    ),
    "this-item": re.compile(r"\bthis\s+(?:item|subparagraph)\b", re.I),
}
_RELATIVE_WORDS = {
    "preceding-paragraph": "the preceding paragraph",
    "preceding-paragraphs": "the preceding paragraphs",
    "preceding-article": "the preceding Article",
    "preceding-articles": "the preceding Articles",
    "this-article": "this Article",
    "this-paragraph": "this paragraph",
    "preceding-item": "the preceding item",
    "this-item": "this item",
}


def _articles(refs: list[CrossRef]) -> list[tuple[Number, CrossRef]]:
    """Every article number a list of references names, ranges expanded to their ends."""
    out: list[tuple[Number, CrossRef]] = []
    for ref in refs:
        if ref.article is None or ref.relative:
            continue
        out.append((ref.article, ref))
        if ref.article_end is not None:
            out.append((ref.article_end, ref))
    return out


def _in_ranges(number: Number, refs: list[CrossRef]) -> bool:
    for ref in refs:
        if ref.article is None or ref.relative:
            continue
        end = ref.article_end or ref.article
        if ref.article <= number <= end:
            return True
    return False


def _label_problem(entry: Entry) -> Iterator[Problem]:
    """An article label entry: 第十八条 must become Article 18."""
    parsed = parse_address(entry.address)
    assert parsed.article is not None
    match = re.search(r"\bArt(?:icle|\.)\s*(\d+(?:-\d+)?)", entry.target, re.I)
    if match is None:
        yield Problem(f"the label does not say Article {parsed.article.label}")
    elif match.group(1) != parsed.article.label:
        yield Problem(
            f"{entry.source} is Article {parsed.article.label}, not Article {match.group(1)}",
            source_spans=((0, len(entry.source)),),
            target_spans=(match.span(1),),
        )


def _is_label(address: str) -> bool:
    parsed = parse_address(address)
    return parsed.article is not None and parsed.paragraph is None and parsed.sentence is None


@check("references", "error", "Article references", family="meaning")
def references(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """Cross-references survive translation: 第十八条 ↔ Article 18 (also in ranges and lists,
    and in article labels), 前款 ↔ the preceding paragraph, 本条 ↔ this Article. A number that
    changed (第十八条 ↔ Article 17) or a reference that disappeared is an error."""
    if _is_label(entry.address):
        yield from _label_problem(entry)
        return
    source_refs = find_references(entry.source, "zh")
    if not source_refs:
        return
    target_refs = find_references(entry.target, "en")
    for number, ref in _articles(source_refs):
        if not _in_ranges(number, target_refs):
            yield Problem(
                f"{ref.text} (Article {number.label}) has no Article {number.label} "
                "in the translation",
                source_spans=((ref.start, ref.end),),
            )
    for ref in source_refs:
        pattern = _RELATIVE_EN.get(ref.relative or "")
        if pattern is not None and not pattern.search(entry.target):
            yield Problem(
                f"{ref.text} is not rendered as {_RELATIVE_WORDS[ref.relative or '']} "
                "(or a paragraph or article number)",
                source_spans=((ref.start, ref.end),),
            )
