"""Numbers as statutes write them: Han numerals, full-width digits, Roman numerals and English
number words.

Han numerals are parsed by place value, so every spelling in use reads back (一百零五, 一百〇五,
百五 is *not* accepted because statutes never write it, 两千, 十二, 一十二). Writing produces the
spelling of PRC and Taiwan statutes: a leading 十 without 一, 零 for each run of empty places.
"""

from __future__ import annotations

import re

__all__ = [
    "ENGLISH_NUMBER",
    "HAN_DIGITS",
    "HAN_NUMERAL_CHARS",
    "SCALE_WORDS",
    "SMALL_WORDS",
    "english_to_int",
    "from_roman",
    "han_to_int",
    "int_to_english",
    "int_to_han",
    "parse_number",
    "to_halfwidth_digits",
    "to_roman",
]

HAN_DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MYRIADS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
HAN_NUMERAL_CHARS = "".join([*HAN_DIGITS, *_UNITS, *_MYRIADS])

_WRITE_DIGITS = "零一二三四五六七八九"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGIT_RUN = re.compile(r"^[0-9０-９]+$")


def to_halfwidth_digits(text: str) -> str:
    """Replace full-width digits ０–９ by ASCII digits, leaving everything else alone."""
    return text.translate(_FULLWIDTH)


def _small_han_to_int(text: str, whole: str) -> int:
    """Parse a group below 10,000 (千百十 places); `whole` is the full numeral for messages."""
    if text and all(ch in HAN_DIGITS for ch in text) and len(text) > 1:
        # Digit-by-digit spelling, as in years: 二〇二一.
        return int("".join(str(HAN_DIGITS[ch]) for ch in text))
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in HAN_DIGITS:
            if pending is not None and HAN_DIGITS[ch] != 0 and pending != 0:
                raise ValueError(f"not a Han numeral: {whole!r}")
            pending = HAN_DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"not a Han numeral: {whole!r}")
            total += (1 if pending is None else pending) * unit
            pending = None
            last_unit = unit
        else:
            raise ValueError(f"not a Han numeral: {whole!r}")
    if pending is not None:
        total += pending
    return total


def han_to_int(text: str) -> int:
    """Value of a Han numeral such as 一百二十三, 十二, 两千, 二〇二一 or 三万五千."""
    whole = text
    if not text:
        raise ValueError("empty numeral")
    total = 0
    rest = text
    for mark, value in sorted(_MYRIADS.items(), key=lambda kv: -kv[1]):
        if mark in rest:
            head, rest = rest.split(mark, 1)
            total += (_small_han_to_int(head, whole) if head else 1) * value
    return total + (_small_han_to_int(rest, whole) if rest else 0)


def _small_int_to_han(value: int, *, leading_ten: bool) -> str:
    """Han spelling of 0 < value < 10,000."""
    parts: list[str] = []
    zero_pending = False
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if unit == 10 and digit == 1 and not parts and leading_ten:
            parts.append("十")
        else:
            parts.append(_WRITE_DIGITS[digit] + mark)
    return "".join(parts)


def int_to_han(value: int) -> str:
    """Han numeral for a non-negative integer below 10^12, as statutes write article numbers."""
    if value < 0 or value >= 10**12:
        raise ValueError(f"out of range for a Han numeral: {value}")
    if value == 0:
        return "零"
    groups = [(value // 100_000_000, "亿"), (value // 10_000 % 10_000, "万"), (value % 10_000, "")]
    parts: list[str] = []
    for index, (group, mark) in enumerate(groups):
        if group == 0:
            continue
        if parts and group < 1000:
            parts.append("零")
        first = not parts
        parts.append(_small_int_to_han(group, leading_ten=first) + mark)
        del index
    return "".join(parts)


def parse_number(text: str) -> int:
    """Value of a number written in ASCII, full-width digits or Han numerals."""
    stripped = text.strip()
    if _DIGIT_RUN.match(stripped):
        return int(to_halfwidth_digits(stripped))
    return han_to_int(stripped)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def to_roman(value: int) -> str:
    """Upper-case Roman numeral for 1–3999."""
    if not 0 < value < 4000:
        raise ValueError(f"out of range for a Roman numeral: {value}")
    out = []
    for amount, mark in _ROMAN:
        count, value = divmod(value, amount)
        out.append(mark * count)
    return "".join(out)


def from_roman(text: str) -> int:
    """Value of a Roman numeral (either case); raises ValueError for malformed ones."""
    upper = text.upper()
    if not upper or not _ROMAN_RE.match(upper):
        raise ValueError(f"not a Roman numeral: {text!r}")
    value = 0
    rest = upper
    for amount, mark in _ROMAN:
        while rest.startswith(mark):
            value += amount
            rest = rest[len(mark) :]
    return value


# --- English number words ------------------------------------------------------------------------

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
SMALL_WORDS: dict[str, int] = {
    word: value for value, word in enumerate(f"{_ONES} {_TEENS}".split())
}
SMALL_WORDS |= {word: 10 * (index + 2) for index, word in enumerate(_TENS.split())}
SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_WORD = "|".join(sorted([*SMALL_WORDS, "hundred", *SCALE_WORDS], key=len, reverse=True))
_AFTER_SCALE = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
# A run of number words: "thirty", "twenty-five", "seven hundred and fifty" (case as written).
ENGLISH_NUMBER = rf"\b(?:{_WORD})(?:(?:\s+|-)(?:{_WORD})|{_AFTER_SCALE}\s+and\s+(?:{_WORD}))*\b"
_BY_VALUE = {value: word for word, value in SMALL_WORDS.items()}


def english_to_int(text: str) -> int:
    """Value of English number words ("twenty-five", "one hundred and fifty thousand")."""
    total = current = 0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in SMALL_WORDS:
            current += SMALL_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total, current = total + (current or 1) * SCALE_WORDS[word], 0
        elif word != "and":
            raise ValueError(f"not an English number: {text!r}")
    return total + current


def int_to_english(value: int) -> str:
    """English words for 0 to 999,999,999,999, as statutes write them ("one hundred and
    fifty", "twenty-five")."""
    if not 0 <= value < 10**12:
        raise ValueError(f"out of range for English number words: {value}")
    if value == 0:
        return "zero"
    parts: list[str] = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        group, value = divmod(value, scale)
        if group:
            parts.append(f"{_below_thousand(group, and_=bool(parts))} {name}".strip())
    return " ".join(parts)


def _below_thousand(value: int, *, and_: bool) -> str:
    hundreds, rest = divmod(value, 100)
    words = [f"{_BY_VALUE[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, ones = divmod(rest, 10)
        small = (
            _BY_VALUE[rest]
            if rest < 20
            else _BY_VALUE[tens * 10] + (f"-{_BY_VALUE[ones]}" if ones else "")
        )
        words.append(f"and {small}" if hundreds or and_ else small)
    return " ".join(words)
