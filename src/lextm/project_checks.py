"""Checking a project: load its glossary and PO documents, run the checks, keep what was asked.

Consistency checks always compare against the whole project (every document and version),
whatever the selection; only the findings are limited to the selection.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from .checks import CheckRun, DocumentContext, run_checks
from .errors import NotFoundError
from .formats.po import read_po
from .glossary import Glossary, read_glossaries
from .model import DocumentFile
from .project import Project

__all__ = ["check_po_file", "check_project", "load_glossary", "project_contexts"]


def load_glossary(project: Project) -> Glossary:
    """Every termbase of the project (`glossary/*.tsv`, the default one first)."""
    folder = project.root / "glossary"
    default = project.root / project.config.glossary
    paths = [default] if default.exists() else []
    paths += sorted(p for p in folder.glob("*.tsv") if p.resolve() != default.resolve())
    return read_glossaries(
        paths,
        source_lang=project.config.source_language,
        target_lang=project.config.target_language,
    )


def _context(
    project: Project, doc: DocumentFile, path: Path, glossary: Glossary
) -> DocumentContext:
    info = next((d for d in project.config.documents if d.slug == doc.document), None)
    version = None
    if info is not None:
        version = next((v for v in info.versions if v.label == doc.version), None)
    return DocumentContext(
        doc=doc,
        path=path,
        date=version.date if version else "",
        role=info.role if info else "translate",
        jurisdiction=info.jurisdiction if info else "",
        glossary=glossary,
        settings=dict(project.config.settings),
    )


def project_contexts(project: Project, glossary: Glossary | None = None) -> list[DocumentContext]:
    """A check context for every PO document of the project."""
    terms = glossary if glossary is not None else load_glossary(project)
    out = []
    for path in sorted((project.root / "tm").glob("*/*.po")):
        if path.parent.name == "ref":
            continue
        doc, _ = read_po(path)
        out.append(_context(project, doc, path, terms))
    return out


def _selection(
    contexts: list[DocumentContext], target: str | None, po: Path | None
) -> set[tuple[str, str]] | None:
    if po is not None:
        wanted = [c for c in contexts if c.path is not None and c.path.resolve() == po.resolve()]
        if not wanted:
            raise NotFoundError("not a PO document of this project", path=po)
        return {(c.document, c.version) for c in wanted}
    if target is None:
        return None
    document, _, version = target.partition("@")
    wanted = [
        c for c in contexts if c.document == document and (not version or c.version == version)
    ]
    if not wanted:
        known = ", ".join(sorted({f"{c.document}@{c.version}" for c in contexts})) or "none"
        raise NotFoundError(f"nothing to check for {target!r} (known: {known})")
    return {(c.document, c.version) for c in wanted}


def check_project(
    project: Project,
    *,
    target: str | None = None,
    po: Path | None = None,
    only: Collection[str] | None = None,
    skip: Collection[str] = (),
) -> CheckRun:
    """Run the checks over the project, a document (DOC), a version (DOC@VERSION) or one PO file."""
    contexts = project_contexts(project)
    report = _selection(contexts, target, po)
    return run_checks(
        contexts, report=report, only=only, skip=skip, settings=project.config.settings
    )


def check_po_file(
    path: Path, *, only: Collection[str] | None = None, skip: Collection[str] = ()
) -> CheckRun:
    """Check one PO file outside any project: no glossary, no other documents."""
    doc, _ = read_po(path)
    return run_checks([DocumentContext(doc=doc, path=path)], only=only, skip=skip)
