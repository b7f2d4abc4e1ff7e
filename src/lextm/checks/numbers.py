"""Numbers and bounds, compared by value: Han numerals, amounts, dates, periods, percentages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..model import Entry
from ..quantities import compare_bounds, compare_quantities
from .context import DocumentContext
from .registry import Problem, check

__all__: list[str] = []


@check("numbers", "error", "Numbers, amounts, dates and periods", family="meaning")
def numbers(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """Every quantity of the source – Arabic, full-width and Han numerals, percentages
    (百分之五), amounts (五万元), dates (二〇二一年十二月三日), periods (三十日内), multiples –
    must appear in the translation with the same value, and the translation must not add
    any. Article and item numbers are left to the references and enumeration checks."""
    diff = compare_quantities(entry.source, entry.target, ctx.source_lang, ctx.target_lang)
    for quantity in diff.missing:
        yield Problem(
            f"{quantity.text} ({_value(quantity.kind, quantity.value, quantity.unit)}) is "
            "missing or changed in the translation",
            source_spans=((quantity.start, quantity.end),),
        )
    for quantity in diff.extra:
        yield Problem(
            f"{quantity.text} in the translation has no counterpart in the source",
            target_spans=((quantity.start, quantity.end),),
        )


def _value(kind: str, value: float, unit: str) -> str:
    if kind == "date":
        return date.fromordinal(int(value)).isoformat()
    number = f"{value:,.0f}" if value == int(value) else f"{value:g}"
    return f"{number} {unit}".strip()


@check("bounds", "error", "Inclusive and exclusive bounds", family="meaning")
def bounds(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """以上 / 以下 are inclusive in PRC law (not less than, not more than, or more), 不满 /
    超过 exclusive (less than, more than). A translation that flips inclusiveness or direction
    is an error; a bound the translation does not express at all is a warning."""
    for bound, _, message in compare_bounds(entry.source, entry.target):
        severity = "warning" if "not expressed" in message else None
        yield Problem(message, source_spans=((bound.start, bound.end),), severity=severity)
