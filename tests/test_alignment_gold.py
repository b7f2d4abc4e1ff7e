"""The hand-checked sentence alignment gold covers each chosen article exactly, on both sides."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from lextm.structure import parse_law
from lextm.structure.segments import segment_law

GOLD = Path(__file__).resolve().parent / "data" / "align" / "gold_sentences.tsv"
LAWS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"
HEADER = ["law", "article", "source", "target", "note"]

needs_laws = pytest.mark.skipif(not LAWS_DIR.is_dir(), reason="shared corpus not found")


def _rows() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _addresses(cell: str) -> list[str]:
    return cell.split("+") if cell else []


@cache
def _sentences(law: str, lang: str) -> dict[str, frozenset[str]]:
    """Sentence segment addresses of each article of one law text."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for segment in segment_law(parse_law(LAWS_DIR / law / f"{lang}.txt")):
        last = segment.address.rsplit(".", 1)[-1]
        if segment.article and "." in segment.address and last.startswith("s"):
            by_article[segment.article].add(segment.address)
    return {article: frozenset(found) for article, found in by_article.items()}


def _articles() -> list[tuple[str, str]]:
    return sorted({(row["law"], row["article"]) for row in _rows()})


def test_gold_header() -> None:
    """The gold file is UTF-8 TSV with the agreed header."""
    with GOLD.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert header == HEADER


def test_gold_rows_well_formed() -> None:
    """Every row has five cells and at least one side, with addresses in its own article."""
    for number, row in enumerate(_rows(), 2):
        assert None not in row and all(row[key] is not None for key in HEADER), number
        assert row["source"] or row["target"], f"line {number}: empty link"
        for address in _addresses(row["source"]) + _addresses(row["target"]):
            assert address.startswith(f"art{row['article']}."), f"line {number}: {address}"


def test_gold_addresses_unique() -> None:
    """No sentence appears in more than one link on its side."""
    for side in ("source", "target"):
        counts = Counter(
            (row["law"], address) for row in _rows() for address in _addresses(row[side])
        )
        assert [key for key, count in counts.items() if count > 1] == [], side


def test_gold_size() -> None:
    """The gold covers at least forty articles from every Taiwan law with an English text."""
    articles = _articles()
    assert len(articles) >= 40
    assert {law for law, _ in articles} == {
        "tw-copyright-act-2022",
        "tw-cyber-security-management-act-2018",
        "tw-money-laundering-control-act-2018",
        "tw-money-laundering-control-act-2023",
        "tw-personal-data-protection-act-2015",
        "tw-personal-data-protection-act-2023",
    }


@needs_laws
@pytest.mark.parametrize(("law", "article"), _articles())
def test_gold_article_complete(law: str, article: str) -> None:
    """The links of an article cover exactly its zh and en sentence segments."""
    rows = [row for row in _rows() if (row["law"], row["article"]) == (law, article)]
    for side, lang in (("source", "zh"), ("target", "en")):
        linked = [address for row in rows for address in _addresses(row[side])]
        assert set(linked) == _sentences(law, lang).get(article, frozenset()), (side, lang)
