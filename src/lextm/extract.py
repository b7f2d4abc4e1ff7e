"""Plain text out of the documents laws come in: Word (.docx) and web pages (.html).

One paragraph becomes one line, as in the plain-text files the parser reads; everything else
(styles, scripts, bookmarks, fields) is dropped. XML is read without DTDs or entities, so a
hostile document cannot expand or fetch anything.
"""

from __future__ import annotations

import html
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.parsers import expat

from .errors import InputError

__all__ = ["docx_text", "html_text", "is_html"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "table",
        "dd",
        "dt",
    }
)
_SKIP = frozenset({"script", "style", "head", "noscript", "template"})
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b)", re.IGNORECASE)


def is_html(data: bytes) -> bool:
    """Whether the bytes open like an HTML document."""
    return bool(_HTML_START.match(data[:2048]))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def html_text(markup: str) -> str:
    """The text of an HTML page, one block element a line."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def docx_text(path: Path) -> str:
    """The paragraphs of a Word document's body, one a line (tabs and breaks kept as spaces)."""
    try:
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as error:
        raise InputError(f"not a Word (.docx) document: {error}", path=path) from error
    return "\n".join(_paragraphs(body, path))


def _paragraphs(body: bytes, path: Path) -> list[str]:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    paragraphs: list[str] = []
    current: list[str] = []
    in_text = False

    def refuse(*_: object) -> None:
        raise InputError("the document declares a DTD or entities; refused", path=path)

    def start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal in_text
        local = name.removeprefix(_W + " ")
        if local == "t":
            in_text = True
        elif local in ("tab", "br"):
            current.append(" ")

    def end(name: str) -> None:
        nonlocal in_text
        local = name.removeprefix(_W + " ")
        if local == "t":
            in_text = False
        elif local == "p":
            paragraphs.append("".join(current))
            current.clear()

    def data(text: str) -> None:
        if in_text:
            current.append(text)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(body, True)
    except expat.ExpatError as error:
        raise InputError(f"broken Word XML: {error}", path=path, line=error.lineno) from error
    return paragraphs
