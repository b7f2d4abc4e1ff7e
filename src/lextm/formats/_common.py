"""What the exchange formats share: language tags, the tally of an import or export, and
streaming atomic writes.

Languages: files write tags in many spellings (`zh-CN`, `zh_Hans`, `zh-Hant-TW`, `ZH-TW`,
`en-us`). `normalize_lang` gives the BCP 47 spelling; `lang_matches` says whether a file's tag
is the wanted language: the same primary language, whatever the region or script (a zh-CN
project uses a Taiwan TM: matching folds traditional and simplified script). Where a file holds
several variants, `choose_pair` prefers the closest: the same tag, then the same script (Chinese
regions imply one: `zh-TW`, `zh-HK` traditional, `zh-CN`, `zh-SG` simplified) and region, then
any tag of the language.
"""

from __future__ import annotations

import os
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

from ..errors import InputError

__all__ = [
    "Tally",
    "atomic_stream",
    "choose_pair",
    "escape_field",
    "lang_matches",
    "normalize_lang",
    "pair_or_none",
    "unescape_field",
]

_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})
_SIMPLIFIED_REGIONS = frozenset({"CN", "SG", "MY"})


@lru_cache(maxsize=1024)
def normalize_lang(tag: str) -> str:
    """A language tag in BCP 47 spelling: `zh_hans` → `zh-Hans`, `en-us` → `en-US`."""
    parts = [part for part in re.split(r"[-_]", tag.strip().split(".")[0].split("@")[0]) if part]
    if not parts:
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _facets(tag: str) -> tuple[str, str | None, str | None]:
    """(primary language, script, region) of a tag; the script inferred for Chinese regions."""
    parts = normalize_lang(tag).split("-")
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    region = next((p for p in parts[1:] if (len(p) == 2 and p.isupper()) or p.isdigit()), None)
    if parts[0] == "zh" and script is None and region is not None:
        if region in _TRADITIONAL_REGIONS:
            script = "Hant"
        elif region in _SIMPLIFIED_REGIONS:
            script = "Hans"
    return parts[0], script, region


def lang_matches(found: str, wanted: str) -> bool:
    """Whether a file's language tag `found` is the language `wanted`: the same primary subtag."""
    return _facets(found)[0] == _facets(wanted)[0]


def _closeness(found: str, wanted: str) -> int:
    """How well `found` serves for `wanted`: 0 not at all, 1 same language … 4 the same tag."""
    if normalize_lang(found).casefold() == normalize_lang(wanted).casefold():
        return 4
    (lang_a, script_a, region_a), (lang_b, script_b, region_b) = _facets(found), _facets(wanted)
    if lang_a != lang_b:
        return 0
    return 1 + (script_a == script_b) + (region_a == region_b)


@lru_cache(maxsize=1024)
def pair_or_none(languages: tuple[str, ...], source: str, target: str) -> tuple[str, str] | None:
    """`choose_pair` for a tuple of tags, None instead of an error; cached for streaming."""
    pick_source = _best(list(dict.fromkeys(languages)), source)
    rest = [tag for tag in dict.fromkeys(languages) if tag != pick_source]
    pick_target = _best(rest, target)
    return None if pick_source is None or pick_target is None else (pick_source, pick_target)


def choose_pair(
    languages: Iterable[str], source: str, target: str, *, path: Path | str
) -> tuple[str, str]:
    """Which of a file's language tags serve as the project's source and target.

    The closest tag for each side (see the module notes), the source chosen first.
    InputError naming the languages the file has when either side is missing.
    """
    found = list(dict.fromkeys(languages))
    pick_source = _best(found, source)
    pick_target = _best([tag for tag in found if tag != pick_source], target)
    if pick_source is None or pick_target is None:
        has = ", ".join(found) or "none"
        missing = source if pick_source is None else target
        raise InputError(
            f"the file has no text in {missing} (its languages: {has}); lextm needs "
            f"{source} and {target}",
            path=path,
            hint="Choose a file in the project's languages.",
        )
    return pick_source, pick_target


def _best(found: list[str], wanted: str) -> str | None:
    scored = [(_closeness(tag, wanted), -index, tag) for index, tag in enumerate(found)]
    best = max(scored, default=(0, 0, ""))
    return best[2] if best[0] else None


_ESCAPES: dict[str, str] = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPE = re.compile(r"[\\\t\n\r]")
_UNESCAPE = re.compile(r"\\(.)")


def escape_field(text: str) -> str:
    """A text as one TSV field or one line: backslash, tab and line breaks escaped."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m[0]], text)


def unescape_field(text: str) -> str:
    """The text an escaped field stands for; an unknown escape keeps its backslash."""
    return _UNESCAPE.sub(lambda m: _UNESCAPES.get(m[1], "\\" + m[1]), text)


# --- the tally -----------------------------------------------------------------------------------


@dataclass
class Tally:
    """What an import or export did: how many records were read and written, what was skipped
    and why (reasons counted, the first few places kept for the message)."""

    read: int = 0
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    reversed: bool = False
    unmapped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, where: str = "") -> None:
        """Count one record left out, with the reason (and where it was, for the first few)."""
        self.skipped[reason] += 1
        if where:
            shown = self.examples.setdefault(reason, [])
            if len(shown) < 3:
                shown.append(where)

    def withdraw(self, reason: str, where: str = "") -> None:
        """Move one record counted as written to the skipped ones (a later stage refused it)."""
        self.written -= 1
        self.skip(reason, where)

    @property
    def skipped_total(self) -> int:
        """How many records were left out, whatever the reason."""
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        """The report as sentences, one per line: counts first, then each reason."""
        lines = [f"{self.read} read, {self.written} written, {self.skipped_total} skipped"]
        if self.reversed:
            lines.append("the file's languages are the reverse of the project's: used reversed")
        for reason, count in sorted(self.skipped.items()):
            where = self.examples.get(reason)
            more = f" (e.g. {', '.join(where)})" if where else ""
            lines.append(f"skipped {count}: {reason}{more}")
        if self.unmapped:
            shown = ", ".join(f"{name} ×{count}" for name, count in sorted(self.unmapped.items()))
            lines.append(f"details lextm has no column for, not imported: {shown}")
        return lines

    def as_json(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return {
            "read": self.read,
            "written": self.written,
            "skipped": self.skipped_total,
            "reversed": self.reversed,
            "not_imported": dict(sorted(self.unmapped.items())),
            "reasons": [
                {"reason": reason, "count": count, "examples": self.examples.get(reason, [])}
                for reason, count in sorted(self.skipped.items())
            ],
        }


# --- writing -------------------------------------------------------------------------------------


@contextmanager
def atomic_stream(path: Path) -> Iterator[IO[str]]:
    """A UTF-8 text stream that replaces `path` atomically when the block ends without error.

    The text goes to `.<name>.<16 hex>.tmp` beside `path` (the names `fileio` cleans up after
    an interrupted write), is flushed and synced, then renamed over `path`; on an error the
    temporary file is removed and `path` is untouched. Lines end in `\\n` as written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
