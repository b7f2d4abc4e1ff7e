"""Candidate terms of one document, proposed to a terminologist before anything enters a glossary.

Only sentence entries count (addresses with `.p` or `.s`; not the title, note, contents, headings
or article labels), and a candidate's article is the first part of its address (`art8`).
Texts are compared folded (`lextm.fold`: traditional → simplified, width), so Taiwan texts are
cut with jieba's simplified dictionary; a candidate is shown in its most frequent written form.
Law titles cited in 《》 are names, not terms, and are left out.

Candidates come from two places:

1. **Definition provisions**, harvested by rule: `本法所称X，是指…`, `本规定所称X是指…`,
   `本办法所称X，包括…` anywhere, and `X，是指…` / `X：指…` at the start of a paragraph or item
   (`本条例下列用语的含义：（一）X，是指…`, Taiwan's `本法用詞，定義如下：一、X：指…`). A defined
   term is a candidate whatever its frequency; its occurrences inside a longer defined term do
   not count (公务机关 in 非公务机关).
2. **Frequent word runs**: 2–4 consecutive jieba words (HMM off) of 2–10 Han characters, or one
   dictionary word of 3 or more, with no function word or boilerplate in them (`_STOP_WORDS`)
   and with no governing verb (`_VERBS`) but as the last word, seen at least
   `min_frequency` times in at least two articles, and not always beside the same word (then it
   is a piece of a longer run: 信部门 in 网信部门).

**Score** (termhood): the C-value of Frantzi, Ananiadou & Mima (2000), with length in characters:
`log2(length) × (f − mean f of the longer candidates containing it)`, where `f` is the number of
occurrences. A run scoring 0 or less lives only nested in longer candidates and is dropped.
Defined terms rank first, then all by score, ties by term.

**Renderings**: where entries are translated (not fuzzy), English word n-grams (1–5 words,
lower-cased, no stop word at either end, plurals folded) of the entries containing a candidate
are scored with the Dice coefficient `2·|both| / (|entries with the term| + |entries with the
n-gram|)` over all translated entries. An n-gram goes only to the candidates it scores best
with; each keeps its best three at or above `MIN_DICE` (ties: the length closer to two
characters a word).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from .fold import fold
from .glossary import COLUMNS
from .model import Entry
from .segment import Tokenizer, get_tokenizer

__all__ = ["TSV_COLUMNS", "Candidate", "candidates_tsv", "extract_terms"]

TSV_COLUMNS = COLUMNS  # the glossary's own columns: candidates are glossary rows
MIN_DICE = 0.3
_RENDERINGS = 3
_EXAMPLES = 5
_MAX_WORDS = 4
_MIN_WORD_CHARS = 3  # a single dictionary word: 个人信息, 当事人
_MIN_CHARS, _MAX_CHARS = 2, 10
_MAX_EN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed term with the evidence a terminologist needs to accept or reject it.

    `score` is the C-value termhood described in the module docstring. `renderings` are English
    n-grams with their Dice coefficient, best first; `addresses` are up to five examples (the
    definition's first).
    """

    term: str
    frequency: int
    articles: int
    score: float
    defined: bool
    definition: str
    renderings: tuple[tuple[str, float], ...]
    addresses: tuple[str, ...]


# --- Sentences --------------------------------------------------------------------------------

_SENTENCE_ADDRESS = re.compile(r"\.[ps]\d")
_NOT_BODY = ("title", "note", "toc")
# Cited law titles are names, not terms of this document.
_LAW_TITLE = re.compile(r"《[^》]*》")


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence entry's source, folded for comparison, and its usable translation."""

    address: str
    article: str
    source: str
    folded: str  # law titles blanked out
    target: str  # "" when untranslated or fuzzy


def _sentences(entries: Iterable[Entry]) -> list[_Sentence]:
    """The sentence segments: article labels, headings, title, note and contents are names."""
    return [
        _Sentence(
            entry.address,
            entry.address.split(".", 1)[0],
            entry.source,
            _LAW_TITLE.sub(_blank, fold(entry.source)),
            entry.target if entry.translated else "",
        )
        for entry in entries
        if _SENTENCE_ADDRESS.search(entry.address)
        and entry.address.split(".", 1)[0] not in _NOT_BODY
    ]


def _blank(match: re.Match[str]) -> str:
    """Spaces as long as the match: positions still map to the source; nothing is found there."""
    return " " * len(match[0])


# --- Definitions ------------------------------------------------------------------------------

_ITEM_LABEL = re.compile(
    r"^\s*(?:[（(](?:[一二三四五六七八九十百]+|[0-9０-９]+)[）)]"
    r"|[一二三四五六七八九十百]+、|[0-9０-９]+[.．、])\s*"
)
_TERM = r"[“「『\"]?(?:的)?(?P<term>[^，,。；;：:、“”「」『』\"（）()\s]{2,20}?)[”」』\"]?"
# 指 alone means "means" unless it begins 指导, 指定…
_MEANS = r"(?:是指|系指|係指|指(?![导導定挥揮出示明派令引控使南标標数數纹紋称稱责責]))"
# 本法所称X，是指… / 第十五條第二款所稱X，指… / 本办法所称X，包括…: anywhere in a provision.
_SO_CALLED = re.compile(rf"^[^，,。；;：:]{{0,40}}?所[称稱]{_TERM}[，,]?\s*(?:{_MEANS}|包括|包含)")
# X，是指… / X是指… / X：指…: only where a paragraph or item starts.
_OPENING = re.compile(rf"^{_TERM}(?:[，,]\s*{_MEANS}|是指|系指|係指|[：:]\s*{_MEANS})")
_NOT_A_TERM = re.compile(r"^(?:前[款项項条條]|本[条條款项項]|上述|第)")


@dataclass(frozen=True, slots=True)
class _Definition:
    """A term as a definition provision writes it, that provision's text and address."""

    term: str
    text: str
    address: str


def _definitions(sentences: Iterable[_Sentence]) -> dict[str, _Definition]:
    """Defined terms by folded form; the first definition of a term wins."""
    found: dict[str, _Definition] = {}
    for sentence in sentences:
        definition = _definition(sentence)
        if definition is not None:
            found.setdefault(fold(definition.term), definition)
    return found


def _definition(sentence: _Sentence) -> _Definition | None:
    """The definition a sentence makes, if it is one."""
    label = _ITEM_LABEL.match(sentence.source)
    text = sentence.source[label.end() :] if label else sentence.source
    match = _SO_CALLED.match(text)
    if match is None and (label or _opens_provision(sentence.address)):
        match = _OPENING.match(text)
    if match is None or _NOT_A_TERM.match(match["term"]):
        return None
    return _Definition(match["term"], text.strip(), sentence.address)


def _opens_provision(address: str) -> bool:
    """Whether a segment is the first sentence of its paragraph or item."""
    return re.search(r"\.s1(?:-\d+)?$", address) is not None


# --- Word sequences ---------------------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_NUMERAL = re.compile(r"第?[〇零一二两三四五六七八九十百千万亿]+[条款项章节目编次个]?")
# Function words and legal boilerplate, folded (simplified): never part of a term.
_STOP_WORDS = frozenset(
    {
        "应当", "应", "可以", "可", "得", "须", "必须", "不得", "不", "未", "已",
        "或者", "或", "以及", "及", "和", "与", "并", "并且", "等", "的", "之", "地",
        "了", "着", "本法", "本规定", "本办法", "本条例", "本细则", "本决定", "本条", "本章",
        "本节", "本款", "本项", "前款", "前项", "前条", "前述", "上述", "有关", "相关",
        "依照", "依据", "根据", "按照", "依", "依法", "规定", "下列", "以下", "以上",
        "其他", "其", "该", "此", "这", "各", "每", "所", "是", "为", "由", "对",
        "在", "于", "向", "从", "以", "将", "被", "把", "经", "因", "而", "但",
        "但是", "即", "如", "若", "则", "就", "也", "又", "及其", "予以", "给予",
        "进行", "负责", "加强", "包括", "包含", "均", "自", "至", "除", "除外", "其中",
        "之一", "任何", "一切", "所有", "有", "无", "亦", "得以", "本", "从事", "禁止",
        "不在此限", "基于", "建立健全"
    }
)  # fmt: skip


# Verbs that govern an object: a run with one before its last word is a clause or a verb phrase
# (使用网络通信工具, 组织使用网络通信工具); as the last word they name an act (信息发布).
_VERBS = frozenset(
    {
        "使用", "鼓励", "维护", "破坏", "违反", "提升", "提高", "接到", "取得", "要求", "履行",
        "开展", "实施", "采取", "遵守", "建立", "健全", "保障", "促进", "支持", "制定", "发布",
        "传播", "存储", "制作", "复制", "防范", "制止", "惩治", "重新"
    }
)  # fmt: skip
_BOILERPLATE = ("以下", "以上", "上述", "下列", "前款", "本", "该", "其", "各", "每", "此", "这")


@dataclass(slots=True)
class _Tally:
    """Occurrences of one candidate: how often, in which articles, written how, where, and the
    words seen next to it ("" for a boundary: punctuation, a stop word, the end)."""

    count: int = 0
    articles: set[str] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)
    addresses: list[str] = field(default_factory=list)
    before: set[str] = field(default_factory=set)
    after: set[str] = field(default_factory=set)

    def add(self, sentence: _Sentence, start: int, end: int, around: tuple[str, str]) -> None:
        """Count the occurrence at `start:end` of `sentence`, between the words `around`."""
        self.count += 1
        self.articles.add(sentence.article)
        self.forms[sentence.source[start:end]] += 1
        if len(self.addresses) < _EXAMPLES and sentence.address not in self.addresses:
            self.addresses.append(sentence.address)
        self.before.add(around[0])
        self.after.add(around[1])

    @property
    def nested(self) -> bool:
        """Whether every occurrence has the same word on one side: a piece of a longer run."""
        return any(len(side) == 1 and "" not in side for side in (self.before, self.after))


def _sequence_tallies(sentences: Iterable[_Sentence], tokenizer: Tokenizer) -> dict[str, _Tally]:
    """Every well-formed run of words, by folded form."""
    tallies: dict[str, _Tally] = {}
    for sentence in sentences:
        words = tokenizer.cut(sentence.folded)
        offsets = list(accumulate((len(word) for word in words), initial=0))
        for first, last in _runs(words):
            start, end = offsets[first], offsets[last + 1]
            around = (_neighbour(words, first - 1), _neighbour(words, last + 1))
            tallies.setdefault(sentence.folded[start:end], _Tally()).add(
                sentence, start, end, around
            )
    return tallies


def _runs(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(first, last) word indexes of the runs that may be terms: 2–4 usable words of 2–10
    characters, or one dictionary word of three characters or more."""
    for first, word in enumerate(words):
        if not _usable(word) or word in _VERBS or word.startswith(_BOILERPLATE):
            continue
        if len(word) >= _MIN_WORD_CHARS:
            yield first, first
        size = len(word)
        for last in range(first + 1, min(first + _MAX_WORDS, len(words))):
            size += len(words[last])
            if not _usable(words[last]) or size > _MAX_CHARS:
                break
            yield first, last
            if words[last] in _VERBS:
                break


def _neighbour(words: Sequence[str], index: int) -> str:
    """The word at `index` if it could extend a term, else "" (a boundary)."""
    inside = 0 <= index < len(words)
    return words[index] if inside and _usable(words[index]) else ""


def _usable(word: str) -> bool:
    """Whether a word may stand in a term: Han only, not a stop word, not a numeral."""
    return (
        _HAN.fullmatch(word) is not None
        and word not in _STOP_WORDS
        and _NUMERAL.fullmatch(word) is None
    )


def _defined_tally(key: str, sentences: Iterable[_Sentence], longer: Sequence[str]) -> _Tally:
    """Occurrences of a defined term, except inside longer defined ones (公务机关 in 非公务机关)."""
    tally = _Tally()
    for sentence in sentences:
        for start in _occurrences(key, sentence.folded, longer):
            tally.add(sentence, start, start + len(key), ("", ""))
    return tally


def _occurrences(key: str, text: str, longer: Sequence[str]) -> Iterator[int]:
    """Where `key` occurs in `text` outside every occurrence of the `longer` terms."""
    if key not in text:
        return iter(())
    covered = {
        index
        for term in longer
        for start in _finds(term, text)
        for index in range(start, start + len(term))
    }
    return (start for start in _finds(key, text) if start not in covered)


def _finds(key: str, text: str) -> Iterator[int]:
    """Start of each non-overlapping occurrence of `key` in `text`."""
    start = text.find(key)
    while start >= 0:
        yield start
        start = text.find(key, start + len(key))


def _containing(key: str, terms: Iterable[str]) -> list[str]:
    """The terms that contain `key` and are longer."""
    return [term for term in terms if key in term and term != key]


# --- Termhood ---------------------------------------------------------------------------------


def _c_values(counts: Mapping[str, int]) -> dict[str, float]:
    """C-value of each candidate, given the occurrence counts of all candidates."""
    nesting: dict[str, list[int]] = {}
    for longer, count in counts.items():
        for inner in _substrings(longer):
            if inner in counts:
                nesting.setdefault(inner, []).append(count)
    return {key: _c_value(key, count, nesting.get(key, [])) for key, count in counts.items()}


def _c_value(key: str, count: int, containers: Sequence[int]) -> float:
    """log2(length) × (count − mean count of the longer candidates containing it)."""
    nested = sum(containers) / len(containers) if containers else 0.0
    return round(math.log2(max(len(key), 2)) * (count - nested), 3)


def _substrings(text: str) -> set[str]:
    """The proper substrings of a text with at least two characters."""
    return {
        text[start:end]
        for start in range(len(text))
        for end in range(start + _MIN_CHARS, len(text) + 1)
        if end - start < len(text)
    }


# --- Renderings -------------------------------------------------------------------------------

_EN_STOP_WORDS = frozenset(
    {
        "a", "an", "the", "of", "and", "or", "nor", "to", "in", "into", "on", "onto", "at", "by",
        "for", "from", "with", "within", "without", "upon", "under", "over", "as", "than", "that",
        "which", "who", "whom", "whose", "what", "when", "where", "whether", "if", "unless", "such",
        "this", "these", "those", "it", "its", "his", "her", "his/her", "their", "them", "they",
        "he", "she", "we", "our", "you", "your", "i", "be", "is", "are", "was", "were", "been",
        "being", "shall", "may", "must", "should", "will", "would", "can", "could", "not", "no",
        "any", "all", "each", "every", "other", "others", "another", "same", "said", "thereof",
        "therein", "hereof", "herein", "via", "per", "also", "only", "so", "there", "here", "do",
        "does", "done", "has", "have", "had", "having"
    }
)  # fmt: skip
_Gram = tuple[str, ...]  # an English n-gram, normalised word by word
_EN_CHUNK = re.compile(r"[^\w\s'/-]+")
_EN_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")


class _Renderer:
    """Dice scores between candidate terms and English n-grams of the translated entries."""

    def __init__(self, sentences: Iterable[_Sentence]) -> None:
        self._entries = [(s.folded, _ngrams(s.target)) for s in sentences if s.target]
        self._spread: Counter[_Gram] = Counter()
        self._forms: dict[_Gram, Counter[str]] = {}
        for _, grams in self._entries:
            for key, written in grams.items():
                self._spread[key] += 1
                self._forms.setdefault(key, Counter())[written] += 1

    def dice(self, key: str, longer: Sequence[str]) -> dict[_Gram, float]:
        """Dice coefficients of the n-grams associated with a folded term at `MIN_DICE` or
        more; the term counts where it stands outside the `longer` terms."""
        hits = [grams for folded, grams in self._entries if any(_occurrences(key, folded, longer))]
        both = Counter(gram for grams in hits for gram in grams)
        scored = {g: round(2 * n / (len(hits) + self._spread[g]), 3) for g, n in both.items()}
        return {gram: dice for gram, dice in scored.items() if dice >= MIN_DICE}

    def best(self, key: str, table: Mapping[_Gram, float]) -> tuple[tuple[str, float], ...]:
        """The best renderings of a term from its Dice table; on ties, the n-gram whose length
        suits the term's (about two characters a word)."""
        words = max(1, round(len(key) / 2))
        ranked = sorted(table, key=lambda gram: (-table[gram], abs(len(gram) - words), gram))
        return tuple((self._written(gram), table[gram]) for gram in ranked[:_RENDERINGS])

    def _written(self, gram: _Gram) -> str:
        """The most frequent written form of an n-gram (first seen on ties)."""
        return self._forms[gram].most_common(1)[0][0]


def _ngrams(text: str) -> dict[_Gram, str]:
    """The n-grams of an English text worth proposing, normalised, with a written form."""
    grams: dict[_Gram, str] = {}
    for chunk in _EN_CHUNK.split(text.lower().replace("’", "'")):
        words = [_without_possessive(word) for word in _EN_WORD.findall(chunk)]
        for first in range(len(words)):
            for last in range(first, min(first + _MAX_EN_WORDS, len(words))):
                if _edge_word(words[first]) and _edge_word(words[last]):
                    run = words[first : last + 1]
                    grams.setdefault(tuple(_singular(w) for w in run), " ".join(run))
    return grams


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _edge_word(word: str) -> bool:
    """Whether a word may begin or end a rendering: a real word, not a stop word."""
    return len(word) > 1 and word[0].isalpha() and word not in _EN_STOP_WORDS


def _singular(word: str) -> str:
    """A crude singular, so that "agencies" and "agency" count as one n-gram."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# --- Extraction -------------------------------------------------------------------------------


def extract_terms(
    entries: Sequence[Entry],
    *,
    tokenizer: Tokenizer | None = None,
    known: Iterable[str] = (),
    min_frequency: int = 2,
    limit: int = 200,
) -> list[Candidate]:
    """Candidate terms of a document's entries, best first (see the module docstring)."""
    sentences = _sentences(entries)
    definitions = _definitions(sentences)
    if tokenizer is None:
        tokenizer = get_tokenizer()
    pool = _pool(sentences, tokenizer, definitions, min_frequency)
    scores = _c_values({key: tally.count for key, tally in pool.items()})
    excluded = {fold(term) for term in known}
    chosen = sorted(
        (
            _Chosen(key, _written(tally, definitions.get(key)), scores[key], key in definitions)
            for key, tally in pool.items()
            if key not in excluded and (key in definitions or _is_term(tally, scores[key]))
        ),
        key=lambda c: (not c.defined, -c.score, c.term),
    )
    # Every candidate competes for renderings, so the limit does not change them.
    renderings = _renderings(chosen, list(definitions), sentences, limit)
    return [
        _candidate(c, pool[c.key], definitions.get(c.key), found)
        for c, found in zip(chosen[:limit], renderings, strict=True)
    ]


def _pool(
    sentences: Sequence[_Sentence],
    tokenizer: Tokenizer,
    definitions: Mapping[str, _Definition],
    min_frequency: int,
) -> dict[str, _Tally]:
    """The frequent word runs and the defined terms, by folded form, with their occurrences."""
    tallies = _sequence_tallies(sentences, tokenizer)
    pool = {key: tally for key, tally in tallies.items() if tally.count >= min_frequency}
    for key in definitions:
        pool[key] = _defined_tally(key, sentences, _containing(key, definitions))
    return pool


@dataclass(frozen=True, slots=True)
class _Chosen:
    """A candidate kept for ranking, before its renderings are looked up."""

    key: str
    term: str
    score: float
    defined: bool


def _renderings(
    chosen: Sequence[_Chosen], defined: Sequence[str], sentences: Iterable[_Sentence], limit: int
) -> list[tuple[tuple[str, float], ...]]:
    """The renderings of the first `limit` candidates (see `_unclaimed`)."""
    renderer = _Renderer(sentences)
    tables = {c.key: renderer.dice(c.key, _containing(c.key, defined)) for c in chosen}
    rivals: dict[_Gram, list[tuple[float, str]]] = {}
    for key, table in tables.items():
        for gram, dice in table.items():
            rivals.setdefault(gram, []).append((dice, key))
    return [renderer.best(c.key, _unclaimed(c.key, tables[c.key], rivals)) for c in chosen[:limit]]


def _unclaimed(
    key: str, table: Mapping[_Gram, float], rivals: Mapping[_Gram, list[tuple[float, str]]]
) -> dict[_Gram, float]:
    """The n-grams no other candidate is more associated with: "academic research" renders
    学术研究, not a term it often comes with. A longer or shorter form of the same term
    (个人资料 and 个人资料档案) is no rival."""
    return {
        gram: dice
        for gram, dice in table.items()
        if not any(
            other > dice and rival not in key and key not in rival for other, rival in rivals[gram]
        )
    }


def _is_term(tally: _Tally, score: float) -> bool:
    """Whether a word run is frequent and free enough to propose: two articles at least, a
    positive C-value, not always beside the same word."""
    return len(tally.articles) >= 2 and score > 0 and not tally.nested


def _written(tally: _Tally, definition: _Definition | None) -> str:
    """A term as the definition writes it, else its most frequent written form."""
    return definition.term if definition else tally.forms.most_common(1)[0][0]


def _candidate(
    chosen: _Chosen,
    tally: _Tally,
    definition: _Definition | None,
    renderings: tuple[tuple[str, float], ...],
) -> Candidate:
    return Candidate(
        term=chosen.term,
        frequency=tally.count,
        articles=len(tally.articles),
        score=chosen.score,
        defined=chosen.defined,
        definition=definition.text if definition else "",
        renderings=renderings,
        addresses=_examples(tally, definition),
    )


def _examples(tally: _Tally, definition: _Definition | None) -> tuple[str, ...]:
    """Example addresses, the definition's first."""
    if definition is None:
        return tuple(tally.addresses)
    others = [address for address in tally.addresses if address != definition.address]
    return (definition.address, *others)[:_EXAMPLES]


# --- Review file ------------------------------------------------------------------------------


def candidates_tsv(
    candidates: Sequence[Candidate],
    *,
    document: str,
    source_lang: str = "zh-CN",
    target_lang: str = "en",
) -> str:
    """A glossary-format TSV of the candidates (header and rows) for a terminologist to review.

    Concepts are `cand-<document>-<rank>`; each has a preferred source row and one admitted
    target row per rendering. Rows follow the glossary's order: concept, language, term.
    """
    width = max(3, len(str(len(candidates))))
    rows: list[tuple[str, ...]] = [TSV_COLUMNS]
    for rank, candidate in enumerate(candidates, 1):
        concept = f"cand-{document}-{rank:0{width}d}"
        rows.append(_source_row(concept, source_lang, candidate, document))
        rows.extend(
            _target_row(concept, target_lang, rendering, dice)
            for rendering, dice in sorted(candidate.renderings)
        )
    return "".join("\t".join(_cell(value) for value in row) + "\n" for row in rows)


def _source_row(concept: str, lang: str, candidate: Candidate, document: str) -> tuple[str, ...]:
    """The preferred source-language row: definition, evidence, and the document as scope when
    the document defines the term for itself."""
    articles = "article" if candidate.articles == 1 else "articles"
    note = (
        f"frequency {candidate.frequency} in {candidate.articles} {articles}; "
        f"e.g. {', '.join(candidate.addresses)}"
    )
    return _row(
        concept=concept,
        lang=lang,
        term=candidate.term,
        status="preferred",
        scope=document if candidate.defined else "",
        definition=candidate.definition,
        note=note,
        source=f"extracted from {document}",
    )


def _target_row(concept: str, lang: str, rendering: str, dice: float) -> tuple[str, ...]:
    """An admitted rendering, with its Dice coefficient as the note."""
    return _row(
        concept=concept, lang=lang, term=rendering, status="admitted", note=f"Dice {dice:.2f}"
    )


def _row(**values: str) -> tuple[str, ...]:
    """A row of the glossary's columns: the given ones filled, the others empty."""
    return tuple(values.get(column, "") for column in TSV_COLUMNS)


def _cell(value: str) -> str:
    """A value on one line, without tabs (TSV has no quoting)."""
    return " ".join(value.split())
