"""Across versions: each version of a document is compared with the one before it (by date),
its articles mapped by content and its segments paired as the carry-over pairs them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..address import parse_address
from ..fold import fold_spaces
from ..model import CrossRef, Entry, Number
from ..versions import (
    SegmentMatch,
    VersionMapping,
    VersionText,
    map_versions,
    match_entries,
    rewrite_references,
)
from ..xrefs import find_references
from .context import DocumentContext, ProjectContext
from .registry import Problem, project_check

__all__: list[str] = []

Found = Iterator[tuple[DocumentContext, Entry, Problem]]


@dataclass(frozen=True, slots=True)
class _Step:
    """A version and the version before it, mapped, with their segments paired."""

    before: DocumentContext
    after: DocumentContext
    mapping: VersionMapping
    matches: tuple[SegmentMatch, ...]


def _order(ctx: DocumentContext) -> tuple[str, str]:
    return (ctx.date, ctx.version)


def _steps(project: ProjectContext) -> list[_Step]:
    """Each version with a translated predecessor, mapped once per run (memo on the version)."""
    by_document: dict[str, list[DocumentContext]] = {}
    for ctx in project.documents:
        by_document.setdefault(ctx.document, []).append(ctx)
    steps = []
    for versions in by_document.values():
        ordered = sorted(versions, key=_order)
        for before, after in itertools.pairwise(ordered):
            step = _step(before, after)
            if step is not None:
                steps.append(step)
    return steps


def _step(before: DocumentContext, after: DocumentContext) -> _Step | None:
    key = ("versions.step", before.version)
    if key not in after.memo:
        step = None
        if any(e.target for e in after.doc.entries):
            mapping = map_versions(
                VersionText.from_document(before.doc, date=before.date),
                VersionText.from_document(after.doc, date=after.date),
            )
            matches = match_entries(before.doc, after.doc, mapping)
            step = _Step(before, after, mapping, matches)
        after.memo[key] = step
    found: _Step | None = after.memo[key]
    return found


def _usable(entry: Entry | None) -> bool:
    return entry is not None and bool(entry.target) and not entry.fuzzy


def _is_label(address: str) -> bool:
    parsed = parse_address(address)
    return parsed.article is not None and parsed.paragraph is None


def _where(ctx: DocumentContext, entry: Entry) -> str:
    return f"{ctx.version}@{entry.address}"


# --- terms ---------------------------------------------------------------------------------------


@project_check(
    "version-terms",
    "warning",
    "Term rendered differently from the previous version",
    family="versions",
)
def version_terms(project: ProjectContext) -> Found:
    """A glossary term whose segment was carried from the previous version (same or changed
    source) but is rendered another way now: “shareholders' meeting” in 2018, “general
    meeting” in 2023. Not reported when the earlier rendering no longer applies to this
    version (its glossary row ends before this version's date)."""
    for step in _steps(project):
        before, after = step.before.terms, step.after.terms
        if before is None or after is None:
            continue
        for match in step.matches:
            new, old = match.new, match.old
            if not (_usable(new) and _usable(old)) or old is None:
                continue
            yield from _term_changes(step, new, old)


def _term_changes(step: _Step, new: Entry, old: Entry) -> Found:
    before, after = step.before.terms, step.after.terms
    assert before is not None and after is not None
    old_concepts = {h.term.concept for h in before.find_source(old.source)}
    for concept in dict.fromkeys(h.term.concept for h in after.find_source(new.source)):
        if concept not in old_concepts:
            continue
        was = {h.term.term for h in before.find_renderings(old.target, concept)}
        now = after.find_renderings(new.target, concept)
        if not was or not now or was & {h.term.term for h in now}:
            continue
        still = {t.term for t in after.renderings(concept)}
        if not was & still:
            continue  # the earlier rendering no longer applies: the change is the glossary's
        hit = now[0]
        shown = " / ".join(f"“{t}”" for t in sorted(was))
        yield (
            step.after,
            new,
            Problem(
                f"{concept} is rendered “{hit.term.term}” here but {shown} in "
                f"{_where(step.before, old)}",
                target_spans=((hit.start, hit.end),),
                terms=(hit.term.term, *sorted(was)),
            ),
        )


# --- translations that moved without their source, or stayed while it moved -------------------


@project_check(
    "version-retranslated",
    "info",
    "Same source, translation changed since the previous version",
    family="versions",
)
def version_retranslated(project: ProjectContext) -> Found:
    """A segment whose source is the same as in the previous version but whose translation
    changed: sometimes an improvement, sometimes an accident. Rewritten references to
    renumbered articles do not count."""
    for step in _steps(project):
        renumbering = step.mapping.renumbering()
        for match in step.matches:
            new, old = match.new, match.old
            if old is None or not match.same_source or not (_usable(new) and _usable(old)):
                continue
            if _is_label(new.address) or fold_spaces(new.target) == fold_spaces(old.target):
                continue
            expected, _ = rewrite_references(
                old.target, new.source, renumbering, source_lang=step.after.source_lang
            )
            if fold_spaces(expected) == fold_spaces(new.target):
                continue
            yield (
                step.after,
                new,
                Problem(
                    f"the source is unchanged since {_where(step.before, old)}, but the "
                    f"translation changed; it was: “{old.target}”"
                ),
            )


@project_check(
    "version-stale", "warning", "Source changed, translation unchanged", family="versions"
)
def version_stale(project: ProjectContext) -> Found:
    """A segment whose source changed since the previous version while its translation
    stayed word for word the same (and is not marked fuzzy): a stale translation, typically
    a carried-over one confirmed without being edited. Changes of width or script alone do
    not count."""
    for step in _steps(project):
        for match in step.matches:
            new, old = match.new, match.old
            if old is None or match.same_source or not (_usable(new) and _usable(old)):
                continue
            if _is_label(new.address) or fold_spaces(new.source) == fold_spaces(old.source):
                continue
            if new.target != old.target:
                continue
            yield (
                step.after,
                new,
                Problem(
                    f"the source changed since {_where(step.before, old)} "
                    f"(similarity {match.similarity:.2f}) but the translation did not; it "
                    f"was for: “{old.source}”"
                ),
            )


# --- references ----------------------------------------------------------------------------------


@project_check(
    "version-references",
    "error",
    "Reference to a missing or renumbered article",
    family="versions",
)
def version_references(project: ProjectContext) -> Found:
    """An article reference that does not fit this version: an article the version does not
    have (in the translation, or in the source), or, in a segment carried from the previous
    version, a number that version's mapping renumbered (Article 59 became Article 61, so
    Article 59 now holds something else) while the source does not cite it, or still cites it
    unchanged. References to other laws are left alone."""
    steps = {(s.after.document, s.after.version): s for s in _steps(project)}
    for ctx in project.documents:
        labels = frozenset(VersionText.from_document(ctx.doc).labels)
        if not labels:
            continue
        step = steps.get((ctx.document, ctx.version))
        olds = {m.new.address: m for m in step.matches} if step is not None else {}
        for entry in ctx.doc.entries:
            if _is_label(entry.address):
                continue
            yield from _entry_references(ctx, entry, labels, step, olds.get(entry.address))


def _this_law(refs: Sequence[CrossRef]) -> list[tuple[Number, CrossRef]]:
    out = []
    for ref in refs:
        if ref.law is None and ref.relative is None and ref.article is not None:
            out.append((ref.article, ref))
            if ref.article_end is not None:
                out.append((ref.article_end, ref))
    return out


def _entry_references(
    ctx: DocumentContext,
    entry: Entry,
    labels: frozenset[str],
    step: _Step | None,
    match: SegmentMatch | None,
) -> Found:
    source_refs = find_references(entry.source, ctx.source_lang)
    if any(ref.law is not None for ref in source_refs):
        return  # the segment cites another law: its numbers are not this law's
    cited = {number.label for number, _ in _this_law(source_refs)}
    flagged: set[str] = set()
    if entry.target:
        for number, ref in _this_law(find_references(entry.target, ctx.target_lang)):
            problem = _target_problem(number.label, ref, labels, cited, step, match)
            if problem is not None and number.label not in flagged:
                flagged.add(number.label)
                yield ctx, entry, problem
    for number, ref in _this_law(source_refs):
        if number.label not in labels and number.label not in flagged:
            flagged.add(number.label)
            yield (
                ctx,
                entry,
                Problem(
                    f"{ref.text} cites Article {number.label}, which this version does not have",
                    source_spans=((ref.start, ref.end),),
                    severity="warning",
                ),
            )


def _target_problem(
    label: str,
    ref: CrossRef,
    labels: frozenset[str],
    cited: set[str],
    step: _Step | None,
    match: SegmentMatch | None,
) -> Problem | None:
    spans = ((ref.start, ref.end),)
    moved = _moved(label, step)
    if label not in labels:
        where = ""
        if step is not None and moved:
            where = f" (Article {label} of {step.before.version} is Article {moved} here)"
        return Problem(
            f"{ref.text}: this version has no Article {label}{where}", target_spans=spans
        )
    if step is None or match is None or match.old is None or moved is None or moved == label:
        return None
    if label in cited and not match.same_source:
        return None  # the new source cites it too: the source governs
    went = f"is Article {moved} of {step.after.version}" if moved else "was deleted"
    return Problem(
        f"{ref.text}: Article {label} of {step.before.version} {went}; Article {label} "
        f"here {_holder(label, step)}",
        target_spans=spans,
    )


def _moved(label: str, step: _Step | None) -> str | None:
    """Where old article `label` went ("" when deleted, None when unknown or split)."""
    if step is None:
        return None
    links = step.mapping.new_for(label)
    if not links:
        return "" if step.mapping.old.article(label) is not None else None
    return links[0].new if len(links) == 1 else None


def _holder(label: str, step: _Step) -> str:
    links = step.mapping.old_for(label)
    if not links:
        return "is new"
    names = ", ".join(f"Article {link.old}" for link in links)
    return f"holds what was {names}"
