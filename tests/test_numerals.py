"""Numerals: Han numerals, full-width digits, Roman numerals and English words, both ways."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import LAWS, needs_corpus
from lextm.numerals import (
    english_to_int,
    from_roman,
    han_to_int,
    int_to_english,
    int_to_han,
    parse_number,
    to_halfwidth_digits,
    to_roman,
)


@pytest.mark.parametrize("value", range(1, 1501))
def test_han_round_trip_1_to_1500(value: int) -> None:
    """Every value 1–1,500 written as a Han numeral reads back to itself."""
    assert han_to_int(int_to_han(value)) == value


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (115, "一百一十五"),
        (123, "一百二十三"),
        (200, "二百"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (1500, "一千五百"),
        (10010, "一万零一十"),
        (50000, "五万"),
    ],
)
def test_int_to_han_spelling(value: int, written: str) -> None:
    """Writing follows statute spelling: a leading 十, 零 for each gap, 一十 after 百."""
    assert int_to_han(value) == written


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("〇", 0),
        ("零", 0),
        ("一百〇五", 105),
        ("一百零五", 105),
        ("两千", 2000),
        ("兩百", 200),
        ("一十二", 12),
        ("十二", 12),
        ("二〇二一", 2021),
        ("二〇〇五", 2005),
        ("三万五千", 35000),
        ("一千零一十", 1010),
        ("贰拾", 20),
    ],
)
def test_han_to_int_variants(written: str, value: int) -> None:
    """Every spelling in use reads back: 〇/零, 两, a leading 十 or 一十, digit-by-digit years."""
    assert han_to_int(written) == value


@pytest.mark.parametrize("bad", ["", "十十", "百一千", "五五十", "abc", "第一"])
def test_han_to_int_rejects(bad: str) -> None:
    """Malformed numerals raise ValueError instead of guessing."""
    with pytest.raises(ValueError):
        han_to_int(bad)


@pytest.mark.parametrize(
    ("written", "value"),
    [("12", 12), ("１２", 12), ("十二", 12), (" 3 ", 3), ("１０１", 101)],
)
def test_parse_number(written: str, value: int) -> None:
    """ASCII, full-width and Han numbers all parse."""
    assert parse_number(written) == value


def test_halfwidth_digits() -> None:
    """Only full-width digits change."""
    assert to_halfwidth_digits("第１２条ＡＢ") == "第12条ＡＢ"


@given(st.integers(min_value=1, max_value=10**11))
def test_han_round_trip_large(value: int) -> None:
    """Large values round-trip too (amounts such as 五万元)."""
    assert han_to_int(int_to_han(value)) == value


@pytest.mark.parametrize("value", range(1, 4000))
def test_roman_round_trip(value: int) -> None:
    """Roman numerals for chapter headings, 1–3999, both ways."""
    assert from_roman(to_roman(value)) == value


@pytest.mark.parametrize("bad", ["", "IIII", "VX", "ABC", "IC"])
def test_roman_rejects(bad: str) -> None:
    """Malformed Roman numerals raise ValueError."""
    with pytest.raises(ValueError):
        from_roman(bad)


_ARTICLE_REF = re.compile(r"第([〇零一二两三四五六七八九十百千]+)条")


@needs_corpus
def test_corpus_article_numerals() -> None:
    """Every 第X条 numeral in the PRC corpus reads back and is written the same way."""
    seen = 0
    for law in LAWS:
        for written in _ARTICLE_REF.findall(law.zh.read_text(encoding="utf-8")):
            assert int_to_han(han_to_int(written)) == written
            seen += 1
    assert seen > 1000


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "zero"),
        (15, "fifteen"),
        (21, "twenty-one"),
        (105, "one hundred and five"),
        (1005, "one thousand and five"),
        (2_500_000, "two million five hundred thousand"),
    ],
)
def test_english_number_words(value: int, words: str) -> None:
    """Numbers are written in English words as statutes write them, and read back."""
    assert int_to_english(value) == words
    assert english_to_int(words) == value


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_english_words_round_trip(value: int) -> None:
    """Every number up to a trillion reads back from its English words."""
    assert english_to_int(int_to_english(value)) == value


def test_english_to_int_refuses_other_words() -> None:
    """A word that is no number word is refused, not skipped."""
    with pytest.raises(ValueError):
        english_to_int("thirty days")
