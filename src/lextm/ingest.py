"""Importing a law version into a project: parse, segment, align, write `tm/<doc>/<version>.po`.

The PO file is built from the source text's segments in document order. With a translation,
the aligner's pairs fill `msgstr` following the data contract's rules for n–m links: joined
source sentences become one entry (`…s1-2`), several target sentences share one `msgstr`, a
source sentence without target stays empty with a note, a target sentence without source is
appended to the entry before it, fuzzy, with a note. Nothing is dropped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .align import LOW_CONFIDENCE, Alignment, align_laws, glue
from .errors import InputError, UsageError
from .fileio import Fingerprint
from .formats.po import read_po, write_po
from .model import AlignedPair, DocumentFile, Entry, LawText, Segment
from .project import DocumentInfo, Project, ProjectConfig, VersionInfo
from .structure import parse_law
from .structure.segments import segment_law

if TYPE_CHECKING:
    from .versions import CarryOver

__all__ = ["ImportResult", "build_document", "import_version", "layout_of", "source_hash"]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: the file, whether it changed, and the alignment summary."""

    path: Path
    written: bool
    entries: int
    translated: int
    low_confidence: tuple[AlignedPair, ...] = ()
    kept: int = 0  # translations kept from the previous import (--replace)
    message: str = ""
    carried: CarryOver | None = None  # what was carried from an earlier version


def source_hash(law: LawText) -> str:
    """The hash of the clean source text, as the PO header and lextm.toml record it."""
    from .structure import regenerate_text

    return "sha256:" + hashlib.sha256(regenerate_text(law).encode("utf-8")).hexdigest()


def layout_of(law: LawText) -> str:
    """The `X-Lextm-Layout` value: how article labels sit in the source text."""
    articles = law.articles()
    inline = [a for a in articles if a.separator is not None]
    dominant = "inline" if len(inline) * 2 > len(articles) else "line"
    exceptions = [
        a.address for a in articles if (a.separator is not None) != (dominant == "inline")
    ]
    separators = {a.separator for a in inline}
    parts = [dominant]
    if separators - {" "}:
        sep = sorted(s for s in separators if s is not None)[0]
        parts.append(f"sep={sep!r}".replace("'", '"'))
    if exceptions:
        parts.append("except " + " ".join(exceptions))
    return "; ".join(parts)


def _plain_entries(segments: Sequence[Segment]) -> list[Entry]:
    return [Entry(s.address, s.text) for s in segments]


def _note_for(pair: AlignedPair) -> tuple[str, ...]:
    if not pair.target:
        return ("no counterpart in the aligned translation",)
    return (f"origin: aligned, confidence {pair.confidence:.2f}",)


def _aligned_entries(alignment: Alignment) -> list[Entry]:
    """Entries from alignment pairs, following the data contract's n–m rules."""
    entries: list[Entry] = []
    target_glue = glue(alignment.target_lang)
    source_glue = glue(alignment.source_lang)
    for pair in alignment.pairs:
        target = target_glue.join(s.text for s in pair.target)
        if not pair.source:
            _append_orphan(entries, pair, target, target_glue)
            continue
        address = _joined_address(pair.source)
        source = source_glue.join(s.text for s in pair.source)
        flags = ("fuzzy",) if target and pair.confidence < LOW_CONFIDENCE else ()
        entries.append(Entry(address, source, target, flags, _note_for(pair)))
    return entries


def _joined_address(segments: Sequence[Segment]) -> str:
    """One address for the source side of a pair (segments of one provision, in order)."""
    if len(segments) == 1:
        return segments[0].address
    first, last = segments[0].address, segments[-1].address
    head, _, start = first.rpartition(".s")
    end = last.rpartition(".s")[2].split("-")[-1]
    return f"{head}.s{start.split('-')[0]}-{end}"


def _append_orphan(entries: list[Entry], pair: AlignedPair, target: str, glue_: str) -> None:
    """A target sentence with no source joins the previous entry, fuzzy, with a note."""
    where = ", ".join(s.address for s in pair.target)
    if not entries:
        raise InputError(f"the translation begins with text that has no source ({where})")
    last = entries[-1]
    text = glue_.join(t for t in (last.target, target) if t)
    note = f"target text without source appended here (from {where})"
    flags = tuple(dict.fromkeys((*last.flags, "fuzzy")))
    entries[-1] = replace(last, target=text, flags=flags, notes=(*last.notes, note))


def _heading_notes(law: LawText) -> dict[str, str]:
    """For each article label entry: the headings it stands under, as the text writes them."""
    from .report import articles_with_headings

    return {
        article.address: "under: " + " › ".join(h.text for h in headings)
        for article, headings in articles_with_headings(law)
        if headings
    }


def _with_context(entries: list[Entry], law: LawText, project: Project) -> list[Entry]:
    """Notes for the translator: headings on article labels, glossary terms on every entry."""
    notes = _heading_notes(law)
    terms = _term_notes(project)
    out = []
    for entry in entries:
        extra = [notes[entry.address]] if entry.address in notes else []
        extra += terms(entry.source)
        out.append(replace(entry, notes=(*extra, *entry.notes)) if extra else entry)
    return out


def _term_notes(project: Project) -> Callable[[str], list[str]]:
    """For an entry's source: one `term:` note per glossary term found, with its renderings."""
    from .glossary import TermIndex
    from .project_checks import load_glossary

    glossary = load_glossary(project)
    if not glossary.terms:
        return lambda text: []
    index = TermIndex(glossary)

    def notes(text: str) -> list[str]:
        out: list[str] = []
        for hit in index.find_source(text):
            wanted = index.renderings(hit.term.concept)
            if wanted:
                shown = " / ".join(t.term for t in wanted[:3])
                line = f"term: {text[hit.start : hit.end]} → {shown}"
                if line not in out:
                    out.append(line)
        return out

    return notes


def build_document(
    project: Project,
    law: LawText,
    *,
    document: str,
    version: str,
    translation: LawText | None = None,
) -> tuple[DocumentFile, Alignment | None]:
    """The bilingual document of a law version, aligned with a translation if one is given."""
    alignment = align_laws(law, translation) if translation is not None else None
    entries = _with_context(
        _aligned_entries(alignment) if alignment else _plain_entries(segment_law(law)),
        law,
        project,
    )
    doc = DocumentFile(
        document=document,
        version=version,
        source_lang=project.config.source_language,
        target_lang=project.config.target_language,
        entries=tuple(entries),
        source_hash=source_hash(law),
        layout=layout_of(law),
    )
    return doc, alignment


def _keep_translations(new: DocumentFile, old: DocumentFile) -> tuple[DocumentFile, int]:
    """On --replace: entries whose source did not change keep their translation and state."""
    by_address = {e.address: e for e in old.entries}
    by_source: dict[str, Entry] = {}
    for entry in old.entries:
        by_source.setdefault(entry.source, entry)
    kept = 0
    out: list[Entry] = []
    for entry in new.entries:
        previous = by_address.get(entry.address)
        if previous is None or previous.source != entry.source:
            previous = by_source.get(entry.source)
        if previous is not None and previous.source == entry.source and previous.target:
            out.append(
                replace(
                    entry,
                    target=previous.target,
                    flags=previous.flags,
                    comments=previous.comments,
                    previous=previous.previous,
                )
            )
            kept += 1
        else:
            out.append(entry)
    return replace(new, entries=tuple(out), extra_header=old.extra_header), kept


def _version_date(law: LawText, date: str | None, path: Path) -> str:
    if date:
        return date
    note = law.note
    found = note and (note.promulgated or note.adopted or note.effective)
    if not found:
        raise UsageError(
            "the text gives no date for this version",
            path=path,
            hint="Pass --date YYYY-MM-DD (versions are ordered by date).",
        )
    return found


def import_version(
    project: Project,
    file: Path,
    *,
    document: str,
    version: str,
    date: str | None = None,
    kind: str = "original",
    role: str | None = None,
    translation: Path | None = None,
    replace_existing: bool = False,
    encoding: str | None = None,
    jurisdiction: str | None = None,
    carry_from: str | None = None,
) -> tuple[Project, ImportResult]:
    """Import one law version (and optionally its translation) into the project.

    Without a translation, the translations of the latest earlier version that has some (or
    of `carry_from`) are carried forward (`project_versions.carry_into`)."""
    law = parse_law(file, encoding=encoding)
    _check_language(law, project.config.source_language, file)
    target = parse_law(translation) if translation is not None else None
    if target is not None and translation is not None:
        _check_language(target, project.config.target_language, translation)
        _check_articles(law, target, file, translation)
    doc, alignment = build_document(
        project, law, document=document, version=version, translation=target
    )
    path = project.po_path(document, version)
    carried = _carry(project, doc, path, law, file, date, carry_from, replace_existing, target)
    doc = carried.doc if carried is not None else doc
    doc, kept, expect, unchanged = _merge_existing(path, doc, replace_existing, target is not None)
    written = False
    if not unchanged:
        write_po(path, doc, expect=expect)
        written = True
    stamp = VersionInfo(version, _version_date(law, date, file), kind, doc.source_hash)

    def record(config: ProjectConfig) -> ProjectConfig:
        info = _document_info(config, law, document, role, jurisdiction, target)
        versions = (*[v for v in info.versions if v.label != version], stamp)
        return config.with_document(replace(info, versions=versions))

    project = project.update(record)
    translated = sum(1 for e in doc.entries if e.translated)
    low = alignment.low_confidence() if alignment else ()
    return project, ImportResult(
        path, written, len(doc.entries), translated, low, kept, carried=carried
    )


def _carry(
    project: Project,
    doc: DocumentFile,
    path: Path,
    law: LawText,
    file: Path,
    date: str | None,
    carry_from: str | None,
    replace_existing: bool,
    translation: LawText | None,
) -> CarryOver | None:
    """Carry-over into a new version (not over an existing file unless --replace, never with
    a translation of its own)."""
    if translation is not None:
        if carry_from is not None:
            raise UsageError("--from carries an earlier translation; --translation brings one")
        return None
    if path.exists() and not replace_existing:
        return None
    from .project_versions import carry_into

    when = _version_date(law, date, file)
    return carry_into(
        project,
        doc,
        document=doc.document,
        version=doc.version,
        date=when,
        carry_from=carry_from,
    )


def _merge_existing(
    path: Path, doc: DocumentFile, replace_existing: bool, has_translation: bool
) -> tuple[DocumentFile, int, Fingerprint | None, bool]:
    """Compare with the PO file already there: same text, refused change, or --replace."""
    if not path.exists():
        return doc, 0, None, False
    old, fingerprint = read_po(path)
    if old.source_hash == doc.source_hash and not has_translation and not replace_existing:
        return old, 0, fingerprint, True
    if old.source_hash != doc.source_hash and not replace_existing:
        raise UsageError(
            "this version was imported from a different text",
            path=path,
            hint="Pass --replace to re-import it (translations of unchanged segments are kept).",
        )
    if has_translation and not replace_existing:
        raise UsageError(
            "this version already has a PO file",
            path=path,
            hint="Pass --replace to import the translation over it.",
        )
    merged, kept = _keep_translations(doc, old) if not has_translation else (doc, 0)
    return merged, kept, fingerprint, False


def _document_info(
    config: ProjectConfig,
    law: LawText,
    slug: str,
    role: str | None,
    jurisdiction: str | None = None,
    translation: LawText | None = None,
) -> DocumentInfo:
    existing = next((d for d in config.documents if d.slug == slug), None)
    if existing is not None:
        return replace(
            existing,
            role=role or existing.role,
            jurisdiction=jurisdiction or existing.jurisdiction,
        )
    titles = {config.source_language.split("-")[0]: law.title.text} if law.title else {}
    if translation is not None and translation.title is not None:
        titles[config.target_language.split("-")[0]] = translation.title.text
    return DocumentInfo(slug, titles, jurisdiction or "", role or "translate", ())


def _check_language(law: LawText, expected: str, path: Path) -> None:
    if not expected.lower().startswith(law.lang):
        raise InputError(
            f"this text reads as {law.lang!r}, but the project expects {expected!r} here",
            path=path,
        )


def _check_articles(source: LawText, target: LawText, src: Path, tgt: Path) -> None:
    """A translation must have the same articles: a clear message names the differences."""
    mine = [a.number for a in source.articles()]
    theirs = [a.number for a in target.articles()]
    if mine == theirs:
        return
    missing = [str(n) for n in mine if n not in set(theirs)]
    extra = [str(n) for n in theirs if n not in set(mine)]
    detail = (
        "; ".join(
            part
            for part in (
                f"missing in the translation: {', '.join(missing[:10])}" if missing else "",
                f"only in the translation: {', '.join(extra[:10])}" if extra else "",
            )
            if part
        )
        or "the articles are in a different order"
    )
    raise InputError(
        f"{len(mine)} articles in {src.name} but {len(theirs)} in the translation ({detail})",
        path=tgt,
    )
