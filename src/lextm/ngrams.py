"""Character bigram postings: built in bulk and counted per query, with numpy.

The candidate index keeps, for every character bigram, the units whose folded source holds it.
A posting list is a sorted array of 64-bit values `length << 40 | unit id`, where `length` is the
length of the unit's comparison form: sorted by length first, so a query slices out the lengths
that can reach its threshold before counting. Postings are stored as raw bytes (little-endian
uint64) by the store; this module knows nothing of SQL. numpy is used only here: counting tens
of thousands of postings per query is a sort and a run-length pass in C, not a Python loop.

A bigram's key is `ord(first) << 21 | ord(second)` (code points need 21 bits).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = [
    "CHUNK_CHARS",
    "GRAM_VERSION",
    "MAX_CHUNK",
    "SHORT",
    "build_postings",
    "count_candidates",
    "gram_keys",
    "length_key",
    "posting_ids",
    "shared_ids",
]

# Bump when the key or value layout changes: the store rebuilds its postings.
GRAM_VERSION: Final = 2
# Units whose comparison form is this short are also listed under `length_key(length)`, so
# short queries (where counting bigrams proves nothing) find them without a scan.
SHORT: Final = 8
# Length keys use a "first character" beyond Unicode (U+10FFFF), so no bigram collides.
_LENGTH_BASE: Final = 0x110000
_ID_BITS: Final = 40
_ID_MASK: Final = (1 << _ID_BITS) - 1
_MAX_LENGTH: Final = (1 << 23) - 1
_CODE_BITS: Final = 21
_RANK_BITS: Final = 21
# Units per `build_postings` call: the rank of a unit inside a chunk must fit in 21 bits.
MAX_CHUNK: Final = 1 << _RANK_BITS
_BLOCK: Final = 1 << 14
# Characters per `build_postings` call that keep it near 150 MB (about 36 bytes a character):
# callers split larger inputs, so indexing memory does not grow with a file's size.
CHUNK_CHARS: Final = 4_000_000
_U64 = np.uint64
_Array = npt.NDArray[np.uint64]


def length_key(length: int) -> int:
    """The key listing the units whose comparison form has this length (1 to `SHORT`)."""
    return (_LENGTH_BASE + length) << _CODE_BITS


def gram_keys(text: str) -> Counter[int]:
    """The bigram keys of a text with how often each occurs."""
    codes = [ord(ch) for ch in text]
    return Counter((a << _CODE_BITS) | b for a, b in itertools.pairwise(codes))


def _codes(texts: Sequence[str]) -> npt.NDArray[np.uint32]:
    data = "".join(texts).encode("utf-32-le", "surrogatepass")
    return np.frombuffer(data, dtype=np.uint32)


def build_postings(
    ids: Sequence[int], texts: Sequence[str], lengths: Sequence[int]
) -> Iterator[tuple[int, int, bytes]]:
    """(key, count, postings) for every bigram of `texts`, postings sorted.

    `ids` are the units' ids (below 2**40), `texts` the texts whose bigrams are indexed,
    `lengths` the lengths stored beside each id (capped at 2**23 − 1). At most `MAX_CHUNK`
    units per call.
    """
    count = len(texts)
    if count > MAX_CHUNK:
        raise ValueError(f"at most {MAX_CHUNK} units per call, not {count}")
    if not count:
        return
    capped = np.minimum(np.asarray(lengths, dtype=np.int64), _MAX_LENGTH).astype(_U64)
    packed = capped << _U64(_ID_BITS) | np.asarray(ids, dtype=_U64)
    # Ranks follow the packed values, so each key's postings come out sorted.
    order = np.argsort(packed, kind="stable")
    packed = packed[order]
    ordered = [texts[index] for index in order.tolist()]
    sizes = np.fromiter(map(len, ordered), dtype=np.int64, count=count)
    # Memory is what bounds a chunk (see `CHUNK_CHARS`): the per-character arrays are built
    # in place and dropped as soon as they are used, so at most three are alive at once.
    codes = _codes(ordered).astype(_U64)
    del ordered
    owner = np.repeat(np.arange(count, dtype=_U64), sizes)
    same = owner[:-1] == owner[1:]
    combined = codes[:-1] << _U64(_CODE_BITS)
    combined |= codes[1:]
    del codes
    combined <<= _U64(_RANK_BITS)
    combined |= owner[:-1]
    del owner
    combined = combined[same]
    del same
    # Short units are also listed under a key for their length (see `length_key`).
    ranks = np.arange(count, dtype=_U64)
    ranked_lengths = packed >> _U64(_ID_BITS)
    short = (ranked_lengths <= _U64(SHORT)) & (ranked_lengths > _U64(0))
    lengths_of_short = ranked_lengths[short]
    extra = (_U64(_LENGTH_BASE) + lengths_of_short) << _U64(_CODE_BITS + _RANK_BITS) | ranks[short]
    combined = _sorted_unique(np.concatenate((combined, extra)))  # by key, then by rank
    rank_of = combined & _U64((1 << _RANK_BITS) - 1)
    combined >>= _U64(_RANK_BITS)
    keys = combined
    values = packed[rank_of.view(np.int64)]
    del rank_of
    if not len(keys):
        return
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    ends = np.append(starts[1:], len(keys))
    firsts = keys[starts]
    # Python ints cost ~30 bytes each: convert a block of keys at a time, not millions.
    for block in range(0, len(starts), _BLOCK):
        window = slice(block, block + _BLOCK)
        for key, start, end in zip(
            firsts[window].tolist(), starts[window].tolist(), ends[window].tolist(), strict=True
        ):
            yield key, end - start, values[start:end].tobytes()


def _sorted_unique(values: _Array) -> _Array:
    """The distinct values, sorted in place (np.unique may hash instead of sorting: slower)."""
    values.sort()
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=np.bool_)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def count_candidates(
    postings: Iterable[tuple[bytes, int]], needs: Sequence[int], low: int
) -> list[int]:
    """Ids whose count reaches what their length needs; sorted by length, then id.

    `postings` are (blob, weight) pairs; a blob's weight is how often its bigram occurs in the
    query, so the count of a unit is the number of the query's bigram occurrences it holds (as
    far as the blobs given go; a unit appears at most once per blob). A unit of length
    `low + i` needs `needs[i]`; other lengths are left out.
    """
    blobs = [blob for blob, weight in postings for _ in range(weight)]
    if not blobs or not needs:
        return []
    values = np.frombuffer(b"".join(blobs), dtype=_U64)
    lengths = values >> _U64(_ID_BITS)
    values = values[(lengths >= low) & (lengths < low + len(needs))]
    if not len(values):
        return []
    values.sort()
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    counts = np.diff(np.append(starts, len(values)))
    distinct = values[starts]
    sizes = (distinct >> _U64(_ID_BITS)).astype(np.int64)
    required = np.asarray(needs, dtype=np.int64)[sizes - low]
    ids: list[int] = (distinct[counts >= required] & _U64(_ID_MASK)).tolist()
    return ids


def posting_ids(blob: bytes) -> set[int]:
    """The unit ids of one blob."""
    values = np.frombuffer(blob, dtype=_U64) & _U64(_ID_MASK)
    found: set[int] = set(values.tolist())
    return found


def shared_ids(groups: Iterable[Iterable[bytes]]) -> list[int]:
    """Ids present in every group (a group: the blobs of one bigram), sorted."""
    common: _Array | None = None
    for blobs in groups:
        arrays = [np.frombuffer(blob, dtype=_U64) & _U64(_ID_MASK) for blob in blobs]
        ids = _sorted_unique(np.concatenate(arrays)) if arrays else np.empty(0, dtype=_U64)
        common = ids if common is None else np.intersect1d(common, ids, assume_unique=True)
        if not len(common):
            break
    result: list[int] = [] if common is None else common.tolist()
    return result
