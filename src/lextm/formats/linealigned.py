"""Line-aligned parallel text: `corpus.zh` and `corpus.en`, one segment a line, line N of one
file the translation of line N of the other (the format of Moses and most MT toolkits).

The language is the file's last suffix (`corpus.zh`, `corpus.zh-TW`, `corpus.en`). Each line is
one segment, UTF-8, ending in `\\n`; a segment's own line breaks and tabs are escaped as `\\n`,
`\\r` and `\\t`, and a backslash as `\\\\`, so no segment spans lines and every text comes back
as it was. An empty line is an empty segment (an untranslated unit on the target side). Files
of different lengths are refused, naming both counts: nothing is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Unit
from ._common import (
    Tally,
    atomic_stream,
    escape_field,
    lang_matches,
    normalize_lang,
    unescape_field,
)

__all__ = ["pair_of", "read_lines", "write_lines"]


def pair_of(path: Path, source_lang: str, target_lang: str) -> tuple[Path, Path]:
    """The source-language and target-language files of a pair, from either one of them.

    `corpus.zh` finds `corpus.en` beside it (any file `corpus.<tag>` in the other language);
    InputError when the partner is missing or neither file is in the project's languages.
    """
    lang = path.suffix[1:]
    if lang_matches(lang, source_lang):
        other = target_lang
    elif lang_matches(lang, target_lang):
        other = source_lang
    else:
        raise InputError(
            f"the file's suffix .{lang} is neither {source_lang} nor {target_lang}",
            path=path,
            hint="Name the files after their languages: corpus.zh and corpus.en.",
        )
    candidates = sorted(
        sibling
        for sibling in path.parent.glob(f"{path.stem}.*")
        if sibling != path and lang_matches(sibling.suffix[1:], other)
    )
    if not candidates:
        raise InputError(
            f"no {path.stem}.{other.split('-')[0]} beside it: a line-aligned corpus is two files",
            path=path,
        )
    pair = (path, candidates[0])
    return pair if other == target_lang else (pair[1], pair[0])


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("not valid UTF-8", path=path) from error
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=path) from None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    return [line.removesuffix("\r") for line in lines]


def read_lines(
    source: Path, target: Path, *, source_lang: str, target_lang: str, tally: Tally | None = None
) -> Iterator[Unit]:
    """The units of a line-aligned pair, in line order."""
    tally = tally if tally is not None else Tally()
    sources, targets = _lines(source), _lines(target)
    if len(sources) != len(targets):
        raise InputError(
            f"{len(sources)} lines, but {target} has {len(targets)}: the files are not aligned",
            path=source,
        )
    src_lang = normalize_lang(source.suffix[1:]) or source_lang
    tgt_lang = normalize_lang(target.suffix[1:]) or target_lang
    for number, (src, tgt) in enumerate(zip(sources, targets, strict=True), 1):
        tally.read += 1
        tally.written += 1
        text = unescape_field(tgt)
        yield Unit(
            source=unescape_field(src),
            target=text,
            source_lang=src_lang,
            target_lang=tgt_lang,
            address=f"line{number}",
            position=number - 1,
            origin="imported",
            state="translated" if text else "untranslated",
        )


def write_lines(
    source: Path, target: Path, units: Iterable[Unit], *, tally: Tally | None = None
) -> Tally:
    """Write units as a line-aligned pair (texts escaped), both files atomically."""
    tally = tally if tally is not None else Tally()
    with atomic_stream(source) as out_source, atomic_stream(target) as out_target:
        for unit in units:
            tally.read += 1
            out_source.write(escape_field(unit.source) + "\n")
            out_target.write(escape_field(unit.target) + "\n")
            tally.written += 1
    return tally
