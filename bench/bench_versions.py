"""`versions`: mapping each consecutive pair of the seven Company Law versions by content.

Baseline: difflib's sequence matcher over the two lists of article texts (what a positional,
text-identity diff costs: no similarity, no moves). Target: the whole chain, parsing
included, under 10 s.
"""

from __future__ import annotations

import difflib
import itertools
import time
from pathlib import Path

from harness import CORPUS, Column, Result, Timing, measure, ratio_cell
from lextm.structure import parse_law
from lextm.versions import VersionText, map_versions

NAME = "versions"
TITLE = "versions: Company Law versions mapped by content, pair by pair"
CHAIN = ("1993", "1999", "2004", "2005", "2013", "2018", "2023")
TARGET_S = 10.0

_COLUMNS = (
    Column("pair", numeric=False),
    Column("articles"),
    Column("difflib ms"),
    Column("map ms"),
    Column("map/difflib"),
    Column("changes", numeric=False),
)


def _positional(old: VersionText, new: VersionText) -> None:
    """The baseline: a sequence diff of the article texts."""
    matcher = difflib.SequenceMatcher(
        None, [a.text for a in old.articles], [a.text for a in new.articles], autojunk=False
    )
    matcher.get_opcodes()


def run(repeat: int) -> Result:
    """Time each consecutive pair, then the whole chain from the files."""
    result = Result(NAME, TITLE, _COLUMNS)
    paths = [CORPUS / "laws" / f"prc-company-law-{year}" / "zh.txt" for year in CHAIN]
    texts = [VersionText.from_law(parse_law(p), name=y) for p, y in zip(paths, CHAIN, strict=True)]
    result.data = {"pairs": {}}
    for (old, new), (a, b) in zip(
        itertools.pairwise(texts), itertools.pairwise(CHAIN), strict=True
    ):
        base = measure(lambda old=old, new=new: _positional(old, new), repeat)
        mapped = measure(lambda old=old, new=new: map_versions(old, new), min(repeat, 3))
        counts = map_versions(old, new).counts()
        shown = ", ".join(f"{n} {change}" for change, n in counts.items())
        result.rows.append(
            (
                f"{a}→{b}",
                f"{len(old.articles)}→{len(new.articles)}",
                base.cell(),
                mapped.cell(),
                ratio_cell(mapped.ratio(base)),
                shown,
            )
        )
        result.data["pairs"][f"{a}-{b}"] = {
            "difflib": base.as_json(),
            "map": mapped.as_json(),
            "counts": counts,
        }
    chain = measure(lambda: _chain(paths), min(repeat, 2), warmup=0)
    result.data["chain"] = chain.as_json()
    verdict = "under" if chain.best < TARGET_S else "OVER"
    result.summary.append(
        f"whole chain, parsing included: {_seconds(chain)} ({verdict} the {TARGET_S:.0f} s target)"
    )
    return result


def _chain(paths: list[Path]) -> None:
    texts = [VersionText.from_law(parse_law(p)) for p in paths]
    for old, new in itertools.pairwise(texts):
        map_versions(old, new)


def _seconds(timing: Timing) -> str:
    return f"{timing.best:.2f} s best, {timing.median:.2f} s median"


if __name__ == "__main__":
    start = time.perf_counter()
    out = run(1)
    print("\n".join([out.title, *out.table(), *out.summary]))
    print(f"({time.perf_counter() - start:.1f} s)")
