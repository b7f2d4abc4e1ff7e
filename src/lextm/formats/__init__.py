"""Exchange formats: one module per format, each reading and writing lextm's own types, and the
registry that picks one for a file.

| Format | Name | Extensions | Holds |
|---|---|---|---|
| PO (gettext) | `po` | .po, .pot | TM units (a lextm document, or another project's catalog) |
| TMX 1.4b | `tmx` | .tmx | TM units |
| XLIFF 1.2 / 2.0 | `xliff`, `xliff2` | .xlf, .xliff | TM units |
| TBX v3 (TBX-Basic), TBX 2008 | `tbx` | .tbx | terms |
| TSV / CSV | `tsv`, `csv` | .tsv, .csv | TM units or terms (told apart by the header) |
| line-aligned text | `lines` | .zh, .en, … (a pair) | TM units |

`detect` chooses by the name given, else the extension, else the content: an XML file's root
element (`tmx`, `xliff`, `tbx`/`martif`), a PO file's `msgid`. Modules are imported when used,
so `import lextm.formats` stays light.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, UsageError
from ..model import DocumentFile, Entry, Term, Unit
from ._common import Tally, lang_matches, normalize_lang

__all__ = [
    "GLOSSARY_FORMATS",
    "TM_FORMATS",
    "Tally",
    "detect",
    "document_from_units",
    "read_terms",
    "read_units",
    "write_terms",
    "write_units",
]

TM_FORMATS = ("po", "tmx", "xliff", "xliff2", "tsv", "csv", "lines")
GLOSSARY_FORMATS = ("tbx", "tsv", "csv")
_EXTENSIONS = {
    ".po": "po",
    ".pot": "po",
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tbx": "tbx",
    ".tsv": "tsv",
    ".csv": "csv",
}
_ROOTS = {"tmx": "tmx", "xliff": "xliff", "tbx": "tbx", "martif": "tbx"}
_LANG_SUFFIX = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def detect(path: Path, format_name: str | None = None) -> str:
    """The format of a file: `format_name` if given, else by extension, else by content."""
    if format_name:
        known = sorted({*TM_FORMATS, *GLOSSARY_FORMATS})
        if format_name not in known:
            raise UsageError(f"unknown format {format_name!r}: use one of {', '.join(known)}")
        return format_name
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    if path.exists():
        sniffed = _sniff(path)
        if sniffed:
            return sniffed
    if _LANG_SUFFIX.match(path.suffix[1:]):
        return "lines"
    raise UsageError(
        f"cannot tell the format of {path.name}",
        hint="Give --format (" + ", ".join(sorted({*TM_FORMATS, *GLOSSARY_FORMATS})) + ").",
    )


def _sniff(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(4096)
    text = head.decode("utf-8", "ignore") if not head.startswith((b"\xff\xfe", b"\xfe\xff")) else ""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") or text.lstrip().startswith("<"):
        from ._xml import read_root

        root = read_root(path)
        return _ROOTS.get(root.name)
    if head.startswith((b"\xff\xfe<", b"\xfe\xff\x00<")):
        from ._xml import read_root

        return _ROOTS.get(read_root(path).name)
    if re.search(r"^\s*msgid\s", text, re.MULTILINE):
        return "po"
    return None


# --- translation memories ------------------------------------------------------------------------


def read_units(
    path: Path,
    *,
    source_lang: str,
    target_lang: str,
    format_name: str | None = None,
    tally: Tally | None = None,
) -> Iterator[Unit]:
    """The TM units of a bilingual file in the project's language pair, streamed where the
    format allows. A line-aligned pair is named by either of its files."""
    tally = tally if tally is not None else Tally()
    kind = detect(path, format_name)
    langs = {"source_lang": source_lang, "target_lang": target_lang, "tally": tally}
    if kind == "tmx":
        from .tmx import read_tmx

        return read_tmx(path, **langs)  # type: ignore[arg-type]
    if kind in ("xliff", "xliff2"):
        from .xliff import read_xliff

        return read_xliff(path, **langs)  # type: ignore[arg-type]
    if kind in ("tsv", "csv"):
        from .delimited import kind_of, read_tm_table

        if kind_of(path) != "tm":
            raise InputError("a termbase, not a TM: use `lextm glossary import`", path=path)
        return read_tm_table(path, **langs)  # type: ignore[arg-type]
    if kind == "lines":
        from .linealigned import pair_of, read_lines

        source, target = pair_of(path, source_lang, target_lang)
        return read_lines(source, target, **langs)  # type: ignore[arg-type]
    if kind == "po":
        return _po_units(path, source_lang, target_lang, tally)
    raise UsageError(f"{kind} files hold terms, not TM units: use `lextm glossary import`")


def _po_units(path: Path, source_lang: str, target_lang: str, tally: Tally) -> Iterator[Unit]:
    from .po import read_catalog, read_po

    head = path.read_bytes()[:8192]
    if b"X-Lextm-Document:" in head:
        doc, _ = read_po(path)
        tally.read = tally.written = len(doc.entries)
        yield from units_of_document(doc)
        return
    language = _header_field(head, "Language")
    if not language:
        raise InputError(
            "the catalog does not say its language (no Language header field)",
            path=path,
            hint='Add "Language: xx" to the header entry.',
        )
    source = _header_field(head, "X-Source-Language") or "en"
    if lang_matches(source, source_lang) and lang_matches(language, target_lang):
        flipped = False
    elif lang_matches(source, target_lang) and lang_matches(language, source_lang):
        flipped = tally.reversed = True
    else:
        raise InputError(
            f"the catalog is in {source} → {normalize_lang(language)}, not in {source_lang} "
            f"and {target_lang}",
            path=path,
            hint="A PO catalog's source language is English unless X-Source-Language says so.",
        )
    for position, (context, msgid, msgstr, flags) in enumerate(read_catalog(path)):
        tally.read += 1
        source_text, target_text = (msgstr, msgid) if flipped else (msgid, msgstr)
        if not source_text:
            tally.skip("no translation to use as the source (the file is used reversed)")
            continue
        tally.written += 1
        state = "untranslated" if not target_text else "fuzzy" if "fuzzy" in flags else "translated"
        yield Unit(
            source=source_text,
            target=target_text,
            source_lang=normalize_lang(language if flipped else source),
            target_lang=normalize_lang(source if flipped else language),
            address=context or "",
            position=position,
            origin="imported",
            state=state,
        )


def _header_field(head: bytes, name: str) -> str:
    found = re.search(rb'^"' + name.encode() + rb':\s*([^\\"]*)', head, re.MULTILINE)
    return found[1].decode("utf-8", "replace").strip() if found else ""


def entry_state(entry: Entry) -> str:
    """The TM state of a PO entry: untranslated, fuzzy, translated or reviewed."""
    if not entry.target:
        return "untranslated"
    if entry.fuzzy:
        return "fuzzy"
    return "reviewed" if entry.reviewed else "translated"


def _origin(entry: Entry) -> str:
    """How a translation came about, from lextm's `origin:` note: aligned, carried over,
    pretranslated (a repetition filled in too), or translated (no note, a new segment of a
    carried version, anything else). The note itself keeps the details."""
    for note in entry.notes:
        if note.startswith("origin: "):
            first = note[len("origin: ") :].split(",")[0].strip()
            return next(
                (origin for prefix, origin in _ORIGINS if first.startswith(prefix)), "translated"
            )
    return "translated"


_ORIGINS = (
    ("aligned", "aligned"),
    ("carried from", "carried over"),
    ("pretranslated", "pretranslated"),
    ("repetition of", "pretranslated"),
    ("imported", "imported"),
)


def units_of_document(doc: DocumentFile, *, role: str = "translate") -> Iterator[Unit]:
    """The TM units of a lextm bilingual document, in document order."""
    for position, entry in enumerate(doc.entries):
        yield Unit(
            source=entry.source,
            target=entry.target,
            source_lang=doc.source_lang,
            target_lang=doc.target_lang,
            document=doc.document,
            version=doc.version,
            address=entry.address,
            position=position,
            origin=_origin(entry),
            state=entry_state(entry),
            role=role,
            note="\n".join(entry.comments),
        )


def document_from_units(units: Iterable[Unit]) -> DocumentFile:
    """A bilingual document from the units of one document version (UsageError otherwise)."""
    units = list(units)
    versions = sorted({(unit.document, unit.version) for unit in units})
    if len(versions) > 1:
        shown = ", ".join(f"{d}@{v}" for d, v in versions[:4])
        raise UsageError(
            f"a PO file holds one document version, and these units come from {shown}…",
            hint="Choose one with --doc and --version.",
        )
    document, version = versions[0] if versions else ("", "")
    flags = {"fuzzy": ("fuzzy",), "reviewed": ("reviewed",)}
    entries = tuple(
        Entry(
            address=unit.address,
            source=unit.source,
            target=unit.target,
            flags=flags.get(unit.state, ()),
            comments=tuple(unit.note.split("\n")) if unit.note else (),
        )
        for unit in units
    )
    first = units[0] if units else None
    return DocumentFile(
        document=document or "export",
        version=version or "1",
        source_lang=first.source_lang if first else "zh-CN",
        target_lang=first.target_lang if first else "en",
        entries=entries,
    )


def write_units(
    path: Path,
    units: Iterable[Unit],
    *,
    format_name: str,
    source_lang: str,
    target_lang: str,
    tally: Tally | None = None,
) -> Tally:
    """Write TM units in a format; for `lines`, `path` names the source file and the target
    file is written beside it (`corpus.zh` → `corpus.en`)."""
    tally = tally if tally is not None else Tally()
    if format_name == "tmx":
        from .tmx import write_tmx

        return write_tmx(path, units, source_lang=source_lang, tally=tally)
    if format_name in ("xliff", "xliff2"):
        from .xliff import write_xliff

        version = "2.0" if format_name == "xliff2" else "1.2"
        langs = {"source_lang": source_lang, "target_lang": target_lang}
        return write_xliff(path, units, version=version, tally=tally, **langs)
    if format_name in ("tsv", "csv"):
        from .delimited import write_tm_table

        return write_tm_table(path, units, tally=tally)
    if format_name == "lines":
        from .linealigned import write_lines

        target = path.with_suffix("." + target_lang.split("-")[0])
        if target == path:
            raise UsageError(f"the line-aligned source file {path} needs its language as suffix")
        return write_lines(path, target, units, tally=tally)
    if format_name == "po":
        from .po import write_po

        listed = list(units)
        tally.read = tally.written = len(listed)
        write_po(path, document_from_units(listed))
        return tally
    raise UsageError(f"{format_name} is not a TM format: use one of {', '.join(TM_FORMATS)}")


# --- termbases -----------------------------------------------------------------------------------


def read_terms(
    path: Path,
    *,
    format_name: str | None = None,
    languages: Iterable[str] | None = None,
    tally: Tally | None = None,
) -> list[Term]:
    """The rows of a termbase file (TBX, or TSV/CSV with the glossary's columns)."""
    tally = tally if tally is not None else Tally()
    kind = detect(path, format_name)
    if kind == "tbx":
        from .tbx import read_tbx

        return read_tbx(path, languages=languages, tally=tally)
    if kind in ("tsv", "csv"):
        from .delimited import kind_of, read_glossary_table

        if kind_of(path) != "glossary":
            raise InputError("a TM, not a termbase: use `lextm tm add`", path=path)
        terms = read_glossary_table(path, tally=tally)
        if languages is None:
            return terms
        wanted = tuple(languages)
        kept = [t for t in terms if any(lang_matches(t.lang, lang) for lang in wanted)]
        for term in terms:
            if term not in kept:
                tally.skip(f"language {term.lang} is not one of {', '.join(wanted)}", term.concept)
        tally.written = len(kept)
        return kept
    raise UsageError(f"{kind} files hold TM units, not terms: use `lextm tm add`")


def write_terms(
    path: Path,
    terms: Iterable[Term],
    *,
    format_name: str,
    source_lang: str = "zh-CN",
    target_lang: str = "en",
    tally: Tally | None = None,
) -> Tally:
    """Write termbase rows as TBX-Basic, TSV or CSV."""
    tally = tally if tally is not None else Tally()
    if format_name == "tbx":
        from .tbx import write_tbx

        return write_tbx(path, terms, lang=target_lang, tally=tally)
    if format_name in ("tsv", "csv"):
        from ..glossary import Glossary
        from .delimited import write_glossary_table

        glossary = Glossary(tuple(terms), source_lang, target_lang)
        return write_glossary_table(path, glossary, tally=tally)
    raise UsageError(
        f"{format_name} is not a termbase format: use one of {', '.join(GLOSSARY_FORMATS)}"
    )
