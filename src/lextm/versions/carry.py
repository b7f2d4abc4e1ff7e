"""Carrying translations from one version of a law to the next: the one carry-over engine.

`match_entries` pairs every entry of the new version with the entry of the old version it
continues: inside each pair of mapped articles (all the old articles a new one comes from, for
a split or merge) the segments are paired in order by similarity, the same source counting
most; a segment whose source stands verbatim somewhere else in the old version is found there.
Headings, title and note are paired the same way among themselves.

`carry_over` turns the pairs into the new version's document (docs/data-contract.md §3):
- the same source: the old translation and state, `#. origin: carried from OLD@ADDRESS`;
- a changed source: the old translation, `fuzzy`, the old source as the previous msgid (`#|`);
- a new segment: empty, with a note;
- `reviewed` survives only where the source and the translation are unchanged;
- article references in carried translations follow the renumbering ("Article 59" becomes
  "Article 61" when article 59 is now 61, unless the new source still cites 59 and not 61),
  each rewrite noted;
- an article whose text changed although each of its segments was found verbatim (a sentence
  deleted, articles merged) has one segment marked `fuzzy` with a note saying why, so every
  changed article asks for a look.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..address import parse_address
from ..model import DocumentFile, Entry
from ..xrefs import find_references
from .mapping import (
    RENUMBERED,
    UNCHANGED,
    VersionMapping,
    in_order_pairs,
    map_versions,
)
from .texts import VersionText, bigrams, dice, folded, uses_words

__all__ = [
    "CarryOver",
    "SegmentMatch",
    "WorkItem",
    "carry_over",
    "join_as_before",
    "match_entries",
    "rewrite_references",
]

SIMILAR = 0.5  # least similarity for an old translation to be offered (fuzzy) for a new source
_SAME = 2.0  # the weight of an identical source when pairing segments in order


@dataclass(frozen=True, slots=True)
class SegmentMatch:
    """A new entry and the old entry it continues (None when the segment is new)."""

    new: Entry
    old: Entry | None
    similarity: float

    @property
    def same_source(self) -> bool:
        """Whether the old entry has exactly the same source."""
        return self.old is not None and self.old.source == self.new.source


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A segment of the new version that needs a translator: where, and why."""

    address: str
    reason: str  # changed, new, untranslated, fuzzy, article
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CarryOver:
    """The new version's document with what was carried, and what needs work."""

    doc: DocumentFile
    source: str  # the version carried from
    mapping: VersionMapping
    carried: int = 0
    changed: int = 0
    new: int = 0
    untranslated: int = 0
    rewritten: int = 0
    work: tuple[WorkItem, ...] = field(default_factory=tuple)

    def summary(self) -> str:
        """One line: what was carried and what needs work."""
        return (
            f"carried from {self.source}: {self.carried} unchanged, {self.changed} changed "
            f"(fuzzy), {self.new} new, {self.untranslated} untranslated before; "
            f"{self.rewritten} references rewritten; {len(self.work)} segments need work"
        )


# --- pairing entries ----------------------------------------------------------------------------


@dataclass
class _Parts:
    """A document's entries sorted into article labels, article bodies and everything else."""

    labels: dict[str, Entry] = field(default_factory=dict)
    bodies: dict[str, list[Entry]] = field(default_factory=dict)
    others: list[Entry] = field(default_factory=list)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> _Parts:
        parts = cls()
        for entry in entries:
            try:
                parsed = parse_address(entry.address)
            except ValueError:
                parts.others.append(entry)
                continue
            if parsed.article is None:
                parts.others.append(entry)
            elif parsed.paragraph is None:
                parts.labels[parsed.article.label] = entry
            else:
                parts.bodies.setdefault(parsed.article.label, []).append(entry)
        return parts


def match_entries(
    old_doc: DocumentFile, new_doc: DocumentFile, mapping: VersionMapping
) -> tuple[SegmentMatch, ...]:
    """Every entry of `new_doc` with the entry of `old_doc` it continues, in document order."""
    old, new = _Parts.of(old_doc.entries), _Parts.of(new_doc.entries)
    words = uses_words(old_doc.source_lang)
    found: dict[str, tuple[Entry, float]] = {}
    position = {label: index for index, label in enumerate(mapping.old.labels)}
    for label in dict.fromkeys([*new.labels, *new.bodies]):
        links = sorted(mapping.old_for(label), key=lambda link: position.get(link.old or "", 0))
        pool = [e for link in links for e in old.bodies.get(link.old or "", [])]
        found.update(_match_run(pool, new.bodies.get(label, []), words))
        primary = max(links, key=lambda link: link.similarity, default=None)
        if primary is not None and label in new.labels and primary.old in old.labels:
            found[new.labels[label].address] = (old.labels[primary.old], primary.similarity)
    found.update(_match_run(old.others, new.others, words))
    _match_verbatim(old_doc.entries, new_doc.entries, found)
    return tuple(SegmentMatch(e, *found.get(e.address, (None, 0.0))) for e in new_doc.entries)


def _match_run(
    pool: Sequence[Entry], news: Sequence[Entry], words: bool
) -> dict[str, tuple[Entry, float]]:
    """Pair two runs of entries: in order first, then what is left, identical or similar."""
    if not pool or not news:
        return {}
    old_grams = [bigrams(folded(e.source, words=words), words=words) for e in pool]
    new_grams = [bigrams(folded(e.source, words=words), words=words) for e in news]

    def sim(a: int, b: int) -> float:
        if pool[a].source == news[b].source:
            return _SAME
        return dice(old_grams[a], new_grams[b])

    pairs = {b: a for a, b in in_order_pairs(range(len(pool)), range(len(news)), sim, SIMILAR)}
    used = set(pairs.values())
    leftovers = sorted(
        (
            (sim(a, b), a, b)
            for b in range(len(news))
            if b not in pairs
            for a in range(len(pool))
            if a not in used and sim(a, b) >= SIMILAR
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    for _, a, b in leftovers:
        if b not in pairs and a not in used:
            pairs[b] = a
            used.add(a)
    return {news[b].address: (pool[a], min(sim(a, b), 1.0)) for b, a in pairs.items()}


def _match_verbatim(
    olds: Sequence[Entry], news: Sequence[Entry], found: dict[str, tuple[Entry, float]]
) -> None:
    """A source found nowhere nearby, or only changed, but verbatim elsewhere in the old version."""
    by_source: dict[str, Entry] = {}
    for entry in olds:
        if entry.target:
            by_source.setdefault(entry.source, entry)
    for entry in news:
        current = found.get(entry.address)
        if current is not None and current[0].source == entry.source:
            continue
        elsewhere = by_source.get(entry.source)
        if elsewhere is not None and not _is_label(entry.address):
            found[entry.address] = (elsewhere, 1.0)


# --- carrying -----------------------------------------------------------------------------------


def carry_over(
    old_doc: DocumentFile, new_doc: DocumentFile, mapping: VersionMapping | None = None
) -> CarryOver:
    """The new version's document with the old version's translations carried forward.

    `new_doc` is the new version as imported (entries with empty translations and lextm's
    notes); `mapping` maps the two versions' articles (computed from the documents if None).
    """
    if mapping is None:
        mapping = map_versions(
            VersionText.from_document(old_doc), VersionText.from_document(new_doc)
        )
    new_doc = join_as_before(old_doc, new_doc)
    matches = match_entries(old_doc, new_doc, mapping)
    state = _Carrier(old_doc.version, new_doc.version, mapping.renumbering(), old_doc.source_lang)
    entries = [state.carry(match) for match in matches]
    old_order = {e.address: k for k, e in enumerate(old_doc.entries)}
    entries = _flag_changed_articles(entries, matches, mapping, state, old_order)
    doc = replace(new_doc, entries=tuple(entries))
    return CarryOver(
        doc,
        old_doc.version,
        mapping,
        state.counts["carried"],
        state.counts["changed"],
        state.counts["new"],
        state.counts["untranslated"],
        state.counts["rewritten"],
        tuple(state.work),
    )


_SENTENCES = re.compile(r"^(?P<head>.+)\.s(?P<first>\d+)(?:-(?P<last>\d+))?$")


def join_as_before(old_doc: DocumentFile, new_doc: DocumentFile) -> DocumentFile:
    """The new document with consecutive sentences joined into one entry wherever the old
    document joined the same sentences (an n–1 alignment, `art8.p2.s1-2`), so that their
    translation carries as it is."""
    joined = {e.source for e in old_doc.entries if "-" in e.address.rpartition(".s")[2]}
    if not joined:
        return new_doc
    glue = "" if new_doc.source_lang.lower().startswith("zh") else " "
    entries, out, k = new_doc.entries, [], 0
    while k < len(entries):
        found = _SENTENCES.match(entries[k].address)
        size = 0
        if found is not None:
            run = [entries[k]]
            for other in entries[k + 1 :]:
                more = _SENTENCES.match(other.address)
                if more is None or more["head"] != found["head"]:
                    break
                run.append(other)
                if glue.join(e.source for e in run) in joined:
                    size = len(run)
        if size:
            out.append(_join(entries[k : k + size], glue))
            k += size
        else:
            out.append(entries[k])
            k += 1
    return replace(new_doc, entries=tuple(out))


def _join(run: Sequence[Entry], glue: str) -> Entry:
    first, last = _SENTENCES.match(run[0].address), _SENTENCES.match(run[-1].address)
    assert first is not None and last is not None
    end = last["last"] or last["first"]
    return Entry(
        f"{first['head']}.s{first['first']}-{end}",
        glue.join(e.source for e in run),
        notes=tuple(dict.fromkeys(n for e in run for n in e.notes)),
    )


class _Carrier:
    """Builds the carried entries one by one, counting and listing what needs work."""

    def __init__(self, old: str, new: str, renumbering: Mapping[str, str], lang: str) -> None:
        self.old, self.new, self.renumbering, self.lang = old, new, renumbering, lang
        self.counts = dict.fromkeys(("carried", "changed", "new", "untranslated", "rewritten"), 0)
        self.work: list[WorkItem] = []

    def carry(self, match: SegmentMatch) -> Entry:
        entry, old = match.new, match.old
        if old is None:
            self.counts["new"] += 1
            self.work.append(WorkItem(entry.address, "new"))
            return _noted(entry, f"origin: new in {self.new} (no counterpart in {self.old})")
        origin = f"origin: carried from {self.old}@{old.address}"
        if not old.target:
            self.counts["untranslated"] += 1
            self.work.append(WorkItem(entry.address, "untranslated", old.address))
            return _noted(entry, f"{origin}, untranslated there")
        if _is_label(entry.address):
            return self._label(entry, old, origin)
        target, rewrites = rewrite_references(
            old.target, entry.source, self.renumbering, source_lang=self.lang
        )
        notes = [
            f"reference rewritten: Article {a} → Article {b} (Article {a} of {self.old} is "
            f"Article {b} of {self.new})"
            for a, b in rewrites
        ]
        self.counts["rewritten"] += len(rewrites)
        if match.same_source:
            return self._same(entry, old, target, [origin, *notes], changed_target=bool(rewrites))
        self.counts["changed"] += 1
        self.work.append(WorkItem(entry.address, "changed", f"{match.similarity:.2f}"))
        note = f"{origin}, source changed (similarity {match.similarity:.2f})"
        return replace(
            entry,
            target=target,
            flags=("fuzzy", *_ignores(old)),
            notes=(*entry.notes, note, *notes),
            comments=old.comments,
            previous=old.source,
        )

    def _same(
        self, entry: Entry, old: Entry, target: str, notes: list[str], *, changed_target: bool
    ) -> Entry:
        self.counts["carried"] += 1
        flags = old.flags
        if changed_target:
            flags = tuple(f for f in flags if f != "reviewed")
        if old.fuzzy:
            self.work.append(WorkItem(entry.address, "fuzzy", old.address))
        return replace(
            entry,
            target=target,
            flags=flags,
            notes=(*entry.notes, *notes),
            comments=old.comments,
            previous=old.previous,
        )

    def _label(self, entry: Entry, old: Entry, origin: str) -> Entry:
        """An article label: the same label carries; a renumbered one gets the new number."""
        if old.source == entry.source:
            return self._same(entry, old, old.target, [origin], changed_target=False)
        was, now = _label_of(old.address), _label_of(entry.address)
        relabelled = _replace_number(old.target, was, now)
        if relabelled is not None:
            self.counts["carried"] += 1
            return replace(
                entry,
                target=relabelled,
                flags=tuple(f for f in old.flags if f not in ("reviewed", "fuzzy")),
                notes=(*entry.notes, f"{origin}, renumbered {was} → {now}"),
                comments=old.comments,
            )
        self.counts["changed"] += 1
        self.work.append(WorkItem(entry.address, "changed", "label"))
        return replace(
            entry,
            target=old.target,
            flags=("fuzzy", *_ignores(old)),
            notes=(*entry.notes, f"{origin}, label changed"),
            comments=old.comments,
            previous=old.source,
        )


def _flag_changed_articles(
    entries: list[Entry],
    matches: Sequence[SegmentMatch],
    mapping: VersionMapping,
    state: _Carrier,
    old_order: Mapping[str, int],
) -> list[Entry]:
    """Mark one segment of each changed article whose segments were all found verbatim."""
    bodies: dict[str, list[int]] = {}
    for k, entry in enumerate(entries):
        label, body = _body_of(entry.address)
        if label is not None and body:
            bodies.setdefault(label, []).append(k)
    for label, members in bodies.items():
        links = mapping.old_for(label)
        if not links or all(link.change in (UNCHANGED, RENUMBERED) for link in links):
            continue
        if any(entries[k].fuzzy or not entries[k].target for k in members):
            continue
        k = _where_changed(members, matches, old_order)
        olds = ", ".join(f"Article {link.old}" for link in links)
        kinds = " / ".join(sorted({link.change for link in links}))
        why = f"{kinds} from {olds} of {state.old}: its text changed around this segment"
        entry = entries[k]
        entries[k] = replace(
            entry,
            flags=tuple(dict.fromkeys(f for f in ("fuzzy", *entry.flags) if f != "reviewed")),
            notes=(*entry.notes, f"article changed: {why}"),
        )
        state.work.append(WorkItem(entry.address, "article", why))
    return entries


def _where_changed(
    members: Sequence[int], matches: Sequence[SegmentMatch], old_order: Mapping[str, int]
) -> int:
    """The first segment whose old counterpart does not follow the previous one's."""
    previous: int | None = None
    for k in members:
        old = matches[k].old
        here = old_order.get(old.address) if old is not None else None
        if previous is not None and here is not None and here != previous + 1:
            return k
        previous = here
    return members[0]


# --- references ---------------------------------------------------------------------------------

_ARTICLE_WORD = re.compile(r"\bArt(?:icles?|s?\.)\s*", re.I)


def rewrite_references(
    target: str, new_source: str, renumbering: Mapping[str, str], *, source_lang: str = "zh"
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A translation with its references to renumbered articles of this law rewritten.

    `renumbering` maps old article labels to new ones. A number the new source still cites,
    while it does not cite the new number, is left alone (the source governs). Returns the
    text and the (old, new) rewrites.
    """
    if not target or not renumbering:
        return target, ()
    cited = _cited(new_source, source_lang)
    edits: list[tuple[int, int, str]] = []
    done: list[tuple[str, str]] = []
    for ref in find_references(target, "en"):
        if ref.law is not None or ref.relative is not None or ref.article is None:
            continue
        start = ref.start
        for number in (ref.article, ref.article_end):
            if number is None:
                continue
            span = _number_span(target, start, ref.end, number.label)
            if span is None:
                continue
            start = span[1]
            now = renumbering.get(number.label)
            if now is None or now == number.label:
                continue
            if number.label in cited and now not in cited:
                continue  # the new source still cites the old number: the source governs
            edits.append((span[0], span[1], now))
            done.append((number.label, now))
    for begin, end, text in sorted(edits, reverse=True):
        target = target[:begin] + text + target[end:]
    return target, tuple(done)


def _cited(source: str, lang: str) -> set[str]:
    """Labels of the articles of this law a source text cites."""
    out: set[str] = set()
    for ref in find_references(source, lang):
        if ref.law is None and ref.relative is None:
            out.update(n.label for n in (ref.article, ref.article_end) if n is not None)
    return out


def _number_pattern(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d(-]){re.escape(label)}(?!\d|-\d)")


def _number_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Where an article number stands inside a reference: after "Article", else the first."""
    word = _ARTICLE_WORD.search(text, start, end)
    pattern = _number_pattern(label)
    if word is not None:
        found = pattern.match(text, word.end(), end)
        if found is not None:
            return found.span()
    found = pattern.search(text, start, end)
    return found.span() if found else None


def _replace_number(text: str, was: str, now: str) -> str | None:
    """A label translation with its number replaced ("Article 59" → "Article 61")."""
    found = _number_pattern(was).search(text)
    if found is None:
        return None
    return text[: found.start()] + now + text[found.end() :]


# --- small helpers ------------------------------------------------------------------------------


def _noted(entry: Entry, note: str) -> Entry:
    return replace(entry, notes=(*entry.notes, note))


def _ignores(entry: Entry) -> tuple[str, ...]:
    return tuple(f for f in entry.flags if f.startswith("lextm-ignore:"))


def _is_label(address: str) -> bool:
    label, body = _body_of(address)
    return label is not None and not body


def _body_of(address: str) -> tuple[str | None, bool]:
    """(article label, whether the address is inside the article body) of an entry."""
    try:
        parsed = parse_address(address)
    except ValueError:
        return None, False
    if parsed.article is None:
        return None, False
    return parsed.article.label, parsed.paragraph is not None


def _label_of(address: str) -> str:
    label, _ = _body_of(address)
    return label or ""
