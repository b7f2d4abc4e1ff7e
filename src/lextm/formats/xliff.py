"""XLIFF 1.2 and 2.0: sending a job to Trados, memoQ or any CAT tool and taking it back.

`read_xliff` reads XLIFF 1.0–1.2 (`trans-unit`) and 2.x (`unit`, its segments joined) as
lextm `Unit`s, streamed; `write_xliff` writes 1.2 or 2.0, one `<file>` per document version
(`original="DOCUMENT/VERSION"`), the unit's address as its id (1.2 `id` and `resname`, 2.0
`id` and `name`), its note as a `<note>`, whitespace preserved. `apply_xliff` merges the
translations of a returned file into a bilingual document by address.

States, as written (lextm → 1.2; → 2.0):
- untranslated: no `<target>`; `state="initial"` and no target.
- fuzzy: `state="needs-review-translation"` and `approved="no"`; `state="initial"`, a target.
- translated: `state="translated"`; `state="translated"`.
- reviewed: `state="final"` and `approved="yes"`; `state="final"`.

And as read: no target or an empty one is untranslated; 1.2 `final`, `signed-off` or
`approved="yes"` (with no `needs-*` state) is reviewed; `new`, `needs-*`, unknown states and
`approved="no"` without a state are fuzzy; `translated`, or neither state nor `approved`, is
translated. 2.0 `final` is reviewed, `translated` and `reviewed` translated, `initial` with a
target fuzzy.

XLIFF 2.0's `reviewed` means "checked, not yet signed off", so it is read as translated:
lextm's reviewed flag is the sign-off, which never changes without `--force`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..model import DocumentFile, Entry, Unit
from ._common import Tally, atomic_stream, lang_matches, normalize_lang
from ._xml import XmlReader, escape_attr, escape_text, inline_text, local, xml_problem

__all__ = [
    "NS_12",
    "NS_20",
    "ApplyReport",
    "apply_xliff",
    "read_xliff",
    "write_xliff",
]

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
_CODES_12 = frozenset({"bpt", "ept", "ph", "it", "x", "bx", "ex"})
_CODES_20 = frozenset({"ph", "sc", "ec", "sm", "em"})
_NEEDS_WORK = frozenset(
    {
        "new",
        "needs-translation",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-translation",
        "needs-review-adaptation",
        "needs-review-l10n",
    }
)
_FINAL = frozenset({"final", "signed-off"})
_ORIGINAL = re.compile(r"^([a-z0-9][a-z0-9._-]*)/([A-Za-z0-9._-]+)$")
_NMTOKEN = re.compile(r"^[\w.:-]+$")


# --- reading -------------------------------------------------------------------------------------


@dataclass
class _FileInfo:
    source_lang: str = ""
    target_lang: str = ""
    document: str = ""
    version: str = ""


def read_xliff(
    path: Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    inline: str = "strip",
    tally: Tally | None = None,
) -> Iterator[Unit]:
    """The units of an XLIFF 1.x or 2.x file, streamed.

    With the project's languages given, a file written the other way round (en → zh) gives
    its units reversed, and a file in neither pair is refused naming its languages.
    """
    tally = tally if tally is not None else Tally()
    reader = XmlReader(path, containers=frozenset({f"{{{ns}}}{n}" for ns in _ALL for n in _BOX}))
    root = reader.root
    if root.name != "xliff":
        raise InputError(f"not an XLIFF file: the root element is <{root.name}>", path=path)
    version2 = root.namespace == NS_20 or root.attributes.get("version", "").startswith("2")
    elements = _read_20(reader, inline) if version2 else _read_12(reader, inline)
    for unit in elements:
        tally.read += 1
        yield _oriented(unit, source_lang, target_lang, tally, path)
        tally.written += 1


_ALL = (NS_12, NS_20, "urn:oasis:names:tc:xliff:document:1.1", "")
_BOX = ("body", "group", "file")


def _oriented(
    unit: Unit, source_lang: str | None, target_lang: str | None, tally: Tally, path: Path
) -> Unit:
    if source_lang is None or target_lang is None or not unit.source_lang:
        return unit
    if lang_matches(unit.source_lang, source_lang) and (
        not unit.target_lang or lang_matches(unit.target_lang, target_lang)
    ):
        return unit
    if lang_matches(unit.source_lang, target_lang) and (
        not unit.target_lang or lang_matches(unit.target_lang, source_lang)
    ):
        tally.reversed = True
        state = "translated" if unit.source else "untranslated"
        return replace(
            unit,
            source=unit.target,
            target=unit.source,
            source_lang=unit.target_lang or source_lang,
            target_lang=unit.source_lang,
            state=state,
        )
    raise InputError(
        f"the file is in {unit.source_lang} → {unit.target_lang or '?'}, not in "
        f"{source_lang} or {target_lang}",
        path=path,
        hint="Choose a file in the project's languages.",
    )


def _file_info(element: ET.Element, source_key: str, target_key: str, base: _FileInfo) -> _FileInfo:
    original = element.get("original", "")
    match = _ORIGINAL.match(original)
    return _FileInfo(
        normalize_lang(element.get(source_key, "") or base.source_lang),
        normalize_lang(element.get(target_key, "") or base.target_lang),
        match[1] if match else original,
        match[2] if match else "",
    )


def _read_12(reader: XmlReader, inline: str) -> Iterator[Unit]:
    position = 0
    for element in reader.ends():
        if local(element.tag) == "trans-unit":
            position += 1
            yield _unit_12(reader, element, inline, position)
            reader.release()


def _unit_12(reader: XmlReader, element: ET.Element, inline: str, position: int) -> Unit:
    info = _open_file(reader, "source-language", "target-language", _FileInfo())
    source = _child(element, "source")
    if source is None:
        raise reader.fail("a <trans-unit> has no <source>", element=element)
    target = _child(element, "target")
    target_text = inline_text(target, _CODES_12, inline) if target is not None else ""
    state = _state_12(
        target_text,
        target.get("state", "") if target is not None else "",
        element.get("approved", ""),
    )
    return Unit(
        source=inline_text(source, _CODES_12, inline),
        target=target_text,
        source_lang=info.source_lang,
        target_lang=info.target_lang,
        document=info.document,
        version=info.version,
        address=element.get("resname") or element.get("id") or "",
        position=position - 1,
        origin="imported",
        state=state,
        note=_notes(element),
    )


def _open_file(reader: XmlReader, source_key: str, target_key: str, base: _FileInfo) -> _FileInfo:
    """What the <file> being read says: languages, and document/version from `original`."""
    for box in reversed(reader.open_containers()):
        if local(box.tag) == "file":
            return _file_info(box, source_key, target_key, base)
    return base


def _state_12(target: str, state: str, approved: str) -> str:
    if not target:
        return "untranslated"
    if state in _FINAL:
        return "reviewed"
    if state == "translated":
        return "reviewed" if approved == "yes" else "translated"
    if state:
        return "reviewed" if approved == "yes" and state not in _NEEDS_WORK else "fuzzy"
    return {"yes": "reviewed", "no": "fuzzy"}.get(approved, "translated")


def _read_20(reader: XmlReader, inline: str) -> Iterator[Unit]:
    base = _FileInfo(
        normalize_lang(reader.root.attributes.get("srcLang", "")),
        normalize_lang(reader.root.attributes.get("trgLang", "")),
    )
    position = 0
    for element in reader.ends():
        if local(element.tag) == "unit":
            position += 1
            info = _open_file(reader, "srcLang", "trgLang", base)
            yield _unit_20(reader, element, info, inline, position)
            reader.release()


def _unit_20(
    reader: XmlReader, element: ET.Element, info: _FileInfo, inline: str, position: int
) -> Unit:
    sources, targets, states = [], [], []
    for part in element:
        name = local(part.tag)
        if name not in ("segment", "ignorable"):
            continue
        source = _child(part, "source")
        if source is None:
            raise reader.fail(f"a <{name}> has no <source>", element=element)
        target = _child(part, "target")
        sources.append(inline_text(source, _CODES_20, inline))
        targets.append(inline_text(target, _CODES_20, inline) if target is not None else "")
        if name == "segment":
            states.append(part.get("state", "initial"))
    target_text = "".join(targets)
    return Unit(
        source="".join(sources),
        target=target_text,
        source_lang=info.source_lang,
        target_lang=info.target_lang,
        document=info.document,
        version=info.version,
        address=element.get("name") or element.get("id") or "",
        position=position - 1,
        origin="imported",
        state=_state_20(target_text, states),
        note=_notes(notes) if (notes := _child(element, "notes")) is not None else "",
    )


def _state_20(target: str, states: list[str]) -> str:
    if not target:
        return "untranslated"
    if not states or "initial" in states:
        return "fuzzy"
    return "reviewed" if all(state == "final" for state in states) else "translated"


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in element if local(child.tag) == name), None)


def _notes(element: ET.Element) -> str:
    return "\n".join(
        child.text or "" for child in element if local(child.tag) == "note" and child.text
    )


# --- writing -------------------------------------------------------------------------------------


def write_xliff(
    path: Path,
    units: Iterable[Unit],
    *,
    version: str = "1.2",
    source_lang: str = "zh-CN",
    target_lang: str = "en",
    tally: Tally | None = None,
) -> Tally:
    """Write units as XLIFF 1.2 or 2.0, streamed and atomically; what was written and skipped."""
    if version not in ("1.2", "2.0"):
        raise ValueError(f"XLIFF version {version!r}: lextm writes 1.2 and 2.0")
    tally = tally if tally is not None else Tally()
    writer = _Writer12() if version == "1.2" else _Writer20()
    with atomic_stream(path) as out:
        out.write(writer.start(normalize_lang(source_lang), normalize_lang(target_lang)))
        for unit in units:
            tally.read += 1
            problem = _problem(unit, source_lang, target_lang)
            if problem:
                tally.skip(problem, unit.address or f"unit {tally.read}")
                continue
            out.write(writer.unit(unit))
            tally.written += 1
        out.write(writer.end())
    return tally


def _problem(unit: Unit, source_lang: str, target_lang: str) -> str | None:
    for name in ("source", "target", "note", "address", "document", "version"):
        problem = xml_problem(getattr(unit, name))
        if problem:
            return f"the {name} {problem}"
    if not (
        lang_matches(unit.source_lang, source_lang) and lang_matches(unit.target_lang, target_lang)
    ):
        return f"its languages are not {source_lang} → {target_lang}"
    return None


@dataclass
class _Writer:
    """Groups consecutive units of one document version into one <file>."""

    source_lang: str = ""
    target_lang: str = ""
    current: tuple[str, str] | None = None
    ids: set[str] = field(default_factory=set)
    count: int = 0

    def start(self, source_lang: str, target_lang: str) -> str:
        """The text before the first <file>."""
        self.source_lang, self.target_lang = source_lang, target_lang
        return ""

    def unit(self, unit: Unit) -> str:
        """The text of one unit, opening (and closing) <file> elements as the document changes."""
        key = (unit.document, unit.version)
        head = ""
        if key != self.current:
            head = (self.close() if self.current is not None else "") + self.open(key)
            self.current, self.ids = key, set()
        self.count += 1
        return head + self.body(unit, self._id(unit))

    def _id(self, unit: Unit) -> str:
        wanted = unit.address if unit.address and _NMTOKEN.match(unit.address) else ""
        if not wanted or wanted in self.ids:
            wanted = f"u{self.count}"
        self.ids.add(wanted)
        return wanted

    def end(self) -> str:
        """The text after the last unit."""
        return (self.close() if self.current is not None else "") + self.finish()

    def open(self, key: tuple[str, str]) -> str:
        """Start a <file> for a document version."""
        raise NotImplementedError

    def close(self) -> str:
        """End the current <file>."""
        raise NotImplementedError

    def body(self, unit: Unit, unit_id: str) -> str:
        """One unit's element."""
        raise NotImplementedError

    def finish(self) -> str:
        """The end of the document."""
        raise NotImplementedError


def _original(key: tuple[str, str]) -> str:
    document, version = key
    if document and version:
        return f"{document}/{version}"
    return document or "lextm"


class _Writer12(_Writer):
    def start(self, source_lang: str, target_lang: str) -> str:
        super().start(source_lang, target_lang)
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NS_12}">\n'

    def open(self, key: tuple[str, str]) -> str:
        return (
            f'  <file original="{escape_attr(_original(key))}" '
            f'source-language="{self.source_lang}" target-language="{self.target_lang}" '
            'datatype="plaintext">\n'
            "    <header>\n"
            f'      <tool tool-id="lextm" tool-name="lextm" tool-version="{__version__}"/>\n'
            "    </header>\n    <body>\n"
        )

    def close(self) -> str:
        return "    </body>\n  </file>\n"

    def finish(self) -> str:
        if self.current is None:  # an XLIFF file needs one <file>, even an empty one
            return self.open(("", "")) + self.close() + "</xliff>\n"
        return "</xliff>\n"

    def body(self, unit: Unit, unit_id: str) -> str:
        approved = {"reviewed": ' approved="yes"', "fuzzy": ' approved="no"'}.get(unit.state, "")
        resname = f' resname="{escape_attr(unit.address)}"' if unit.address else ""
        parts = [
            f'      <trans-unit id="{escape_attr(unit_id)}"{resname} xml:space="preserve"'
            f"{approved}>\n",
            f"        <source>{escape_text(unit.source)}</source>\n",
        ]
        if unit.target and unit.state != "untranslated":
            state = {"reviewed": "final", "fuzzy": "needs-review-translation"}.get(
                unit.state, "translated"
            )
            parts.append(f'        <target state="{state}">{escape_text(unit.target)}</target>\n')
        if unit.note:
            parts.append(f"        <note>{escape_text(unit.note)}</note>\n")
        parts.append("      </trans-unit>\n")
        return "".join(parts)


class _Writer20(_Writer):
    def start(self, source_lang: str, target_lang: str) -> str:
        super().start(source_lang, target_lang)
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{NS_20}" version="2.0" '
            f'srcLang="{source_lang}" trgLang="{target_lang}">\n'
        )

    def open(self, key: tuple[str, str]) -> str:
        self.files = getattr(self, "files", 0) + 1
        return f'  <file id="f{self.files}" original="{escape_attr(_original(key))}">\n'

    def close(self) -> str:
        return "  </file>\n"

    def finish(self) -> str:
        if self.current is None:  # a 2.0 <file> needs a unit or a group: an empty group
            return self.open(("", "")) + '    <group id="empty"/>\n' + self.close() + "</xliff>\n"
        return "</xliff>\n"

    def body(self, unit: Unit, unit_id: str) -> str:
        name = f' name="{escape_attr(unit.address)}"' if unit.address else ""
        parts = [f'    <unit id="{escape_attr(unit_id)}"{name}>\n']
        if unit.note:
            parts.append(
                f"      <notes>\n        <note>{escape_text(unit.note)}</note>\n      </notes>\n"
            )
        translated = bool(unit.target) and unit.state != "untranslated"
        state = {"reviewed": "final", "translated": "translated"}.get(unit.state, "initial")
        state = state if translated else "initial"
        parts.append(f'      <segment state="{state}">\n')
        parts.append(f'        <source xml:space="preserve">{escape_text(unit.source)}</source>\n')
        if translated:
            parts.append(
                f'        <target xml:space="preserve">{escape_text(unit.target)}</target>\n'
            )
        parts.append("      </segment>\n    </unit>\n")
        return "".join(parts)


# --- merging a returned job ----------------------------------------------------------------------


@dataclass
class ApplyReport:
    """What `apply_xliff` did: entries updated, unchanged, ids the document does not have, and
    units left alone with the reason."""

    updated: int = 0
    unchanged: int = 0
    unknown: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """The report as sentences, one per line."""
        lines = [
            f"{self.updated} updated, {self.unchanged} unchanged, {len(self.unknown)} unknown, "
            f"{sum(self.skipped.values())} skipped"
        ]
        if self.unknown:
            shown = ", ".join(self.unknown[:5]) + (" …" if len(self.unknown) > 5 else "")
            lines.append(f"unknown ids (not in the document): {shown}")
        lines += [f"skipped {count}: {why}" for why, count in sorted(self.skipped.items())]
        return lines


def apply_xliff(
    doc: DocumentFile, units: Iterable[Unit], *, force: bool = False
) -> tuple[DocumentFile, ApplyReport]:
    """Merge translated units back into a document by address.

    Reviewed entries change only with `force`; a unit whose source differs from the entry's
    (the document changed since the job went out) or that has no translation is skipped.
    """
    report = ApplyReport()
    by_address = {entry.address: index for index, entry in enumerate(doc.entries)}
    entries = list(doc.entries)
    for unit in units:
        index = by_address.get(unit.address)
        if index is None:
            report.unknown.append(unit.address or "(no id)")
            continue
        reason, entry = _merge(entries[index], unit, force)
        if reason:
            report.skipped[reason] += 1
        elif entry == entries[index]:
            report.unchanged += 1
        else:
            entries[index] = entry
            report.updated += 1
    return replace(doc, entries=tuple(entries)), report


def _merge(entry: Entry, unit: Unit, force: bool) -> tuple[str, Entry]:
    if not unit.target or unit.state == "untranslated":
        return "no translation in the file", entry
    if unit.source != entry.source:
        return "the source differs from the document's (changed since export)", entry
    if entry.reviewed and not force and (unit.target != entry.target or unit.state != "reviewed"):
        return "the entry is reviewed (use --force to change it)", entry
    flags = [flag for flag in entry.flags if flag not in ("fuzzy", "reviewed")]
    if unit.state == "fuzzy":
        flags.insert(0, "fuzzy")
    elif unit.state == "reviewed":
        flags.append("reviewed")
    return "", replace(entry, target=unit.target, flags=tuple(flags))
