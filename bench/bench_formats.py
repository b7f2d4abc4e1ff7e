"""`formats`: a TMX of 100,000 and 1,000,000 units exported and imported back, streaming.

The units are generated deterministically (a Chinese and an English sentence with a counter,
lextm's provenance props on each). Each step runs in a fresh process that reports its time and
the growth of its peak resident memory (the peak from `resource.getrusage` at the end, less the
resident size just before the step): flat memory means the 1M-unit growth is about the
100k-unit growth, whatever the file size.

Baseline: `xml.etree.ElementTree.iterparse` over the same file with elements cleared as it goes
and nothing else done, the floor any streaming TMX reader in Python stands on.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import Column, Result, ratio_cell

NAME = "formats"
TITLE = "formats: TMX export and import, 100k and 1M units, time and peak memory growth"
SIZES = (100_000, 1_000_000)

_STEP = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
mode, size, path = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
from lextm.formats.tmx import read_tmx, write_tmx
from lextm.model import Unit
import xml.etree.ElementTree as ET

def units(n):
    for i in range(n):
        yield Unit(
            f"第{{i}}条 国家网信部门负责统筹协调第{{i % 97}}项网络安全工作和相关监督管理工作。",
            f"Article {{i}}: the national cyberspace department coordinates item {{i % 97}}.",
            "zh-CN", "en", f"law-{{i % 50}}", "2021-12-03", f"art{{i + 1}}.p1.s1",
            state="translated", origin="aligned",
        )

def resident_kb():
    # The current resident size (Linux); elsewhere the peak so far, which is an upper bound.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = resident_kb()
start = time.perf_counter()
count = 0
if mode == "export":
    count = write_tmx(path, units(size), source_lang="zh-CN").written
elif mode == "import":
    for _ in read_tmx(path, source_lang="zh-CN", target_lang="en"):
        count += 1
else:
    for event, element in ET.iterparse(path, events=("start", "end")):
        if event == "start" and element.tag == "body":
            body = element
        elif event == "end" and element.tag == "tu":
            count += 1
            del body[:]
seconds = time.perf_counter() - start
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({{"seconds": seconds, "count": count, "grown_kb": grown}}))
"""

_COLUMNS = (
    Column("step", numeric=False),
    Column("units"),
    Column("file MB"),
    Column("s"),
    Column("units/s"),
    Column("peak RSS growth MB"),
    Column("this/baseline"),
)


def _step(mode: str, size: int, path: Path) -> dict[str, float]:
    script = _STEP.format(bench=str(Path(__file__).parent))
    done = subprocess.run(
        [sys.executable, "-c", script, mode, str(size), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def run(repeat: int) -> Result:
    """Export and import TMX files of each size, each step in its own process (run once)."""
    del repeat  # a 1M-unit file is measured once; its size, not noise, dominates
    result = Result(NAME, TITLE, _COLUMNS)
    growth: dict[str, list[float]] = {"export": [], "import": []}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = Path(folder) / f"units-{size}.tmx"
            export = _step("export", size, path)
            megabytes = path.stat().st_size / 1e6
            imported = _step("import", size, path)
            baseline = _step("baseline", size, path)
            for mode, figures in (("export", export), ("import", imported)):
                assert figures["count"] == size, (mode, figures)
                growth[mode].append(figures["grown_kb"] / 1024)
                result.rows.append(
                    (
                        mode,
                        f"{size:,}",
                        f"{megabytes:.0f}",
                        f"{figures['seconds']:.1f}",
                        f"{size / figures['seconds']:,.0f}",
                        f"{figures['grown_kb'] / 1024:.1f}",
                        ratio_cell(figures["seconds"] / baseline["seconds"]),
                    )
                )
            result.rows.append(
                (
                    "baseline iterparse",
                    f"{size:,}",
                    f"{megabytes:.0f}",
                    f"{baseline['seconds']:.1f}",
                    f"{size / baseline['seconds']:,.0f}",
                    f"{baseline['grown_kb'] / 1024:.1f}",
                    "1.0x",
                )
            )
            result.data[str(size)] = {
                "file_mb": megabytes,
                "export": export,
                "import": imported,
                "baseline": baseline,
            }
            path.unlink()
    for mode, (small, large) in growth.items():
        # Below 1 MB the growth is noise of the allocator: count it as 1 MB for the ratio.
        ratio = max(large, 1.0) / max(small, 1.0)
        result.summary.append(
            f"{mode}: peak memory growth {small:.1f} MB at 100k units, {large:.1f} MB at 1M "
            f"(ratio {ratio:.2f}, growths under 1 MB counted as 1 MB; flat is about 1, "
            "proportional would be 10)"
        )
        result.data[f"{mode}_growth_ratio"] = ratio
    return result
