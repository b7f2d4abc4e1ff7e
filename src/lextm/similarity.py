"""How alike two source texts are: the comparison form, plain and weighted similarity, diffs.

Texts are compared in their *comparison form*: folded for width, script and case (lextm.fold),
white space runs made one, and a leading item label (（一）, 一、, (1), 1.) removed, so the same
sentence under another item number compares as equal. The comparison form is always a
contiguous piece of the folded text (the index relies on it: every bigram of the comparison form
is a bigram of the folded text).

Two measures:
- `similarity`: the plain normalised Levenshtein similarity, 100 · (1 − d / max(|a|, |b|)), on
  characters. The candidate filter is proved lossless for it (`count_bound`, `length_window`;
  docs/matching.md), and the threshold applies to it.
- `weighted_score`: the same edit script with a weight per character, so a difference in a number,
  an article reference, a negation or a modal verb costs more than one in a function word or a
  punctuation mark: 第十二条 against 第十三条 is far from 100, a dropped 的 hardly counts.

rapidfuzz (a C implementation of Levenshtein) is used only here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .fold import fold, fold_spaces
from .model import Unit

__all__ = [
    "COMPARISON_VERSION",
    "FUZZY_CEILING",
    "Candidate",
    "DiffPart",
    "best_similar",
    "comparison_form",
    "count_bound",
    "diff",
    "length_window",
    "render_diff",
    "similarity",
    "strip_label",
    "weighted_score",
]

# Bump when `comparison_form` changes: the index stores comparison-form lengths.
COMPARISON_VERSION: Final = 1

_NUMERALS = "〇零一二三四五六七八九十百千万亿两"
_LABEL = re.compile(
    rf"^(?:\((?:[{_NUMERALS}]+|[0-9]+|[a-z])\)|[{_NUMERALS}]+、|[0-9]+(?:[.、](?![0-9])))\s*"
)
_HEAVY_NUMBER = re.compile(
    rf"第 ?[0-9{_NUMERALS}]+(?:-[0-9]+)? ?(?:条之[{_NUMERALS}]+|[条款项目章节编])?"
    rf"|[0-9]+(?:[-.,][0-9]+)*%?"
    rf"|[{_NUMERALS}]{{2,}}"
    rf"|[{_NUMERALS}](?=[条款项年月日天个人元倍次周岁名家件份%])"
)
_MODAL = re.compile("应当|应该|可以|不得|必须|禁止|无须|无需|不应|不必|不宜|得以|应|须")
_NEGATION: Final = frozenset("不非未无没勿否")
_FUNCTION: Final = frozenset("的之和与及等或其者所于并且也了")

# Weights of one character in the edit cost (a substitution costs the larger of the two).
NUMBER_WEIGHT: Final = 3.0  # digits, Han numerals, article references 第十二条
NEGATION_WEIGHT: Final = 3.0  # 不 非 未 无 没 勿 否
MODAL_WEIGHT: Final = 2.0  # 应当 可以 不得 必须 …
LIGHT_WEIGHT: Final = 0.5  # function words 的 之 和 与 等 …, punctuation, spaces
PLAIN_WEIGHT: Final = 1.0
# A fuzzy match never shows 100: that is kept for texts whose folded forms are equal.
FUZZY_CEILING: Final = 99.0
_EPSILON: Final = 1e-6


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit the candidate index found, with its plain similarity (0–100) to the query."""

    unit: Unit
    similarity: float


@dataclass(frozen=True, slots=True)
class DiffPart:
    """One piece of a diff: `equal`, `delete` (only in the old text) or `insert` (only in new)."""

    op: str
    text: str


def strip_label(folded: str) -> str:
    """A folded text without its leading item label: `(一)依法…` → `依法…`."""
    found = _LABEL.match(folded)
    return folded[found.end() :] if found else folded


def comparison_form(text: str) -> str:
    """The form sources are compared in: folded, spaces made one, leading item label removed."""
    return strip_label(fold_spaces(text))


# --- the candidate filter ------------------------------------------------------------------------


def length_window(length: int, threshold: float) -> tuple[int, int]:
    """Lengths a text can have and still reach `threshold` (0–100) against one of `length`.

    With similarity 1 − d/max(m, l) ≥ t and d ≥ |m − l|: l ≥ t·m and l ≤ m/t. Rounded outward.
    """
    t = threshold / 100
    if t <= 0:
        return 0, 2**62
    return max(0, math.ceil(t * length - _EPSILON)), math.floor(length / t + _EPSILON)


def count_bound(length: int, threshold: float) -> int:
    """The fewest bigram occurrences of a query of `length` a text reaching `threshold` shares.

    One edit touches at most two of the query's length − 1 bigrams, so a text at distance d
    shares at least max(m, l) − 1 − 2d of them; with d ≤ (1 − t)·max(m, l) that is at least
    (2t − 1)·max(m, l) − 1 ≥ (2t − 1)·m − 1 when t ≥ 1/2. Rounded down; 0 or less means the
    count says nothing (short queries, thresholds of 50 or below).
    """
    t = threshold / 100
    if t <= 0.5:
        return 0
    return math.ceil((2 * t - 1) * length - 1 - _EPSILON)


# --- measures ------------------------------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    """Plain normalised Levenshtein similarity of two texts (already in comparison form), 0–100."""
    return 100.0 * Levenshtein.normalized_similarity(a, b)


def best_similar(query: str, choices: Sequence[str], threshold: float) -> list[tuple[int, float]]:
    """(index, similarity) of every choice at or above `threshold`, best first."""
    found = process.extract(
        query,
        choices,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=max(threshold / 100 - _EPSILON, 0.0),
        limit=None,
    )
    return [(index, 100.0 * score) for _, score, index in found]


@lru_cache(maxsize=8192)
def _weights(text: str) -> tuple[float, ...]:
    """The edit weight of each character of a text in comparison form."""
    weights = [_char_weight(ch) for ch in text]
    for found in _MODAL.finditer(text):
        weights[found.start() : found.end()] = [MODAL_WEIGHT] * (found.end() - found.start())
    for found in _HEAVY_NUMBER.finditer(text):
        weights[found.start() : found.end()] = [NUMBER_WEIGHT] * (found.end() - found.start())
    return tuple(weights)


def _char_weight(ch: str) -> float:
    if ch in _NEGATION:
        return NEGATION_WEIGHT
    if ch in _FUNCTION or ch.isspace() or unicodedata.category(ch)[0] in "PS":
        return LIGHT_WEIGHT
    return PLAIN_WEIGHT


def weighted_score(a: str, b: str) -> float:
    """How alike two texts in comparison form are, 0–100, with statute-aware weights.

    The plain Levenshtein edit script is priced per character (`NUMBER_WEIGHT`, …) and divided
    by the longer length; texts that differ never score above `FUZZY_CEILING`.
    """
    if a == b:
        return 100.0
    wa, wb = _weights(a), _weights(b)
    cost = 0.0
    for op in Levenshtein.opcodes(a, b):
        old, new = wa[op.src_start : op.src_end], wb[op.dest_start : op.dest_end]
        if op.tag == "replace":
            paired = min(len(old), len(new))
            cost += sum(map(max, old[:paired], new[:paired]))
            cost += sum(old[paired:]) + sum(new[paired:])
        elif op.tag != "equal":
            cost += sum(old) + sum(new)
    score = 100.0 * (1.0 - cost / max(len(a), len(b)))
    return min(max(score, 0.0), FUZZY_CEILING)


# --- diffs ---------------------------------------------------------------------------------------


def diff(old: str, new: str) -> list[DiffPart]:
    """What changes `old` into `new`, character by character, compared in folded form.

    Between two unchanged stretches, everything removed comes first, then everything added.
    """
    parts: list[DiffPart] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        if gone := "".join(removed):
            parts.append(DiffPart("delete", gone))
        if new_text := "".join(added):
            parts.append(DiffPart("insert", new_text))
        removed.clear()
        added.clear()

    for op in Levenshtein.opcodes(fold(old), fold(new)):
        if op.tag == "equal":
            flush()
            parts.append(DiffPart("equal", old[op.src_start : op.src_end]))
        else:
            removed.append(old[op.src_start : op.src_end])
            added.append(new[op.dest_start : op.dest_end])
    flush()
    return parts


def render_diff(parts: Sequence[DiffPart]) -> str:
    """A diff as text, wdiff style: `[-only in old-]{+only in new+}`."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[part.op].format(part.text) for part in parts)
