"""`glossary`: term lookup with `TermIndex` over a 5,000-concept glossary and 10,000 segments.

The glossary is synthetic but built from the corpus, so hits are as dense as in real work: each
concept pairs one of the most frequent 2–8-character Chinese n-grams of the laws with one of the
most frequent 1–4-word English n-grams of the official translations (a few English terms get a
`pattern`, a few are deprecated). The segments are the laws' Chinese sentences, repeated to
10,000, each paired with an English sentence as its target text.

Baseline: the naive loop `for term in terms: if term in text` (English: in the lower-cased text)
over the same data. It is too slow to run on every segment, so it is timed on the first
`_BASELINE_SEGMENTS` segments and multiplied up; the table says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from harness import CORPUS, Column, Result, Timing, measure, ratio_cell
from lextm.glossary import Glossary, TermIndex
from lextm.model import Term, TermHit

NAME = "glossary"
TITLE = "glossary: TermIndex.find_source + find_target, 5,000 concepts x 10,000 segments"

CONCEPTS = 5000
SEGMENTS = 10_000
_BASELINE_SEGMENTS = 500
# How many Chinese terms of each length; the rest of the 5,000 are of length 4.
_ZH_LENGTHS = {2: 900, 3: 800, 5: 600, 6: 600, 7: 400, 8: 400}
_ZH_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_EN_SENTENCE = re.compile(r"(?<=[.;:])\s+|\n")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_EN_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    re.findall(r"\w+", "the a an of and or to in for on by with as at be is are shall")
)

_COLUMNS = (
    Column("step", numeric=False),
    Column("segments"),
    Column("ms"),
    Column("us/segment"),
    Column("hits"),
    Column("naive/this"),
)


@dataclass(frozen=True, slots=True)
class _Data:
    """The glossary and the (source, target) segment pairs a run looks terms up in."""

    glossary: Glossary
    sources: list[str]
    targets: list[str]


def run(repeat: int) -> Result:
    """Time TermIndex against the naive substring loop on the synthetic glossary."""
    data = _data()
    index = TermIndex(data.glossary)
    build = measure(lambda: TermIndex(data.glossary), repeat)
    naive = _naive_timing(data, repeat)
    renderings = _renderings(data.glossary)
    usable = [term for term in data.glossary.target_terms() if term.usable]
    steps: dict[str, Callable[[], int]] = {
        "find_source": lambda: _count(map(index.find_source, data.sources)),
        "find_target (all terms)": lambda: _count(map(index.find_target, data.targets)),
        "find_target (renderings of source hits)": lambda: _restricted(index, data, renderings),
        "find_target (usable terms passed as `terms`)": lambda: _usable(index, data, usable),
        "find_source + find_target (all terms)": lambda: _both(index, data),
    }
    result = Result(NAME, TITLE, _COLUMNS)
    result.rows.append(_row(f"naive `in` loop (x{SEGMENTS // _BASELINE_SEGMENTS})", naive, naive))
    result.rows.append(("TermIndex build", "", build.cell(), "", "", ""))
    timings = {}
    for label, step in steps.items():
        timings[label] = measure(step, repeat)
        result.rows.append(_row(label, timings[label], naive, step()))
    both = timings["find_source + find_target (all terms)"]
    _summarise(result, data, build, naive, both)
    result.data.update({label: timing.as_json() for label, timing in timings.items()})
    return result


def _row(label: str, timing: Timing, naive: Timing, hits: int | None = None) -> tuple[str, ...]:
    per_segment = timing.best / SEGMENTS * 1e6
    return (
        label,
        str(SEGMENTS),
        timing.cell(),
        f"{per_segment:.1f}",
        "" if hits is None else str(hits),
        ratio_cell(naive.best / timing.best if timing.best else 0.0),
    )


def _summarise(result: Result, data: _Data, build: Timing, naive: Timing, both: Timing) -> None:
    sources = len(data.glossary.source_terms())
    result.summary = [
        f"glossary: {CONCEPTS} concepts, {sources} source and "
        f"{len(data.glossary.terms) - sources} target terms; {SEGMENTS} segment pairs",
        f"naive baseline timed on the first {_BASELINE_SEGMENTS} segments and multiplied by "
        f"{SEGMENTS // _BASELINE_SEGMENTS} (it checks every term against every segment)",
        f"find_source + find_target on all {SEGMENTS} segments: {both.best:.2f} s best "
        f"(target: well under 5 s), {naive.best / both.best:.0f}x faster than the naive loop",
    ]
    result.data.update(
        {
            "concepts": CONCEPTS,
            "segments": SEGMENTS,
            "build": build.as_json(),
            "naive_extrapolated": naive.as_json(),
            "naive_segments_timed": _BASELINE_SEGMENTS,
        }
    )


# --- the timed actions ---------------------------------------------------------------------------


def _count(hit_lists: Iterable[list[TermHit]]) -> int:
    return sum(len(hits) for hits in hit_lists)


def _both(index: TermIndex, data: _Data) -> int:
    found = 0
    for source, target in zip(data.sources, data.targets, strict=True):
        found += len(index.find_source(source)) + len(index.find_target(target))
    return found


def _restricted(index: TermIndex, data: _Data, renderings: dict[str, tuple[Term, ...]]) -> int:
    """What a term check does: the renderings of the concepts found in the source, only."""
    found = 0
    for source, target in zip(data.sources, data.targets, strict=True):
        concepts = dict.fromkeys(hit.term.concept for hit in index.find_source(source))
        terms = [term for concept in concepts for term in renderings.get(concept, ())]
        found += len(index.find_target(target, terms)) if terms else 0
    return found


def _usable(index: TermIndex, data: _Data, usable: list[Term]) -> int:
    """What the forbidden / deprecated checks do: the same large term set for every entry."""
    return _count(index.find_target(target, usable) for target in data.targets)


def _renderings(glossary: Glossary) -> dict[str, tuple[Term, ...]]:
    return {concept: glossary.renderings(concept) for concept in glossary.concepts()}


def naive_lookup(terms: list[str], texts: list[str]) -> int:
    """The baseline: every term tested against every text with `in`."""
    return sum(1 for text in texts for term in terms if term in text)


def _naive_timing(data: _Data, repeat: int) -> Timing:
    zh = [term.term for term in data.glossary.source_terms()]
    en = [term.term.lower() for term in data.glossary.target_terms()]
    sources = data.sources[:_BASELINE_SEGMENTS]
    targets = [text.lower() for text in data.targets[:_BASELINE_SEGMENTS]]
    subset = measure(lambda: naive_lookup(zh, sources) + naive_lookup(en, targets), repeat)
    scale = SEGMENTS / _BASELINE_SEGMENTS
    return Timing(subset.best * scale, subset.median * scale, subset.runs)


# --- the synthetic data --------------------------------------------------------------------------


def _data() -> _Data:
    laws = sorted((CORPUS / "laws").glob("*/"))
    zh = [p.read_text(encoding="utf-8") for law in laws if (p := law / "zh.txt").exists()]
    en = [p.read_text(encoding="utf-8") for law in laws if (p := law / "en.txt").exists()]
    sources = _sentences(zh, _ZH_SENTENCE.findall, 5)
    targets = _sentences(en, _EN_SENTENCE.split, 10)
    zh_terms, en_terms = _zh_ngrams(sources), _en_ngrams(targets)
    terms = [row for i in range(CONCEPTS) for row in _concept(i, zh_terms[i], en_terms[i])]
    return _Data(
        Glossary(tuple(terms)),
        _repeat_to(sources, SEGMENTS),
        _repeat_to(targets[1:] + targets[:1], SEGMENTS),
    )


def _sentences(texts: list[str], split: Callable[[str], list[str]], shortest: int) -> list[str]:
    pieces = (piece.strip() for text in texts for piece in split(text))
    return [piece for piece in pieces if len(piece) >= shortest]


def _repeat_to(items: list[str], count: int) -> list[str]:
    return [items[i % len(items)] for i in range(count)]


def _top(counts: Counter[str], count: int, taken: set[str]) -> list[str]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    chosen = [gram for gram, _ in ranked if gram not in taken][:count]
    taken.update(chosen)
    return chosen


def _zh_ngrams(sentences: list[str]) -> list[str]:
    """The most frequent Han n-grams of each length, in a fixed order."""
    by_length: dict[int, Counter[str]] = {n: Counter() for n in range(2, 9)}
    for sentence in dict.fromkeys(sentences):
        for run_ in _HAN_RUN.findall(sentence):
            for n, counts in by_length.items():
                counts.update(run_[i : i + n] for i in range(len(run_) - n + 1))
    quotas = {**_ZH_LENGTHS, 4: CONCEPTS - sum(_ZH_LENGTHS.values())}
    taken: set[str] = set()
    return sorted(g for n in range(2, 9) for g in _top(by_length[n], quotas[n], taken))


def _en_ngrams(sentences: list[str]) -> list[str]:
    """Frequent English 1–4-word n-grams that neither start nor end with a function word."""
    counts: Counter[str] = Counter()
    for sentence in dict.fromkeys(sentences):
        words = _EN_WORD.findall(sentence.lower())
        for n in range(1, 5):
            counts.update(
                " ".join(words[i : i + n])
                for i in range(len(words) - n + 1)
                if words[i] not in _STOP and words[i + n - 1] not in _STOP
            )
    chosen = _top(counts, CONCEPTS, set())
    return [*chosen, *(f"synthetic term {i}" for i in range(CONCEPTS - len(chosen)))]


def _concept(i: int, zh: str, en: str) -> list[Term]:
    concept = f"c{i:04d}"
    pattern = rf"{re.escape(en)}(?:es|s)?" if i % 100 == 0 else ""
    status = "deprecated" if i % 17 == 0 else "preferred"
    return [
        Term(concept, "zh-CN", zh),
        Term(concept, "en", en, status=status, pattern=pattern),
    ]
