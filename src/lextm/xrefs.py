"""Cross-references in statute text, found and returned as data.

`find_references` reads one segment or line and returns a `CrossRef` per provision it cites, in
text order, each with its span. What it reads:

Chinese
- 第八条, 第 53 條, 第十二条之一, 第 12-1 條, with 款, 项/項 and 目 below them:
  第二十条第一款第五项.
- Laws: 本法第X条 (also 本规定, 本条例, 本办法…; `law` None), 《…》第二十一条, a title
  alone 《…》, a bare name ending in 法, 条例, 公约… as Taiwan writes it (刑法第三百三十九條;
  the name starts after the last 依, 违反, 准用, 及, 、… before it), and 同條例 ("same-law").
- Ranges 第六条至第八条 (one reference with `article_end`); lists 第十五条、第十六条或者
  第十七条, 第六条、七条, 第（一）、（二）项 (one reference per member).
- By position: 前款, 前两款, 前条, 前二条, 本条, 本款, 本项, 前项, 前項, 同條, each
  possibly followed by 第X款….

English
- Article 18, Article 1-1, Article 8(1)(3), Articles 53 and 55, Articles 6 to 8 (also 6~8,
  6 through 8, and "Articles 7-10" alone), paragraph 2 of Article 8, subparagraph 6, paragraph 1,
  Article 20, item 3 of paragraph 1 of Article 8, the first paragraph, the preceding paragraph(s),
  the preceding two paragraphs, the preceding Article, this Article, the same Article, each
  possibly followed by "of the <Title>", "of this Act" or "of the above-mentioned Act".

Rules worth knowing
- PRC numbers 条 > 款 (paragraph) > 项 (item) > 目; Taiwan 條 > 項 (paragraph) > 款 (item) > 目.
  With `convention` None each citation decides: 條/項 in it mean Taiwan, 条/项 mean PRC. One
  with neither (前款, 第二款) follows the whole text, Taiwan's when it holds 條 or 項 or is
  mostly in traditional characters. A chain out of order under that reading (第二十條第一款
  第五項, as Macau writes PRC-style numbering) is read under the other.
- A list member that leaves out levels takes them from the member before it in Chinese
  (第八條第一項、第二項 is article 8 twice) and from the one after it in English ("paragraph 2
  or paragraph 3, Article 20"). A law named once applies to the whole list.
- A range of paragraphs or items, which `CrossRef` cannot hold, gives its two ends.
- A paragraph cited without an article is one of this article (relative "this-article"), an item
  cited alone one of this paragraph ("this-paragraph").
- Counting relatives keep the count in the level's own field: 前两款 is "preceding-paragraphs"
  with paragraph 2; 前二条 and "the preceding four Articles" are "preceding-articles" with
  article 2 and 4. "the preceding paragraphs" has no count.
- "same-article" and "same-law" references take the article and law of the nearest reference
  before them in the same text; with none, `law` stays None.
- 目 is matched and kept in the span but not stored: `CrossRef` has no field for it.
- Not references: headings (第一章, 第二节), 第三人, 第一次, 第168号, 本法 or "this Act" alone,
  "of the Legislative Yuan" without an article before it.
- English law titles: after "of the", the run of capitalised words, which may be joined by of,
  the, and, for, between…: "the Cybersecurity Law of the People's Republic of China". A defined
  short name ("of the PDPA") comes out as written; "of this Act" is this law.
- A provision's own label is not special: pass its text without the label "第八条".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeAlias

from lextm.errors import UsageError
from lextm.model import CrossRef, Number
from lextm.numerals import parse_number

__all__ = ["CONVENTIONS", "PRC", "TW", "find_references"]

PRC = "prc"
TW = "tw"
CONVENTIONS = (PRC, TW)

# Level ranks, highest first. Chinese chains name levels in falling rank.
_LAW, _ARTICLE, _PARAGRAPH, _ITEM, _SUBITEM, _HEADING = 4, 3, 2, 1, 0, -1
_LEVEL_NAMES = {_ARTICLE: "article", _PARAGRAPH: "paragraph", _ITEM: "item"}

_RELATIVE_RANK = {
    "same-law": _LAW,
    "preceding-article": _ARTICLE,
    "preceding-articles": _ARTICLE,
    "this-article": _ARTICLE,
    "same-article": _ARTICLE,
    "preceding-paragraph": _PARAGRAPH,
    "preceding-paragraphs": _PARAGRAPH,
    "this-paragraph": _PARAGRAPH,
    "preceding-item": _ITEM,
    "preceding-items": _ITEM,
    "this-item": _ITEM,
}


@dataclass(slots=True)
class _Draft:
    """A reference being assembled; spans and fields change until it becomes a CrossRef."""

    start: int
    end: int
    law: str | None = None
    law_set: bool = False  # the law was named, if only as 本法 / "this Act"
    article: Number | None = None
    article_end: Number | None = None
    paragraph: int | None = None
    item: int | None = None
    relative: str | None = None
    silent: bool = False  # kept only so that "the above-mentioned Act" can find its law

    def value_at(self, rank: int) -> object:
        """The field holding a level's number."""
        return {_ARTICLE: self.article, _PARAGRAPH: self.paragraph, _ITEM: self.item}.get(rank)

    def top(self) -> int | None:
        """The highest numbered level this reference names."""
        return next(
            (r for r in (_ARTICLE, _PARAGRAPH, _ITEM) if self.value_at(r) is not None), None
        )

    def is_empty(self) -> bool:
        """Whether nothing is cited (本法 alone, or a heading)."""
        return self.law is None and self.top() is None and self.relative is None

    def to_ref(self, text: str) -> CrossRef:
        """The finished, immutable reference."""
        return CrossRef(
            start=self.start,
            end=self.end,
            text=text[self.start : self.end],
            law=self.law,
            article=self.article,
            article_end=self.article_end,
            paragraph=self.paragraph,
            item=self.item,
            relative=self.relative,
        )


def find_references(
    text: str, lang: str = "zh", *, convention: str | None = None
) -> list[CrossRef]:
    """The cross-references in one segment of statute text, in text order (see the module doc)."""
    if convention is not None and convention not in CONVENTIONS:
        raise UsageError(f"Unknown numbering convention {convention!r}; use 'prc' or 'tw'.")
    family = lang.lower().replace("_", "-").split("-")[0]
    if family not in ("zh", "en"):
        raise UsageError(f"Cross-references are read in Chinese or English, not {lang!r}.")
    return list(_references(text, family, convention))


@lru_cache(maxsize=1 << 14)  # several checks read the references of the same segment
def _references(text: str, family: str, convention: str | None) -> tuple[CrossRef, ...]:
    drafts = _find_zh(text, convention) if family == "zh" else _find_en(text)
    drafts.sort(key=lambda draft: draft.start)
    _resolve_same(drafts)
    return tuple(draft.to_ref(text) for draft in drafts if not draft.silent)


# --- shared steps ---------------------------------------------------------------------------


def _set_level(draft: _Draft, rank: int, number: Number) -> None:
    """Store a level's number in its field."""
    if rank == _ARTICLE:
        draft.article = number
    elif rank == _PARAGRAPH:
        draft.paragraph = number.value
    elif rank == _ITEM:
        draft.item = number.value


def _set_relative(draft: _Draft, kind: str, rank: int, count: int | None, plural: bool) -> None:
    """Make a reference by position: preceding/this/same article, paragraph or item."""
    name = _LEVEL_NAMES[rank]
    if kind == "preceding" and (plural or count is not None):
        draft.relative = f"preceding-{name}s"
        if count is not None:
            _set_level(draft, rank, Number(count))
    else:
        draft.relative = f"{kind}-{name}"


def _inherit(draft: _Draft, source: _Draft, below: int) -> None:
    """Fill in what `draft` leaves out above level `below` from a list neighbour."""
    if not draft.law_set:
        draft.law, draft.law_set = source.law, source.law_set
    if draft.relative is None and source.relative and _RELATIVE_RANK[source.relative] > below:
        draft.relative = source.relative
    if below < _ARTICLE and draft.article is None:
        draft.article = source.article
    if below < _PARAGRAPH and draft.paragraph is None:
        draft.paragraph = source.paragraph
    if below < _ITEM and draft.item is None:
        draft.item = source.item


def _default_relative(draft: _Draft) -> None:
    """A paragraph or item cited on its own belongs to this article or this paragraph."""
    if draft.article is not None or draft.relative is not None or draft.law is not None:
        return
    if draft.paragraph is not None:
        draft.relative = "this-article"
    elif draft.item is not None:
        draft.relative = "this-paragraph"


def _finish(drafts: list[_Draft]) -> list[_Draft]:
    """Apply the defaults and drop what cites nothing."""
    for draft in drafts:
        _default_relative(draft)
    return [draft for draft in drafts if not draft.is_empty()]


def _resolve_same(drafts: Sequence[_Draft]) -> None:
    """Point "same-article" and "same-law" references at the nearest reference before them."""
    last_article: _Draft | None = None
    last_law: str | None = None
    for draft in drafts:
        if draft.relative == "same-article" and last_article is not None:
            draft.article = draft.article or last_article.article
            draft.law = draft.law or last_article.law
        if draft.relative == "same-law" and draft.law is None:
            draft.law = last_law
        if draft.article is not None:
            last_article = draft
        last_law = draft.law or last_law


def _merge_ranges(pairs: Sequence[tuple[str | None, _Draft]]) -> list[_Draft]:
    """Fold 第六条至第八条 into one reference; other ranges keep both ends."""
    out: list[_Draft] = []
    for joiner, draft in pairs:
        if joiner == "to" and out and _continues_range(out[-1], draft):
            out[-1].article_end, out[-1].end = draft.article, draft.end
        else:
            out.append(draft)
    return out


def _continues_range(first: _Draft, last: _Draft) -> bool:
    """Whether two articles of the same law make one range."""
    same_law = first.law == last.law and first.relative == last.relative
    return same_law and _is_bare_article(first) and _is_bare_article(last)


def _is_bare_article(draft: _Draft) -> bool:
    """An article with nothing below it and not already a range."""
    return (
        draft.article is not None
        and draft.article_end is None
        and draft.paragraph is None
        and draft.item is None
        and draft.relative in (None, "same-law")
    )


@dataclass(slots=True)
class _Tok:
    """One token of a citation: a number with its unit, a law, a relative word or a joiner."""

    kind: str
    start: int
    end: int
    rank: int | None = None
    unit: str | None = None
    number: Number | None = None
    name: str | None = None  # a law title, or the kind of a relative ("preceding"…)
    count: int | None = None
    plural: bool = False
    subs: tuple[int, ...] = ()


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only spaces lie between two tokens."""
    return end >= 0 and not text[end:start].strip(" \t\u3000")


# --- Chinese --------------------------------------------------------------------------------

_SP = r"[ \t\u3000]*"
_ZH_NUM = r"(?:[0-9０-９]+|[〇零一二三四五六七八九十百千两兩]+)"
_ZH_DASH = r"[-－‐‑–]"
_ZH_SELF = (
    r"法|规定|規定|条例|條例|办法|辦法|实施细则|實施細則|细则|細則|规则|規則|准则|準則|通则|通則"
)
# Characters that make 本 or 前 part of a word: 基本, 成本, 资本…; 目前, 提前, 事前…
_NOT_BEN = "基根成资資版样樣文副正原日剧劇课課账帳书書范範标標脚腳读讀蓝藍底抄译譯稿母"
_NOT_QIAN = "目提事空眼当當面跟门門"


def _zh_number_pattern(p: str) -> str:
    """A numbered part, 第 or not: 十二, 12, 12-1, （三）, with its unit and 之一."""
    return (
        rf"(?:(?P<{p}num>{_ZH_NUM})(?:{_SP}{_ZH_DASH}{_SP}(?P<{p}dash>{_ZH_NUM}))?"
        rf"|[（(]{_SP}(?P<{p}paren>{_ZH_NUM}){_SP}[）)])"
        rf"(?:{_SP}(?:(?P<{p}art>[条條])(?:之(?P<{p}zhi>{_ZH_NUM}))?"
        rf"|(?P<{p}unit>[款项項目章节節编編])))?"
    )


_ZH_TOKEN = re.compile(
    rf"(?P<title>《(?P<t_name>[^《》\n]{{1,80}})》)"
    rf"|(?P<self>(?<![{_NOT_BEN}])本{_SP}(?:{_ZH_SELF})(?!律))"
    rf"|(?P<samelaw>(?:同|该|該)(?:法|条例|條例|办法|辦法|规定|規定)(?={_SP}第))"
    rf"|(?P<rel>(?P<r_kind>(?<![{_NOT_QIAN}])前(?P<r_n>[二两兩三四五六七八九十])?"
    rf"|(?<![{_NOT_BEN}])本|同(?=[条條]))"
    rf"(?P<r_unit>[条條款项項])(?![例約约件文款项項目式额額]))"
    rf"|(?P<comp>第{_SP}{_zh_number_pattern('c_')})"
    rf"|(?P<bare>{_zh_number_pattern('b_')})"
    r"|(?P<part>前段|後段|后段|但書|但书)"
    r"|(?P<and>以及|或者|、|和|及|与|與|或|暨|并|並)"
    r"|(?P<to>至|到|～|~)"
)
_ZH_RELATIVE_KINDS = {"前": "preceding", "本": "this", "同": "same"}
_HEADING_UNITS = "章节節编編"

# A bare law name (Taiwan's 刑法第…條) starts after the last of these before it.
_LAW_CUT = re.compile(
    r"依照|依據|依据|按照|根據|根据|違反|违反|準用|准用|適用|适用|參照|参照|比照"
    r"|[依犯及或與与並并於于之除、]|(?<!共)和"
)
_LAW_NAME = re.compile(
    r"[\u4e00-\u9fff]+(?:法|法典|条例|條例|公约|公約|条约|條約|协定|協定|通则|通則|办法|辦法|规定|規定|细则|細則)"
)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+$")
_NOT_LAW_NAMES = frozenset(
    {"合法", "非法", "违法", "違法", "立法", "司法", "执法", "執法", "方法", "办法", "辦法", "规定"}
    | {"規定", "细则", "細則", "做法", "用法", "说法", "說法", "看法", "想法", "手法", "同法"}
)
_NOT_LAW_HEADS = ("有关", "有關", "相关", "相關", "上述", "前述", "其他", "下列", "各项", "各項")

_TRADITIONAL = (
    "條項關機體團為個資無與於國會對應當規這過從們義權責發產處業據務實員問變時間點還讓經號"
)
_SIMPLIFIED = "条项关机体团为个资无与于国会对应当规这过从们义权责发产处业据务实员问变时间点还让经号"


def _find_zh(text: str, convention: str | None) -> list[_Draft]:
    """All references in a Chinese text."""
    text_convention = _text_convention(text)
    drafts: list[_Draft] = []
    for citation in _zh_citations(text):
        conv = convention or _citation_convention(text, citation, text_convention)
        drafts.extend(_zh_citation_drafts(text, citation, conv))
    return _finish(drafts)


def _text_convention(text: str) -> str:
    """Taiwan's when the text writes 條 or 項 or is mostly in traditional characters."""
    if "條" in text or "項" in text:
        return TW
    traditional = sum(text.count(ch) for ch in _TRADITIONAL)
    simplified = sum(text.count(ch) for ch in _SIMPLIFIED)
    return TW if traditional > simplified else PRC


def _zh_tokens(text: str) -> Iterator[_Tok]:
    """The tokens of a Chinese text; numerals that do not parse are left out."""
    for match in _ZH_TOKEN.finditer(text):
        token = _zh_token(match)
        if token is not None:
            yield token


def _zh_token(match: re.Match[str]) -> _Tok | None:
    """One token from a match of `_ZH_TOKEN`."""
    kind = match.lastgroup or ""
    token = _Tok(kind, match.start(), match.end())
    if kind == "title":
        token.name = match.group("t_name").strip()
    elif kind == "rel":
        token.name = _ZH_RELATIVE_KINDS[match.group("r_kind")[0]]
        token.unit = match.group("r_unit")
        token.count = _zh_int(match.group("r_n"))
    elif kind in ("comp", "bare"):
        return _zh_numbered(match, token, "c_" if kind == "comp" else "b_")
    return token


def _zh_int(numeral: str | None) -> int | None:
    """The value of a numeral, None if absent or malformed."""
    if not numeral:
        return None
    try:
        return parse_number(numeral)
    except ValueError:
        return None


def _zh_numbered(match: re.Match[str], token: _Tok, p: str) -> _Tok | None:
    """Fill in the number and unit of 第十二条之一, 第 12-1 條, （三）项 or 七条."""
    value = _zh_int(match.group(f"{p}num") or match.group(f"{p}paren"))
    insert_text = match.group(f"{p}dash") or match.group(f"{p}zhi")
    insert = _zh_int(insert_text)
    if value is None or (insert_text and insert is None):
        return None
    token.number = Number(value, insert or 0)
    token.unit = match.group(f"{p}art") or match.group(f"{p}unit")
    return token


@dataclass(slots=True)
class _ZhMember:
    """One member of a Chinese citation list: [law] [relative] 第…条第…款…."""

    joiner: str | None  # "and" or "to" before it; None for the first member
    floor: int  # end of the last token used before it: a bare law name lies after it
    tokens: list[_Tok] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Where the member begins."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Where the member ends."""
        return self.tokens[-1].end

    @property
    def numbers(self) -> list[_Tok]:
        """The numbered parts, 第X条 and the like."""
        return [t for t in self.tokens if t.kind in ("comp", "bare")]

    @property
    def prefix(self) -> _Tok | None:
        """The law named before the numbers, if any."""
        first = self.tokens[0]
        return first if first.kind in ("title", "self", "samelaw") else None

    @property
    def relative(self) -> _Tok | None:
        """The relative word (前款, 本条…), if any."""
        return next((t for t in self.tokens if t.kind == "rel"), None)


class _ZhSplitter:
    """Groups Chinese tokens into citations (lists of members) by adjacency and joiners."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.citations: list[list[_ZhMember]] = []
        self.members: list[_ZhMember] = []
        self.joiner: str | None = None
        self.last_end = -1
        self.floor = 0  # end of the last token used in a reference

    def feed(self, token: _Tok) -> None:
        """Take the next token."""
        if not _adjacent(self.text, self.last_end, token.start):
            self.close()
        self.last_end = token.end
        if token.kind in ("and", "to"):
            self._join(token.kind)
        elif self._continues(token):
            self.members[-1].tokens.append(token)
            self.floor = token.end
        elif token.kind not in ("bare", "part") or self.joiner is not None:
            self._open(token)
        else:
            self.close()  # a number outside a list is just a number

    def close(self) -> None:
        """End the current citation."""
        if self.members:
            self.citations.append(self.members)
        self.members, self.joiner = [], None

    def _join(self, kind: str) -> None:
        if self.members and self.joiner is None:
            self.joiner = kind
        else:
            self.close()

    def _continues(self, token: _Tok) -> bool:
        """Whether the token extends the current member: 本法 → 第八条 → 第二款."""
        if self.joiner is not None or not self.members:
            return False
        kinds = {t.kind for t in self.members[-1].tokens}
        if token.kind == "part":
            return True  # 第四十五條第一項後段, 前項但書: a part of the provision, same numbers
        if token.kind == "comp":
            second_article = token.unit in ("条", "條") and bool(kinds & {"comp", "bare", "rel"})
            return not second_article
        return token.kind == "rel" and not kinds & {"comp", "bare", "rel"}

    def _open(self, token: _Tok) -> None:
        if self.joiner is None:
            self.close()
        self.members.append(_ZhMember(self.joiner, self.floor, [token]))
        self.joiner = None
        self.floor = token.end


def _zh_citations(text: str) -> list[list[_ZhMember]]:
    """The citations of a Chinese text, units filled in where a list member leaves them out."""
    splitter = _ZhSplitter(text)
    for token in _zh_tokens(text):
        splitter.feed(token)
    splitter.close()
    citations = []
    for members in splitter.citations:
        _fill_units(members)
        kept = [member for member in members if _drop_unitless_tail(member)]
        if kept:
            citations.append(kept)
    return citations


def _fill_units(members: Sequence[_ZhMember]) -> None:
    """第六、七条 and 第（一）、（二）项: a number without a unit takes the next one's."""
    following: str | None = None
    for member in reversed(members):
        for token in reversed(member.numbers):
            token.unit = token.unit or following
            following = token.unit
        if member.prefix is not None or member.relative is not None:
            following = None


def _drop_unitless_tail(member: _ZhMember) -> bool:
    """Cut 第三 off 第十条第三人: numbers left without a unit cite nothing. False if none remain."""
    while member.tokens and member.tokens[-1].kind in ("comp", "bare"):
        if member.tokens[-1].unit is not None:
            break
        member.tokens.pop()
    return bool(member.tokens)


def _zh_rank(unit: str | None, conv: str) -> int | None:
    """The level a unit names under a convention; None for a number without a unit."""
    if unit is None:
        return None
    if unit in "条條":
        return _ARTICLE
    if unit == "目":
        return _SUBITEM
    if unit in _HEADING_UNITS:
        return _HEADING
    is_paragraph = (unit == "款") == (conv == PRC)
    return _PARAGRAPH if is_paragraph else _ITEM


def _citation_convention(text: str, members: Sequence[_ZhMember], text_convention: str) -> str:
    """PRC or Taiwan for one citation, by its own characters, its order, then the whole text."""
    written = text[members[0].start : members[-1].end]
    if any(ch in written for ch in "條項"):
        guess = TW
    elif any(ch in written for ch in "条项"):
        guess = PRC
    else:
        guess = text_convention
    other = PRC if guess == TW else TW
    if not _in_order(members, guess) and _in_order(members, other):
        return other
    return guess


def _in_order(members: Sequence[_ZhMember], conv: str) -> bool:
    """Whether every member names its levels from the highest down."""
    for member in members:
        ranks = [_zh_rank(t.unit, conv) for t in member.numbers]
        known = [r for r in ranks if r is not None]
        if any(a <= b for a, b in itertools.pairwise(known)):
            return False
    return True


def _zh_citation_drafts(text: str, members: Sequence[_ZhMember], conv: str) -> list[_Draft]:
    """One draft per member, list elision applied, article ranges folded."""
    pairs: list[tuple[str | None, _Draft]] = []
    previous: _Draft | None = None
    for member in members:
        draft = _zh_member_draft(text, member, conv, previous)
        if draft is not None:
            pairs.append((member.joiner, draft))
        previous = draft
    return _merge_ranges(pairs)


def _zh_member_draft(
    text: str, member: _ZhMember, conv: str, previous: _Draft | None
) -> _Draft | None:
    """The reference one member makes, None for a heading or a number that is no reference."""
    draft = _Draft(member.start, member.end)
    ranks = [_zh_rank(t.unit, conv) for t in member.numbers]
    if _HEADING in ranks:
        return None
    prefix, relative = member.prefix, member.relative
    if prefix is not None:
        _apply_zh_prefix(draft, prefix)
    elif member.joiner is None:
        _find_bare_law(text, member, draft)
    elif previous is not None and relative is None and ranks and ranks[0] is not None:
        _inherit(draft, previous, below=ranks[0])
    if relative is not None:
        _apply_zh_relative(draft, relative, conv)
    for token, rank in zip(member.numbers, ranks, strict=True):
        if rank is not None and token.number is not None:
            _set_level(draft, rank, token.number)
    return None if draft.is_empty() else draft


def _apply_zh_relative(draft: _Draft, relative: _Tok, conv: str) -> None:
    """前款, 前两款, 本条, 同條: the level follows the convention, as for numbers."""
    rank = _zh_rank(relative.unit, conv)
    if rank in _LEVEL_NAMES and relative.name is not None:
        _set_relative(draft, relative.name, rank, relative.count, plural=False)


def _apply_zh_prefix(draft: _Draft, prefix: _Tok) -> None:
    """《…》 names a law; 本法 names this one; 同条例 the one named before."""
    draft.law_set = True
    if prefix.kind == "title":
        draft.law = prefix.name
    elif prefix.kind == "samelaw":
        draft.relative = "same-law"


def _find_bare_law(text: str, member: _ZhMember, draft: _Draft) -> None:
    """刑法第三百三十九條: a law name written without 《》 right before the citation."""
    run = _HAN_RUN.search(text[member.floor : member.start])
    if run is None or not member.numbers or member.tokens[0].kind != "comp":
        return
    cuts = list(_LAW_CUT.finditer(run.group()))
    name = run.group()[cuts[-1].end() :] if cuts else run.group()
    if not _LAW_NAME.fullmatch(name) or name in _NOT_LAW_NAMES or name.startswith(_NOT_LAW_HEADS):
        return
    draft.law, draft.law_set = name, True
    draft.start = member.start - len(name)


# --- English --------------------------------------------------------------------------------

_EN_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=1
    )
}
_EN_ORDINALS = {
    word: value
    for value, word in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"],
        start=1,
    )
}
_EN_LEVEL = r"articles?|paragraphs?|sub-?paragraphs?|items?"
_EN_NUM = r"\d+(?:-\d+)?"
_EN_WORD_NUM = "|".join(_EN_NUMBER_WORDS)
_EN_CAPITAL = r"(?:[A-Z][\w'’-]*|\([A-Z][\w'’ -]*\))"
_EN_TITLE_JOIN = r"(?:of|the|and|on|for|in|between|to|against|with|concerning)"
_EN_TITLE = rf"{_EN_CAPITAL}(?:\s+(?:{_EN_TITLE_JOIN}\s+)*{_EN_CAPITAL})*"
_EN_ORDINAL_WORDS = "|".join(_EN_ORDINALS)
_EN_NOT_TITLE = rf"(?i:preceding|same|above|aforementioned|aforesaid|{_EN_ORDINAL_WORDS})"

_EN_TOKEN = re.compile(
    rf"(?P<law>\bof\s+the\s+(?!{_EN_NOT_TITLE}\b)(?P<l_title>{_EN_TITLE}))"
    r"|(?P<self>\bof\s+this\s+(?i:act|law|code|regulations?|provisions|measures|rules)\b)"
    r"|(?P<rel>\b(?P<r_kind>(?i:the\s+preceding|this|the\s+same|the\s+above-mentioned"
    r"|the\s+aforementioned|the\s+aforesaid))"
    rf"(?:\s+(?P<r_n>(?i:{_EN_WORD_NUM})|\d+))?"
    rf"\s+(?P<r_level>(?i:{_EN_LEVEL}|act|law|code))\b)"
    rf"|(?P<ord>\b(?:(?i:the)\s+)?(?P<o_n>(?i:{_EN_ORDINAL_WORDS}))"
    rf"\s+(?P<o_level>(?i:{_EN_LEVEL}))\b)"
    rf"|(?P<comp>\b(?P<c_level>(?i:{_EN_LEVEL}))\s+(?P<c_num>{_EN_NUM}|(?i:{_EN_WORD_NUM}))\b"
    r"(?P<c_subs>(?:\(\d+\))*))"
    rf"|(?P<bare>\b(?P<b_num>{_EN_NUM})\b(?P<b_subs>(?:\(\d+\))*))"
    r"|(?P<of>\bof\b)"
    r"|(?P<and>\b(?:and/or|and|or|as\s+well\s+as)\b)"
    r"|(?P<comma>,)"
    r"|(?P<to>\b(?:through|to)\b|[~～–—])"
)
_EN_SUBS = re.compile(r"\((\d+)\)")
_EN_JOINERS = frozenset({"of", "and", "comma", "to"})


def _find_en(text: str) -> list[_Draft]:
    """All references in an English text."""
    splitter = _EnSplitter(text)
    for match in _EN_TOKEN.finditer(text):
        token = _en_token(match)
        if token is not None:
            splitter.feed(token)
    splitter.close()
    drafts: list[_Draft] = []
    for citation in splitter.citations:
        drafts.extend(_en_citation_drafts(citation))
    return _finish(drafts)


def _en_rank(level: str) -> int:
    """The level an English word names."""
    word = level.lower().rstrip("s").replace("-", "")
    return {"article": _ARTICLE, "paragraph": _PARAGRAPH}.get(word, _ITEM)


def _en_number(raw: str) -> Number:
    """12, 12-1 or a number word."""
    word = raw.lower()
    return Number(_EN_NUMBER_WORDS[word]) if word in _EN_NUMBER_WORDS else Number.parse(raw)


def _en_token(match: re.Match[str]) -> _Tok | None:
    """One token from a match of `_EN_TOKEN`; None for "this Act" and similar non-references."""
    kind = match.lastgroup or ""
    token = _Tok(kind, match.start(), match.end())
    if kind == "law":
        token.rank, token.name = _LAW, match.group("l_title")
    elif kind == "self":
        token.rank = _LAW
    elif kind == "rel":
        return _en_relative(match, token)
    elif kind == "ord":
        token.kind, token.rank = "comp", _en_rank(match.group("o_level"))
        token.number = Number(_EN_ORDINALS[match.group("o_n").lower()])
    elif kind in ("comp", "bare"):
        p = "c_" if kind == "comp" else "b_"
        token.number = _en_number(match.group(f"{p}num"))
        token.subs = tuple(int(n) for n in _EN_SUBS.findall(match.group(f"{p}subs")))
        if kind == "comp":
            token.rank = _en_rank(match.group("c_level"))
            token.plural = match.group("c_level").lower().endswith("s")
    return token


def _en_relative(match: re.Match[str], token: _Tok) -> _Tok | None:
    """the preceding (two) paragraph(s), this Article, the same Article, the above-mentioned Act."""
    kind = match.group("r_kind").lower().split()[-1]
    kind = "same" if kind in ("same", "above-mentioned", "aforementioned", "aforesaid") else kind
    level = match.group("r_level").lower()
    if level in ("act", "law", "code"):
        if kind != "same":
            return None  # "this Act" is the law naming itself, not a reference
        token.kind, token.rank = "samelaw", _LAW
        return token
    token.rank, token.name = _en_rank(level), kind
    if kind == "same" and (token.rank != _ARTICLE or level.endswith("s")):
        return None
    count = match.group("r_n")
    token.count = None if count is None else _en_number(count).value
    token.plural = level.endswith("s")
    return token


@dataclass(slots=True)
class _Clist:
    """A level word with its numbers (Articles 9, 10 and 12), a relative, or a law."""

    token: _Tok
    members: list[_Tok] = field(default_factory=list)
    ends: dict[int, _Tok] = field(default_factory=dict)  # member index → range end

    @property
    def start(self) -> int:
        """Where the list begins."""
        return self.token.start

    @property
    def end(self) -> int:
        """Where the list ends."""
        if not self.members:
            return self.token.end
        last = len(self.members) - 1
        return self.ends[last].end if last in self.ends else self.members[-1].end


_EnItem: TypeAlias = _Clist | str


class _EnSplitter:
    """Groups English tokens into citations: level lists joined by of, commas, and, through."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.citations: list[list[_EnItem]] = []
        self.items: list[_EnItem] = []
        self.last_end = -1

    def feed(self, token: _Tok) -> None:
        """Take the next token."""
        if not _adjacent(self.text, self.last_end, token.start):
            self.close()
        self.last_end = token.end
        if token.kind in _EN_JOINERS:
            self._join(token.kind)
        elif token.kind == "bare" or (token.kind == "comp" and self._is_range_end(token)):
            self._extend(token)
        else:
            self._push(token)

    def close(self) -> None:
        """End the current citation."""
        while self.items and isinstance(self.items[-1], str):
            self.items.pop()
        if self.items:
            self.citations.append(self.items)
        self.items = []

    def _join(self, kind: str) -> None:
        last = self.items[-1] if self.items else None
        if isinstance(last, _Clist):
            self.items.append(kind)
        elif last == "comma" and kind in ("and", "to"):
            self.items[-1] = kind
        else:
            self.close()

    def _is_range_end(self, token: _Tok) -> bool:
        """Articles 91 through Article 93: a level word may repeat after "through"."""
        if len(self.items) < 2 or self.items[-1] != "to":
            return False
        clist = self.items[-2]
        return isinstance(clist, _Clist) and clist.token.rank == token.rank

    def _extend(self, token: _Tok) -> None:
        """Add a number to the level list before it: Articles 9, 10 and 12; Articles 6 to 8."""
        joiner = self.items[-1] if self.items else None
        clist = self.items[-2] if len(self.items) > 1 else None
        if (
            not isinstance(clist, _Clist)
            or not clist.members
            or joiner not in ("comma", "and", "to")
        ):
            self.close()
            return
        self.items.pop()
        if joiner == "to" and len(clist.members) - 1 not in clist.ends:
            clist.ends[len(clist.members) - 1] = token
        else:
            clist.members.append(token)

    def _push(self, token: _Tok) -> None:
        if self.items and not isinstance(self.items[-1], str):
            if token.kind in ("law", "self"):
                self.items.append("of")  # the token holds its own "of"
            else:
                self.close()
        members = [token] if token.kind == "comp" else []
        self.items.append(_Clist(token, members))


def _en_citation_drafts(items: Sequence[_EnItem]) -> list[_Draft]:
    """The references of one English citation."""
    units: list[list[_Clist]] = [[]]
    separators: list[str] = []
    for item in items:
        if isinstance(item, _Clist):
            units[-1].append(item)
        elif item != "of":
            separators.append(item)
            units.append([])
    drafts = _en_join_units(units, separators)
    _en_backfill(drafts)
    for draft in drafts:
        # "provisions of the X Act" cites no provision, but a later "the above-mentioned Act" may
        # mean it; "of the Legislative Yuan" is no law at all. Either way it is not reported.
        draft.silent = draft.top() is None and draft.relative is None
    return drafts


def _en_join_units(units: Sequence[list[_Clist]], separators: Sequence[str]) -> list[_Draft]:
    """Join "paragraph 1, Article 20" across commas; start a new group at and/or."""
    out: list[_Draft] = []
    group = _unit_drafts(units[0])
    ranks = _unit_ranks(units[0])
    for separator, unit in zip(separators, units[1:], strict=True):
        drafts = _unit_drafts(unit)
        if separator == "comma" and _can_join(group, ranks, drafts, unit):
            group = _join_groups(group, drafts)
            ranks |= _unit_ranks(unit)
        else:
            out.extend(group)
            group, ranks = drafts, _unit_ranks(unit)
    return out + group


def _unit_ranks(unit: Sequence[_Clist]) -> set[int]:
    """The levels a unit names."""
    return {clist.token.rank for clist in unit if clist.token.rank is not None}


def _can_join(
    group: list[_Draft], ranks: set[int], drafts: list[_Draft], unit: list[_Clist]
) -> bool:
    """Commas join parts naming different levels, never a relative: "Article 3, the preceding…"."""
    numbered = unit[0].token.kind == "comp"
    one_side_single = len(group) == 1 or len(drafts) == 1
    return numbered and one_side_single and not ranks & _unit_ranks(unit)


def _join_groups(first: list[_Draft], second: list[_Draft]) -> list[_Draft]:
    """Share the fields of the one-reference side with every reference of the other."""
    single, many = (first[0], second) if len(first) == 1 else (second[0], first)
    for draft in many:
        _fill(draft, single)
    if single is first[0]:
        many[0].start = min(many[0].start, single.start)
    else:
        many[-1].end = max(many[-1].end, single.end)
    return many


def _fill(draft: _Draft, source: _Draft) -> None:
    """Copy the fields `draft` lacks from `source`."""
    if not draft.law_set:
        draft.law, draft.law_set = source.law, source.law_set
    draft.article = draft.article or source.article
    draft.article_end = draft.article_end or source.article_end
    draft.paragraph = draft.paragraph if draft.paragraph is not None else source.paragraph
    draft.item = draft.item if draft.item is not None else source.item
    draft.relative = draft.relative or source.relative


def _unit_drafts(unit: Sequence[_Clist]) -> list[_Draft]:
    """paragraphs 1 and 2 of Article 34: one reference per number of the list that varies."""
    choices = [_clist_options(clist) for clist in unit]
    first, last = min(c.start for c in unit), max(c.end for c in unit)
    drafts: list[_Draft] = []
    for combo in itertools.product(*choices):
        draft = _Draft(first, last)
        for part in combo:
            _fill(draft, part)
        drafts.append(draft)
    spread = next((options for options in choices if len(options) > 1), None)
    if spread is not None:
        for index, draft in enumerate(drafts):
            own = spread[index % len(spread)]
            draft.start = first if index == 0 else own.start
            draft.end = last if index == len(drafts) - 1 else own.end
    return drafts


def _clist_options(clist: _Clist) -> list[_Draft]:
    """What each number of a level list, a relative or a law contributes."""
    token = clist.token
    if token.rank == _LAW:
        relative = "same-law" if token.kind == "samelaw" else None
        return [_Draft(token.start, token.end, law=token.name, law_set=True, relative=relative)]
    if token.kind == "rel":
        draft = _Draft(token.start, token.end)
        if token.rank in _LEVEL_NAMES and token.name is not None:
            _set_relative(draft, token.name, token.rank, token.count, token.plural)
        return [draft]
    return [option for i in range(len(clist.members)) for option in _member_options(clist, i)]


def _member_options(clist: _Clist, index: int) -> list[_Draft]:
    """One number or range of a list: Article 8(1)(3), Articles 6 to 8, paragraphs 1 to 3."""
    rank = clist.token.rank or _ITEM
    member, last = clist.members[index], clist.ends.get(index)
    start = clist.start if index == 0 else member.start
    number = member.number or Number(0)
    if rank == _ARTICLE and last is None and _is_hyphen_range(clist, number):
        return [
            _Draft(
                start, member.end, article=Number(number.value), article_end=Number(number.insert)
            )
        ]
    head = _numbered_draft(start, member.end, rank, number, member.subs)
    if last is None or last.number is None:
        return [head]
    if rank == _ARTICLE:
        head.article_end, head.end = last.number, last.end
        return [head]
    return [head, _numbered_draft(last.start, last.end, rank, last.number, last.subs)]


def _is_hyphen_range(clist: _Clist, number: Number) -> bool:
    """A lone plural "Articles 7-10" names a range; "Article 7-10" is an inserted article."""
    return clist.token.plural and len(clist.members) == 1 and number.insert > number.value


def _numbered_draft(
    start: int, end: int, rank: int, number: Number, subs: tuple[int, ...]
) -> _Draft:
    """A reference to one number, with Article 8(1)(3)'s parenthesised levels below it."""
    draft = _Draft(start, end)
    _set_level(draft, rank, number)
    for offset, sub in enumerate(subs, start=1):
        _set_level(draft, rank - offset, Number(sub))
    return draft


def _en_backfill(drafts: list[_Draft]) -> None:
    """English names higher levels last: "paragraph 2 or paragraph 3, Article 20", "of the Act"."""
    for later, draft in zip(reversed(drafts[1:]), reversed(drafts[:-1]), strict=True):
        top = draft.top()
        unanchored = draft.article is None and draft.relative is None and not draft.law_set
        if unanchored and top is not None and later.value_at(top) is not None:
            _inherit(draft, later, below=top)
        if not draft.law_set and draft.relative is None and later.law_set:
            draft.law, draft.law_set = later.law, True
            if later.relative == "same-law":
                draft.relative = later.relative
