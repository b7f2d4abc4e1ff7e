"""Mapping the articles of two versions of a law by content, never by number.

The method, in passes (docs/versions.md has the reasons and the measurements):

1. **Anchors.** Articles whose folded text is the same on both sides are paired; the longest
   chain of them in order on both sides (the LIS) is the backbone; a verbatim article off the
   chain moved and is paired too. The effective-date clause (本法自…起施行) that closes both
   versions is an anchor as well.
2. **In-order pairing.** Between consecutive backbone anchors, a dynamic program pairs the
   remaining articles in order, maximising the sum of (similarity − threshold): the monotone
   preference that keeps look-alike articles (the board of a limited company and that of a
   joint-stock company) with their own neighbours.
3. **Moves.** Articles still alone are paired greedily wherever they are when the similarity
   is clearly high, or when they are each other's best match (near where the order puts them,
   a lower similarity will do); an in-order pair gives way to a clearly better lone partner;
   two lone articles one of which lies inside the other are paired. A lone article whose text
   went into an article that is already paired waits for pass 4 (a merge, not a move).
4. **Splits and merges.** Each article is cut into pieces (sentences, items); a piece its
   partner does not hold but another article does (most of its rare bigrams, clearly more
   than anywhere else) links the two: one old article linked to several new ones is split,
   one new article fed by several old ones is merged. Formulas the law repeats in many
   articles (构成犯罪的，依法追究刑事责任) and text copied rather than moved (still held by the
   other article's own partner) link nothing. A weak pair gives way to a verbatim source.
   Pieces of two articles found mostly in each other link them too, below that threshold.
5. **Lone articles.** Two articles each still without any link, where a piece of one is
   found clearly best in the other, are linked: a provision moved and rewritten that nothing
   else explains. What is left is inserted or deleted.

Similarity is Dice's coefficient of the character bigram sets of the folded text (width,
script, punctuation and spaces ignored; repeated formulas left out); for a version in English
and other languages written with spaces, of its words and pairs of adjacent words. Piece shares
weigh each bigram by its inverse document frequency, so stock phrases (有下列情形之一的) count less
than the words that make a provision. Inside each pair the paragraphs are paired in order, and
`char_diff` gives the character-level changes.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..errors import InputError
from .texts import ArticleText, VersionText, bigrams, dice, folded, uses_words

__all__ = [
    "CHANGES",
    "DELETED",
    "INSERTED",
    "MERGED",
    "MODIFIED",
    "RENUMBERED",
    "RENUMBERED_MODIFIED",
    "SPLIT",
    "UNCHANGED",
    "ArticleLink",
    "DiffOp",
    "ParagraphLink",
    "VersionMapping",
    "char_diff",
    "ensure_comparable",
    "map_versions",
]

UNCHANGED = "unchanged"
MODIFIED = "modified"
RENUMBERED = "renumbered"
RENUMBERED_MODIFIED = "renumbered+modified"
SPLIT = "split"
MERGED = "merged"
INSERTED = "inserted"
DELETED = "deleted"
CHANGES = (
    UNCHANGED,
    MODIFIED,
    RENUMBERED,
    RENUMBERED_MODIFIED,
    SPLIT,
    MERGED,
    INSERTED,
    DELETED,
)

IN_ORDER = 0.3  # least similarity for a pair in document order (pass 2)
MOVED = 0.5  # least similarity for a pair out of order (pass 3)
MOVED_MUTUAL = 0.4  # … when each is the other's most similar article
NEAR = 12  # … or IN_ORDER when they are that close to where the order puts them
PART = 0.7  # least share of a moved piece's bigrams found in another article (pass 4)
PART_MARGIN = 0.1  # … and by how much more than in any third article
RECIPROCAL = 0.45  # least share when pieces of two articles are found in each other (pass 4)
RECIPROCAL_MARGIN = 0.2  # … and by how much more than in any third article, both ways
EXPLAINED = 0.6  # a piece this much inside the partner stayed with it
MERGED_FIRST = 0.8  # a lone article's piece this much inside a paired one was merged there
VERBATIM = 0.9  # a piece this much inside another article came from it as it was
COPIED = 0.85  # a piece this much inside its old place as well was copied, not moved
BOILERPLATE = 2  # a piece found in more articles of its own version than this is a formula
LONE = 0.5  # least share of a piece of a lone article found in another lone one (pass 5)
LONE_MARGIN = 0.15  # … and by how much more than in any third article
LONE_MIN = 8  # least folded length of such a piece (公司可以向其他企业投资 is ten)
PART_MIN = 12  # least folded length of a piece (shorter texts share bigrams by chance)
EXCHANGE = 0.2  # how much better a lone partner must be to take over a pair (pass 3b)
CONTAINED = 0.8  # least share of the shorter text inside the longer one (pass 3c)
CONTAINED_MOVED = 0.9  # the same, for two lone articles anywhere
DIFFERENT = 0.25  # below this share of text in common, two texts are different laws

DiffOp = tuple[str, str]  # ("=", text), ("-", removed), ("+", added)


@dataclass(frozen=True, slots=True)
class ParagraphLink:
    """A pair of paragraphs (1-based positions) inside a pair of articles."""

    old: int | None
    new: int | None
    change: str
    similarity: float


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """One record of a mapping: old and new article labels (None for inserted / deleted),
    what changed, and how similar the two texts are (for a split or merge: the share of the
    part found in the whole)."""

    old: str | None
    new: str | None
    change: str
    similarity: float
    paragraphs: tuple[ParagraphLink, ...] = ()


@dataclass(frozen=True, slots=True)
class VersionMapping:
    """The articles of two versions mapped by content, in the new version's order (deleted
    articles stand where they stood in the old version)."""

    old: VersionText
    new: VersionText
    links: tuple[ArticleLink, ...]

    def counts(self) -> dict[str, int]:
        """How many records of each kind of change, in the order of `CHANGES`."""
        found = Counter(link.change for link in self.links)
        return {change: found[change] for change in CHANGES if found[change]}

    def new_for(self, old: str) -> tuple[ArticleLink, ...]:
        """The records that continue an old article (several when it was split)."""
        return tuple(link for link in self.links if link.old == old and link.new is not None)

    def old_for(self, new: str) -> tuple[ArticleLink, ...]:
        """The records a new article comes from (several when it merges old ones)."""
        return tuple(link for link in self.links if link.new == new and link.old is not None)

    def renumbering(self) -> dict[str, str]:
        """Old label → new label for every old article continued by exactly one new one."""
        out: dict[str, str] = {}
        for link in self.links:
            if link.old is not None and link.new is not None and len(self.new_for(link.old)) == 1:
                out[link.old] = link.new
        return out

    @property
    def shared(self) -> float:
        """How much of the text the two versions share: the similarities of the paired
        articles summed, over the article count of the larger version (0 to 1)."""
        total = sum(link.similarity for link in self.links if link.old and link.new)
        return total / max(len(self.old.articles), len(self.new.articles), 1)

    @property
    def identical(self) -> bool:
        """Whether the two versions have the same articles with the same text."""
        return all(link.change == UNCHANGED for link in self.links) and len(
            self.old.articles
        ) == len(self.new.articles)


def map_versions(old: VersionText, new: VersionText) -> VersionMapping:
    """Map the articles of `old` onto those of `new` by content (see the module doc)."""
    return _Mapper(old.articles, new.articles, words=uses_words(old.lang)).run(old, new)


def ensure_comparable(mapping: VersionMapping) -> None:
    """Refuse (InputError) two versions with the same text, or texts of different laws."""
    old, new = mapping.old.name or "the old version", mapping.new.name or "the new version"
    if mapping.identical:
        raise InputError(
            f"{old} and {new} have the same text: there is nothing to map",
            hint="Name two different versions.",
        )
    shared = mapping.shared
    if shared < DIFFERENT:
        raise InputError(
            f"{old} and {new} look like different laws: they share {shared:.0%} of their text "
            f"(versions of one law share {DIFFERENT:.0%} or more)",
            hint="Compare versions of the same law.",
        )


def char_diff(old: str, new: str, *, words: bool = False) -> tuple[DiffOp, ...]:
    """The differences between two texts, as ("=", "-", "+", text) runs: by character, or with
    `words` by word (a changed word is shown whole: [-two-]{+four+}, not [-tw-]{+f+}o{+ur+})."""
    a: Sequence[str] = _WORD_TOKEN.findall(old) if words else old
    b: Sequence[str] = _WORD_TOKEN.findall(new) if words else new
    ops: list[DiffOp] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", "".join(b[j1:j2])))
    return tuple(_joined(ops)) if words else tuple(ops)


def _joined(ops: list[DiffOp]) -> Iterator[DiffOp]:
    """Changes separated only by a space read as one change: [-preceding two-]{+Article 14,+}."""
    removed: list[str] = []
    added: list[str] = []
    pending: str | None = None  # a space between changes, not yet known to be inside a run
    for kind, text in ops:
        if kind == "=" and (removed or added) and not text.strip() and pending is None:
            pending = text
            continue
        if kind != "=":
            if pending is not None:
                removed.append(pending)
                added.append(pending)
                pending = None
            (removed if kind == "-" else added).append(text)
            continue
        yield from _flush(removed, added)
        if pending is not None:
            yield ("=", pending)
            pending = None
        yield (kind, text)
    yield from _flush(removed, added)
    if pending is not None:
        yield ("=", pending)


def _flush(removed: list[str], added: list[str]) -> Iterator[DiffOp]:
    if removed:
        yield ("-", "".join(removed))
    if added:
        yield ("+", "".join(added))
    removed.clear()
    added.clear()


# Words, runs of white space, and single other characters: what a word diff aligns.
_WORD_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


# --- pairing ------------------------------------------------------------------------------------


def _lis(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing on both sides (pairs sorted by the old side)."""
    tails: list[int] = []  # index into pairs of the last element of the best chain per length
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if pairs[tails[mid]][1] < j:
                lo = mid + 1
            else:
                hi = mid
        back[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    chain: list[tuple[int, int]] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def in_order_pairs(
    olds: Sequence[int], news: Sequence[int], sim: Callable[[int, int], float], least: float
) -> list[tuple[int, int]]:
    """The in-order pairing of two runs maximising the sum of (similarity − least)."""
    n, m = len(olds), len(news)
    if not n or not m:
        return []
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 skip old, 2 skip new, 3 pair
    for a in range(1, n + 1):
        row, above = score[a], score[a - 1]
        for b in range(1, m + 1):
            best, how = above[b], 1
            if row[b - 1] > best:
                best, how = row[b - 1], 2
            s = sim(olds[a - 1], news[b - 1])
            if s >= least and above[b - 1] + s - least > best:
                best, how = above[b - 1] + s - least, 3
            row[b], move[a][b] = best, how
    pairs: list[tuple[int, int]] = []
    a, b = n, m
    while a and b:
        how = move[a][b]
        if how == 3:
            pairs.append((olds[a - 1], news[b - 1]))
            a, b = a - 1, b - 1
        elif how == 1:
            a -= 1
        else:
            b -= 1
    return pairs[::-1]


class _Mapper:
    """One mapping run over two article lists (indexes are positions in each list)."""

    def __init__(
        self, old: Sequence[ArticleText], new: Sequence[ArticleText], *, words: bool
    ) -> None:
        self.old, self.new = old, new
        self.words = words
        self.old_text = [folded(a.text, words=words) for a in old]
        self.new_text = [folded(a.text, words=words) for a in new]
        self.old_grams = [bigrams(t, words=words) for t in self.old_text]
        self.new_grams = [bigrams(t, words=words) for t in self.new_text]
        self.old_core = _without_formulas(old, words)
        self.new_core = _without_formulas(new, words)
        documents = Counter(g for grams in (*self.old_grams, *self.new_grams) for g in grams)
        total = len(self.old_grams) + len(self.new_grams)
        # Rare bigrams say more than the law's stock phrases: inverse document frequency.
        self.weight = {g: math.log(total / n) for g, n in documents.items()}
        self._weight_of = self.weight.__getitem__
        self._masses: dict[frozenset[str], float] = {}
        self._sims: dict[tuple[int, int], float] = {}
        self.pairs: dict[int, int] = {}  # old index → new index (one-to-one)
        self.flows: dict[tuple[int, int], float] = {}  # (old, new) → share of the moved text

    def sim(self, i: int, j: int) -> float:
        """The similarity of old article i and new article j (cached)."""
        key = (i, j)
        found = self._sims.get(key)
        if found is None:
            found = self._sims[key] = dice(self.old_core[i], self.new_core[j])
        return found

    def run(self, old: VersionText, new: VersionText) -> VersionMapping:
        """All four passes, then the records."""
        backbone = self._anchor()
        self._pair_between(backbone)
        self._pair_moves()
        if self._exchange():
            self._pair_moves()
        self._pair_contained()
        self._find_flows()
        self._pair_lone_pieces()
        return VersionMapping(old, new, tuple(self._records()))

    def _anchor(self) -> list[tuple[int, int]]:
        """Pass 1: identical texts, paired in order of occurrence; the backbone is their LIS."""
        by_text: dict[str, list[int]] = {}
        for j, text in enumerate(self.new_text):
            by_text.setdefault(text, []).append(j)
        seen: Counter[str] = Counter()
        anchors = []
        for i, text in enumerate(self.old_text):
            candidates = by_text.get(text, [])
            if seen[text] < len(candidates) and len(text) >= 2:
                anchors.append((i, candidates[seen[text]]))
                seen[text] += 1
        last = (len(self.old) - 1, len(self.new) - 1)
        if (
            min(last) >= 0
            and all(_EFFECTIVE.match(t) for t in (self.old_text[-1], self.new_text[-1]))
            and not any(i == last[0] or j == last[1] for i, j in anchors)
        ):
            anchors.append(last)  # the effective-date clause closes every version
        for i, j in anchors:
            self.pairs[i] = j
        return _lis(anchors)

    def _pair_between(self, backbone: list[tuple[int, int]]) -> None:
        """Pass 2: in-order pairing in each gap between backbone anchors."""
        taken = set(self.pairs.values())
        bounds = [(-1, -1), *backbone, (len(self.old), len(self.new))]
        for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
            olds = [i for i in range(i0 + 1, i1) if i not in self.pairs]
            news = [j for j in range(j0 + 1, j1) if j not in taken]
            for i, j in in_order_pairs(olds, news, self.sim, IN_ORDER):
                self.pairs[i] = j

    def _pair_moves(self) -> None:
        """Pass 3: articles still alone, paired greedily wherever they are."""
        taken = set(self.pairs.values())
        olds = [i for i in range(len(self.old)) if i not in self.pairs]
        news = [j for j in range(len(self.new)) if j not in taken]
        best_new = {i: max(self.sim(i, j) for j in range(len(self.new))) for i in olds}
        best_old = {j: max(self.sim(i, j) for i in range(len(self.old))) for j in news}

        def acceptable(i: int, j: int) -> bool:
            s = self.sim(i, j)
            mutual = s >= best_new[i] and s >= best_old[j]
            near = mutual and s >= IN_ORDER and abs(j - self._expected(i)) <= NEAR
            return (s >= MOVED or (mutual and s >= MOVED_MUTUAL) or near) and self._not_merged(i, j)

        candidates = sorted(
            ((self.sim(i, j), i, j) for i in olds for j in news if acceptable(i, j)),
            key=lambda c: (-c[0], c[1], c[2]),
        )
        for _, i, j in candidates:
            if i not in self.pairs and j not in taken:
                self.pairs[i] = j
                taken.add(j)

    def _expected(self, i: int) -> int:
        """Where old article i would stand in the new version, judged by its paired
        predecessor."""
        for k in range(i - 1, -1, -1):
            if k in self.pairs:
                return self.pairs[k] + (i - k)
        return i

    def _not_merged(self, i: int, j: int) -> bool:
        """Whether lone articles i and j may pair: not when the text of one went rather into
        an article that is already paired (a merge or split, found in pass 4)."""
        paired_new = set(self.pairs.values())
        into_new = max(
            (self._piece_share(self.old[i], self.new_grams[k]) for k in paired_new), default=0.0
        )
        if into_new >= MERGED_FIRST and into_new >= self._piece_share(
            self.old[i], self.new_grams[j]
        ):
            return False
        from_old = max(
            (self._piece_share(self.new[j], self.old_grams[k]) for k in self.pairs), default=0.0
        )
        return not (
            from_old >= MERGED_FIRST
            and from_old >= self._piece_share(self.new[j], self.old_grams[i])
        )

    def _exchange(self) -> bool:
        """Pass 3b: an in-order pair gives way to a clearly better partner left alone."""
        changed = False
        partner_of_new = {j: i for i, j in self.pairs.items()}
        for j in range(len(self.new)):
            if j in partner_of_new:
                continue
            best = max(range(len(self.old)), key=lambda i: self.sim(i, j), default=None)
            if best is None or self.sim(best, j) < MOVED or best not in self.pairs:
                continue
            current = self.pairs[best]
            if self.sim(best, j) >= self.sim(best, current) + EXCHANGE:
                del partner_of_new[current]
                self.pairs[best] = j
                partner_of_new[j] = best
                changed = True
        for i in range(len(self.old)):
            if i in self.pairs:
                continue
            best = max(range(len(self.new)), key=lambda j: self.sim(i, j), default=None)
            if best is None or self.sim(i, best) < MOVED or best not in partner_of_new:
                continue
            current = partner_of_new[best]
            if self.sim(i, best) >= self.sim(current, best) + EXCHANGE:
                del self.pairs[current]
                self.pairs[i] = best
                partner_of_new[best] = i
                changed = True
        return changed

    def _pair_contained(self) -> None:
        """Pass 3c: in the same gap of the pairing, a lone article whose text lies inside a lone
        article on the other side (or the reverse) is the same article, extended or cut."""
        order = sorted(self.pairs.items())
        chain = _lis(order)
        bounds = [(-1, -1), *chain, (len(self.old), len(self.new))]
        taken = set(self.pairs.values())
        for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
            olds = [i for i in range(i0 + 1, i1) if i not in self.pairs]
            news = [j for j in range(j0 + 1, j1) if j not in taken]
            for i, j in in_order_pairs(olds, news, self._overlap, CONTAINED):
                self.pairs[i] = j
                taken.add(j)
        olds = [i for i in range(len(self.old)) if i not in self.pairs]
        news = [j for j in range(len(self.new)) if j not in taken]
        candidates = sorted(
            (
                (self._overlap(i, j), i, j)
                for i in olds
                for j in news
                if self._overlap(i, j) >= CONTAINED_MOVED and self._not_merged(i, j)
            ),
            key=lambda c: (-c[0], c[1], c[2]),
        )
        for _, i, j in candidates:
            if i not in self.pairs and j not in taken:
                self.pairs[i] = j
                taken.add(j)

    def _overlap(self, i: int, j: int) -> float:
        """How much of the shorter of two texts lies inside the longer one."""
        a, b = self.old_core[i], self.new_core[j]
        if min(len(self.old_text[i]), len(self.new_text[j])) < PART_MIN:
            return 0.0
        return len(a & b) / max(min(len(a), len(b)), 1)

    def _find_flows(self) -> None:
        """Pass 4: text that went to (or came from) an article other than the partner: a
        piece of an old article found in another new article makes a split, a piece of a new
        article found in another old article a merge. Then pieces that point at each other:
        a piece of old i found mostly in new j while a piece of new j is found mostly in old i
        links the two even when it was rewritten beyond the threshold of a one-way flow."""
        partner_of_new = {j: i for i, j in self.pairs.items()}
        forward: dict[tuple[int, int], float] = {}
        backward: dict[tuple[int, int], float] = {}
        for i, article in enumerate(self.old):
            self._flow_from(article, i, self.pairs.get(i), partner_of_new, forward, old_side=True)
        for j, article in enumerate(self.new):
            self._flow_from(article, j, partner_of_new.get(j), self.pairs, backward, old_side=False)
        for key, share in forward.items():
            if key in backward and key not in self.flows and self.pairs.get(key[0]) != key[1]:
                self.flows[key] = min(share, backward[key])
        self._drop_displaced(partner_of_new)

    def _pair_lone_pieces(self) -> None:
        """Pass 5: two articles each left without any link, where a piece of one is found
        clearly best in the other: a provision moved and rewritten, which nothing else in
        either version explains (a formula the law repeats links nothing)."""
        linked_old = {*self.pairs, *(i for i, _ in self.flows)}
        linked_new = {*self.pairs.values(), *(j for _, j in self.flows)}
        lone_old = {i for i in range(len(self.old)) if i not in linked_old}
        lone_new = {j for j in range(len(self.new)) if j not in linked_new}
        for i in sorted(lone_old):
            for j, share in self._lone_targets(self.old[i], i, old_side=True).items():
                if j in lone_new:
                    self.flows[(i, j)] = max(self.flows.get((i, j), 0.0), share)
        for j in sorted(lone_new):
            for i, share in self._lone_targets(self.new[j], j, old_side=False).items():
                if i in lone_old:
                    self.flows[(i, j)] = max(self.flows.get((i, j), 0.0), share)

    def _lone_targets(self, article: ArticleText, here: int, *, old_side: bool) -> dict[int, float]:
        """Articles of the other side in which a piece of `article` is found clearly best."""
        own_grams, other_grams = self._sides(old_side)
        targets: dict[int, float] = {}
        for piece in _pieces(article, self.words, LONE_MIN):
            grams = bigrams(piece, words=self.words)
            best = self._best_place(grams, here, own_grams, other_grams, None, LONE)
            if best is not None and best[1] >= LONE_MARGIN:
                targets[best[2]] = max(targets.get(best[2], 0.0), best[0])
        return targets

    def _sides(self, old_side: bool) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        """(the grams of this side's articles, those of the other side's)."""
        if old_side:
            return self.old_grams, self.new_grams
        return self.new_grams, self.old_grams

    def _best_place(
        self,
        grams: frozenset[str],
        here: int,
        own_grams: list[frozenset[str]],
        other_grams: list[frozenset[str]],
        partner: int | None,
        least: float,
    ) -> tuple[float, float, int] | None:
        """Where a piece is found best on the other side (its partner left out): (share,
        margin over the next article, index); None below `least`, or for a formula the law
        repeats in more than `BOILERPLATE` of its own articles (构成犯罪的，依法追究刑事责任),
        which moves nowhere."""
        shares = sorted(
            ((self._share(grams, g), k) for k, g in enumerate(other_grams) if k != partner),
            reverse=True,
        )
        if not shares or shares[0][0] < least:
            return None
        repeated = sum(
            1 for k, g in enumerate(own_grams) if k != here and self._share(grams, g) >= PART
        )
        if repeated > BOILERPLATE:
            return None
        margin = shares[0][0] - (shares[1][0] if len(shares) > 1 else 0.0)
        return shares[0][0], margin, shares[0][1]

    def _drop_displaced(self, partner_of_new: dict[int, int]) -> None:
        """A weak pair gives way when the new article's text came verbatim from another old
        article and nothing of the old partner can be found in it."""
        for (k, j), share in list(self.flows.items()):
            i = partner_of_new.get(j)
            if i is None or i == k or share < VERBATIM or self.sim(i, j) >= MOVED:
                continue
            kept = max(
                self._piece_share(self.old[i], self.new_grams[j]),
                self._piece_share(self.new[j], self.old_grams[i]),
            )
            if kept < EXPLAINED:
                del self.pairs[i]
                del partner_of_new[j]

    def _piece_share(self, article: ArticleText, whole: frozenset[str]) -> float:
        """The largest share of any piece of `article` found in `whole` (weighted)."""
        return max(
            (self._share(bigrams(p, words=self.words), whole) for p in self._pieces(article)),
            default=0.0,
        )

    def _pieces(self, article: ArticleText) -> list[str]:
        return _pieces(article, self.words)

    def _share(self, grams: frozenset[str], whole: frozenset[str]) -> float:
        """How much of `grams` lies in `whole`, rare bigrams counting more."""
        mass = self._masses.get(grams)
        if mass is None:
            mass = self._masses[grams] = sum(map(self._weight_of, grams))
        shared = grams & whole
        return sum(map(self._weight_of, shared)) / mass if mass and shared else 0.0

    def _flow_from(
        self,
        article: ArticleText,
        here: int,
        partner: int | None,
        partners: dict[int, int],
        pointing: dict[tuple[int, int], float],
        *,
        old_side: bool,
    ) -> None:
        """Pieces of one article that went elsewhere (not copied: a piece still found in the
        other article's own partner was there before). `partners` maps the other side's
        articles to their partners on this side; `pointing` collects, as (old, new) keys,
        where a piece is found clearly best though below the flow threshold."""
        own_grams, other_grams = self._sides(old_side)
        for piece in self._pieces(article):
            grams = bigrams(piece, words=self.words)
            if partner is not None and self._share(grams, other_grams[partner]) >= EXPLAINED:
                continue
            best = self._best_place(grams, here, own_grams, other_grams, partner, RECIPROCAL)
            if best is None or best[1] < PART_MARGIN:
                continue  # not found, a formula, or found as well elsewhere: not a move
            share, margin, there = best
            key = (here, there) if old_side else (there, here)
            if margin >= RECIPROCAL_MARGIN:
                pointing[key] = max(pointing.get(key, 0.0), share)
            if share < PART:
                continue
            back = partners.get(there)
            # Copied, not moved: the other article's own partner holds the text as well (for
            # an old piece, as well as the other article: that partner explains it).
            copied = min(COPIED, share - 0.05) if old_side else COPIED
            if back is not None and self._share(grams, own_grams[back]) >= copied:
                continue
            self.flows[key] = max(self.flows.get(key, 0.0), share)

    # --- records ---------------------------------------------------------------------------

    def _records(self) -> Iterator[ArticleLink]:
        """Records in the new version's order, deleted articles after their old predecessor."""
        linked = {**dict.fromkeys(self.pairs.items(), -1.0), **self.flows}
        out_degree = Counter(i for i, _ in linked)
        in_degree = Counter(j for _, j in linked)
        keyed: list[tuple[tuple[float, int, int], ArticleLink]] = []
        for (i, j), share in linked.items():
            if out_degree[i] > 1 or in_degree[j] > 1:
                kind = SPLIT if out_degree[i] > 1 else MERGED
                similarity = round(max(self.sim(i, j), share), 3)
                link = ArticleLink(self.old[i].label, self.new[j].label, kind, similarity)
            else:
                link = self._pair_link(i, j)
            keyed.append(((j, 0, i), link))
        for j in range(len(self.new)):
            if not in_degree[j]:
                keyed.append(((j, 0, -1), ArticleLink(None, self.new[j].label, INSERTED, 0.0)))
        for i in range(len(self.old)):
            if not out_degree[i]:
                keyed.append(
                    ((self._slot(i), 1, i), ArticleLink(self.old[i].label, None, DELETED, 0.0))
                )
        for _, link in sorted(keyed, key=lambda pair: pair[0]):
            yield link

    def _slot(self, i: int) -> float:
        """Where a deleted old article stands in the new order: after its old predecessor."""
        for k in range(i - 1, -1, -1):
            if k in self.pairs:
                return self.pairs[k] + 0.5
        return -0.5

    def _pair_link(self, i: int, j: int) -> ArticleLink:
        old, new = self.old[i], self.new[j]
        same_text = old.text == new.text
        same_label = old.label == new.label
        if same_text:
            change = UNCHANGED if same_label else RENUMBERED
        else:
            change = MODIFIED if same_label else RENUMBERED_MODIFIED
        similarity = 1.0 if same_text else round(self.sim(i, j), 3)
        paragraphs = () if same_text else map_paragraphs(old, new, words=self.words)
        return ArticleLink(old.label, new.label, change, similarity, paragraphs)


# 本法自2006年1月1日起施行 / 本條例自公布日施行 / 本法施行日期，由行政院定之; in English
# "this act shall take effect …", "the implementation date of the act shall be …" (folded text)
_EFFECTIVE = re.compile(
    r"^本(?:法|条例|规定|办法|细则|准则)(?:自.{0,40}施行|施行日期)"
    r"|^(?:the (?:amended articles of )?)?this (?:act|law|regulations?|provisions|rules|measures)"
    r" shall (?:take effect|come into (?:force|effect)|enter into force|be effective)"
    r"|^the (?:implementation|effective|enforcement) date of (?:this|the) act"
)
_PIECE = re.compile(r"(?<=[。；;])|\n")


def _without_formulas(articles: Sequence[ArticleText], words: bool) -> list[frozenset[str]]:
    """Each article's bigrams without the formulas its version repeats in many articles
    (构成犯罪的，依法追究刑事责任): they say nothing about which article is which."""
    pieces = [[folded(p, words=words) for p in _PIECE.split(a.text)] for a in articles]
    seen = Counter(p for article in pieces for p in set(article) if p)
    out = []
    for article in pieces:
        glue = " " if words else ""
        core = glue.join(p for p in article if p and seen[p] <= BOILERPLATE)
        out.append(bigrams(core or glue.join(article), words=words))
    return out


def _pieces(article: ArticleText, words: bool, shortest: int = PART_MIN) -> list[str]:
    """The article's text cut into sentences and lines, folded, long enough to trace."""
    pieces = (folded(p, words=words) for p in _PIECE.split(article.text))
    return [p for p in pieces if len(p) >= shortest]


def map_paragraphs(
    old: ArticleText, new: ArticleText, *, words: bool = False
) -> tuple[ParagraphLink, ...]:
    """The paragraphs of two articles paired in order by similarity."""
    olds, news = old.paragraphs, new.paragraphs
    old_grams = [bigrams(folded(p, words=words), words=words) for p in olds]
    new_grams = [bigrams(folded(p, words=words), words=words) for p in news]

    def sim(a: int, b: int) -> float:
        return dice(old_grams[a], new_grams[b])

    pairs = in_order_pairs(range(len(olds)), range(len(news)), sim, IN_ORDER)
    paired_old = {a for a, _ in pairs}
    paired_new = {b for _, b in pairs}
    keyed: list[tuple[tuple[float, int], ParagraphLink]] = []
    for a, b in pairs:
        same = olds[a] == news[b]
        if same:
            change = UNCHANGED if a == b else RENUMBERED
        else:
            change = MODIFIED if a == b else RENUMBERED_MODIFIED
        keyed.append(((b, 0), ParagraphLink(a + 1, b + 1, change, round(sim(a, b), 3))))
    for b in range(len(news)):
        if b not in paired_new:
            keyed.append(((b, 0), ParagraphLink(None, b + 1, INSERTED, 0.0)))
    for a in range(len(olds)):
        if a not in paired_old:
            before = [pb for pa, pb in pairs if pa < a]
            slot = (before[-1] + 0.5) if before else -0.5
            keyed.append(((slot, 1), ParagraphLink(a + 1, None, DELETED, 0.0)))
    return tuple(link for _, link in sorted(keyed, key=lambda pair: pair[0]))
