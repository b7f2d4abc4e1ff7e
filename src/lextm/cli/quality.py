"""Quality commands: check, glossary (add, list, search, remove), terms extract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import LextmError
from .base import (
    cli,
    emit_json,
    open_project,
    project_option,
)

__all__: list[str] = []


@cli.command("check")
@click.argument("target", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write a self-contained HTML report to this file.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit with 1 when findings reach this severity.",
)
@click.option("--only", multiple=True, help="Run only this check (repeatable).")
@click.option("--skip", multiple=True, help="Skip this check (repeatable).")
@click.option("--list", "list_checks", is_flag=True, help="List the checks and exit.")
@project_option
def check_(
    target: str | None,
    as_json: bool,
    html_out: Path | None,
    fail_on: str,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    list_checks: bool,
    project_dir: Path | None,
) -> None:
    """Check translations: the whole project, a document (DOC), a version (DOC@VERSION) or
    one PO file. Exit code 1 when findings reach --fail-on, 2 when the check could not run."""
    from ..checks import CHECKS
    from ..checks.render import findings_json, findings_text, html_report

    if list_checks:
        for item in CHECKS.values():
            click.echo(f"{item.id:22} {item.severity:8} {item.title}")
        return
    run = _run_checks(target, only, skip, project_dir)
    if html_out is not None:
        from ..fileio import atomic_write_text

        atomic_write_text(html_out, html_report(run, title=f"lextm check {target or ''}".strip()))
    if as_json:
        emit_json(findings_json(run))
    else:
        for line in findings_text(run):
            click.echo(line)
    if run.failing(fail_on):
        raise SystemExit(1)


def _run_checks(
    target: str | None, only: tuple[str, ...], skip: tuple[str, ...], project_dir: Path | None
) -> Any:
    from ..project_checks import check_po_file, check_project

    po = Path(target) if target and target.endswith(".po") else None
    if po is not None and not po.exists():
        from ..errors import InputError

        raise InputError("no such file", path=po)
    try:
        project = open_project(project_dir if project_dir or po is None else po.parent)
    except LextmError:
        if po is None:
            raise
        return check_po_file(po, only=only or None, skip=skip)
    return check_project(
        project, target=None if po else target, po=po, only=only or None, skip=skip
    )


@cli.group()
def glossary() -> None:
    """Manage the termbase in glossary/*.tsv (add, list, search, remove)."""


def _glossary_file(project: Any) -> Path:
    return Path(project.root) / str(project.config.glossary)


@glossary.command("add")
@click.argument("source_term")
@click.argument("rendering")
@click.option(
    "--status",
    type=click.Choice(["preferred", "admitted", "deprecated", "forbidden"]),
    default="preferred",
    show_default=True,
    help="Status of the rendering.",
)
@click.option("--concept", default=None, help="Concept slug (default: made from the rendering).")
@click.option("--scope", default="", help="Jurisdiction (PRC, TW, …) or document slug.")
@click.option("--valid-from", default="", help="First version date the term applies to.")
@click.option("--valid-to", default="", help="Last version date the term applies to.")
@click.option("--pos", default="", help="Part of speech.")
@click.option("--definition", default="", help="Definition of the concept.")
@click.option("--note", default="", help="Usage note.")
@click.option("--source", "citation", default="", help="Where the rendering comes from.")
@click.option("--pattern", default="", help="Regular expression for irregular target forms.")
@project_option
def glossary_add(
    source_term: str,
    rendering: str,
    status: str,
    concept: str | None,
    scope: str,
    valid_from: str,
    valid_to: str,
    pos: str,
    definition: str,
    note: str,
    citation: str,
    pattern: str,
    project_dir: Path | None,
) -> None:
    """Add a term and its rendering to the default glossary file."""
    from ..glossary import add_entry

    project = open_project(project_dir)
    slug, added = add_entry(
        _glossary_file(project),
        source_term,
        rendering,
        source_lang=project.config.source_language,
        target_lang=project.config.target_language,
        status=status,
        concept=concept,
        scope=scope,
        valid_from=valid_from,
        valid_to=valid_to,
        pos=pos,
        definition=definition,
        note=note,
        source=citation,
        pattern=pattern,
    )
    click.echo(f"{slug}: {added} row{'s' if added != 1 else ''} added")


@glossary.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the terms as JSON.")
@click.option("--concept", default=None, help="Only this concept.")
@project_option
def glossary_list(as_json: bool, concept: str | None, project_dir: Path | None) -> None:
    """List the glossary, concept by concept."""
    from ..project_checks import load_glossary

    terms = load_glossary(open_project(project_dir)).terms
    _print_terms([t for t in terms if concept in (None, t.concept)], as_json)


def _print_terms(terms: Any, as_json: bool) -> None:
    from dataclasses import asdict

    if as_json:
        emit_json([{k: v for k, v in asdict(t).items() if k != "line"} for t in terms])
        return
    for term in terms:
        extra = f" [{term.scope}]" if term.scope else ""
        dates = (
            f" {term.valid_from or '…'}–{term.valid_to or '…'}"
            if (term.valid_from or term.valid_to)
            else ""
        )
        click.echo(f"{term.concept:32} {term.lang:6} {term.status:10} {term.term}{extra}{dates}")


@glossary.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print the terms as JSON.")
@project_option
def glossary_search(query: str, as_json: bool, project_dir: Path | None) -> None:
    """Find terms (either language, definitions and notes too), folded for script and case."""
    from ..project_checks import load_glossary

    _print_terms(load_glossary(open_project(project_dir)).search(query), as_json)


@glossary.command("remove")
@click.argument("concept")
@click.option("--lang", default=None, help="Only the rows of this language.")
@click.option("--term", default=None, help="Only this term.")
@project_option
def glossary_remove(
    concept: str, lang: str | None, term: str | None, project_dir: Path | None
) -> None:
    """Remove a concept (or some of its rows) from the default glossary file."""
    from ..glossary import remove_entries

    project = open_project(project_dir)
    removed = remove_entries(
        _glossary_file(project),
        concept,
        lang=lang,
        term=term,
        source_lang=project.config.source_language,
        target_lang=project.config.target_language,
    )
    click.echo(f"{removed} row{'s' if removed != 1 else ''} removed")


@cli.group()
def terms() -> None:
    """Term extraction for terminologists."""


@terms.command("extract")
@click.argument("document")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--min-frequency", default=2, show_default=True, help="Minimum occurrences.")
@click.option("--limit", default=200, show_default=True, help="At most this many candidates.")
@project_option
def terms_extract(
    document: str, output: Path | None, min_frequency: int, limit: int, project_dir: Path | None
) -> None:
    """Propose candidate terms of DOC[@VERSION] (with renderings where it is translated), as a
    glossary TSV for review."""
    from ..formats.po import read_po
    from ..project_checks import load_glossary
    from ..segment import get_tokenizer
    from ..terms import candidates_tsv, extract_terms

    project = open_project(project_dir)
    slug, _, label = document.partition("@")
    info = project.config.document(slug)
    version = info.version(label) if label else info.ordered()[-1]
    doc, _ = read_po(project.po_path(slug, version.label))
    known = [t.term for t in load_glossary(project).source_terms()]
    tokenizer = get_tokenizer(project.cache_dir)
    tokenizer.add_words(known)
    found = extract_terms(
        doc.entries,
        tokenizer=tokenizer,
        known=known,
        min_frequency=min_frequency,
        limit=limit,
    )
    text = candidates_tsv(
        found,
        document=slug,
        source_lang=project.config.source_language,
        target_lang=project.config.target_language,
    )
    if output is None:
        click.echo(text, nl=False)
    else:
        from ..fileio import atomic_write_text

        atomic_write_text(output, text)
        click.echo(f"{len(found)} candidates written to {output}", err=True)
