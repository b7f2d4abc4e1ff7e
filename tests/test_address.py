"""Addresses: the grammar, the display form, and document order."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lextm.address import Address, DocumentOrder, parse_address
from lextm.model import Number

VALID = [
    "title",
    "note",
    "note.p2",
    "toc",
    "toc.p3",
    "pre",
    "pre.p2",
    "pre.p2.s1",
    "pt1",
    "pt1.ch2",
    "pt1.ch2.sec3",
    "ch2",
    "ch4-1",
    "ch2.sec1",
    "ch3.sec4.ssec1",
    "ch2.p1.s1",
    "art8",
    "art12-1",
    "art8.p1",
    "art8.p1.s1",
    "art8.p1.i3",
    "art8.p1.i3.s1",
    "art8.p1.i3.sub2",
    "art8.p1.i3.sub2.s4",
    "art8.p2.s1-2",
    "art1-1.p1.s1",
]


@pytest.mark.parametrize("text", VALID)
def test_valid_addresses_round_trip(text: str) -> None:
    """Every address of the grammar parses back to itself."""
    assert str(parse_address(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "art",
        "art0",
        "art08",
        "art8.p0",
        "art8.i1",
        "art8.s2-1",
        "art8.s1-1",
        "art8.p1.sub1",
        "ch2.pt1",
        "sec1.ch2",
        "pt1ch2",
        "Article 8",
        "title.p1",
        "note.s1",
        "art8.p1.s1.s2",
        "art8..p1",
        "art8.p1.",
    ],
)
def test_invalid_addresses_rejected(text: str) -> None:
    """Anything outside the grammar raises ValueError naming the text."""
    with pytest.raises(ValueError, match="not a lextm address"):
        parse_address(text)


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("art8", "Article 8"),
        ("art8.p1.i3", "Article 8(1)(3)"),
        ("art8.p1.i3.s1", "Article 8(1)(3), sentence 1"),
        ("art8.p2.s1-2", "Article 8(2), sentences 1–2"),
        ("art12-1.p1", "Article 12-1(1)"),
        ("ch2", "Chapter II"),
        ("pt1.ch2.sec1", "Part I, Chapter II, Section 1"),
        ("ch4-1", "Chapter IV-1"),
        ("pre.p2", "Preamble ¶2"),
        ("title", "Title"),
        ("note", "Note"),
    ],
)
def test_display_form(text: str, display: str) -> None:
    """The display form is how readers cite a provision."""
    assert parse_address(text).display() == display


def test_builders_agree_with_parser() -> None:
    """Addresses built in code equal the parsed ones."""
    built = Address.for_article(Number(8), 1, 3).with_sentence(1, 2)
    assert built == parse_address("art8.p1.i3.s1-2")
    assert built.provision == parse_address("art8.p1.i3")
    assert built.sentences == (1, 2)


def test_own_sentences_before_items() -> None:
    """A paragraph's own sentences sort before its items, items before the next paragraph."""
    ordered = [
        "art7",
        "art7.p1.s1",
        "art7.p1.s2",
        "art7.p1.i1.s1",
        "art7.p1.i1.sub1.s1",
        "art7.p1.i2.s1",
        "art7.p2.s1",
        "art7-1.p1.s1",
        "art8",
    ]
    shuffled = ordered[::-1]
    assert sorted(shuffled, key=lambda a: parse_address(a).key()) == ordered


@st.composite
def documents(draw: st.DrawFn) -> list[str]:
    """Addresses of a random law version, in document order."""
    out = ["title", "note"]
    if draw(st.booleans()):
        out += ["pre", *(f"pre.p{p}.s1" for p in range(1, draw(st.integers(1, 3)) + 1))]
    article = 0
    for chapter in range(1, draw(st.integers(0, 4)) + 1):
        out.append(f"ch{chapter}")
        sections = draw(st.integers(0, 3))
        for section in range(1, max(sections, 1) + 1):
            if sections:
                out.append(f"ch{chapter}.sec{section}")
            for _ in range(draw(st.integers(1, 4))):
                article += 1
                out += _article(draw, article)
    for _ in range(draw(st.integers(0 if article else 1, 3))):
        article += 1
        out += _article(draw, article)
    return out


def _article(draw: st.DrawFn, number: int) -> list[str]:
    inserted = draw(st.booleans()) and number > 1
    label = f"{number - 1}-1" if inserted else str(number)
    out = [f"art{label}"]
    for p in range(1, draw(st.integers(1, 3)) + 1):
        out += [f"art{label}.p{p}.s{s}" for s in range(1, draw(st.integers(0, 2)) + 1)]
        for i in range(1, draw(st.integers(0, 3)) + 1):
            out.append(f"art{label}.p{p}.i{i}.s1")
            out += [
                f"art{label}.p{p}.i{i}.sub{m}.s1" for m in range(1, draw(st.integers(0, 2)) + 1)
            ]
    return out


@given(documents(), st.randoms())
def test_document_order_property(addresses: list[str], rnd: random.Random) -> None:
    """Every address parses back to itself, and sorting shuffled addresses restores the document."""
    addresses = list(dict.fromkeys(addresses))
    assert [str(parse_address(a)) for a in addresses] == addresses
    order = DocumentOrder(addresses)
    shuffled = addresses[:]
    rnd.shuffle(shuffled)
    assert sorted(shuffled, key=order.key) == addresses
    plain = [a for a in addresses if not parse_address(a).is_heading]
    assert sorted(_shuffled(plain, rnd), key=lambda a: parse_address(a).key()) == plain


def _shuffled(addresses: list[str], rnd: random.Random) -> list[str]:
    """A shuffled copy."""
    copy = addresses[:]
    rnd.shuffle(copy)
    return copy
