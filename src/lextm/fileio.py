"""Reading files with a fingerprint, and writing them atomically unless they changed meanwhile.

`atomic_write` writes to a temporary file in the target's folder (`.<name>.<random>.tmp`),
flushes and syncs it, checks that the target is still what lextm read (`expect`), renames the
temporary file over the target and syncs the folder. A reader therefore sees the old file or the
new one, never a mixture, even if the process is killed. A kill between the creation of the
temporary file and the rename leaves that temporary file behind: the next `atomic_write` in the
same folder and `lextm build` (for the whole `tm/` tree) remove such orphans once they are older
than a minute, so a write still in progress elsewhere is never touched.

No third-party imports: every layer may use this module.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, TypeAlias

from .errors import ConflictError, InputError

__all__ = [
    "Expect",
    "Fingerprint",
    "atomic_write",
    "atomic_write_text",
    "clean_orphans",
    "read_bytes",
]

ORPHAN_AGE = 60.0  # seconds; a temporary file this old belongs to no running write
_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{16}\.tmp$")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file was when lextm read it: size, modification time and content hash."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        """The file's fingerprint now, or None if it does not exist; read in blocks, so a
        reference TM of gigabytes is hashed in constant memory."""
        try:
            with path.open("rb") as handle:
                status = os.fstat(handle.fileno())
                size, digest = _hash_stream(handle)
        except FileNotFoundError:
            return None
        return cls(size, status.st_mtime_ns, digest)

    def matches(self, path: Path) -> bool:
        """Whether `path` still holds this content; a touch without a change still matches."""
        try:
            status = path.stat()
        except FileNotFoundError:
            return False
        if status.st_size != self.size:
            return False
        if status.st_mtime_ns == self.mtime_ns:
            return True
        with path.open("rb") as handle:
            return _hash_stream(handle)[1] == self.sha256


# What a write expects to find: "any" file, no file (None), or the file as it was read.
Expect: TypeAlias = Fingerprint | Literal["any"] | None


def read_bytes(path: Path) -> tuple[bytes, Fingerprint]:
    """The file's content and fingerprint; InputError naming the file if it cannot be read."""
    try:
        return _read(path)
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="Check the path.") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=path) from None


def atomic_write(path: Path, data: bytes, *, expect: Expect = "any") -> Fingerprint:
    """Replace `path` with `data` atomically and return the new fingerprint.

    `expect` guards against lost updates: None means the file must not exist yet, a
    `Fingerprint` that it must still hold what was read, "any" skips the check. On a conflict
    ConflictError is raised and nothing is written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp, fd = _create_temp(path)
    try:
        fingerprint = _fill(fd, data, _mode_of(path))
        _check(path, expect)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    _remove_orphans(path.parent.glob(".*.tmp"), time.time() - ORPHAN_AGE)
    return fingerprint


def atomic_write_text(path: Path, text: str, *, expect: Expect = "any") -> Fingerprint:
    """`atomic_write` of `text` as UTF-8, newlines written as they are ("\\n")."""
    return atomic_write(path, text.encode("utf-8"), expect=expect)


def clean_orphans(directory: Path, *, older_than: float = ORPHAN_AGE) -> list[Path]:
    """Remove temporary files of interrupted writes in `directory` and below; the ones removed.

    Only names `atomic_write` gives (`.<name>.<16 hex digits>.tmp`) and only files older than
    `older_than` seconds are removed, so a write in progress keeps its file.
    """
    if not directory.is_dir():
        return []
    return _remove_orphans(directory.rglob(".*.tmp"), time.time() - older_than)


# --- helpers -------------------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_stream(handle: BinaryIO) -> tuple[int, str]:
    """Size and SHA-256 of what is left in `handle`, read a megabyte at a time."""
    digest = hashlib.sha256()
    size = 0
    while block := handle.read(1 << 20):
        digest.update(block)
        size += len(block)
    return size, digest.hexdigest()


def _read(path: Path) -> tuple[bytes, Fingerprint]:
    with path.open("rb") as handle:
        status = os.fstat(handle.fileno())
        data = handle.read()
    return data, Fingerprint(len(data), status.st_mtime_ns, _sha256(data))


def _create_temp(path: Path) -> tuple[Path, int]:
    """A new temporary file beside `path`; created with 0o666 so the umask decides its mode."""
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None


def _fill(fd: int, data: bytes, mode: int | None) -> Fingerprint:
    """Write, flush and sync the temporary file; its fingerprint (a rename keeps the mtime)."""
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        if mode is not None:
            os.fchmod(handle.fileno(), mode)  # a rewrite keeps the file's permissions
        os.fsync(handle.fileno())
        status = os.fstat(handle.fileno())
    return Fingerprint(len(data), status.st_mtime_ns, _sha256(data))


def _check(path: Path, expect: Expect) -> None:
    if expect == "any":
        return
    unchanged = not path.exists() if expect is None else expect.matches(path)
    if not unchanged:
        raise ConflictError(
            "changed on disk since lextm read it (saved by an editor?); nothing was written",
            path=path,
            hint="Re-run the command to work on the new version.",
        )


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened for syncing everywhere."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_orphans(candidates: Iterable[Path], before: float) -> list[Path]:
    removed = []
    for temp in candidates:
        try:
            if _TEMP_NAME.match(temp.name) and temp.stat().st_mtime < before:
                temp.unlink()
                removed.append(temp)
        except FileNotFoundError:
            continue  # another process cleaned it first
    return sorted(removed)
