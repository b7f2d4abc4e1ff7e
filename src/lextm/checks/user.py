"""User checks: pattern pairs declared in lextm.toml."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import ProjectError
from ..model import Entry
from .context import DocumentContext
from .registry import Problem, check

__all__: list[str] = []


def _expand(template: str, match: re.Match[str]) -> str:
    """A target pattern with \\1, \\2 … replaced by the (escaped) source groups."""

    def group(found: re.Match[str]) -> str:
        value = match.group(int(found.group(1)))
        return re.escape(value or "")

    return re.sub(r"\\(\d)", group, template)


def _rules(ctx: DocumentContext) -> list[Mapping[str, Any]]:
    rules = ctx.settings.get("user_checks", [])
    if not isinstance(rules, list):
        raise ProjectError("settings.user_checks must be a list of tables", path="lextm.toml")
    return [rule for rule in rules if isinstance(rule, Mapping)]


def _compile(pattern: str, rule: Mapping[str, Any]) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        name = rule.get("id", "?")
        raise ProjectError(f"user check {name!r}: bad pattern {pattern!r}: {error}") from error


@check("user-pattern", "warning", "User pattern checks", family="user")
def user_pattern(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """Pattern pairs from lextm.toml: where the source matches `source`, the translation must
    match `target_must` and must not match `target_must_not`; both may refer to the source
    match's groups as \\1, \\2. Example::

        [settings]
        user_checks = [{ id = "fine-yuan", source = "(\\\\d+)元", target_must = "\\\\1 yuan" }]
    """
    for rule in _rules(ctx):
        source = _compile(str(rule.get("source", "")), rule)
        for match in source.finditer(entry.source):
            yield from _apply(rule, match, entry)


def _apply(rule: Mapping[str, Any], match: re.Match[str], entry: Entry) -> Iterator[Problem]:
    name = str(rule.get("id", "user"))
    severity = rule.get("severity")
    span = ((match.start(), match.end()),)
    must = rule.get("target_must")
    if must and not _compile(_expand(str(must), match), rule).search(entry.target):
        text = str(rule.get("message", f"{match.group(0)} needs {must!r} in the translation"))
        yield Problem(f"[{name}] {text}", source_spans=span, severity=severity)
    must_not = rule.get("target_must_not")
    if must_not:
        found = _compile(_expand(str(must_not), match), rule).search(entry.target)
        if found:
            text = str(rule.get("message", f"{found.group(0)!r} must not render {match.group(0)}"))
            yield Problem(
                f"[{name}] {text}",
                source_spans=span,
                target_spans=(found.span(),),
                severity=severity,
            )
