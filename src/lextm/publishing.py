"""Publishing a project's document version: its PO file, its glossary, its check findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .formats import units_of_document, write_units
from .formats.po import read_po
from .model import DocumentFile
from .project import Project
from .project_checks import check_project, load_glossary
from .publish import Published, publish_document

__all__ = ["publish_version"]


def publish_version(
    project: Project,
    target: str,
    out_dir: Path,
    *,
    check: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Published:
    """Publish DOC or DOC@VERSION (the latest version by date when none is given)."""
    slug, _, label = target.partition("@")
    info = project.config.document(slug)
    version = info.version(label) if label else info.ordered()[-1]
    doc, _ = read_po(project.po_path(slug, version.label))
    glossary = load_glossary(project).applicable(
        document=slug, jurisdiction=info.jurisdiction, date=version.date
    )
    if progress:
        progress(f"checking {slug}@{version.label}")
    run = check_project(project, target=f"{slug}@{version.label}") if check else None
    title = next((e.target for e in doc.entries if e.address == "title"), "")
    return publish_document(
        doc,
        out_dir,
        glossary=glossary,
        run=run,
        title_en=title or info.titles.get("en", slug),
        extra_writers=(("-tm.tmx", _write_tmx), (_lines_suffix(doc), _write_lines)),
        progress=progress,
    )


def _write_tmx(doc: DocumentFile, path: Path) -> Sequence[Path]:
    """The translated segments as TMX, through the TMX writer."""
    units = [u for u in units_of_document(doc) if u.target]
    write_units(
        path, units, format_name="tmx", source_lang=doc.source_lang, target_lang=doc.target_lang
    )
    return (path,)


def _lines_suffix(doc: DocumentFile) -> str:
    return "." + doc.source_lang.split("-")[0]


def _write_lines(doc: DocumentFile, path: Path) -> Sequence[Path]:
    """The translated segments as line-aligned text for MT training (`.zh` and `.en`)."""
    units = [u for u in units_of_document(doc) if u.target]
    write_units(
        path, units, format_name="lines", source_lang=doc.source_lang, target_lang=doc.target_lang
    )
    return (path, path.with_suffix("." + doc.target_lang.split("-")[0]))
