"""Run lextm's benchmarks and print one plain-text table per benchmark.

    python bench/run.py [--only NAME] [--repeat N] [--json FILE]

Each benchmark times lextm against a baseline measured in the same run on the same data and
reports both the absolute times and the ratio. See bench/README.md for the columns.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import bench_build
import bench_checks
import bench_formats
import bench_glossary
import bench_main
import bench_match
import bench_outline
import bench_segments
import bench_versions
import lextm
from harness import PROJECT, Result

# The registry, in running order: name -> the benchmark's `run(repeat)`. Add new ones at the end.
BENCHMARKS: dict[str, Callable[[int], Result]] = {
    bench_outline.NAME: bench_outline.run,
    bench_segments.NAME: bench_segments.run,
    bench_build.NAME: bench_build.run,
    bench_glossary.NAME: bench_glossary.run,
    bench_checks.NAME: bench_checks.run,
    bench_formats.NAME: bench_formats.run,
    bench_main.NAME: bench_main.run,
    bench_versions.NAME: bench_versions.run,
    bench_match.NAME: bench_match.run,
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line of the benchmark runner."""
    parser = argparse.ArgumentParser(description="Run lextm's benchmarks and print tables.")
    parser.add_argument(
        "--only",
        action="append",
        choices=list(BENCHMARKS),
        metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, metavar="N", help="timed runs per figure (default 5)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks, print their tables, and write the JSON if asked."""
    args = parse_args(argv)
    _warn_if_not_this_checkout()
    print(_header(args.repeat))
    results: dict[str, Any] = {}
    for name in args.only or list(BENCHMARKS):
        start = time.perf_counter()
        result = BENCHMARKS[name](args.repeat)
        print(_render(result, time.perf_counter() - start))
        results[name] = {"title": result.title, "summary": result.summary, **result.data}
    if args.json:
        report = {"environment": _environment(args.repeat), "benchmarks": results}
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"figures written to {args.json}")
    return 0


def _render(result: Result, seconds: float) -> str:
    lines = [f"== {result.title}", "", *result.table(), "", *result.summary]
    return "\n".join([*lines, f"({result.name} took {seconds:.1f} s)", ""])


def _header(repeat: int) -> str:
    env = _environment(repeat)
    return (
        f"lextm {env['lextm']} | Python {env['python']} on {env['platform']}"
        f" | best/median of {repeat} runs, times in ms\n"
    )


def _environment(repeat: int) -> dict[str, Any]:
    return {
        "lextm": lextm.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "machine": platform.machine(),
        "repeat": repeat,
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def _warn_if_not_this_checkout() -> None:
    source = Path(lextm.__file__).resolve()
    if not source.is_relative_to(PROJECT / "src"):
        print(f"warning: timing lextm from {source.parent}, not this checkout", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
