"""The publish command: parallel text of a document version."""

from __future__ import annotations

from pathlib import Path

import click

from .base import cli, open_project, project_option

__all__: list[str] = []


@cli.command()
@click.argument("document")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder to write the files into (created if missing).",
)
@click.option("--no-check", is_flag=True, help="Do not run the checks for the review findings.")
@project_option
def publish(document: str, out_dir: Path, no_check: bool, project_dir: Path | None) -> None:
    """Publish DOC[@VERSION] as bilingual HTML, Markdown, English text, TMX and line-aligned
    text (the latest version by date when none is given)."""
    from ..publishing import publish_version

    project = open_project(project_dir)
    result = publish_version(
        project,
        document,
        out_dir,
        check=not no_check,
        progress=lambda message: click.echo(message, err=True),
    )
    for path in result.files:
        click.echo(str(path))
    click.echo(
        f"{result.articles} articles published, {result.findings} review findings shown",
        err=True,
    )
