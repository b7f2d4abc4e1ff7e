"""`checks`: every check over 10,000 segments with a 5,000-concept glossary.

Data as in the `glossary` benchmark (its synthetic 5,000-concept glossary built from the corpus
and 10,000 corpus sentences, each with an English sentence as its translation), held as one
document version. Timed in the same run:
- baseline: `TermIndex.find_source` + `find_target` over all segments (the lookups alone);
- terminology checks (term-missing, term-forbidden, term-deprecated, term-scope);
- all checks, the project-wide consistency checks included.
The target: a 5,000-term glossary checked over 10,000 segments in under 5 s.

Each timed run starts cold: the per-text caches (word stems, cross-references) that help the
checks of one run are emptied before it, so repeats do not profit from the run before.
"""

from __future__ import annotations

from bench_glossary import SEGMENTS, _data
from harness import Column, Result, measure, ratio_cell
from lextm import glossary, xrefs
from lextm.checks import DocumentContext, run_checks
from lextm.glossary import TermIndex
from lextm.model import DocumentFile, Entry

NAME = "checks"
TITLE = "checks: all checks, 5,000-concept glossary x 10,000 segments"
TERM_CHECKS = ("term-missing", "term-forbidden", "term-deprecated", "term-scope")
_COLUMNS = (
    Column("step", numeric=False),
    Column("segments"),
    Column("findings"),
    Column("best/median ms"),
    Column("ratio to lookups"),
)


def run(repeat: int) -> Result:
    """Time the terminology checks and all checks against the bare term lookups."""
    data = _data()
    entries = tuple(
        Entry(f"art{i // 3 + 1}.p{i % 3 + 1}.s1", source, target)
        for i, (source, target) in enumerate(zip(data.sources, data.targets, strict=True))
    )
    doc = DocumentFile("bench", "v1", "zh-CN", "en", entries)

    def context() -> DocumentContext:
        return DocumentContext(doc=doc, glossary=data.glossary, date="2020-01-01")

    index = TermIndex(data.glossary)

    def lookups() -> None:
        for entry in entries:
            index.find_source(entry.source)
            index.find_target(entry.target)

    def cold(only: tuple[str, ...] | None = None) -> None:
        for cache in (glossary._tokens, glossary._stem_set, xrefs._references):
            cache.cache_clear()
        run_checks([context()], only=only)

    baseline = measure(lookups, repeat)
    terms = measure(lambda: cold(TERM_CHECKS), repeat)
    everything = measure(cold, repeat)
    counts = (
        len(run_checks([context()], only=TERM_CHECKS).findings),
        len(run_checks([context()]).findings),
    )
    result = Result(NAME, TITLE, _COLUMNS)
    rows = (
        ("baseline: term lookups", "", baseline),
        ("terminology checks", str(counts[0]), terms),
        ("all checks", str(counts[1]), everything),
    )
    for label, found, timing in rows:
        ratio = ratio_cell(timing.best / baseline.best) if baseline.best else "-"
        result.rows.append((label, str(SEGMENTS), found, timing.cell(), ratio))
    verdict = "yes" if everything.best < 5.0 else "NO"
    result.summary = [f"all checks in {everything.best:.2f} s (target < 5 s): {verdict}"]
    result.data = {
        "lookups_ms": baseline.best_ms,
        "term_checks_ms": terms.best_ms,
        "all_checks_ms": everything.best_ms,
        "findings": counts[1],
    }
    return result
