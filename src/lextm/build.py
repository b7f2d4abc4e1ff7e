"""Bringing the index (`.lextm/index.sqlite`) up to date with the project's text files.

Only files whose size, modification time or content changed since the last build are read
again; a build with nothing changed costs one `stat` per file. Reference TMs listed in
`lextm.toml` are indexed the same way, as TM `NAME`, streamed from their files in the build's
one transaction (a broken one rolls the whole build back). `full=True` (or deleting
`.lextm/`) rebuilds from scratch with identical results.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .fileio import Fingerprint, clean_orphans
from .formats import units_of_document
from .formats.po import read_po
from .model import DocumentFile, VersionStats
from .project import Project, ReferenceTM
from .store import FileRecord, Store

__all__ = ["BuildReport", "build_index", "open_index", "project_stats"]

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did."""

    files: int
    read: int
    removed: int
    units: int
    seconds: float


def _project_files(project: Project) -> dict[str, Path]:
    tm = project.root / "tm"
    if not tm.is_dir():
        return {}
    return {
        project.relative(path): path
        for path in sorted(tm.glob("*/*.po"))
        if path.parent.name != "ref"
    }


def _unchanged(record: FileRecord | None, now: Fingerprint) -> bool:
    return record is not None and (
        (record.size, record.mtime_ns) == (now.size, now.mtime_ns) or record.sha256 == now.sha256
    )


def open_index(project: Project) -> Store:
    """The project's index, created if missing."""
    project.state_dir.mkdir(parents=True, exist_ok=True)
    return Store.open(project.index_path)


def build_index(
    project: Project, *, full: bool = False, progress: Progress | None = None
) -> BuildReport:
    """Refresh the index from `tm/`; only changed files are read again."""
    started = time.perf_counter()
    roles = {d.slug: d.role for d in project.config.documents}
    clean_orphans(project.root / "tm")
    files = _project_files(project)
    units = 0
    with open_index(project) as store:
        known = {} if full else store.files()
        # Read every changed file first: a broken one stops the build before the index moves.
        changed: list[tuple[FileRecord, DocumentFile]] = []
        for rel, path in files.items():
            now = Fingerprint.of(path)
            if now is None or _unchanged(known.get(rel), now):
                continue
            if progress:
                progress(f"reading {rel}")
            doc, fingerprint = read_po(path)
            record = FileRecord(
                rel, "po", fingerprint.size, fingerprint.mtime_ns, fingerprint.sha256
            )
            changed.append((record, doc))
        refs = _reference_files(project)
        changed_refs = [
            (rel, ref)
            for rel, ref in refs.items()
            if (now := Fingerprint.of(project.root / rel)) is not None
            and not _unchanged(known.get(rel), now)
        ]
        indexed = set(files) | set(refs)
        stale = set(store.files()) - indexed if not full else set(store.files())
        with store.transaction():
            for rel in sorted(stale):
                store.remove_file(rel)
            for record, doc in changed:
                role = roles.get(doc.document, "translate")
                units += store.replace_file(record, units_of_document(doc, role=role))
            for rel, ref in changed_refs:
                if progress:
                    progress(f"reading {rel}")
                units += _index_reference(project, store, rel, ref)
        read, removed = len(changed) + len(changed_refs), len(stale - indexed)
    return BuildReport(len(indexed), read, removed, units, time.perf_counter() - started)


def _reference_files(project: Project) -> dict[str, ReferenceTM]:
    """The reference TMs' files that exist, by project-relative path."""
    return {
        ref.file: ref for ref in project.config.reference_tms if (project.root / ref.file).is_file()
    }


def _index_reference(project: Project, store: Store, rel: str, ref: ReferenceTM) -> int:
    from .formats import detect, read_units

    path = project.root / rel
    fingerprint = Fingerprint.of(path)
    assert fingerprint is not None
    config = project.config
    record = FileRecord(
        rel, detect(path), fingerprint.size, fingerprint.mtime_ns, fingerprint.sha256
    )
    units = read_units(path, source_lang=config.source_language, target_lang=config.target_language)
    return store.replace_file(
        record, (replace(unit, tm=ref.name, role="reference") for unit in units)
    )


def project_stats(project: Project) -> list[VersionStats]:
    """Per document version: segments, translated, fuzzy, untranslated (index refreshed first)."""
    build_index(project)
    with open_index(project) as store:
        rows = store.stats()
    dates = {(d.slug, v.label): v.date for d in project.config.documents for v in d.versions}
    # Versions are ordered by date, never by label.
    return sorted(
        rows, key=lambda r: (r.document, dates.get((r.document, r.version), ""), r.version)
    )
