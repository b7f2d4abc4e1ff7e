"""From the provision tree to addressed segments, the units of translation.

Every line of the clean text belongs to exactly one provision; its sentences become segments
(`art8.p1.i3.s1`). Single-line provisions that are names rather than prose (title, note,
contents lines, headings, article labels) are one segment each, addressed by the provision.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..address import parse_address
from ..model import Kind, LawText, Provision, Segment
from ..segment import split_sentences

__all__ = ["segment_law"]

_SPLIT_KINDS = frozenset({Kind.PARAGRAPH, Kind.ITEM, Kind.SUBITEM})


def segment_law(law: LawText) -> list[Segment]:
    """All segments of a law text in document order."""
    return list(_segments(law))


def _segments(law: LawText) -> Iterator[Segment]:
    for node in law.walk():
        if not node.text:
            continue
        if node.kind in _SPLIT_KINDS and not _is_front_matter(node):
            yield from _sentences(node, law.lang)
        else:
            yield _segment(node, node.address, node.text)


def _is_front_matter(node: Provision) -> bool:
    # Note and contents lines are names and dates, not prose: one segment per line.
    return node.address.startswith(("note.", "toc."))


def _sentences(node: Provision, lang: str) -> Iterator[Segment]:
    for index, sentence in enumerate(split_sentences(node.text, lang), 1):
        yield _segment(node, f"{node.address}.s{index}", sentence)


def _segment(node: Provision, address: str, text: str) -> Segment:
    parsed = parse_address(address)
    return Segment(
        address=address,
        text=text,
        kind=node.kind,
        article=parsed.article.label if parsed.article else None,
        paragraph=parsed.paragraph if parsed.region == "body" else None,
        item=parsed.item,
        subitem=parsed.subitem,
        line=node.line,
    )
