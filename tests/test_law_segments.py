"""Segments of a parsed law: addresses, document order, nothing lost."""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import LAWS, ROOT, CorpusLaw, needs_corpus
from lextm.address import DocumentOrder, parse_address
from lextm.structure import parse_law, parse_text
from lextm.structure.segments import segment_law

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"


def _check_law(path: str) -> None:
    law = parse_law(path)
    segments = segment_law(law)
    addresses = [s.address for s in segments]
    assert len(set(addresses)) == len(addresses), "addresses are unique"
    assert [str(parse_address(a)) for a in addresses] == addresses
    order = DocumentOrder(addresses)
    assert sorted(addresses, key=order.key) == addresses
    joined: dict[str, list[str]] = defaultdict(list)
    for segment in segments:
        joined[str(parse_address(segment.address).provision)].append(segment.text)
    glue = "" if law.lang == "zh" else " "
    for node in law.walk():
        if node.text and node.address in joined:
            assert glue.join(joined[node.address]) == node.text, node.address


def test_seed_segments() -> None:
    """The seed's segments are unique, ordered, and rebuild every provision exactly."""
    _check_law(str(SEED))


@needs_corpus
@pytest.mark.parametrize("law", LAWS, ids=[law.slug for law in LAWS])
def test_corpus_segments(law: CorpusLaw) -> None:
    """Every corpus text segments without loss, in document order."""
    for path in filter(None, (law.zh, law.en)):
        _check_law(str(path))


def test_segment_provision_numbers() -> None:
    """Segments carry the article label, paragraph, item and sub-item numbers."""
    law = parse_text("第十二条之一 下列：\n（一）甲：\n1.子。丑。\n第二款。")
    rows = [(s.address, s.article, s.paragraph, s.item, s.subitem) for s in segment_law(law)]
    assert rows == [
        ("art12-1", "12-1", None, None, None),
        ("art12-1.p1.s1", "12-1", 1, None, None),
        ("art12-1.p1.i1.s1", "12-1", 1, 1, None),
        ("art12-1.p1.i1.sub1.s1", "12-1", 1, 1, 1),
        ("art12-1.p1.i1.sub1.s2", "12-1", 1, 1, 1),
        ("art12-1.p2.s1", "12-1", 2, None, None),
    ]


def test_front_matter_segments() -> None:
    """Title, note and headings are one segment each, addressed by the provision."""
    law = parse_text("某法\n（2020年1月1日通过）\n第一章 总则\n第一条 甲。乙。")
    assert [(s.address, s.text) for s in segment_law(law)] == [
        ("title", "某法"),
        ("note", "（2020年1月1日通过）"),
        ("ch1", "第一章 总则"),
        ("art1", "第一条"),
        ("art1.p1.s1", "甲。"),
        ("art1.p1.s2", "乙。"),
    ]
