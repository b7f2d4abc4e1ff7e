"""`segments`: `segment_law` on each parsed law, in sentences per second.

Baseline: a naive split after every sentence-final stop (`re.split(r"(?<=。)", text)` for Chinese,
after every full stop for English) over the same text: the text of every provision, joined by
newlines. Parsing is done once, untimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from harness import Column, LawFile, Result, corpus_files, measure, ratio_cell
from lextm.model import LawText
from lextm.structure import parse_law
from lextm.structure.segments import segment_law

NAME = "segments"
TITLE = "segments: sentence segmentation of each parsed law (segment_law)"

_NAIVE = {"zh": re.compile(r"(?<=。)"), "en": re.compile(r"(?<=\.)\s+")}
_COLUMNS = (
    Column("law", numeric=False),
    Column("KB"),
    Column("segments"),
    Column("naive"),
    Column("naive ms"),
    Column("segment ms"),
    Column("segment/naive"),
    Column("sentences/s"),
)


def naive_split(text: str, lang: str) -> list[str]:
    """The baseline: cut after every stop, no brackets, abbreviations or structure."""
    return _NAIVE.get(lang, _NAIVE["zh"]).split(text)


def run(repeat: int) -> Result:
    """Time `segment_law` against the naive split on every law of the corpus."""
    result = Result(NAME, TITLE, _COLUMNS)
    laws: dict[str, Any] = {}
    total_segments, total_seconds = 0, 0.0
    for file in corpus_files():
        law = parse_law(file.path)
        row = _time_law(file, law, repeat)
        result.rows.append(row.cells)
        laws[file.name] = row.data
        total_segments += row.segments
        total_seconds += row.seconds
    rate = total_segments / total_seconds if total_seconds else 0.0
    result.data = {"laws": laws, "total_segments": total_segments, "sentences_per_second": rate}
    result.summary = [
        f"whole corpus: {total_segments} segments in {total_seconds * 1000:.0f} ms"
        f" (best runs summed) = {rate:,.0f} sentences/s",
    ]
    return result


@dataclass(frozen=True, slots=True)
class _Row:
    """One law's figures, as table cells and as JSON."""

    cells: tuple[str, ...]
    data: dict[str, Any]
    segments: int
    seconds: float


def _time_law(file: LawFile, law: LawText, repeat: int) -> _Row:
    text = "\n".join(node.text for node in law.walk() if node.text)
    naive = measure(lambda: naive_split(text, law.lang), repeat)
    segment = measure(lambda: segment_law(law), repeat)
    count, pieces = len(segment_law(law)), len(naive_split(text, law.lang))
    rate = count / segment.best if segment.best else 0.0
    cells = (
        file.name,
        f"{file.kilobytes:.0f}",
        str(count),
        str(pieces),
        naive.cell(),
        segment.cell(),
        ratio_cell(segment.ratio(naive)),
        f"{rate:,.0f}",
    )
    data = {
        "kilobytes": round(file.kilobytes, 1),
        "segments": count,
        "naive_pieces": pieces,
        "naive": naive.as_json(),
        "segment": segment.as_json(),
        "ratio_vs_naive": segment.ratio(naive),
        "sentences_per_second": rate,
    }
    return _Row(cells, data, count, segment.best)
