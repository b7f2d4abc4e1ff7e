"""A lextm project: a folder with `lextm.toml`, `glossary/`, `tm/` and the derived `.lextm/`.

The configuration is read with tomllib and written by a small writer of our own: the schema is
fixed (docs/data-contract.md §5), so a general TOML library would be a dependency for nothing,
and our writer gives the same bytes for the same content every time.
"""

from __future__ import annotations

import fcntl
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import NotFoundError, ProjectError, UsageError
from .fileio import Fingerprint, atomic_write_text, read_bytes

__all__ = [
    "CONFIG_NAME",
    "DocumentInfo",
    "Project",
    "ProjectConfig",
    "ReferenceTM",
    "VersionInfo",
    "find_project",
    "init_project",
]

CONFIG_NAME = "lextm.toml"
_LABEL = re.compile(r"^[A-Za-z0-9._-]+$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = ("original", "amendment", "revision")
ROLES = ("translate", "reference")


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One dated text of a document."""

    label: str
    date: str
    kind: str = "original"
    source_hash: str = ""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A law or regulation of the project, with its versions."""

    slug: str
    titles: Mapping[str, str] = field(default_factory=dict)
    jurisdiction: str = ""
    role: str = "translate"
    versions: tuple[VersionInfo, ...] = ()

    def ordered(self) -> tuple[VersionInfo, ...]:
        """Versions by date (never by label), oldest first."""
        return tuple(sorted(self.versions, key=lambda v: (v.date, v.label)))

    def version(self, label: str) -> VersionInfo:
        """The version with this label; NotFoundError naming the known ones otherwise."""
        for version in self.versions:
            if version.label == label:
                return version
        known = ", ".join(v.label for v in self.ordered()) or "none"
        raise NotFoundError(f"document {self.slug!r} has no version {label!r} (versions: {known})")


@dataclass(frozen=True, slots=True)
class ReferenceTM:
    """A reference TM kept in the project and indexed with a penalty."""

    name: str
    file: str
    hash: str = ""
    penalty: int = 0


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """What `lextm.toml` says."""

    source_language: str = "zh-CN"
    target_language: str = "en"
    glossary: str = "glossary/terms.tsv"
    documents: tuple[DocumentInfo, ...] = ()
    reference_tms: tuple[ReferenceTM, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def document(self, slug: str) -> DocumentInfo:
        """The document with this slug; NotFoundError naming the known ones otherwise."""
        for document in self.documents:
            if document.slug == slug:
                return document
        known = ", ".join(d.slug for d in self.documents) or "none yet"
        raise NotFoundError(f"no document {slug!r} in the project (documents: {known})")

    def with_document(self, document: DocumentInfo) -> ProjectConfig:
        """A copy with this document added or replaced, documents kept sorted by slug."""
        others = [d for d in self.documents if d.slug != document.slug]
        return replace(self, documents=tuple(sorted([*others, document], key=lambda d: d.slug)))


@dataclass(frozen=True, slots=True)
class Project:
    """An open project: its root folder, its configuration and how the file looked when read."""

    root: Path
    config: ProjectConfig
    fingerprint: Fingerprint | None = None

    @property
    def config_path(self) -> Path:
        """The `lextm.toml` file."""
        return self.root / CONFIG_NAME

    @property
    def state_dir(self) -> Path:
        """The derived `.lextm/` folder."""
        return self.root / ".lextm"

    @property
    def index_path(self) -> Path:
        """The SQLite index."""
        return self.state_dir / "index.sqlite"

    @property
    def cache_dir(self) -> Path:
        """Caches (the word segmenter's dictionary)."""
        return self.state_dir / "cache"

    def po_path(self, document: str, version: str) -> Path:
        """The bilingual document of one version: `tm/<document>/<version>.po`."""
        return self.root / "tm" / document / f"{version}.po"

    def relative(self, path: Path) -> str:
        """A path inside the project as the index records it (POSIX, relative to the root)."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def update(self, change: Callable[[ProjectConfig], ProjectConfig]) -> Project:
        """Apply a change to the configuration as it is on disk now, under a lock.

        Concurrent lextm processes each add their change in turn instead of one refusing
        (or overwriting) the other's; an edit by a person is still never overwritten.
        """
        with _config_lock(self.root):
            current = load_project(self.root)
            new = change(current.config)
            return current if new == current.config else current.save(new)

    def save(self, config: ProjectConfig) -> Project:
        """Write `lextm.toml` atomically, refusing if it changed since it was read."""
        _validate(config, self.config_path)
        fingerprint = atomic_write_text(
            self.config_path, render_config(config), expect=self.fingerprint
        )
        return Project(self.root, config, fingerprint)


@contextmanager
def _config_lock(root: Path) -> Iterator[None]:
    """An exclusive advisory lock on the project's configuration (POSIX flock)."""
    lock_dir = root / ".lextm"
    lock_dir.mkdir(exist_ok=True)
    with (lock_dir / "config.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def find_project(start: Path | None = None, explicit: Path | None = None) -> Project:
    """The project at `explicit`, or the nearest folder upward from `start` with a lextm.toml."""
    if explicit is not None:
        root = explicit if explicit.is_dir() else explicit.parent
        if not (root / CONFIG_NAME).is_file():
            raise ProjectError(f"no {CONFIG_NAME} here", path=root, hint="Run `lextm init` there.")
        return load_project(root)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return load_project(folder)
    raise ProjectError(
        f"not inside a lextm project (no {CONFIG_NAME} in this folder or above)",
        path=here,
        hint="Run `lextm init` to create one, or pass --project.",
    )


def load_project(root: Path) -> Project:
    """Read and validate the project rooted at `root`."""
    path = root / CONFIG_NAME
    data, fingerprint = read_bytes(path)
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        line = _toml_line(str(error))
        raise ProjectError(f"not valid TOML: {error}", path=path, line=line) from error
    config = _config_from(raw, path)
    _validate(config, path)
    return Project(root.resolve(), config, fingerprint)


def init_project(root: Path, *, source: str = "zh-CN", target: str = "en") -> Project:
    """Create `lextm.toml`, `glossary/`, `tm/` and a git-ignored `.lextm/` in `root`."""
    root.mkdir(parents=True, exist_ok=True)
    if (root / CONFIG_NAME).exists():
        raise UsageError("already a lextm project", path=root / CONFIG_NAME)
    config = ProjectConfig(source_language=source, target_language=target)
    project = Project(root.resolve(), config, None).save(config)
    for folder in ("glossary", "tm", ".lextm"):
        (root / folder).mkdir(exist_ok=True)
    (root / ".lextm" / ".gitignore").write_text("*\n", encoding="utf-8")
    _ignore_state(root)
    return project


def _ignore_state(root: Path) -> None:
    gitignore = root / ".gitignore"
    lines = gitignore.read_text(encoding="utf-8").splitlines() if gitignore.exists() else []
    if ".lextm/" not in lines:
        atomic_write_text(gitignore, "\n".join([*lines, ".lextm/"]) + "\n")


def _toml_line(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


# -- reading -------------------------------------------------------------------------------------


def _config_from(raw: Mapping[str, Any], path: Path) -> ProjectConfig:
    project = raw.get("project", {})
    documents = tuple(_document_from(d, path) for d in raw.get("documents", []))
    refs = tuple(
        ReferenceTM(
            str(r["name"]), str(r["file"]), str(r.get("hash", "")), int(r.get("penalty", 0))
        )
        for r in raw.get("reference_tms", [])
    )
    return ProjectConfig(
        source_language=str(project.get("source_language", "zh-CN")),
        target_language=str(project.get("target_language", "en")),
        glossary=str(project.get("glossary", "glossary/terms.tsv")),
        documents=documents,
        reference_tms=refs,
        settings=dict(raw.get("settings", {})),
    )


def _document_from(raw: Mapping[str, Any], path: Path) -> DocumentInfo:
    try:
        versions = tuple(
            VersionInfo(
                str(v["label"]),
                str(v["date"]),
                str(v.get("kind", "original")),
                str(v.get("source_hash", "")),
            )
            for v in raw.get("versions", [])
        )
        return DocumentInfo(
            slug=str(raw["slug"]),
            titles={str(k): str(v) for k, v in dict(raw.get("title", {})).items()},
            jurisdiction=str(raw.get("jurisdiction", "")),
            role=str(raw.get("role", "translate")),
            versions=versions,
        )
    except KeyError as error:
        raise ProjectError(f"a document or version lacks {error.args[0]!r}", path=path) from error


def _validate(config: ProjectConfig, path: Path) -> None:
    seen: set[str] = set()
    for document in config.documents:
        if not _SLUG.match(document.slug) or document.slug in seen:
            raise ProjectError(f"document slug {document.slug!r} is invalid or repeated", path=path)
        seen.add(document.slug)
        if document.role not in ROLES:
            raise ProjectError(
                f"document {document.slug!r}: role must be one of {ROLES}", path=path
            )
        labels: set[str] = set()
        for version in document.versions:
            _validate_version(document.slug, version, labels, path)


def _validate_version(slug: str, version: VersionInfo, labels: set[str], path: Path) -> None:
    where = f"document {slug!r} version {version.label!r}"
    if not _LABEL.match(version.label) or version.label in labels:
        raise ProjectError(f"{where}: label must match [A-Za-z0-9._-]+ and be unique", path=path)
    if not _DATE.match(version.date):
        raise ProjectError(f"{where}: date must be an ISO date (YYYY-MM-DD)", path=path)
    if version.kind not in KINDS:
        raise ProjectError(f"{where}: kind must be one of {KINDS}", path=path)
    labels.add(version.label)


# -- writing -------------------------------------------------------------------------------------


def _string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to lextm.toml")


def _key(key: str) -> str:
    return key if re.match(r"^[A-Za-z0-9_-]+$", key) else _string(key)


def _table(pairs: Iterable[tuple[str, Any]]) -> list[str]:
    return [f"{_key(k)} = {_value(v)}" for k, v in pairs if v not in ("", None)]


def render_config(config: ProjectConfig) -> str:
    """The text of `lextm.toml` for a configuration: same content, same bytes."""
    lines = ["# lextm project: see docs/data-contract.md", "", "[project]"]
    lines += _table(
        [
            ("source_language", config.source_language),
            ("target_language", config.target_language),
            ("glossary", config.glossary),
        ]
    )
    for document in config.documents:
        lines += ["", "[[documents]]"]
        lines += _table(
            [
                ("slug", document.slug),
                ("title", dict(sorted(document.titles.items())) or None),
                ("jurisdiction", document.jurisdiction),
                ("role", document.role),
            ]
        )
        for version in document.ordered():
            lines += ["", "[[documents.versions]]"]
            lines += _table(
                [
                    ("label", version.label),
                    ("date", version.date),
                    ("kind", version.kind),
                    ("source_hash", version.source_hash),
                ]
            )
    for ref in config.reference_tms:
        lines += ["", "[[reference_tms]]"]
        lines += _table([("name", ref.name), ("file", ref.file), ("hash", ref.hash)])
        lines.append(f"penalty = {ref.penalty}")
    if config.settings:
        lines += ["", "[settings]"]
        lines += _table(sorted(config.settings.items()))
    return "\n".join(lines) + "\n"
