"""Moving a project's data in and out through the exchange formats: reference TMs, exports of the
TM, termbase imports and exports, XLIFF jobs coming back.

Reference TMs (`lextm tm add`) are copied into `tm/ref/` (a file already inside the project is
used where it is), recorded in `lextm.toml` with their hash and penalty, and indexed as TM
`NAME`; `lextm build` re-indexes them from those files, so the index can always be rebuilt.
Every function reports what it read, wrote and skipped (a `Tally`).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .build import build_index, open_index
from .errors import InputError, LextmError, NotFoundError, UsageError
from .fileio import Fingerprint
from .formats import (
    Tally,
    detect,
    read_terms,
    read_units,
    write_terms,
    write_units,
)
from .glossary import read_glossaries, read_glossary, term_problem, write_glossary
from .model import Unit
from .project import Project, ProjectConfig, ReferenceTM
from .store import FileRecord

__all__ = [
    "GlossaryImport",
    "TmInfo",
    "add_reference_tm",
    "apply_xliff_file",
    "export_glossary",
    "export_units",
    "import_glossary",
    "list_reference_tms",
    "reference_units",
    "remove_reference_tm",
]

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
STATES = ("untranslated", "fuzzy", "translated", "reviewed")
# Longest segment a reference TM may hold (characters); statute sentences run to hundreds.
MAX_UNIT_CHARS = 100_000


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return "sha256:" + digest.hexdigest()


def reference_units(
    project: Project, ref: ReferenceTM, tally: Tally | None = None
) -> Iterator[Unit]:
    """The units of a reference TM as the index holds them: TM `NAME`, role reference.

    A unit longer than `MAX_UNIT_CHARS` on either side is skipped and counted: it is a whole
    document run together (a broken export), which no match could ever offer usefully.
    """
    path = project.root / ref.file
    config = project.config
    for unit in read_units(
        path,
        source_lang=config.source_language,
        target_lang=config.target_language,
        tally=tally,
    ):
        if max(len(unit.source), len(unit.target)) > MAX_UNIT_CHARS:
            if tally is not None:
                tally.withdraw(f"longer than {MAX_UNIT_CHARS:,} characters", _place(unit))
            continue
        yield replace(unit, tm=ref.name, role="reference")


def _place(unit: Unit) -> str:
    return unit.address or f"unit {unit.position + 1}"


def _record(project: Project, path: Path, kind: str) -> FileRecord:
    fingerprint = Fingerprint.of(path)
    if fingerprint is None:
        raise InputError("file not found", path=path)
    return FileRecord(
        project.relative(path), kind, fingerprint.size, fingerprint.mtime_ns, fingerprint.sha256
    )


def _inside(project: Project, path: Path) -> bool:
    try:
        path.resolve().relative_to(project.root.resolve())
    except ValueError:
        return False
    return True


def _copies(project: Project, path: Path, name: str, kind: str) -> list[tuple[Path, Path]]:
    """(original, place in the project) for the file, or both files of a line-aligned pair."""
    if _inside(project, path):
        return []
    ref = project.root / "tm" / "ref"
    if kind == "lines":
        from .formats.linealigned import pair_of

        config = project.config
        pair = pair_of(path, config.source_language, config.target_language)
        return [(file, ref / f"{name}{file.suffix}") for file in pair]
    return [(path, ref / f"{name}{path.suffix.lower() or '.' + kind}")]


def add_reference_tm(
    project: Project,
    path: Path,
    *,
    name: str,
    penalty: int = 0,
    format_name: str | None = None,
) -> tuple[ReferenceTM, Tally]:
    """Copy a bilingual file into the project, record it in lextm.toml and index its units.

    Units stream from the file into the index inside one transaction, in chunks bounded in
    characters, so memory stays flat in the file's size; a fault rolls the transaction back and
    removes the copy, leaving no entry and no index rows behind.
    """
    if not _NAME.match(name):
        raise UsageError(f"TM name {name!r} must be a slug: lower-case letters, digits, . _ -")
    if any(ref.name == name for ref in project.config.reference_tms):
        raise UsageError(
            f"there is a reference TM called {name!r} already", hint="Remove it first."
        )
    if not path.is_file():
        raise InputError("file not found", path=path)
    kind = detect(path, format_name)
    copies = _copies(project, path, name, kind)
    for _, copy in copies:
        if copy.exists():
            raise UsageError(
                f"{project.relative(copy)} exists already", hint="Choose another name."
            )
    placed = copies[0][1] if copies else path
    if kind == "lines" and copies:
        placed = next(copy for original, copy in copies if original == path)
    try:
        for original, copy in copies:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, copy)
        ref = ReferenceTM(name, project.relative(placed), _sha256(placed), penalty)
        tally = Tally()
        with open_index(project) as store, store.transaction():
            store.replace_file(
                _record(project, placed, kind),
                reference_units(project, ref, tally),
            )
            if not tally.written:
                raise InputError("the file holds no usable units", path=path)
            project.update(lambda config: _with_ref(config, ref))
    except BaseException as error:
        for original, copy in copies:
            copy.unlink(missing_ok=True)
            # The copy is gone: an error names the file the user gave, where the fault is.
            if isinstance(error, LextmError) and error.path and _same(error.path, copy):
                error.path = str(original)
        raise
    return ref, tally


def _same(path: str, copy: Path) -> bool:
    return Path(path).resolve() == copy.resolve()


def _with_ref(config: ProjectConfig, ref: ReferenceTM) -> ProjectConfig:
    if any(old.name == ref.name for old in config.reference_tms):
        raise UsageError(f"there is a reference TM called {ref.name!r} already")
    return replace(config, reference_tms=(*config.reference_tms, ref))


@dataclass(frozen=True, slots=True)
class TmInfo:
    """A TM of the project as `lextm tm list` shows it."""

    name: str
    units: int
    file: str = ""
    penalty: int = 0


def list_reference_tms(project: Project) -> list[TmInfo]:
    """The project's own TM and each reference TM, with their unit counts (index refreshed)."""
    build_index(project)
    with open_index(project) as store:
        counts = store.tm_counts()
    listed = [TmInfo("project", counts.get("project", 0))]
    listed += [
        TmInfo(ref.name, counts.get(ref.name, 0), ref.file, ref.penalty)
        for ref in project.config.reference_tms
    ]
    return listed


def remove_reference_tm(project: Project, name: str) -> list[Path]:
    """Forget a reference TM: its lextm.toml entry, its index rows, and the copy in tm/ref/."""
    found = next((ref for ref in project.config.reference_tms if ref.name == name), None)
    if found is None:
        known = ", ".join(ref.name for ref in project.config.reference_tms) or "none"
        raise NotFoundError(f"no reference TM called {name!r} (reference TMs: {known})")
    project.update(
        lambda config: replace(
            config, reference_tms=tuple(r for r in config.reference_tms if r.name != name)
        )
    )
    with open_index(project) as store:
        store.remove_file(found.file)
    removed = []
    path = project.root / found.file
    ref_dir = (project.root / "tm" / "ref").resolve()
    if path.resolve().parent == ref_dir:
        for file in sorted(ref_dir.glob(f"{name}.*")):
            file.unlink()
            removed.append(file)
    return removed


# --- exports -------------------------------------------------------------------------------------


def export_units(
    project: Project,
    path: Path,
    *,
    format_name: str | None = None,
    document: str | None = None,
    version: str | None = None,
    states: Iterable[str] = (),
) -> Tally:
    """Write the project's TM (filtered by document, version and state) in a format."""
    kind = detect(path, format_name) if format_name or path.suffix else "tmx"
    wanted = frozenset(states)
    unknown = wanted - set(STATES)
    if unknown:
        raise UsageError(f"unknown state {sorted(unknown)[0]!r}: use {', '.join(STATES)}")
    build_index(project)
    tally = Tally()
    config = project.config
    with open_index(project) as store:
        units = (
            unit
            for unit in store.units(document=document, version=version, tm="project")
            if not wanted or unit.state in wanted
        )
        write_units(
            path,
            units,
            format_name=kind,
            source_lang=config.source_language,
            target_lang=config.target_language,
            tally=tally,
        )
    return tally


# --- termbases -----------------------------------------------------------------------------------


@dataclass
class GlossaryImport:
    """What a termbase import did: rows added, updated and unchanged, and the reading tally."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    tally: Tally = field(default_factory=Tally)
    file: Path | None = None


def import_glossary(
    project: Project, path: Path, *, format_name: str | None = None
) -> GlossaryImport:
    """Add the rows of a termbase file to the project's glossary file (rows with the same
    concept, language and term replaced); terms in other languages skipped and reported."""
    config = project.config
    target = project.root / config.glossary
    result = GlossaryImport(file=target)
    languages = (config.source_language, config.target_language)
    terms = read_terms(path, format_name=format_name, languages=languages, tally=result.tally)
    if result.tally.read and not terms:
        raise InputError(
            f"no term in {' or '.join(languages)} "
            f"({result.tally.skipped_total} in other languages)",
            path=path,
        )
    glossary, fingerprint = read_glossary(
        target, source_lang=languages[0], target_lang=languages[1]
    )
    known = {(t.concept, t.lang.casefold(), t.term): t for t in glossary.terms}
    for term in terms:
        term = replace(term, line=0)
        if problem := term_problem(term):
            result.tally.skip(problem, f"{term.concept} / {term.term}")
            result.tally.written -= 1
            continue
        old = known.get((term.concept, term.lang.casefold(), term.term))
        if old is not None and replace(old, line=0) == term:
            result.unchanged += 1
            continue
        result.updated += old is not None
        result.added += old is None
        glossary = glossary.with_term(term)
    if result.added or result.updated:
        write_glossary(target, glossary, expect=fingerprint)
    return result


def export_glossary(project: Project, path: Path, *, format_name: str | None = None) -> Tally:
    """Write the project's termbases (every glossary/*.tsv) as TBX, TSV or CSV."""
    config = project.config
    files = sorted((project.root / "glossary").glob("*.tsv"))
    glossary = read_glossaries(
        files, source_lang=config.source_language, target_lang=config.target_language
    )
    return write_terms(
        path,
        glossary.terms,
        format_name=detect(path, format_name),
        source_lang=config.source_language,
        target_lang=config.target_language,
    )


# --- XLIFF jobs coming back ----------------------------------------------------------------------


def apply_xliff_file(
    project: Project,
    path: Path,
    *,
    force: bool = False,
    document: str | None = None,
    version: str | None = None,
) -> list[tuple[Path, list[str]]]:
    """Merge a returned XLIFF file into the PO files it came from; per file, the report lines."""
    from .formats.po import read_po, write_po
    from .formats.xliff import apply_xliff, read_xliff

    config = project.config
    grouped: dict[tuple[str, str], list[Unit]] = {}
    for unit in read_xliff(
        path, source_lang=config.source_language, target_lang=config.target_language
    ):
        key = (document or unit.document, version or unit.version)
        grouped.setdefault(key, []).append(unit)
    reports = []
    for (doc_slug, label), units in grouped.items():
        if not doc_slug or not label:
            raise InputError(
                "the XLIFF file does not say which document version it belongs to "
                '(<file original="DOCUMENT/VERSION">)',
                path=path,
                hint="Give --doc and --version.",
            )
        po_path = project.po_path(doc_slug, label)
        if not po_path.exists():
            raise NotFoundError(f"no document {doc_slug}@{label} in the project", path=po_path)
        doc, fingerprint = read_po(po_path)
        merged, report = apply_xliff(doc, units, force=force)
        if report.updated:
            write_po(po_path, merged, expect=fingerprint)
        reports.append((po_path, report.lines()))
    return reports
