"""Quantities and bounds in statute text, compared by value across Chinese and English.

`find_quantities` reads one segment and returns every number worth comparing with a translation,
each with its kind, value, normalised unit and span; `compare_quantities` matches those of a
source and a target as multisets. `find_bounds` and `compare_bounds` do the same for the bound
phrases around them (以上, 不满, "not less than", "under"…).

What counts as a quantity
- Chinese: Arabic and full-width digits (thousands separators, decimals, 5万, 1.5亿) always; a Han
  numeral only before a counter or unit (三人, 三十日, 六个月, 五万元, 一倍, 两次), inside
  百分之/千分之/分之, or in a date. So the 一 of 统一, 一般, 一律, 之一, 第一 never counts;
  a lone 一 after 同, 统, 唯, 逐, 每, 任何, 某, 其, 另… does not count even before a counter
  (每一事件), nor does a lone 零 (零件).
- English: digits (50,000; 1.5; "NT$1million"), number words ("seven hundred and fifty
  thousand", "twenty-four"), fractions ("one-third", "half"), "once" (at the end of a clause or
  before "only", "a year"…) and "twice". A lone "one" counts only before a unit ("one year",
  "one time") or in a range ("one to five times"): "any one of the following" is no number.

Decisions
- Not quantities: provision references (第十八条, 第二款, 第（三）项, 12条之一, "Article 18",
  "Articles 268, 339-3 and 349", "paragraph 2", "item (3)", "the preceding two paragraphs"),
  enumeration labels at the start ((一), 一、, 1., "(1)"), any number alone in parentheses,
  ordinals (第一次, 第十三届, 第三人; "13th", "first", "third" without a numerator), everything
  inside 《》, and a year right after a law title ("Copyright Act 1988"). 项/項, 款 and 条 are
  provision words even without 第, so 三项 is no count.
- Order numbers are quantities: 第168号 and "No. 168" are kind "number", unit "no": a wrong order
  number is a wrong fact, and the references check does not look at them.
- A year alone (二〇二一年, 2021年, 中華民國一百十二年) is kind "number" with the Gregorian year
  as value and no unit, so that it matches "in 2021" or "2023". A year counts as a year (not a
  period of years) from 1000 up, or after 中華民國/民國; a full date whose year is below 1000 is
  a Taiwan (ROC) date even without the prefix: 一百零四年十二月十五日 is 2015-12-15.
- Dates are kind "date" with `date.toordinal()` as value; Y年M月 and "December 2021" are the
  first of the month.
- Taiwan writes six months as 六月 when no day follows; ages (周岁, 歲) are periods in years.
  Working days and business days are "working-day", never plain days.
- Currency: 人民币/元/RMB/CNY/yuan are "yuan", 新臺幣/NT$/NTD/New Taiwan Dollars "ntd",
  美元/US$/USD "usd". A bare 元 takes the last currency named before it in the segment
  (新臺幣五百元以上二萬元以下 is NT$ twice), else yuan; a bare "dollars" has no unit.
- Matching: equal value (relative tolerance 1e-9), kinds equal or one of them "number", units
  equal or one of them empty; a fraction below one also matches the percent it equals (二分之一
  and "50%"). Exact kind-and-unit matches are paired first, so a looser one cannot steal them.
- Bounds: 以上/以下/以内/内/为限 after a value and 不少于, 不满, 超过, 逾, 不得逾… before it;
  "between X and Y", "from X to Y" and "X to Y" are inclusive at both ends (the reading PRC
  and Taiwan drafting gives X以上Y以下), as are X至Y and X到Y. "within", "up to", "during" and
  "not exceed" are inclusive upper bounds, "under the age of" and "within the limit of" read
  through to the value. A source bound whose value the target holds with no bound phrase is
  reported as "bound not expressed" (a warning for the check); a value the target lacks is
  left to the numbers check.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from lextm.numerals import (
    ENGLISH_NUMBER,
    HAN_DIGITS,
    HAN_NUMERAL_CHARS,
    SCALE_WORDS,
    english_to_int,
    han_to_int,
)

__all__ = [
    "NAME",
    "Bound",
    "Quantity",
    "QuantityDiff",
    "compare_bounds",
    "compare_quantities",
    "find_bounds",
    "find_quantities",
]

NAME = "name"  # the kind of a number word that is part of a name


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number worth comparing: its kind, value, normalised unit and span in the text."""

    kind: str  # number, percent, amount, date, period, count, name (a number in a name)
    value: float
    unit: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuantityDiff:
    """Source quantities the target lacks, and target quantities the source lacks."""

    missing: tuple[Quantity, ...]
    extra: tuple[Quantity, ...]

    @property
    def ok(self) -> bool:
        """Whether both sides hold the same quantities."""
        return not self.missing and not self.extra


@dataclass(frozen=True, slots=True)
class Bound:
    """A value with a bound phrase: lower or upper, inclusive or not, and its span."""

    value: float
    unit: str
    inclusive: bool
    direction: str  # lower, upper
    start: int
    end: int
    text: str


# ---------------------------------------------------------------- the scanning machinery

_Handler = Callable[[re.Match[str], str], list[Quantity]]


class _NotAQuantityError(Exception):
    """A handler's verdict that its match is no quantity after all (一 in 同一, "one" alone)."""


_MASK = "\x00"
_NORMALISE = str.maketrans("０１２３４５６７８９％．＄", "0123456789%.$")


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern and what a match of it yields; an empty list claims the span for nothing."""

    pattern: re.Pattern[str]
    handler: _Handler


def _scan(text: str, rules: Sequence[_Rule]) -> list[Quantity]:
    """Apply the rules in order; each match masks its span so later rules cannot reread it."""
    normal = text.translate(_NORMALISE)
    masked = normal
    found: list[Quantity] = []
    for rule in rules:
        for match in rule.pattern.finditer(masked):
            try:
                found.extend(rule.handler(match, normal))
            except _NotAQuantityError:  # leave the span to later rules
                continue
            start, end = match.span()
            masked = masked[:start] + _MASK * (end - start) + masked[end:]
    return [
        Quantity(q.kind, q.value, q.unit, q.start, q.end, text[q.start : q.end])
        for q in sorted(found, key=lambda q: q.start)
    ]


def _quantity(match: re.Match[str], kind: str, value: float, unit: str) -> Quantity:
    """A quantity spanning the whole match."""
    return Quantity(kind, value, unit, match.start(), match.end(), match.group())


def _exclude(match: re.Match[str], text: str) -> list[Quantity]:
    """Claim the span and yield nothing: references, labels, ordinals, titles."""
    del match, text
    return []


def _ordinal_date(year: int, month: int, day: int) -> float:
    """The proleptic ordinal of a date; rejects impossible ones (2021年13月)."""
    try:
        return float(date(year, month, day).toordinal())
    except ValueError as error:
        raise _NotAQuantityError(str(error)) from error


def _ratio(numerator: float, denominator: float) -> float:
    """A fraction's value; a zero denominator makes no fraction."""
    if not denominator:
        raise _NotAQuantityError("a fraction over zero")
    return numerator / denominator


# ---------------------------------------------------------------- Chinese

_HAN_CLASS = re.escape(HAN_NUMERAL_CHARS)
_HAN_DIGIT_CLASS = re.escape("".join(HAN_DIGITS))
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ZH_NUM = (
    rf"(?:(?<![\d.])(?:{_ARABIC})(?:[十百千]?[万萬亿億]{{1,2}}|[十百千](?![十百千]))?(?!\d)"
    rf"|[{_HAN_CLASS}]+(?:[点點][{_HAN_DIGIT_CLASS}]+)?)"
)
_ZH_MULTIPLIERS = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
}
_ROC = r"(?:中華民國|中华民国|民國|民国)"
_PROVISION = r"[条條款项項目章节節编編]"

_ZH_COUNTERS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("个工作日", "個工作日", "工作日"), ("period", "working-day")),
    **dict.fromkeys(("个月", "個月", "月"), ("period", "month")),
    **dict.fromkeys(("个小时", "個小時", "小时", "小時"), ("period", "hour")),
    **dict.fromkeys(("个星期", "個星期", "星期", "周", "週"), ("period", "week")),
    **dict.fromkeys(("周岁", "週歲", "周歲", "岁", "歲"), ("period", "year")),
    **dict.fromkeys(("日", "天"), ("period", "day")),
    **dict.fromkeys(("分钟", "分鐘"), ("period", "minute")),
    "年": ("period", "year"),
    **dict.fromkeys(("倍", "次"), ("count", "times")),
    **dict.fromkeys(("人", "名", "位"), ("count", "person")),
    **dict.fromkeys(("个", "個", "件", "份", "家", "户", "戶", "笔", "筆"), ("count", "")),
}
_ZH_COUNTER = "|".join(sorted(_ZH_COUNTERS, key=len, reverse=True))
_ZH_CURRENCIES: dict[str, str] = {
    **dict.fromkeys(("人民币", "人民幣"), "yuan"),
    **dict.fromkeys(("新臺幣", "新台幣", "新台币"), "ntd"),
    **dict.fromkeys(("美元", "美金"), "usd"),
}
_ZH_CURRENCY = "|".join(_ZH_CURRENCIES)
_ZH_CURRENCY_RE = re.compile(_ZH_CURRENCY)
# A lone 一 after these is a word (同一, 统一, 每一, 任何一…), not the number one.
_NOT_ONE_AFTER = frozenset("同统統唯逐每单單何某其另划劃")


def _zh_value(text: str) -> float:
    """Value of an Arabic (5万, 1.5亿, 50,000) or Han (三十, 零点五) numeral."""
    if text[0].isdigit():
        digits = text.rstrip("".join(_ZH_MULTIPLIERS))
        value = float(digits.replace(",", ""))
        for mark in text[len(digits) :]:
            value *= _ZH_MULTIPLIERS[mark]
        return value
    head, _, decimals = text.replace("點", "点").partition("点")
    fraction = "".join(str(HAN_DIGITS[ch]) for ch in decimals)
    try:
        whole = han_to_int(head)
    except ValueError as error:  # a run of numeral characters that is no numeral: 十十, 万万
        raise _NotAQuantityError(str(error)) from error
    return whole + (float("0." + fraction) if fraction else 0.0)


def _zh_year(match: re.Match[str]) -> int:
    """The Gregorian year of a date's year group, reading ROC years (with or without 民國)."""
    year = int(_zh_value(match["y"]))
    return year + 1911 if match["roc"] or year < 1000 else year


def _zh_date(match: re.Match[str], text: str) -> list[Quantity]:
    """二〇二一年十二月三日, 2021年12月3日, 中華民國一百十二年五月三十一日 (and Y年M月)."""
    del text
    day = int(_zh_value(match["d"])) if match["d"] else 1
    if not match["d"] and not match["roc"] and _zh_value(match["y"]) < 1000:
        raise _NotAQuantityError("a month count, not a date")
    value = _ordinal_date(_zh_year(match), int(_zh_value(match["m"])), day)
    return [_quantity(match, "date", value, "")]


def _zh_year_only(match: re.Match[str], text: str) -> list[Quantity]:
    """二〇二一年 or 中華民國一百十二年 alone: a plain number, the Gregorian year."""
    del text
    year = _zh_value(match["y"])
    if not match["roc"] and year < 1000:
        raise _NotAQuantityError("a period of years")
    return [_quantity(match, "number", float(_zh_year(match)), "")]


def _zh_order(match: re.Match[str], text: str) -> list[Quantity]:
    """第168号: an order number."""
    del text
    return [_quantity(match, "number", _zh_value(match["n"]), "no")]


def _zh_percent(match: re.Match[str], text: str) -> list[Quantity]:
    """百分之五, 千分之三, 5%."""
    del text
    scale = 10.0 if match["per"] == "千" else 1.0
    number = match["n"] or match["n2"]
    return [_quantity(match, "percent", _zh_value(number) / scale, "")]


def _zh_fraction(match: re.Match[str], text: str) -> list[Quantity]:
    """三分之一: the numerator over the denominator."""
    del text
    return [
        _quantity(match, "number", _ratio(_zh_value(match["num"]), _zh_value(match["den"])), "")
    ]


def _zh_half(match: re.Match[str], text: str) -> list[Quantity]:
    """半数, 一半: one half."""
    del text
    return [_quantity(match, "number", 0.5, "")]


def _zh_amount(match: re.Match[str], text: str) -> list[Quantity]:
    """五万元, 人民币十万元, 新臺幣二億元, 五万美元; a bare 元 takes the last currency named."""
    named = match["cur"] or match["cur2"] or ("美元" if match["yuan"] == "美元" else "")
    if not named:
        earlier = _ZH_CURRENCY_RE.findall(text, 0, match.start())
        named = earlier[-1] if earlier else "人民币"
    return [_quantity(match, "amount", _zh_value(match["n"]), _ZH_CURRENCIES[named])]


def _zh_counted(match: re.Match[str], text: str, group: str, end: int) -> Quantity:
    """The number in `group` with the counter of the match, ending at `end`."""
    number = match[group]
    start = match.start(group)
    if number == "一" and start and text[start - 1] in _NOT_ONE_AFTER:
        raise _NotAQuantityError("一 inside a word")
    if number in ("零", "〇"):
        raise _NotAQuantityError("零 inside a word: 零件, 零售")
    kind, unit = _ZH_COUNTERS[match["unit"]]
    return Quantity(kind, _zh_value(number), unit, start, end, text[start:end])


def _zh_count(match: re.Match[str], text: str) -> list[Quantity]:
    """三人, 三十日, 六个月, 十五个工作日, 一倍, 两次."""
    return [_zh_counted(match, text, "n", match.end())]


def _zh_range(match: re.Match[str], text: str) -> list[Quantity]:
    """三至五年: both ends take the counter written once."""
    return [
        _zh_counted(match, text, "a", match.end("a")),
        _zh_counted(match, text, "n", match.end()),
    ]


def _zh_plain(match: re.Match[str], text: str) -> list[Quantity]:
    """Arabic digits that nothing else claimed: a plain number."""
    del text
    return [_quantity(match, "number", _zh_value(match.group()), "")]


_ZH_COUNTED = rf"(?P<n>{_ZH_NUM})[余餘多]?(?P<unit>{_ZH_COUNTER})(?![性级級])"
_ZH_RULES: tuple[_Rule, ...] = (
    _Rule(re.compile(r"《[^》]*》"), _exclude),
    _Rule(re.compile(rf"^\s*(?:[（(]\s*{_ZH_NUM}\s*[)）]|{_ZH_NUM}\s*[、.](?!\d))"), _exclude),
    _Rule(
        re.compile(
            rf"第?\s*(?:{_ZH_NUM}(?:-\d+)?|[（(]\s*{_ZH_NUM}\s*[)）])\s*{_PROVISION}"
            rf"(?:\s*之\s*{_ZH_NUM})?"
        ),
        _exclude,
    ),
    _Rule(re.compile(rf"第\s*(?P<n>{_ZH_NUM})\s*[号號]"), _zh_order),
    _Rule(re.compile(rf"第\s*{_ZH_NUM}"), _exclude),
    _Rule(re.compile(rf"[（(]\s*{_ZH_NUM}\s*[)）]"), _exclude),
    _Rule(
        re.compile(
            rf"(?:(?P<roc>{_ROC})\s*)?(?P<y>{_ZH_NUM})\s*年\s*(?P<m>{_ZH_NUM})\s*月"
            rf"(?:\s*(?P<d>{_ZH_NUM})\s*[日号號])?"
        ),
        _zh_date,
    ),
    _Rule(re.compile(rf"(?:(?P<roc>{_ROC})\s*)?(?P<y>{_ZH_NUM})\s*年(?!代)"), _zh_year_only),
    _Rule(
        re.compile(rf"(?P<per>[百千])分之\s*(?P<n>{_ZH_NUM})|(?P<n2>{_ZH_NUM})\s*%"), _zh_percent
    ),
    _Rule(re.compile(rf"(?P<den>{_ZH_NUM})\s*分之\s*(?P<num>{_ZH_NUM})"), _zh_fraction),
    _Rule(re.compile(r"半[数數]|一半"), _zh_half),
    _Rule(
        re.compile(
            rf"(?P<cur>{_ZH_CURRENCY})?\s*(?P<n>{_ZH_NUM})\s*(?P<yuan>美元|元|圆|圓)"
            r"(?P<cur2>人民币|人民幣)?"
        ),
        _zh_amount,
    ),
    _Rule(re.compile(rf"(?P<a>{_ZH_NUM})\s*(?:至|到|~|～|-|—)\s*{_ZH_COUNTED}"), _zh_range),
    _Rule(re.compile(_ZH_COUNTED), _zh_count),
    _Rule(re.compile(rf"(?<![\d.])(?:{_ARABIC})(?:[十百千]?[万萬亿億]{{1,2}})?(?!\d)"), _zh_plain),
)


# ---------------------------------------------------------------- English

_EN_DIGITS = rf"(?<![\w.])(?:{_ARABIC})(?:\s*(?:hundred|thousand|million|billion)\b)?(?!\w)"
_EN_NUM = rf"(?:{_EN_DIGITS}|{ENGLISH_NUMBER})"

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES.split(), start=1):
    _MONTHS[_name] = _MONTHS[_name[:3]] = _number
_MONTHS["Sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_EN_UNITS: tuple[tuple[str, str, str], ...] = (
    (r"(?:working|business)\s+days?", "period", "working-day"),
    (r"(?:calendar\s+)?days?", "period", "day"),
    (r"weeks?", "period", "week"),
    (r"months?", "period", "month"),
    (r"years?(?:\s+of\s+age|\s+old)?", "period", "year"),
    (r"hours?", "period", "hour"),
    (r"minutes?", "period", "minute"),
    (r"times?", "count", "times"),
    (r"persons?|people|individuals", "count", "person"),
    (r"cop(?:y|ies)", "count", ""),
    (r"yuan|renminbi|rmb|cny", "amount", "yuan"),
    (r"new\s+taiwan\s+dollars?|nt\s+dollars?|ntd", "amount", "ntd"),
    (r"(?:us|u\.s\.)\s+dollars?|usd", "amount", "usd"),
    (r"dollars?", "amount", ""),
)
_EN_UNIT_RES = tuple((re.compile(p + r"\Z", re.I), kind, unit) for p, kind, unit in _EN_UNITS)
_EN_UNIT = "|".join(p for p, _, _ in _EN_UNITS)
_EN_PREFIX_CURRENCIES = {"rmb": "yuan", "cny": "yuan", "nt$": "ntd", "ntd": "ntd"}
_EN_PREFIX_CURRENCIES |= {"us$": "usd", "usd": "usd", "$": ""}
_FRACTION_WORDS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5}
_FRACTION_WORDS |= {"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION_WORD = "|".join(_FRACTION_WORDS)
_REFERENCE_WORD = (
    r"(?:Articles?|Art\.|(?:sub-?)?paragraphs?|para\.|(?:sub-?)?items?|Chapters?|Sections?"
    r"|Parts?|clauses?|points?|subsections?)"
)
_REFERENCE_NUMBER = r"\(?(?:\d+|[IVXLC]+\b)(?:-\d+)?\)?(?:\(\d+\))*"
_REFERENCE_GLUE = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through)\s+|\s*[-~]\s*)"


def _en_value(text: str) -> float:
    """Value of "50,000", "1.5 million", "NT$1million"'s number or "seven hundred and fifty"."""
    text = text.lower().strip()
    if text[0].isdigit():
        number = text.rstrip("abcdefghijklmnopqrstuvwxyz ")
        scale = text[len(number) :].strip()
        factor = 100 if scale == "hundred" else SCALE_WORDS.get(scale, 1)
        return float(number.replace(",", "")) * factor
    return float(english_to_int(text))


def _en_unit(text: str) -> tuple[str, str]:
    """Kind and normalised unit of an English unit word."""
    squeezed = " ".join(text.split())
    return next((kind, unit) for regex, kind, unit in _EN_UNIT_RES if regex.match(squeezed))


def _en_date(match: re.Match[str], text: str) -> list[Quantity]:
    """December 3, 2021; 3 December 2021; 2021-12-03; December 2021."""
    del text
    groups = match.groupdict()
    year = groups["y"] or groups["y2"] or groups["y3"]
    month = groups["mon"] or groups["mon2"]
    day = groups["d"] or groups["d2"] or groups["d3"]
    month_number = _MONTHS[month] if month else int(groups["m"])
    value = _ordinal_date(int(year), month_number, int(day) if day else 1)
    return [_quantity(match, "date", value, "")]


def _en_order(match: re.Match[str], text: str) -> list[Quantity]:
    """No. 168: an order number."""
    del text
    return [_quantity(match, "number", float(match["n"]), "no")]


def _en_percent(match: re.Match[str], text: str) -> list[Quantity]:
    """5%, 5 percent, five per cent."""
    del text
    return [_quantity(match, "percent", _en_value(match["n"]), "")]


def _en_fraction(match: re.Match[str], text: str) -> list[Quantity]:
    """one-third, two-thirds, one half, 1/3, half; "third" alone is an ordinal."""
    del text
    if match["slash"]:
        value = _ratio(float(match["num"]), float(match["den"]))
    elif match["half"]:
        value = 0.5
    else:
        value = _en_value(match["words"]) / _FRACTION_WORDS[match["frac"].lower()]
    return [_quantity(match, "number", value, "")]


def _en_prefixed_amount(match: re.Match[str], text: str) -> list[Quantity]:
    """RMB 50,000, NT$200 million, US$5,000."""
    del text
    unit = _EN_PREFIX_CURRENCIES[match["cur"].lower()]
    return [_quantity(match, "amount", _en_value(match["n"]), unit)]


def _en_unit_quantity(match: re.Match[str], group: str, end: int) -> Quantity:
    """The number in `group` with the unit of the match, ending at `end`."""
    kind, unit = _en_unit(match["unit"])
    start = match.start(group)
    return Quantity(kind, _en_value(match[group]), unit, start, end, match.string[start:end])


def _en_counted(match: re.Match[str], text: str) -> list[Quantity]:
    """30 days, six months, 15 working days, 50,000 yuan, five times, three persons."""
    del text
    return [_en_unit_quantity(match, "n", match.end())]


def _en_range(match: re.Match[str], text: str) -> list[Quantity]:
    """one to five times, 30 to 60 days: both ends take the unit written once."""
    del text
    first = "a" if match["a"] else "a2"
    return [
        _en_unit_quantity(match, first, match.end(first)),
        _en_unit_quantity(match, "n", match.end()),
    ]


def _en_times(match: re.Match[str], text: str) -> list[Quantity]:
    """once, twice, thrice."""
    del text
    value = {"once": 1.0, "twice": 2.0, "thrice": 3.0}[match.group().lower()]
    return [_quantity(match, "count", value, "times")]


def _en_plain(match: re.Match[str], text: str) -> list[Quantity]:
    """A number nothing else claimed; a lone "one" is a word, not a number. A capitalised
    number word inside a sentence that opens a capitalised phrase is part of a name (the
    "Two Roads" spirit, "Three Represents"): kind NAME, which may answer a number of the
    source (三个代表) but is never missing from it."""
    if match.group().lower() == "one":
        raise _NotAQuantityError("the word one")
    kind = NAME if _in_name(match, text) else "number"
    return [_quantity(match, kind, _en_value(match.group()), "")]


_NEXT_CAPITALISED = re.compile(r"[\s-]+[A-Z][a-z]")
_BEFORE_SENTENCE = re.compile(r"(?:^|[.;:!?]|^\(?\w{1,4}[).])[\s\"'“‘(\[]*\Z")


def _in_name(match: re.Match[str], text: str) -> bool:
    word = match.group()
    if not word[:1].isupper() or word[:1].isdigit():
        return False
    if not _NEXT_CAPITALISED.match(text, match.end()):
        return False
    return not _BEFORE_SENTENCE.search(text[: match.start()])


_EN_COUNTED = rf"(?P<n>{_EN_NUM})[\s-]+(?P<unit>{_EN_UNIT})\b"
_ONCE_FOLLOWERS = r"[,.;:)]|$|\s+(?:only|per|every|each|and|or|a\s+(?:day|week|month|year))\b"
_EN_RULES: tuple[_Rule, ...] = (
    _Rule(
        re.compile(
            r"\b(?:Act|Law|Code|Convention|Ordinance|Regulations?|Rules|Measures|Provisions)"
            r"(?:\s+of)?,?\s+\d{4}\b|\(\d{4}\s+(?:Revision|Amendment|Revised)\)"
        ),
        _exclude,
    ),
    _Rule(
        re.compile(
            rf"\b{_REFERENCE_WORD}\s+{_REFERENCE_NUMBER}"
            rf"(?:{_REFERENCE_GLUE}(?:{_REFERENCE_WORD}\s+)?{_REFERENCE_NUMBER})*",
            re.I,
        ),
        _exclude,
    ),
    _Rule(
        re.compile(
            rf"{_EN_NUM}\s+(?:(?:preceding|foregoing|previous|above|following)\s+)?"
            r"(?:Articles|(?:sub-?)?paragraphs|(?:sub-?)?items|Chapters)\b",
            re.I,
        ),
        _exclude,
    ),
    _Rule(re.compile(r"^\s*(?:\(\s*\d+\s*\)|\d+[.)](?!\d))"), _exclude),
    _Rule(
        re.compile(
            rf"\b(?:(?P<mon>{_MONTH})\.?\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y>\d{{4}})"
            r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>"
            + _MONTH
            + r")\.?,?\s+(?P<y2>\d{4})|(?P<y3>\d{4})-(?P<m>\d{1,2})-(?P<d3>\d{1,2}))\b"
        ),
        _en_date,
    ),
    _Rule(re.compile(r"\b[Nn]o\.\s*(?P<n>\d+)\b"), _en_order),
    _Rule(re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I), _exclude),
    _Rule(re.compile(r"\(\s*\d+\s*\)"), _exclude),
    _Rule(re.compile(rf"(?P<n>{_EN_NUM})\s*(?:%|per\s*-?\s*cent\b)", re.I), _en_percent),
    _Rule(
        re.compile(
            rf"(?P<words>{ENGLISH_NUMBER})[\s-]+(?P<frac>{_FRACTION_WORD})s?\b|(?P<half>\bhalf\b)"
            r"|(?<![\w/])(?P<slash>(?P<num>\d+)/(?P<den>\d+))(?![\w/])",
            re.I,
        ),
        _en_fraction,
    ),
    _Rule(
        re.compile(rf"(?P<cur>RMB|CNY|NT\$|NTD|US\$|USD|\$)\s*(?P<n>{_EN_NUM})", re.I),
        _en_prefixed_amount,
    ),
    _Rule(
        re.compile(
            rf"(?:(?<=between\s)(?P<a>{_EN_NUM})\s+and|(?P<a2>{_EN_NUM})\s+(?:to|or|through|-|–))"
            rf"\s+{_EN_COUNTED}",
            re.I,
        ),
        _en_range,
    ),
    _Rule(re.compile(_EN_COUNTED, re.I), _en_counted),
    _Rule(re.compile(rf"\b(?:twice|thrice|once(?={_ONCE_FOLLOWERS}))\b", re.I), _en_times),
    _Rule(re.compile(_EN_NUM, re.I), _en_plain),
)


# ---------------------------------------------------------------- finding and comparing


def _is_zh(lang: str) -> bool:
    """Whether a language code is Chinese ("zh", "zh-TW"…) or English ("en", "en-GB"…)."""
    base = lang.lower().split("-")[0].split("_")[0]
    if base not in ("zh", "en"):
        raise ValueError(f"unsupported language for quantities: {lang!r} (use zh or en)")
    return base == "zh"


# A text without any of these cannot hold a quantity: most segments skip the rules entirely.
_MAYBE_ZH = re.compile(r"[0-9０-９〇零一二两兩三四五六七八九十百千万萬亿億半]")
_MAYBE_EN = re.compile(
    r"[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|half|twice|once|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)",
    re.IGNORECASE,
)


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """The quantities of a Chinese ("zh", "zh-*") or English ("en") text, in text order."""
    return list(_quantities(text, _is_zh(lang)))


@functools.lru_cache(maxsize=2048)  # the numbers and bounds checks read the same segment
def _quantities(text: str, zh: bool) -> tuple[Quantity, ...]:
    if not (_MAYBE_ZH if zh else _MAYBE_EN).search(text):
        return ()
    return tuple(_scan(text, _ZH_RULES if zh else _EN_RULES))


def _same_value(a: Quantity, b: Quantity) -> bool:
    """Equal values, or a fraction below one and the percent it equals."""
    if math.isclose(a.value, b.value, rel_tol=1e-9):
        return True
    percent, number = (a, b) if a.kind == "percent" else (b, a)
    return (
        percent.kind == "percent"
        and number.kind == "number"
        and 0 < number.value < 1
        and math.isclose(number.value * 100, percent.value, rel_tol=1e-9)
    )


def _matches(a: Quantity, b: Quantity, *, strict: bool) -> bool:
    """Whether two quantities say the same thing; `strict` asks for the same kind and unit too."""
    if strict:
        return a.kind == b.kind and a.unit == b.unit and _same_value(a, b)
    kinds = a.kind == b.kind or bool({"number", NAME} & {a.kind, b.kind})
    units = a.unit == b.unit or not a.unit or not b.unit
    return kinds and units and _same_value(a, b)


def _pair_off(
    sources: Iterable[Quantity], targets: list[Quantity], *, strict: bool
) -> list[Quantity]:
    """Remove matched targets from `targets`; return the sources left unmatched."""
    left: list[Quantity] = []
    for quantity in sources:
        index = next((i for i, t in enumerate(targets) if _matches(quantity, t, strict=strict)), -1)
        if index < 0:
            left.append(quantity)
        else:
            del targets[index]
    return left


def compare_quantities(
    source: str, target: str, source_lang: str = "zh", target_lang: str = "en"
) -> QuantityDiff:
    """Match the quantities of a source and its translation by value, as multisets; a number
    in a name in the translation answers a source number but is never extra."""
    targets = find_quantities(target, target_lang)
    left = _pair_off(find_quantities(source, source_lang), targets, strict=True)
    left = _pair_off(left, targets, strict=False)
    return QuantityDiff(missing=tuple(left), extra=tuple(t for t in targets if t.kind != NAME))


# ---------------------------------------------------------------- bounds

_LOWER, _UPPER = "lower", "upper"
_BoundKind = tuple[str, bool]  # direction, inclusive

_ZH_BEFORE: dict[str, _BoundKind] = {
    **dict.fromkeys(("不少于", "不少於", "不低于", "不低於", "至少"), (_LOWER, True)),
    **dict.fromkeys(("不超过", "不超過", "不高于", "不高於", "不多于", "不多於"), (_UPPER, True)),
    **dict.fromkeys(("不得超过", "不得超過", "不得逾", "未超过", "未超過", "未逾"), (_UPPER, True)),
    **dict.fromkeys(("最多", "至多"), (_UPPER, True)),
    **dict.fromkeys(("不满", "不滿", "未满", "未滿", "不足"), (_UPPER, False)),
    **dict.fromkeys(("低于", "低於", "少于", "少於"), (_UPPER, False)),
    **dict.fromkeys(("超过", "超過", "高于", "高於", "多于", "多於", "逾"), (_LOWER, False)),
}
_ZH_AFTER: dict[str, _BoundKind] = {
    "以上": (_LOWER, True),
    **dict.fromkeys(("以下", "以内", "以內", "为限", "為限"), (_UPPER, True)),
    **dict.fromkeys(("内", "內"), (_UPPER, True)),
}
_ZH_RANGE = frozenset(("至", "到", "~", "～", "-", "—"))

_EN_BEFORE: dict[str, _BoundKind] = {
    **dict.fromkeys(
        ("not less than", "no less than", "not fewer than", "no fewer than", "at least"),
        (_LOWER, True),
    ),
    **dict.fromkeys(
        ("not lower than", "no lower than", "not below", "not under", "a minimum of"),
        (_LOWER, True),
    ),
    **dict.fromkeys(
        ("not more than", "no more than", "not exceeding", "not to exceed", "not exceed"),
        (_UPPER, True),
    ),
    **dict.fromkeys(
        (
            "up to",
            "within",
            "no longer than",
            "not longer than",
            "not over",
            "at most",
            "during",
        ),
        (_UPPER, True),
    ),
    **dict.fromkeys(
        ("not greater than", "no greater than", "a maximum of", "limited to"), (_UPPER, True)
    ),
    **dict.fromkeys(
        ("more than", "greater than", "higher than", "longer than", "in excess of"),
        (_LOWER, False),
    ),
    **dict.fromkeys(("exceeding", "exceeds", "exceed", "over", "above"), (_LOWER, False)),
    **dict.fromkeys(
        ("less than", "fewer than", "lower than", "shorter than", "under", "below"),
        (_UPPER, False),
    ),
}
_EN_AFTER: dict[str, _BoundKind] = {
    **dict.fromkeys(
        ("or more", "or above", "and above", "or over", "and over", "or higher", "or longer"),
        (_LOWER, True),
    ),
    **dict.fromkeys(
        ("or older", "as the minimum", "as a minimum", "at the minimum"), (_LOWER, True)
    ),
    **dict.fromkeys(
        ("or less", "or fewer", "or below", "and below", "or under", "or lower", "or shorter"),
        (_UPPER, True),
    ),
    **dict.fromkeys(
        ("or younger", "as the maximum", "as a maximum", "at the maximum"), (_UPPER, True)
    ),
}
_EN_RANGE_GLUE = frozenset(("to", "through", "-", "–", "and"))


def _alternatives(markers: dict[str, _BoundKind]) -> str:
    """The markers as a named regex alternation, longest first, any run of spaces in them."""
    ordered = sorted(markers, key=len, reverse=True)
    return "(?P<m>" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in ordered) + ")"


# A search for the marker ending the text before a value finds the leftmost, that is the
# longest, of nested markers: 不得超过 rather than 超过, "not exceed" rather than "exceed".
_ZH_BEFORE_RE = re.compile(rf"{_alternatives(_ZH_BEFORE)}\s*$")
_ZH_AFTER_RE = re.compile(rf"\s*{_alternatives(_ZH_AFTER)}(?![容部])")
# Words that may stand between an English bound phrase and its value: "under the age of 14",
# "within the limit of one copy", "within the six month period".
_EN_FILLER = r"(?:\s+(?:the\s+age\s+of|the\s+limit\s+of|the|a|an))*"
_EN_BEFORE_RE = re.compile(rf"\b{_alternatives(_EN_BEFORE)}{_EN_FILLER}\s*$", re.I)
_EN_AFTER_RE = re.compile(rf"\s*{_alternatives(_EN_AFTER)}\b", re.I)


def _make_bound(quantity: Quantity, kind: _BoundKind, start: int, end: int, text: str) -> Bound:
    """A bound on a quantity, spanning `start`–`end` of `text`."""
    direction, inclusive = kind
    return Bound(quantity.value, quantity.unit, inclusive, direction, start, end, text[start:end])


def _marker_bound(quantity: Quantity, text: str, zh: bool) -> Bound | None:
    """The bound a marker right before (不满X, "under X") or after (X以上, "X or more") gives."""
    before_re, after_re = (_ZH_BEFORE_RE, _ZH_AFTER_RE) if zh else (_EN_BEFORE_RE, _EN_AFTER_RE)
    markers = (_ZH_BEFORE, _ZH_AFTER) if zh else (_EN_BEFORE, _EN_AFTER)
    before = before_re.search(text, 0, quantity.start)
    if before is not None:
        kind = markers[0][_squeeze(before["m"])]
        return _make_bound(quantity, kind, before.start("m"), quantity.end, text)
    after = after_re.match(text, quantity.end)
    if after is not None:
        kind = markers[1][_squeeze(after["m"])]
        return _make_bound(quantity, kind, quantity.start, after.end(), text)
    return None


def _squeeze(marker: str) -> str:
    """A marker as the tables spell it: lower case, single spaces."""
    return " ".join(marker.lower().split())


def _range_pair(first: Quantity, second: Quantity, text: str, zh: bool) -> bool:
    """Whether two quantities are the ends of a range: X至Y, "between X and Y", "X to Y"."""
    glue = text[first.end : second.start].strip()
    if zh:
        return glue in _ZH_RANGE
    if glue.lower() == "and":
        return text[: first.start].rstrip().lower().endswith("between")
    return glue.lower() in _EN_RANGE_GLUE


def find_bounds(text: str, lang: str) -> list[Bound]:
    """The bounded values of a Chinese or English text: X以上, 不满X, "not less than X"…"""
    zh = _is_zh(lang)
    quantities = find_quantities(text, lang)
    bounds: dict[int, Bound] = {}
    for index, quantity in enumerate(quantities):
        found = _marker_bound(quantity, text, zh)
        if found is not None:
            bounds[index] = found
    for index, (first, second) in enumerate(itertools.pairwise(quantities)):
        if index in bounds or index + 1 in bounds or not _range_pair(first, second, text, zh):
            continue
        bounds[index] = _make_bound(first, (_LOWER, True), first.start, first.end, text)
        bounds[index + 1] = _make_bound(second, (_UPPER, True), second.start, second.end, text)
    return [bounds[index] for index in sorted(bounds)]


def _same_bound_value(a: Bound, b: Bound | Quantity) -> bool:
    """Equal values with compatible units."""
    units = a.unit == b.unit or not a.unit or not b.unit
    return units and math.isclose(a.value, b.value, rel_tol=1e-9)


def _describe(bound: Bound) -> str:
    """Describe a bound: "an inclusive lower bound" and the like."""
    return f"an {'inclusive' if bound.inclusive else 'exclusive'} {bound.direction} bound"


def _bound_problem(source: Bound, target: Bound) -> str:
    """What is wrong with a target bound that does not say what the source bound says."""
    what = "direction" if source.direction != target.direction else "inclusiveness"
    return (
        f"{source.text!r} is {_describe(source)} but {target.text!r} is {_describe(target)}: "
        f"the {what} is flipped"
    )


def _judge(
    source: Bound, targets: Sequence[Bound], values: Sequence[Quantity]
) -> tuple[Bound | None, str] | None:
    """None when the target says the bound right or lacks the value; else the problem."""
    same = [t for t in targets if _same_bound_value(source, t)]
    for target in same:
        if (target.direction, target.inclusive) == (source.direction, source.inclusive):
            return None
    if same:
        return same[0], _bound_problem(source, same[0])
    if any(_same_bound_value(source, quantity) for quantity in values):
        return None, f"bound not expressed: {source.text!r} is {_describe(source)}"
    return None


def compare_bounds(
    source: str, target: str, source_lang: str = "zh", target_lang: str = "en"
) -> list[tuple[Bound, Bound | None, str]]:
    """Source bounds the target flips or leaves out, each with the target bound and a message."""
    sources = find_bounds(source, source_lang)
    if not sources:
        return []
    targets = find_bounds(target, target_lang)
    values = find_quantities(target, target_lang)
    problems: list[tuple[Bound, Bound | None, str]] = []
    for bound in sources:
        verdict = _judge(bound, targets, values)
        if verdict is not None:
            problems.append((bound, *verdict))
    return problems
