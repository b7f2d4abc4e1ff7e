"""The project's index: one SQLite file of translation units and the files they were read from.

The index is derived (data contract §1): a layer above reads PO, TSV and TMX files and hands the
store plain `Unit`s; rebuilding from scratch gives the same results. Texts are compared in their
`fold`ed form, stored beside the text as written. sqlite3 and sqlite-utils are used only here.

Fuzzy matching and source concordance go through a character-bigram index (`GramIndex`): one
row per bigram and file holding the sorted postings of that file's units (lextm.ngrams). It is
kept in step by `replace_file` and `remove_file`, in their transactions, and rebuilt when the
folding or the comparison form changes. Target concordance scans the folded targets.
"""

from __future__ import annotations

import json
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
from .ngrams import (
    CHUNK_CHARS,
    GRAM_VERSION,
    MAX_CHUNK,
    SHORT,
    build_postings,
    count_candidates,
    gram_keys,
    length_key,
    shared_ids,
)
from .similarity import (
    COMPARISON_VERSION,
    Candidate,
    best_similar,
    count_bound,
    length_window,
    strip_label,
)

__all__ = ["SCHEMA_VERSION", "FileRecord", "GramIndex", "Store", "fold"]

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
_BIGRAM: Final = 2  # the bigram index cannot find anything shorter
# Bump with anything that changes what the bigram index holds: it is rebuilt on the next open.
_INDEX_VERSION: Final = f"{FOLD_VERSION}.{GRAM_VERSION}.{COMPARISON_VERSION}"
# Units written per INSERT batch, and per bigram-postings chunk.
_BATCH: Final = 20_000
_CHUNK: Final = min(250_000, MAX_CHUNK)
# Without a limit the -wal file keeps the size of the largest transaction (a whole build).
_WAL_LIMIT: Final = 64 * 1024 * 1024
_PAGE_SIZE: Final = 16384
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


_SCHEMA_3: Final = (
    "DROP TABLE IF EXISTS units_fts",
    "DROP INDEX IF EXISTS units_by_source",
    "CREATE TABLE grams (gram INTEGER NOT NULL, n INTEGER NOT NULL, ids BLOB NOT NULL)",
    "CREATE INDEX grams_by_gram ON grams (gram, n)",
    # The grams rows of one file's chunk are consecutive: a range of rowids per chunk.
    """CREATE TABLE gram_rows (
        file TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL)""",
    "CREATE INDEX gram_rows_by_file ON gram_rows (file)",
)


def _migrate_to_3(db: Database) -> None:
    """Bigram postings (`GramIndex`) in place of the trigram index and the index on folded
    sources: fuzzy matching needs counts of shared bigrams, exact lookups find their units
    under the rarest bigram, and the two old indexes cost more to build than the rest of an
    import. The postings are filled by the index-version check that follows the migrations."""
    for statement in _SCHEMA_3:
        db.execute(statement)
    db.execute("DELETE FROM meta WHERE key = 'index_version'")


def _migrate_to_4(db: Database) -> None:
    """Origins of project units as one word each (aligned, carried over, pretranslated,
    translated), not the first clause of the PO note ("carried from 2018@art3.p1.s1"): the
    note keeps the details; the index groups and filters by the kind."""
    db.execute(
        """UPDATE units SET origin = CASE
            WHEN origin LIKE 'carried from%' THEN 'carried over'
            WHEN origin LIKE 'repetition of%' THEN 'pretranslated'
            WHEN origin IN ('aligned', 'pretranslated', 'imported', 'carried over') THEN origin
            ELSE 'translated' END
        WHERE tm = 'project'"""
    )


_MIGRATIONS: Final[tuple[Callable[[Database], None], ...]] = (
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
    _migrate_to_4,
)
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
        # Applies to a new file only: large pages suit the postings' blobs and bulk imports.
        connection.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
    return Database(connection, execute_plugins=False)


# --- the bigram index ----------------------------------------------------------------------------

# Postings read beyond the fewest the count filter needs: more reading prunes more candidates
# (each costs a row fetch); past this, reading costs more than it saves.
_READ_BUDGET: Final = 150_000
_MANY_CANDIDATES: Final = 1_000
_EXACT_GRAMS: Final = 3  # bigrams intersected to find the units an exact lookup compares


def _chunks(rows: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """Consecutive runs of at most `_CHUNK` rows and, unless one row alone is longer,
    at most `CHUNK_CHARS` characters of text."""
    chunk: list[tuple[int, str]] = []
    chars = 0
    for row in rows:
        if chunk and (len(chunk) == _CHUNK or chars + len(row[1]) > CHUNK_CHARS):
            yield chunk
            chunk, chars = [], 0
        chunk.append(row)
        chars += len(row[1])
    if chunk:
        yield chunk


class GramIndex:
    """Candidates for fuzzy matching from character-bigram postings, verified exactly.

    `add` and `remove` keep it in step with the units (the store calls them inside its
    transactions); `candidates` finds every unit whose comparison form reaches the threshold
    in plain normalised Levenshtein similarity: the count and length filters it applies never
    drop such a unit (docs/matching.md), and each survivor is then scored exactly.
    """

    def __init__(self, db: Database) -> None:
        """Wrap the store's database (which has the `grams` table)."""
        self._db = db

    def add(self, file: str, rows: Iterable[tuple[int, str]]) -> None:
        """Index units read from `file`, given as (unit id, folded source)."""
        for chunk in _chunks(rows):
            ids = [unit_id for unit_id, _ in chunk]
            texts = [text for _, text in chunk]
            lengths = [len(strip_label(text)) for text in texts]
            first = self._last_row() + 1
            self._db.conn.executemany(
                "INSERT INTO grams (gram, n, ids) VALUES (?, ?, ?)",
                build_postings(ids, texts, lengths),
            )
            self._db.execute(
                "INSERT INTO gram_rows (file, first, last) VALUES (?, ?, ?)",
                (file, first, self._last_row()),
            )

    def _last_row(self) -> int:
        return int(self._db.execute("SELECT coalesce(max(rowid), 0) FROM grams").fetchone()[0])

    def remove(self, file: str) -> None:
        """Forget the postings of the units read from `file`."""
        ranges = self._db.execute("SELECT first, last FROM gram_rows WHERE file = ?", (file,))
        for first, last in ranges.fetchall():
            self._db.execute("DELETE FROM grams WHERE rowid BETWEEN ? AND ?", (first, last))
        self._db.execute("DELETE FROM gram_rows WHERE file = ?", (file,))

    def clear(self) -> None:
        """Forget every posting."""
        self._db.execute("DELETE FROM grams")
        self._db.execute("DELETE FROM gram_rows")

    def candidates(
        self,
        query: str,
        threshold: float,
        limit: int,
        *,
        translated: bool = True,
        exclude: tuple[str, str] | None = None,
    ) -> list[Candidate]:
        """Units whose source reaches `threshold` (0–100) against `query`, best first.

        `query` is in comparison form. With `translated`, only units with a target; `exclude`
        leaves out one (document, version). Ties list exact folded sources first, then the
        project's units, then TM, document, version and position order.
        """
        length = len(query)
        if not length or limit <= 0:
            return []
        low, high = length_window(length, threshold)
        need = count_bound(length, threshold)
        conditions, params = _usable(translated, exclude)
        if need > 0:
            ids = self._counted(query, threshold, need, (low, high))
            if not ids:
                return []
            where = f"id IN (SELECT value FROM json_each(?)){conditions}"
            params.insert(0, json.dumps(ids))
        elif high <= SHORT:  # short queries: the count says nothing, the length everything
            ids = self.of_length(low, high)
            if not ids:
                return []
            where = f"id IN (SELECT value FROM json_each(?)){conditions}"
            params.insert(0, json.dumps(ids))
        else:  # thresholds of 50 or below: only the length helps
            where = f"length(source_fold) >= ?{conditions}"
            params.insert(0, low)
        rows = self._db.execute(f"SELECT id, source_fold FROM units WHERE {where}", params)
        return self._verified(query, rows.fetchall(), threshold, limit, (low, high))

    def of_length(self, low: int, high: int) -> list[int]:
        """Ids of the units whose comparison form is `low` to `high` (at most SHORT) long."""
        keys = [length_key(size) for size in range(max(low, 1), high + 1)]
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        rows = self._db.execute(f"SELECT ids FROM grams WHERE gram IN ({marks})", keys)
        return count_candidates([(blob, 1) for (blob,) in rows], [1] * (high - low + 1), low)

    def _counted(
        self, query: str, threshold: float, need: int, window: tuple[int, int]
    ) -> list[int]:
        """Ids of units sharing at least `need` bigram occurrences with `query`, by postings.

        Bigrams are read rarest first. Those left unread are assumed present in every unit, so
        a unit qualifies with `need − unread` of the read ones; reading stops once that is at
        least one and the budget is spent.
        """
        low, high = window
        weights = gram_keys(query)
        keys = list(weights)
        marks = ", ".join("?" * len(keys))
        found = self._db.execute(
            f"SELECT gram, sum(n) FROM grams WHERE gram IN ({marks}) GROUP BY gram", keys
        )
        frequency = dict(found.fetchall())
        order = sorted(keys, key=lambda k: (frequency.get(k, 0), k))
        blobs: list[tuple[bytes, int]] = []
        unread, read, position, budget = sum(weights.values()), 0, 0, _READ_BUDGET
        while True:
            chosen: list[int] = []
            taken = 0
            while position < len(order):
                key = order[position]
                postings = frequency.get(key, 0)
                if unread < need and read + postings > budget and taken:
                    break
                unread, read, position, taken = (
                    unread - weights[key],
                    read + postings,
                    position + 1,
                    taken + 1,
                )
                if postings:
                    chosen.append(key)
            if chosen:
                marks = ", ".join("?" * len(chosen))
                rows = self._db.execute(
                    f"SELECT gram, ids FROM grams WHERE gram IN ({marks})", chosen
                )
                blobs.extend((blob, weights[key]) for key, blob in rows)
            # A longer unit must share more: the bound grows with max(query, unit length).
            needs = [
                count_bound(max(len(query), size), threshold) - unread
                for size in range(low, high + 1)
            ]
            ids = count_candidates(blobs, needs, low) if blobs else []
            # Many survivors cost more to fetch than more postings cost to read: read on.
            if len(ids) <= _MANY_CANDIDATES or position >= len(order):
                return ids
            budget = 4 * read

    def _verified(
        self,
        query: str,
        rows: list[tuple[int, str]],
        threshold: float,
        limit: int,
        window: tuple[int, int],
    ) -> list[Candidate]:
        """Score (id, folded source) rows exactly; the best `limit` as candidates, in order."""
        forms = [(unit_id, folded, strip_label(folded)) for unit_id, folded in rows]
        forms = [form for form in forms if window[0] <= len(form[2]) <= window[1]]
        scored = best_similar(query, [form for _, _, form in forms], threshold)
        ranked = sorted((-score, forms[i][1] != query, forms[i][0]) for i, score in scored)
        if len(ranked) > limit:  # keep whatever ties with the last one kept
            ranked = [key for key in ranked if key[:2] <= ranked[limit - 1][:2]]
        found = {key[2]: key for key in ranked}
        sql = f"SELECT id, {_COLUMNS} FROM units WHERE id IN (SELECT value FROM json_each(?))"
        candidates = []
        for unit_id, *values in self._db.execute(sql, (json.dumps(list(found)),)):
            unit = Unit(*values)
            score, inexact, _ = found[unit_id]
            order = (unit.tm != "project", unit.tm, unit.document, unit.version, unit.position)
            candidates.append(((score, inexact, *order, unit_id), Candidate(unit, -score)))
        candidates.sort(key=lambda pair: pair[0])
        return [candidate for _, candidate in candidates[:limit]]


def _usable(translated: bool, exclude: tuple[str, str] | None) -> tuple[str, list[object]]:
    """Extra WHERE conditions (with their values) for units offered as matches."""
    conditions = " AND target <> ''" if translated else ""
    params: list[object] = []
    if exclude is not None:
        conditions += " AND NOT (document = ? AND version = ?)"
        params += list(exclude)
    return conditions, params


# --- the store -----------------------------------------------------------------------------------


class Store:
    """The SQLite index of a project: translation units and the files they came from."""

    def __init__(self, db: Database, path: Path) -> None:
        """Wrap an open database; use `Store.open` to get one ready for use."""
        self._db = db
        self._path = path
        self._index = GramIndex(db)
        self._grams = False

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
    def index(self) -> GramIndex:
        """The bigram candidate index over the units' sources."""
        return self._index

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
        self._index.remove(path)
        self._db.execute("DELETE FROM units WHERE file = ?", (path,))

    def _insert_units(self, path: str, units: Iterable[Unit]) -> int:
        """Insert in batches with ids given here, indexing each chunk of sources as it fills.

        Batches and chunks are bounded in units and in characters, so a file of a few huge
        units costs no more memory than one of many small ones.
        """
        names = ("id", *_UNIT_FIELDS, "source_fold", "target_fold", "file")
        sql = f"INSERT INTO units ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        first = int(self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM units").fetchone()[0])
        next_id = first
        pending: list[tuple[int, str]] = []
        pending_chars = 0
        batch: list[tuple[object, ...]] = []
        batch_chars = 0
        for unit in units:
            source = fold(unit.source)
            target = fold(unit.target)
            batch.append((next_id, *_unit_values(unit), source, target, path))
            batch_chars += 2 * (len(source) + len(target))
            pending.append((next_id, source))
            pending_chars += len(source)
            next_id += 1
            if len(batch) == _BATCH or batch_chars >= CHUNK_CHARS:
                self._db.conn.executemany(sql, batch)
                batch.clear()
                batch_chars = 0
            if len(pending) == _CHUNK or pending_chars >= CHUNK_CHARS:
                self._index.add(path, pending)
                pending.clear()
                pending_chars = 0
        self._db.conn.executemany(sql, batch)
        self._index.add(path, pending)
        return next_id - first

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

    def exact(
        self,
        source: str,
        *,
        limit: int = 20,
        translated: bool = False,
        exclude: tuple[str, str] | None = None,
    ) -> list[Unit]:
        """Units whose folded source equals the folded `source`, the project's first.

        With `translated`, only units with a target; `exclude` leaves out one (document,
        version). Only units listed under the rarest bigram of the source can be equal to it,
        so those are the ones compared (a one-character source: the units of that length).
        """
        needle = fold(source)
        with self._errors():
            ids = self._rarest_ids(needle)
            conditions, more = _usable(translated, exclude)
            where, params = f"source_fold = ?{conditions}", [needle, *more]
            if ids is not None:
                where = f"id IN (SELECT value FROM json_each(?)) AND {where}"
                params.insert(0, json.dumps(ids))
            sql = f"SELECT {_COLUMNS} FROM units WHERE {where} ORDER BY {_SEARCH_ORDER} LIMIT ?"
            return [Unit(*row) for row in self._db.execute(sql, [*params, max(limit, 0)])]

    def _rarest_ids(self, needle: str) -> list[int] | None:
        """Ids of the units that can equal `needle`: they hold its rarest bigrams (up to three)
        and have its comparison-form length. None when the index cannot say."""
        if not self._grams:
            return None
        if len(needle) < _BIGRAM:
            return self._index.of_length(len(needle), len(needle)) if needle else []
        keys = list(gram_keys(needle))
        marks = ", ".join("?" * len(keys))
        sql = f"SELECT gram, sum(n) FROM grams WHERE gram IN ({marks}) GROUP BY gram"
        frequency = dict(self._db.execute(sql, keys).fetchall())
        if len(frequency) < len(keys):
            return []
        rarest = sorted(keys, key=lambda key: (frequency[key], key))[:_EXACT_GRAMS]
        marks = ", ".join("?" * len(rarest))
        rows = self._db.execute(f"SELECT ids FROM grams WHERE gram IN ({marks})", rarest)
        blobs = [(blob, 1) for (blob,) in rows]
        return count_candidates(blobs, [len(rarest)], len(strip_label(needle)))

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

        On the source side, patterns of two characters or more are looked up in the bigram
        index (every bigram of the pattern must be in the unit); one-character patterns and the
        target side scan the folded columns.
        """
        if side not in _SIDES:
            raise UsageError(f"unknown side {side!r}: use source, target or both.")
        needle = fold(pattern)
        if not needle:
            return []
        columns = _SIDES[side]
        conditions = ["(" + " OR ".join(f"instr({column}, ?) > 0" for column in columns) + ")"]
        params: list[object] = [needle] * len(columns)
        with self._errors():
            ids = self._source_ids(needle) if side == "source" else None
        if ids is not None:
            conditions.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        more, values = _equal(document=document, version=version)
        sql = (
            f"SELECT {_COLUMNS} FROM units WHERE {' AND '.join([*conditions, *more])} "
            f"ORDER BY {_SEARCH_ORDER} LIMIT ?"
        )
        with self._errors():
            rows = self._db.execute(sql, [*params, *values, max(limit, 0)])
            return [Unit(*row) for row in rows]

    def _source_ids(self, needle: str) -> list[int] | None:
        """Ids of units holding every bigram of `needle`, or None when the index cannot say."""
        if len(needle) < _BIGRAM or not self._grams:
            return None
        keys = list(gram_keys(needle))
        marks = ", ".join("?" * len(keys))
        rows = self._db.execute(f"SELECT gram, ids FROM grams WHERE gram IN ({marks})", keys)
        blobs: dict[int, list[bytes]] = {key: [] for key in keys}
        for key, blob in rows:
            blobs[key].append(blob)
        return shared_ids(sorted(blobs.values(), key=lambda group: sum(map(len, group))))

    def neighbours(self, unit: Unit) -> tuple[str | None, str | None]:
        """The folded sources of the units before and after `unit` in its document version."""
        sql = (
            "SELECT position, source_fold FROM units WHERE document = ? AND version = ? "
            "AND tm = ? AND position IN (?, ?)"
        )
        params = (unit.document, unit.version, unit.tm, unit.position - 1, unit.position + 1)
        with self._errors():
            found = dict(self._db.execute(sql, params).fetchall())
        return found.get(unit.position - 1), found.get(unit.position + 1)

    def candidates(
        self,
        query: str,
        threshold: float,
        limit: int,
        *,
        translated: bool = True,
        exclude: tuple[str, str] | None = None,
    ) -> list[Candidate]:
        """`GramIndex.candidates` (the query in comparison form), with lock errors reported."""
        with self._errors():
            return self._index.candidates(
                query, threshold, limit, translated=translated, exclude=exclude
            )

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
        self._grams = "grams" in self._db.table_names()

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
        return (
            found < SCHEMA_VERSION
            or self._meta("fold_version") != str(_FOLD_VERSION)
            or self._meta("index_version") != _INDEX_VERSION
        )

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
            self._set_meta("index_version", "")
        if self._meta("index_version") != _INDEX_VERSION:
            self._reindex()
            self._set_meta("index_version", _INDEX_VERSION)

    def _refold(self) -> None:
        self._db.register_function(fold, deterministic=True, replace=True, name="lextm_fold")
        self._db.execute(
            "UPDATE units SET source_fold = lextm_fold(source), target_fold = lextm_fold(target)"
        )

    def _reindex(self) -> None:
        """Rebuild the bigram postings from the stored units, file by file, chunk by chunk."""
        self._index.clear()
        sql = "SELECT DISTINCT file FROM units ORDER BY file"
        files = [row[0] for row in self._db.execute(sql)]
        for path in files:
            rows = self._db.execute(
                "SELECT id, source_fold FROM units WHERE file = ? ORDER BY id", (path,)
            )
            for chunk in _chunks(rows):
                self._index.add(path, chunk)

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
