"""One hierarchy for every error lextm reports to a user.

Each error knows its exit code and renders itself as one sentence naming the file and line where
that applies; the CLI turns them into messages in one place. Anything else escaping is a bug.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ConflictError",
    "InputError",
    "LextmError",
    "NotFoundError",
    "ProjectError",
    "UsageError",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class LextmError(Exception):
    """Base of all errors lextm reports; `exit_code` 2 means bad usage or bad input."""

    exit_code = EXIT_BAD_INPUT

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        text = f"{where}{self.message}"
        if self.hint:
            # One sentence says what is wrong, the next what to do.
            text = text.rstrip() + ("" if text.rstrip().endswith((".", "!", "?")) else ".")
            text += f" {self.hint}"
        return text


class InputError(LextmError):
    """A file lextm was asked to read is missing, unreadable or not what it should be."""


class UsageError(LextmError):
    """The command was called with arguments that do not fit together."""


class NotFoundError(LextmError):
    """A document, version, address or file named by the user does not exist."""


class ProjectError(LextmError):
    """The project folder or its `lextm.toml` is missing or inconsistent."""


class ConflictError(LextmError):
    """A file changed on disk between lextm's read and its write, or another writer holds a lock."""
