"""Version commands: diff (two versions mapped by content), history (one article through all
versions); and how `import` reports a carry-over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import UsageError
from .base import cli, emit_json, open_project, project_option

if TYPE_CHECKING:
    from ..versions import CarryOver, VersionMapping

__all__ = ["carry_json", "carry_lines"]


@cli.command("diff")
@click.argument("names", nargs=-1, required=True, metavar="DOC OLD NEW | OLD.txt NEW.txt")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON record per mapping.")
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write a self-contained side-by-side HTML view to this file.",
)
@click.option("--brief", is_flag=True, help="Only the mapping table, without the changes.")
@click.option(
    "--fail-on-change", is_flag=True, help="Exit with 1 when any article was not unchanged."
)
@click.option(
    "--encoding",
    default=None,
    help="Encoding of the two files (utf-8, gb18030, big5, …); detected when omitted.",
)
@project_option
def diff(
    names: tuple[str, ...],
    as_json: bool,
    html_out: Path | None,
    brief: bool,
    fail_on_change: bool,
    encoding: str | None,
    project_dir: Path | None,
) -> None:
    """Map the articles of two versions of a law by content, not by number: unchanged,
    modified (with the changes marked), renumbered, split, merged, inserted, deleted, each
    with its similarity. Give a document and two of its versions (older first), or two law
    text files. Exit code 2 when the versions are in the wrong order, identical, or of
    different laws (nothing is written)."""
    mapping = _mapping(names, encoding, project_dir)
    from ..versions.render import mapping_html, mapping_json, mapping_lines

    if html_out is not None:
        from ..fileio import atomic_write_text

        title = f"lextm diff {' '.join(names)}"
        atomic_write_text(html_out, mapping_html(mapping, title=title))
    if as_json:
        emit_json(mapping_json(mapping))
    else:
        for line in mapping_lines(mapping, brief=brief):
            click.echo(line)
    if fail_on_change and any(link.change != "unchanged" for link in mapping.links):
        raise SystemExit(1)


def _mapping(
    names: tuple[str, ...], encoding: str | None, project_dir: Path | None
) -> VersionMapping:
    if len(names) == 3:
        from ..project_versions import diff_versions

        return diff_versions(open_project(project_dir), *names)
    if len(names) == 2:
        from ..project_versions import diff_files

        return diff_files(Path(names[0]), Path(names[1]), encoding=encoding)
    raise UsageError(
        f"diff takes DOC OLD NEW or OLD.txt NEW.txt, not {len(names)} argument(s)",
        hint="See `lextm diff --help`.",
    )


@cli.command("history")
@click.argument("document", metavar="DOC")
@click.argument("article")
@click.option(
    "--in",
    "at",
    default=None,
    metavar="VERSION",
    help="The version ARTICLE is numbered in (default: the latest).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON record per version.")
@project_option
def history(
    document: str, article: str, at: str | None, as_json: bool, project_dir: Path | None
) -> None:
    """Show an article's text and translation through all versions of a document, following
    it by content when it was renumbered, split or merged. ARTICLE is an Arabic label: 61,
    12-1."""
    from dataclasses import asdict

    from ..project_versions import article_history

    steps = article_history(open_project(project_dir), document, article, at=at)
    if as_json:
        emit_json([{**asdict(s), "related": list(s.related)} for s in steps])
        return
    for step in steps:
        how = (
            step.change
            if step.change in ("first", "inserted")
            else (f"{step.change} ({step.similarity:.2f})")
        )
        also = f"; with Article {', '.join(step.related)}" if step.related else ""
        work = f"; {step.needs_work} entries need work" if step.needs_work else ""
        click.echo(f"== {step.version} ({step.date}): Article {step.article}, {how}{also}{work}")
        click.echo(step.source)
        click.echo(step.target or "(untranslated)")


# --- carry-over, as `import` reports it --------------------------------------------------------


def carry_json(carried: CarryOver | None) -> dict[str, Any] | None:
    """The carry-over of an import as JSON (None when nothing was carried)."""
    if carried is None:
        return None
    return {
        "from": carried.source,
        "carried": carried.carried,
        "changed": carried.changed,
        "new": carried.new,
        "untranslated": carried.untranslated,
        "references_rewritten": carried.rewritten,
        "articles": carried.mapping.counts(),
        "needs_work": [
            {"address": w.address, "reason": w.reason, "detail": w.detail} for w in carried.work
        ],
    }


def carry_lines(carried: CarryOver | None) -> Iterator[str]:
    """The carry-over summary, then what needs work grouped by article."""
    if carried is None:
        return
    yield carried.summary()
    groups: dict[str, list[str]] = {}
    for item in carried.work:
        where = _article_of(item.address)
        groups.setdefault(where, []).append(item.reason)
    if groups:
        yield "needs work:"
    for where, reasons in groups.items():
        counts: dict[str, int] = {}
        for reason in reasons:
            counts[reason] = counts.get(reason, 0) + 1
        yield f"  {where}: " + ", ".join(f"{n} {reason}" for reason, n in counts.items())


def _article_of(address: str) -> str:
    from ..address import parse_address

    try:
        parsed = parse_address(address)
    except ValueError:
        return address
    if parsed.article is not None:
        return f"Article {parsed.article.label}"
    return parsed.display()
