"""PO files: lextm's bilingual documents (strict) and other projects' catalogs (lenient).

`render_po` lays a `DocumentFile` out byte for byte as GNU gettext 0.21 does, so `msgcat` gives
the same bytes back: strings are escaped like gettext's and wrapped at 79 columns with its
algorithm, which breaks where Unicode line breaking (UAX #14, as libunistring 1.0 implements it)
allows and counts East Asian wide characters as two columns. `parse_po` reads such a file
strictly and exactly, however an editor or `msgcat` re-wrapped it; `read_catalog` reads other
projects' PO and POT files leniently through polib (the only module using polib).

Choices the data contract leaves open, made to match what gettext writes and keeps:
- The header carries `PO-Revision-Date`, `Last-Translator` and `Language-Team` (empty unless an
  editor filled them) because `msgfmt --check-header` warns without them; nothing written
  depends on the time. Header fields lextm does not own are kept, in order.
- `#, fuzzy` is not written on an entry with an empty msgstr, and obsolete entries keep only
  `fuzzy` and are dropped when their msgstr is empty: gettext does the same, so a save by
  `msgcat` or an editor changes nothing.
- `#:` references, `#| msgctxt` and comments on the header entry have no place in a lextm
  document and are dropped when read.
- Translator comments and extracted notes are one line each; a line break inside one starts a
  new comment line.

What gettext itself loses, lextm cannot keep: `msgcat` and the other gettext tools drop flags
gettext does not know (`reviewed`, `lextm-ignore:…`), and read a comment ending in a backslash
as continued on the next line.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from ..address import parse_address
from ..errors import InputError
from ..fileio import Expect, Fingerprint, atomic_write_text, read_bytes
from ..model import DocumentFile, Entry

__all__ = ["CatalogEntry", "parse_po", "read_catalog", "read_po", "render_po", "write_po"]

# Catalog entries for reference TMs: (msgctxt, msgid, msgstr, flags).
CatalogEntry = tuple[str | None, str, str, tuple[str, ...]]

_PLACEHOLDERS = ("PO-Revision-Date", "Last-Translator", "Language-Team")
_REQUIRED = ("Language", "X-Lextm-Source-Language", "X-Lextm-Document", "X-Lextm-Version")
_OWNED = frozenset(
    {
        "Project-Id-Version",
        "Language",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "X-Lextm-Source-Language",
        "X-Lextm-Document",
        "X-Lextm-Version",
        "X-Lextm-Source-Hash",
        "X-Lextm-Layout",
    }
)


# --- public API ----------------------------------------------------------------------------------


def render_po(doc: DocumentFile) -> str:
    """The exact text lextm writes for a bilingual document."""
    blocks = [_wrap("msgid", "") + _wrap("msgstr", _header_text(doc))]
    blocks += [_entry_lines(entry) for entry in doc.entries]
    blocks += [_obsolete_lines(entry) for entry in doc.obsolete if entry.target]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def parse_po(text: str, *, path: str) -> DocumentFile:
    """Read a lextm document strictly; InputError naming `path` and the line on any problem."""
    drafts = _Reader(path).read(text)
    header, drafts = _split_header(drafts, path)
    fields = _header_fields(header, path)
    active = [draft for draft in drafts if not draft.obsolete]
    _check_entries(active, path)
    return DocumentFile(
        document=fields.known["X-Lextm-Document"],
        version=fields.known["X-Lextm-Version"],
        source_lang=fields.known["X-Lextm-Source-Language"],
        target_lang=_bcp47(fields.known["Language"]),
        entries=tuple(draft.entry() for draft in active),
        source_hash=fields.known.get("X-Lextm-Source-Hash", ""),
        layout=fields.known.get("X-Lextm-Layout", "line"),
        extra_header=tuple(fields.extra),
        obsolete=tuple(draft.entry() for draft in drafts if draft.obsolete),
    )


def read_po(path: Path) -> tuple[DocumentFile, Fingerprint]:
    """Read a lextm document from disk, with the fingerprint `write_po` needs to detect edits."""
    data, fingerprint = read_bytes(path)
    return parse_po(_decode_utf8(data, path), path=str(path)), fingerprint


def write_po(path: Path, doc: DocumentFile, *, expect: Expect = "any") -> Fingerprint:
    """Write a document atomically (see `fileio.atomic_write` for `expect`)."""
    return atomic_write_text(path, render_po(doc), expect=expect)


def read_catalog(path: Path) -> Iterator[CatalogEntry]:
    """The entries of another project's PO or POT file: (msgctxt, msgid, msgstr, flags).

    Lenient: a BOM, the charset the header declares (UTF-8 when it declares none) and any
    layout polib accepts. Plural entries give their first msgstr; the header and obsolete
    entries are skipped. A syntax error or undecodable text is an InputError with the line.
    """
    catalog = _load_catalog(path)
    return (
        (entry.msgctxt, entry.msgid, _first_msgstr(entry), tuple(entry.flags))
        for entry in catalog
        if not entry.obsolete
    )


def _load_catalog(path: Path) -> Any:
    import polib  # imported here: reading reference TMs is rare, and polib is not light

    encoding = _catalog_encoding(path)
    try:
        return polib.pofile(str(path), encoding=encoding)
    except OSError as error:
        found = re.search(r"\(line (\d+)\)", str(error))
        raise InputError(
            "not a valid PO file (syntax error)",
            path=path,
            line=int(found[1]) if found else None,
        ) from None


def _first_msgstr(entry: Any) -> str:
    return str(entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr)


# --- the header ----------------------------------------------------------------------------------


def _header_text(doc: DocumentFile) -> str:
    extra = [(name, value) for name, value in doc.extra_header if name not in _OWNED]
    slots = [(name, _take(extra, name)) for name in _PLACEHOLDERS]
    fields = [
        ("Project-Id-Version", f"{doc.document} {doc.version}"),
        *slots,
        ("Language", _gettext_language(doc.target_lang)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Lextm-Source-Language", doc.source_lang),
        ("X-Lextm-Document", doc.document),
        ("X-Lextm-Version", doc.version),
        *([("X-Lextm-Source-Hash", doc.source_hash)] if doc.source_hash else []),
        ("X-Lextm-Layout", doc.layout),
        *extra,
    ]
    return "".join(f"{name}: {value}\n" for name, value in fields)


def _take(fields: list[tuple[str, str]], name: str) -> str:
    """Remove the first field called `name` from `fields`; its value, or "" if there is none."""
    for index, (found, value) in enumerate(fields):
        if found == name:
            del fields[index]
            return value
    return ""


@dataclass
class _HeaderFields:
    known: dict[str, str] = field(default_factory=dict)
    extra: list[tuple[str, str]] = field(default_factory=list)


def _header_fields(header: _Draft, path: str) -> _HeaderFields:
    fields = _HeaderFields()
    for text in header.fields["msgstr"].split("\n"):
        if not text.strip():
            continue
        name, colon, value = (part.strip() for part in text.partition(":"))
        if not colon or not name:
            raise InputError(
                f"header line {text!r} is not 'Field: value'", path=path, line=header.start
            )
        if name in _OWNED:
            fields.known.setdefault(name, value)
        elif value or name not in _PLACEHOLDERS:
            fields.extra.append((name, value))
    _check_header(fields.known, path, header.start)
    return fields


def _check_header(known: dict[str, str], path: str, line: int) -> None:
    for name in _REQUIRED:
        if not known.get(name):
            raise InputError(
                f"the header has no {name} field",
                path=path,
                line=line,
                hint="lextm writes it on import; restore the header from version control.",
            )
    charset = re.search(r"charset=(\S*)", known.get("Content-Type", ""))
    if charset and charset[1].upper() not in ("UTF-8", "UTF8"):
        raise InputError(
            f"the header declares charset={charset[1]}, but lextm documents are UTF-8",
            path=path,
            line=line,
        )


def _gettext_language(tag: str) -> str:
    """BCP 47 to gettext's Language: en → en, zh-CN → zh_CN, zh-Hant-TW → zh_TW."""
    language, *subtags = tag.split("-")
    regions = [s for s in subtags if (len(s) == 2 and s.isalpha()) or (len(s) == 3 and s.isdigit())]
    return f"{language}_{regions[0].upper()}" if regions else language


def _bcp47(language: str) -> str:
    """gettext's Language to BCP 47: zh_CN → zh-CN (a @modifier or .charset is dropped)."""
    return re.split(r"[@.]", language, maxsplit=1)[0].replace("_", "-")


# --- entries -------------------------------------------------------------------------------------


def _entry_lines(entry: Entry) -> list[str]:
    lines = _comment_lines(entry)
    flags = [flag for flag in dict.fromkeys(entry.flags) if flag != "fuzzy"]
    if entry.fuzzy and entry.target:
        flags.insert(0, "fuzzy")  # gettext writes fuzzy first, and never on an empty msgstr
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in flags
    if entry.previous is not None:
        lines += _wrap("msgid", entry.previous, "#| ", wrap=wrap)
    lines += _wrap("msgctxt", entry.address, wrap=wrap)
    lines += _wrap("msgid", entry.source, wrap=wrap)
    return lines + _wrap("msgstr", entry.target, wrap=wrap)


def _obsolete_lines(entry: Entry) -> list[str]:
    lines = _comment_lines(entry) + (["#, fuzzy"] if entry.fuzzy else [])
    if entry.previous is not None:
        lines += _wrap("msgid", entry.previous, "#~| ")
    if entry.address:
        lines += _wrap("msgctxt", entry.address, "#~ ")
    return lines + _wrap("msgid", entry.source, "#~ ") + _wrap("msgstr", entry.target, "#~ ")


def _comment_lines(entry: Entry) -> list[str]:
    comments = [line for comment in entry.comments for line in comment.split("\n")]
    notes = [line for note in entry.notes for line in note.split("\n")]
    return [f"# {c}" if c else "#" for c in comments] + [f"#. {n}" if n else "#." for n in notes]


# --- the strict reader ---------------------------------------------------------------------------

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[\s\"])\s*(.*)$")
_PREVIOUS = re.compile(r"(msgctxt|msgid_plural|msgid)(?=[\s\"])\s*(.*)$")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t\f\v]*')
_UNESCAPE = re.compile(r"\\(.)")
_UNESCAPED = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_UNESCAPED |= {"\\": "\\", '"': '"', "'": "'", "?": "?"}


@dataclass
class _Draft:
    """An entry being read: its comment lines, then its keywords with their strings."""

    start: int = 0
    comments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    obsolete: bool | None = None
    # Where a continuation string goes: (`previous` or `fields`, keyword).
    current: tuple[dict[str, str], str] | None = None

    @property
    def empty(self) -> bool:
        """Whether nothing but `#:` references (or nothing at all) was read."""
        return not (self.fields or self.previous or self.comments or self.notes or self.flags)

    @property
    def plural(self) -> bool:
        """Whether this is a plural entry (msgid_plural, msgstr[N])."""
        return any(name == "msgid_plural" or name.startswith("msgstr[") for name in self.fields)

    def entry(self) -> Entry:
        """The finished entry."""
        return Entry(
            address=self.fields.get("msgctxt", ""),
            source=self.fields["msgid"],
            target=self.fields.get("msgstr", ""),
            flags=tuple(self.flags),
            notes=tuple(self.notes),
            comments=tuple(self.comments),
            previous=self.previous.get("msgid"),
            line=self.start,
        )


class _Reader:
    """Reads PO text line by line into drafts, raising InputError at the first problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.drafts: list[_Draft] = []
        self.draft = _Draft()
        self.number = 0

    def read(self, text: str) -> list[_Draft]:
        """All entries of `text`, header included, in file order."""
        for self.number, raw in enumerate(text.split("\n"), 1):
            self._line(raw.removesuffix("\r").lstrip(" \t"))
        if not self.draft.empty:
            self._finish()
        return self.drafts

    def _line(self, line: str) -> None:
        if not line:
            return
        if line.startswith("#~|"):
            self._previous(line[3:].lstrip(), obsolete=True)
        elif line.startswith("#~"):
            self._message(line[2:].lstrip(), obsolete=True)
        elif line.startswith("#|"):
            self._previous(line[2:].lstrip(), obsolete=False)
        elif line.startswith("#"):
            self._comment(line[1:])
        else:
            self._message(line, obsolete=False)

    def _comment(self, text: str) -> None:
        draft = self._next_draft()
        kind, rest = text[:1], text[1:].removeprefix(" ")
        if kind == ",":
            draft.flags += [flag.strip() for flag in rest.split(",") if flag.strip()]
        elif kind == ".":
            draft.notes.append(rest)
        elif kind != ":":  # `#:` references name source files: lextm documents have none
            draft.comments.append(text.removeprefix(" "))

    def _previous(self, text: str, *, obsolete: bool) -> None:
        if text.startswith('"'):
            self._continue(text, self.draft.previous, obsolete=obsolete)
            return
        match = _PREVIOUS.match(text)
        if not match:
            self._fail("a '#|' line holds msgctxt, msgid or msgid_plural and a string")
        draft = self._next_draft()
        draft.previous[match[1]] = self._string(match[2])
        draft.current = (draft.previous, match[1])

    def _message(self, text: str, *, obsolete: bool) -> None:
        if text.startswith('"'):
            self._continue(text, self.draft.fields, obsolete=obsolete)
            return
        match = _KEYWORD.match(text)
        if not match:
            self._fail("expected msgctxt, msgid, msgstr, a quoted string or a # comment")
        keyword = match[1]
        draft = self._draft_for(keyword)
        if draft.obsolete not in (None, obsolete):
            self._fail("an entry mixes obsolete (#~) and active lines")
        draft.obsolete = obsolete
        draft.fields[keyword] = self._string(match[2])
        draft.lines[keyword] = self.number
        draft.current = (draft.fields, keyword)

    def _draft_for(self, keyword: str) -> _Draft:
        fields = self.draft.fields
        if keyword in ("msgctxt", "msgid"):
            if keyword in fields or (keyword == "msgctxt" and "msgid" in fields):
                self._finish()  # a new entry begins
            return self._claim()
        if "msgid" not in fields:
            self._fail(f"{keyword} without a msgid before it")
        if keyword in fields or (keyword.startswith("msgstr") and "msgstr" in fields):
            self._fail(f"a second {keyword} in one entry")
        return self.draft

    def _continue(self, text: str, target: dict[str, str], *, obsolete: bool) -> None:
        current = self.draft.current
        if (
            current is None
            or current[0] is not target
            or self.draft.obsolete not in (None, obsolete)
        ):
            self._fail("a quoted string that continues no msgctxt, msgid or msgstr")
        values, name = current
        values[name] += self._string(text)

    def _next_draft(self) -> _Draft:
        """The draft a comment or `#|` line belongs to: a new one once a keyword was read."""
        if self.draft.fields:
            self._finish()
        return self._claim()

    def _claim(self) -> _Draft:
        if not self.draft.start:
            self.draft.start = self.number
        return self.draft

    def _finish(self) -> None:
        draft = self.draft
        if "msgid" not in draft.fields:
            what = "msgctxt" if draft.fields else "comment lines"
            self._fail(f"{what} without an entry (msgid and msgstr) after them", draft.start)
        if not any(name.startswith("msgstr") for name in draft.fields):
            self._fail("an entry without msgstr", draft.start)
        draft.current = None
        self.drafts.append(draft)
        self.draft = _Draft()

    def _string(self, text: str) -> str:
        """The value of one or more quoted strings that fill `text`."""
        parts, position = [], 0
        while position < len(text):
            match = _STRING.match(text, position)
            if not match:
                self._fail("expected a quoted string (is a double quote not escaped?)")
            parts.append(_UNESCAPE.sub(self._unescape, match[1]))
            position = match.end()
        if not parts:
            self._fail("expected a quoted string after the keyword")
        return "".join(parts)

    def _unescape(self, match: re.Match[str]) -> str:
        char = _UNESCAPED.get(match[1])
        if char is None:
            self._fail(f"unsupported escape sequence \\{match[1]} in a string")
        return char

    def _fail(self, message: str, line: int | None = None) -> NoReturn:
        raise InputError(
            f"not a valid PO file: {message}", path=self.path, line=line or self.number
        )


def _split_header(drafts: list[_Draft], path: str) -> tuple[_Draft, list[_Draft]]:
    first = next((draft for draft in drafts if not draft.obsolete), None)
    if first is None or first.fields.get("msgid") != "" or "msgctxt" in first.fields:
        raise InputError(
            'the header entry (msgid "") is missing: it must be the first entry',
            path=path,
            line=first.start if first else 1,
            hint="lextm writes it on import; restore the header from version control.",
        )
    return first, [draft for draft in drafts if draft is not first]


def _check_entries(drafts: list[_Draft], path: str) -> None:
    seen: dict[str, int] = {}
    for draft in drafts:
        line = draft.lines.get("msgctxt", draft.start)
        if draft.plural:
            raise InputError(
                "plural entries have no place in a lextm document", path=path, line=line
            )
        address = draft.fields.get("msgctxt")
        if address is None:
            raise InputError(
                "an entry without msgctxt: every entry is addressed",
                path=path,
                line=draft.lines["msgid"],
            )
        _check_address(address, path, line)
        if address in seen:
            raise InputError(
                f"msgctxt {address!r} repeats the entry on line {seen[address]}",
                path=path,
                line=line,
                hint="Each address names one segment; join or renumber the entries.",
            )
        seen[address] = line


def _check_address(address: str, path: str, line: int) -> None:
    try:
        parse_address(address)
    except ValueError:
        raise InputError(
            f"msgctxt {address!r} is not a lextm address",
            path=path,
            line=line,
            hint="Addresses look like art8.p1.i3.s1 (docs/data-contract.md, section 2).",
        ) from None


def _decode_utf8(data: bytes, path: Path) -> str:
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            "not valid UTF-8",
            path=path,
            line=data[: error.start].count(b"\n") + 1,
            hint="lextm documents are UTF-8; convert it with `msgconv --to-code=UTF-8`.",
        ) from None


def _catalog_encoding(path: Path) -> str:
    """The charset a catalog declares (UTF-8 when none), checked by decoding the file with it."""
    data, _ = read_bytes(path)
    declared = re.search(rb"charset=([^\s\"\\]+)", data)
    encoding = "utf-8"
    if declared and declared[1] not in (b"CHARSET", b"charset"):
        encoding = declared[1].decode("ascii", "replace")
    try:
        data.decode(encoding)
    except LookupError:
        line = data[: declared.start()].count(b"\n") + 1 if declared else None
        raise InputError(f"unknown charset {encoding!r}", path=path, line=line) from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"cannot be decoded as {encoding}",
            path=path,
            line=data[: error.start].count(b"\n") + 1,
            hint="The header's charset (UTF-8 when it declares none) must match the text.",
        ) from None
    return encoding


# --- writing strings the way GNU gettext does (write-po.c) ---------------------------------------

_PAGE_WIDTH = 79
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_ESCAPES |= {"\\": "\\", '"': '"'}


def _wrap(keyword: str, value: str, prefix: str = "", *, wrap: bool = True) -> list[str]:
    """`keyword "value"` as gettext writes it: one line if it fits, else `keyword ""` and the
    value in lines of at most 79 columns, each `\\n` ending a line."""
    width = (_PAGE_WIDTH if wrap else 1 << 30) - len(prefix) - 2
    portions = _portions(value)
    lines: list[str] = []
    first = True
    for index, portion in enumerate(portions):
        chars, locked = _escaped(portion)
        start = len(keyword) + 1 if first else 0
        breaks = _fit(chars, locked, width, start)
        if first and chars and (index + 1 < len(portions) or start > width or any(breaks)):
            lines.append(f'{prefix}{keyword} ""')
            first, breaks = False, _fit(chars, locked, width, 0)
        lines += _quoted(chars, breaks, prefix, f"{keyword} " if first else "")
        first = False
    return lines


def _portions(value: str) -> list[str]:
    """The value cut after each newline; gettext wraps each portion on its own."""
    portions = value.split("\n")
    cut = [portion + "\n" for portion in portions[:-1]]
    return [*cut, portions[-1]] if portions[-1] or not cut else cut


def _escaped(portion: str) -> tuple[list[str], list[bool]]:
    """The characters as written, and where a break is forbidden (inside an escape sequence,
    and before the `\\n` that ends a portion)."""
    chars: list[str] = []
    locked: list[bool] = []
    for char in portion:
        escape = _ESCAPES.get(char)
        if escape is None:
            chars.append(char)
            locked.append(False)
        else:
            chars += ["\\", escape]
            locked += [False, True]
    if portion.endswith("\n"):
        locked[-2] = True
    return chars, locked


def _quoted(chars: list[str], breaks: list[bool], prefix: str, head: str) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    for char, cut in zip(chars, breaks, strict=True):
        if cut:
            lines.append("".join(line))
            line = []
        line.append(char)
    lines.append("".join(line))
    return [f'{prefix}{head if i == 0 else ""}"{text}"' for i, text in enumerate(lines)]


def _fit(chars: list[str], locked: list[bool], width: int, column: int) -> list[bool]:
    """Where to break: at the last opportunity before a piece would pass `width` columns
    (libunistring's u8_width_linebreaks, which gettext calls)."""
    marks = _opportunities([_char_info(char)[0] for char in chars])
    breaks = [False] * len(chars)
    last: int | None = None
    piece = 0
    for index, char in enumerate(chars):
        mark = _PROHIBITED if locked[index] else marks[index]
        if mark != _PROHIBITED and last is not None and column + piece > width:
            breaks[last], column = True, 0
        if mark == _MANDATORY:
            last, column, piece = None, 0, 0
            continue
        if mark == _POSSIBLE:
            last, column, piece = index, column + piece, 0
        piece += _char_info(char)[1]
    if last is not None and column + piece > width:
        breaks[last] = True
    return breaks


# --- Unicode line breaking (UAX #14) as libunistring 1.0 implements it ---------------------------

_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2

# The classes the pair table knows, as libunistring resolves them (AI, SA, XX → AL; CB → ID;
# CJ → NS). OPW is an opening punctuation of East Asian width, which may follow AL, HL and NU.
_PAIR_CLASSES = (
    "WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT HL RI ZWJ EB EM OPW"
)
# Row: the class before the break; one letter per class after it, in _PAIR_CLASSES order.
# D: break allowed; I: allowed only after a space; P: prohibited. Derived from libunistring.
_PAIR_ROWS = """
WJ PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII  GL PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII
B2 PIPIDIPPPIIDIPDDDPDDDDDDDDDIDDD  BA PDDIDIPPPIIDIPDDDPDDDDDDDDDIDDD
BB PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII  HY PDDIDIPPPIIDIPIDDPDDDDDDDDDIDDD
CL PIDIDIPPPIPDIPDIIPDDDDDDDDDIDDD  CP PIDIDIPPPIIDIPIIIPIDDDDDDIDIDDD
EX PIDIDIPPPIIDIPDDDPDDDDDDDDDIDDD  IN PIDIDIPPPIIDIPDDDPDDDDDDDDDIDDD
NS PIDIDIPPPIIDIPDDDPDDDDDDDDDIDDD  OP PPPPPPPPPPPPPPPPPPPPPPPPPPPIPPP
QU PIIIIIPPPIIPIPIIIPIIIIIIIIIIIIP  IS PIDIDIPPPIIDIPIDDPDDDDDDDDDIDDD
NU PIDIDIPPPIIIIPIIIPIDDDDDDIDIDDD  PO PIDIDIPPPIIIIPIDDPIDDDDDDIDIDDI
PR PIDIDIPPPIIIIPIDDPIIIIIIIIDIIII  SY PIDIDIPPPIIDIPIDDPDDDDDDDIDIDDD
AL PIDIDIPPPIIIIPIIIPIDDDDDDIDIDDD  H2 PIDIDIPPPIIDIPDIDPDDDDDIIDDIDDD
H3 PIDIDIPPPIIDIPDIDPDDDDDDIDDIDDD  ID PIDIDIPPPIIDIPDIDPDDDDDDDDDIDDD
JL PIDIDIPPPIIDIPDIDPDIIDIIDDDIDDD  JV PIDIDIPPPIIDIPDIDPDDDDDIIDDIDDD
JT PIDIDIPPPIIDIPDIDPDDDDDDIDDIDDD  HL PIDIDIPPPIIIIPIIIPIDDDDDDIDIDDD
RI PIDIDIPPPIIDIPDDDPDDDDDDDDIIDDD  ZWJ PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII
EB PIDIDIPPPIIDIPDIDPDDDDDDDDDIDID  EM PIDIDIPPPIIDIPDIDPDDDDDDDDDIDDD
OPW PPPPPPPPPPPPPPPPPPPPPPPPPPPIPPP
"""
_CLASS_NAMES = [*_PAIR_CLASSES.split(), "BK", "CM", "SP", "ZW", "HL_BA"]
_CLASS = {name: index for index, name in enumerate(_CLASS_NAMES)}
_ROWS = dict(zip(_PAIR_ROWS.split()[::2], _PAIR_ROWS.split()[1::2], strict=True))
_PAIRS = [_ROWS[name] for name in _PAIR_CLASSES.split()]
_AL, _BA, _BK, _CM, _HL, _HL_BA, _HY, _RI, _SP, _ZW, _ZWJ = (
    _CLASS[name] for name in ("AL", "BA", "BK", "CM", "HL", "HL_BA", "HY", "RI", "SP", "ZW", "ZWJ")
)


def _opportunities(classes: list[int]) -> list[int]:
    """For each character, whether a line may break before it (u8_possible_linebreaks)."""
    marks = []
    prev = last = _BK  # the previous character's class; the last one not a space or mark
    space = False
    regional = 0  # regional indicators just before
    for prop in classes:
        if prop == _BK:
            mark, prev, last, space = _MANDATORY, _BK, _BK, False
        else:
            if prop == _SP:
                mark, space = _PROHIBITED, True
            elif prop == _ZW:
                mark, last, space = _PROHIBITED, _ZW, False
            elif prop in (_CM, _ZWJ):
                mark, last, space = _combining(last, space)
            else:
                mark, last, space = _pair(prev, last, prop, space, regional), prop, False
            prev = _HL_BA if prev == _HL and prop in (_HY, _BA) else prop
        regional = regional + 1 if prop == _RI else 0
        marks.append(mark)
    return marks


def _combining(last: int, space: bool) -> tuple[int, int, bool]:
    """A combining mark or ZWJ: (mark, last class, space seen)."""
    if last == _BK:
        return _PROHIBITED, _AL, False  # at the start of a line it counts as AL
    if last == _ZW or space:
        return _POSSIBLE, _AL, False
    return _PROHIBITED, last, space  # X CM behaves as X


def _pair(prev: int, last: int, prop: int, space: bool, regional: int) -> int:
    if last == _BK or prev in (_ZWJ, _HL_BA):
        return _PROHIBITED
    if last == _ZW:
        return _POSSIBLE
    if last == prop == _RI:
        return _POSSIBLE if space or regional % 2 == 0 else _PROHIBITED
    rule = _PAIRS[last][prop]
    return _POSSIBLE if rule == "D" or (rule == "I" and space) else _PROHIBITED


@cache
def _char_info(char: str) -> tuple[int, int]:
    """A character's line-breaking class and its width in columns."""
    return _CLASS[_line_class(char)], _column_width(char)


def _line_class(char: str) -> str:
    code = ord(char)
    index = bisect.bisect_right(_EXCEPTION_STARTS, code) - 1
    if index >= 0 and code <= _EXCEPTION_ENDS[index]:
        return _EXCEPTION_CLASSES[index]
    return _class_by_category(char, code)


def _class_by_category(char: str, code: int) -> str:
    """The class most characters of a general category have; _CLASS_EXCEPTIONS lists the rest."""
    category = unicodedata.category(char)
    if 0xAC00 <= code <= 0xD7A3:  # Hangul syllables: every 28th is LV (H2), the others LVT
        return "H2" if (code - 0xAC00) % 28 == 0 else "H3"
    if category in ("Mn", "Mc", "Me", "Cc", "Cf"):
        return "CM"
    if category == "Cn":
        return _unassigned_class(code)
    wide = unicodedata.east_asian_width(char) in ("W", "F")
    if category == "Nd":
        return "NU"
    if category == "Lo" and (0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F):
        return "HL"
    if category == "Ps":
        return "OPW" if wide else "OP"
    return _BY_CATEGORY.get(category, "ID" if wide else "AL")


_BY_CATEGORY = {"Pe": "CL", "Pi": "QU", "Pf": "QU", "Pd": "BA", "Sc": "PR", "Zs": "BA"}
_IDEOGRAPHIC = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFD))
_PICTOGRAPHIC = ((0x1F000, 0x1FAFF), (0x1FC00, 0x1FFFD))


def _unassigned_class(code: int) -> str:
    """Unassigned code points: ideographs in CJK blocks, emoji bases in emoji blocks."""
    if any(low <= code <= high for low, high in _IDEOGRAPHIC):
        return "ID"
    if any(low <= code <= high for low, high in _PICTOGRAPHIC):
        return "EB"
    return "AL"


# libunistring's uc_width: marks and format characters take no column, East Asian wide ones two.
_WIDE_UNASSIGNED = (
    (0x2E80, 0xA4CF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0x1F200, 0x1F2FF),
    (0x20000, 0x3FFFF),
)
_NARROW_MARKS = frozenset({0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F})


def _column_width(char: str) -> int:
    code, category = ord(char), unicodedata.category(char)
    if category == "Cc":
        return 0  # control characters are not counted
    if category == "Cn":
        return 2 if any(low <= code <= high for low, high in _WIDE_UNASSIGNED) else 1
    if code in _NARROW_MARKS:
        return 1
    if category in ("Mn", "Me", "Cf") or 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return 0  # Hangul medial vowels and final consonants join the syllable before
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


# Where Unicode 14's LineBreak.txt (as libunistring 1.0 reads it) differs from
# _class_by_category: `first[-last]:CLASS`, code points in hex. Generated by comparing every
# code point with libunistring, which gettext 0.21 uses.
_CLASS_EXCEPTIONS = """
9:BA A-D:BK 20:SP 21:EX 22:QU 25:PO 27:QU 29:CP 2B:PR 2C:IS 2D:HY 2E:IS 2F:SY 3A-3B:IS 3F:EX 5C:PR
5D:CP 7C:BA 85:BK A0:GL A1:OP A2:PO AD:BA B0:PO B1:PR B4:BB BF:OP 2C8:BB 2CC:BB 2DF:BB 34F:GL
35C-362:GL 37E:IS 589:IS 5C6:EX 600-605:AL 609-60B:PO 60C-60D:IS 61B:EX 61D-61F:EX 66A:PO
66B-66C:NU 6D4:EX 6DD:AL 70F:AL 7F8:IS 7F9:EX 890-891:AL 8E2:AL 964-965:BA 9F2-9F3:PO 9F9:PO C77:BB
C84:BB D79:PO E31:AL E34-E3A:AL E47-E4E:AL E5A-E5B:BA EB1:AL EB4-EBC:AL EC8-ECD:AL F01-F04:BB
F06-F07:BB F08:GL F09-F0A:BB F0B:BA F0C:GL F0D-F11:EX F12:GL F14:EX F34:BA F7F:BA F85:BA FBE-FBF:BA
FD0-FD1:BB FD2:BA FD3:BB FD9-FDA:GL 102B-103E:AL 104A-104B:BA 1056-1059:AL 105E-1060:AL
1062-1064:AL 1067-106D:AL 1071-1074:AL 1082-108D:AL 108F:AL 109A-109D:AL 1100-115F:JL 1160-11A7:JV
11A8-11FF:JT 1361:BA 16EB-16ED:BA 1735-1736:BA 17B4-17D3:AL 17D4-17D5:BA 17D6:NS 17D8:BA 17DA:BA
17DD:AL 1802-1803:EX 1804-1805:BA 1806:BB 1808-1809:EX 180E:GL 1944-1945:EX 1A55-1A5E:AL
1A60-1A7C:AL 1B5A-1B5B:BA 1B5D-1B60:BA 1B7D-1B7E:BA 1C3B-1C3F:BA 1C7E-1C7F:BA 1FFD:BB 2007:GL
200B:ZW 200D:ZWJ 2011:GL 2014:B2 2015:AL 2024-2026:IN 2027:BA 2028-2029:BK 202F:GL 2030-2037:PO
203C-203D:NS 2044:IS 2047-2049:NS 2056:BA 2058-205B:BA 205D-205E:BA 2060:WJ 2061-2064:AL 20A7:PO
20B6:PO 20BB:PO 20BE:PO 20C0:PO 20C1-20CF:PR 2103:PO 2109:PO 2116:PR 2212-2213:PR 22EF:IN
23E9-23EC:AL 23F1-23F2:ID 25FD-25FE:AL 2600-2603:ID 2618:ID 261A-261C:ID 261D:EB 261E-261F:ID
2639-263B:ID 2648-2653:AL 2668:ID 2693:AL 26A1:AL 26AA-26AB:AL 26BF-26C3:ID 26C6-26C8:ID 26CD:ID
26CE:AL 26CF-26D1:ID 26D3:ID 26D8-26D9:ID 26DC:ID 26DF-26E1:ID 26F1:ID 26F4:ID 26F7-26F8:ID 26F9:EB
26FE-2704:ID 2705:AL 2708-2709:ID 270A-270D:EB 2728:AL 274C:AL 274E:AL 2753-2755:AL 2757:AL
275B-2760:QU 2762-2763:EX 2764:ID 2795-2797:AL 27B0:AL 27BF:AL 2B1B-2B1C:AL 2B50:AL 2B55:AL 2CF9:EX
2CFA-2CFC:BA 2CFE:EX 2CFF:BA 2D70:BA 2E00-2E01:QU 2E06-2E08:QU 2E0B:QU 2E0E-2E15:BA 2E18:OP 2E19:BA
2E1A:AL 2E2A-2E2D:BA 2E2E:EX 2E30-2E31:BA 2E33-2E34:BA 2E3A-2E3B:B2 2E3C-2E3E:BA 2E41:BA
2E43-2E4A:BA 2E4C:BA 2E4E-2E4F:BA 2E53-2E54:EX 3001-3002:CL 3005:NS 301C:NS 3030:ID 3035:CM
303B-303C:NS 303F:ID 3041:NS 3043:NS 3045:NS 3047:NS 3049:NS 3063:NS 3083:NS 3085:NS 3087:NS
308E:NS 3095-3096:NS 309B-309E:NS 30A0-30A1:NS 30A3:NS 30A5:NS 30A7:NS 30A9:NS 30C3:NS 30E3:NS
30E5:NS 30E7:NS 30EE:NS 30F5-30F6:NS 30FB-30FE:NS 31F0-31FF:NS A015:NS A4FE-A4FF:BA A60D:BA A60E:EX
A60F:BA A6F3-A6F7:BA A838:PO A874-A875:BB A876-A877:EX A8CE-A8CF:BA A8FC:BB A92E-A92F:BA
A960-A97C:JL A9C7-A9C9:BA A9E5:AL AA5D-AA5F:BA AA7B-AA7D:AL AAB0:AL AAB2-AAB4:AL AAB7-AAB8:AL
AABE-AABF:AL AAC1:AL AAF0-AAF1:BA ABEB:BA D7B0-D7C6:JV D7CB-D7FB:JT FDFC:PO FE10:IS FE11-FE12:CL
FE13-FE14:IS FE15-FE16:EX FE19:IN FE31-FE32:ID FE50:CL FE52:CL FE54-FE55:NS FE56-FE57:EX FE58:ID
FE63:ID FE6A:PO FEFF:WJ FF01:EX FF05:PO FF0C:CL FF0D:ID FF0E:CL FF10-FF19:ID FF1A-FF1B:NS FF1F:EX
FF61:CL FF62:OPW FF64:CL FF65:NS FF66:ID FF67-FF70:NS FF71-FF9D:ID FF9E-FF9F:NS FFA0-FFBE:ID
FFC2-FFC7:ID FFCA-FFCF:ID FFD2-FFD7:ID FFDA-FFDC:ID FFE0:PO FFFC:ID 10100-10102:BA 1039F:BA
103D0:BA 10857:BA 1091F:BA 10A50-10A57:BA 10AF0-10AF5:BA 10AF6:IN 10B39-10B3F:BA 11047-11048:BA
110BD:AL 110BE-110C1:BA 110CD:AL 11140-11143:BA 11175:BB 111C5-111C6:BA 111C8:BA 111DB:BB
111DD-111DF:BA 11238-11239:BA 1123B-1123C:BA 112A9:BA 1144B-1144E:BA 1145A-1145B:BA 115C1:BB
115C2-115C3:BA 115C4-115C5:EX 115C9-115D7:BA 11641-11642:BA 11660-1166C:BB 1171D-1172B:AL
1173C-1173E:BA 11944-11946:BA 119E2:BB 11A3F:BB 11A41-11A44:BA 11A45:BB 11A9A-11A9C:BA
11A9E-11AA0:BB 11AA1-11AA2:BA 11C41-11C45:BA 11C70:BB 11C71:EX 11FDD-11FE0:PO 11FFF:BA
12470-12474:BA 13258-1325A:OP 1325B-1325D:CL 13282:CL 13286:OP 13287:CL 13288:OP 13289:CL 13379:OP
1337A-1337B:CL 13430-13436:GL 13437:OP 13438:CL 145CE:OP 145CF:CL 16A6E-16A6F:BA 16AF5:BA
16B37-16B39:BA 16B44:BA 16E97-16E98:BA 16FE0-16FE3:NS 16FE4:GL 18B00-18CD5:AL 1AFF0-1AFF3:AL
1AFF5-1AFFB:AL 1AFFD-1AFFE:AL 1B150-1B152:NS 1B164-1B167:NS 1BC9F:BA 1DA87-1DA8A:BA 1E95E-1E95F:OP
1ECAC:PO 1ECB0:PO 1F000-1F003:ID 1F005-1F02B:ID 1F030-1F093:ID 1F0A0-1F0AE:ID 1F0B1-1F0BF:ID
1F0C1-1F0CE:ID 1F0D1-1F0F5:ID 1F10D-1F10F:ID 1F16D-1F16F:ID 1F18E:AL 1F191-1F19A:AL 1F1AD:ID
1F1E6-1F1FF:RI 1F321-1F32C:ID 1F336:ID 1F37D:ID 1F385:EB 1F394-1F39B:ID 1F39E-1F39F:ID
1F3B5-1F3B6:AL 1F3BC:AL 1F3C2-1F3C4:EB 1F3C7:EB 1F3CA-1F3CC:EB 1F3CD-1F3CE:ID 1F3D4-1F3DF:ID
1F3F1-1F3F3:ID 1F3F5-1F3F7:ID 1F3FB-1F3FF:EM 1F43F:ID 1F441:ID 1F442-1F443:EB 1F446-1F450:EB
1F466-1F478:EB 1F47C:EB 1F481-1F483:EB 1F485-1F487:EB 1F48F:EB 1F491:EB 1F4A0:AL 1F4A2:AL 1F4A4:AL
1F4AA:EB 1F4AF:AL 1F4B1-1F4B2:AL 1F4FD-1F4FE:ID 1F500-1F506:AL 1F517-1F524:AL 1F532-1F53D:AL
1F54A:ID 1F54F:ID 1F568-1F573:ID 1F574-1F575:EB 1F576-1F579:ID 1F57A:EB 1F57B-1F58F:ID 1F590:EB
1F591-1F594:ID 1F595-1F596:EB 1F597-1F5A3:ID 1F5A5-1F5D3:ID 1F5DC-1F5F3:ID 1F5FA:ID 1F645-1F647:EB
1F64B-1F64F:EB 1F676-1F678:QU 1F679-1F67B:NS 1F6A3:EB 1F6B4-1F6B6:EB 1F6C0:EB 1F6C6-1F6CB:ID
1F6CC:EB 1F6CD-1F6CF:ID 1F6D3-1F6D4:ID 1F6E0-1F6EA:ID 1F6F0-1F6F3:ID 1F7D5-1F7D8:ID 1F8B0-1F8B1:ID
1F90C:EB 1F90F:EB 1F918-1F91F:EB 1F926:EB 1F930-1F939:EB 1F93B:ID 1F93C-1F93E:EB 1F946:ID 1F977:EB
1F9B5-1F9B6:EB 1F9B8-1F9B9:EB 1F9BB:EB 1F9CD-1F9CF:EB 1F9D1-1F9DD:EB 1FA60-1FA6D:ID 1FAC3-1FAC5:EB
1FAF0-1FAF6:EB 2FFFE-2FFFF:AL
"""
_EXCEPTIONS = [
    (int(first, 16), int(last or first, 16), name)
    for first, last, name in re.findall(r"([0-9A-F]+)(?:-([0-9A-F]+))?:(\w+)", _CLASS_EXCEPTIONS)
]
_EXCEPTION_STARTS = [first for first, _, _ in _EXCEPTIONS]
_EXCEPTION_ENDS = [last for _, last, _ in _EXCEPTIONS]
_EXCEPTION_CLASSES: list[str] = [name for _, _, name in _EXCEPTIONS]
