"""TMX 1.4b: translation memories from and for other tools (OmegaT, Trados, memoQ, Weblate).

Reading streams (`iterparse`, each `tu` dropped once used), so memory stays flat in the file
size. `iter_tmx` gives every translation unit with every variant (`tuv`): its language as
written, its text, its `prop`s and `note`s; `read_tmx` turns them into lextm `Unit`s for one
language pair, choosing the closest variant for each side (`xml:lang` compared without regard
to case, `_`/`-`, region or script; see `_common`), so a multilingual file, or one written
en→zh, still gives the project's zh→en pairs.

Inline markup (TMX levels 1 and 2): with `inline="strip"` (the default) the native codes
inside `bpt`, `ept`, `ph`, `it` and `ut` (and the `sub` flows inside them) are left out and the
text of `hi` kept, giving the plain text matching needs; with `inline="keep"` the segment is
kept as TMX markup (`The <bpt i="1">&lt;b></bpt>big…`), text escaped, and `write_tmx(…,
inline="keep")` writes such text back as markup; with `inline="native"` the codes' content
stands in the text as the original document had it (`The <b>big</b>…`), as translate-toolkit
and OmegaT show it.

Writing streams too: a header with `srclang`, `creationtool="lextm"`, its version,
`segtype="sentence"`, `o-tmf="lextm"`, `adminlang="en"` and `datatype="plaintext"`; one `tu`
per unit with lextm's provenance as `<prop type="x-lextm-…">` (document, version, address,
origin, state), its note as a `<note>`, and one `tuv` per language. Whitespace is written as
it is (a `\\r` as `&#13;`); a unit holding a character XML cannot carry is skipped and counted.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..model import Unit
from ._common import Tally, atomic_stream, lang_matches, normalize_lang, pair_or_none
from ._xml import XML_LANG, XmlReader, escape_attr, escape_text, inline_text, xml_problem

__all__ = [
    "STATES",
    "TranslationUnit",
    "Variant",
    "iter_tmx",
    "read_tmx",
    "render_inline",
    "write_tmx",
]

STATES = ("untranslated", "fuzzy", "translated", "reviewed")
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
_INLINE = frozenset({*_CODES, "hi", "sub"})
_PROPS = ("document", "version", "address", "origin", "state")
_PREFIX = "x-lextm-"


@dataclass(frozen=True, slots=True)
class Variant:
    """One `tuv`: its language as written, segment text, props (type, value) and notes."""

    lang: str
    text: str
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One `tu`: its variants in file order, id, source language, props and notes."""

    variants: tuple[Variant, ...]
    tuid: str = ""
    srclang: str = ""
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    def prop(self, name: str) -> str:
        """The value of the first prop of this type, or ""."""
        return next((value for kind, value in self.props if kind == name), "")


# --- reading -------------------------------------------------------------------------------------


def render_inline(seg: ET.Element, inline: str) -> str:
    """A `seg`'s text: without the codes (`strip`), as TMX markup (`keep`) or with the codes'
    native content (`native`)."""
    return inline_text(seg, _CODES, inline)


def iter_tmx(path: Path, *, inline: str = "strip") -> Iterator[TranslationUnit]:
    """Every translation unit of a TMX file, streamed; InputError with the line on a fault."""
    reader = XmlReader(path, containers=frozenset({"body"}))
    if reader.root.name != "tmx" or reader.root.namespace:
        raise InputError(
            f"not a TMX file: the root element is <{reader.root.name}>, not <tmx>", path=path
        )
    yield from _units(reader, inline)


def _units(reader: XmlReader, inline: str) -> Iterator[TranslationUnit]:
    header_seen = False
    for element in reader.ends():
        tag = element.tag
        if tag == "tuv":
            reader.mark(element)
        elif tag == "tu":
            yield _unit(reader, element, inline)
            reader.release()
        elif tag == "header":
            header_seen = True
        elif tag == "tmx" and not header_seen:
            raise reader.fail("the TMX file has no <header>", element=element)


def _unit(reader: XmlReader, tu: ET.Element, inline: str) -> TranslationUnit:
    variants: list[Variant] = []
    props: list[tuple[str, str]] = []
    notes: list[str] = []
    for child in tu:
        tag = child.tag
        if tag == "tuv":
            variants.append(_variant(reader, child, inline))
        elif tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            notes.append(child.text or "")
    return TranslationUnit(
        tuple(variants), tu.get("tuid", ""), tu.get("srclang", ""), tuple(props), tuple(notes)
    )


def _variant(reader: XmlReader, tuv: ET.Element, inline: str) -> Variant:
    lang = tuv.get(XML_LANG) or tuv.get("lang") or ""  # TMX 1.1 wrote `lang`
    if not lang:
        raise reader.fail("a <tuv> has no xml:lang", element=tuv)
    text: str | None = None
    props: list[tuple[str, str]] = []
    notes: list[str] = []
    for child in tuv:
        tag = child.tag
        if tag == "seg":
            text = (child.text or "") if not len(child) else render_inline(child, inline)
        elif tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            notes.append(child.text or "")
    if text is None:
        raise reader.fail("a <tuv> has no <seg>", element=tuv)
    return Variant(lang, text, tuple(props), tuple(notes))


def read_tmx(
    path: Path,
    *,
    source_lang: str,
    target_lang: str,
    inline: str = "strip",
    tally: Tally | None = None,
) -> Iterator[Unit]:
    """The units of a TMX file for one language pair, streamed.

    A `tu` without a variant in one of the two languages is skipped and counted in `tally`;
    a file none of whose units has both is refused, naming the languages it has.
    """
    tally = tally if tally is not None else Tally()
    seen: dict[str, None] = {}
    for number, tu in enumerate(iter_tmx(path, inline=inline), 1):
        tally.read += 1
        langs = tuple(variant.lang for variant in tu.variants)
        pair = pair_or_none(langs, source_lang, target_lang)
        if pair is None:
            seen.update(dict.fromkeys(normalize_lang(lang) for lang in langs))
            tally.skip(f"no variant in both {source_lang} and {target_lang}", f"tu {number}")
            continue
        if tu.srclang and lang_matches(tu.srclang, target_lang):
            tally.reversed = True
        tally.written += 1
        yield _to_unit(tu, *pair, number)
    if tally.read and not tally.written:
        raise InputError(
            f"no unit has both {source_lang} and {target_lang} (the file's languages: "
            f"{', '.join(seen)})",
            path=path,
            hint="Choose a TM in the project's languages.",
        )


def _to_unit(tu: TranslationUnit, source: str, target: str, number: int) -> Unit:
    by_lang = {variant.lang: variant for variant in reversed(tu.variants)}
    src, tgt = by_lang[source], by_lang[target]
    lextm = {kind[len(_PREFIX) :]: value for kind, value in tu.props if kind.startswith(_PREFIX)}
    state = lextm.get("state", "")
    if state not in STATES:
        state = "translated" if tgt.text else "untranslated"
    notes = [*tu.notes, *src.notes, *tgt.notes]
    return Unit(
        source=src.text,
        target=tgt.text,
        source_lang=normalize_lang(source),
        target_lang=normalize_lang(target),
        document=lextm.get("document", ""),
        version=lextm.get("version", ""),
        address=lextm.get("address", "") or tu.tuid,
        position=number - 1,
        origin=lextm.get("origin", "") or "imported",
        state=state,
        note="\n".join(note for note in notes if note),
    )


# --- writing -------------------------------------------------------------------------------------


def write_tmx(
    path: Path,
    units: Iterable[Unit],
    *,
    source_lang: str,
    inline: str = "strip",
    tally: Tally | None = None,
) -> Tally:
    """Write units as TMX 1.4b, streamed and atomically; what was written and skipped."""
    tally = tally if tally is not None else Tally()
    with atomic_stream(path) as out:
        out.write(_header(source_lang))
        for unit in units:
            tally.read += 1
            problem = _unit_problem(unit, inline)
            if problem:
                tally.skip(problem, unit.address or f"unit {tally.read}")
                continue
            out.write(_tu(unit, inline))
            tally.written += 1
        out.write("  </body>\n</tmx>\n")
    return tally


def _header(source_lang: str) -> str:
    attributes = {
        "creationtool": "lextm",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "lextm",
        "adminlang": "en",
        "srclang": normalize_lang(source_lang),
        "datatype": "plaintext",
    }
    shown = " ".join(f'{name}="{escape_attr(value)}"' for name, value in attributes.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f"  <header {shown}/>\n  <body>\n"
    )


def _unit_problem(unit: Unit, inline: str) -> str | None:
    for name in ("source", "target", "note", *_PROPS):
        problem = xml_problem(getattr(unit, name))
        if problem:
            return f"the {name} {problem}"
    if inline == "keep":
        for name in ("source", "target"):
            if not _is_markup(getattr(unit, name)):
                return f"the {name} is not well-formed TMX inline markup"
    return None


def _is_markup(text: str) -> bool:
    try:
        seg = ET.fromstring(f"<seg>{text}</seg>")
    except ET.ParseError:
        return False
    return all(element.tag in _INLINE for element in seg.iter() if element is not seg)


def _tu(unit: Unit, inline: str) -> str:
    parts = ["    <tu>\n"]
    for name in _PROPS:
        value = getattr(unit, name)
        if value:
            parts.append(f'      <prop type="{_PREFIX}{name}">{escape_text(value)}</prop>\n')
    if unit.note:
        parts.append(f"      <note>{escape_text(unit.note)}</note>\n")
    for lang, text in ((unit.source_lang, unit.source), (unit.target_lang, unit.target)):
        seg = text if inline == "keep" else escape_text(text)
        parts.append(
            f'      <tuv xml:lang="{escape_attr(normalize_lang(lang))}"><seg>{seg}</seg></tuv>\n'
        )
    parts.append("    </tu>\n")
    return "".join(parts)
