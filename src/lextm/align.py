"""Aligning a law version with its translation: articles, then paragraphs and items, then sentences.

Article numbers are hard anchors (compared as numbers, inserted `-1` articles and deleted
placeholders included). Inside an article, paragraphs and items pair by position when both sides
have the same count, and by a dynamic program over lengths and anchors when they do not.
Sentences inside each paired paragraph or item are aligned by a length-based dynamic program
(Gale–Church style, with 1-1, 1-2, 2-1, 1-0 and 0-1 moves) whose length ratio is measured on the
document pair itself, helped by anchors: numbers, Han numerals, article references, quoted law
titles and glossary pairs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .model import AlignedPair, Kind, LawText, Provision, Segment
from .numerals import parse_number
from .segment import split_sentences

__all__ = ["Alignment", "align_laws", "glue"]

# Move priors (probability of each bead type in statute translations) and their costs.
_PRIORS = {
    (1, 1): 0.89,
    (1, 2): 0.045,
    (2, 1): 0.045,
    (1, 3): 0.005,
    (3, 1): 0.005,
    (2, 2): 0.005,
    (1, 0): 0.003,
    (0, 1): 0.003,
}
_MOVE_COST = {move: -math.log(p) for move, p in _PRIORS.items()}
LOW_CONFIDENCE = 0.5

_ARABIC = re.compile(
    r"(?<![0-9.,])(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion))?"
)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_HAN_NUM = re.compile(
    r"[〇零一二两兩三四五六七八九十百千万萬亿億]{2,}|(?<=第)[一二三四五六七八九十]"
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_QUOTED_TITLE = re.compile(r"《([^》]+)》")


def glue(lang: str) -> str:
    """What joins two sentences of one paragraph: nothing in Chinese, a space in English."""
    return "" if lang.startswith("zh") else " "


@dataclass(frozen=True, slots=True)
class _Unit:
    """A provision's own text cut into sentences, ready to align."""

    address: str
    article: str | None
    paragraph: int | None
    item: int | None
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairs of an alignment, in source document order, with a summary."""

    pairs: tuple[AlignedPair, ...]
    source_lang: str
    target_lang: str

    def low_confidence(self) -> tuple[AlignedPair, ...]:
        """Pairs below the threshold: flagged fuzzy and listed for review."""
        return tuple(p for p in self.pairs if p.confidence < LOW_CONFIDENCE)


# -- anchors ----------------------------------------------------------------------------------


def _numbers(text: str) -> frozenset[int]:
    text = text.translate(_FULLWIDTH_DIGITS)
    found = {
        int(float(m["n"].replace(",", "")) * _SCALES.get(m["scale"] or "", 1))
        for m in _ARABIC.finditer(text)
    }
    for match in _HAN_NUM.findall(text):
        try:
            found.add(parse_number(match))
        except ValueError:
            continue
    return frozenset(n for n in found if n > 1)


_PROVISO_ZH = re.compile(r"(?:^|[。；;])\s*(?:但|但是|惟)")
_PROVISO_EN = re.compile(r"\b(?:provided|unless|except|however|but)\b", re.IGNORECASE)


_TITLE_EN = re.compile(
    r"\b(?:Act|Law|Code|Regulations?|Rules|Measures|Provisions|Convention|Constitution)\b"
)


def _title_cost(source: str, target: str) -> float:
    """Quoted law titles (《…》) are rendered as capitalised titles: both sides or neither."""
    mine, theirs = len(_QUOTED_TITLE.findall(source)), len(_TITLE_EN.findall(target))
    if not mine and not theirs:
        return 0.0
    return -0.5 if mine and theirs else 0.5


def _term_cost(source: str, target: str, terms: Sequence[tuple[str, str]]) -> float:
    """Glossary pairs: a term and its rendering on the same side of a bead pull it together."""
    if not terms:
        return 0.0
    folded = target.lower()
    hits = misses = 0
    for zh, en in terms:
        if zh in source:
            if en.lower() in folded:
                hits += 1
            else:
                misses += 1
    return min(1.0, 0.3 * misses) - min(2.0, 0.5 * hits)


def _anchor_cost(source: str, target: str, terms: Sequence[tuple[str, str]] = ()) -> float:
    """Lower when numbers, provisos, titles and glossary terms agree on both sides."""
    a, b = _numbers(source), _numbers(target)
    cost = _title_cost(source, target) + _term_cost(source, target, terms)
    if a or b:
        cost += min(3.0, 1.0 * len(a ^ b)) - min(4.0, 1.5 * len(a & b))
    # A 但 proviso usually lives on in the same English sentence ("; provided, …", "unless").
    if _PROVISO_ZH.search(source) and _PROVISO_EN.search(target):
        cost -= 1.0
    return cost


# -- length model -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LengthModel:
    """Log-normal model of target length given source length, fitted on the document pair."""

    ratio: float  # target characters per source character
    sigma: float  # spread of the log ratio between well-paired paragraphs

    def cost(self, source_len: int, target_len: int) -> float:
        if source_len == 0 or target_len == 0:
            return 0.0
        delta = math.log(target_len / (source_len * self.ratio))
        # Short texts vary more: a few characters of difference mean little.
        variance = (1.5 * self.sigma) ** 2 + 4.0 / (source_len + target_len / self.ratio)
        return delta * delta / (2 * variance)


def _length_model(pairs: Iterable[tuple[str, str]]) -> _LengthModel:
    logs = sorted(math.log(len(t) / len(s)) for s, t in pairs if s and t)
    if len(logs) < 5:
        return _LengthModel(1.0, 0.5)
    trim = len(logs) // 10
    middle = logs[trim : len(logs) - trim] or logs
    mean = sum(middle) / len(middle)
    spread = math.sqrt(sum((x - mean) ** 2 for x in middle) / len(middle))
    return _LengthModel(math.exp(mean), max(0.1, min(0.6, spread)))


# -- dynamic program ----------------------------------------------------------------------------


def _align_sequences(
    source: Sequence[str],
    target: Sequence[str],
    model: _LengthModel,
    source_glue: str,
    target_glue: str,
    terms: Sequence[tuple[str, str]] = (),
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Beads (source indexes, target indexes, cost) covering both sequences in order."""
    n, m = len(source), len(target)
    if n == 1 and m == 1:
        # One sentence on each side of a paired provision: nothing else they could be.
        pair = _bead_cost(source, target, (1, 1), model, source_glue, target_glue, terms)
        return [((0,), (0,), pair)]
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for di, dj in _MOVE_COST:
                if i + di > n or j + dj > m:
                    continue
                cost = best[i][j] + _bead_cost(
                    source[i : i + di],
                    target[j : j + dj],
                    (di, dj),
                    model,
                    source_glue,
                    target_glue,
                )
                if cost < best[i + di][j + dj]:
                    best[i + di][j + dj] = cost
                    back[i + di][j + dj] = (di, dj)
    beads: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None
        di, dj = move
        cost = best[i][j] - best[i - di][j - dj]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), cost))
        i, j = i - di, j - dj
    return beads[::-1]


def _bead_cost(
    source: Sequence[str],
    target: Sequence[str],
    move: tuple[int, int],
    model: _LengthModel,
    source_glue: str,
    target_glue: str,
    terms: Sequence[tuple[str, str]] = (),
) -> float:
    src = source_glue.join(source)
    tgt = target_glue.join(target)
    cost = _MOVE_COST[move] + model.cost(len(src), len(tgt))
    if src and tgt:
        cost += _anchor_cost(src, tgt, terms)
    return cost


def _confidence(move: tuple[int, int], cost: float, trivial: bool) -> float:
    if trivial:
        return 1.0
    if 0 in move:
        return 0.0
    excess = max(0.0, cost - _MOVE_COST[move])
    base = 0.95 if move == (1, 1) else 0.8
    return round(base * math.exp(-excess / 4), 3)


# -- provisions ----------------------------------------------------------------------------------


def _units_of(node: Provision, lang: str) -> list[_Unit]:
    """The provision and its descendants that hold text of their own, in document order."""
    out: list[_Unit] = []
    for child in node.walk():
        if child.kind in (Kind.PARAGRAPH, Kind.ITEM, Kind.SUBITEM) and child.text:
            out.append(_unit(child, lang))
    return out


def _unit(node: Provision, lang: str) -> _Unit:
    from .address import parse_address

    parsed = parse_address(node.address)
    return _Unit(
        node.address,
        parsed.article.label if parsed.article else None,
        parsed.paragraph if parsed.region == "body" else None,
        parsed.item,
        tuple(split_sentences(node.text, lang)),
    )


def _segment(unit: _Unit, indexes: Sequence[int], lang: str) -> Segment:
    first, last = indexes[0] + 1, indexes[-1] + 1
    address = f"{unit.address}.s{first}" if first == last else f"{unit.address}.s{first}-{last}"
    text = glue(lang).join(unit.sentences[i] for i in indexes)
    return Segment(address, text, Kind.PARAGRAPH, unit.article, unit.paragraph, unit.item)


def _single(node: Provision) -> Segment:
    return Segment(node.address, node.text, node.kind)


class _Aligner:
    def __init__(
        self, source: LawText, target: LawText, terms: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.source, self.target = source, target
        self.terms = tuple(terms)
        self.pairs: list[AlignedPair] = []
        self.targets = {a.number: a for a in target.articles()}
        self.model = _length_model(self._paired_texts())

    def _paired_texts(self) -> Iterator[tuple[str, str]]:
        for article in self.source.articles():
            other = self.targets.get(article.number)
            if other is None:
                continue
            mine = _units_of(article, self.source.lang)
            theirs = _units_of(other, self.target.lang)
            if len(mine) == len(theirs):
                for a, b in zip(mine, theirs, strict=True):
                    yield self._text(a, self.source.lang), self._text(b, self.target.lang)

    @staticmethod
    def _text(unit: _Unit, lang: str) -> str:
        return glue(lang).join(unit.sentences)

    def run(self) -> list[AlignedPair]:
        singles = {
            n.address: n for n in self.target.walk() if _is_single(n) and n.kind is not Kind.ARTICLE
        }
        blocks = {n.address: n for n in self.target.walk() if _is_block(n)}
        orphans = self._target_only_articles()
        for node in self.source.walk():
            if node.kind is Kind.ARTICLE:
                self._article(node, self.targets.get(node.number))
                for other in orphans.get(node.address, ()):
                    self._article(None, other)
            elif _is_single(node):
                self._pair_single(node, _take(singles, node.address))
            if _is_block(node):
                self._block(node, _take(blocks, node.address))
        for other in singles.values():
            self._pair_single(None, other)
        for other in orphans.get("", ()):
            self._article(None, other)
        return self.pairs

    def _target_only_articles(self) -> dict[str, list[Provision]]:
        """Target articles without a source article, keyed by the source article before them."""
        numbers = sorted(a.number for a in self.source.articles() if a.number is not None)
        out: dict[str, list[Provision]] = {}
        for article in self.target.articles():
            if article.number is None or article.number in set(numbers):
                continue
            before = [n for n in numbers if n < article.number]
            key = f"art{before[-1].label}" if before else ""
            out.setdefault(key, []).append(article)
        return out

    def _pair_single(self, node: Provision | None, other: Provision | None) -> None:
        mine = (_single(node),) if node is not None else ()
        theirs = (_single(other),) if other is not None else ()
        self.pairs.append(AlignedPair(mine, theirs, 1.0 if mine and theirs else 0.0))

    def _block(self, node: Provision | None, other: Provision | None) -> None:
        """Paragraph runs outside articles: the preamble, text under a heading."""
        mine = _own_units(node, self.source.lang) if node else []
        theirs = _own_units(other, self.target.lang) if other else []
        for a, b, sure in self._pair_units(mine, theirs):
            self._sentences(a, b, sure)

    def _article(self, article: Provision | None, other: Provision | None) -> None:
        if article is not None:
            self._pair_single(article, other)
        elif other is not None:
            self._pair_single(None, other)
        mine = _units_of(article, self.source.lang) if article else []
        theirs = _units_of(other, self.target.lang) if other else []
        for a, b, sure in self._pair_units(mine, theirs):
            self._sentences(a, b, sure)

    def _pair_units(
        self, mine: list[_Unit], theirs: list[_Unit]
    ) -> list[tuple[list[_Unit], list[_Unit], bool]]:
        if len(mine) == len(theirs):
            return [([a], [b], True) for a, b in zip(mine, theirs, strict=True)]
        src = [self._text(u, self.source.lang) for u in mine]
        tgt = [self._text(u, self.target.lang) for u in theirs]
        beads = _align_sequences(src, tgt, self.model, "", " ", self.terms)
        return [([mine[i] for i in a], [theirs[j] for j in b], False) for a, b, _ in beads]

    def _sentences(self, mine: list[_Unit], theirs: list[_Unit], sure: bool) -> None:
        src_lang, tgt_lang = self.source.lang, self.target.lang
        # Units merged by the paragraph program align as one run of sentences.
        src = [(u, i) for u in mine for i in range(len(u.sentences))]
        tgt = [(u, i) for u in theirs for i in range(len(u.sentences))]
        beads = _align_sequences(
            [u.sentences[i] for u, i in src],
            [u.sentences[i] for u, i in tgt],
            self.model,
            glue(src_lang),
            glue(tgt_lang),
            self.terms,
        )
        trivial = sure and len(src) == len(tgt) == 1
        for a, b, cost in beads:
            move = (len(a), len(b))
            self.pairs.append(
                AlignedPair(
                    _segments([src[k] for k in a], src_lang),
                    _segments([tgt[k] for k in b], tgt_lang),
                    _confidence(move, cost, trivial and move == (1, 1)),
                )
            )


def _segments(members: Sequence[tuple[_Unit, int]], lang: str) -> tuple[Segment, ...]:
    """Sentences of one bead, one segment per unit they come from."""
    out: list[Segment] = []
    start = 0
    while start < len(members):
        unit = members[start][0]
        end = start
        while end + 1 < len(members) and members[end + 1][0] is unit:
            end += 1
        out.append(_segment(unit, [i for _, i in members[start : end + 1]], lang))
        start = end + 1
    return tuple(out)


def _take(table: dict[str, Provision], key: str) -> Provision | None:
    return table.pop(key) if key in table else None


def _is_block(node: Provision) -> bool:
    """Provisions whose paragraphs hold prose outside any article."""
    return node.kind is Kind.PREAMBLE or (
        node.kind.is_heading and any(c.kind is Kind.PARAGRAPH for c in node.children)
    )


def _own_units(node: Provision, lang: str) -> list[_Unit]:
    return [_unit(c, lang) for c in node.children if c.kind is Kind.PARAGRAPH and c.text]


def _is_single(node: Provision) -> bool:
    """Provisions that are one segment by themselves: title, note lines, headings."""
    if node.kind is Kind.ARTICLE:
        return True
    if node.kind in (Kind.TITLE, Kind.NOTE, Kind.TOC, Kind.PREAMBLE) or node.kind.is_heading:
        return bool(node.text)
    return node.kind is Kind.PARAGRAPH and node.address.startswith(("note.", "toc."))


def align_laws(
    source: LawText, target: LawText, *, terms: Sequence[tuple[str, str]] = ()
) -> Alignment:
    """Align a law with its translation; nothing on either side is dropped.

    `terms` are glossary pairs (source term, target rendering) used as extra anchors.
    """
    pairs = _Aligner(source, target, terms).run()
    return Alignment(tuple(pairs), source.lang, target.lang)
