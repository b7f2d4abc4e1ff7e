"""Running the registered checks over document versions and collecting findings."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..model import Entry, Finding
from .context import DocumentContext, ProjectContext
from .registry import CHECKS, SEVERITIES, Check, Problem

__all__ = ["CheckRun", "rank", "run_checks"]


def rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info: lower is worse."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class CheckRun:
    """The findings of a run, what was checked, and what was suppressed."""

    findings: tuple[Finding, ...]
    documents: int
    entries: int
    suppressed: int

    def failing(self, fail_on: str) -> tuple[Finding, ...]:
        """Findings at or above a severity (reference documents' findings are only info)."""
        if fail_on == "never":
            return ()
        return tuple(f for f in self.findings if rank(f.severity) <= rank(fail_on))


def _select(only: Collection[str] | None, skip: Collection[str]) -> list[Check]:
    unknown = [name for name in (*(only or ()), *skip) if name not in CHECKS]
    if unknown:
        raise UsageError(
            f"unknown check {', '.join(unknown)}", hint=f"Known checks: {', '.join(CHECKS)}."
        )
    return [c for c in CHECKS.values() if (not only or c.id in only) and c.id not in skip]


def _suppressed_in_project(settings: Mapping[str, Any]) -> set[tuple[str, str, str]]:
    """(check, document, address) triples from `[settings] suppress = [{…}]`; "" is any."""
    rules = settings.get("suppress", [])
    out: set[tuple[str, str, str]] = set()
    for rule in rules if isinstance(rules, list) else []:
        if isinstance(rule, Mapping):
            out.add(
                (
                    str(rule.get("check", "")),
                    str(rule.get("document", "")),
                    str(rule.get("address", "")),
                )
            )
    return out


def _is_suppressed(finding: Finding, entry: Entry, rules: set[tuple[str, str, str]]) -> bool:
    if finding.check in entry.ignored_checks():
        return True
    for check, document, address in rules:
        if (
            check in ("", finding.check)
            and document in ("", finding.document)
            and address
            in (
                "",
                finding.address,
            )
        ):
            return True
    return False


def _finding(check: Check, ctx: DocumentContext, entry: Entry, problem: Problem) -> Finding:
    severity = problem.severity or check.severity
    if ctx.is_reference:
        severity = "info"  # reference material never fails a run of the project's own work
    return Finding(
        check=check.id,
        severity=severity,
        message=problem.message,
        document=ctx.document,
        version=ctx.version,
        address=entry.address,
        source_spans=problem.source_spans,
        target_spans=problem.target_spans,
        terms=problem.terms,
        source=entry.source,
        target=entry.target,
    )


def _entry_findings(
    checks: Sequence[Check], ctx: DocumentContext
) -> Iterable[tuple[Entry, Finding]]:
    for entry in ctx.doc.entries:
        for check in checks:
            if check.entry is None or (check.needs_target and not entry.target):
                continue
            for problem in check.entry(ctx, entry):
                yield entry, _finding(check, ctx, entry, problem)


def run_checks(
    contexts: Sequence[DocumentContext],
    *,
    report: Collection[tuple[str, str]] | None = None,
    only: Collection[str] | None = None,
    skip: Collection[str] = (),
    settings: Mapping[str, Any] | None = None,
) -> CheckRun:
    """Run the checks over `contexts`; findings are kept for the (document, version) pairs in
    `report` (all when None), so consistency is judged against everything given."""
    checks = _select(only, skip)
    rules = _suppressed_in_project(settings or {})
    wanted = set(report) if report is not None else None
    kept: list[Finding] = []
    suppressed = entries = 0
    pairs: list[tuple[Entry, Finding]] = []
    for ctx in contexts:
        if wanted is not None and (ctx.document, ctx.version) not in wanted:
            continue
        entries += len(ctx.doc.entries)
        pairs.extend(_entry_findings(checks, ctx))
    project = ProjectContext(contexts)
    for check in checks:
        if check.project is None:
            continue
        for ctx, entry, problem in check.project(project):
            if wanted is None or (ctx.document, ctx.version) in wanted:
                pairs.append((entry, _finding(check, ctx, entry, problem)))
    for entry, finding in pairs:
        if _is_suppressed(finding, entry, rules):
            suppressed += 1
        else:
            kept.append(finding)
    kept.sort(key=_order(contexts))
    documents = len(contexts) if wanted is None else len(wanted)
    return CheckRun(tuple(kept), documents, entries, suppressed)


def _order(contexts: Sequence[DocumentContext]) -> Any:
    position: dict[tuple[str, str, str], int] = {}
    for ctx in contexts:
        for index, entry in enumerate(ctx.doc.entries):
            position[(ctx.document, ctx.version, entry.address)] = index
    check_order = {name: index for index, name in enumerate(CHECKS)}

    def key(f: Finding) -> tuple[Any, ...]:
        where = position.get((f.document, f.version, f.address), 1 << 30)
        return (f.document, f.version, where, check_order.get(f.check, 99), f.message)

    return key
