"""Sentences and words: rule-based sentence splitting for both languages, jieba for Chinese words.

`split_sentences` cuts one cleaned statute line into sentences without losing a character, so the
pieces always join back to the line. `Tokenizer` is the only door to jieba in lextm: it imports
jieba on first use, keeps it quiet, puts its cache where lextm keeps caches, and cuts with the HMM
off so the same text always gives the same words.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate
from pathlib import Path
from typing import Any

from lextm.errors import UsageError
from lextm.numerals import HAN_NUMERAL_CHARS

__all__ = ["Tokenizer", "get_tokenizer", "split_sentences"]

# --- Sentences --------------------------------------------------------------------------------

_ZH_PAIRS: Mapping[str, str] = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
    "（": "）",
    "(": ")",
    "【": "】",
    "[": "]",
}
# ASCII quotes open and close alike and ’ doubles as an apostrophe, so English tracks none of them.
_EN_PAIRS: Mapping[str, str] = {"(": ")", "[": "]", "“": "”"}

_ZH_CLOSERS = "”’」』）》〉】)]\"'"
_ZH_FULL_STOPS = frozenset("。！？")
_ZH_NOT_AFTER_ELLIPSIS = frozenset("，、；：。！？,;:.!?…⋯") | frozenset(_ZH_CLOSERS)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")

_ZH_SENTENCE_END = re.compile(
    rf"(?P<run>[。！？!?]+|…{{2,}}|⋯{{2,}})[{re.escape(_ZH_CLOSERS)}]*[ \t\u3000]*"
)
_ZH_CLAUSE_END = re.compile(r"[；：;][ \t\u3000]*")
_ZH_ENUMERATOR = re.compile(
    rf"[（(](?:[{HAN_NUMERAL_CHARS}]+|[0-9０-９]+)[）)]"
    rf"|[{HAN_NUMERAL_CHARS}]+、"
    r"|[0-9０-９]+[.．、](?![0-9０-９])"
)

_EN_OPENERS = "\"'“‘(["
_EN_SENTENCE_END = re.compile(r"(?P<run>[.?!]+)[\"'”’)\]]*(?= \S)")
_EN_CLAUSE_END = re.compile(r"[;:](?= \S)")
_EN_ENUMERATOR = re.compile(r"\((?:\d{1,3}|[A-Za-z]|[ivxlc]{1,6})\)|\d{1,3}[.)](?!\d)")

_ABBREVIATIONS = frozenset(
    {
        "Art.", "Arts.", "No.", "Nos.", "para.", "paras.", "Para.", "Paras.", "subpara.",
        "subparas.", "Subpara.", "Sec.", "Secs.", "Ch.", "Chap.", "Vol.", "p.", "pp.", "e.g.",
        "i.e.", "cf.", "Cf.", "v.", "vs.", "Mr.", "Mrs.", "Ms.", "Dr.", "Co.", "Ltd.", "Inc.",
        "Corp.", "Jr.", "St.",
    }
)  # fmt: skip
# "etc." may well end a sentence; it only hides a boundary when a number follows.
_ABBREVIATIONS_BEFORE_NUMBER = frozenset({"etc."})
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # A. U.S. P.R.C. R.O.C.
_LABEL = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6}|[IVXLC]{1,6})\.")
_ROMAN = re.compile(r"[IVXLC]+\.")
_DIVISION_WORDS = frozenset({"Part", "Chapter", "Section", "Subsection", "Title", "Book"})


def split_sentences(text: str, lang: str, *, split_semicolons: bool = False) -> list[str]:
    """Cut one statute line into sentences; zh pieces join with "", en pieces with " "."""
    if _language(lang) == "zh":
        cuts = _zh_cuts(text, split_semicolons)
        return _cut(text, _outside_brackets(text, cuts, _ZH_PAIRS), gap=0)
    cuts = _en_cuts(text, split_semicolons)
    return _cut(text, _outside_brackets(text, cuts, _EN_PAIRS), gap=1)


def _language(lang: str) -> str:
    """The language, zh or en, of a tag such as zh-CN, zh_TW or en-US."""
    code = lang.strip().lower().replace("_", "-")
    for known in ("zh", "en"):
        if code == known or code.startswith(known + "-"):
            return known
    raise UsageError(
        f"Cannot split sentences in language {lang!r}.",
        hint="Use a Chinese (zh, zh-CN, zh-TW) or English (en, en-US) language tag.",
    )


def _cut(text: str, cuts: Iterable[int], *, gap: int) -> list[str]:
    """Pieces of `text` between the cut positions, dropping `gap` characters after each cut."""
    pieces: list[str] = []
    start = 0
    for end in sorted(set(cuts)):
        if start < end < len(text):
            pieces.append(text[start:end])
            start = end + gap
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _outside_brackets(text: str, cuts: Iterable[int], pairs: Mapping[str, str]) -> list[int]:
    """The cuts that fall outside every matched pair of brackets or quotes."""
    depth = _nesting_depths(text, pairs)
    return [cut for cut in cuts if depth[cut] == 0]


def _nesting_depths(text: str, pairs: Mapping[str, str]) -> list[int]:
    """Bracket depth at each gap of `text` (index i is the gap before text[i]).

    Only matched pairs count: a stray opener left by extraction must not silence every later
    boundary of the line.
    """
    openers = {close: open_ for open_, close in pairs.items()}
    stack: list[tuple[str, int]] = []
    delta = [0] * (len(text) + 2)
    for index, char in enumerate(text):
        if char in pairs:
            stack.append((char, index))
        elif char in openers:
            opened = _pop_opener(stack, openers[char])
            if opened is not None:
                delta[opened + 1] += 1
                delta[index + 1] -= 1
    return list(accumulate(delta))[: len(text) + 1]


def _pop_opener(stack: list[tuple[str, int]], opener: str) -> int | None:
    """Pop up to the innermost `opener` and return its index, or None if it is not open."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == opener:
            index = stack[depth][1]
            del stack[depth:]
            return index
    return None


def _zh_cuts(text: str, split_semicolons: bool) -> Iterator[int]:
    """Candidate boundaries in Chinese text, before the bracket check."""
    for match in _ZH_SENTENCE_END.finditer(text):
        if _zh_ends_sentence(match["run"], text[match.end() : match.end() + 1]):
            yield match.end()
    for match in _ZH_CLAUSE_END.finditer(text):
        if split_semicolons or _ZH_ENUMERATOR.match(text, match.end()):
            yield match.end()


def _zh_ends_sentence(run: str, following: str) -> bool:
    """Whether a run of terminators, followed by the character `following`, ends a sentence."""
    if _ZH_FULL_STOPS.intersection(run):
        return True
    if run[0] in "…⋯":
        return following != "" and following not in _ZH_NOT_AFTER_ELLIPSIS
    return _HAN.match(following) is not None  # ASCII ! and ? end a sentence only before Han text


def _en_cuts(text: str, split_semicolons: bool) -> Iterator[int]:
    """Candidate boundaries in English text, each at the space to drop, before the bracket check."""
    for match in _EN_SENTENCE_END.finditer(text):
        if _en_ends_sentence(text, match.start(), match["run"], text[match.end() + 1]):
            yield match.end()
    for match in _EN_CLAUSE_END.finditer(text):
        if split_semicolons or _EN_ENUMERATOR.match(text, match.end() + 1):
            yield match.end()


def _en_ends_sentence(text: str, dot: int, run: str, following: str) -> bool:
    """Whether the terminator run at `dot`, with `following` after the space, ends a sentence."""
    if not (following.isupper() or following.isdigit() or following in _EN_OPENERS):
        return False
    return run != "." or not _is_abbreviation(text, dot, following)


def _is_abbreviation(text: str, dot: int, following: str) -> bool:
    """Whether the period at `dot` closes an abbreviation, initials or a label, not a sentence."""
    word_start = text.rfind(" ", 0, dot) + 1
    word = text[word_start : dot + 1].lstrip(_EN_OPENERS)
    if word in _ABBREVIATIONS or _INITIALS.fullmatch(word):
        return True
    if word in _ABBREVIATIONS_BEFORE_NUMBER:
        return following.isdigit()
    if _LABEL.fullmatch(word) and _starts_item(text, word_start):
        return True
    return bool(_ROMAN.fullmatch(word)) and _word_before(text, word_start) in _DIVISION_WORDS


def _starts_item(text: str, index: int) -> bool:
    """Whether `index` is where an item label can stand: the start of text or after "; " / ": "."""
    return index == 0 or (index >= 2 and text[index - 2 : index] in ("; ", ": "))


def _word_before(text: str, word_start: int) -> str:
    """The space-delimited word before the one starting at `word_start` ("" if none)."""
    if word_start < 2:
        return ""
    return text[text.rfind(" ", 0, word_start - 1) + 1 : word_start - 1]


# --- Words --------------------------------------------------------------------------------------

# Far above any ordinary dictionary word (jieba's total is about 60 million), so a glossary term
# wins over the dictionary's own cut of the same characters in any context.
_USER_WORD_FREQ = 100_000
_SHARED: dict[Path | None, Tokenizer] = {}
_SHARED_LOCK = threading.Lock()


class Tokenizer:
    """Chinese word segmentation with jieba's dictionary, HMM off, loaded on the first cut."""

    def __init__(self, *, cache_dir: Path | None = None, user_words: Iterable[str] = ()) -> None:
        self._cache_dir = cache_dir
        self._user_words: dict[str, None] = {}  # ordered, so every run adds them alike
        self._engine: Any = None
        self._lock = threading.Lock()
        self.add_words(user_words)

    def cut(self, text: str) -> list[str]:
        """Words of `text` in order; they join back to exactly `text`."""
        if not text:
            return []
        words: list[str] = list(self._loaded().cut(text, HMM=False))
        return words

    def add_words(self, words: Iterable[str]) -> None:
        """Add words (glossary terms) that must come out of `cut` whole."""
        with self._lock:
            new = [word for word in dict.fromkeys(words) if word and word not in self._user_words]
            self._user_words.update(dict.fromkeys(new))
            if self._engine is not None:
                _add_user_words(self._engine, new)

    def _loaded(self) -> Any:
        """The jieba tokenizer, built (or read from the cache) on the first call."""
        with self._lock:
            if self._engine is None:
                engine = _load_engine(self._cache_dir)
                _add_user_words(engine, self._user_words)
                self._engine = engine
            return self._engine


def get_tokenizer(cache_dir: Path | None = None) -> Tokenizer:
    """The tokenizer shared by everything that uses the same cache directory."""
    key = None if cache_dir is None else Path(cache_dir).resolve()
    with _SHARED_LOCK:
        tokenizer = _SHARED.get(key)
        if tokenizer is None:
            tokenizer = _SHARED[key] = Tokenizer(cache_dir=key)
        return tokenizer


def _load_engine(cache_dir: Path | None) -> Any:
    """A private, initialised jieba tokenizer whose cache lives in a lextm cache directory."""
    with warnings.catch_warnings():
        # jieba 0.42 imports pkg_resources and has invalid escapes: noise, not user news.
        warnings.simplefilter("ignore")
        import jieba
    _silence(jieba)
    engine = jieba.Tokenizer()
    engine.tmp_dir = str(_writable_cache_dir(cache_dir))
    # The default dictionary's cache is never checked for staleness: name it after the version.
    engine.cache_file = f"jieba-{jieba.__version__}.cache"
    engine.initialize()
    return engine


def _add_user_words(engine: Any, words: Iterable[str]) -> None:
    """Give each word a frequency high enough that jieba keeps it whole wherever it occurs."""
    for word in words:
        engine.add_word(word, freq=max(_USER_WORD_FREQ, engine.FREQ.get(word, 0)))


def _silence(jieba: Any) -> None:
    """Stop jieba's own stderr handler; real errors still reach handlers the application set up."""
    logger = logging.getLogger("jieba")
    logger.setLevel(logging.ERROR)
    console = getattr(jieba, "log_console", None)
    if console is not None:
        logger.removeHandler(console)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def _writable_cache_dir(preferred: Path | None) -> Path:
    """`preferred` or the per-user cache directory, else a temporary one, created if missing."""
    temporary = Path(tempfile.gettempdir())
    first = preferred if preferred is not None else _user_cache_dir()
    for candidate in (first, temporary / "lextm"):
        if candidate is not None and _is_writable_dir(candidate):
            return candidate
    return temporary


def _user_cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/lextm or ~/.cache/lextm; None when there is no home directory."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "lextm"
    try:
        return Path.home() / ".cache" / "lextm"
    except RuntimeError:
        return None


def _is_writable_dir(path: Path) -> bool:
    """Create `path` if needed and tell whether files can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK)
