"""The hand-made article mapping gold between law versions is complete and true to the texts."""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from lextm.model import Provision
from lextm.structure import parse_law

GOLD_DIR = Path(__file__).resolve().parent / "data" / "versions"
LAWS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"
HEADER = ["old", "new", "change", "note"]
CHANGES = {
    "unchanged",
    "modified",
    "renumbered",
    "renumbered+modified",
    "split",
    "merged",
    "inserted",
    "deleted",
}
ONE_TO_ONE = {"unchanged", "modified", "renumbered", "renumbered+modified"}
IDENTICAL = {"unchanged", "renumbered"}

# gold file -> (old law, new law, old stretches, new stretches); stretches are inclusive article
# ranges that the gold covers completely (docs/versions-gold.md).
GOLDS = {
    "gold_company_law_2004_2005.tsv": (
        "prc-company-law-2004",
        "prc-company-law-2005",
        ((1, 18), (182, 230)),
        ((1, 22), (173, 219)),
    ),
    "gold_company_law_2018_2023.tsv": (
        "prc-company-law-2018",
        "prc-company-law-2023",
        ((1, 22), (172, 179), (191, 218)),
        ((1, 41), (218, 228), (243, 266)),
    ),
}
# The 2018 and 2023 texts have no article with the same number and the same text.
NO_UNCHANGED = {"gold_company_law_2018_2023.tsv"}

needs_laws = pytest.mark.skipif(not LAWS_DIR.is_dir(), reason="shared corpus not found")
each_gold = pytest.mark.parametrize("name", sorted(GOLDS))


@cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    with (GOLD_DIR / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _body(article: Provision) -> str:
    """The article's text below its label: its paragraphs and items, one per line."""
    return "\n".join(node.text for node in article.walk() if node is not article)


@cache
def _articles(law: str) -> dict[str, str]:
    """Article label -> article text, for one law version."""
    parsed = parse_law(LAWS_DIR / law / "zh.txt")
    return {a.number.label: _body(a) for a in parsed.articles() if a.number is not None}


def _links(name: str) -> list[dict[str, str]]:
    return [row for row in _rows(name) if row["old"] and row["new"]]


@each_gold
def test_header(name: str) -> None:
    """The gold file is UTF-8 TSV with the header old, new, change, note."""
    with (GOLD_DIR / name).open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert header == HEADER


@each_gold
def test_rows_well_formed(name: str) -> None:
    """Every row has a known change, the sides its change needs, and no repeated link."""
    for line, row in enumerate(_rows(name), 2):
        assert None not in row and None not in row.values(), f"line {line}: wrong cell count"
        assert row["change"] in CHANGES, f"line {line}: {row['change']!r}"
        assert bool(row["old"]) == (row["change"] != "inserted"), f"line {line}: old side"
        assert bool(row["new"]) == (row["change"] != "deleted"), f"line {line}: new side"
        if row["change"] not in IDENTICAL:
            assert row["note"].strip(), f"line {line}: a {row['change']} row needs a note"
    pairs = Counter((row["old"], row["new"]) for row in _rows(name))
    assert [pair for pair, count in pairs.items() if count > 1] == []


@needs_laws
@each_gold
def test_labels_exist(name: str) -> None:
    """Every old label is an article of the old text, every new label one of the new text."""
    old_law, new_law, _, _ = GOLDS[name]
    old, new = _articles(old_law), _articles(new_law)
    assert [row["old"] for row in _rows(name) if row["old"] and row["old"] not in old] == []
    assert [row["new"] for row in _rows(name) if row["new"] and row["new"] not in new] == []


@each_gold
def test_multiplicity_matches_change(name: str) -> None:
    """An old label repeats only in split rows, a new label only in split or merged rows."""
    rows = _rows(name)
    old_count = Counter(row["old"] for row in rows if row["old"])
    new_count = Counter(row["new"] for row in rows if row["new"])
    for line, row in enumerate(rows, 2):
        old_n, new_n = old_count[row["old"]], new_count[row["new"]]
        if row["change"] in ("inserted", "deleted"):
            assert (old_n if row["old"] else new_n) == 1, f"line {line}: also linked elsewhere"
        elif row["change"] == "split":
            assert old_n >= 2, f"line {line}: a split needs two or more new articles"
        elif row["change"] == "merged":
            assert old_n == 1 and new_n >= 2, f"line {line}: a merge needs two or more old ones"
        else:
            assert old_n == new_n == 1, f"line {line}: {row['change']} must be one-to-one"


@needs_laws
@each_gold
def test_changes_match_texts(name: str) -> None:
    """Unchanged and renumbered rows link identical texts, modified ones differing texts."""
    old_law, new_law, _, _ = GOLDS[name]
    old, new = _articles(old_law), _articles(new_law)
    for row in _links(name):
        if row["change"] not in ONE_TO_ONE:
            continue
        link = f"{row['old']}->{row['new']} {row['change']}"
        same_number = row["old"] == row["new"]
        assert same_number == (row["change"] in ("unchanged", "modified")), link
        identical = old[row["old"]] == new[row["new"]]
        assert identical == (row["change"] in IDENTICAL), link


@each_gold
def test_size_and_change_types(name: str) -> None:
    """The gold has 45+ old articles, every change type, and 2+ insertions and deletions."""
    rows = _rows(name)
    assert len({row["old"] for row in rows if row["old"]}) >= 45
    changes = Counter(row["change"] for row in rows)
    expected = CHANGES - {"unchanged"} if name in NO_UNCHANGED else CHANGES
    assert expected <= set(changes), sorted(expected - set(changes))
    assert changes["inserted"] >= 2 and changes["deleted"] >= 2


@needs_laws
def test_no_unchanged_article_exists_where_exempted() -> None:
    """Where the gold has no unchanged row, no same-numbered article kept its text."""
    for name in NO_UNCHANGED:
        old_law, new_law, _, _ = GOLDS[name]
        old, new = _articles(old_law), _articles(new_law)
        assert [label for label in old if new.get(label) == old[label]] == [], name


@needs_laws
@each_gold
def test_stretches_complete(name: str) -> None:
    """Every article inside the covered stretches of both texts has a row."""
    old_law, new_law, old_stretches, new_stretches = GOLDS[name]
    for law, stretches, side in ((old_law, old_stretches, "old"), (new_law, new_stretches, "new")):
        labels = {row[side] for row in _rows(name)}
        wanted = [
            label
            for label in _articles(law)
            if any(low <= int(label.split("-")[0]) <= high for low, high in stretches)
        ]
        assert [label for label in wanted if label not in labels] == [], side
