"""`outline`: reading, cleaning and parsing each law, and `lextm outline --json` from cold.

Baselines: reading the file and splitting it into stripped non-empty lines for the in-process
steps; starting the interpreter (`python -c pass`) for the command run in a fresh process.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from harness import (
    LARGEST,
    Column,
    LawFile,
    Result,
    Timing,
    corpus_files,
    lextm_command,
    measure,
    ratio_cell,
    run_command,
)
from lextm.cleanup import read_text_file
from lextm.structure import parse_law

NAME = "outline"
TITLE = "outline: read + clean-up + parse, and `lextm outline FILE --json` in a fresh process"
PARSE_TARGET_MS = 200.0
CLI_TARGET_MS = 1000.0

_COLUMNS = (
    Column("law", numeric=False),
    Column("KB"),
    Column("articles"),
    Column("split ms"),
    Column("clean ms"),
    Column("clean/split"),
    Column("parse ms"),
    Column("parse/split"),
    Column("cli ms"),
    Column("cli/python"),
)


def split_lines(path: Path) -> list[str]:
    """The baseline: the file's stripped non-empty lines, with no clean-up and no parsing."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(repeat: int) -> Result:
    """Time every law of the corpus; the row of the largest law carries the verdict."""
    result = Result(NAME, TITLE, _COLUMNS)
    python = measure(run_command([sys.executable, "-c", "pass"]), repeat)
    command = lextm_command()
    result.data = {"python_start": python.as_json(), "command": command, "laws": {}}
    for law in corpus_files():
        row = _time_law(law, repeat, command)
        result.rows.append(_cells(law, row, python))
        result.data["laws"][law.name] = _json(law, row, python)
    result.summary = _summary(result.data, python, command)
    return result


def _time_law(law: LawFile, repeat: int, command: list[str]) -> dict[str, Any]:
    argv = [*command, "outline", str(law.path), "--json"]
    return {
        "articles": len(parse_law(law.path).articles()),
        "split": measure(lambda: split_lines(law.path), repeat),
        "clean": measure(lambda: read_text_file(law.path), repeat),
        "parse": measure(lambda: parse_law(law.path), repeat),
        "cli": measure(run_command(argv), repeat),
    }


def _cells(law: LawFile, row: dict[str, Any], python: Timing) -> tuple[str, ...]:
    split, clean, parse, cli = row["split"], row["clean"], row["parse"], row["cli"]
    return (
        law.name,
        f"{law.kilobytes:.0f}",
        str(row["articles"]),
        split.cell(),
        clean.cell(),
        ratio_cell(clean.ratio(split)),
        parse.cell(),
        ratio_cell(parse.ratio(split)),
        cli.cell(),
        ratio_cell(cli.ratio(python)),
    )


def _json(law: LawFile, row: dict[str, Any], python: Timing) -> dict[str, Any]:
    split: Timing = row["split"]
    return {
        "kilobytes": round(law.kilobytes, 1),
        "articles": row["articles"],
        **{step: row[step].as_json() for step in ("split", "clean", "parse", "cli")},
        "ratios": {
            "clean_vs_split": row["clean"].ratio(split),
            "parse_vs_split": row["parse"].ratio(split),
            "cli_vs_python_start": row["cli"].ratio(python),
        },
    }


def _summary(data: dict[str, Any], python: Timing, command: list[str]) -> list[str]:
    program = "lextm" if len(command) == 1 else "python -m lextm"
    lines = [
        f"python = `python -c pass` in a fresh process (interpreter start-up): {python.cell()} ms",
        f"cli = `{program} outline FILE --json` in a fresh process (start-up included)",
    ]
    largest = data["laws"].get(LARGEST)
    if largest is None:
        return [*lines, f"{LARGEST} is not in the corpus: no verdict."]
    parse_ms, cli_ms = largest["parse"]["best_ms"], largest["cli"]["best_ms"]
    fast = parse_ms < PARSE_TARGET_MS and cli_ms < CLI_TARGET_MS
    data["verdict"] = {"law": LARGEST, "parse_ms": parse_ms, "cli_ms": cli_ms, "met": fast}
    return [
        *lines,
        f"largest law {LARGEST} ({largest['kilobytes']:.0f} KB, {largest['articles']} articles):"
        f" parse {parse_ms:.1f} ms (target < {PARSE_TARGET_MS:.0f} ms),"
        f" cold CLI {cli_ms:.0f} ms (target < {CLI_TARGET_MS:.0f} ms)"
        f" -> `lextm outline` finishes in well under a second: {'yes' if fast else 'NO'}",
    ]
