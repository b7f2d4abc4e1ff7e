"""`match`: TM lookup at 10k, 100k (and 1M) units against a brute-force scan and translate-toolkit.

The TMs come from `tmgen.py` (seeded; near-duplicates planted for most of the 1,000 queries).
Each engine runs in its own process, so memory is measured apart:
- lextm, import: `Store.replace_file` of the whole TM as one reference TM (units/s, the
  bigram index and the commit included);
- lextm, lookup: a fresh process opens the index; the first query is timed alone (cold), then
  the 1,000 queries through `Matcher.match` (top 5: candidates, weighted scoring, penalties);
  then a 2,000-segment law version (corpus segments) is pretranslated in memory;
- baseline: a brute-force rapidfuzz scan, `process.extract` with `Levenshtein.normalized_
  similarity` and score cutoff 0.75 over all comparison forms (the strongest plain scan);
- baseline: translate-toolkit's `translate.search.match.matcher` (min_similarity 75,
  max_length 1000 so long units count) on the same comparison forms, timed on a sample of
  queries (it is slow); skipped with a note when translate-toolkit is not installed.
Recall: of the queries whose brute-force best is ≥ 75, the share for which lextm's top 5
holds a unit of that same plain similarity. Speed-ups divide a baseline's p50 by lextm's.
RSS is the peak resident memory of each lookup process (VmHWM), startup included.

Sizes: `LEXTM_BENCH_MATCH_SIZES=10k,100k,1M` (default 10k,100k).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tmgen
from harness import CORPUS, Column, Result

NAME = "match"
TITLE = "match: TM lookup (1,000 queries) against brute force and translate-toolkit"
SIZES_VARIABLE = "LEXTM_BENCH_MATCH_SIZES"
DEFAULT_SIZES = "10k,100k"
THRESHOLD = 75.0
PRETRANSLATE_SEGMENTS = 2_000
_TT_SAMPLE = {10_000: 200, 100_000: 60, 1_000_000: 20}
_COLUMNS = (
    Column("units"),
    Column("engine", numeric=False),
    Column("import units/s"),
    Column("cold ms"),
    Column("p50 ms"),
    Column("p95 ms"),
    Column("lextm faster"),
    Column("recall"),
    Column("RSS MB"),
)


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read_queries(path: Path) -> list[str]:
    return json.loads(path.read_text(encoding="utf-8"))


# --- workers (each in its own process) -----------------------------------------------------------


def _import(units_path: Path, index: Path) -> dict[str, Any]:
    from lextm.model import Unit
    from lextm.store import FileRecord, Store

    units = []
    with units_path.open(encoding="utf-8") as handle:
        for position, line in enumerate(handle):
            source, _, target = line.rstrip("\n").partition("\t")
            units.append(
                Unit(
                    source,
                    target,
                    "zh-CN",
                    "en",
                    position=position,
                    origin="imported",
                    tm="bench",
                    role="reference",
                )
            )
    record = FileRecord("tm/ref/bench.tmx", "tmx", 0, 0, "0" * 64)
    with Store.open(index) as store:
        started = time.perf_counter()
        store.replace_file(record, units)
        seconds = time.perf_counter() - started
    return {"units": len(units), "seconds": seconds, "rate": len(units) / seconds}


def _law_version() -> Any:
    """A 2,000-segment document version made of corpus law segments (Company Law first)."""
    from lextm.model import DocumentFile, Entry
    from lextm.structure import parse_law
    from lextm.structure.segments import segment_law

    entries: list[Entry] = []
    laws = sorted((CORPUS / "laws").glob("prc-company-law-*/zh.txt"), reverse=True)
    for number, path in enumerate(laws):
        for segment in segment_law(parse_law(path)):
            entries.append(Entry(f"{segment.address}.x{number}", segment.text))
            if len(entries) == PRETRANSLATE_SEGMENTS:
                return DocumentFile("bench-law", "v1", "zh-CN", "en", tuple(entries))
    return DocumentFile("bench-law", "v1", "zh-CN", "en", tuple(entries))


def _lookup(index: Path, queries_path: Path) -> dict[str, Any]:
    queries = _read_queries(queries_path)
    started = time.perf_counter()
    from lextm.match import Matcher, MatchSettings
    from lextm.store import Store

    store = Store.open(index)
    matcher = Matcher(store, MatchSettings(threshold=THRESHOLD))
    matcher.match(queries[0])
    cold = time.perf_counter() - started
    times, found = [], []
    for query in queries:
        begun = time.perf_counter()
        matches = matcher.match(query, limit=5)
        times.append(time.perf_counter() - begun)
        found.append([round(m.similarity, 4) for m in matches])
    rss = _peak_rss_mb()
    doc = _law_version()
    from lextm.pretranslate import pretranslate_document

    begun = time.perf_counter()
    _, report = pretranslate_document(matcher, doc)
    pretranslate = time.perf_counter() - begun
    store.close()
    return {
        "cold": cold,
        "times": times,
        "found": found,
        "rss": rss,
        "pretranslate": pretranslate,
        "segments": len(doc.entries),
        "filled": report.exact + report.context + report.fuzzy + report.repetitions,
    }


def _forms(units_path: Path) -> list[str]:
    from lextm.similarity import comparison_form

    with units_path.open(encoding="utf-8") as handle:
        return [comparison_form(line.partition("\t")[0]) for line in handle]


def _brute(units_path: Path, queries_path: Path) -> dict[str, Any]:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from lextm.similarity import comparison_form

    sources = _forms(units_path)
    times, best = [], []
    for query in map(comparison_form, _read_queries(queries_path)):
        begun = time.perf_counter()
        top = process.extract(
            query,
            sources,
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=THRESHOLD / 100,
            limit=5,
        )
        times.append(time.perf_counter() - begun)
        best.append(round(100 * top[0][1], 4) if top else None)
    return {"times": times, "best": best, "rss": _peak_rss_mb()}


def _translate_toolkit(units_path: Path, queries_path: Path, sample: int) -> dict[str, Any]:
    try:
        from translate.search.match import matcher
        from translate.storage import base
    except ImportError:
        return {"skipped": "translate-toolkit is not installed (pip install translate-toolkit)"}
    from lextm.similarity import comparison_form

    # Its heap compares units when two similarities tie, and units define no order: give
    # them one (by identity), or the matcher raises TypeError on the first tie.
    base.TranslationUnit.__lt__ = lambda self, other: id(self) < id(other)  # type: ignore[method-assign]
    store = base.TranslationStore()
    for number, source in enumerate(_forms(units_path)):
        unit = base.TranslationUnit(source)
        unit.target = f"t{number}"  # distinct, so its matcher keeps every unit
        store.addunit(unit)
    found = matcher(store, max_candidates=5, min_similarity=int(THRESHOLD), max_length=1000)
    times = []
    for query in map(comparison_form, _read_queries(queries_path)[:sample]):
        begun = time.perf_counter()
        found.matches(query)
        times.append(time.perf_counter() - begun)
    return {"times": times, "rss": _peak_rss_mb(), "sample": sample}


def _worker(argv: list[str]) -> None:
    kind, *paths = argv
    if kind == "import":
        result = _import(Path(paths[0]), Path(paths[1]))
    elif kind == "lookup":
        result = _lookup(Path(paths[0]), Path(paths[1]))
    elif kind == "brute":
        result = _brute(Path(paths[0]), Path(paths[1]))
    else:
        result = _translate_toolkit(Path(paths[0]), Path(paths[1]), int(paths[2]))
    sys.stdout.write(json.dumps(result) + "\n")


def _spawn(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"the {args[0]} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the benchmark -------------------------------------------------------------------------------


def sizes() -> list[int]:
    """The TM sizes to run: LEXTM_BENCH_MATCH_SIZES (default 10k,100k)."""
    chosen = os.environ.get(SIZES_VARIABLE, DEFAULT_SIZES)
    return [tmgen.size_of(label.strip()) for label in chosen.split(",") if label.strip()]


def _ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _recall(found: list[list[float]], best: list[float | None]) -> tuple[float, int]:
    judged = [(mine, top) for mine, top in zip(found, best, strict=True) if top is not None]
    hits = sum(any(abs(s - top) < 1e-3 for s in mine) for mine, top in judged)
    return (hits / len(judged) if judged else 1.0), len(judged)


def _label(size: int) -> str:
    return next((k for k, v in tmgen.SIZES.items() if v == size), str(size))


def run_size(size: int, folder: Path) -> dict[str, Any]:
    """Generate one TM, run every engine on it, and gather the figures."""
    tm = tmgen.generate(size)
    units_path, queries_path = folder / f"units-{size}.tsv", folder / f"queries-{size}.json"
    with units_path.open("w", encoding="utf-8") as handle:
        handle.writelines(f"{s}\t{t}\n" for s, t in tm.units)
    queries_path.write_text(json.dumps(tm.queries, ensure_ascii=False), encoding="utf-8")
    del tm
    index = folder / f"index-{size}.sqlite"
    imported = _spawn("import", str(units_path), str(index))
    lookup = _spawn("lookup", str(index), str(queries_path))
    brute = _spawn("brute", str(units_path), str(queries_path))
    sample = _TT_SAMPLE.get(size, 20)
    toolkit = _spawn("tt", str(units_path), str(queries_path), str(sample))
    recall, judged = _recall(lookup["found"], brute["best"])
    return {
        "size": size,
        "import": imported,
        "lookup": {k: v for k, v in lookup.items() if k != "found"},
        "brute": {k: v for k, v in brute.items() if k != "best"},
        "toolkit": toolkit,
        "recall": recall,
        "judged": judged,
    }


def _rows(figures: dict[str, Any]) -> list[tuple[str, ...]]:
    size, lookup = _label(figures["size"]), figures["lookup"]
    mine = statistics.median(lookup["times"])
    rows = [
        (
            size,
            "lextm",
            f"{figures['import']['rate']:,.0f}",
            _ms(lookup["cold"]),
            _ms(mine),
            _ms(_percentile(lookup["times"], 0.95)),
            "",
            f"{figures['recall']:.3f}",
            f"{lookup['rss']:.0f}",
        )
    ]
    for name, key in (("brute force (rapidfuzz)", "brute"), ("translate-toolkit", "toolkit")):
        other = figures[key]
        if "skipped" in other:
            rows.append((size, f"{name}: skipped", "", "", "", "", "", "", ""))
            continue
        note = f" ({other['sample']} queries)" if "sample" in other else ""
        p50 = statistics.median(other["times"])
        rows.append(
            (
                size,
                name + note,
                "",
                "",
                _ms(p50),
                _ms(_percentile(other["times"], 0.95)),
                f"{p50 / mine:.1f}x",
                "",
                f"{other['rss']:.0f}",
            )
        )
    return rows


def run(repeat: int) -> Result:
    """Run every size (the 1,000 queries are the repeats: `repeat` is not used)."""
    del repeat
    result = Result(NAME, TITLE, _COLUMNS)
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes():
            figures = run_size(size, Path(folder))
            result.rows.extend(_rows(figures))
            result.data[_label(size)] = figures
            lookup = figures["lookup"]
            result.summary.append(
                f"{_label(size)}: recall {figures['recall']:.3f} of {figures['judged']} queries "
                f"with a brute-force best >= 75; pretranslating {lookup['segments']} segments "
                f"took {lookup['pretranslate']:.1f} s ({lookup['filled']} filled)"
            )
    result.summary.append(
        "lextm faster = the baseline's p50 / lextm's p50. "
        f"Sizes from {SIZES_VARIABLE} (e.g. 10k,100k,1M)."
    )
    return result


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        _worker(sys.argv[2:])
    else:
        outcome = run(1)
        print("\n".join([*outcome.table(), "", *outcome.summary]))
