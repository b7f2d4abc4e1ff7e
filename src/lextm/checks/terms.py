"""Terminology: adherence, forbidden and deprecated renderings, scope and validity, consistency."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ..glossary import same_language
from ..model import Entry, Term, TermHit
from .context import DocumentContext, ProjectContext
from .registry import Problem, check, project_check

__all__: list[str] = []


def _source_hits(ctx: DocumentContext, entry: Entry) -> list[TermHit]:
    index = ctx.terms
    if index is None:
        return []
    hits = index.find_source(entry.source)
    return [hit for hit in hits if same_language(hit.term.lang, ctx.source_lang)]


def _renderings(ctx: DocumentContext, concept: str) -> list[Term]:
    key = ("renderings", concept)
    if key not in ctx.memo:
        if "concepts" not in ctx.memo:
            index = ctx.terms
            ctx.memo["concepts"] = index.glossary.concepts() if index is not None else {}
        found = ctx.memo["concepts"].get(concept, ())
        ctx.memo[key] = [t for t in found if same_language(t.lang, ctx.target_lang) and t.usable]
    result: list[Term] = ctx.memo[key]
    return result


def _names(terms: list[Term]) -> str:
    return " / ".join(f"“{t.term}”" for t in terms[:4])


@check("term-missing", "warning", "Glossary term not rendered", family="terminology")
def term_missing(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """A glossary term found in the source (as a character string, simplified or
    traditional, longest match first) whose preferred or admitted renderings are all absent
    from the translation. English renderings are matched with tolerance for plural, case,
    articles and hyphenation, or with the term's own pattern."""
    index = ctx.terms
    if index is None:
        return
    seen: set[str] = set()
    for hit in _source_hits(ctx, entry):
        concept = hit.term.concept
        if concept in seen or not hit.term.usable:
            continue
        seen.add(concept)
        wanted = _renderings(ctx, concept)
        if wanted and not index.find_renderings(entry.target, concept):
            yield Problem(
                f"{hit.term.term}: expected {_names(wanted)}",
                source_spans=((hit.start, hit.end),),
                terms=(hit.term.term, *(t.term for t in wanted)),
            )


def _target_hits(ctx: DocumentContext, entry: Entry, statuses: tuple[str, ...]) -> list[TermHit]:
    index = ctx.terms
    return index.find_by_status(entry.target, statuses) if index is not None else []


def _usable_cover(ctx: DocumentContext, entry: Entry) -> list[tuple[int, int]]:
    """Spans of usable renderings: a bad rendering inside a good one is not reported.
    Kept for the entry's next check (forbidden and deprecated both ask)."""
    key = ("cover", entry.target)
    cover: list[tuple[int, int]] | None = ctx.memo.get(key)
    if cover is None:
        hits = _target_hits(ctx, entry, ("preferred", "admitted"))
        cover = ctx.memo[key] = [(h.start, h.end) for h in hits]
    return cover


def _inside(hit: TermHit, spans: list[tuple[int, int]]) -> bool:
    return any(
        a <= hit.start and hit.end <= b and (b - a) > (hit.end - hit.start) for a, b in spans
    )


@check("term-forbidden", "error", "Forbidden rendering", family="terminology")
def term_forbidden(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """A rendering the glossary marks as forbidden appears in the translation."""
    cover = _usable_cover(ctx, entry)
    for hit in _target_hits(ctx, entry, ("forbidden",)):
        if not _inside(hit, cover):
            yield _bad_rendering(ctx, hit, "forbidden")


@check("term-deprecated", "warning", "Deprecated rendering", family="terminology")
def term_deprecated(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """A rendering the glossary marks as deprecated appears in the translation."""
    cover = _usable_cover(ctx, entry)
    for hit in _target_hits(ctx, entry, ("deprecated",)):
        if not _inside(hit, cover):
            yield _bad_rendering(ctx, hit, "deprecated")


def _bad_rendering(ctx: DocumentContext, hit: TermHit, status: str) -> Problem:
    better = _renderings(ctx, hit.term.concept)
    instead = f"; use {_names(better)}" if better else ""
    note = f" ({hit.term.note})" if hit.term.note else ""
    return Problem(
        f"“{hit.term.term}” is {status}{note}{instead}",
        target_spans=((hit.start, hit.end),),
        terms=(hit.term.term, *(t.term for t in better)),
    )


@check("term-scope", "error", "Term outside its scope or validity", family="terminology")
def term_scope(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """A rendering whose term does not apply to this document version – another
    jurisdiction's, a term one law defines for itself used in another, or a term an amendment
    replaced (valid_from / valid_to) used in a version dated outside its validity: the 2018
    rendering of 股东大会 in a 2023 article is caught."""
    everything = ctx.all_terms
    outside = _outside_terms(ctx)
    if everything is None or not outside:
        return
    cover = _usable_cover(ctx, entry)
    for hit in everything.find_target(entry.target, outside):
        if _inside(hit, cover) or any((a, b) == (hit.start, hit.end) for a, b in cover):
            continue
        yield Problem(
            f"“{hit.term.term}” ({hit.term.concept}) {_why_outside(ctx, hit.term)}",
            target_spans=((hit.start, hit.end),),
            terms=(hit.term.term,),
        )


def _outside_terms(ctx: DocumentContext) -> list[Term]:
    """Target-language terms of the whole glossary that do not apply to this version."""
    if "outside" not in ctx.memo:
        everything, applicable = ctx.all_terms, ctx.terms
        outside: list[Term] = []
        if everything is not None and applicable is not None:
            live = {(t.concept, t.lang, t.term) for t in applicable.glossary.terms}
            outside = [
                t
                for t in everything.glossary.terms
                if same_language(t.lang, ctx.target_lang)
                and (t.concept, t.lang, t.term) not in live
            ]
        ctx.memo["outside"] = outside
    result: list[Term] = ctx.memo["outside"]
    return result


def _why_outside(ctx: DocumentContext, term: Term) -> str:
    if not term.valid_on(ctx.date):
        window = f"{term.valid_from or '…'} to {term.valid_to or '…'}"
        return f"applies to versions dated {window}; this version is dated {ctx.date}"
    where = ctx.jurisdiction or "no jurisdiction"
    return f"belongs to scope {term.scope}, not to {ctx.document} ({where})"


@project_check(
    "term-inconsistent", "warning", "One concept, several renderings", family="terminology"
)
def term_inconsistent(
    project: ProjectContext,
) -> Iterator[tuple[DocumentContext, Entry, Problem]]:
    """A concept rendered one way in some segments and another way in others – across
    segments, documents and versions – even when both renderings are admitted. The most
    frequent rendering is the norm; entries using another one are reported."""
    usage: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[tuple[str, str], list[tuple[DocumentContext, Entry, TermHit]]] = defaultdict(list)
    for ctx, entry in project.entries():
        if not entry.target or entry.fuzzy or ctx.terms is None:
            continue
        for concept in {h.term.concept for h in _source_hits(ctx, entry) if h.term.usable}:
            for hit in ctx.terms.find_renderings(entry.target, concept):
                usage[concept][hit.term.term] += 1
                where[(concept, hit.term.term)].append((ctx, entry, hit))
    for concept, counts in usage.items():
        if len(counts) < 2:
            continue
        norm = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for rendering in counts:
            if rendering == norm:
                continue
            for ctx, entry, hit in where[(concept, rendering)]:
                yield (
                    ctx,
                    entry,
                    Problem(
                        f"{concept} is rendered “{rendering}” here but “{norm}” in "
                        f"{counts[norm]} other places",
                        target_spans=((hit.start, hit.end),),
                        terms=(rendering, norm),
                    ),
                )
