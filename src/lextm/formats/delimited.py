"""TSV and CSV: translation memories and termbases as spreadsheets, with a declared header.

A TM file has the header `source`, `target` and any of `source_lang`, `target_lang`,
`document`, `version`, `address`, `state`, `note`, in any order; columns are found by name, an
unknown column is an error naming it. A termbase file has the glossary's columns
(docs/data-contract.md §4), `pattern` optional. UTF-8, a BOM tolerated, one header row.

- CSV follows RFC 4180 (Python's `csv`, quoting as needed): any text, line breaks included.
- TSV cannot hold a tab or a line break in a field, so TM texts are escaped: `\\t`, `\\n`,
  `\\r` and `\\\\` for a backslash (the same escapes as the line-aligned format). Termbase TSV is
  the glossary's own format, which holds neither.

Rows missing a source are skipped and counted; languages default to the project's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..glossary import COLUMNS, Glossary, parse_glossary, render_glossary, term_problem
from ..model import Term, Unit
from ._common import (
    Tally,
    atomic_stream,
    escape_field,
    lang_matches,
    normalize_lang,
    unescape_field,
)

__all__ = [
    "TM_COLUMNS",
    "escape_field",
    "kind_of",
    "read_glossary_table",
    "read_tm_table",
    "unescape_field",
    "write_glossary_table",
    "write_tm_table",
]

TM_COLUMNS = (
    "source",
    "target",
    "source_lang",
    "target_lang",
    "document",
    "version",
    "address",
    "state",
    "note",
)
_STATES = ("untranslated", "fuzzy", "translated", "reviewed")


def _dialect(path: Path) -> str:
    return "csv" if path.suffix.lower() == ".csv" else "tsv"


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) of each row; InputError naming the file on undecodable text."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("not valid UTF-8", path=path, hint="Save the file as UTF-8.") from error
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=path) from None
    if _dialect(path) == "tsv":
        for number, line in enumerate(text.split("\n"), 1):
            line = line.removesuffix("\r")
            if line.strip():
                yield number, line.split("\t")
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for fields in reader:
            if any(field.strip() for field in fields):
                yield reader.line_num, fields
    except csv.Error as error:
        raise InputError(f"not valid CSV ({error})", path=path, line=reader.line_num) from None


def kind_of(path: Path) -> str:
    """Whether a TSV/CSV file holds a TM (`tm`) or a termbase (`glossary`), by its header."""
    for _, fields in _rows(path):
        names = {name.strip().lower() for name in fields}
        if {"concept", "term"} <= names:
            return "glossary"
        if {"source", "target"} <= names:
            return "tm"
        break
    raise InputError(
        "the header names neither a TM (source, target, …) nor a termbase (concept, lang, term, …)",
        path=path,
        line=1,
    )


def read_tm_table(
    path: Path, *, source_lang: str, target_lang: str, tally: Tally | None = None
) -> Iterator[Unit]:
    """The units of a TM in TSV or CSV, in file order; InputError at a bad header or row."""
    tally = tally if tally is not None else Tally()
    rows = _rows(path)
    first = next(rows, None)
    if first is None:
        return
    columns = _tm_header(path, *first)
    escaped = _dialect(path) == "tsv"
    for number, fields in rows:
        tally.read += 1
        if len(fields) != len(columns):
            raise InputError(
                f"the row has {len(fields)} fields, the header {len(columns)}",
                path=path,
                line=number,
            )
        values = {
            name: unescape_field(value) if escaped else value
            for name, value in zip(columns, fields, strict=True)
        }
        unit = _unit(values, source_lang, target_lang, tally, path, number)
        if unit is not None:
            tally.written += 1
            yield unit


def _tm_header(path: Path, line: int, fields: list[str]) -> tuple[str, ...]:
    names = tuple(name.strip().lower() for name in fields)
    unknown = [name for name in names if name not in TM_COLUMNS]
    missing = [name for name in ("source", "target") if name not in names]
    if unknown or missing or len(set(names)) != len(names):
        raise InputError(
            f"the header row has unknown columns {unknown}, misses {missing}, or repeats one",
            path=path,
            line=line,
            hint="The columns are source, target and optionally " + ", ".join(TM_COLUMNS[2:]) + ".",
        )
    return names


def _unit(
    values: dict[str, str],
    source_lang: str,
    target_lang: str,
    tally: Tally,
    path: Path,
    line: int,
) -> Unit | None:
    if not values["source"]:
        tally.skip("the row has no source text", f"line {line}")
        return None
    src = values.get("source_lang") or source_lang
    tgt = values.get("target_lang") or target_lang
    source, target = values["source"], values["target"]
    if lang_matches(src, target_lang) and lang_matches(tgt, source_lang):
        src, tgt, source, target = tgt, src, target, source
        tally.reversed = True
    elif not (lang_matches(src, source_lang) and lang_matches(tgt, target_lang)):
        raise InputError(
            f"the row is in {src} → {tgt}, not in {source_lang} → {target_lang}",
            path=path,
            line=line,
        )
    state = values.get("state", "")
    if state not in _STATES:
        state = "translated" if target else "untranslated"
    return Unit(
        source=source,
        target=target,
        source_lang=normalize_lang(src),
        target_lang=normalize_lang(tgt),
        document=values.get("document", ""),
        version=values.get("version", ""),
        address=values.get("address", ""),
        position=line - 2,
        origin="imported",
        state=state,
        note=values.get("note", ""),
    )


def write_tm_table(path: Path, units: Iterable[Unit], *, tally: Tally | None = None) -> Tally:
    """Write units as TSV (texts escaped) or CSV (quoted) with every TM column, atomically."""
    tally = tally if tally is not None else Tally()
    escaped = _dialect(path) == "tsv"
    with atomic_stream(path) as out:
        writer = None if escaped else csv.writer(out, lineterminator="\n")
        _write_row(out, writer, TM_COLUMNS)
        for unit in units:
            tally.read += 1
            cells = [str(getattr(unit, name)) for name in TM_COLUMNS]
            _write_row(out, writer, [escape_field(c) for c in cells] if escaped else cells)
            tally.written += 1
    return tally


def _write_row(out: IO[str], writer: Any, cells: Iterable[str]) -> None:
    if writer is None:
        out.write("\t".join(cells) + "\n")
    else:
        writer.writerow(list(cells))


# --- termbases -----------------------------------------------------------------------------------


def read_glossary_table(path: Path, *, tally: Tally | None = None) -> list[Term]:
    """The rows of a termbase in TSV (the glossary format) or CSV with the same header."""
    tally = tally if tally is not None else Tally()
    if _dialect(path) == "tsv":
        terms = list(parse_glossary(_decoded(path), path=path))
        tally.read = tally.written = len(terms)
        return terms
    rows = _rows(path)
    first = next(rows, None)
    if first is None:
        return []
    line, header = first
    names = tuple(name.strip().lower() for name in header)
    missing = [name for name in COLUMNS if name not in names and name != "pattern"]
    unknown = [name for name in names if name not in COLUMNS]
    if missing or unknown:
        raise InputError(
            f"the header row misses {missing} or has unknown columns {unknown}",
            path=path,
            line=line,
        )
    terms = []
    for number, fields in rows:
        tally.read += 1
        values = dict(zip(names, (field.strip() for field in fields), strict=False))
        term = Term(**{name: values.get(name, "") for name in COLUMNS}, line=number)
        if problem := term_problem(term):
            raise InputError(problem, path=path, line=number)
        tally.written += 1
        terms.append(term)
    return terms


def _decoded(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("not valid UTF-8", path=path, hint="Save the file as UTF-8.") from error


def write_glossary_table(path: Path, glossary: Glossary, *, tally: Tally | None = None) -> Tally:
    """Write a termbase as the glossary TSV, or as CSV with the same columns and order."""
    tally = tally if tally is not None else Tally()
    text = render_glossary(glossary)
    with atomic_stream(path) as out:
        if _dialect(path) == "tsv":
            out.write(text)
        else:
            writer = csv.writer(out, lineterminator="\n")
            for line in text.splitlines():
                writer.writerow(line.split("\t"))
    tally.read = tally.written = len(glossary.terms)
    return tally
