"""The check registry: each check is a small function with an id, a severity and a title.

A check looks at one entry (or, for consistency checks, at the whole project) and yields
`Problem`s; the runner turns them into `Finding`s naming document, version and address. The
registry is explicit and ordered: the order is the order of `lextm check --list` and of the
documentation (docs/checks.md, generated from the docstrings).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Entry, Span

if TYPE_CHECKING:
    from .context import DocumentContext, ProjectContext

__all__ = ["CHECKS", "SEVERITIES", "Check", "Problem", "check", "project_check"]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem a check found in an entry, with the spans that show it."""

    message: str
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    terms: tuple[str, ...] = ()
    severity: str | None = None  # overrides the check's own severity


EntryCheck = Callable[["DocumentContext", Entry], Iterator[Problem]]
ProjectCheck = Callable[["ProjectContext"], Iterator[tuple["DocumentContext", Entry, Problem]]]


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check: id, default severity, title, documentation and the function."""

    id: str
    severity: str
    title: str
    doc: str
    entry: EntryCheck | None = None
    project: ProjectCheck | None = None
    needs_target: bool = True
    family: str = field(default="text")


CHECKS: dict[str, Check] = {}


def _register(item: Check) -> None:
    if item.id in CHECKS:
        raise ValueError(f"check {item.id!r} registered twice")
    if item.severity not in SEVERITIES:
        raise ValueError(f"check {item.id!r}: unknown severity {item.severity!r}")
    CHECKS[item.id] = item


def check(
    id_: str, severity: str, title: str, *, family: str, needs_target: bool = True
) -> Callable[[EntryCheck], EntryCheck]:
    """Register an entry check; its docstring is its documentation."""

    def wrap(func: EntryCheck) -> EntryCheck:
        doc = inspect.cleandoc(func.__doc__ or "")
        _register(Check(id_, severity, title, doc, func, None, needs_target, family))
        return func

    return wrap


def project_check(
    id_: str, severity: str, title: str, *, family: str
) -> Callable[[ProjectCheck], ProjectCheck]:
    """Register a check that compares entries across the project."""

    def wrap(func: ProjectCheck) -> ProjectCheck:
        doc = inspect.cleandoc(func.__doc__ or "")
        _register(Check(id_, severity, title, doc, None, func, True, family))
        return func

    return wrap
