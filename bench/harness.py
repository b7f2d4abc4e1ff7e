"""What every benchmark shares: the corpus, the clock, the result and its table.

Every figure is a best-of-N and a median over N runs, timed with `time.perf_counter`, and is
reported next to a baseline measured in the same run on the same data, so results from different
machines compare as ratios rather than as raw milliseconds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SEED = CORPUS / "xizang-network-communications-2021.zh.txt"
LARGEST = "prc-company-law-2023/zh"


@dataclass(frozen=True, slots=True)
class LawFile:
    """One law text of the shared corpus, named `<folder>/<lang>` (the seed is `seed/zh`)."""

    name: str
    path: Path
    lang: str

    @property
    def kilobytes(self) -> float:
        """Size on disk in KB (1024 bytes)."""
        return self.path.stat().st_size / 1024


def corpus_files() -> list[LawFile]:
    """Every law text of the corpus: each `laws/*/zh.txt` and `en.txt`, then the seed."""
    files = [
        LawFile(f"{path.parent.name}/{path.stem}", path, path.stem)
        for path in sorted((CORPUS / "laws").glob("*/*.txt"))
        if path.stem in ("zh", "en")
    ]
    if SEED.exists():
        files.append(LawFile("seed/zh", SEED, "zh"))
    return files


@dataclass(frozen=True, slots=True)
class Timing:
    """Best and median of N timed runs, in seconds."""

    best: float
    median: float
    runs: int

    @property
    def best_ms(self) -> float:
        """The best run in milliseconds."""
        return self.best * 1000

    @property
    def median_ms(self) -> float:
        """The median run in milliseconds."""
        return self.median * 1000

    def ratio(self, baseline: Timing) -> float:
        """How many times slower than the baseline (best against best)."""
        return self.best / baseline.best if baseline.best > 0 else float("inf")

    def cell(self) -> str:
        """`best/median` in milliseconds, for a table."""
        return f"{_ms(self.best_ms)}/{_ms(self.median_ms)}"

    def as_json(self) -> dict[str, float | int]:
        """Milliseconds, for `--json`."""
        return {"best_ms": self.best_ms, "median_ms": self.median_ms, "runs": self.runs}


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def measure(action: Callable[[], object], repeat: int, *, warmup: int = 1) -> Timing:
    """Run `action` `warmup` times untimed, then `repeat` times timed."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return Timing(min(times), statistics.median(times), repeat)


def run_command(argv: Sequence[str]) -> Callable[[], None]:
    """An action that runs a command in a fresh process, output discarded, failure raised."""

    def action() -> None:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)

    return action


def lextm_command() -> list[str]:
    """The `lextm` console script next to this interpreter, else `python -m lextm`."""
    script = Path(sys.executable).parent / ("lextm.exe" if os.name == "nt" else "lextm")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lextm"]


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its heading and whether its cells align right (numbers)."""

    heading: str
    numeric: bool = True


@dataclass(slots=True)
class Result:
    """What a benchmark reports: a table (rows of cells), summary lines, and data for `--json`."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def table(self) -> list[str]:
        """The table as plain-text lines, columns padded to their widest cell."""
        cells = [tuple(c.heading for c in self.columns), *self.rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.columns))]
        lines = [self._line(row, widths) for row in cells]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return lines

    def _line(self, row: Sequence[str], widths: Sequence[int]) -> str:
        padded = (
            cell.rjust(width) if column.numeric else cell.ljust(width)
            for cell, width, column in zip(row, widths, self.columns, strict=True)
        )
        return "  ".join(padded).rstrip()


def ratio_cell(value: float) -> str:
    """A ratio such as `3.2x`."""
    return f"{value:.1f}x" if value < 100 else f"{value:.0f}x"
