"""Atomic writes with conflict detection: `lextm.fileio`."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lextm.errors import ConflictError, InputError
from lextm.fileio import (
    ORPHAN_AGE,
    Fingerprint,
    atomic_write,
    atomic_write_text,
    clean_orphans,
    read_bytes,
)

SRC = Path(__file__).resolve().parents[1] / "src"


def _temp_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob(".*.tmp"))


def _age(path: Path, seconds: float) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


# --- reading and fingerprints --------------------------------------------------------------------


def test_write_then_read_gives_the_bytes_and_fingerprint_back(tmp_path: Path) -> None:
    """What `atomic_write` writes, `read_bytes` reads, with the fingerprint the write returned."""
    path = tmp_path / "a.po"
    written = atomic_write(path, b'msgid ""\n')
    data, fingerprint = read_bytes(path)
    assert data == b'msgid ""\n'
    assert fingerprint == written == Fingerprint.of(path)
    assert fingerprint.size == len(data)


def test_fingerprint_of_a_missing_file_is_none(tmp_path: Path) -> None:
    """`Fingerprint.of` says None for a file that does not exist."""
    assert Fingerprint.of(tmp_path / "missing.po") is None


def test_reading_a_missing_file_names_it(tmp_path: Path) -> None:
    """A missing file is an InputError naming the file."""
    with pytest.raises(InputError) as caught:
        read_bytes(tmp_path / "missing.po")
    assert caught.value.path == str(tmp_path / "missing.po")
    assert "not found" in str(caught.value)


def test_reading_a_folder_is_an_input_error(tmp_path: Path) -> None:
    """A folder given as a file is an InputError, not a traceback."""
    with pytest.raises(InputError, match="folder"):
        read_bytes(tmp_path)


# --- conflict detection --------------------------------------------------------------------------


def test_a_file_rewritten_since_it_was_read_is_a_conflict(tmp_path: Path) -> None:
    """If someone saved the file after lextm read it, the write is refused and theirs stays."""
    path = tmp_path / "a.po"
    path.write_bytes(b"old\n")
    _, fingerprint = read_bytes(path)
    path.write_bytes(b"saved by an editor\n")
    with pytest.raises(ConflictError) as caught:
        atomic_write(path, b"lextm's\n", expect=fingerprint)
    assert caught.value.path == str(path)
    assert "nothing was written" in caught.value.message
    assert caught.value.hint == "Re-run the command to work on the new version."
    assert path.read_bytes() == b"saved by an editor\n"


def test_same_size_new_content_is_a_conflict(tmp_path: Path) -> None:
    """A change that keeps the size is still caught, by the modification time and the hash."""
    path = tmp_path / "a.po"
    path.write_bytes(b"aaaa")
    _, fingerprint = read_bytes(path)
    path.write_bytes(b"bbbb")
    os.utime(path, ns=(fingerprint.mtime_ns + 10**9, fingerprint.mtime_ns + 10**9))
    with pytest.raises(ConflictError):
        atomic_write(path, b"cccc", expect=fingerprint)


def test_a_touch_without_change_is_not_a_conflict(tmp_path: Path) -> None:
    """A new modification time with the same content (a `touch`) lets the write through."""
    path = tmp_path / "a.po"
    path.write_bytes(b"same\n")
    _, fingerprint = read_bytes(path)
    later = fingerprint.mtime_ns + 5 * 10**9
    os.utime(path, ns=(later, later))
    atomic_write(path, b"new\n", expect=fingerprint)
    assert path.read_bytes() == b"new\n"


def test_a_file_deleted_since_it_was_read_is_a_conflict(tmp_path: Path) -> None:
    """Expecting a file that has gone away is a conflict too: nothing is recreated."""
    path = tmp_path / "a.po"
    path.write_bytes(b"x")
    _, fingerprint = read_bytes(path)
    path.unlink()
    with pytest.raises(ConflictError):
        atomic_write(path, b"y", expect=fingerprint)
    assert not path.exists()


def test_expect_none_refuses_a_file_that_appeared(tmp_path: Path) -> None:
    """`expect=None` means "must not exist yet": a file created meanwhile is kept."""
    path = tmp_path / "a.po"
    assert Fingerprint.of(path) is None
    path.write_bytes(b"theirs")
    with pytest.raises(ConflictError):
        atomic_write(path, b"ours", expect=None)
    assert path.read_bytes() == b"theirs"


def test_expect_none_creates_the_file_and_its_folders(tmp_path: Path) -> None:
    """A new file is written, parent folders included."""
    path = tmp_path / "tm" / "doc" / "2021.po"
    atomic_write(path, b"new", expect=None)
    assert path.read_bytes() == b"new"


def test_expect_any_overwrites_whatever_is_there(tmp_path: Path) -> None:
    """The default `expect="any"` writes without checking."""
    path = tmp_path / "a.po"
    path.write_bytes(b"old")
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"


# --- temporary files -----------------------------------------------------------------------------


def test_no_temporary_file_is_left_after_a_conflict(tmp_path: Path) -> None:
    """A refused write removes its temporary file."""
    path = tmp_path / "a.po"
    path.write_bytes(b"theirs")
    with pytest.raises(ConflictError):
        atomic_write(path, b"ours", expect=None)
    assert _temp_files(tmp_path) == []


def test_no_temporary_file_is_left_when_the_write_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any exception while writing removes the temporary file and leaves the target alone."""
    path = tmp_path / "a.po"
    path.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert _temp_files(tmp_path) == []


def test_no_temporary_file_is_left_after_a_successful_write(tmp_path: Path) -> None:
    """The temporary file becomes the target: nothing else remains in the folder."""
    atomic_write(tmp_path / "a.po", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.po"]


def test_clean_orphans_removes_only_old_temporary_files_of_lextm(tmp_path: Path) -> None:
    """Old `.<name>.<hex>.tmp` files go, in subfolders too; fresh ones and others' files stay."""
    old = tmp_path / "doc" / ".2021.po.0123456789abcdef.tmp"
    fresh = tmp_path / "doc" / ".2022.po.fedcba9876543210.tmp"
    foreign = tmp_path / "doc" / ".editor-swap.tmp"
    for path in (old, fresh, foreign):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"partial")
    _age(old, ORPHAN_AGE + 5)
    _age(foreign, ORPHAN_AGE + 5)
    assert clean_orphans(tmp_path) == [old]
    assert fresh.exists() and foreign.exists() and not old.exists()


def test_a_write_cleans_old_orphans_in_its_folder(tmp_path: Path) -> None:
    """A later write in the same folder removes orphans an interrupted write left."""
    orphan = tmp_path / ".a.po.0123456789abcdef.tmp"
    orphan.write_bytes(b"partial")
    _age(orphan, ORPHAN_AGE + 5)
    atomic_write(tmp_path / "a.po", b"x")
    assert not orphan.exists()


def test_clean_orphans_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    """Cleaning a folder that does not exist does nothing."""
    assert clean_orphans(tmp_path / "tm") == []


# --- text, permissions ---------------------------------------------------------------------------


def test_text_is_written_as_utf8_with_newlines_untranslated(tmp_path: Path) -> None:
    """`atomic_write_text` writes UTF-8 and "\\n" exactly as given."""
    path = tmp_path / "a.po"
    atomic_write_text(path, "第一条\n“引号”\n")
    assert path.read_bytes() == "第一条\n“引号”\n".encode()


def test_a_rewrite_keeps_the_file_permissions(tmp_path: Path) -> None:
    """Replacing a file keeps its mode instead of the temporary file's."""
    path = tmp_path / "a.po"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    """A new file gets the usual permissions (0o666 less the umask), not 0o600."""
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.po", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "a.po").stat().st_mode & 0o777 == 0o644


# --- killed writers ------------------------------------------------------------------------------

_WRITER = """
import sys
from pathlib import Path
from lextm.fileio import atomic_write
path, a, b = Path(sys.argv[1]), b"A" * 3_000_000 + b"\\n", b"B" * 2_000_000 + b"\\n"
atomic_write(path, a)
print("ready", flush=True)
count = 0
while True:
    atomic_write(path, b if count % 2 == 0 else a)
    count += 1
"""


def _kill_writer_after(path: Path, delay: float) -> None:
    paths = [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, env=env
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == b"ready\n"
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    writer.stdout.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_at_any_moment_leaves_old_or_new_content(tmp_path: Path) -> None:
    """SIGKILL during a loop of writes leaves the file exactly A or B, never partial."""
    a, b = b"A" * 3_000_000 + b"\n", b"B" * 2_000_000 + b"\n"
    rng = random.Random()
    for round_ in range(5):
        path = tmp_path / f"round{round_}.po"
        delay = rng.uniform(0.02, 0.3)
        _kill_writer_after(path, delay)
        assert path.read_bytes() in (a, b), f"partial content after a kill at {delay:.3f}s"
    for orphan in _temp_files(tmp_path):
        _age(orphan, ORPHAN_AGE + 5)
    clean_orphans(tmp_path)
    assert _temp_files(tmp_path) == []
