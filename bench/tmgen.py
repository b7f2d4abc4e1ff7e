"""A deterministic generator of large zh→en translation memories with planted near-duplicates.

    python bench/tmgen.py 100k OUT.tsv [--seed 5] [--queries 1000]

Real sentences come from the shared corpus (`laws/*/zh.txt`); they are varied and mutated so a
TM of a million units is as diverse as many laws together while keeping statute phrasing:
- a *variant* of a sentence swaps about a third of its words (jieba's cut, HMM off) for other
  corpus words of the same length, so each unit is new text in legal Chinese;
- a *mutation* of a text changes one to three things a new version of a law changes: the value
  of a number (Arabic or Han), a term (one word swapped), a clause dropped, a function word
  inserted or deleted.
Queries are variants of corpus sentences. For most (85 %) the TM holds one to three mutations
of the same variant, the planted near-duplicates, and the query itself is the variant or one
more mutation of it; the rest have nothing planted. The TM also holds corpus sentences as they
are (10 %: real TMs repeat across versions) and article labels (第十二条 → Article 12, 3 %).
Targets are English corpus sentences (the matching benchmark never reads them, except labels).

Everything depends only on the seed and the corpus: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import CORPUS
from lextm.numerals import int_to_han

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
QUERIES = 1_000
SEED = 5
PLANTED_SHARE = 0.85
REAL_SHARE = 0.10
LABEL_SHARE = 0.03
SWAP_SHARE = 0.35
_SENTENCE_END = re.compile(r"(?<=[。！？；])")
_LABEL_LINE = re.compile(
    r"^(第\s*[一二三四五六七八九十百千零〇\d]+\s*[条條章节節编編]|[（(]?[一二三四五六七八九十]+[）)、])"
)
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_NUMBER = re.compile(r"[0-9]+|[一二三四五六七八九十百千]+(?=[条條款项項日月年人倍次个元万])")
_FUNCTION_WORDS = "的之和与及等或"


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the generator draws from: sentences (cut into words), a vocabulary, English."""

    sentences: tuple[tuple[str, ...], ...]
    vocabulary: dict[int, tuple[str, ...]]
    english: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TM:
    """A generated TM: (source, target) units and the queries to look up in it."""

    units: list[tuple[str, str]]
    queries: list[str]
    planted: list[bool]


def size_of(label: str) -> int:
    """`10k`, `100k`, `1M` (or a plain number) as a unit count."""
    if label in SIZES:
        return SIZES[label]
    if label.isdigit():
        return int(label)
    raise ValueError(f"unknown size {label!r}: use 10k, 100k, 1M or a number")


def _zh_sentences() -> list[str]:
    found: set[str] = set()
    for path in sorted((CORPUS / "laws").glob("*/zh.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or (_LABEL_LINE.match(line) and len(line) < 12):
                continue
            for sentence in _SENTENCE_END.split(line):
                if 6 <= len(sentence) <= 200:
                    found.add(sentence)
    return sorted(found)


def _en_sentences() -> tuple[str, ...]:
    found: set[str] = set()
    for path in sorted((CORPUS / "laws").glob("*/en.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if 20 <= len(line.strip()) <= 400:
                found.add(line.strip())
    return tuple(sorted(found))


@cache
def load_corpus() -> Corpus:
    """The corpus sentences cut into words, the vocabulary by word length, the English lines."""
    from lextm.segment import Tokenizer

    tokenizer = Tokenizer()
    sentences = tuple(tuple(tokenizer.cut(sentence)) for sentence in _zh_sentences())
    words: dict[int, set[str]] = {2: set(), 3: set(), 4: set()}
    for cut in sentences:
        for word in cut:
            if _HAN_WORD.match(word):
                words[len(word)].add(word)
    vocabulary = {length: tuple(sorted(found)) for length, found in words.items()}
    return Corpus(sentences, vocabulary, _en_sentences())


class _Maker:
    """Variants and mutations drawn from one random generator."""

    def __init__(self, corpus: Corpus, rng: random.Random) -> None:
        self.corpus = corpus
        self.rng = rng

    def words(self) -> tuple[str, ...]:
        return self.rng.choice(self.corpus.sentences)

    def variant(self, words: Sequence[str]) -> str:
        """The sentence with about a third of its words swapped for words of the same length."""
        rng, vocabulary = self.rng, self.corpus.vocabulary
        out = []
        for word in words:
            if len(word) in vocabulary and rng.random() < SWAP_SHARE and _HAN_WORD.match(word):
                word = rng.choice(vocabulary[len(word)])
            out.append(word)
        return "".join(out)

    def mutate(self, text: str) -> str:
        """One to three changes a new version of a law makes."""
        for _ in range(self.rng.randint(1, 3)):
            change = self.rng.choice((self._number, self._term, self._clause, self._function))
            text = change(text) or text
        return text

    def _number(self, text: str) -> str | None:
        found = list(_NUMBER.finditer(text))
        if not found:
            return None
        match = self.rng.choice(found)
        value = self.rng.randint(1, 60)
        new = str(value) if match.group().isdigit() else int_to_han(value)
        return text[: match.start()] + new + text[match.end() :]

    def _term(self, text: str) -> str | None:
        starts = [m.start() for m in re.finditer(r"[\u4e00-\u9fff]{2}", text)]
        if not starts:
            return None
        start = self.rng.choice(starts)
        return text[:start] + self.rng.choice(self.corpus.vocabulary[2]) + text[start + 2 :]

    def _clause(self, text: str) -> str | None:
        clauses = re.split(r"(?<=，)", text)
        if len(clauses) < 3:
            return None
        del clauses[self.rng.randrange(1, len(clauses) - 1)]
        return "".join(clauses)

    def _function(self, text: str) -> str:
        at = self.rng.randrange(len(text))
        if text[at] in _FUNCTION_WORDS:
            return text[:at] + text[at + 1 :]
        return text[:at] + self.rng.choice(_FUNCTION_WORDS) + text[at:]

    def filler(self) -> tuple[str, str]:
        """One unit of the bulk of the TM: a label, a corpus sentence or a variant of one."""
        roll = self.rng.random()
        if roll < LABEL_SHARE:
            number = self.rng.randint(1, 400)
            return f"第{int_to_han(number)}条", f"Article {number}"
        words = self.words()
        source = "".join(words) if roll < LABEL_SHARE + REAL_SHARE else self.variant(words)
        return source, self.rng.choice(self.corpus.english)


def generate(size: int, *, queries: int = QUERIES, seed: int = SEED) -> TM:
    """A TM of `size` units and `queries` queries, the same for the same arguments."""
    rng = random.Random(seed)
    maker = _Maker(load_corpus(), rng)
    units: list[tuple[str, str]] = []
    found: list[str] = []
    planted: list[bool] = []
    for _ in range(queries):
        base = maker.variant(maker.words())
        if rng.random() < PLANTED_SHARE:
            for _ in range(rng.randint(1, 3)):
                units.append((maker.mutate(base), rng.choice(maker.corpus.english)))
            found.append(base if rng.random() < 0.5 else maker.mutate(base))
            planted.append(True)
        else:
            found.append(base)
            planted.append(False)
    units = units[:size]
    units.extend(maker.filler() for _ in range(size - len(units)))
    rng.shuffle(units)
    return TM(units, found, planted)


def write_tsv(tm: TM, path: Path) -> None:
    """Units as `source<TAB>target` lines, then a line `#queries`, then `planted<TAB>query`."""
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(f"{source}\t{target}\n" for source, target in tm.units)
        handle.write("#queries\n")
        handle.writelines(f"{int(p)}\t{q}\n" for p, q in zip(tm.planted, tm.queries, strict=True))


def read_tsv(path: Path) -> TM:
    """What `write_tsv` wrote."""
    units: list[tuple[str, str]] = []
    queries: list[str] = []
    planted: list[bool] = []
    lines: Iterator[str] = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if line == "#queries":
            break
        source, _, target = line.partition("\t")
        units.append((source, target))
    for line in lines:
        flag, _, query = line.partition("\t")
        planted.append(flag == "1")
        queries.append(query)
    return TM(units, queries, planted)


def main(argv: Sequence[str] | None = None) -> int:
    """Write one generated TM as TSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="10k, 100k, 1M or a number of units")
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--queries", type=int, default=QUERIES)
    args = parser.parse_args(argv)
    write_tsv(generate(size_of(args.size), queries=args.queries, seed=args.seed), args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
