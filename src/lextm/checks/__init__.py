"""Quality checks for bilingual legal documents.

Each check is a small registered function (see `registry`); the modules below register them
in the order they are documented and run. `run_checks` runs them over document versions.
"""

from __future__ import annotations

from . import (  # noqa: F401  (registration)
    consistency,
    numbers,
    references,
    terms,
    text,
    user,
    versions,
)
from .context import DocumentContext, ProjectContext
from .registry import CHECKS, SEVERITIES, Check, Problem
from .runner import CheckRun, rank, run_checks

# The documented order (docs/checks.md, `lextm check --list`, the order of findings).
ORDER = (
    "untranslated",
    "term-missing",
    "term-forbidden",
    "term-deprecated",
    "term-scope",
    "term-inconsistent",
    "numbers",
    "bounds",
    "references",
    "enumeration",
    "modal-verbs",
    "punctuation",
    "inconsistent-target",
    "inconsistent-source",
    "version-terms",
    "version-retranslated",
    "version-stale",
    "version-references",
    "user-pattern",
)
if set(ORDER) != set(CHECKS):
    raise RuntimeError(f"checks registered but not ordered: {set(CHECKS) ^ set(ORDER)}")
_registered = dict(CHECKS)
CHECKS.clear()
CHECKS.update((name, _registered[name]) for name in ORDER)

__all__ = [
    "CHECKS",
    "ORDER",
    "SEVERITIES",
    "Check",
    "CheckRun",
    "DocumentContext",
    "Problem",
    "ProjectContext",
    "rank",
    "run_checks",
]
