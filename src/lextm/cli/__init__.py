"""The `lextm` command line: a thin shell over the library.

Commands import what they need when they run, so `lextm --help` and `lextm --version` load
neither jieba nor SQLite. Errors from the library are turned into messages in one place, the
command group (`base._Group`). Each module here registers one family of commands.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import formats, match, project, publish, quality, text, versions  # noqa: F401  (registration)
from .base import cli

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `lextm` console script."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="lextm")
    except BrokenPipeError:
        sys.exit(0)
