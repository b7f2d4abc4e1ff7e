"""Exchange commands: tm (add, list, remove), export, apply-xliff, glossary import and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .base import cli, emit_json, file_argument, open_project, project_option
from .quality import glossary

__all__: list[str] = []

_TM_FORMATS = ["po", "tmx", "xliff", "xliff2", "tsv", "csv", "lines"]
_TERM_FORMATS = ["tbx", "tsv", "csv"]
_STATES = ["untranslated", "fuzzy", "translated", "reviewed"]


def _report(tally: Any, as_json: bool, **extra: Any) -> None:
    if as_json:
        emit_json({**extra, **tally.as_json()})
        return
    for line in tally.lines():
        click.echo(line)


@cli.group()
def tm() -> None:
    """Manage reference translation memories (TMX, PO, XLIFF, TSV/CSV, line-aligned pairs)."""


@tm.command("add")
@file_argument
@click.option("--name", required=True, help="Name of the TM in the project (a slug).")
@click.option("--penalty", type=int, default=0, show_default=True, help="Match penalty (points).")
@click.option(
    "--format", "format_name", type=click.Choice(_TM_FORMATS), default=None, help="File format."
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@project_option
def tm_add(
    file: Path,
    name: str,
    penalty: int,
    format_name: str | None,
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Add a bilingual FILE as reference TM NAME: copied into tm/ref/ (unless it is inside the
    project already), recorded in lextm.toml and indexed. For a line-aligned pair give one of
    its files (corpus.zh, with corpus.en beside it)."""
    from ..exchange import add_reference_tm

    project = open_project(project_dir)
    ref, tally = add_reference_tm(
        project, file, name=name, penalty=penalty, format_name=format_name
    )
    if not as_json:
        click.echo(f"added {ref.name}: {ref.file} (penalty {ref.penalty})")
    _report(tally, as_json, name=ref.name, file=ref.file)


@tm.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one record per TM.")
@project_option
def tm_list(as_json: bool, project_dir: Path | None) -> None:
    """The project's TM and its reference TMs, with their unit counts."""
    from dataclasses import asdict

    from ..exchange import list_reference_tms

    listed = list_reference_tms(open_project(project_dir))
    if as_json:
        emit_json([asdict(item) for item in listed])
        return
    for item in listed:
        where = f"  {item.file} (penalty {item.penalty})" if item.file else ""
        click.echo(f"{item.name:24} {item.units:8} units{where}")


@tm.command("remove")
@click.argument("name")
@project_option
def tm_remove(name: str, project_dir: Path | None) -> None:
    """Remove reference TM NAME: from lextm.toml, the index and tm/ref/."""
    from ..exchange import remove_reference_tm

    removed = remove_reference_tm(open_project(project_dir), name)
    click.echo(f"removed {name}" + (f" and {len(removed)} file(s) in tm/ref/" if removed else ""))


@cli.command("export")
@file_argument
@click.option(
    "--format",
    "format_name",
    type=click.Choice(_TM_FORMATS),
    default=None,
    help="Output format (default: from FILE's extension).",
)
@click.option("--doc", "document", default=None, help="Only this document.")
@click.option("--version", "version", default=None, help="Only this version.")
@click.option(
    "--state", "states", type=click.Choice(_STATES), multiple=True, help="Only these states."
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@project_option
def export(
    file: Path,
    format_name: str | None,
    document: str | None,
    version: str | None,
    states: tuple[str, ...],
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Export the project's TM to FILE (TMX, XLIFF 1.2 or 2.0, PO, TSV, CSV, line-aligned)."""
    from ..exchange import export_units

    tally = export_units(
        open_project(project_dir),
        file,
        format_name=format_name,
        document=document,
        version=version,
        states=states,
    )
    _report(tally, as_json, file=str(file))


@cli.command("apply-xliff")
@file_argument
@click.option("--force", is_flag=True, help="Also change entries marked reviewed.")
@click.option("--doc", "document", default=None, help="Document, if the file does not say.")
@click.option("--version", "version", default=None, help="Version, if the file does not say.")
@project_option
def apply_xliff(
    file: Path, force: bool, document: str | None, version: str | None, project_dir: Path | None
) -> None:
    """Merge the translations of a returned XLIFF FILE into the PO files, by address."""
    from ..exchange import apply_xliff_file

    project = open_project(project_dir)
    for path, lines in apply_xliff_file(
        project, file, force=force, document=document, version=version
    ):
        click.echo(f"{project.relative(path)}: " + lines[0])
        for line in lines[1:]:
            click.echo(f"  {line}")


@glossary.command("import")
@file_argument
@click.option(
    "--format", "format_name", type=click.Choice(_TERM_FORMATS), default=None, help="File format."
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@project_option
def glossary_import(
    file: Path, format_name: str | None, as_json: bool, project_dir: Path | None
) -> None:
    """Add the terms of a TBX, TSV or CSV FILE to the project's glossary file."""
    from ..exchange import import_glossary

    result = import_glossary(open_project(project_dir), file, format_name=format_name)
    counts = {"added": result.added, "updated": result.updated, "unchanged": result.unchanged}
    if not as_json:
        click.echo(", ".join(f"{count} {what}" for what, count in counts.items()))
    _report(result.tally, as_json, **counts)


@glossary.command("export")
@file_argument
@click.option(
    "--format",
    "format_name",
    type=click.Choice(_TERM_FORMATS),
    default=None,
    help="Output format (default: from FILE's extension).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@project_option
def glossary_export(
    file: Path, format_name: str | None, as_json: bool, project_dir: Path | None
) -> None:
    """Write the project's glossary to FILE as TBX-Basic, TSV or CSV."""
    from ..exchange import export_glossary

    tally = export_glossary(open_project(project_dir), file, format_name=format_name)
    _report(tally, as_json, file=str(file))
