"""`build`: indexing a project that holds every corpus law, then building again unchanged.

The project is made once (untimed): every corpus law imported as a document version, the Taiwan
laws with their official English aligned in. Then, each timed in the same run:
- baseline: reading every PO file's bytes (the least any build must do);
- cold build: an empty `.lextm/` (what `rm -rf .lextm && lextm build` costs);
- warm build: nothing changed since the last build; it must read (parse) no file at all.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from harness import Column, Result, corpus_files, measure, ratio_cell
from lextm.build import build_index
from lextm.ingest import import_version
from lextm.project import Project, init_project, load_project

NAME = "build"
TITLE = "build: index a project of all corpus laws (cold), then again with nothing changed (warm)"
_COLUMNS = (
    Column("step", numeric=False),
    Column("files read"),
    Column("units"),
    Column("best/median ms"),
    Column("ratio to baseline"),
)


def _make_project(root: Path) -> Project:
    init_project(root)
    for file in corpus_files():
        if file.path.name == "en.txt":
            continue
        english = file.path.with_name("en.txt")
        import_version(
            load_project(root),
            file.path,
            document=file.name.split("/")[0],
            version="v1",
            date="2020-01-01",
            translation=english if english.exists() else None,
        )
    return load_project(root)


def run(repeat: int) -> Result:
    """Time cold and warm builds against reading the PO files."""
    result = Result(NAME, TITLE, _COLUMNS)
    with tempfile.TemporaryDirectory() as folder:
        project = _make_project(Path(folder) / "project")
        files = sorted((project.root / "tm").glob("*/*.po"))

        def read_all() -> None:
            for path in files:
                path.read_bytes()

        def cold() -> None:
            shutil.rmtree(project.state_dir, ignore_errors=True)
            build_index(project)

        baseline = measure(read_all, repeat)
        cold_time = measure(cold, repeat)
        cold_report = build_index(project, full=True)
        warm_time = measure(lambda: build_index(project), repeat)
        warm_report = build_index(project)
    rows = (
        ("baseline: read PO bytes", str(len(files)), "", baseline),
        ("cold build", str(cold_report.read), str(cold_report.units), cold_time),
        ("warm build (nothing changed)", str(warm_report.read), "0", warm_time),
    )
    for step, read, units, timing in rows:
        ratio = timing.best / baseline.best if baseline.best else 0.0
        result.rows.append((step, read, units, timing.cell(), ratio_cell(ratio)))
    result.summary = [
        f"{len(files)} PO files, {cold_report.units} units;"
        f" the warm build parsed {warm_report.read} files"
        + (" (no parsing: as required)" if warm_report.read == 0 else " (should be 0!)"),
    ]
    result.data = {
        "files": len(files),
        "units": cold_report.units,
        "baseline_ms": baseline.best * 1000,
        "cold_ms": cold_time.best * 1000,
        "warm_ms": warm_time.best * 1000,
        "warm_files_read": warm_report.read,
    }
    return result
