"""The `lextm` command line: a thin shell over the library.

Commands import what they need when they run, so `lextm --help` and `lextm --version` load
neither jieba nor SQLite. Errors from the library are turned into messages here and only here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import LextmError

__all__ = ["cli", "main"]

_ENCODING_HELP = "Encoding of FILE (utf-8, gb18030, gbk, big5, …); detected when omitted."
_LANG_HELP = "Language of FILE (zh or en); detected when omitted."


def _emit_json(data: Any) -> None:
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


_file_argument = click.argument("file", type=click.Path(path_type=Path, dir_okay=False))


@cli.command()
@_file_argument
@click.option("--json", "as_json", is_flag=True, help="Print the outline as JSON.")
@click.option("--explain", is_flag=True, help="List every change the input clean-up made.")
@click.option("--encoding", default=None, help=_ENCODING_HELP)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP)
def outline(
    file: Path, as_json: bool, explain: bool, encoding: str | None, lang: str | None
) -> None:
    """Print the provision tree of a law text (title, note, headings, articles) with counts."""
    from .report import outline_data, outline_lines
    from .structure import parse_law

    law = parse_law(file, lang=lang, encoding=encoding)
    if as_json:
        _emit_json(outline_data(law))
        return
    for line in outline_lines(law, explain=explain):
        click.echo(line)


@cli.command()
@_file_argument
@click.option("--json", "as_json", is_flag=True, help="Print the segments as JSON.")
@click.option("--explain", is_flag=True, help="List every change the input clean-up made.")
@click.option("--encoding", default=None, help=_ENCODING_HELP)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP)
@click.option("--words", is_flag=True, help="Also show the jieba word segmentation (Chinese).")
def segments(
    file: Path,
    as_json: bool,
    explain: bool,
    encoding: str | None,
    lang: str | None,
    words: bool,
) -> None:
    """Print the sentence segments of a law text, each with its address."""
    from .report import cleanup_lines, segment_data
    from .structure import parse_law
    from .structure.segments import segment_law

    law = parse_law(file, lang=lang, encoding=encoding)
    found = segment_law(law)
    cut = _word_cutter() if words and law.lang == "zh" else None
    if as_json:
        _emit_json(segment_data(law, found, cut))
        return
    for segment in found:
        click.echo(f"{segment.address}\t{segment.text}")
        if cut is not None:
            click.echo("\t" + " / ".join(cut(segment.text)))
    if explain:
        for line in cleanup_lines(law):
            click.echo(line, err=True)


def _word_cutter() -> Any:
    from .segment import get_tokenizer

    return get_tokenizer().cut


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `lextm` console script."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="lextm")
    except BrokenPipeError:
        sys.exit(0)
