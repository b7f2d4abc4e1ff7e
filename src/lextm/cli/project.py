"""Project commands: init, import, export-text, build, stats."""

from __future__ import annotations

from pathlib import Path

import click

from .base import (
    ENCODING_HELP,
    cli,
    emit_json,
    file_argument,
    open_project,
    project_option,
)
from .text import _pair_json, _pair_text

__all__: list[str] = []


@cli.command()
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False), default=".", required=False
)
@click.option("--source", default="zh-CN", show_default=True, help="Source language (BCP 47).")
@click.option("--target", default="en", show_default=True, help="Target language (BCP 47).")
def init(folder: Path, source: str, target: str) -> None:
    """Create a project: lextm.toml, glossary/, tm/ and a git-ignored .lextm/."""
    from ..project import init_project

    project = init_project(folder, source=source, target=target)
    click.echo(f"created {project.config_path}")


@cli.command("import")
@file_argument
@click.option("--doc", "document", required=True, help="Document slug, e.g. prc-company-law.")
@click.option("--version", "version", required=True, help="Version label, e.g. 2023-12-29.")
@click.option(
    "--date", default=None, help="Version date (YYYY-MM-DD); read from the note if absent."
)
@click.option(
    "--kind",
    type=click.Choice(["original", "amendment", "revision"]),
    default="original",
    show_default=True,
    help="What kind of version this is.",
)
@click.option(
    "--role",
    type=click.Choice(["translate", "reference"]),
    default=None,
    help="Role of a new document (default translate).",
)
@click.option("--jurisdiction", default=None, help="Jurisdiction of a new document: PRC, TW, HK…")
@click.option(
    "--translation",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="An existing translation to align and fill in.",
)
@click.option(
    "--replace", is_flag=True, help="Re-import over a different text, keeping translations."
)
@click.option(
    "--from",
    "carry_from",
    default=None,
    metavar="LABEL",
    help="Carry translations from this version (default: the latest earlier one that has some).",
)
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@project_option
def import_(
    file: Path,
    document: str,
    version: str,
    date: str | None,
    kind: str,
    role: str | None,
    jurisdiction: str | None,
    translation: Path | None,
    replace: bool,
    carry_from: str | None,
    encoding: str | None,
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Import a law version into tm/DOC/VERSION.po (with its translation aligned, if given).

    A new version of a document that already has translations gets them carried forward:
    unchanged segments translated, changed ones fuzzy with the previous source, references
    to renumbered articles rewritten; the summary lists what needs work."""
    from ..ingest import import_version
    from .versions import carry_json, carry_lines

    project = open_project(project_dir)
    _, result = import_version(
        project,
        file,
        document=document,
        version=version,
        date=date,
        kind=kind,
        role=role,
        translation=translation,
        replace_existing=replace,
        encoding=encoding,
        jurisdiction=jurisdiction,
        carry_from=carry_from,
    )
    if as_json:
        emit_json(
            {
                "path": str(result.path),
                "written": result.written,
                "entries": result.entries,
                "translated": result.translated,
                "kept": result.kept,
                "low_confidence": [_pair_json(p) for p in result.low_confidence],
                "carried": carry_json(result.carried),
            }
        )
        return
    state = "wrote" if result.written else "unchanged:"
    click.echo(f"{state} {result.path} ({result.entries} entries, {result.translated} translated)")
    if result.kept:
        click.echo(f"kept {result.kept} translations of unchanged segments")
    for pair in result.low_confidence:
        click.echo(f"low confidence ({pair.confidence:.2f}): {_pair_text(pair)}")
    for line in carry_lines(result.carried):
        click.echo(line)


@cli.command("export-text")
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--side",
    type=click.Choice(["source", "target"]),
    default="source",
    show_default=True,
    help="Which language to write; untranslated entries fall back to the source.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
def export_text(po_file: Path, side: str, output: Path | None) -> None:
    """Rebuild the plain law text of one side from a bilingual PO file."""
    from ..fileio import atomic_write_text
    from ..formats.po import read_po
    from ..formats.text import render_text

    doc, _ = read_po(po_file)
    text = render_text(doc, side)
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
    if side == "target":
        missing = sum(1 for e in doc.entries if not e.target)
        if missing:
            click.echo(f"{missing} untranslated entries written in the source language", err=True)


@cli.command()
@click.option("--full", is_flag=True, help="Rebuild the index from scratch.")
@project_option
def build(full: bool, project_dir: Path | None) -> None:
    """Bring the index (.lextm/) up to date with glossary/ and tm/."""
    from ..build import build_index

    project = open_project(project_dir)
    report = build_index(project, full=full, progress=lambda m: click.echo(m, err=True))
    click.echo(
        f"{report.files} files, {report.read} read, {report.removed} removed, "
        f"{report.units} units indexed in {report.seconds:.2f} s"
    )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one record per document version.")
@project_option
def stats(as_json: bool, project_dir: Path | None) -> None:
    """Segments, translated, fuzzy and untranslated counts per document version."""
    from dataclasses import asdict

    from ..build import project_stats

    rows = project_stats(open_project(project_dir))
    if as_json:
        emit_json([asdict(row) for row in rows])
        return
    click.echo(
        f"{'document':40} {'version':12} {'segments':>8} {'done':>6} {'fuzzy':>6} {'empty':>6}"
    )
    for row in rows:
        share = 100 * row.translated / row.segments if row.segments else 0.0
        click.echo(
            f"{row.document:40} {row.version:12} {row.segments:8} {share:5.1f}% "
            f"{row.fuzzy:6} {row.untranslated:6}"
        )
