"""Measuring versions work: a mapping against a hand-made gold mapping (docs/versions-gold.md),
and a carry-over against the texts it carried between.

A gold file is UTF-8 TSV with the columns old, new, change (and a note); one row per link,
old or new empty for inserted and deleted articles. A gold usually covers stretches of the
law completely rather than the whole law: every link of a covered old article is listed, and
every link into a covered new article. Predicted links are scored when they touch a covered
article; links among articles the gold does not cover cannot be judged and are left out.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..address import parse_address
from ..errors import InputError
from ..model import DocumentFile
from .mapping import CHANGES, VersionMapping
from .texts import VersionText

__all__ = ["CarryReport", "GoldLink", "Score", "carry_report", "read_gold", "score_mapping"]

Pair = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class GoldLink:
    """One row of a gold mapping."""

    old: str | None
    new: str | None
    change: str
    note: str = ""

    @property
    def borderline(self) -> bool:
        """A judgement call the annotator marked (`borderline:` at the start of the note)."""
        return self.note.startswith("borderline")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of the predicted links (old, new) against the gold's, and how
    many of the links found also have the gold's kind of change."""

    gold: int
    predicted: int
    correct: int
    same_change: int
    missed: tuple[Pair, ...]
    extra: tuple[Pair, ...]

    @property
    def precision(self) -> float:
        """Share of the scored predicted links that the gold has."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the gold links that were predicted."""
        return self.correct / self.gold if self.gold else 1.0


def read_gold(path: Path) -> tuple[GoldLink, ...]:
    """The links of a gold TSV file; InputError naming the line for a bad row."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    links = []
    for number, row in enumerate(rows, 2):
        change = (row.get("change") or "").strip()
        old, new = (row.get("old") or "").strip() or None, (row.get("new") or "").strip() or None
        if change not in CHANGES or (old is None and new is None):
            raise InputError(f"not a gold link: {row}", path=path, line=number)
        links.append(GoldLink(old, new, change, (row.get("note") or "").strip()))
    return tuple(links)


def score_mapping(
    mapping: VersionMapping,
    gold: Iterable[GoldLink],
    *,
    new_covered: Collection[str] | None = None,
    skip_borderline: bool = False,
) -> Score:
    """Score `mapping` against `gold`. Old articles named in the gold are covered; new
    articles are covered when listed in `new_covered` (default: those named in the gold)."""
    rows = [g for g in gold if not (skip_borderline and g.borderline)]
    skipped = set() if not skip_borderline else {(g.old, g.new) for g in gold if g.borderline}
    wanted = {(g.old, g.new): g.change for g in rows}
    old_covered = {g.old for g in gold if g.old}
    new_scope = set(new_covered) if new_covered is not None else {g.new for g in gold if g.new}
    predicted = {
        (link.old, link.new): link.change
        for link in mapping.links
        if (link.old in old_covered or link.new in new_scope)
        and (link.old, link.new) not in skipped
    }
    correct = set(predicted) & set(wanted)
    return Score(
        gold=len(wanted),
        predicted=len(predicted),
        correct=len(correct),
        same_change=sum(1 for pair in correct if predicted[pair] == wanted[pair]),
        missed=tuple(sorted(set(wanted) - correct, key=_order)),
        extra=tuple(sorted(set(predicted) - correct, key=_order)),
    )


def _order(pair: Pair) -> tuple[str, str]:
    return (pair[0] or "", pair[1] or "")


@dataclass(frozen=True, slots=True)
class CarryReport:
    """How well a carry-over flagged the work, article by article.

    An article of the new version is *changed* when its source text is not, character for
    character, the text of some article of the old version (wherever it stood); it is
    *flagged* when one of its entries is fuzzy or untranslated. An unchanged article is
    *exact* when its translation is the old article's, entry for entry.
    """

    articles: int
    changed: frozenset[str]
    flagged: frozenset[str]
    unchanged: int
    exact: int
    inexact: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """Share of the flagged articles that changed."""
        return len(self.changed & self.flagged) / len(self.flagged) if self.flagged else 1.0

    @property
    def recall(self) -> float:
        """Share of the changed articles that were flagged."""
        return len(self.changed & self.flagged) / len(self.changed) if self.changed else 1.0

    @property
    def exact_share(self) -> float:
        """Share of the unchanged articles whose translation was carried exactly."""
        return self.exact / self.unchanged if self.unchanged else 1.0


def carry_report(old_doc: DocumentFile, new_doc: DocumentFile) -> CarryReport:
    """Judge the carried `new_doc` against the translated `old_doc` (see `CarryReport`)."""
    old_text = VersionText.from_document(old_doc)
    new_text = VersionText.from_document(new_doc)
    old_targets = _article_targets(old_doc)
    new_targets = _article_targets(new_doc)
    sources = {a.text: a.label for a in old_text.articles}
    changed, flagged, inexact = set(), set(), []
    exact = 0
    for article in new_text.articles:
        entries = [e for e in new_doc.entries if _article_label(e.address) == article.label]
        if any(e.fuzzy or not e.target for e in entries):
            flagged.add(article.label)
        origin = sources.get(article.text)
        if origin is None:
            changed.add(article.label)
        elif new_targets.get(article.label) == old_targets.get(origin) and not any(
            e.fuzzy for e in entries
        ):
            exact += 1
        else:
            inexact.append(article.label)
    unchanged = len(new_text.articles) - len(changed)
    return CarryReport(
        len(new_text.articles),
        frozenset(changed),
        frozenset(flagged),
        unchanged,
        exact,
        tuple(inexact),
    )


def _article_targets(doc: DocumentFile) -> dict[str, tuple[str, ...]]:
    """The translations of each article's body entries, in order."""
    out: dict[str, list[str]] = {}
    for entry in doc.entries:
        label = _article_label(entry.address)
        parsed = parse_address(entry.address)
        if label is not None and parsed.paragraph is not None:
            out.setdefault(label, []).append(entry.target)
    return {label: tuple(targets) for label, targets in out.items()}


def _article_label(address: str) -> str | None:
    try:
        parsed = parse_address(address)
    except ValueError:
        return None
    return parsed.article.label if parsed.article is not None else None
