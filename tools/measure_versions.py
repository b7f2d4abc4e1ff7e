"""Print the figures of docs/versions.md: the Company Law chain mapped and timed, the mapping
scored against the hand-made gold, and carry-over measured on the Taiwan laws.

    python tools/measure_versions.py [--verbose]
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from pathlib import Path

from lextm.formats.po import read_po
from lextm.ingest import import_version
from lextm.project import init_project, load_project
from lextm.structure import parse_law
from lextm.versions import VersionText, map_versions
from lextm.versions.evaluate import carry_report, read_gold, score_mapping

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT.parent / "shared" / "corpus" / "laws"
GOLD = ROOT / "tests" / "data" / "versions"
CHAIN = ("1993", "1999", "2004", "2005", "2013", "2018", "2023")
# New-version stretches the gold covers completely (docs/versions-gold.md, "Coverage").
NEW_STRETCHES = {
    ("2004", "2005"): ((1, 22), (173, 219)),
    ("2018", "2023"): ((1, 41), (218, 228), (243, 266)),
}
TAIWAN = (
    ("tw-personal-data-protection-act", "2015", "2015-12-30", "2023", "2023-05-31"),
    ("tw-money-laundering-control-act", "2018", "2018-11-07", "2023", "2023-06-14"),
)


def chain(verbose: bool) -> dict[str, VersionText]:
    """Parse the seven versions and map each consecutive pair, timed."""
    start = time.perf_counter()
    texts = {
        year: VersionText.from_law(
            parse_law(LAWS / f"prc-company-law-{year}" / "zh.txt"), name=year
        )
        for year in CHAIN
    }
    print("== Company Law chain")
    for old, new in itertools.pairwise(CHAIN):
        began = time.perf_counter()
        mapping = map_versions(texts[old], texts[new])
        took = time.perf_counter() - began
        counts = ", ".join(f"{n} {change}" for change, n in mapping.counts().items())
        print(f"{old} → {new}: {took:.2f} s, {mapping.shared:.0%} shared; {counts}")
    print(f"whole chain (parsing included): {time.perf_counter() - start:.2f} s")
    return texts


def gold(texts: dict[str, VersionText], verbose: bool) -> None:
    """Precision and recall against the hand-made gold, with and without borderline rows."""
    print("\n== Against the gold")
    for (old, new), ranges in NEW_STRETCHES.items():
        links = read_gold(GOLD / f"gold_company_law_{old}_{new}.tsv")
        mapping = map_versions(texts[old], texts[new])
        covered = {
            a.label
            for a in texts[new].articles
            if any(lo <= _num(a.label) <= hi for lo, hi in ranges)
        }
        for skip in (False, True):
            score = score_mapping(mapping, links, new_covered=covered, skip_borderline=skip)
            rows = "without borderline rows" if skip else "all rows"
            print(
                f"{old} → {new} ({rows}): gold {score.gold}, scored {score.predicted}, "
                f"correct {score.correct}: P {score.precision:.3f} R {score.recall:.3f}; "
                f"same change {score.same_change}/{score.correct}"
            )
            if verbose and not skip:
                print("  missed:", " ".join(_pair(p) for p in score.missed))
                print("  extra: ", " ".join(_pair(p) for p in score.extra))


def taiwan(verbose: bool) -> None:
    """Import the older text with its official English, carry it onto the newer text."""
    print("\n== Carry-over, Taiwan laws")
    with tempfile.TemporaryDirectory() as folder:
        init_project(Path(folder) / "p")
        for slug, old, old_date, new, new_date in TAIWAN:
            project = load_project(Path(folder) / "p")
            older, newer = LAWS / f"{slug}-{old}", LAWS / f"{slug}-{new}"
            project, _ = import_version(
                project,
                older / "zh.txt",
                document=slug,
                version=old,
                date=old_date,
                translation=older / "en.txt",
            )
            began = time.perf_counter()
            project, result = import_version(
                project, newer / "zh.txt", document=slug, version=new, date=new_date
            )
            took = time.perf_counter() - began
            old_doc, _ = read_po(project.po_path(slug, old))
            new_doc, _ = read_po(project.po_path(slug, new))
            report = carry_report(old_doc, new_doc)
            print(
                f"{slug} {old} → {new} ({took:.2f} s): {report.articles} articles, "
                f"{len(report.changed)} changed, {len(report.flagged)} flagged: needs-work "
                f"P {report.precision:.3f} R {report.recall:.3f}; unchanged "
                f"{report.unchanged}, carried exactly {report.exact} "
                f"({report.exact_share:.0%})"
            )
            if result.carried is not None:
                print(f"  {result.carried.summary()}")
            if verbose:
                print("  changed:", " ".join(sorted(report.changed, key=_num)))
                print("  flagged:", " ".join(sorted(report.flagged, key=_num)))


def _num(label: str) -> int:
    return int(label.split("-")[0])


def _pair(pair: tuple[str | None, str | None]) -> str:
    return f"{pair[0] or '—'}→{pair[1] or '—'}"


def main() -> int:
    """Print every figure."""
    verbose = "--verbose" in sys.argv
    texts = chain(verbose)
    gold(texts, verbose)
    taiwan(verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
