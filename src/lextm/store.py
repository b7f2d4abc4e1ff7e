"""The project's index: one SQLite file of translation units and the files they were read from.

The index is derived (data contract §1): a layer above reads PO, TSV and TMX files and hands the
store plain `Unit`s; rebuilding from scratch gives the same results. Texts are compared in their
`fold`ed form, stored beside the text as written. sqlite3 and sqlite-utils are used only here.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path
from types import TracebackType
from typing import Final

from sqlite_utils import Database

from .errors import ConflictError, ProjectError, UsageError
from .fold import FOLD_VERSION, fold_spaces
from .model import Unit, VersionStats

__all__ = ["SCHEMA_VERSION", "FileRecord", "Store", "fold"]

# Bump when `fold` changes: stored folded columns are then recomputed on the next open.
_FOLD_VERSION: Final = FOLD_VERSION
_REBUILD_HINT: Final = "Delete .lextm/ and run `lextm build`."
_UNIT_FIELDS: Final = tuple(field.name for field in fields(Unit))
_COLUMNS: Final = ", ".join(_UNIT_FIELDS)
_ORDER: Final = "tm, document, version, position, file, id"
# Searches list the project's own units before those of reference TMs.
_SEARCH_ORDER: Final = f"tm <> 'project', {_ORDER}"
_SIDES: Final = {
    "source": ("source_fold",),
    "target": ("target_fold",),
    "both": ("source_fold", "target_fold"),
}
_TRIGRAM: Final = 3  # the trigram index cannot find anything shorter
# Without a limit the -wal file keeps the size of the largest transaction (a whole build).
_WAL_LIMIT: Final = 64 * 1024 * 1024
_unit_values = attrgetter(*_UNIT_FIELDS)


def fold(text: str) -> str:
    """The form texts are compared in (see lextm.fold), with white space runs made one."""
    return fold_spaces(text)


@dataclass(frozen=True, slots=True)
class FileRecord:
    """A file the index was built from: its project-relative path, kind, size, mtime and hash."""

    path: str
    kind: str
    size: int
    mtime_ns: int
    sha256: str


# --- schema --------------------------------------------------------------------------------------
# Migrations spell out their SQL, so an upgrade of sqlite-utils never changes what they create.

_SCHEMA_1: Final = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE files (
        path TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL)""",
    """CREATE TABLE units (
        id INTEGER PRIMARY KEY, tm TEXT NOT NULL, document TEXT NOT NULL, version TEXT NOT NULL,
        address TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL,
        target TEXT NOT NULL, source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
        origin TEXT NOT NULL, state TEXT NOT NULL, role TEXT NOT NULL, note TEXT NOT NULL,
        source_fold TEXT NOT NULL, target_fold TEXT NOT NULL, file TEXT NOT NULL)""",
    "CREATE INDEX units_by_position ON units (document, version, position)",
    "CREATE INDEX units_by_source ON units (source_fold)",
    "CREATE INDEX units_by_file ON units (file)",
)

# External content: the index stores no second copy of the texts. case_sensitive 1 because the
# indexed columns are folded already.
_FTS_TABLE: Final = (
    "CREATE VIRTUAL TABLE {name} USING fts5(source_fold, target_fold, content='units', "
    "content_rowid='id', tokenize='trigram case_sensitive 1')"
)


def _migrate_to_1(db: Database) -> None:
    """The meta, files and units tables and their indexes."""
    for statement in _SCHEMA_1:
        db.execute(statement)


def _migrate_to_2(db: Database) -> None:
    """A trigram full-text index over the folded texts, where this SQLite can build one."""
    if _trigram_available(db):
        db.execute(_FTS_TABLE.format(name="units_fts"))
        db.execute("INSERT INTO units_fts (units_fts) VALUES ('rebuild')")


_MIGRATIONS: Final[tuple[Callable[[Database], None], ...]] = (_migrate_to_1, _migrate_to_2)
SCHEMA_VERSION: Final[int] = len(_MIGRATIONS)


def _trigram_available(db: Database) -> bool:
    """Whether this SQLite has FTS5 and its trigram tokenizer (3.34 or later, when compiled in)."""
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    try:
        db.execute(_FTS_TABLE.format(name="temp.lextm_probe"))
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.lextm_probe")
    return True


# --- errors --------------------------------------------------------------------------------------


_BUSY: Final = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_UNUSABLE: Final = frozenset(
    {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_FULL}
)


def _is_busy(error: sqlite3.Error) -> bool:
    return error.sqlite_errorcode & 0xFF in _BUSY


@contextmanager
def _sqlite_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's lock, open and corruption errors into lextm errors naming the index."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            message = "the index is locked by another lextm process; try again when it finishes."
            raise ConflictError(message, path=path) from None
        if error.sqlite_errorcode & 0xFF in _UNUSABLE:
            raise ProjectError(
                f"the index cannot be opened or written: {error}.", path=path
            ) from None
        raise
    except sqlite3.DatabaseError as error:
        message = f"the index is damaged or is not a lextm index: {error}."
        raise ProjectError(message, path=path, hint=_REBUILD_HINT) from None


def _too_new(path: Path, found: int) -> ProjectError:
    return ProjectError(
        f"the index was written by a newer lextm (schema {found}; this lextm knows up to "
        f"{SCHEMA_VERSION}).",
        path=path,
        hint="Upgrade lextm, or delete .lextm/ and run `lextm build`.",
    )


def _connect(path: Path, timeout: float) -> Database:
    """A connection to `path` (its folder created) that waits `timeout` s for locks."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = f"cannot create the index's folder: {error.strerror or error}."
        raise ProjectError(message, path=path.parent) from None
    with _sqlite_errors(path):
        # isolation_level=None: sqlite3 opens no transaction of its own; `transaction` does.
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    return Database(connection, execute_plugins=False)


# --- the store -----------------------------------------------------------------------------------


class Store:
    """The SQLite index of a project: translation units and the files they came from."""

    def __init__(self, db: Database, path: Path) -> None:
        """Wrap an open database; use `Store.open` to get one ready for use."""
        self._db = db
        self._path = path
        self._fts = False

    @classmethod
    def open(cls, path: Path, *, timeout: float = 10.0) -> Store:
        """Open (creating or migrating) the index at `path`; wait up to `timeout` s for locks."""
        store = cls(_connect(path, timeout), path)
        try:
            with store._errors():
                store._prepare(timeout)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return self._path

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> Store:
        """Use the store in a `with` block that closes it."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the index."""
        with self._errors():
            return self._stored_version()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction: BEGIN IMMEDIATE … COMMIT, ROLLBACK on error; nested, a savepoint."""
        connection: sqlite3.Connection = self._db.conn
        if connection.in_transaction:
            with self._db.atomic():
                yield
            return
        with self._errors():
            connection.execute("BEGIN IMMEDIATE")
        try:
            yield
            with self._errors():
                connection.execute("COMMIT")
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")

    # --- writing ---------------------------------------------------------------------------------

    def replace_file(self, record: FileRecord, units: Iterable[Unit]) -> int:
        """Swap in the units read from one file and record the file, atomically; the count."""
        with self._errors(), self.transaction():
            self._drop_units(record.path)
            count = self._insert_units(record.path, units)
            if self._fts:
                self._db.execute(
                    "INSERT INTO units_fts (rowid, source_fold, target_fold) "
                    "SELECT id, source_fold, target_fold FROM units WHERE file = ?",
                    (record.path,),
                )
            self._db.execute(
                "INSERT OR REPLACE INTO files (path, kind, size, mtime_ns, sha256) "
                "VALUES (?, ?, ?, ?, ?)",
                (record.path, record.kind, record.size, record.mtime_ns, record.sha256),
            )
        return count

    def remove_file(self, path: str) -> None:
        """Forget a file and every unit read from it (nothing happens for an unknown path)."""
        with self._errors(), self.transaction():
            self._drop_units(path)
            self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    def _drop_units(self, path: str) -> None:
        if self._fts:
            self._db.execute(
                "INSERT INTO units_fts (units_fts, rowid, source_fold, target_fold) "
                "SELECT 'delete', id, source_fold, target_fold FROM units WHERE file = ?",
                (path,),
            )
        self._db.execute("DELETE FROM units WHERE file = ?", (path,))

    def _insert_units(self, path: str, units: Iterable[Unit]) -> int:
        names = (*_UNIT_FIELDS, "source_fold", "target_fold", "file")
        sql = f"INSERT INTO units ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        rows = ((*_unit_values(unit), fold(unit.source), fold(unit.target), path) for unit in units)
        cursor: sqlite3.Cursor = self._db.conn.executemany(sql, rows)
        return cursor.rowcount

    # --- reading ---------------------------------------------------------------------------------

    def files(self) -> dict[str, FileRecord]:
        """The files the index was built from, by path."""
        sql = "SELECT path, kind, size, mtime_ns, sha256 FROM files ORDER BY path"
        with self._errors():
            return {row[0]: FileRecord(*row) for row in self._db.execute(sql)}

    def units(
        self, *, document: str | None = None, version: str | None = None, tm: str | None = None
    ) -> Iterator[Unit]:
        """Units matching the filters given, in (tm, document, version, position) order, lazily."""
        conditions, params = _equal(document=document, version=version, tm=tm)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = f"SELECT {_COLUMNS} FROM units{where} ORDER BY {_ORDER}"
        with self._errors():
            for row in self._db.execute(sql, params):
                yield Unit(*row)

    def stats(self) -> list[VersionStats]:
        """Segment counts of the project TM, one per document version, sorted.

        Translated means state translated or reviewed with a non-empty target; reviewed counts
        those of them in state reviewed; fuzzy is state fuzzy; untranslated is everything else.
        """
        sql = (
            "SELECT document, version, count(*), "
            "sum(state IN ('translated', 'reviewed') AND target <> ''), sum(state = 'fuzzy'), "
            "sum(state = 'reviewed' AND target <> '') "
            "FROM units WHERE tm = 'project' GROUP BY document, version ORDER BY document, version"
        )
        with self._errors():
            rows = self._db.execute(sql).fetchall()
        return [
            VersionStats(document, version, total, done, fuzzy, total - done - fuzzy, reviewed)
            for document, version, total, done, fuzzy, reviewed in rows
        ]

    def tm_counts(self) -> dict[str, int]:
        """The number of units in each TM, by TM name."""
        with self._errors():
            rows = self._db.execute("SELECT tm, count(*) FROM units GROUP BY tm ORDER BY tm")
            return dict(rows)

    def exact(self, source: str, *, limit: int = 20) -> list[Unit]:
        """Units whose folded source equals the folded `source`, the project's first."""
        sql = f"SELECT {_COLUMNS} FROM units WHERE source_fold = ? ORDER BY {_SEARCH_ORDER} LIMIT ?"
        with self._errors():
            return [Unit(*row) for row in self._db.execute(sql, (fold(source), max(limit, 0)))]

    def concordance(
        self,
        pattern: str,
        *,
        side: str = "both",
        document: str | None = None,
        version: str | None = None,
        limit: int = 50,
    ) -> list[Unit]:
        """Units whose folded source and/or target contains the folded `pattern`, project's first.

        Patterns of three characters or more are looked up in the trigram index; shorter ones
        (one- and two-character Chinese terms) and indexes without one scan the folded columns.
        """
        if side not in _SIDES:
            raise UsageError(f"unknown side {side!r}: use source, target or both.")
        needle = fold(pattern)
        if not needle:
            return []
        columns = _SIDES[side]
        conditions = ["(" + " OR ".join(f"instr({column}, ?) > 0" for column in columns) + ")"]
        params: list[object] = [needle] * len(columns)
        if self._fts and len(needle) >= _TRIGRAM:
            conditions.append("id IN (SELECT rowid FROM units_fts WHERE units_fts MATCH ?)")
            params.append(_fts_query(needle, columns))
        more, values = _equal(document=document, version=version)
        sql = (
            f"SELECT {_COLUMNS} FROM units WHERE {' AND '.join([*conditions, *more])} "
            f"ORDER BY {_SEARCH_ORDER} LIMIT ?"
        )
        with self._errors():
            rows = self._db.execute(sql, [*params, *values, max(limit, 0)])
            return [Unit(*row) for row in rows]

    # --- opening and upgrading -------------------------------------------------------------------

    def _errors(self) -> AbstractContextManager[None]:
        return _sqlite_errors(self._path)

    def _prepare(self, timeout: float) -> None:
        """Switch to WAL and bring the schema and the folded columns up to date."""
        self._switch_to_wal(timeout)
        # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits,
        # which a rebuild restores.
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute(f"PRAGMA journal_size_limit = {_WAL_LIMIT}")
        if self._outdated():
            with self.transaction():
                self._upgrade()
        self._fts = "units_fts" in self._db.table_names()

    def _switch_to_wal(self, timeout: float) -> None:
        """WAL journal mode; SQLite does not wait for the lock this takes, so retry a while."""
        deadline = time.monotonic() + timeout
        while self._db.journal_mode != "wal":
            try:
                self._db.enable_wal()
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _outdated(self) -> bool:
        """Whether the schema or the folded columns need an upgrade; a newer schema is an error."""
        found = self._stored_version()
        if found > SCHEMA_VERSION:
            raise _too_new(self._path, found)
        return found < SCHEMA_VERSION or self._meta("fold_version") != str(_FOLD_VERSION)

    def _upgrade(self) -> None:
        """Apply the migrations and refold, under the write lock."""
        if not self._outdated():  # another process upgraded it while this one waited
            return
        for version in range(self._stored_version() + 1, SCHEMA_VERSION + 1):
            _MIGRATIONS[version - 1](self._db)
            self._set_meta("schema_version", str(version))
        if self._meta("fold_version") != str(_FOLD_VERSION):
            self._refold()
            self._set_meta("fold_version", str(_FOLD_VERSION))

    def _refold(self) -> None:
        self._db.register_function(fold, deterministic=True, replace=True, name="lextm_fold")
        self._db.execute(
            "UPDATE units SET source_fold = lextm_fold(source), target_fold = lextm_fold(target)"
        )
        if "units_fts" in self._db.table_names():
            self._db.execute("INSERT INTO units_fts (units_fts) VALUES ('rebuild')")

    def _stored_version(self) -> int:
        value = self._meta("schema_version")
        return int(value) if value is not None else 0

    def _meta(self, key: str) -> str | None:
        if "meta" not in self._db.table_names():
            return None
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _equal(**filters: str | None) -> tuple[list[str], list[object]]:
    """SQL conditions (`column = ?`) and their values for the filters that are given."""
    given = {name: value for name, value in filters.items() if value is not None}
    return [f"{name} = ?" for name in given], list(given.values())


def _fts_query(needle: str, columns: tuple[str, ...]) -> str:
    """An FTS5 query for `needle` as one phrase in `columns`."""
    phrase = '"' + needle.replace('"', '""') + '"'
    return f"{{{' '.join(columns)}}} : {phrase}"
