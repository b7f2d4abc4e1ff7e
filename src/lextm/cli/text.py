"""Commands that read one law text: outline, segments, align."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import LextmError
from .base import (
    ENCODING_HELP,
    LANG_HELP,
    cli,
    emit_json,
    file_argument,
)

__all__: list[str] = []


@cli.command()
@file_argument
@click.option("--json", "as_json", is_flag=True, help="Print the outline as JSON.")
@click.option("--explain", is_flag=True, help="List every change the input clean-up made.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help=LANG_HELP)
def outline(
    file: Path, as_json: bool, explain: bool, encoding: str | None, lang: str | None
) -> None:
    """Print the provision tree of a law text (title, note, headings, articles) with counts."""
    from ..report import outline_data, outline_lines
    from ..structure import parse_law

    law = parse_law(file, lang=lang, encoding=encoding)
    if as_json:
        emit_json(outline_data(law))
        return
    for line in outline_lines(law, explain=explain):
        click.echo(line)


@cli.command()
@file_argument
@click.option("--json", "as_json", is_flag=True, help="Print the segments as JSON.")
@click.option("--explain", is_flag=True, help="List every change the input clean-up made.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help=LANG_HELP)
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
    from ..report import cleanup_lines, segment_data
    from ..structure import parse_law
    from ..structure.segments import segment_law

    law = parse_law(file, lang=lang, encoding=encoding)
    found = segment_law(law)
    cut = _word_cutter() if words and law.lang == "zh" else None
    if as_json:
        emit_json(segment_data(law, found, cut))
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
    from ..project import find_project
    from ..segment import get_tokenizer

    try:
        project = find_project()
    except LextmError:
        return get_tokenizer().cut
    from ..project_checks import load_glossary

    tokenizer = get_tokenizer(project.cache_dir)
    tokenizer.add_words(t.term for t in load_glossary(project).source_terms())
    return tokenizer.cut


def _side_json(segments: Any) -> Any:
    if not segments:
        return None
    from ..address import parse_address

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
@click.option("--encoding", default=None, help=ENCODING_HELP)
def align(source: Path, target: Path, as_json: bool, encoding: str | None) -> None:
    """Align a law text with its translation and print the pairs with their confidence."""
    from ..align import LOW_CONFIDENCE, align_laws
    from ..structure import parse_law

    alignment = align_laws(parse_law(source, encoding=encoding), parse_law(target))
    if as_json:
        emit_json([_pair_json(p) for p in alignment.pairs])
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
