"""Translation-memory matches for a source segment: context, exact and fuzzy, best first.

Two stages: the store's candidate index returns every unit whose comparison form reaches the
threshold in plain normalised Levenshtein similarity (a lossless filter, then exact scoring;
docs/matching.md); this module then weighs what differs (lextm.similarity.weighted_score),
decides the kind of each match, applies penalties, replaces numbers where only numbers differ,
and orders the result.

Kinds, best first:
- `context`: the folded source is equal and so are the neighbours' (the segments before and
  after), or the unit has the same address in an earlier version of the same document;
- `exact`: the folded source is equal (score 100 before penalties);
- `fuzzy`: similarity at or above the threshold; scored by `weighted_score` (at most 99).

Penalties (points off the score): a unit in state `fuzzy`, a translated but unreviewed unit,
a unit of a `reference` document, and each reference TM's own penalty from lextm.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from .errors import UsageError
from .fold import fold_spaces
from .model import Unit
from .numerals import (
    ENGLISH_NUMBER,
    HAN_NUMERAL_CHARS,
    english_to_int,
    int_to_english,
    parse_number,
)
from .similarity import (
    FUZZY_CEILING,
    Candidate,
    comparison_form,
    similarity,
    weighted_score,
)

__all__ = [
    "BANDS",
    "DEFAULT_THRESHOLD",
    "CandidateIndex",
    "Context",
    "Match",
    "MatchSettings",
    "Matcher",
    "TranslationMemory",
    "band_of",
    "substitute_numbers",
]

DEFAULT_THRESHOLD: Final = 75.0
KINDS: Final = ("context", "exact", "fuzzy")
# Analysis bands, best first; `repetition` is counted apart, `none` is everything else.
BANDS: Final = ("context", "100%", "95-99%", "85-94%", "75-84%", "none")
_FUZZY_BANDS: Final = ((95.0, "95-99%"), (85.0, "85-94%"), (75.0, "75-84%"))
# Candidates scored per query: the weighted score may reorder the plain similarity's best.
_RERANKED: Final = 40
_NUMBER = re.compile(rf"[0-9]+|[{HAN_NUMERAL_CHARS}]+")
_ARABIC = r"(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?![0-9]|[.,][0-9])"
_TARGET_NUMBER = re.compile(rf"{_ARABIC}|{ENGLISH_NUMBER}", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
# Words after a number that it does not count: no singular or plural to agree with.
_NOT_COUNTED = frozenset(
    {
        "of",
        "and",
        "or",
        "to",
        "through",
        "shall",
        "may",
        "in",
        "on",
        "under",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "the",
        "this",
        "that",
    }
)


class CandidateIndex(Protocol):
    """What matching needs of an index: maintained by the store, queried here.

    A PostgreSQL store would implement it with pg_trgm; `add` and `remove` run inside the
    store's own writes, so callers never call them directly.
    """

    def add(self, file: str, rows: Sequence[tuple[int, str]]) -> None:
        """Index units read from `file`, given as (unit id, folded source)."""

    def remove(self, file: str) -> None:
        """Forget the units read from `file`."""

    def candidates(
        self,
        query: str,
        threshold: float,
        limit: int,
        *,
        translated: bool = True,
        exclude: tuple[str, str] | None = None,
    ) -> list[Candidate]:
        """Every unit reaching `threshold` against `query` (comparison form), best first."""


class TranslationMemory(Protocol):
    """What matching needs of a store: its index's candidates, and units' neighbours."""

    def candidates(
        self,
        query: str,
        threshold: float,
        limit: int,
        *,
        translated: bool = True,
        exclude: tuple[str, str] | None = None,
    ) -> list[Candidate]:
        """`CandidateIndex.candidates` of the store's index."""

    def neighbours(self, unit: Unit) -> tuple[str | None, str | None]:
        """Folded sources of the units before and after `unit`."""

    def exact(
        self,
        source: str,
        *,
        limit: int = 20,
        translated: bool = False,
        exclude: tuple[str, str] | None = None,
    ) -> list[Unit]:
        """Units whose folded source equals the folded `source`."""


@dataclass(frozen=True, slots=True)
class Context:
    """Where a query segment sits: for context matches and to leave its own version out."""

    document: str
    version: str
    address: str = ""
    previous: str | None = None
    next: str | None = None
    earlier_versions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    """One suggestion: the unit, its kind, score and plain similarity, the target to use.

    `target` is the unit's target after number substitution; `substituted` lists the numbers
    replaced in it, as (old, new) Arabic numerals.
    """

    unit: Unit
    kind: str
    score: float
    similarity: float
    target: str
    substituted: tuple[tuple[str, str], ...] = ()
    penalty: float = 0.0


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Threshold (0–100, on plain similarity), penalties and number substitution."""

    threshold: float = DEFAULT_THRESHOLD
    fuzzy_penalty: float = 10.0
    unreviewed_penalty: float = 1.0
    reference_penalty: float = 2.0
    tm_penalties: Mapping[str, float] = field(default_factory=dict)
    substitute: bool = True

    @classmethod
    def from_config(
        cls, settings: Mapping[str, Any], reference_tms: Iterable[tuple[str, float]] = ()
    ) -> MatchSettings:
        """Read `[settings] fuzzy_threshold` and `match_penalties`, and the TMs' penalties."""
        threshold = _number(settings.get("fuzzy_threshold", DEFAULT_THRESHOLD), "fuzzy_threshold")
        if not 0 < threshold <= 100:
            raise UsageError(f"fuzzy_threshold must be above 0 and at most 100, not {threshold}.")
        penalties = settings.get("match_penalties", {})
        if not isinstance(penalties, Mapping):
            raise UsageError("match_penalties must be a table: { fuzzy = 10, unreviewed = 1 }.")
        return cls(
            threshold=threshold,
            fuzzy_penalty=_number(penalties.get("fuzzy", 10), "match_penalties.fuzzy"),
            unreviewed_penalty=_number(penalties.get("unreviewed", 1), "match_penalties"),
            reference_penalty=_number(penalties.get("reference", 2), "match_penalties"),
            tm_penalties={name: float(penalty) for name, penalty in reference_tms},
        )

    def penalty(self, unit: Unit) -> float:
        """Points taken off a unit's score for its state, role and TM."""
        points = self.tm_penalties.get(unit.tm, 0.0)
        if unit.state == "fuzzy":
            points += self.fuzzy_penalty
        elif unit.state != "reviewed":
            points += self.unreviewed_penalty
        if unit.role == "reference":
            points += self.reference_penalty
        return points


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UsageError(f"{name} in lextm.toml must be a number, not {value!r}.")
    return float(value)


class Matcher:
    """Matches for source segments from one translation memory."""

    def __init__(self, memory: TranslationMemory, settings: MatchSettings | None = None) -> None:
        """Match against `memory` with `settings` (the defaults when None)."""
        self.memory = memory
        self.settings = settings or MatchSettings()

    def match(self, query: str, *, context: Context | None = None, limit: int = 5) -> list[Match]:
        """The best `limit` matches for a source segment, best first (duplicates dropped)."""
        form = comparison_form(query)
        if not form or limit <= 0:
            return []
        exclude = (context.document, context.version) if context else None
        found = self.memory.candidates(
            form, self.settings.threshold, max(_RERANKED, 4 * limit), exclude=exclude
        )
        folded = fold_spaces(query)
        matches = [self._match(query, form, folded, found_one, context) for found_one in found]
        matches.sort(key=_rank)
        return _with_closest(_distinct(matches), limit)

    def best(self, query: str, *, context: Context | None = None) -> Match | None:
        """The best match, if any reaches the threshold.

        An exact or context match beats any fuzzy one, so when the source has exact units
        (a cheap lookup) the fuzzy candidates are not needed.
        """
        if not comparison_form(query):
            return None
        exclude = (context.document, context.version) if context else None
        units = self.memory.exact(query, limit=_RERANKED, translated=True, exclude=exclude)
        if units:
            form, folded = comparison_form(query), fold_spaces(query)
            found = [Candidate(unit, 100.0) for unit in units]
            return min((self._match(query, form, folded, c, context) for c in found), key=_rank)
        found_all = self.match(query, context=context, limit=1)
        return found_all[0] if found_all else None

    def _match(
        self, query: str, form: str, folded: str, found: Candidate, context: Context | None
    ) -> Match:
        unit = found.unit
        penalty = self.settings.penalty(unit)
        if fold_spaces(unit.source) == folded:
            kind = "context" if context and self._in_context(unit, context) else "exact"
            return Match(unit, kind, 100.0 - penalty, found.similarity, unit.target, (), penalty)
        other = comparison_form(unit.source)
        score = min(weighted_score(form, other), FUZZY_CEILING) - penalty
        target, substituted = unit.target, tuple[tuple[str, str], ...]()
        if self.settings.substitute:
            replaced = substitute_numbers(query, unit.source, unit.target)
            if replaced is not None:
                target, substituted = replaced
        return Match(unit, "fuzzy", score, found.similarity, target, substituted, penalty)

    def _in_context(self, unit: Unit, context: Context) -> bool:
        if (
            unit.document == context.document
            and unit.version in context.earlier_versions
            and unit.address == context.address
            and context.address
        ):
            return True
        if context.previous is None and context.next is None:
            return False
        before, after = self.memory.neighbours(unit)
        return (before, after) == (_folded(context.previous), _folded(context.next))


def _folded(text: str | None) -> str | None:
    return None if text is None else fold_spaces(text)


def _rank(match: Match) -> tuple[object, ...]:
    unit = match.unit
    return (
        KINDS.index(match.kind),
        -match.score,
        -match.similarity,
        unit.tm != "project",
        unit.tm,
        unit.document,
        unit.version,
        unit.position,
    )


def _distinct(matches: list[Match]) -> list[Match]:
    """The first match for each (folded source, target): the same pair repeated adds nothing."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for match in matches:
        key = (fold_spaces(match.unit.source), match.target)
        if key not in seen:
            seen.add(key)
            kept.append(match)
    return kept


def _with_closest(ranked: list[Match], limit: int) -> list[Match]:
    """The best `limit` by rank, always holding the match of highest plain similarity.

    When the weighted score ranks the closest text (by edit distance) below `limit` others, it
    takes the last place: where the two measures disagree, both winners are shown.
    """
    top = ranked[:limit]
    if not ranked:
        return top
    closest = max(ranked, key=lambda match: match.similarity)
    if any(match.similarity >= closest.similarity for match in top):
        return top
    return sorted([*top[: limit - 1], closest], key=_rank)


def band_of(match: Match | None) -> str:
    """The analysis band of a segment's best match."""
    if match is None:
        return "none"
    if match.kind == "context":
        return "context"
    if match.kind == "exact":
        return "100%"
    for floor, name in _FUZZY_BANDS:
        if match.score >= floor:
            return name
    return "none"


# --- number substitution -------------------------------------------------------------------------


def _numbers(text: str) -> tuple[str, list[int]] | None:
    """The text with each number replaced by a placeholder, and the numbers' values."""
    values: list[int] = []
    for found in _NUMBER.finditer(text):
        try:
            values.append(parse_number(found.group()))
        except ValueError:
            return None
    return _NUMBER.sub("\0", text), values


def substitute_numbers(
    query: str, source: str, target: str
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The target with the source's numbers replaced by the query's, when only numbers differ.

    Both sources must read the same once every number (Arabic or Han) is set aside, and each
    changed value must occur in the target, as an Arabic numeral or in English words ("thirty
    days", written back in words), exactly as often as in the source, and never unchanged
    elsewhere in the source. Otherwise None: nothing is guessed.
    """
    mine, theirs = _numbers(comparison_form(query)), _numbers(comparison_form(source))
    if mine is None or theirs is None or mine[0] != theirs[0] or mine[1] == theirs[1]:
        return None
    changes: dict[int, int] = {}
    for new, old in zip(mine[1], theirs[1], strict=True):
        if old != new and changes.setdefault(old, new) != new:
            return None
    kept = {old for new, old in zip(mine[1], theirs[1], strict=True) if old == new}
    if kept & set(changes):
        return None
    in_target = list(_TARGET_NUMBER.finditer(target))
    values = [_value(found) for found in in_target]
    for old in changes:
        if values.count(old) != theirs[1].count(old):
            return None
    for found, value in zip(in_target, values, strict=True):
        changed = changes.get(value)
        if changed is not None and 1 in (value, changed) and _counts_a_noun(target, found.end()):
            return None  # "one month" / "two months": the noun would need another form

    def replace(found: re.Match[str]) -> str:
        value = _value(found)
        if value not in changes:
            return found.group()
        text = found.group()
        if text[0].isdigit():
            return f"{changes[value]:,}" if "," in text else str(changes[value])
        words = int_to_english(changes[value])
        return words[0].upper() + words[1:] if text[0].isupper() else words

    pairs = tuple((str(old), str(new)) for old, new in changes.items())
    return _TARGET_NUMBER.sub(replace, target), pairs


def _value(found: re.Match[str]) -> int:
    text = found.group()
    return int(text.replace(",", "")) if text[0].isdigit() else english_to_int(text)


def _counts_a_noun(text: str, end: int) -> bool:
    """Whether the number ending at `end` is followed by a word it counts (not "of", "and"…)."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() not in _NOT_COUNTED


def plain_similarity(query: str, source: str) -> float:
    """The plain normalised Levenshtein similarity of two sources, in comparison form."""
    return similarity(comparison_form(query), comparison_form(source))
