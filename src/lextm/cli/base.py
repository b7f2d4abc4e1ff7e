"""The command group, its error handling and the options commands share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..errors import LextmError

__all__ = [
    "ENCODING_HELP",
    "LANG_HELP",
    "cli",
    "emit_json",
    "file_argument",
    "open_project",
    "project_option",
]

ENCODING_HELP = "Encoding of FILE (utf-8, gb18030, gbk, big5, …); detected when omitted."
LANG_HELP = "Language of FILE (zh or en); detected when omitted."


def emit_json(data: Any) -> None:
    """Print data as indented JSON, Chinese as itself."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


class _Group(click.Group):
    """The command group; the one place where library errors become CLI messages."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LextmError as error:
            click.echo(f"lextm: error: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", "-V", prog_name="lextm")
def cli() -> None:
    """Bilingual glossary and translation memory for legal and regulatory texts."""


file_argument = click.argument("file", type=click.Path(path_type=Path, dir_okay=False))


project_option = click.option(
    "--project",
    "project_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The project folder (default: found from the current folder upward).",
)


def open_project(project_dir: Path | None) -> Any:
    """The project named by --project, or found from the current folder upward."""
    from ..project import find_project

    return find_project(explicit=project_dir)
