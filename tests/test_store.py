"""The SQLite index: units in and out, counts, searches, schema versions, locks and crashes.

Every test works on a real SQLite file in `tmp_path`; the concurrency and crash tests start real
processes.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from lextm.errors import ConflictError, ProjectError, UsageError
from lextm.model import Unit, VersionStats
from lextm.ngrams import gram_keys, posting_ids
from lextm.store import SCHEMA_VERSION, FileRecord, Store, fold

LAW = "cybersecurity-law"


def _record(path: str, sha256: str = "0" * 64) -> FileRecord:
    return FileRecord(path, "po", 100, 1_700_000_000_000_000_000, sha256)


def _unit(
    source: str,
    target: str = "",
    *,
    position: int = 0,
    document: str = LAW,
    version: str = "2016-11-07",
    state: str = "translated",
    tm: str = "project",
) -> Unit:
    return Unit(
        source,
        target,
        "zh-CN",
        "en",
        document=document,
        version=version,
        address=f"art{position + 1}",
        position=position,
        state=state,
        tm=tm,
    )


def _numbered(name: str, count: int) -> list[Unit]:
    """`count` units of a document called `name`."""
    return [
        _unit(f"{name}第{n}条", f"{name} article {n}", position=n, document=name)
        for n in range(count)
    ]


SAMPLE = [
    _unit("中华人民共和国网络安全法", "Cybersecurity Law of the People's Republic of China"),
    _unit("第一条　为了保障网络安全，制定本法。", "Article 1 This Law is formulated.", position=1),
    _unit("网信部门负责统筹协调。", "The cyberspace department coordinates.", position=2),
    _unit("ＡＢＣ公司的 Network　Operator", "ABC Company's network operator", position=3),
    _unit("50%的费用_由国家承担", '50% of the "costs" are borne', position=4),
]
REFERENCE = [
    _unit("网络安全", "network security", position=0, document="", version="", tm="moj-tw"),
    _unit("網路安全", "cyber security", position=1, document="", version="", tm="moj-tw"),
]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the index lives, as in a project."""
    return tmp_path / ".lextm" / "index.sqlite"


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    """An index holding SAMPLE (from one PO file) and REFERENCE (from one TMX file)."""
    with Store.open(path) as opened:
        opened.replace_file(_record("tm/cybersecurity-law/2016-11-07.po"), SAMPLE)
        opened.replace_file(FileRecord("tm/ref/moj-tw.tmx", "tmx", 9, 9, "f" * 64), REFERENCE)
        yield opened


def _sql(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Run one statement on the index file directly, as a test's own SQLite client."""
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(sql, params).fetchall()


def _integrity(path: Path) -> str:
    return str(_sql(path, "PRAGMA integrity_check")[0][0])


# --- folding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＡＢＣ１２３", "abc123"),  # full-width letters and digits
        ("（三）", "(三)"),  # full-width brackets
        ("Cybersecurity LAW", "cybersecurity law"),
        ("  two\u3000\tspaces \n", "two spaces"),  # ideographic space, tab, newline
        ("网络安全", "网络安全"),  # Han characters stay as they are
    ],
)
def test_fold_folds_width_case_and_whitespace(text: str, folded: str) -> None:
    """`fold` turns full-width forms half-width, lower-cases and collapses whitespace."""
    assert fold(text) == folded


# --- writing and reading -------------------------------------------------------------------------


def test_units_round_trip_every_field(path: Path) -> None:
    """A unit comes back from the index exactly as it went in, text unfolded."""
    unit = Unit(
        source="ＡＢＣ　公司",
        target="ABC  Company",
        source_lang="zh-CN",
        target_lang="en",
        document="law",
        version="v1",
        address="art8.p1.i3.s1",
        position=7,
        origin="aligned",
        state="fuzzy",
        tm="moj-tw",
        role="reference",
        note="a note",
    )
    with Store.open(path) as store:
        store.replace_file(_record("a.po"), [unit])
        assert list(store.units()) == [unit]


def test_units_come_in_tm_document_version_position_order(path: Path) -> None:
    """`units()` sorts by TM, document, version and position, whatever the insertion order."""
    shuffled = [
        _unit("丁", position=1, version="v2"),
        _unit("丙", position=0, version="v2"),
        _unit("乙", position=1, version="v1"),
        _unit("戊", document="", version="", tm="moj-tw"),
        _unit("甲", position=0, version="v1"),
    ]
    with Store.open(path) as store:
        store.replace_file(_record("a.po"), shuffled)
        assert [unit.source for unit in store.units()] == ["戊", "甲", "乙", "丙", "丁"]


def test_units_filter_by_document_version_and_tm(store: Store) -> None:
    """`units()` keeps only the units matching every filter given."""
    assert list(store.units(tm="moj-tw")) == REFERENCE
    assert list(store.units(document=LAW, version="2016-11-07")) == SAMPLE
    assert list(store.units(document=LAW, version="1999-01-01")) == []


def test_replace_file_replaces_only_that_files_units(store: Store) -> None:
    """Replacing one file's units leaves the units of every other file alone."""
    new = [_unit("新的第一条", "New article 1")]
    assert store.replace_file(_record("tm/cybersecurity-law/2016-11-07.po", "1" * 64), new) == 1
    assert list(store.units(tm="project")) == new
    assert list(store.units(tm="moj-tw")) == REFERENCE


def test_replace_file_records_the_file(store: Store) -> None:
    """The index remembers each file it was built from, with its size, mtime and hash."""
    record = _record("tm/cybersecurity-law/2016-11-07.po", "1" * 64)
    store.replace_file(record, SAMPLE)
    assert store.files()[record.path] == record
    assert sorted(store.files()) == ["tm/cybersecurity-law/2016-11-07.po", "tm/ref/moj-tw.tmx"]


def test_an_error_while_reading_units_keeps_the_old_ones(store: Store) -> None:
    """When the units cannot all be read, replace_file changes nothing."""

    def broken() -> Iterator[Unit]:
        yield _unit("新的第一条")
        raise ValueError("bad entry")

    with pytest.raises(ValueError, match="bad entry"):
        store.replace_file(_record("tm/cybersecurity-law/2016-11-07.po", "1" * 64), broken())
    assert list(store.units(tm="project")) == SAMPLE
    assert store.files()["tm/cybersecurity-law/2016-11-07.po"].sha256 == "0" * 64


def test_remove_file_forgets_the_file_and_its_units(store: Store) -> None:
    """Removing a file drops its record and its units, and nothing else."""
    store.remove_file("tm/ref/moj-tw.tmx")
    store.remove_file("tm/never-indexed.po")
    assert list(store.files()) == ["tm/cybersecurity-law/2016-11-07.po"]
    assert store.tm_counts() == {"project": len(SAMPLE)}
    assert store.concordance("網路") == []


def test_transaction_rolls_back_every_file_on_error(store: Store) -> None:
    """An error inside `transaction()` undoes every replace_file made in it."""
    with pytest.raises(RuntimeError), store.transaction():
        store.replace_file(_record("tm/other/v1.po"), _numbered("other", 3))
        store.remove_file("tm/ref/moj-tw.tmx")
        raise RuntimeError
    assert sorted(store.files()) == ["tm/cybersecurity-law/2016-11-07.po", "tm/ref/moj-tw.tmx"]
    assert store.tm_counts() == {"moj-tw": 2, "project": 5}


def test_transaction_batches_several_files(store: Store) -> None:
    """Several replace_file calls inside one `transaction()` are all committed together."""
    with store.transaction():
        for name in ("first", "second"):
            store.replace_file(_record(f"tm/{name}/v1.po"), _numbered(name, 2))
    assert store.tm_counts() == {"moj-tw": 2, "project": 9}


# --- counting ------------------------------------------------------------------------------------


def test_stats_count_each_state(path: Path) -> None:
    """Translated needs a target; reviewed is counted within it; fuzzy and the rest apart."""
    states = [
        ("translated", "done"),
        ("translated", ""),  # no target: untranslated whatever the state says
        ("reviewed", "approved"),
        ("reviewed", ""),
        ("fuzzy", "draft"),
        ("fuzzy", ""),
        ("untranslated", ""),
    ]
    units = [_unit(f"第{n}句", target, position=n, state=s) for n, (s, target) in enumerate(states)]
    with Store.open(path) as store:
        store.replace_file(_record("a.po"), units)
        assert store.stats() == [VersionStats(LAW, "2016-11-07", 7, 2, 2, 3, 1)]


def test_stats_cover_the_project_tm_only_one_row_per_version_sorted(path: Path) -> None:
    """`stats()` has one sorted row per document version of the project TM, none for references."""
    with Store.open(path) as store:
        store.replace_file(_record("b.po"), [_unit("乙", "B", document="b", version="v2")])
        store.replace_file(_record("a2.po"), [_unit("甲", "A", document="a", version="v2")])
        store.replace_file(_record("a1.po"), [_unit("甲", "", document="a", version="v1")])
        store.replace_file(_record("ref.tmx"), REFERENCE)
        assert store.stats() == [
            VersionStats("a", "v1", 1, 0, 0, 1),
            VersionStats("a", "v2", 1, 1, 0, 0),
            VersionStats("b", "v2", 1, 1, 0, 0),
        ]


def test_tm_counts_count_units_per_tm(store: Store) -> None:
    """`tm_counts()` gives the number of units in each TM."""
    assert store.tm_counts() == {"moj-tw": 2, "project": 5}


# --- searching -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "ＡＢＣ公司的 Network　Operator",
        "abc公司的 network operator",
        "  ABC公司的   NETWORK operator ",
    ],
)
def test_exact_compares_folded_sources(store: Store, query: str) -> None:
    """`exact` finds a unit whatever the width, case and spacing of the query."""
    assert store.exact(query) == [SAMPLE[3]]


def test_exact_lists_the_project_first_and_respects_the_limit(path: Path) -> None:
    """Exact matches list the project's units before reference TMs', up to `limit`."""
    units = [_unit("网络安全", tm=tm, position=n) for n, tm in enumerate(["a-ref", "project", "z"])]
    with Store.open(path) as store:
        store.replace_file(_record("a.po"), units)
        assert [unit.tm for unit in store.exact("网络安全")] == ["project", "a-ref", "z"]
        assert [unit.tm for unit in store.exact("网络安全", limit=2)] == ["project", "a-ref"]
        assert store.exact("网络") == []


@pytest.mark.parametrize(
    ("pattern", "side", "expected"),
    [
        ("法", "source", [0, 1]),  # one character: too short for the trigram index
        ("网信", "source", [2]),  # two characters
        ("网络安全", "source", [0, 1, "网络安全"]),  # the project first, then reference TMs
        ("網路安全", "both", ["網路安全"]),  # traditional script is not folded yet
        ("abc公司", "source", [3]),  # written full-width in the unit
        ("ＮＥＴＷＯＲＫ　ＯＰ", "both", [3]),  # full-width, upper case, ideographic space
        ("network", "target", [3, "网络安全"]),
        ("network", "source", [3]),
        ("CYBER", "both", [0, 2, "網路安全"]),
        ("%", "both", [4]),  # LIKE wildcards are plain characters
        ("_由", "source", [4]),
        ('"costs"', "target", [4]),  # FTS5 query syntax is plain text too
        ("no such text", "both", []),
    ],
)
def test_concordance_finds_folded_substrings(
    store: Store, pattern: str, side: str, expected: list[int | str]
) -> None:
    """`concordance` finds folded substrings of any length on the side asked for, in order."""
    found = store.concordance(pattern, side=side)
    assert [SAMPLE.index(u) if u.tm == "project" else u.source for u in found] == expected


def test_concordance_filters_by_document_and_version_and_limits(store: Store) -> None:
    """`concordance` keeps the document and version asked for, and at most `limit` units."""
    assert store.concordance("网络", document="") == REFERENCE[:1]
    assert store.concordance("网络", document=LAW, version="2016-11-07", limit=1) == SAMPLE[:1]
    assert store.concordance("网络", version="2020-01-01") == []


def test_concordance_scans_when_the_index_has_no_bigram_table(path: Path, store: Store) -> None:
    """An index without its bigram postings answers source concordance with the same units."""
    patterns = ["法", "网信", "网络安全", "abc公司", "network operator", "%", "_由"]
    expected = [store.concordance(pattern, side="source") for pattern in patterns]
    store.close()
    _sql(path, "DROP TABLE grams")
    with Store.open(path) as scanning:
        assert [scanning.concordance(p, side="source") for p in patterns] == expected


def test_concordance_of_nothing_finds_nothing(store: Store) -> None:
    """An empty or blank pattern finds no units rather than all of them."""
    assert store.concordance(" \u3000") == []


def test_concordance_rejects_an_unknown_side(store: Store) -> None:
    """`side` must be source, target or both."""
    with pytest.raises(UsageError, match="source, target or both"):
        store.concordance("法", side="middle")


def _posted(path: Path, bigram: str) -> list[int]:
    """The unit ids the bigram postings list for one bigram."""
    key = next(iter(gram_keys(bigram)))
    blobs = _sql(path, "SELECT ids FROM grams WHERE gram = ?", key)
    return sorted(unit_id for (blob,) in blobs for unit_id in posting_ids(bytes(blob)))  # type: ignore[arg-type]


def test_bigram_index_holds_exactly_the_current_units(path: Path, store: Store) -> None:
    """After replacements and removals the bigram postings list each current unit, no stale one."""
    store.replace_file(_record("tm/cybersecurity-law/2016-11-07.po"), SAMPLE[2:])
    store.remove_file("tm/ref/moj-tw.tmx")
    store.replace_file(_record("tm/other/v1.po"), [_unit("网络运营者", "network operators")])
    for bigram in ["网络", "网信", "ne", "公司", "运营", "的 "]:
        scanned = _sql(path, "SELECT id FROM units WHERE instr(source_fold, ?)", bigram)
        assert _posted(path, bigram) == sorted(unit_id for (unit_id,) in scanned)


# --- schema --------------------------------------------------------------------------------------


def test_schema_version_is_stored(path: Path) -> None:
    """A new index records the schema version of this lextm, in its meta table."""
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    stored = _sql(path, "SELECT value FROM meta WHERE key = 'schema_version'")
    assert stored == [(str(SCHEMA_VERSION),)]


def test_newer_schema_is_rejected_with_advice(path: Path) -> None:
    """An index written by a newer lextm is refused, saying to upgrade or rebuild."""
    Store.open(path).close()
    _sql(path, "UPDATE meta SET value = ? WHERE key = 'schema_version'", str(SCHEMA_VERSION + 1))
    with pytest.raises(ProjectError, match="newer lextm") as raised:
        Store.open(path)
    assert "Upgrade lextm, or delete .lextm/ and run `lextm build`." in str(raised.value)


SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE units (id INTEGER PRIMARY KEY, tm TEXT NOT NULL, document TEXT NOT NULL,
    version TEXT NOT NULL, address TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL,
    target TEXT NOT NULL, source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
    origin TEXT NOT NULL, state TEXT NOT NULL, role TEXT NOT NULL, note TEXT NOT NULL,
    source_fold TEXT NOT NULL, target_fold TEXT NOT NULL, file TEXT NOT NULL);
CREATE INDEX units_by_position ON units (document, version, position);
CREATE INDEX units_by_source ON units (source_fold);
CREATE INDEX units_by_file ON units (file);
INSERT INTO meta VALUES ('schema_version', '1'), ('fold_version', '1');
INSERT INTO files VALUES ('a.po', 'po', 1, 1, 'x');
INSERT INTO units VALUES (7, 'project', 'law', 'v1', 'art1', 0, '网络安全法', 'Cybersecurity Law',
    'zh-CN', 'en', 'aligned', 'translated', 'translate', '', '网络安全法', 'cybersecurity law',
    'a.po');
"""


def test_older_schema_is_migrated_on_open(path: Path) -> None:
    """An index of schema 1 (no trigram table) is migrated, keeping and indexing its units."""
    path.parent.mkdir()
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(SCHEMA_1)
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [unit.source for unit in store.concordance("安全法")] == ["网络安全法"]
    assert _posted(path, "安全") == [7]


def test_schema_3_origins_become_one_word(path: Path, store: Store) -> None:
    """Project units' origins written as PO note clauses become aligned, carried over …"""
    store.close()
    old = ["carried from 2018@art3.p1.s1", "repetition of art2.p1.s1", "new in 2023 (x)", "aligned"]
    for position, origin in enumerate(old):
        _sql(
            path,
            "UPDATE units SET origin = ? WHERE tm = 'project' AND position = ?",
            origin,
            position,
        )
    _sql(path, "UPDATE units SET origin = 'carried from elsewhere' WHERE tm != 'project'")
    _sql(path, "UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with Store.open(path) as reopened:
        assert reopened.schema_version == SCHEMA_VERSION
    rows = _sql(path, "SELECT origin FROM units WHERE tm = 'project' ORDER BY position")
    assert [row[0] for row in rows][:4] == [
        "carried over",
        "pretranslated",
        "translated",
        "aligned",
    ]
    assert {row[0] for row in _sql(path, "SELECT origin FROM units WHERE tm != 'project'")} == {
        "carried from elsewhere"
    }


def test_stale_folded_columns_are_refolded_on_open(path: Path, store: Store) -> None:
    """An index folded by an older `fold` is refolded the next time it is opened."""
    store.close()
    _sql(path, "UPDATE units SET source_fold = 'stale', target_fold = 'stale'")
    _sql(path, "UPDATE meta SET value = '0' WHERE key = 'fold_version'")
    with Store.open(path) as reopened:
        assert reopened.exact("abc公司的 network operator") == [SAMPLE[3]]
        assert reopened.concordance("stale") == []


def test_a_file_that_is_not_an_index_is_reported(path: Path) -> None:
    """Opening something that is not SQLite says the index is damaged and how to rebuild it."""
    path.parent.mkdir()
    path.write_bytes(b"this is not a database, just some text that happens to be here" * 20)
    with pytest.raises(ProjectError, match="not a lextm index") as raised:
        Store.open(path)
    assert "run `lextm build`" in str(raised.value)


# --- processes, locks and crashes ----------------------------------------------------------------


def _write_many(path: str, prefix: str, barrier: Barrier) -> None:
    """Replace 40 files of 100 units, one transaction each (the body of a child process)."""
    with Store.open(Path(path), timeout=30) as store:
        barrier.wait()
        for number in range(40):
            name = f"{prefix}{number}"
            store.replace_file(_record(f"tm/{name}.po"), _numbered(name, 100))


def test_two_processes_writing_at_once_lose_nothing(path: Path) -> None:
    """Two processes replacing files at the same time both succeed and every write is kept."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    writers = [
        context.Process(target=_write_many, args=(str(path), prefix, barrier))
        for prefix in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
        if writer.is_alive():
            writer.kill()
    assert [writer.exitcode for writer in writers] == [0, 0]
    with Store.open(path) as store:
        assert len(store.files()) == 80
        assert store.tm_counts() == {"project": 8000}
        assert list(store.units(document="b39")) == _numbered("b39", 100)
    assert _integrity(path) == "ok"


def _python(code: str, *args: object) -> subprocess.Popen[str]:
    """Start this interpreter on `code` in a child process."""
    argv = [sys.executable, "-c", code, *map(str, args)]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(marker: Path, child: subprocess.Popen[str]) -> None:
    """Wait until the child creates `marker`; fail with its stderr if it ends first."""
    deadline = time.monotonic() + 30
    while not marker.exists():
        if child.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the child process did not get there:\n{_kill(child)}")
        time.sleep(0.02)


def _kill(child: subprocess.Popen[str]) -> str:
    """SIGKILL the child and reap it; what it wrote on stderr."""
    child.kill()
    return child.communicate()[1]


HOLD_LOCK = """
import sys, time
from pathlib import Path
from lextm.model import Unit
from lextm.store import FileRecord, Store

with Store.open(Path(sys.argv[1])) as store, store.transaction():
    store.replace_file(FileRecord("held.po", "po", 1, 1, "h"), [Unit("甲", "A", "zh-CN", "en")])
    Path(sys.argv[2]).touch()
    time.sleep(60)
"""


def test_a_lock_held_past_the_timeout_is_a_conflict(path: Path, tmp_path: Path) -> None:
    """A writer blocked past its timeout by another process gets ConflictError saying why."""
    Store.open(path).close()
    holder = _python(HOLD_LOCK, path, tmp_path / "locked")
    try:
        _wait_for(tmp_path / "locked", holder)
        with Store.open(path, timeout=0.3) as store:
            started = time.monotonic()
            with pytest.raises(ConflictError, match="locked by another lextm process; try again"):
                store.replace_file(_record("a.po"), SAMPLE)
            assert time.monotonic() - started >= 0.25
    finally:
        _kill(holder)


def test_a_write_succeeds_once_the_lock_is_released(path: Path) -> None:
    """After a conflict, the same write works once the other writer has finished."""
    with Store.open(path) as holder, Store.open(path, timeout=0.05) as waiter:
        with holder.transaction():
            holder.replace_file(_record("held.po"), SAMPLE[:1])
            with pytest.raises(ConflictError):
                waiter.replace_file(_record("a.po"), SAMPLE)
        assert waiter.replace_file(_record("a.po"), SAMPLE) == len(SAMPLE)
        assert sorted(waiter.files()) == ["a.po", "held.po"]


KILLED_WRITER = """
import sys, time
from pathlib import Path
from lextm.model import Unit
from lextm.store import FileRecord, Store

def units():
    for n in range(1_000_000):
        if n == 30_000:
            Path(sys.argv[2]).touch()
            time.sleep(60)
        yield Unit(f"新的第{n}条", f"new article {n}", "zh-CN", "en", "law", "v1", position=n)

with Store.open(Path(sys.argv[1])) as store:
    store.replace_file(FileRecord("tm/law/v1.po", "po", 2, 2, "new"), units())
"""


def test_sigkill_in_the_middle_of_a_replace_keeps_the_old_units(path: Path, tmp_path: Path) -> None:
    """A writer killed in the middle of replace_file leaves a sound index with the old units."""
    old = [_unit(f"旧的第{n}条", f"old article {n}", position=n, document="law") for n in range(50)]
    with Store.open(path) as store:
        store.replace_file(_record("tm/law/v1.po", "old"), old)
    writer = _python(KILLED_WRITER, path, tmp_path / "halfway")
    _wait_for(tmp_path / "halfway", writer)
    assert path.with_name("index.sqlite-wal").stat().st_size > 0  # uncommitted pages on disk
    _kill(writer)
    assert _integrity(path) == "ok"
    with Store.open(path) as store:
        assert list(store.units()) == old
        assert store.files()["tm/law/v1.po"].sha256 == "old"
        assert store.concordance("新的第") == []
        assert len(store.concordance("旧的第")) == 50


# --- rebuilding and speed ------------------------------------------------------------------------


def _project() -> dict[FileRecord, list[Unit]]:
    """A small project: two versions of a law, a second law, and a reference TM."""
    v2 = [replace(unit, version="2024-01-01", state="fuzzy") for unit in SAMPLE[:3]]
    return {
        _record("tm/cybersecurity-law/2016-11-07.po"): SAMPLE,
        _record("tm/cybersecurity-law/2024-01-01.po"): v2,
        _record("tm/data-law/2021-06-10.po"): _numbered("data-law", 30),
        FileRecord("tm/ref/moj-tw.tmx", "tmx", 9, 9, "f" * 64): REFERENCE * 3,
    }


def _answers(store: Store) -> tuple[object, ...]:
    """What the commands read from an index: units, stats, counts, files and searches."""
    searches = ["法", "网络", "网络安全", "article 1", "network", "ＡＢＣ"]
    return (
        list(store.units()),
        store.stats(),
        store.tm_counts(),
        store.files(),
        [store.concordance(pattern) for pattern in searches],
        [store.exact(unit.source) for unit in SAMPLE],
    )


def test_rebuilding_from_scratch_gives_identical_results(tmp_path: Path) -> None:
    """The same files indexed into a fresh store, in another order, give the same answers."""
    project = _project()
    with Store.open(tmp_path / "first.sqlite") as first:
        for record, units in project.items():
            first.replace_file(record, units)
        first.remove_file("tm/data-law/2021-06-10.po")
        first.replace_file(_record("tm/data-law/2021-06-10.po"), _numbered("data-law", 30))
        answers = _answers(first)
    with Store.open(tmp_path / "rebuilt.sqlite") as rebuilt:
        for record, units in reversed(project.items()):
            rebuilt.replace_file(record, units)
        assert _answers(rebuilt) == answers


def test_inserting_100000_units_takes_seconds(path: Path) -> None:
    """A hundred thousand units go into the index in one replace_file within a few seconds."""
    units = (
        _unit(f"第{n}条　网络运营者应当按照网络安全等级保护制度的要求", f"Article {n} operators")
        for n in range(100_000)
    )
    with Store.open(path) as store:
        started = time.monotonic()
        assert store.replace_file(_record("big.tmx"), units) == 100_000
        assert time.monotonic() - started < 15
        assert len(store.concordance("第99999条")) == 1
