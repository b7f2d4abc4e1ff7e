"""The texts being compared: one law version as its articles, each a list of provision lines.

A version is read either from a parsed law (`VersionText.from_law`) or from its bilingual
document (`VersionText.from_document`, the PO file alone); both give the same lines for the same
text, so a version imported months ago compares with a new file without the old file at hand.
Article labels stay out of the article's text: the number is an anchor, not content.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..address import parse_address
from ..fold import fold
from ..model import DocumentFile, Entry, Kind, LawText

__all__ = [
    "ArticleText",
    "Line",
    "VersionText",
    "bigrams",
    "dice",
    "folded",
    "uses_words",
]

_SENTENCE = re.compile(r"\.s\d+(?:-\d+)?$")
_BODY_KINDS = frozenset({Kind.PARAGRAPH, Kind.ITEM, Kind.SUBITEM})


@dataclass(frozen=True, slots=True)
class Line:
    """One provision line of an article: a paragraph, an item or a sub-item, as written."""

    address: str  # art8.p1, art8.p1.i3, art8.p1.i3.sub2
    text: str

    @property
    def paragraph(self) -> int:
        """The paragraph this line belongs to (1-based)."""
        return parse_address(self.address).paragraph or 1


@dataclass(frozen=True)
class ArticleText:
    """One article of a version: its Arabic label, its place in the text and its lines."""

    label: str
    position: int
    lines: tuple[Line, ...]

    @cached_property
    def text(self) -> str:
        """The article's text without its label, one line per provision."""
        return "\n".join(line.text for line in self.lines)

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of each paragraph (its items included), in order."""
        groups: dict[int, list[str]] = {}
        for line in self.lines:
            groups.setdefault(line.paragraph, []).append(line.text)
        return tuple("\n".join(texts) for _, texts in sorted(groups.items()))


@dataclass(frozen=True, slots=True)
class VersionText:
    """A law version reduced to what version mapping compares: its articles in order."""

    lang: str
    articles: tuple[ArticleText, ...]
    name: str = ""  # the version label or file name, for messages
    date: str = ""

    @classmethod
    def from_law(cls, law: LawText, *, name: str = "", date: str = "") -> VersionText:
        """The articles of a parsed law."""
        articles = []
        for position, article in enumerate(law.articles()):
            assert article.number is not None
            lines = tuple(
                Line(node.address, node.text)
                for node in article.walk()
                if node.kind in _BODY_KINDS and node.text
            )
            articles.append(ArticleText(article.number.label, position, lines))
        return cls(law.lang, tuple(articles), name, date)

    @classmethod
    def from_document(cls, doc: DocumentFile, *, date: str = "") -> VersionText:
        """The articles of a bilingual document, read from its source side."""
        return cls.from_entries(doc.entries, doc.source_lang, name=doc.version, date=date)

    @classmethod
    def from_entries(
        cls, entries: Sequence[Entry], lang: str, *, name: str = "", date: str = ""
    ) -> VersionText:
        """The articles of a sequence of entries (label entries and body entries in order)."""
        glue = "" if lang.lower().startswith("zh") else " "
        order: list[str] = []
        lines: dict[str, list[tuple[str, list[str]]]] = {}
        for entry in entries:
            label, provision = _article_of(entry.address)
            if label is None:
                continue
            if label not in lines:
                order.append(label)
                lines[label] = []
            if provision is None:
                continue
            rows = lines[label]
            if rows and rows[-1][0] == provision:
                rows[-1][1].append(entry.source)
            else:
                rows.append((provision, [entry.source]))
        articles = tuple(
            ArticleText(label, position, tuple(Line(a, glue.join(t)) for a, t in lines[label]))
            for position, label in enumerate(order)
        )
        return cls(lang.split("-")[0].lower(), articles, name, date)

    def article(self, label: str) -> ArticleText | None:
        """The article with this label, if the version has it."""
        return next((a for a in self.articles if a.label == label), None)

    @property
    def labels(self) -> tuple[str, ...]:
        """The article labels in document order."""
        return tuple(a.label for a in self.articles)


def _article_of(address: str) -> tuple[str | None, str | None]:
    """(article label, provision address) of an entry; provision None for the label entry."""
    try:
        parsed = parse_address(address)
    except ValueError:
        return None, None
    if parsed.article is None:
        return None, None
    if parsed.paragraph is None:
        return parsed.article.label, None
    return parsed.article.label, _SENTENCE.sub("", address)


def uses_words(lang: str) -> bool:
    """Whether texts in `lang` are compared on words: every language but Chinese and Japanese,
    whose characters carry the meaning a word does elsewhere."""
    return not lang.lower().startswith(("zh", "ja"))


def folded(text: str, *, words: bool = False) -> str:
    """The comparison form: folded for width, script and case, letters and digits only; with
    `words`, the words stay apart, one space between them."""
    text = fold(text)
    if words:
        return " ".join(_WORD.findall(text))
    return "".join(ch for ch in text if ch.isalnum())


def bigrams(text: str, *, words: bool = False) -> frozenset[str]:
    """What two folded texts are compared on: their character bigrams (a one-character text is
    its own bigram); with `words`, their words and pairs of adjacent words, since letter pairs
    are so few that any two long English texts share most of them."""
    if words:
        tokens = text.split()
        return frozenset(tokens) | frozenset(map(" ".join, itertools.pairwise(tokens)))
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


_WORD = re.compile(r"[^\W_]+")


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice's coefficient of two bigram sets: 1.0 for the same set, 0.0 for nothing shared."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))
