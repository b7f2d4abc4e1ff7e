"""Addresses: stable, human-readable names of provisions and segments inside one law version.

The grammar (docs/data-contract.md has the full table)::

    address   = "title" | note | toc | preamble | heading | article
    note      = "note" [ ".p" INT ]
    toc       = "toc" [ ".p" INT ]
    preamble  = "pre" [ ".p" INT [ ".s" RANGE ] ]
    heading   = level { "." level } [ ".p" INT [ ".s" RANGE ] ]
                                            levels strictly downward: pt, ch, sec, ssec; a
                                            paragraph here is text between a heading and its
                                            first article
    level     = ( "pt" | "ch" | "sec" | "ssec" ) NUM
    article   = "art" NUM [ ".p" INT [ ".i" INT [ ".sub" INT ] ] ] [ ".s" RANGE ]
    NUM       = INT [ "-" INT ]             an inserted provision: art12-1 is 第十二条之一
    RANGE     = INT [ "-" INT ]             joined sentences: s1-2
    INT       = a positive integer without leading zeros

Articles are numbered through the whole law, so an article address never names its chapter;
headings interleave with articles, so ordering them needs the version's outline
(`DocumentOrder`). Everything else orders by the address alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import total_ordering

from .model import Number
from .numerals import to_roman

__all__ = ["Address", "DocumentOrder", "parse_address"]

_HEADING_TAGS = ("pt", "ch", "sec", "ssec")
_HEADING_NAMES = {"pt": "Part", "ch": "Chapter", "sec": "Section", "ssec": "Subsection"}
_INT = r"[1-9][0-9]*"
_NUM = rf"{_INT}(?:-{_INT})?"
_HEADING_RE = re.compile(
    rf"^(?:pt(?P<pt>{_NUM}))?(?:\.?ch(?P<ch>{_NUM}))?"
    rf"(?:\.?sec(?P<sec>{_NUM}))?(?:\.?ssec(?P<ssec>{_NUM}))?$"
)
_ARTICLE_RE = re.compile(
    rf"^art(?P<art>{_NUM})(?:\.p(?P<p>{_INT})(?:\.i(?P<i>{_INT})(?:\.sub(?P<sub>{_INT}))?)?)?"
    rf"(?:\.s(?P<s>{_NUM}))?$"
)
_HEADING_TAIL_RE = re.compile(rf"\.p(?P<p>{_INT})(?:\.s(?P<s>{_NUM}))?$")
_PRE_RE = re.compile(rf"^pre(?:\.p(?P<p>{_INT})(?:\.s(?P<s>{_NUM}))?)?$")
_NOTE_RE = re.compile(rf"^(?P<region>note|toc)(?:\.p(?P<p>{_INT}))?$")

_REGION = {"title": 0, "note": 1, "toc": 2, "pre": 3, "body": 4}


def _num(text: str | None) -> Number | None:
    return None if text is None else Number.parse(text)


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


@total_ordering
@dataclass(frozen=True, slots=True)
class Address:
    """A parsed address. Build with `parse_address` or the `article`/`heading` helpers."""

    region: str  # title, note, toc, pre, body
    headings: tuple[tuple[str, Number], ...] = ()
    article: Number | None = None
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    sentence: Number | None = None  # Number(1, 2) is the joined range s1-2

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def for_article(
        cls,
        article: Number,
        paragraph: int | None = None,
        item: int | None = None,
        subitem: int | None = None,
        sentence: int | None = None,
        sentence_end: int | None = None,
    ) -> Address:
        """The address of an article or of a paragraph, item, sub-item or sentence in it."""
        return cls("body", (), article, paragraph, item, subitem, _sentence(sentence, sentence_end))

    def with_sentence(self, first: int, last: int | None = None) -> Address:
        """This provision's sentence `first` (or the joined run `first`–`last`)."""
        return Address(
            self.region,
            self.headings,
            self.article,
            self.paragraph,
            self.item,
            self.subitem,
            _sentence(first, last),
        )

    @property
    def provision(self) -> Address:
        """The provision this address lies in (itself when it is not a sentence)."""
        if self.sentence is None:
            return self
        return Address(
            self.region, self.headings, self.article, self.paragraph, self.item, self.subitem
        )

    # -- reading --------------------------------------------------------------------------

    @property
    def outline_heading(self) -> Address:
        """For an address inside a heading, the heading itself."""
        return Address(self.region, self.headings) if self.headings else self

    @property
    def is_heading(self) -> bool:
        """Whether this names a part, chapter, section or subsection heading."""
        return bool(self.headings)

    @property
    def sentences(self) -> tuple[int, int] | None:
        """First and last sentence number, or None for a provision address."""
        if self.sentence is None:
            return None
        first = self.sentence.value
        return first, self.sentence.insert or first

    def __str__(self) -> str:
        if self.region == "title":
            return "title"
        if self.region in ("note", "toc"):
            return self.region if self.paragraph is None else f"{self.region}.p{self.paragraph}"
        parts: list[str] = []
        if self.region == "pre":
            parts.append("pre")
        parts.extend(f"{tag}{number.label}" for tag, number in self.headings)
        if self.article is not None:
            parts.append(f"art{self.article.label}")
        for tag, value in (("p", self.paragraph), ("i", self.item), ("sub", self.subitem)):
            if value is not None:
                parts.append(f"{tag}{value}")
        if self.sentence is not None:
            parts.append(f"s{self.sentence.label}")
        return ".".join(parts)

    def display(self) -> str:
        """The form readers cite: "Article 8(1)(3)", "Chapter II, Section 1", "Preamble ¶2"."""
        if self.region == "title":
            return "Title"
        if self.region in ("note", "toc"):
            name = "Note" if self.region == "note" else "Contents"
            return name if self.paragraph is None else f"{name} ¶{self.paragraph}"
        if self.headings:
            return ", ".join(
                f"{_HEADING_NAMES[tag]} {_heading_number(tag, number)}"
                for tag, number in self.headings
            )
        if self.region == "pre":
            text = "Preamble" if self.paragraph is None else f"Preamble ¶{self.paragraph}"
        else:
            assert self.article is not None
            text = f"Article {self.article.label}" + "".join(
                f"({value})" for value in (self.paragraph, self.item, self.subitem) if value
            )
        if self.sentences is not None:
            first, last = self.sentences
            text += f", sentence {first}" if first == last else f", sentences {first}–{last}"
        return text

    def key(self) -> tuple[object, ...]:
        """Sort key in document order; headings need `DocumentOrder.key` instead."""
        if self.headings:
            raise ValueError(f"heading {self} sorts only within its document's outline")
        return self._local_key()

    def _local_key(self) -> tuple[object, ...]:
        sentence = self.sentences or (0, 0)
        tail = (
            (self.paragraph or 0, 1 if self.item else 0),
            (self.item or 0, 1 if self.subitem else 0),
            (self.subitem or 0, 0),
        )
        # A provision's own sentences come before its children: p1.s1 < p1.i1.s1.
        if self.subitem is None and self.item is not None:
            tail = (tail[0], (self.item, 0), (0, 0))
        if self.item is None and self.paragraph is not None:
            tail = ((self.paragraph, 0), (0, 0), (0, 0))
        article = self.article or Number(0)
        return (_REGION[self.region], (article.value, article.insert), *tail, sentence)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Address):
            return NotImplemented
        return self.key() < other.key()


def _sentence(first: int | None, last: int | None) -> Number | None:
    if first is None:
        return None
    return Number(first, last if last is not None and last != first else 0)


def _heading_number(tag: str, number: Number) -> str:
    base = to_roman(number.value) if tag in ("pt", "ch") else str(number.value)
    return base if not number.insert else f"{base}-{number.insert}"


def parse_address(text: str) -> Address:
    """Parse an address string; raises ValueError naming the text when it does not fit."""
    if text == "title":
        return Address("title")
    for parser in (_parse_note, _parse_pre, _parse_article, _parse_heading):
        address = parser(text)
        if address is not None:
            return address
    raise ValueError(f"not a lextm address: {text!r}")


def _parse_note(text: str) -> Address | None:
    match = _NOTE_RE.match(text)
    return Address(match["region"], paragraph=_int(match["p"])) if match else None


def _parse_pre(text: str) -> Address | None:
    match = _PRE_RE.match(text)
    if not match:
        return None
    return Address("pre", paragraph=_int(match["p"]), sentence=_num(match["s"]))


def _parse_article(text: str) -> Address | None:
    match = _ARTICLE_RE.match(text)
    if not match:
        return None
    sentence = _num(match["s"])
    if sentence is not None and sentence.insert and sentence.insert <= sentence.value:
        return None  # s2-1 and s1-1 are not ranges
    return Address(
        "body",
        (),
        _num(match["art"]),
        _int(match["p"]),
        _int(match["i"]),
        _int(match["sub"]),
        sentence,
    )


def _parse_heading(text: str) -> Address | None:
    match = _HEADING_TAIL_RE.search(text)
    paragraph = sentence = None
    if match:
        paragraph, sentence = _int(match["p"]), _num(match["s"])
        text = text[: match.start()]
    if not text or text.startswith(".") or ("." in text and not _dotted_levels(text)):
        return None
    match = _HEADING_RE.match(text)
    if not match or not any(match.groupdict().values()):
        return None
    headings = tuple(
        (tag, Number.parse(match[tag])) for tag in _HEADING_TAGS if match[tag] is not None
    )
    address = Address("body", headings, paragraph=paragraph, sentence=sentence)
    return address if str(address.outline_heading) == text else None


def _dotted_levels(text: str) -> bool:
    return all(re.match(r"^(pt|ch|sec|ssec)\d", part) for part in text.split("."))


class DocumentOrder:
    """Document order over all addresses of one version, headings included.

    A heading sorts just before the first article after it (or at the end of the body if no
    article follows); nested headings sort outermost first.
    """

    def __init__(self, addresses: Iterable[str | Address]) -> None:
        self._heading_anchor: dict[Address, tuple[object, ...]] = {}
        pending: list[Address] = []
        for item in addresses:
            address = parse_address(item) if isinstance(item, str) else item
            if address.is_heading:
                if address.outline_heading not in pending:
                    pending.append(address.outline_heading)
            elif address.region == "body" and pending:
                for depth, heading in enumerate(pending):
                    self._heading_anchor[heading] = (*address.provision._local_key()[:2], depth)
                pending = []
        end = (_REGION["body"], (1 << 60, 0))
        for depth, heading in enumerate(pending):
            self._heading_anchor[heading] = (*end, depth)

    def key(self, address: str | Address) -> tuple[object, ...]:
        """Sort key placing headings among articles as the outline has them."""
        parsed = parse_address(address) if isinstance(address, str) else address
        if parsed.is_heading:
            anchor = self._heading_anchor.get(parsed.outline_heading)
            if anchor is None:
                raise ValueError(f"heading {parsed} is not in this document")
            region, article, depth = anchor
            sentence = parsed.sentences or (0, 0)
            return (region, article, (-1, depth), (parsed.paragraph or 0, 0), sentence)
        local = parsed._local_key()
        return (local[0], local[1], (0, 0), *local[2:])
