"""TBX termbases: TBX v3 (ISO 30042:2019) read and written in the TBX-Basic dialect, and TBX 2008
(`martif`) read.

A concept entry (`conceptEntry`, 2008 `termEntry`) is a lextm concept, its `id` the concept slug
(lower-cased, other characters made `-`); a language section (`langSec`, `langSet`) the rows of
one language; a term section (`termSec`, `tig`, `ntig`) one row. The mapping:

- status ↔ `termNote type="administrativeStatus"`: preferred ↔ `preferredTerm-admn-sts`,
  admitted ↔ `admittedTerm-admn-sts`, deprecated ↔ `deprecatedTerm-admn-sts`
  (`supersededTerm-admn-sts` reads as deprecated); forbidden → `deprecatedTerm-admn-sts` and a
  note `lextm-status: forbidden`.
- pos ↔ `termNote type="partOfSpeech"`: TBX-Basic's picklist is adjective, noun, other, verb,
  adverb; another value is written as `other` with a note `lextm-pos: …`.
- definition ↔ `descrip type="definition"` on the language section; a row whose definition
  differs from its section's carries a note `lextm-definition: …`.
- note ↔ `note` on the term section; source ↔ `admin type="source"` on the term section.
- scope ↔ `admin type="customerSubset"` on the term section: a subset of the termbase for one
  jurisdiction or one law (`subjectField` says a domain, which lextm's scope is not).
- valid_from, valid_to, pattern ↔ notes `lextm-valid-from: …`, `lextm-valid-to: …`,
  `lextm-pattern: …` (TBX-Basic has no such data categories).

TBX-Basic has no "forbidden" status; lextm keeps the distinction in a note rather than lose it.
Read from other tools: TBX-Min's `usageStatus` (preferred, admitted, notRecommended → deprecated,
obsolete → deprecated); a term without a status is admitted; a concept's `subjectField` is
added to each row's note (`subject field: …`); text is read with its white space runs made one
space (TBX prose is indented XML; a TSV row holds no line breaks); notes are joined with " | ".

Reading is strict: a file that breaks the TBX core structure (a term section without one leading
`term`, a language section without `xml:lang`, a data category without `type`, text outside
`<p>` in the header, …) or, for TBX-Basic and TBX-Min, uses a data category or picklist value
the dialect does not have, is refused at the first fault with its line, and nothing is imported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import InputError, UsageError
from ..model import Term
from ._common import Tally, atomic_stream, lang_matches, normalize_lang
from ._xml import XML_LANG, XmlReader, escape_attr, escape_text, local, xml_problem

__all__ = ["NS_TBX", "read_tbx", "render_tbx", "write_tbx"]

NS_TBX = "urn:iso:std:iso:30042:ed-2"
_NS_DCT = ("http://www.tbxinfo.net/ns/basic", "http://www.tbxinfo.net/ns/min")
_STATUS_IN = {
    "preferredTerm-admn-sts": "preferred",
    "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "deprecated",
    "supersededTerm-admn-sts": "deprecated",
    "preferred": "preferred",
    "admitted": "admitted",
    "notRecommended": "deprecated",
    "obsolete": "deprecated",
    "deprecated": "deprecated",
    "superseded": "deprecated",
}
_STATUS_OUT = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_POS = frozenset({"adjective", "noun", "other", "verb", "adverb"})
_EXTRA = frozenset(
    {"lextm-status", "lextm-pos", "lextm-definition", "lextm-valid-from", "lextm-valid-to"}
) | {"lextm-pattern"}
_TYPED = frozenset(
    {"admin", "adminNote", "descrip", "descripNote", "ref", "termNote", "transac", "transacNote"}
)
_TYPED |= {"xref"}
# A data category as DCT writes it (its own element) → the DCA element and type it stands for.
_DCT_KIND = {
    "administrativeStatus": "termNote",
    "partOfSpeech": "termNote",
    "termType": "termNote",
    "grammaticalGender": "termNote",
    "geographicalUsage": "termNote",
    "termLocation": "termNote",
    "usageStatus": "termNote",
    "definition": "descrip",
    "subjectField": "descrip",
    "context": "descrip",
    "customerSubset": "admin",
    "projectSubset": "admin",
    "source": "admin",
    "transactionType": "transac",
    "responsibility": "transacNote",
    "xGraphic": "xref",
    "externalCrossReference": "xref",
    "crossReference": "ref",
}


@dataclass(frozen=True, slots=True)
class _Dialect:
    """What a TBX dialect allows: data categories by element, picklists, where each may stand."""

    types: dict[str, frozenset[str]]
    picklists: dict[str, frozenset[str]] = field(default_factory=dict)
    levels: dict[str, frozenset[str]] = field(default_factory=dict)


_CONCEPT, _LANG, _TERM = "conceptEntry", "langSec", "termSec"
_BASIC = _Dialect(
    types={
        "admin": frozenset({"customerSubset", "projectSubset", "source"}),
        "descrip": frozenset({"context", "definition", "subjectField"}),
        "ref": frozenset({"crossReference"}),
        "transac": frozenset({"transactionType"}),
        "transacNote": frozenset({"responsibility"}),
        "xref": frozenset({"externalCrossReference", "xGraphic"}),
        # usageStatus is TBX-Min's; LTAC's own TBX-Basic test files use it, so it is accepted.
        "termNote": frozenset(
            {
                "administrativeStatus",
                "grammaticalGender",
                "geographicalUsage",
                "partOfSpeech",
                "termLocation",
                "termType",
                "usageStatus",
            }
        ),
    },
    picklists={
        "partOfSpeech": _POS,
        "administrativeStatus": frozenset(list(_STATUS_IN)[:4]),
        "usageStatus": frozenset(
            {"preferred", "admitted", "deprecated", "notRecommended", "obsolete", "superseded"}
        ),
    },
    levels={
        "subjectField": frozenset({_CONCEPT}),
        "definition": frozenset({_CONCEPT, _LANG}),
        "context": frozenset({_TERM}),
        "xGraphic": frozenset({_CONCEPT, _LANG}),
        "customerSubset": frozenset({_CONCEPT, _TERM}),
        "projectSubset": frozenset({_CONCEPT, _TERM}),
    },
)
_MIN = _Dialect(
    types={
        "admin": frozenset({"customerSubset"}),
        "descrip": frozenset({"definition", "subjectField"}),
        "termNote": frozenset({"partOfSpeech", "usageStatus", "administrativeStatus"}),
        "ref": frozenset(),
        "xref": frozenset(),
        "transac": frozenset(),
        "transacNote": frozenset(),
    },
    picklists=_BASIC.picklists,
    levels=_BASIC.levels,
)
_DIALECTS = {"TBX-Basic": _BASIC, "TBX-Min": _MIN}
_SPACES = re.compile(r"\s+")


# --- reading -------------------------------------------------------------------------------------


def read_tbx(
    path: Path, *, languages: Iterable[str] | None = None, tally: Tally | None = None
) -> list[Term]:
    """The rows of a TBX v3 or TBX 2008 file, in file order; InputError at the first fault.

    With `languages`, terms in other languages are skipped and counted in `tally`.
    """
    tally = tally if tally is not None else Tally()
    wanted = tuple(languages) if languages is not None else None
    reader = XmlReader(path, containers=frozenset({f"{{{NS_TBX}}}body", "body"}))
    root = reader.root
    if root.name == "martif":
        names = _Names("termEntry", "langSet", ("tig", "ntig"), "martifHeader")
        dialect = None
    elif root.name == "tbx" and root.namespace == NS_TBX:
        names = _Names(_CONCEPT, _LANG, (_TERM,), "tbxHeader")
        dialect = _DIALECTS.get(root.attributes.get("type", ""))
    else:
        raise InputError(
            f"not a TBX file: the root element is <{root.name}>"
            + (f" in namespace {root.namespace}" if root.namespace else ""),
            path=path,
            hint="lextm reads TBX v3 (namespace urn:iso:std:iso:30042:ed-2) and TBX 2008 (martif).",
        )
    terms: list[Term] = []
    slugs: dict[str, str] = {}
    for element in reader.ends():
        name = local(element.tag)
        if name == names.concept:
            for term in _concept(reader, element, names, dialect, slugs, tally.unmapped):
                _keep(term, wanted, tally, terms)
            reader.release()
        elif name == names.header:
            _check_header(reader, element)
        elif name == "text":
            _check_text(reader, element, names)
    return terms


@dataclass(frozen=True, slots=True)
class _Names:
    concept: str
    lang: str
    term: tuple[str, ...]
    header: str


def _keep(term: Term, wanted: tuple[str, ...] | None, tally: Tally, terms: list[Term]) -> None:
    tally.read += 1
    if wanted is not None and not any(lang_matches(term.lang, lang) for lang in wanted):
        tally.skip(f"language {term.lang} is not one of {', '.join(wanted)}", term.concept)
        return
    tally.written += 1
    terms.append(term)


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


_BLOCKS = frozenset(
    {"tbxHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "encodingDesc"}
)


def _check_header(reader: XmlReader, header: ET.Element) -> None:
    for element in header.iter():
        if local(element.tag) in _BLOCKS and _clean(element.text):
            raise reader.fail(
                f"text directly inside <{local(element.tag)}> in the header: it belongs in <p>",
                element=header,
            )


def _check_text(reader: XmlReader, text: ET.Element, names: _Names) -> None:
    for child in text:
        if local(child.tag) not in ("body", "back"):
            raise reader.fail(
                f"<{local(child.tag)}> may not stand directly inside <text>", element=text
            )


def _slug(raw: str, slugs: dict[str, str]) -> str:
    if raw in slugs:
        return slugs[raw]
    base = re.sub(r"[^a-z0-9._-]+", "-", raw.lower()).strip("-._") or "concept"
    slug, counter = base, 1
    while slug in slugs.values():
        counter += 1
        slug = f"{base}-{counter}"
    slugs[raw] = slug
    return slug


def _category(element: ET.Element) -> tuple[str, str]:
    """(element kind, data category) of a DCA element or of a DCT one (`basic:source`)."""
    tag = local(element.tag)
    if element.tag.startswith("{") and element.tag[1:].partition("}")[0] in _NS_DCT:
        return _DCT_KIND.get(tag, tag), tag
    return tag, element.get("type", "")


def _concept(
    reader: XmlReader,
    concept: ET.Element,
    names: _Names,
    dialect: _Dialect | None,
    slugs: dict[str, str],
    unmapped: Counter[str],
) -> Iterator[Term]:
    raw_id = concept.get("id", "")
    if not raw_id:
        raise reader.fail(f"a <{names.concept}> has no id", element=concept)
    slug = _slug(raw_id, slugs)
    facts = _facts(reader, concept, _CONCEPT, dialect, stop=(names.lang,))
    unmapped.update(facts.unmapped)
    langs = [child for child in concept if local(child.tag) == names.lang]
    if not langs:
        raise reader.fail(f"the <{names.concept}> {raw_id!r} has no language section")
    for section in langs:
        lang = section.get(XML_LANG) or section.get("lang") or ""
        if not lang:
            raise reader.fail(f"a <{names.lang}> in {raw_id!r} has no xml:lang")
        lang_facts = _facts(reader, section, _LANG, dialect, stop=names.term)
        unmapped.update(lang_facts.unmapped)
        sections = [child for child in section if local(child.tag) in names.term]
        if not sections:
            raise reader.fail(f"the <{names.lang}> {lang!r} of {raw_id!r} has no term")
        for term_sec in sections:
            yield _term(
                reader, term_sec, slug, normalize_lang(lang), facts, lang_facts, dialect, unmapped
            )


@dataclass
class _Facts:
    """What one level of an entry says: status, pos, definition, notes, source, scope, subject."""

    status: str = ""
    pos: str = ""
    definition: str = ""
    notes: list[str] = field(default_factory=list)
    source: str = ""
    scope: str = ""
    subject: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)


def _facts(
    reader: XmlReader,
    element: ET.Element,
    level: str,
    dialect: _Dialect | None,
    *,
    stop: tuple[str, ...],
) -> _Facts:
    facts = _Facts()
    for child in element:
        name = local(child.tag)
        if name in stop:
            continue
        if name in ("descripGrp", "adminGrp", "termNoteGrp"):
            items = list(child)
            main = [item for item in items if _category(item)[0] == name[:-3]]
            if len(main) != 1 or items[0] is not main[0]:
                raise reader.fail(
                    f"a <{name}> holds one leading <{name[:-3]}>, then its notes", element=element
                )
            _fact(reader, main[0], level, dialect, facts)
            for item in items[1:]:  # a source or note about the grouped item, not the term
                if dialect is not None and _category(item)[0] in _TYPED:
                    _check_dialect(reader, item, *_category(item), level, dialect)
                facts.unmapped.append(f"{_category(item)[1] or local(item.tag)} in a {name}")
        else:
            _fact(reader, child, level, dialect, facts)
    return facts


def _fact(
    reader: XmlReader,
    child: ET.Element,
    level: str,
    dialect: _Dialect | None,
    facts: _Facts,
) -> None:
    kind, category = _category(child)
    if kind == "transacGrp":
        for item in child:
            if dialect is not None and _category(item)[0] in ("transac", "transacNote"):
                _check_dialect(reader, item, *_category(item), level, dialect)
        return
    if kind in ("date", "term"):
        return
    if kind in _TYPED and not category:
        raise reader.fail(f"a <{kind}> has no type attribute", element=child)
    if dialect is not None:
        _check_dialect(reader, child, kind, category, level, dialect)
    value = _clean("".join(child.itertext()))
    if kind == "note":
        _note(value, facts)
    elif category in ("administrativeStatus", "usageStatus"):
        facts.status = _STATUS_IN.get(value, facts.status or "admitted")
    elif category == "partOfSpeech":
        facts.pos = value
    elif category == "definition":
        facts.definition = value
    elif category == "source":
        facts.source = value
    elif category == "customerSubset":
        facts.scope = value
    elif category == "subjectField":
        facts.subject = value
    else:
        facts.unmapped.append(category or kind)


def _note(value: str, facts: _Facts) -> None:
    key, colon, rest = value.partition(":")
    if colon and key in _EXTRA:
        facts.extra[key] = rest.strip()
    elif value:
        facts.notes.append(value)


def _check_dialect(
    reader: XmlReader, child: ET.Element, kind: str, category: str, level: str, dialect: _Dialect
) -> None:
    allowed = dialect.types.get(kind)
    if allowed is not None and category not in allowed:
        raise reader.fail(
            f'<{kind} type="{category}"> is not a data category of this TBX dialect'
            f" (allowed: {', '.join(sorted(allowed)) or 'none'})",
            element=child,
        )
    if kind == "termNote" and level != _TERM:
        raise reader.fail(f"<termNote> may only stand in a term section, not in <{level}>")
    levels = dialect.levels.get(category)
    if levels is not None and level not in levels:
        raise reader.fail(
            f"{category} may only stand at level {', '.join(sorted(levels))}, not in <{level}>",
            element=child,
        )
    picklist = dialect.picklists.get(category)
    value = _clean(child.text)
    if picklist is not None and value not in picklist:
        raise reader.fail(
            f"{category} {value!r} is not one of {', '.join(sorted(picklist))}", element=child
        )


def _term(
    reader: XmlReader,
    section: ET.Element,
    concept: str,
    lang: str,
    top: _Facts,
    middle: _Facts,
    dialect: _Dialect | None,
    unmapped: Counter[str],
) -> Term:
    children = list(section)
    holders = [child for child in children if local(child.tag) == "termGrp"] or [section]
    inner = list(holders[0])
    terms = [child for child in inner if local(child.tag) == "term"]
    if len(terms) != 1 or inner[0] is not terms[0]:
        raise reader.fail(
            "a term section holds exactly one <term>, first", element=terms[-1] if terms else None
        )
    own = _facts(reader, holders[0], _TERM, dialect, stop=())
    if holders[0] is not section:
        more = _facts(reader, section, _TERM, dialect, stop=("termGrp",))
        own.notes += more.notes
        own.source = own.source or more.source
    unmapped.update(own.unmapped)
    extra = {**top.extra, **middle.extra, **own.extra}
    status = extra.get("lextm-status") or own.status or "admitted"
    notes = [*top.notes, *middle.notes, *own.notes]
    if top.subject:
        notes.append(f"subject field: {top.subject}")
    return Term(
        concept=concept,
        lang=lang,
        term=_clean(terms[0].text and "".join(terms[0].itertext())),
        status=status if status in _STATUS_OUT else "admitted",
        pos=extra.get("lextm-pos") or own.pos,
        scope=own.scope or top.scope,
        valid_from=extra.get("lextm-valid-from", ""),
        valid_to=extra.get("lextm-valid-to", ""),
        definition=extra.get("lextm-definition", middle.definition or top.definition),
        note=" | ".join(notes),
        source=own.source or middle.source or top.source,
        pattern=extra.get("lextm-pattern", ""),
    )


# --- writing -------------------------------------------------------------------------------------


def render_tbx(terms: Iterable[Term], *, lang: str = "en", tally: Tally | None = None) -> str:
    """The TBX-Basic (DCA) text of a termbase: one concept entry per concept, in first-seen
    order; rows that XML cannot carry are skipped and counted in `tally`."""
    return "".join(_tbx_parts(terms, lang, tally if tally is not None else Tally()))


def write_tbx(
    path: Path, terms: Iterable[Term], *, lang: str = "en", tally: Tally | None = None
) -> Tally:
    """Write a termbase as TBX-Basic, atomically; what was written and skipped.

    TBX needs at least one concept entry, so an empty termbase is a UsageError.
    """
    terms = list(terms)
    if not terms:
        raise UsageError("the termbase is empty, and a TBX file needs at least one concept entry")
    tally = tally if tally is not None else Tally()
    with atomic_stream(path) as out:
        for part in _tbx_parts(terms, lang, tally):
            out.write(part)
    return tally


def _tbx_parts(terms: Iterable[Term], lang: str, tally: Tally) -> Iterator[str]:
    concepts: dict[str, list[Term]] = {}
    for term in terms:
        tally.read += 1
        problem = next(
            (
                f"the {name} {found}"
                for name in ("concept", "term", "note", "definition", "source", "scope")
                if (found := xml_problem(getattr(term, name)))
            ),
            None,
        )
        if problem:
            tally.skip(problem, f"{term.concept} / {term.term}")
            continue
        concepts.setdefault(term.concept, []).append(term)
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<tbx type="TBX-Basic" style="dca" xml:lang="{escape_attr(normalize_lang(lang))}" '
        f'xmlns="{NS_TBX}">\n'
        "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
        f"        <p>Written by lextm {__version__}</p>\n"
        "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n"
    )
    for concept, rows in concepts.items():
        yield _concept_xml(concept, rows)
        tally.written += len(rows)
    yield "    </body>\n  </text>\n</tbx>\n"


def _concept_xml(concept: str, rows: list[Term]) -> str:
    by_lang: dict[str, list[Term]] = {}
    for row in rows:
        by_lang.setdefault(normalize_lang(row.lang), []).append(row)
    parts = [f'      <conceptEntry id="{escape_attr(_xml_id(concept))}">\n']
    for lang, terms in by_lang.items():
        definition = terms[0].definition
        parts.append(f'        <langSec xml:lang="{escape_attr(lang)}">\n')
        if definition:
            parts.append(
                f'          <descrip type="definition">{escape_text(definition)}</descrip>\n'
            )
        parts += [_term_xml(term, definition) for term in terms]
        parts.append("        </langSec>\n")
    parts.append("      </conceptEntry>\n")
    return "".join(parts)


def _xml_id(slug: str) -> str:
    """An xsd:ID must not start with a digit or '.', '-': such slugs get a leading `_`."""
    return slug if re.match(r"[A-Za-z_]", slug) else f"_{slug}"


def _term_xml(term: Term, definition: str) -> str:
    pos = term.pos if term.pos in _POS else ("other" if term.pos else "")
    notes = [term.note] if term.note else []
    extra = {
        "lextm-status": "forbidden" if term.status == "forbidden" else "",
        "lextm-pos": term.pos if term.pos and term.pos not in _POS else "",
        "lextm-definition": term.definition if term.definition != definition else "",
        "lextm-valid-from": term.valid_from,
        "lextm-valid-to": term.valid_to,
        "lextm-pattern": term.pattern,
    }
    notes += [
        f"{key}: {value}".rstrip()
        for key, value in extra.items()
        if value or (key == "lextm-definition" and term.definition != definition)
    ]
    status = _STATUS_OUT.get(term.status, "admittedTerm-admn-sts")
    parts = [
        "          <termSec>\n",
        f"            <term>{escape_text(term.term)}</term>\n",
        f'            <termNote type="administrativeStatus">{status}</termNote>\n',
    ]
    if pos:
        parts.append(f'            <termNote type="partOfSpeech">{pos}</termNote>\n')
    if term.scope:
        parts.append(
            f'            <admin type="customerSubset">{escape_text(term.scope)}</admin>\n'
        )
    if term.source:
        parts.append(f'            <admin type="source">{escape_text(term.source)}</admin>\n')
    parts += [f"            <note>{escape_text(note)}</note>\n" for note in notes]
    parts.append("          </termSec>\n")
    return "".join(parts)
