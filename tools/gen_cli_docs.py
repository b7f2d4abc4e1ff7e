"""Write docs/cli.md from the commands' own --help texts (run after changing the CLI)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lextm.cli import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
INTRO = """# Command reference

Generated from `lextm --help` by `python tools/gen_cli_docs.py`; a test keeps it current.
Exit codes: 0 success, 1 problems found, 2 bad usage or bad input (docs/data-contract.md).
"""


def _help(command: click.Command, name: str) -> str:
    settings = {**cli.context_settings, "terminal_width": 100, "max_content_width": 100}
    with click.Context(command, info_name=name, **settings) as ctx:
        return command.get_help(ctx)


def render() -> str:
    """The whole reference page."""
    parts = [INTRO, "## lextm\n\n```\n" + _help(cli, "lextm") + "\n```\n"]
    assert isinstance(cli, click.Group)
    for name in sorted(cli.commands):
        command = cli.commands[name]
        parts.append(f"## lextm {name}\n\n```\n" + _help(command, f"lextm {name}") + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
