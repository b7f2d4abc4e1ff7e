"""Safe, streaming XML for the exchange formats: one reader and one writer every XML format uses.

Reading is done in two passes over the start of the file and one over the rest:

1. `xml.parsers.expat` reads the prolog up to the root element's start tag with handlers that
   refuse every entity declaration (general or parameter, internal or external) and every
   reference to an external entity, and never reads parameter entities. This stops
   entity-expansion bombs ("billion laughs") and external entities (XXE) before any element is
   built, and yields the root element's name, namespace and attributes for format sniffing.
2. `xml.etree.ElementTree.iterparse` (the C parser) reads the document in one stream. A DTD is
   never fetched (expat has no handler to fetch one here), so a document that uses an entity
   only an external DTD would define is an error ("undefined entity"), never silently read.

Elements carry no line numbers in ElementTree; when a reader rejects an element, `XmlReader.fail`
reads the file again with expat up to that element to name its line (errors are rare, so the
fast path pays nothing for this). Parse errors carry expat's own line.

Writing: `escape_text` / `escape_attr` escape for XML 1.0, keeping `\\r` and, in attributes,
tabs and line breaks as character references so they survive a parser's normalisation;
`xml_problem` names characters XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF, lone
surrogates), which a writer must skip and report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..errors import InputError

__all__ = [
    "XML_LANG",
    "XML_NS",
    "XML_SPACE",
    "Root",
    "XmlReader",
    "escape_attr",
    "escape_text",
    "inline_text",
    "local",
    "namespace",
    "read_root",
    "text_of",
    "xml_problem",
]

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
_CHUNK = 1 << 16
_SAFETY_HINT = (
    "lextm reads no DTD and expands no entities (protection against entity bombs and external "
    "entities); remove the DOCTYPE's declarations or replace the entities with their text."
)


class _StopReadingError(Exception):
    """Raised inside an expat handler to stop reading: what was wanted has been seen."""


@dataclass(frozen=True, slots=True)
class Root:
    """The root element of an XML file: namespace ("" for none), local name, attributes."""

    namespace: str
    name: str
    attributes: dict[str, str] = field(default_factory=dict)
    doctype: str = ""


def namespace(tag: str) -> str:
    """The namespace of an ElementTree tag (`{ns}name`), or ""."""
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def local(tag: str) -> str:
    """The local name of an ElementTree tag."""
    return tag.rpartition("}")[2]


def _unsafe(path: Path, what: str, line: int | None) -> InputError:
    return InputError(f"refused: the file {what}", path=path, line=line, hint=_SAFETY_HINT)


def _guarded_parser(path: Path) -> Any:
    """An expat parser that refuses entity declarations and external entities."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def entity_decl(name: str, is_parameter: int, *_: Any) -> None:
        kind = "parameter entity" if is_parameter else "entity"
        raise _unsafe(path, f"declares the {kind} {name!r}", parser.CurrentLineNumber)

    def external(*_: Any) -> int:
        raise _unsafe(path, "refers to an external entity", parser.CurrentLineNumber)

    def unparsed(name: str, *_: Any) -> None:
        raise _unsafe(path, f"declares the unparsed entity {name!r}", parser.CurrentLineNumber)

    parser.EntityDeclHandler = entity_decl
    parser.UnparsedEntityDeclHandler = unparsed
    parser.ExternalEntityRefHandler = external
    return parser


def read_root(path: Path) -> Root:
    """The root element of an XML file, read safely; InputError if there is none or it is unsafe."""
    parser = _guarded_parser(path)
    found: list[Root] = []
    doctype: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        ns, _, tag = name.rpartition("}")
        found.append(Root(ns, tag, dict(attributes), doctype[0] if doctype else ""))
        raise _StopReadingError

    def start_doctype(name: str, *_: Any) -> None:
        doctype.append(name)

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = start_doctype
    _run(parser, path)
    if not found:
        raise InputError("not an XML file: no root element", path=path)
    return found[0]


def _run(parser: Any, path: Path) -> None:
    """Feed the file to an expat parser until a handler stops it or the file ends."""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _StopReadingError:
        return
    except expat.ExpatError as error:
        raise InputError(
            f"not well-formed XML ({expat.ErrorString(error.code)})",
            path=path,
            line=error.lineno,
        ) from None
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=path) from None


def text_of(element: ET.Element) -> str:
    """All the text inside an element, its children's included, as one string."""
    return "".join(element.itertext())


class XmlReader:
    """A streaming reader over one XML file: checked prolog, then elements from iterparse.

    `ends()` yields each element when its end tag has been read. Elements whose tags are in
    `containers` (a TMX `body`, a TBX `body`) are remembered when they start; after using a
    record the caller calls `release()`, which empties the innermost open container, so memory
    stays flat in the file size. `fail` builds an InputError naming the line of an element.
    """

    def __init__(self, path: Path, containers: frozenset[str] = frozenset()) -> None:
        """Check the file's prolog (entities refused) and read its root element."""
        self.path = path
        self.root = read_root(path)
        self._containers = containers
        self._open: list[ET.Element] = []
        self._ordinal = 0  # how many end tags have been read
        self._ordinals: dict[int, int] = {}

    def ends(self) -> Iterator[ET.Element]:
        """Every element of the document at its end tag, in document order."""
        containers, opened = self._containers, self._open
        try:
            for event, element in ET.iterparse(self.path, events=("start", "end")):
                if event == "start":
                    if element.tag in containers:
                        opened.append(element)
                    continue
                self._ordinal += 1
                if opened and element is opened[-1]:
                    opened.pop()
                yield element
        except ET.ParseError as error:
            line = error.position[0] if error.position else None
            message = str(error).split(":")[0]
            if "undefined entity" in message:
                raise InputError(
                    f"refused: the file uses an {message} (declared nowhere lextm reads)",
                    path=self.path,
                    line=line,
                    hint=_SAFETY_HINT,
                ) from None
            raise InputError(
                f"not well-formed XML ({message})", path=self.path, line=line
            ) from None
        except OSError as error:
            raise InputError(f"cannot read the file ({error.strerror})", path=self.path) from None

    def open_containers(self) -> tuple[ET.Element, ...]:
        """The container elements started and not yet ended, outermost first."""
        return tuple(self._open)

    def release(self) -> None:
        """Drop the children read so far of the innermost open container."""
        if self._open:
            del self._open[-1][:]
        self._ordinals.clear()

    def mark(self, element: ET.Element) -> None:
        """Remember which end tag `element` was, so `fail(element=…)` can find its line later."""
        self._ordinals[id(element)] = self._ordinal

    def fail(
        self, message: str, *, element: ET.Element | None = None, hint: str | None = None
    ) -> InputError:
        """An InputError naming the file and the line where the element starts."""
        ordinal = self._ordinals.get(id(element), self._ordinal) if element else self._ordinal
        return InputError(message, path=self.path, line=self._line_of(ordinal), hint=hint)

    def _line_of(self, ordinal: int) -> int | None:
        """The line of the start tag of the element whose end tag was the `ordinal`-th."""
        parser = _guarded_parser(self.path)
        starts: list[int] = []
        count = [0]
        found: list[int] = []

        def start(*_: Any) -> None:
            starts.append(parser.CurrentLineNumber)

        def end(*_: Any) -> None:
            count[0] += 1
            line = starts.pop()
            if count[0] == ordinal:
                found.append(line)
                raise _StopReadingError

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        try:
            _run(parser, self.path)
        except InputError:
            return None
        return found[0] if found else None


# --- writing -------------------------------------------------------------------------------------

_TEXT_SPECIAL = re.compile(r"[&<>\r]")
_ATTR_SPECIAL = re.compile(r"[&<>\"\r\n\t]")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}


def escape_text(text: str) -> str:
    """Text as XML character data; `\\r` as a character reference so parsers keep it."""
    if not _TEXT_SPECIAL.search(text):
        return text
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m[0]], text)


def escape_attr(text: str) -> str:
    """Text as a double-quoted attribute value; tabs and line breaks kept as references."""
    if not _ATTR_SPECIAL.search(text):
        return text
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m[0]], text)


def xml_problem(text: str) -> str | None:
    """Why `text` cannot be written in XML 1.0 (a control character…), or None."""
    found = _ILLEGAL.search(text)
    if found is None:
        return None
    return f"holds the character U+{ord(found[0]):04X}, which XML 1.0 cannot carry"


# --- inline markup -------------------------------------------------------------------------------


def inline_text(element: ET.Element, codes: frozenset[str], inline: str) -> str:
    """An element's text with its inline markup handled the way `inline` says.

    `strip` leaves out the content of code elements (local names in `codes`) and keeps the text
    of everything else (`hi`, `g`, `mrk`, `pc`…); `native` keeps all text, codes' included;
    `keep` gives the inner markup as written, text escaped. An XLIFF 2.0 `<cp hex="…"/>` stands
    for the character it names.
    """
    if inline == "keep":
        inner = [escape_text(element.text or "")]
        inner += [_markup(child) for child in element]
        return "".join(inner)
    return _text(element, codes, keep_codes=inline == "native")


def _markup(element: ET.Element) -> str:
    text = ET.tostring(element, encoding="unicode")
    # Namespaced elements come back with ns0: prefixes; the markup is kept without them.
    return re.sub(r"(</?)ns\d+:", r"\1", re.sub(r'\s+xmlns:ns\d+="[^"]*"', "", text))


def _text(element: ET.Element, codes: frozenset[str], *, keep_codes: bool) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local(child.tag)
        if name == "cp":
            parts.append(_code_point(child.get("hex", "")))
        elif keep_codes or name not in codes:
            parts.append(_text(child, codes, keep_codes=keep_codes))
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(value: str) -> str:
    try:
        return chr(int(value, 16))
    except ValueError:
        return ""
