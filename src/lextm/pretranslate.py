"""Work on a whole law version from the TM: what it will cost (`analyze`), and filling it in.

Both refresh the index first, match every segment with its context (its neighbours, its
address, the document's earlier versions), and leave the version's own units out of the
matches: the PO file is the authority on itself, and identical segments inside it are
*internal repetitions*, counted apart and filled from their first translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .build import build_index, open_index
from .errors import NotFoundError, UsageError
from .fold import fold_spaces
from .formats.po import read_po, write_po
from .match import BANDS, Context, Match, Matcher, MatchSettings, band_of
from .model import DocumentFile, Entry
from .project import Project

__all__ = [
    "Analysis",
    "PretranslateReport",
    "analyze",
    "analyze_document",
    "match_settings",
    "pretranslate",
    "pretranslate_document",
]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Segments and characters of one version by match band, and its internal repetitions."""

    document: str
    version: str
    bands: dict[str, tuple[int, int]]
    repetitions: tuple[int, int]

    @property
    def total(self) -> tuple[int, int]:
        """All segments and characters."""
        segments = sum(s for s, _ in self.bands.values()) + self.repetitions[0]
        characters = sum(c for _, c in self.bands.values()) + self.repetitions[1]
        return segments, characters


@dataclass(slots=True)
class PretranslateReport:
    """What `pretranslate` did, entry by entry counted."""

    context: int = 0
    exact: int = 0
    fuzzy: int = 0
    repetitions: int = 0
    kept: int = 0
    reviewed: int = 0
    unmatched: int = 0
    written: bool = False

    def as_dict(self) -> dict[str, int | bool]:
        """The counts, for JSON."""
        return {
            "context": self.context,
            "exact": self.exact,
            "fuzzy": self.fuzzy,
            "repetitions": self.repetitions,
            "kept": self.kept,
            "reviewed": self.reviewed,
            "unmatched": self.unmatched,
            "written": self.written,
        }


def match_settings(project: Project, threshold: float | None = None) -> MatchSettings:
    """The project's matching settings (`[settings]`, reference TMs' penalties)."""
    refs = [(ref.name, float(ref.penalty)) for ref in project.config.reference_tms]
    settings = MatchSettings.from_config(project.config.settings, refs)
    if threshold is not None:
        if not 0 < threshold <= 100:
            raise UsageError(f"the threshold must be above 0 and at most 100, not {threshold}.")
        settings = replace(settings, threshold=threshold)
    return settings


def _earlier(project: Project, document: str, version: str) -> frozenset[str]:
    """Labels of the document's versions dated before `version` (none for unknown ones)."""
    try:
        info = project.config.document(document)
        date = info.version(version).date
    except NotFoundError:
        return frozenset()
    return frozenset(v.label for v in info.versions if v.date < date)


def _contexts(doc: DocumentFile, earlier: frozenset[str]) -> Iterator[Context]:
    entries = doc.entries
    for index, entry in enumerate(entries):
        yield Context(
            doc.document,
            doc.version,
            entry.address,
            entries[index - 1].source if index else None,
            entries[index + 1].source if index + 1 < len(entries) else None,
            earlier,
        )


def _characters(text: str) -> int:
    return sum(not ch.isspace() for ch in text)


def analyze_document(
    matcher: Matcher, doc: DocumentFile, earlier: frozenset[str] = frozenset()
) -> Analysis:
    """Bands and repetitions of a document against the matcher's TM."""
    counts = dict.fromkeys(BANDS, (0, 0))
    repeated = (0, 0)
    seen: set[str] = set()
    for entry, context in zip(doc.entries, _contexts(doc, earlier), strict=True):
        size = _characters(entry.source)
        key = fold_spaces(entry.source)
        if key in seen:
            repeated = (repeated[0] + 1, repeated[1] + size)
            continue
        seen.add(key)
        band = band_of(matcher.best(entry.source, context=context))
        segments, characters = counts[band]
        counts[band] = (segments + 1, characters + size)
    return Analysis(doc.document, doc.version, counts, repeated)


def analyze(
    project: Project, document: str, version: str, *, threshold: float | None = None
) -> Analysis:
    """Analyse `tm/<document>/<version>.po` against the project's TM (index refreshed first)."""
    path = project.po_path(document, version)
    if not path.is_file():
        raise NotFoundError(
            f"no bilingual document for {document}@{version}", path=path, hint="Import it first."
        )
    doc, _ = read_po(path)
    build_index(project)
    with open_index(project) as store:
        matcher = Matcher(store, match_settings(project, threshold))
        return analyze_document(matcher, doc, _earlier(project, document, version))


# --- pretranslation ------------------------------------------------------------------------------


def _provenance(match: Match) -> str:
    unit = match.unit
    where = " ".join(part for part in (unit.document, unit.version, unit.address) if part)
    if unit.tm != "project":
        where = f"tm {unit.tm}" + (f" {where}" if where else "")
    return where


def _origin_note(match: Match) -> str:
    note = f"origin: pretranslated, {match.kind} {match.score:.0f} from {_provenance(match)}"
    if match.substituted:
        note += ", numbers " + " ".join(f"{old}→{new}" for old, new in match.substituted)
    return note


def _with_origin(entry: Entry, note: str) -> tuple[str, ...]:
    return (*(n for n in entry.notes if not n.startswith("origin: ")), note)


def _filled(entry: Entry, target: str, fuzzy: bool, note: str) -> Entry:
    flags = [flag for flag in entry.flags if flag not in ("fuzzy", "reviewed")]
    if fuzzy:
        flags.insert(0, "fuzzy")
    return replace(entry, target=target, flags=tuple(flags), notes=_with_origin(entry, note))


def pretranslate_document(
    matcher: Matcher,
    doc: DocumentFile,
    *,
    earlier: frozenset[str] = frozenset(),
    overwrite: bool = False,
    force: bool = False,
) -> tuple[DocumentFile, PretranslateReport]:
    """Fill a document's entries from the TM; the new document and what was done.

    Exact and context matches fill entries as translated, fuzzy ones as `fuzzy` with the score
    and origin in a `#.` note. An entry with a translation is kept unless `overwrite`; a
    `reviewed` entry is never touched unless `force`. An entry whose source repeats one
    translated earlier or later in the document takes that translation.
    """
    report = PretranslateReport()
    translated = {
        fold_spaces(e.source): e for e in reversed(doc.entries) if e.target and not e.fuzzy
    }
    entries: list[Entry] = []
    options = (overwrite, force)
    for entry, context in zip(doc.entries, _contexts(doc, earlier), strict=True):
        entries.append(_pretranslate_entry(matcher, entry, context, translated, report, options))
    return replace(doc, entries=tuple(entries)), report


def _pretranslate_entry(
    matcher: Matcher,
    entry: Entry,
    context: Context,
    translated: dict[str, Entry],
    report: PretranslateReport,
    options: tuple[bool, bool],
) -> Entry:
    overwrite, force = options
    if entry.reviewed and not force:
        report.reviewed += 1
        return entry
    if not entry.source.strip():
        return entry
    if entry.target and not overwrite:
        report.kept += 1
        return entry
    key = fold_spaces(entry.source)
    first = translated.get(key)
    if first is not None and first.address != entry.address:
        report.repetitions += 1
        return _filled(entry, first.target, False, f"origin: repetition of {first.address}")
    match = matcher.best(entry.source, context=context)
    if match is None:
        report.unmatched += 1
        return entry
    fuzzy = match.kind == "fuzzy"
    setattr(report, match.kind, getattr(report, match.kind) + 1)
    filled = _filled(entry, match.target, fuzzy, _origin_note(match))
    if not fuzzy:
        translated.setdefault(key, filled)
    return filled


def pretranslate(
    project: Project,
    path: Path,
    *,
    overwrite: bool = False,
    force: bool = False,
    threshold: float | None = None,
) -> PretranslateReport:
    """Pretranslate one PO file of the project in place (atomically, refusing if it changed)."""
    doc, fingerprint = read_po(path)
    build_index(project)
    earlier = _earlier(project, doc.document, doc.version)
    with open_index(project) as store:
        matcher = Matcher(store, match_settings(project, threshold))
        new, report = pretranslate_document(
            matcher, doc, earlier=earlier, overwrite=overwrite, force=force
        )
    if new != doc:
        write_po(path, new, expect=fingerprint)
        report.written = True
    return report
