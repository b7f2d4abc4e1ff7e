"""Facts in a promulgation or adoption note: dates, issuing body, order number, effective date.

Notes are read by the phrases statutes use (公布, 通过, 施行, 修正), so dates are tied to what
happened on them: "2021年12月3日…令第168号公布 自2022年2月1日起施行". English notes, as official
translations write them, the same way: each date goes with the nearest event word before it
("Adopted at the 29th Meeting … on June 10, 2021; amended … on …", "Promulgated by Order No. 49
of the President … on June 10, 2021, and effective as of September 1, 2021").
"""

from __future__ import annotations

import re

from ..model import Note
from ..numerals import parse_number

__all__ = ["parse_note"]

_Y = r"(?P<y>[0-9０-９]{4}|[〇零一二三四五六七八九]{4})"
_M = r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})"
_D = r"(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = re.compile(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日")
_ROC_DATE = re.compile(
    r"中華民國\s*(?P<y>[〇零一二三四五六七八九十百0-9]+)\s*年\s*"
    r"(?P<m>[一二三四五六七八九十0-9]{1,3})\s*月\s*(?P<d>[一二三四五六七八九十0-9]{1,3})\s*日"
)
_EVENTS = (
    ("effective", re.compile(r"^\s*起?\s*(施行|生效|实施|實施)")),
    ("promulgated", re.compile(r"公布|公佈|发布|發布|颁布|頒布")),
    ("adopted", re.compile(r"通过|通過")),
    ("amended", re.compile(r"修正|修订|修訂|修改")),
)
_ORDER = re.compile(
    r"(?P<issuer>[^\s，,（(]{2,40}?)令\s*(?:（[^）]*）)?\s*第\s*(?P<n>[0-9０-９一二三四五六七八九十百千〇零]+)\s*号"
)
_SPLIT = re.compile(
    r"[；;，,\s]+(?=[0-9０-９〇零一二三四五六七八九]{4}\s*年|自|根据|根據|中華民國)"
)


def _iso(match: re.Match[str], roc: bool = False) -> str | None:
    try:
        year = parse_number(match["y"]) + (1911 if roc else 0)
        month, day = parse_number(match["m"]), parse_number(match["d"])
    except ValueError:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _dates(clause: str) -> list[tuple[str, re.Match[str]]]:
    found = [(iso, m) for m in _DATE.finditer(clause) if (iso := _iso(m))]
    found += [(iso, m) for m in _ROC_DATE.finditer(clause) if (iso := _iso(m, roc=True))]
    return sorted(found, key=lambda pair: pair[1].start())


def parse_note(text: str, *, lang: str = "zh") -> Note:
    """Read the dates and issuer of a note in `lang` (zh or en, as the law text was detected);
    whatever the text does not say stays None."""
    if lang == "en":
        return _parse_english(text)
    body = text.strip().strip("（）()")
    facts: dict[str, str] = {}
    amended: list[str] = []
    for clause in _SPLIT.split(body):
        dates = _dates(clause)
        if not dates:
            continue
        iso, match = dates[-1]
        tail = clause[match.end() :]
        for event, pattern in _EVENTS:
            if pattern.search(tail) if event != "effective" else pattern.match(tail):
                if event == "amended":
                    amended.append(iso)
                else:
                    facts.setdefault(event, iso)
                break
    order = _ORDER.search(body)
    issuer = order_number = None
    if order:
        issuer = _strip_date(order["issuer"])
        order_number = str(parse_number(order["n"]))
    return Note(
        text=text,
        promulgated=facts.get("promulgated"),
        adopted=facts.get("adopted"),
        effective=facts.get("effective"),
        issuer=issuer,
        order_number=order_number,
        amended=tuple(amended),
    )


def _strip_date(issuer: str) -> str:
    return _DATE.sub("", issuer).strip() or issuer


# --- English notes -------------------------------------------------------------------------------

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r")"
_EN_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{'|'.join(_MONTHS)})\s+(?P<year2>\d{{4}})\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
# Event words, the first of each group naming the fact; "amended" before "adopted", since an
# amendment is "adopted" too ("amended in accordance with the Decision … adopted at …").
_EN_EVENTS = re.compile(
    r"\b(?P<amended>amend\w*|revis\w*)"
    r"|\b(?P<effective>effective|come\s+into\s+(?:force|effect)|go(?:es)?\s+into\s+effect"
    r"|enter(?:ed|s)?\s+into\s+force|take[ns]?\s+effect|in\s+force|implemented)"
    r"|\b(?P<promulgated>promulgat\w*|issued|published|announced)"
    r"|\b(?P<adopted>adopted|passed|approved)",
    re.IGNORECASE,
)
_EN_ORDER = re.compile(
    r"Order\s+No\.?\s*(?P<n>\d+)(?:\s+of\s+(?:the\s+)?(?P<issuer>[A-Z][^,;]*?))?"
    r"(?=\s+on\b|\s*[,;)]|$)"
)


def _parse_english(text: str) -> Note:
    """An English note: each date takes the event named last before it, within its clause."""
    facts: dict[str, str] = {}
    amended: list[str] = []
    for clause in re.split(r";|\.\s+(?=[A-Z])|\n", text.strip().strip("()")):
        start = 0
        for found in _EN_DATE.finditer(clause):
            iso = _english_iso(found)
            events = list(_EN_EVENTS.finditer(clause, start, found.start()))
            start = found.end()
            if iso is None or not events:
                continue
            event = _event_of(events)
            if event == "amended":
                amended.append(iso)
            else:
                facts.setdefault(event, iso)
    order = _EN_ORDER.search(text)
    return Note(
        text=text,
        promulgated=facts.get("promulgated"),
        adopted=facts.get("adopted"),
        effective=facts.get("effective"),
        issuer=(order["issuer"] or None) if order else None,
        order_number=order["n"] if order else None,
        amended=tuple(amended),
    )


def _event_of(events: list[re.Match[str]]) -> str:
    """The event a date belongs to: an amendment anywhere before it in the clause, else the
    last event word before it."""
    if any(match.lastgroup == "amended" for match in events):
        return "amended"
    return str(events[-1].lastgroup)


def _english_iso(found: re.Match[str]) -> str | None:
    if found["iso"]:
        return found["iso"]
    month = (found["month"] or found["month2"]).lower()
    day = int(found["day"] or found["day2"])
    year = int(found["year"] or found["year2"])
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{_MONTHS.index(month) + 1:02d}-{day:02d}"
