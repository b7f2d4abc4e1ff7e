"""Read a text file in whatever encoding and tidy what extraction left behind, recording changes.

Decoding detects a BOM, then tries strict UTF-8, then GB18030 against Big5. Cleaning only removes
noise (BOMs, line-ending variants, invisible characters, Word bookmarks, stray spacing, the
padding inside Chinese heading names, page numbers, blank lines); the words, punctuation and
full-width forms are left exactly as written.
Every change becomes a `Cleanup` so `--explain` can show the user what was done to their file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from lextm.errors import InputError
from lextm.model import Cleanup

__all__ = ["CleanText", "clean_text", "decode_bytes", "read_text_file"]


@dataclass(frozen=True, slots=True)
class CleanText:
    """A cleaned text with the codec it was read with and every change made to it."""

    text: str
    encoding: str
    cleanups: tuple[Cleanup, ...]
    line_map: tuple[int, ...]  # line_map[i] is the raw line number of cleaned line i + 1


# --- decoding -------------------------------------------------------------------------------------

# UTF-32 comes first because its little-endian BOM begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# cp950 is Microsoft's Big5 with the characters plain Big5 lacks (碁, 銹, 裏…); it only wins
# where big5 itself fails, since ties go to the earlier candidate.
_LEGACY_CODECS = ("gb18030", "big5", "cp950")

# Characters frequent in legal texts, simplified and traditional. Decoding with the wrong
# codec yields mostly rare characters, so the right codec scores far higher.
_COMMON_HAN = re.compile(
    "[的一是在人不有和为為于於以及或者其中本条條款项項第章节節编編法律规規定应應当當机機关關部门門"
    "国國家政府行民公司会會员員事务務管理权權利义義责責任依照根据據按对對由向自起施日年月并並可得"
    "须須准準许許经經报報告登记記执執行处處罚罰违違反情形具体體办辦申请請决決院级級市区區县縣省内內"
    "外网網络絡信息资資料数數安全保护護个個组組织織业業主]"
)
# GB18030 maps byte pairs it has no character for into the private-use area.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENCODING_HINT = "Name the file's encoding with --encoding (for example --encoding gb18030)."


def decode_bytes(data: bytes, *, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes, detecting the codec unless one is named; returns (text, codec)."""
    if not data:
        raise InputError("the file is empty.", path=path)
    if encoding is not None:
        text, used = _decode_named(data, encoding, path)
    else:
        text, used = _decode_detected(data, path)
    _reject_nul(text, used, path)
    if not text:
        raise InputError("the file is empty.", path=path)
    return text, used


def _decode_named(data: bytes, encoding: str, path: str) -> tuple[str, str]:
    """Decode strictly with the codec the user named."""
    try:
        name = codecs.lookup(encoding).name
        return data.decode(name), name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}.",
            path=path,
            hint="Use a codec name such as utf-8, gb18030 or big5.",
        ) from None
    except UnicodeDecodeError as error:
        raise _undecodable(data, [error], path) from None


def _decode_detected(data: bytes, path: str) -> tuple[str, str]:
    """Pick the codec by BOM, then UTF-8, then whichever legacy Chinese codec reads best."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_named(data, name, path)
    nul = data.find(b"\0")
    if nul >= 0:
        raise _binary(data, nul, "latin-1", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        failures = [error]
    readings: list[tuple[str, str]] = []
    for name in _LEGACY_CODECS:
        try:
            readings.append((data.decode(name), name))
        except UnicodeDecodeError as error:
            failures.append(error)
    if not readings:
        raise _undecodable(data, failures, path)
    return max(readings, key=lambda reading: _plausibility(reading[0]))


def _plausibility(text: str) -> int:
    """How much a decoding looks like Chinese: common characters count for, private-use against."""
    return len(_COMMON_HAN.findall(text)) - len(_PRIVATE_USE.findall(text))


def _reject_nul(text: str, codec: str, path: str) -> None:
    """Refuse text holding NUL characters: it is a binary file read as text."""
    index = text.find("\x00")
    if index >= 0:
        offset = len(text[:index].encode(codec))
        raise _binary(text[:index].encode(codec), offset, codec, path)


def _binary(data: bytes, offset: int, codec: str, path: str) -> InputError:
    """The error for a file holding NUL bytes."""
    return InputError(
        f"is a binary file, not text (NUL byte at byte offset {offset}).",
        path=path,
        line=_line_at(data, offset, codec),
        hint="Give lextm the plain-text (.txt) version of the document.",
    )


def _undecodable(data: bytes, failures: list[UnicodeDecodeError], path: str) -> InputError:
    """The error for bytes no codec could read, placed where the most promising codec failed."""
    furthest = max(failures, key=lambda error: error.start)
    names = [error.encoding for error in failures]
    tried = " or ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
    bad = data[furthest.start : furthest.end].hex(" ")
    return InputError(
        f"cannot be decoded as {tried}: invalid byte(s) {bad} at byte offset {furthest.start}.",
        path=path,
        line=_line_at(data, furthest.start, furthest.encoding),
        hint=_ENCODING_HINT,
    )


def _line_at(data: bytes, offset: int, codec: str) -> int:
    """The 1-based raw line holding the byte at `offset`."""
    prefix = data[:offset].decode(codec, errors="replace")
    return len(_LINE_BREAK.findall(prefix)) + 1


# --- cleaning -------------------------------------------------------------------------------------

_BOM = re.compile("\ufeff")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad]")
_REMOVABLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\x0b\x0c\u2028\u2029]")
_BREAK_CHARS = re.compile("[\x0b\x0c\u2028\u2029]")
# Word bookmarks as docx-to-text converters dump them, e.g. `[bookmark: _GoBack]`.
_ARTIFACT = re.compile(r"\[bookmark:[^\]\x0b\x0c\u2028\u2029]*\]")
_SPACE_VARIANT = re.compile("[\t\u00a0\u3000\u2000-\u200a\u202f\u205f]")
_FINAL_SPACES = re.compile(r"(?<=[\r\n])[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+\Z")
_DOUBLE = re.compile(" {2,}")
# A line needing none of the per-line rules skips them all: most lines of a clean file.
_NEEDS_WORK = re.compile(
    "[\ufeff\u200b\u200c\u200d\u2060\u00ad\x0b\x0c\u2028\u2029\t\u00a0\u3000\u2000-\u200a"
    "\u202f\u205f]|\\[bookmark:|^ | $|  "
)

_DIGITS = "[0-9０-９]+"
_DASH = "[-‐‑‒–—―－]+"
_HAN_DIGITS = "[一二三四五六七八九十百零〇]+"
_PAGE_START = frozenset("0123456789０１２３４５６７８９-‐‑‒–—―－第Pp")
_PAGE_NUMBER = re.compile(
    rf"{_DASH} ?{_DIGITS} ?{_DASH}"
    rf"|第 ?(?:{_DIGITS}|{_HAN_DIGITS}) ?[页頁](?: ?[/／,，]? ?共 ?{_DIGITS} ?[页頁])?"
    rf"|{_DIGITS} ?[/／] ?{_DIGITS}"
    rf"|(?i:page) ?{_DIGITS}(?: ?(?:(?i:of)|/) ?{_DIGITS})?"
)
_BARE_INTEGER = re.compile(_DIGITS)
# A bare integer followed by a unit is part of the sentence split over lines, not a page number:
# real texts break 本法自 / 2024 / 年 / 7 / 月 / 1 / 日起施行。
_UNITS = frozenset("年月日号號时時分秒条條款项項章节節编編目元角万萬亿億个個名人次岁歲%％‰")


# A cleaned line before page numbers are judged: (raw line number, text, its spacing fixes).
# A plain tuple, because a clean file makes one per line and a dataclass costs ten times more.
_Piece = tuple[int, str, tuple[Cleanup, ...]]


def clean_text(text: str) -> CleanText:
    """Clean a decoded text; the result is stable under cleaning again."""
    text, removals = _strip_final_spaces(text)
    raw_lines, line_endings = _split_lines(text)
    pieces: list[_Piece] = []
    blank_lines: list[int] = []
    for number, raw in enumerate(raw_lines, start=1):
        if raw and not _NEEDS_WORK.search(raw):
            pieces.append((number, raw, ()))
            continue
        line_pieces = _clean_line(raw, number, removals)
        pieces.extend(line_pieces)
        if not line_pieces:
            blank_lines.append(number)
    kept, judged = _drop_page_numbers(pieces)
    records = [*line_endings, *removals, *judged]
    if blank_lines:
        records.append(Cleanup("blank-line", blank_lines[0], "", "", len(blank_lines)))
    return CleanText(
        text="\n".join(piece[1] for piece in kept),
        encoding="utf-8",
        cleanups=tuple(sorted(records, key=lambda change: change.line)),
        line_map=tuple(piece[0] for piece in kept),
    )


def read_text_file(path: str | Path, *, encoding: str | None = None) -> CleanText:
    """Read, decode and clean one text file (Word .docx and HTML pages are reduced to text first,
    and that is recorded as the first clean-up)."""
    from .extract import docx_text, html_text, is_html

    source = Path(path)
    data = _read_bytes(source)
    if data[:4] == b"PK\x03\x04" and source.suffix.lower() in (".docx", ".docm"):
        text, used = docx_text(source), "docx"
        first = Cleanup("extracted-from-docx", 1, source.name, "paragraphs as lines")
    else:
        text, used = decode_bytes(data, path=str(path), encoding=encoding)
        first = None
        if is_html(data) or source.suffix.lower() in (".html", ".htm", ".xhtml"):
            text = html_text(text)
            first = Cleanup("html-markup", 1, "HTML tags and scripts", "block elements as lines")
    cleaned = clean_text(text)
    cleanups = (first, *cleaned.cleanups) if first else cleaned.cleanups
    return CleanText(cleaned.text, used, cleanups, cleaned.line_map)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or an error naming the path that says why they cannot be had."""
    if path.is_dir():
        raise InputError("is a directory, not a text file.", path=path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file.", path=path) from None
    except PermissionError:
        raise InputError("cannot be read: permission denied.", path=path) from None
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}.", path=path) from None


def _strip_final_spaces(text: str) -> tuple[str, list[Cleanup]]:
    """Remove spaces after the last line ending: trailing space of the file, not a blank line."""
    found = _FINAL_SPACES.search(text)
    if found is None:
        return text, []
    line = len(_LINE_BREAK.findall(text, 0, found.start())) + 1
    return text[: found.start()], [Cleanup("trailing-space", line, found.group(), "")]


def _split_lines(text: str) -> tuple[list[str], list[Cleanup]]:
    """Split at LF, CRLF and lone CR, with one record for all the endings that were not LF."""
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()  # the final line ending terminates the last line; it does not open a new one
    first_cr = text.find("\r")
    if first_cr < 0:
        return lines, []
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    before = ", ".join(ending for ending, n in (("\r\n", crlf), ("\r", lone_cr)) if n)
    line = len(_LINE_BREAK.findall(text, 0, first_cr)) + 1
    return lines, [Cleanup("line-ending", line, before, "\n", crlf + lone_cr)]


def _clean_line(raw: str, number: int, removals: list[Cleanup]) -> list[_Piece]:
    """Remove the noise from one raw line, splitting it where it held page or line breaks."""
    text = raw
    if _REMOVABLE.search(text):
        text = _replace(_BOM, "", text, "bom", number, removals)
        text = _replace(_INVISIBLE, "", text, "invisible-character", number, removals)
        text = _replace(_BREAK_CHARS, "\n", text, "line-break", number, removals)
    pieces: list[_Piece] = []
    for part in text.split("\n"):
        part = _remove_artifacts(part, number, removals)
        spacing: list[Cleanup] = []
        part = _tidy_spaces(part, number, spacing)
        if part:
            pieces.append((number, part, tuple(spacing)))
    return pieces


def _remove_artifacts(text: str, number: int, out: list[Cleanup]) -> str:
    """Remove bookmarks, again while removing one uncovers another: `[book[bookmark: a]mark: b]`."""
    while "[bookmark:" in text and _ARTIFACT.search(text):
        text = _replace(_ARTIFACT, "", text, "extraction-artifact", number, out)
    return text


def _tidy_spaces(text: str, number: int, out: list[Cleanup]) -> str:
    """Make every space ASCII, strip both ends and collapse runs, recording each step."""
    text = _replace(_SPACE_VARIANT, " ", text, "space-variant", number, out)
    stripped = text.lstrip(" ")
    if len(stripped) < len(text):
        out.append(Cleanup("leading-space", number, text[: len(text) - len(stripped)], ""))
    text = stripped.rstrip(" ")
    if len(text) < len(stripped):
        out.append(Cleanup("trailing-space", number, stripped[len(text) :], ""))
    if "  " in text:
        text = _replace(_DOUBLE, " ", text, "double-space", number, out)
    if " " in text:
        text = _unpad_heading(text, number, out)
    return text


# Chinese headings are padded to a width in print: 第一章　总　　则, 目　　录. Chinese puts no
# space between words, so a space between two Han characters of a heading's name is padding.
_HEADING_LABEL = re.compile(
    r"^第 ?[一二三四五六七八九十百零〇两0-9]+ ?[编章节編節](?:之[一二三四五六七八九十]+)? "
)
_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")
_CONTENTS = re.compile(r"^目 [录錄]$")


def _unpad_heading(text: str, number: int, out: list[Cleanup]) -> str:
    """A heading's name (or 目录) without the spaces that padded it, recorded."""
    if _CONTENTS.match(text):
        out.append(Cleanup("heading-padding", number, text, text.replace(" ", "")))
        return text.replace(" ", "")
    label = _HEADING_LABEL.match(text)
    if label is None:
        return text
    name = text[label.end() :]
    unpadded = _HAN_GAP.sub("", name)
    if unpadded == name:
        return text
    out.append(Cleanup("heading-padding", number, name, unpadded))
    return text[: label.end()] + unpadded


def _replace(
    pattern: re.Pattern[str], after: str, text: str, kind: str, number: int, out: list[Cleanup]
) -> str:
    """Replace every match, appending one record per distinct matched text with its count."""
    found = pattern.findall(text)
    if not found:
        return text
    for before in dict.fromkeys(found):
        out.append(Cleanup(kind, number, before, after, found.count(before)))
    return pattern.sub(after, text)


def _drop_page_numbers(pieces: list[_Piece]) -> tuple[list[_Piece], list[Cleanup]]:
    """The lines kept, and the records of the kept lines' spacing and of page numbers dropped."""
    kept: list[_Piece] = []
    records: list[Cleanup] = []
    for index, piece in enumerate(pieces):
        number, text, spacing = piece
        if text[0] in _PAGE_START and _is_page_number(text, pieces, index):
            records.append(Cleanup("page-number", number, text, ""))
        else:
            kept.append(piece)
            records.extend(spacing)
    return kept, records


def _is_page_number(text: str, pieces: list[_Piece], index: int) -> bool:
    """Whether a cleaned line is only a page number, judging bare integers by the next line."""
    if _BARE_INTEGER.fullmatch(text):
        following = pieces[index + 1][1] if index + 1 < len(pieces) else ""
        return following[:1] not in _UNITS
    return _PAGE_NUMBER.fullmatch(text) is not None
