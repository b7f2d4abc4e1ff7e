"""`main`: the main job on the bundled project, cold (no index) and warm (nothing changed).

The project (lextm.toml, glossary/, tm/) is copied to a temporary folder; each run is the job of
scripts/main.sh without the set-up: build, check everything (HTML report too), publish the seed
regulation, stats — each step a fresh `lextm` process, as the script runs them. Baseline: the
same number of `lextm --version` processes (interpreter and CLI start-up alone).
Also timed: one `lextm match` of a seed sentence in a fresh process on the built project (the
TM-matching issue's "cold start": interpreter, CLI, index open and lookup), against one
`lextm --version`.
Targets: cold under 60 s, warm under 10 s, `lextm match` under 0.5 s.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from harness import PROJECT, Column, Result, lextm_command, measure, ratio_cell

NAME = "main"
TITLE = "main: build, check, publish and stats on the bundled project (fresh processes)"
SEED = "xizang-network-communications"
QUERY = "在自治区行政区域内的网络通信活动，适用本条例。"
_COLUMNS = (
    Column("run", numeric=False),
    Column("best/median ms"),
    Column("ratio to start-up"),
)


def _steps(root: Path, out: Path) -> list[list[str]]:
    cli, project = lextm_command(), ["--project", str(root)]
    return [
        [*cli, "build", *project],
        [*cli, "check", "--fail-on", "never", "--html", str(out / "check.html"), *project],
        [*cli, "publish", SEED, "--out", str(out / "publish"), *project],
        [*cli, "stats", *project],
    ]


def _run(steps: list[list[str]]) -> None:
    for argv in steps:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(repeat: int) -> Result:
    """Time the cold and warm main job against bare CLI start-up."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        root.mkdir()
        for name in ("lextm.toml", "glossary", "tm"):
            source = PROJECT / name
            if source.is_dir():
                shutil.copytree(source, root / name)
            else:
                shutil.copy2(source, root / name)
        out = Path(folder) / "out"
        steps = _steps(root, out)

        def cold() -> None:
            shutil.rmtree(root / ".lextm", ignore_errors=True)
            _run(steps)

        startup = measure(lambda: _run([[*lextm_command(), "--version"]] * len(steps)), repeat)
        cold_time = measure(cold, repeat, warmup=0)
        warm_time = measure(lambda: _run(steps), repeat)
        one_startup = measure(lambda: _run([[*lextm_command(), "--version"]]), repeat)
        match = [*lextm_command(), "match", QUERY, "--project", str(root)]
        match_time = measure(lambda: _run([match]), repeat)
    result = Result(NAME, TITLE, _COLUMNS)
    for label, timing, base in (
        ("baseline: start-up x4", startup, startup),
        ("cold", cold_time, startup),
        ("warm", warm_time, startup),
        ("baseline: start-up x1", one_startup, one_startup),
        ("lextm match (fresh process)", match_time, one_startup),
    ):
        result.rows.append((label, timing.cell(), ratio_cell(timing.best / base.best)))
    result.summary = [
        f"cold {cold_time.best:.1f} s (target < 60 s), warm {warm_time.best:.1f} s (target < 10 s)",
        f"lextm match from a fresh process {match_time.best:.2f} s (target < 0.5 s)",
    ]
    result.data = {
        "cold_ms": cold_time.best_ms,
        "warm_ms": warm_time.best_ms,
        "match_ms": match_time.best_ms,
    }
    return result
