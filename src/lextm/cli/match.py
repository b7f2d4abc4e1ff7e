"""TM commands: match, search (concordance), analyze, pretranslate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError, UsageError
from .base import cli, emit_json, open_project, project_option

__all__: list[str] = []

_THRESHOLD_HELP = "Fuzzy threshold 0-100 (default: [settings] fuzzy_threshold, else 75)."


def _stdin_bytes() -> bytes:
    """Standard input as bytes."""
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")
    return bytes(data)


def _read_queries(path: Path) -> list[str]:
    """One query a line; a file that is not UTF-8 is an error naming the line."""
    try:
        data = _stdin_bytes() if str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise InputError(
            f"cannot read the query file: {error.strerror or error}.", path=path
        ) from None
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    queries = []
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"not UTF-8 text (byte 0x{raw[error.start]:02x} at column {error.start + 1})",
                path=path,
                line=number,
                hint="Save the file as UTF-8.",
            ) from None
        queries.append(text.removeprefix("\ufeff") if number == 1 else text)
    return [query.rstrip("\r") for query in queries]


def _provenance(unit: Any) -> str:
    where = " ".join(part for part in (unit.document, unit.version, unit.address) if part)
    return " · ".join(part for part in (where, unit.origin, unit.tm) if part)


def _match_json(match: Any, query: str) -> dict[str, Any]:
    from ..similarity import diff, render_diff

    unit = match.unit
    return {
        "score": round(match.score, 2),
        "kind": match.kind,
        "similarity": round(match.similarity, 2),
        "source": unit.source,
        "target": match.target,
        "origin": unit.origin,
        "state": unit.state,
        "document": unit.document,
        "version": unit.version,
        "address": unit.address,
        "tm": unit.tm,
        "substituted": [{"from": old, "to": new} for old, new in match.substituted],
        "diff": render_diff(diff(unit.source, query)),
    }


def _match_lines(matches: list[Any], query: str, threshold: float) -> list[str]:
    from ..similarity import diff, render_diff

    if not matches:
        return [f"no match at or above {threshold:g}"]
    lines = []
    for rank, match in enumerate(matches, start=1):
        unit = match.unit
        lines.append(
            f"{rank}. {match.score:.0f} {match.kind} (similarity {match.similarity:.0f})"
            f"  {_provenance(unit)}"
        )
        lines.append(f"   source: {render_diff(diff(unit.source, query))}")
        lines.append(f"   target: {match.target}")
        if match.substituted:
            changes = ", ".join(f"{old} → {new}" for old, new in match.substituted)
            lines.append(f"   numbers replaced: {changes}")
    return lines


@cli.command()
@click.argument("text", required=False)
@click.option(
    "--batch",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Match every line of FILE (UTF-8; - for standard input), one query a line.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Matches per query."
)
@click.option("--threshold", type=float, default=None, help=_THRESHOLD_HELP)
@click.option("--no-substitute", is_flag=True, help="Never replace numbers in suggestions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (JSON Lines with --batch).")
@project_option
def match(
    text: str | None,
    batch: Path | None,
    limit: int,
    threshold: float | None,
    no_substitute: bool,
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Find TM matches for a source segment: context, exact, then fuzzy, best first.

    Each match shows its score (weighted: numbers, references, negations and modal verbs
    count more than function words, minus penalties), its kind, the plain similarity, a diff
    of its source against TEXT ([-only in the match-]{+only in TEXT+}), the target and where
    it came from.
    """
    from dataclasses import replace

    from ..build import build_index, open_index
    from ..match import Matcher
    from ..pretranslate import match_settings

    if (text is None) == (batch is None):
        raise UsageError("give either TEXT or --batch FILE.")
    queries = _read_queries(batch) if batch is not None else [text or ""]
    project = open_project(project_dir)
    settings = match_settings(project, threshold)
    if no_substitute:
        settings = replace(settings, substitute=False)
    build_index(project)
    with open_index(project) as store:
        matcher = Matcher(store, settings)
        for query in queries:
            found = matcher.match(query, limit=limit)
            _print_matches(query, found, settings.threshold, as_json, batch is not None)


def _print_matches(
    query: str, found: list[Any], threshold: float, as_json: bool, batch: bool
) -> None:
    if as_json:
        record = {"query": query, "matches": [_match_json(m, query) for m in found]}
        if batch:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            emit_json(record)
        return
    if batch:
        click.echo(f"query: {query}")
    for line in _match_lines(found, query, threshold):
        click.echo(line)
    if batch:
        click.echo()


def _kwic(text: str, needle: str, width: int) -> tuple[str, list[list[int]]]:
    """The text around the first hit of the folded needle, with every hit's span."""
    from ..fold import fold

    folded, spans, start = fold(text), [], 0
    while needle and (found := folded.find(needle, start)) >= 0:
        spans.append([found, found + len(needle)])
        start = found + len(needle)
    if not spans:
        return text, spans
    first, last = spans[0]
    left = ("…" if first > width else "") + text[max(0, first - width) : first]
    right = text[last : last + width] + ("…" if last + width < len(text) else "")
    return f"{left}[{text[first:last]}]{right}", spans


@cli.command()
@click.argument("pattern")
@click.option(
    "--side",
    type=click.Choice(["source", "target", "both"]),
    default="both",
    show_default=True,
    help="Search the source, the target or both.",
)
@click.option("--doc", "document", default=None, help="Only this document (slug).")
@click.option("--version", "version", default=None, help="Only this version (label).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option(
    "--context",
    "width",
    type=click.IntRange(min=0),
    default=15,
    show_default=True,
    help="Characters shown either side of a hit.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the units found as JSON.")
@project_option
def search(
    pattern: str,
    side: str,
    document: str | None,
    version: str | None,
    limit: int,
    width: int,
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Concordance: units whose source or target contains PATTERN, with context.

    Comparison folds script, width and case, so 網路 finds 网络 and ＡＢＣ finds abc; terms
    of one or two characters are found too. The project's units come before reference TMs'.
    """
    from ..build import build_index, open_index
    from ..fold import fold_spaces

    project = open_project(project_dir)
    build_index(project)
    with open_index(project) as store:
        units = store.concordance(
            pattern, side=side, document=document, version=version, limit=limit
        )
    needle = fold_spaces(pattern)
    records = []
    for unit in units:
        source, source_hits = _kwic(unit.source, needle, width)
        target, target_hits = _kwic(unit.target, needle, width)
        records.append((unit, source, target, source_hits, target_hits))
    if as_json:
        emit_json([_search_json(*record) for record in records])
        return
    for unit, source, target, _, _ in records:
        click.echo(_provenance(unit))
        click.echo(f"   source: {source}")
        click.echo(f"   target: {target}")
    if not records:
        click.echo(f"nothing contains {pattern!r}")


def _search_json(
    unit: Any, source: str, target: str, source_hits: Any, target_hits: Any
) -> dict[str, Any]:
    return {
        "document": unit.document,
        "version": unit.version,
        "address": unit.address,
        "tm": unit.tm,
        "origin": unit.origin,
        "source": unit.source,
        "target": unit.target,
        "source_hits": source_hits,
        "target_hits": target_hits,
        "source_context": source,
        "target_context": target,
    }


@cli.command()
@click.argument("document_version", metavar="DOC@VERSION")
@click.option("--threshold", type=float, default=None, help=_THRESHOLD_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
@project_option
def analyze(
    document_version: str, threshold: float | None, as_json: bool, project_dir: Path | None
) -> None:
    """What translating a version costs: segments and characters by TM match band.

    Bands: context, 100% (exact), 95-99%, 85-94%, 75-84% (fuzzy, by score) and none; internal
    repetitions (a segment repeating an earlier one of the same version) are counted apart.
    The version's own units are not matched against.
    """
    from ..pretranslate import analyze as run

    document, at, version = document_version.partition("@")
    if not at or not document or not version:
        raise UsageError(
            f"expected DOC@VERSION, e.g. prc-company-law@2023-12-29, not {document_version!r}."
        )
    project = open_project(project_dir)
    result = run(project, document, version, threshold=threshold)
    if as_json:
        emit_json(
            {
                "document": result.document,
                "version": result.version,
                "bands": [
                    {"band": band, "segments": s, "characters": c}
                    for band, (s, c) in result.bands.items()
                ],
                "repetitions": dict(
                    zip(("segments", "characters"), result.repetitions, strict=True)
                ),
                "total": dict(zip(("segments", "characters"), result.total, strict=True)),
            }
        )
        return
    click.echo(f"{result.document}@{result.version}")
    click.echo(f"{'band':<12}{'segments':>10}{'characters':>12}")
    rows = [*result.bands.items(), ("repetitions", result.repetitions), ("total", result.total)]
    for band, (segments, characters) in rows:
        click.echo(f"{band:<12}{segments:>10}{characters:>12}")


@cli.command()
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--overwrite", is_flag=True, help="Also replace existing translations.")
@click.option("--force", is_flag=True, help="Also change entries flagged reviewed.")
@click.option("--threshold", type=float, default=None, help=_THRESHOLD_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@project_option
def pretranslate(
    po_file: Path,
    overwrite: bool,
    force: bool,
    threshold: float | None,
    as_json: bool,
    project_dir: Path | None,
) -> None:
    """Fill the empty entries of tm/DOC/VERSION.po from the TM.

    Exact and context matches go in as translated; fuzzy ones are flagged fuzzy with the score
    and origin in a #. note. Identical segments of the file get the same translation. Existing
    translations stay unless --overwrite; reviewed entries stay unless --force. The file is
    written atomically and only if nobody saved it meanwhile.
    """
    from ..pretranslate import pretranslate as run
    from ..project import find_project

    project = (
        open_project(project_dir) if project_dir else find_project(start=po_file.resolve().parent)
    )
    report = run(project, po_file, overwrite=overwrite, force=force, threshold=threshold)
    if as_json:
        emit_json({"file": str(po_file), **report.as_dict()})
        return
    click.echo(
        f"{po_file}: {report.context} context, {report.exact} exact, {report.fuzzy} fuzzy, "
        f"{report.repetitions} repetitions filled; {report.kept} kept, {report.reviewed} "
        f"reviewed left alone, {report.unmatched} without a match"
        + ("" if report.written else " (file unchanged)")
    )
