"""Folding texts for comparison: width, script (traditional → simplified) and Latin case.

Matching, term lookup and concordance compare folded texts; stored texts stay as written.
`fold` maps character by character, so a folded text has the same length as the original and
spans found in it are spans of the original. The script table comes from OpenCC's data
(traditional characters and their Taiwan / Hong Kong variants → simplified), read once, lazily;
this module is the only one that touches the OpenCC package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["FOLD_VERSION", "fold", "fold_spaces", "is_traditional"]

# Bump when the folding rules change: stored folded columns are then recomputed.
FOLD_VERSION = 2
_DICTIONARIES = ("TWVariantsRev.txt", "HKVariantsRev.txt", "TSCharacters.txt")


def _read_pairs(name: str) -> dict[str, str]:
    text = (resources.files("opencc") / "dictionary" / name).read_text(encoding="utf-8")
    pairs: dict[str, str] = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        # Only one-to-one characters keep folding length-preserving.
        if len(source) == 1 and len(target) == 1:
            pairs[source] = target
    return pairs


@cache
def _script_table() -> dict[str, str]:
    variants = {**_read_pairs("TWVariantsRev.txt"), **_read_pairs("HKVariantsRev.txt")}
    simplified = _read_pairs("TSCharacters.txt")
    table = {ch: simplified.get(ch, ch) for ch in simplified}
    for variant, standard in variants.items():
        table[variant] = simplified.get(standard, standard)
    return {k: v for k, v in table.items() if k != v}


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII → ASCII
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table.update({ord(k): v for k, v in _script_table().items()})
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):  # full-width capitals fold to lower-case ASCII
        table[code] = chr(code - 0xFEE0 + 32)
    return table


def fold(text: str) -> str:
    """The comparison form of a text, character for character (same length)."""
    if text.isascii():  # only A-Z change below U+0080
        return text.lower()
    return text.translate(_table())


def fold_spaces(text: str) -> str:
    """`fold`, with runs of white space made one space and the ends trimmed (for indexes)."""
    folded = fold(text)
    # Only " " among the white space characters is printable: most texts need no work.
    if folded.isprintable() and "  " not in folded and folded[:1] != " " != folded[-1:]:
        return folded
    return " ".join(folded.split())  # str.split: the same white space as `\s`, in C


def is_traditional(text: str) -> bool:
    """Whether a text has more traditional-only characters than a stray few."""
    table = _script_table()
    count = sum(1 for ch in text if ch in table)
    return count >= 3 or (count > 0 and count * 50 >= len(text))
