"""Checks on the text of one entry: untranslated, punctuation, enumeration, modal verbs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from ..fold import fold
from ..model import Entry, Span
from ..numerals import parse_number
from .context import DocumentContext
from .registry import Problem, check

__all__ = ["DEFAULT_MODALS"]

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002fa1f]+")
_FULLWIDTH_PUNCT = re.compile(r"[，。；：！？、（）《》“”‘’【】「」『』〔〕︰]")
_PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”"}
_ZH_LABEL = re.compile(
    r"^[（(]([一二三四五六七八九十百]+|[0-9０-９]+)[）)]|^([一二三四五六七八九十百]+)、"
)
_EN_LABEL = re.compile(r"^\(?([0-9]+|[a-z]|[ivxlc]+)[.)]")
_INLINE_ZH = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")
_INLINE_EN = re.compile(r"\((\d+)\)")


def _spans(pattern: re.Pattern[str], text: str) -> tuple[Span, ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


@check("untranslated", "error", "Untranslated text", family="completeness", needs_target=False)
def untranslated(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """A segment with no translation, a translation identical to its Chinese source, or Chinese
    characters left in the translation.

    An empty translation is reported as a warning (work not done yet); Chinese left in the
    English is an error, with the characters marked.
    """
    if not entry.target:
        yield Problem("not translated yet", severity="warning")
        return
    if _HAN.search(entry.source) and fold(entry.target) == fold(entry.source):
        yield Problem("the translation is a copy of the source")
        return
    spans = _spans(_HAN, entry.target)
    if spans:
        found = "".join(entry.target[a:b] for a, b in spans)
        yield Problem(f"Chinese characters left in the translation: {found}", target_spans=spans)


@check("punctuation", "warning", "Punctuation and brackets", family="form")
def punctuation(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """Full-width (Chinese) punctuation in the English translation, and brackets or quotes
    that are opened and not closed (or closed and not opened)."""
    spans = _spans(_FULLWIDTH_PUNCT, entry.target)
    if spans:
        marks = " ".join(entry.target[a:b] for a, b in spans)
        yield Problem(f"full-width punctuation in the translation: {marks}", target_spans=spans)
    for opener, closer in _PAIRS.items():
        opened, closed = entry.target.count(opener), entry.target.count(closer)
        if opened != closed:
            yield Problem(f"unbalanced {opener}{closer}: {opened} opened, {closed} closed")


def _zh_label(text: str) -> int | None:
    match = _ZH_LABEL.match(text)
    if match is None:
        return None
    return parse_number(match.group(1) or match.group(2))


def _en_label(text: str) -> tuple[int, str] | None:
    match = _EN_LABEL.match(text)
    if match is None:
        return None
    raw = match.group(1)
    if raw.isdigit():
        return int(raw), "number"
    if len(raw) == 1 and raw not in "ivx":
        return ord(raw) - ord("a") + 1, "letter"
    from ..numerals import from_roman

    try:
        return from_roman(raw), "roman"
    except ValueError:
        return ord(raw[0]) - ord("a") + 1, "letter"


@check("enumeration", "error", "Enumerated items", family="structure")
def enumeration(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """The item labels of the source – （一）…（N） or 一、…N、 – and those of the translation –
    (1)…(N), 1.…N. – must match in number and order, both for an item's own label and for
    enumerations running inside a sentence."""
    source_label = _zh_label(entry.source)
    if source_label is not None:
        target = _en_label(entry.target)
        if target is None:
            yield Problem(
                f"the item label {entry.source.split('）')[0]}） has no label in the translation",
                source_spans=((0, 3),),
            )
        elif target[0] != source_label:
            yield Problem(
                f"item {source_label} is labelled {target[0]} in the translation",
                target_spans=((0, len(entry.target.split(" ")[0])),),
            )
    inline_zh = [parse_number(n) for n in _INLINE_ZH.findall(entry.source[1:])]
    inline_en = [int(n) for n in _INLINE_EN.findall(entry.target[1:])]
    if inline_zh and inline_zh != inline_en:
        yield Problem(f"enumeration {inline_zh} in the source but {inline_en} in the translation")


DEFAULT_MODALS: Mapping[str, Sequence[str]] = {
    "应当": (r"\bshall\b", r"\bmust\b", r"\bis required to\b", r"\bare required to\b"),
    "必须": (r"\bshall\b", r"\bmust\b"),
    "不得": (
        r"\bshall not\b",
        r"\bmay not\b",
        r"\bmust not\b",
        r"\bno\b.*\bshall\b",
        r"\bprohibited\b",
        r"\bnot (?:be )?(?:allowed|permitted)\b",
        r"\bshall neither\b",
        r"\bnor\b",
    ),
    "禁止": (r"\bprohibit", r"\bforbid", r"\bshall not\b", r"\bmay not\b", r"\bbann"),
    "可以": (r"\bmay\b", r"\bcan\b", r"\bis (?:permitted|allowed|entitled)\b"),
}


def _modals(ctx: DocumentContext) -> Mapping[str, Sequence[str]]:
    configured = ctx.settings.get("modal_verbs")
    if isinstance(configured, Mapping):
        return {str(k): tuple(str(v) for v in vs) for k, vs in configured.items()}
    return DEFAULT_MODALS


@check("modal-verbs", "warning", "Modal verbs", family="meaning")
def modal_verbs(ctx: DocumentContext, entry: Entry) -> Iterator[Problem]:
    """应当 / 必须 are rendered shall or must, 可以 may, 不得 / 禁止 shall not or is
    prohibited. A source modal with none of its renderings in the translation is reported.
    The table can be replaced in lextm.toml (`[settings] modal_verbs = { "应当" = ["shall"] }`)."""
    source = fold(entry.source)
    target = entry.target.lower()
    for modal, patterns in _modals(ctx).items():
        start = source.find(fold(modal))
        if start < 0 or (modal == "可以" and "不可以" in source):
            continue
        if not any(re.search(p, target) for p in patterns):
            wanted = " / ".join(p.replace(r"\b", "").replace("\\", "") for p in patterns[:3])
            yield Problem(
                f"{modal} is not rendered as {wanted}",
                source_spans=((start, start + len(modal)),),
            )
