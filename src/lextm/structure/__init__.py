"""Parsing a law version (Chinese or English) into its provision tree.

`parse_law` reads a file through the clean-up, `parse_text` parses text that is already clean.
Legal structure is found by rules and numeral conversion, never by the word segmenter.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Kind, LawText, Provision
from .builder import build_tree
from .en import classify_en
from .lines import LineKind, ParsedLine
from .note import parse_note
from .zh import classify_zh

__all__ = ["detect_language", "parse_law", "parse_note", "parse_text", "regenerate_text"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """ "zh" when Han characters outnumber Latin letters by a margin, else "en"."""
    sample = text[:20_000]
    han, latin = len(_HAN.findall(sample)), len(_LATIN.findall(sample))
    return "zh" if han * 3 >= latin else "en"


def _classify(lang: str, lines: list[str]) -> list[ParsedLine]:
    classify = classify_zh if lang == "zh" else classify_en
    return [classify(index, text) for index, text in enumerate(lines, 1)]


def _as_text(line: ParsedLine) -> ParsedLine:
    """A line whose label was rejected by context, read again as plain text."""
    from .en import _enumerator as enum_en
    from .zh import _enumerator as enum_zh

    enumerator = enum_zh(line.text) if _HAN.search(line.text) else enum_en(line.text)
    return ParsedLine(line.line, line.text, LineKind.TEXT, enumerator=enumerator)


def parse_text(text: str, *, lang: str | None = None, path: str | None = None) -> LawText:
    """Parse clean text (one line per paragraph) into a `LawText`; raises InputError if no
    article is found."""
    language = (lang or detect_language(text))[:2]
    lines = text.split("\n")
    provisions = build_tree(_classify(language, lines), _as_text)
    law = LawText(language, provisions, path=path)
    if not law.articles():
        raise InputError(
            "no articles found: a law text has articles such as 第一条 / 第 1 條 / Article 1",
            path=path or "<text>",
        )
    note = law.first(Kind.NOTE)
    return LawText(
        language,
        provisions,
        note=parse_note(_note_text(note), lang=language) if note else None,
        path=path,
    )


def _note_text(note: Provision) -> str:
    return note.text if not note.children else " ".join(c.text for c in note.children)


def parse_law(path: str | Path, *, lang: str | None = None, encoding: str | None = None) -> LawText:
    """Read, clean and parse a law file; the clean-up record travels with the result."""
    from ..cleanup import read_text_file

    clean = read_text_file(path, encoding=encoding)
    law = parse_text(clean.text, lang=lang, path=str(path))
    return LawText(
        law.lang,
        law.provisions,
        note=law.note,
        cleanups=clean.cleanups,
        encoding=clean.encoding,
        path=str(path),
    )


def regenerate_text(law: LawText) -> str:
    """The clean text the tree was parsed from, rebuilt from the tree alone."""
    out: list[str] = []
    prefix: str | None = None  # an inline article label waiting for its first paragraph
    for node in law.walk():
        if node.kind is Kind.ARTICLE:
            if node.separator is None:
                out.append(node.text)
            else:
                prefix = node.text + node.separator
        elif prefix is not None and node.kind is Kind.PARAGRAPH:
            out.append(prefix + node.text)
            prefix = None
        elif node.text:
            out.append(node.text)
    return "\n".join(out)
