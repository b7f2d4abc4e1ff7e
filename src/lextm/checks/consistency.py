"""Consistency across segments, documents and versions, in both directions."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..fold import fold_spaces
from ..model import Entry
from .context import DocumentContext, ProjectContext
from .registry import Problem, project_check

__all__: list[str] = []

_LABEL = re.compile(r"^art[\d-]+$")
_SHORT = 4  # one- to three-character segments (labels, 序言) say too little to compare


def _comparable(entry: Entry) -> bool:
    return (
        bool(entry.target)
        and not entry.fuzzy
        and not _LABEL.match(entry.address)
        and (len(entry.source) >= _SHORT)
    )


def _where(ctx: DocumentContext, entry: Entry) -> str:
    return f"{ctx.document}@{ctx.version} {entry.address}"


Found = Iterator[tuple[DocumentContext, Entry, Problem]]


def _inconsistent(project: ProjectContext, key_side: str) -> Found:
    groups: dict[str, list[tuple[DocumentContext, Entry]]] = defaultdict(list)
    for ctx, entry in project.entries():
        if _comparable(entry):
            key = entry.source if key_side == "source" else entry.target
            groups[fold_spaces(key)].append((ctx, entry))
    other_side = "target" if key_side == "source" else "source"
    for members in groups.values():
        variants: dict[str, list[tuple[DocumentContext, Entry]]] = defaultdict(list)
        for ctx, entry in members:
            variants[fold_spaces(getattr(entry, other_side))].append((ctx, entry))
        if len(variants) < 2:
            continue
        # The most frequent variant is taken as the norm; the others are reported.
        ranked = sorted(variants.values(), key=lambda v: (-len(v), _where(*v[0])))
        norm_ctx, norm = ranked[0][0]
        for variant in ranked[1:]:
            for ctx, entry in variant:
                yield ctx, entry, _problem(key_side, norm_ctx, norm, len(ranked[0]))


def _problem(key_side: str, ctx: DocumentContext, norm: Entry, count: int) -> Problem:
    if key_side == "source":
        text = f"the same source is translated differently in {_where(ctx, norm)}"
        return Problem(f"{text} ({count}×): “{norm.target}”")
    text = f"the same translation stands for a different source in {_where(ctx, norm)}"
    return Problem(f"{text} ({count}×): “{norm.source}”")


@project_check(
    "inconsistent-target", "warning", "Same source, different translations", family="consistency"
)
def inconsistent_target(project: ProjectContext) -> Found:
    """The same source segment translated differently across segments, documents and versions
    (compared after folding width, script and case). The most frequent translation is taken as
    the norm and the others are reported, each pointing at an example of the norm."""
    yield from _inconsistent(project, "source")


@project_check(
    "inconsistent-source", "info", "Different sources, same translation", family="consistency"
)
def inconsistent_source(project: ProjectContext) -> Found:
    """The same translation used for different source segments: often a sign that a
    translation was pasted without being adapted (a number or a term left unchanged)."""
    yield from _inconsistent(project, "target")
