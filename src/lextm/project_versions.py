"""A project's versions of a document: diff two of them, carry translations into a new one,
follow one article through all of them.

Versions are ordered by date, never by label (docs/data-contract.md §5). Everything here reads
the PO files alone: a version imported long ago compares with a new text without the old file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, NotFoundError, UsageError
from .formats.po import read_po
from .model import DocumentFile, LawText
from .project import DocumentInfo, Project, VersionInfo
from .versions import (
    CarryOver,
    VersionMapping,
    VersionText,
    carry_over,
    ensure_comparable,
    map_versions,
)

__all__ = [
    "HistoryStep",
    "article_history",
    "carry_into",
    "diff_files",
    "diff_versions",
]


def _document(project: Project, slug: str) -> DocumentInfo:
    return project.config.document(slug)


def _load(project: Project, slug: str, version: VersionInfo) -> DocumentFile:
    path = project.po_path(slug, version.label)
    if not path.exists():
        raise NotFoundError(
            f"version {version.label} of {slug} has no PO file",
            path=path,
            hint="Import it with `lextm import`.",
        )
    doc, _ = read_po(path)
    return doc


def _in_order(old: VersionInfo, new: VersionInfo, slug: str) -> None:
    if new.date < old.date:
        raise UsageError(
            f"{slug}: version {new.label} ({new.date}) is dated before {old.label} ({old.date})",
            hint="Name the older version first: versions are ordered by date.",
        )


def _checked_mapping(old: VersionText, new: VersionText) -> VersionMapping:
    mapping = map_versions(old, new)
    ensure_comparable(mapping)
    return mapping


# --- diff ---------------------------------------------------------------------------------------


def diff_versions(project: Project, slug: str, old: str, new: str) -> VersionMapping:
    """Map two imported versions of a document (OLD dated no later than NEW)."""
    info = _document(project, slug)
    old_info, new_info = info.version(old), info.version(new)
    _in_order(old_info, new_info, slug)
    if old_info.label == new_info.label:
        raise UsageError(f"{slug}: both versions are {old}", hint="Name two different versions.")
    old_doc, new_doc = _load(project, slug, old_info), _load(project, slug, new_info)
    return _checked_mapping(
        VersionText.from_document(old_doc, date=old_info.date),
        VersionText.from_document(new_doc, date=new_info.date),
    )


def diff_files(old: Path, new: Path, *, encoding: str | None = None) -> VersionMapping:
    """Map two law texts given as files (dates from their notes, when both have one)."""
    from .structure import parse_law

    old_law, new_law = parse_law(old, encoding=encoding), parse_law(new, encoding=encoding)
    if old_law.lang != new_law.lang:
        raise InputError(
            f"{old.name} reads as {old_law.lang!r} but {new.name} as {new_law.lang!r}",
            hint="Compare two versions in the same language.",
        )
    old_date, new_date = _law_date(old_law), _law_date(new_law)
    if old_date and new_date and new_date < old_date:
        raise UsageError(
            f"{new.name} ({new_date}) is dated before {old.name} ({old_date})",
            hint="Name the older version first.",
        )
    return _checked_mapping(
        VersionText.from_law(old_law, name=str(old), date=old_date),
        VersionText.from_law(new_law, name=str(new), date=new_date),
    )


def _law_date(law: LawText) -> str:
    note = law.note
    if note is None:
        return ""
    return note.promulgated or note.adopted or note.effective or ""


# --- carry-over on import -----------------------------------------------------------------------


def carry_into(
    project: Project,
    doc: DocumentFile,
    *,
    document: str,
    version: str,
    date: str,
    carry_from: str | None = None,
) -> CarryOver | None:
    """Carry translations into a new version's document, from `carry_from` or else from the
    latest earlier version (by date) that has translations; None when there is none."""
    source = _carry_source(project, document, version, date, carry_from)
    if source is None:
        return None
    info, old_doc = source
    if old_doc.source_hash == doc.source_hash:
        raise UsageError(
            f"version {version} has the same text as {info.label}: there is nothing to carry",
            hint="Import a different text, or keep using the existing version.",
        )
    mapping = _checked_mapping(
        VersionText.from_document(old_doc, date=info.date),
        VersionText.from_document(doc, date=date),
    )
    return carry_over(old_doc, doc, mapping)


def _carry_source(
    project: Project, slug: str, version: str, date: str, carry_from: str | None
) -> tuple[VersionInfo, DocumentFile] | None:
    known = next((d for d in project.config.documents if d.slug == slug), None)
    if carry_from is not None:
        if known is None:
            raise NotFoundError(f"no document {slug!r} in the project to carry from")
        info = known.version(carry_from)
        if info.label == version:
            raise UsageError(f"--from {carry_from} names the version being imported")
        _in_order(info, VersionInfo(version, date), slug)
        return info, _load(project, slug, info)
    if known is None:
        return None
    earlier = [v for v in known.ordered() if v.label != version and v.date <= date]
    for info in reversed(earlier):
        path = project.po_path(slug, info.label)
        if path.exists():
            old_doc, _ = read_po(path)
            if any(e.target for e in old_doc.entries):
                return info, old_doc
    return None


# --- history ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryStep:
    """One article in one version: its label there, how it came from the version before, its
    text and translation (one line per provision)."""

    version: str
    date: str
    article: str
    change: str  # first, unchanged, modified, renumbered, …
    similarity: float
    source: str
    target: str
    related: tuple[str, ...] = ()  # the other articles of a split or merge
    needs_work: int = 0  # entries of the article that are fuzzy or untranslated


def article_history(
    project: Project, slug: str, article: str, *, at: str | None = None
) -> list[HistoryStep]:
    """Article `article` (as numbered in version `at`, the latest by default) through every
    version of the document, following renumbering, splits and merges (the closest part)."""
    info = _document(project, slug)
    versions = info.ordered()
    if not versions:
        raise NotFoundError(f"document {slug!r} has no versions")
    start = versions[-1] if at is None else info.version(at)
    k = versions.index(start)
    docs = [_load(project, slug, v) for v in versions]
    texts = [VersionText.from_document(d, date=v.date) for d, v in zip(docs, versions, strict=True)]
    if texts[k].article(article) is None:
        raise NotFoundError(
            f"{slug}@{start.label} has no Article {article}",
            hint="Name the version the number belongs to with --in VERSION.",
        )
    labels: dict[int, tuple[str, str, float, tuple[str, ...]]] = {k: (article, "", 1.0, ())}
    for i in range(k, 0, -1):  # backwards: where each version's article came from
        mapping = map_versions(texts[i - 1], texts[i])
        links = mapping.old_for(labels[i][0])
        if not links:
            labels[i] = (labels[i][0], "inserted", 0.0, labels[i][3])
            break
        best = max(links, key=lambda link: link.similarity)
        others = tuple(link.old for link in links if link is not best and link.old)
        labels[i] = (labels[i][0], best.change, best.similarity, (*labels[i][3], *others))
        labels[i - 1] = (best.old or "", "", 1.0, ())
    for i in range(k, len(texts) - 1):  # forwards: where it went
        mapping = map_versions(texts[i], texts[i + 1])
        links = mapping.new_for(labels[i][0])
        if not links:
            break
        best = max(links, key=lambda link: link.similarity)
        others = tuple(link.new for link in links if link is not best and link.new)
        labels[i + 1] = (best.new or "", best.change, best.similarity, others)
    steps = []
    for i in sorted(labels):
        label, change, similarity, related = labels[i]
        source, target = _article_texts(docs[i], label)
        work = sum(
            1
            for e in docs[i].entries
            if _article_label(e.address) == label and (e.fuzzy or not e.target)
        )
        steps.append(
            HistoryStep(
                versions[i].label,
                versions[i].date,
                label,
                change or "first",
                similarity,
                source,
                target,
                related,
                work,
            )
        )
    return steps


def _article_texts(doc: DocumentFile, label: str) -> tuple[str, str]:
    """The source and translation of one article, label first, one line per provision."""
    from dataclasses import replace

    from .formats.text import blocks

    picked = tuple(e for e in doc.entries if _article_label(e.address) == label)
    sources, targets = [], []
    for block in blocks(replace(doc, entries=picked)):
        sources.append(block.text("source", doc.source_lang))
        glue = "" if doc.target_lang.lower().startswith("zh") else " "
        targets.append(glue.join(e.target for e in block.entries if e.target))
    return _inline(sources), _inline([t for t in targets if t])


def _inline(lines: list[str]) -> str:
    """Lines of an article with its label in front of the first paragraph."""
    if len(lines) > 1:
        lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
    return "\n".join(lines)


def _article_label(address: str) -> str | None:
    from .address import parse_address

    try:
        parsed = parse_address(address)
    except ValueError:
        return None
    return parsed.article.label if parsed.article is not None else None
