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
    """jieba's cut; inside a project with the project's cache and its glossary as user words."""
    from .project import find_project
    from .segment import get_tokenizer

    try:
        project = find_project()
    except LextmError:
        return get_tokenizer().cut
    from .project_checks import load_glossary

    tokenizer = get_tokenizer(project.cache_dir)
    tokenizer.add_words(t.term for t in load_glossary(project).source_terms())
    return tokenizer.cut


# -- project commands -------------------------------------------------------------------------

_project_option = click.option(
    "--project",
    "project_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The project folder (default: found from the current folder upward).",
)


def _open_project(project_dir: Path | None) -> Any:
    from .project import find_project

    return find_project(explicit=project_dir)


@cli.command()
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False), default=".", required=False
)
@click.option("--source", default="zh-CN", show_default=True, help="Source language (BCP 47).")
@click.option("--target", default="en", show_default=True, help="Target language (BCP 47).")
def init(folder: Path, source: str, target: str) -> None:
    """Create a project: lextm.toml, glossary/, tm/ and a git-ignored .lextm/."""
    from .project import init_project

    project = init_project(folder, source=source, target=target)
    click.echo(f"created {project.config_path}")


@cli.command("import")
@_file_argument
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
@click.option(
    "--translation",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="An existing translation to align and fill in.",
)
@click.option(
    "--replace", is_flag=True, help="Re-import over a different text, keeping translations."
)
@click.option("--encoding", default=None, help=_ENCODING_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@_project_option
def import_(
    file: Path,
    document: str,
    version: str,
    date: str | None,
    kind: str,
    role: str | None,
    translation: Path | None,
    replace: bool,
    encoding: str | None,
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Import a law version into tm/DOC/VERSION.po (with its translation aligned, if given)."""
    from .ingest import import_version

    project = _open_project(project_dir)
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
    )
    if as_json:
        _emit_json(
            {
                "path": str(result.path),
                "written": result.written,
                "entries": result.entries,
                "translated": result.translated,
                "kept": result.kept,
                "low_confidence": [_pair_json(p) for p in result.low_confidence],
            }
        )
        return
    state = "wrote" if result.written else "unchanged:"
    click.echo(f"{state} {result.path} ({result.entries} entries, {result.translated} translated)")
    if result.kept:
        click.echo(f"kept {result.kept} translations of unchanged segments")
    for pair in result.low_confidence:
        click.echo(f"low confidence ({pair.confidence:.2f}): {_pair_text(pair)}")


def _side_json(segments: Any) -> Any:
    if not segments:
        return None
    from .address import parse_address

    first = parse_address(segments[0].address)
    address = segments[0].address if len(segments) == 1 else "+".join(s.address for s in segments)
    return {
        "address": address,
        "article": first.article.label if first.article else None,
        "paragraph": first.paragraph if first.region == "body" else None,
        "item": first.item,
        "text": " ".join(s.text for s in segments),
    }


def _pair_json(pair: Any) -> dict[str, Any]:
    return {
        "source": _side_json(pair.source),
        "target": _side_json(pair.target),
        "confidence": pair.confidence,
    }


def _pair_text(pair: Any) -> str:
    left = "+".join(s.address for s in pair.source) or "—"
    right = "+".join(s.address for s in pair.target) or "—"
    return f"{left} ↔ {right}"


@cli.command()
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("target", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the pairs as JSON.")
@click.option("--encoding", default=None, help=_ENCODING_HELP)
def align(source: Path, target: Path, as_json: bool, encoding: str | None) -> None:
    """Align a law text with its translation and print the pairs with their confidence."""
    from .align import LOW_CONFIDENCE, align_laws
    from .structure import parse_law

    alignment = align_laws(parse_law(source, encoding=encoding), parse_law(target))
    if as_json:
        _emit_json([_pair_json(p) for p in alignment.pairs])
        return
    for pair in alignment.pairs:
        mark = "?" if pair.confidence < LOW_CONFIDENCE else " "
        click.echo(f"{mark} {pair.confidence:.2f}  {_pair_text(pair)}")
        for segment in pair.source:
            click.echo(f"      < {segment.text}")
        for segment in pair.target:
            click.echo(f"      > {segment.text}")
    low = alignment.low_confidence()
    click.echo(f"{len(alignment.pairs)} pairs, {len(low)} below confidence {LOW_CONFIDENCE}")


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
    from .fileio import atomic_write_text
    from .formats.po import read_po
    from .formats.text import render_text

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
@_project_option
def build(full: bool, project_dir: Path | None) -> None:
    """Bring the index (.lextm/) up to date with glossary/ and tm/."""
    from .build import build_index

    project = _open_project(project_dir)
    report = build_index(project, full=full, progress=lambda m: click.echo(m, err=True))
    click.echo(
        f"{report.files} files, {report.read} read, {report.removed} removed, "
        f"{report.units} units indexed in {report.seconds:.2f} s"
    )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one record per document version.")
@_project_option
def stats(as_json: bool, project_dir: Path | None) -> None:
    """Segments, translated, fuzzy and untranslated counts per document version."""
    from dataclasses import asdict

    from .build import project_stats

    rows = project_stats(_open_project(project_dir))
    if as_json:
        _emit_json([asdict(row) for row in rows])
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
@_project_option
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
    from .checks import CHECKS
    from .checks.render import findings_json, findings_text, html_report

    if list_checks:
        for item in CHECKS.values():
            click.echo(f"{item.id:22} {item.severity:8} {item.title}")
        return
    run = _run_checks(target, only, skip, project_dir)
    if html_out is not None:
        from .fileio import atomic_write_text

        atomic_write_text(html_out, html_report(run, title=f"lextm check {target or ''}".strip()))
    if as_json:
        _emit_json(findings_json(run))
    else:
        for line in findings_text(run):
            click.echo(line)
    if run.failing(fail_on):
        raise SystemExit(1)


def _run_checks(
    target: str | None, only: tuple[str, ...], skip: tuple[str, ...], project_dir: Path | None
) -> Any:
    from .project_checks import check_po_file, check_project

    po = Path(target) if target and target.endswith(".po") else None
    if po is not None and not po.exists():
        from .errors import InputError

        raise InputError("no such file", path=po)
    try:
        project = _open_project(project_dir if project_dir or po is None else po.parent)
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
@_project_option
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
    from .glossary import add_entry

    project = _open_project(project_dir)
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
@_project_option
def glossary_list(as_json: bool, concept: str | None, project_dir: Path | None) -> None:
    """List the glossary, concept by concept."""
    from .project_checks import load_glossary

    terms = load_glossary(_open_project(project_dir)).terms
    _print_terms([t for t in terms if concept in (None, t.concept)], as_json)


def _print_terms(terms: Any, as_json: bool) -> None:
    from dataclasses import asdict

    if as_json:
        _emit_json([{k: v for k, v in asdict(t).items() if k != "line"} for t in terms])
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
@_project_option
def glossary_search(query: str, as_json: bool, project_dir: Path | None) -> None:
    """Find terms (either language, definitions and notes too), folded for script and case."""
    from .project_checks import load_glossary

    _print_terms(load_glossary(_open_project(project_dir)).search(query), as_json)


@glossary.command("remove")
@click.argument("concept")
@click.option("--lang", default=None, help="Only the rows of this language.")
@click.option("--term", default=None, help="Only this term.")
@_project_option
def glossary_remove(
    concept: str, lang: str | None, term: str | None, project_dir: Path | None
) -> None:
    """Remove a concept (or some of its rows) from the default glossary file."""
    from .glossary import remove_entries

    project = _open_project(project_dir)
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
@_project_option
def terms_extract(
    document: str, output: Path | None, min_frequency: int, limit: int, project_dir: Path | None
) -> None:
    """Propose candidate terms of DOC[@VERSION] (with renderings where it is translated), as a
    glossary TSV for review."""
    from .formats.po import read_po
    from .project_checks import load_glossary
    from .segment import get_tokenizer
    from .terms import candidates_tsv, extract_terms

    project = _open_project(project_dir)
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
        from .fileio import atomic_write_text

        atomic_write_text(output, text)
        click.echo(f"{len(found)} candidates written to {output}", err=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `lextm` console script."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="lextm")
    except BrokenPipeError:
        sys.exit(0)
