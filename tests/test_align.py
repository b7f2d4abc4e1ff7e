"""Alignment of a law with its translation: articles, paragraphs and items, sentences."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import cache

import pytest

from conftest import DATA, LAWS, CorpusLaw, needs_corpus
from lextm.align import align_laws
from lextm.model import AlignedPair, LawText, Segment
from lextm.structure import parse_law, parse_text

BILINGUAL = [law for law in LAWS if law.en is not None]
_SENTENCE = re.compile(r"\.s(\d+)(?:-(\d+))?$")
Bead = tuple[frozenset[str], frozenset[str]]


@cache
def _aligned(slug: str) -> tuple[AlignedPair, ...]:
    law = next(law for law in BILINGUAL if law.slug == slug)
    assert law.en is not None
    return align_laws(parse_law(law.zh), parse_law(law.en)).pairs


def _sentences(segment: Segment) -> list[str]:
    match = _SENTENCE.search(segment.address)
    assert match is not None
    head = segment.address[: match.start()]
    first, last = int(match[1]), int(match[2] or match[1])
    return [f"{head}.s{i}" for i in range(first, last + 1)]


def _beads(pairs: tuple[AlignedPair, ...]) -> dict[str, set[Bead]]:
    """Sentence beads per article, with joined ranges expanded to single sentences."""
    out: dict[str, set[Bead]] = defaultdict(set)
    for pair in pairs:
        segments = (*pair.source, *pair.target)
        if not segments or not all(_SENTENCE.search(s.address) for s in segments):
            continue
        article = segments[0].article
        assert article is not None
        src = frozenset(a for s in pair.source for a in _sentences(s))
        tgt = frozenset(a for s in pair.target for a in _sentences(s))
        out[article].add((src, tgt))
    return out


def _gold() -> dict[tuple[str, str], set[Bead]]:
    gold: dict[tuple[str, str], set[Bead]] = defaultdict(set)
    with (DATA / "align" / "gold_sentences.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            src = frozenset(filter(None, row["source"].split("+")))
            tgt = frozenset(filter(None, row["target"].split("+")))
            gold[(row["law"], row["article"])].add((src, tgt))
    return gold


@needs_corpus
def test_sentence_alignment_against_gold() -> None:
    """Strict bead precision, recall and F1 against the hand-checked gold are at least 0.95."""
    found = correct = expected = 0
    for (slug, article), beads in _gold().items():
        predicted = _beads(_aligned(slug))[article]
        found += len(predicted)
        expected += len(beads)
        correct += len(predicted & beads)
    precision, recall = correct / found, correct / expected
    f1 = 2 * precision * recall / (precision + recall)
    assert min(precision, recall, f1) >= 0.95, (precision, recall, f1)


def _provision(address: str) -> str:
    return _SENTENCE.sub("", address)


@needs_corpus
@pytest.mark.parametrize("law", BILINGUAL, ids=[law.slug for law in BILINGUAL])
def test_paragraph_and_item_pairs(law: CorpusLaw) -> None:
    """Paragraphs and items pair with their counterparts: precision and recall ≥ 0.98."""
    assert law.en is not None
    zh, en = parse_law(law.zh), parse_law(law.en)
    gold = _structural_gold(zh, en)
    predicted = {
        (_provision(s.address), _provision(t.address))
        for pair in _aligned(law.slug)
        for s in pair.source
        for t in pair.target
        if _SENTENCE.search(s.address) and _SENTENCE.search(t.address)
    }
    precision = len(predicted & gold) / len(predicted)
    recall = len(predicted & gold) / len(gold)
    assert precision >= 0.98 and recall >= 0.98, (precision, recall)


def _structural_gold(zh: LawText, en: LawText) -> set[tuple[str, str]]:
    """Paragraph and item pairs of articles with the same paragraph and item counts."""
    theirs = {a.number: a for a in en.articles()}
    gold: set[tuple[str, str]] = set()
    for article in zh.articles():
        other = theirs.get(article.number)
        if other is None:
            continue
        mine = [n.address for n in article.walk() if n.text and n is not article]
        their = [n.address for n in other.walk() if n.text and n is not other]
        if len(mine) == len(their):
            gold |= set(zip(mine, their, strict=True))
    return gold


@needs_corpus
@pytest.mark.parametrize("law", BILINGUAL, ids=[law.slug for law in BILINGUAL])
def test_articles_anchor_on_numbers(law: CorpusLaw) -> None:
    """Every article label pairs with the article of the same number, deleted ones included."""
    labels = [
        (p.source[0].address, p.target[0].address)
        for p in _aligned(law.slug)
        if p.source and p.target and re.fullmatch(r"art[\d-]+", p.source[0].address)
    ]
    assert labels and all(a == b for a, b in labels)
    assert len(labels) == law.articles_zh


@needs_corpus
@pytest.mark.parametrize("law", BILINGUAL, ids=[law.slug for law in BILINGUAL])
def test_nothing_dropped(law: CorpusLaw) -> None:
    """Every source and target segment appears in exactly one pair."""
    assert law.en is not None
    pairs = _aligned(law.slug)
    for side, path in (("source", law.zh), ("target", law.en)):
        from lextm.structure.segments import segment_law

        expected = {s.address for s in segment_law(parse_law(path))}
        seen = [
            a
            for p in pairs
            for s in getattr(p, side)
            for a in (_sentences(s) if _SENTENCE.search(s.address) else [s.address])
        ]
        assert len(seen) == len(set(seen))
        assert set(seen) == expected


def _pairs(zh: str, en: str) -> list[tuple[list[str], list[str], float]]:
    pairs = align_laws(parse_text(zh, lang="zh"), parse_text(en, lang="en")).pairs
    return [
        ([s.address for s in p.source], [t.address for t in p.target], p.confidence) for p in pairs
    ]


def test_two_to_one() -> None:
    """A 但 proviso folded into one English sentence is a 2-1 link."""
    pairs = _pairs(
        "第一条 当事人应当在三十日内提出申请。但法律另有规定的除外。",
        "Article 1 A party shall apply within 30 days, unless otherwise provided by law.",
    )
    assert (["art1.p1.s1-2"], ["art1.p1.s1"]) in [(s, t) for s, t, _ in pairs]


def test_one_to_two() -> None:
    """A long Chinese sentence split in two English sentences is a 1-2 link."""
    pairs = _pairs(
        "第一条 网信部门负责统筹协调网络安全工作和相关监督管理工作，"
        "公安部门在各自职责范围内负责网络安全保护和监督管理工作。",
        "Article 1 The cyberspace department is responsible for coordinating cybersecurity "
        "work and the related supervision and administration. Public security departments are "
        "responsible for cybersecurity protection, supervision and administration within the "
        "scope of their duties.",
    )
    assert (["art1.p1.s1"], ["art1.p1.s1-2"]) in [(s, t) for s, t, _ in pairs]


def test_confidence_in_range() -> None:
    """Every pair has a confidence between 0 and 1; label pairs are certain."""
    pairs = _pairs("第一条 甲。乙。\n第二条 丙。", "Article 1 A. B.\nArticle 2 C.")
    assert all(0.0 <= c <= 1.0 for _, _, c in pairs)
    assert (["art1"], ["art1"], 1.0) in pairs


def test_missing_article_is_one_to_zero() -> None:
    """An article missing from the translation keeps its segments, with nothing opposite."""
    pairs = _pairs("第一条 甲。\n第二条 乙。", "Article 1 A.")
    assert (["art2"], [], 0.0) in pairs and (["art2.p1.s1"], [], 0.0) in pairs


def test_unequal_paragraphs() -> None:
    """Paragraph counts that differ still align paragraph by paragraph where lengths allow."""
    pairs = _pairs(
        "第一条 甲方应当在三十日内履行义务。\n乙方应当协助。\n丙方可以监督。",
        "Article 1 Party A shall perform its obligations within 30 days, "
        "and Party B shall assist.\nParty C may supervise.",
    )
    links = [(s, t) for s, t, _ in pairs if t and s and s[0].startswith("art1.p")]
    assert (["art1.p3.s1"], ["art1.p2.s1"]) in links


@pytest.mark.parametrize(
    ("source", "matching", "other"),
    [
        ("处五万元以下罚款。", "a fine of not more than 50,000 yuan.", "a warning."),
        ("处新臺幣二億元。", "NT$200 million.", "NT$5 million."),
        ("依照《中华人民共和国网络安全法》处理。", "under the Cybersecurity Law.", "as required."),
        ("但法律另有规定的除外。", "unless otherwise provided by law.", "it is so ruled."),
    ],
    ids=["amount", "scaled-amount", "law-title", "proviso"],
)
def test_anchors_prefer_the_matching_rendering(source: str, matching: str, other: str) -> None:
    """Numbers, law titles and provisos make the matching rendering the cheaper bead."""
    from lextm.align import _anchor_cost

    assert _anchor_cost(source, matching) < _anchor_cost(source, other)


def test_glossary_pairs_are_anchors() -> None:
    """A glossary pair found on both sides lowers the cost; found on one side raises it."""
    from lextm.align import _anchor_cost

    terms = [("网信部门", "cyberspace department")]
    source = "网信部门负责统筹协调。"
    with_term = _anchor_cost(source, "The cyberspace department coordinates.", terms)
    without = _anchor_cost(source, "The police investigate.", terms)
    assert with_term < 0 < without
