"""`formats`: a TMX of 100,000 and 1,000,000 units exported and imported back, streaming; and
`lextm tm add` of a TMX of 100 and 200 MB written on a single line.

The units are generated deterministically (a Chinese and an English sentence with a counter,
lextm's provenance props on each). Each step runs in a fresh process that reports its time and
the growth of its peak resident memory (the high-water mark VmHWM at the end, less the
resident size just before the step): flat memory means the 1M-unit growth is about the
100k-unit growth, whatever the file size.

Baseline: `xml.etree.ElementTree.iterparse` over the same file with elements cleared as it goes
and nothing else done, the floor any streaming TMX reader in Python stands on.

The single-line files hold long units (about 3 KB each, as a TM segmented by paragraph has): a
reader that buffers lines, or an index that builds its postings per batch of units without
bounding the characters, shows up there. `tm add` is the whole command (copy, hash, read, index,
commit) into a fresh project; its row gives the process's peak resident memory, which should
not grow with the file.
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
ONE_LINE_MB = (100, 200)

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

def status_kb(field):
    # VmRSS / VmHWM of this process (Linux). ru_maxrss is only the fallback: it survives exec,
    # so a child started by a large benchmark process would report the parent's size.
    try:
        for line in open("/proc/self/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = status_kb("VmRSS")
start = time.perf_counter()
count = 0
if mode == "export":
    count = write_tmx(path, units(size), source_lang="zh-CN").written
elif mode == "tm-add":
    from lextm.cli import cli
    root = path.parent / "project"
    cli.main(["init", str(root)], standalone_mode=False)
    cli.main(["tm", "add", str(path), "--name", "big", "--project", str(root)],
             standalone_mode=False)
    import sqlite3
    db = sqlite3.connect(root / ".lextm" / "index.sqlite")
    count = db.execute("SELECT count(*) FROM units WHERE tm = 'big'").fetchone()[0]
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
peak = status_kb("VmHWM")
grown = peak - before
print(json.dumps({{"seconds": seconds, "count": count, "grown_kb": grown, "peak_kb": peak}}))
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
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"{mode} step failed:\n{done.stderr}")
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
    _one_line(result)
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


def one_line_tmx(path: Path, megabytes: int) -> int:
    """A TMX of about `megabytes` MB without a newline, units of ~3 KB; its unit count."""
    zh = "网络运营者应当履行网络安全保护义务，不得危害网络安全。" * 20
    en = "Network operators shall perform their security obligations. " * 10
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header '
            'creationtool="bench" creationtoolversion="1" segtype="paragraph" o-tmf="bench" '
            'adminlang="en" srclang="zh-CN" datatype="plaintext"/><body>'
        )
        while handle.tell() < megabytes * 1_000_000:
            handle.write(
                f'<tu><tuv xml:lang="zh-CN"><seg>{zh}{count}</seg></tuv>'
                f'<tuv xml:lang="en"><seg>{en}{count}</seg></tuv></tu>'
            )
            count += 1
        handle.write("</body></tmx>")
    return count


def _one_line(result: Result) -> None:
    """`tm add` of single-line TMX files of each size: time and peak memory of the process."""
    peaks: list[float] = []
    for megabytes in ONE_LINE_MB:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "one-line.tmx"
            size = one_line_tmx(path, megabytes)
            added = _step("tm-add", size, path)
            baseline = _step("baseline", size, path)
        assert added["count"] == size == baseline["count"], (added, baseline, size)
        peaks.append(added["peak_kb"] / 1024)
        for step, figures, ratio in (
            ("tm add, one line", added, ratio_cell(added["seconds"] / baseline["seconds"])),
            ("baseline iterparse, one line", baseline, "1.0x"),
        ):
            result.rows.append(
                (
                    step,
                    f"{size:,}",
                    f"{megabytes}",
                    f"{figures['seconds']:.1f}",
                    f"{size / figures['seconds']:,.0f}",
                    f"{figures['grown_kb'] / 1024:.1f}",
                    ratio,
                )
            )
        result.data[f"one_line_{megabytes}mb"] = {"tm_add": added, "baseline": baseline}
    result.summary.append(
        f"tm add of a single-line TMX: peak resident memory {peaks[0]:.0f} MB at "
        f"{ONE_LINE_MB[0]} MB, {peaks[-1]:.0f} MB at {ONE_LINE_MB[-1]} MB (ratio "
        f"{peaks[-1] / peaks[0]:.2f}; flat is about 1)"
    )
    result.data["one_line_peak_ratio"] = peaks[-1] / peaks[0]
