"""Shared fixtures: where the corpus lives, and the laws it holds."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SCHEMAS = SHARED / "schemas"
CORPUS = SHARED / "corpus"
LAWS_DIR = CORPUS / "laws"
SEED = CORPUS / "xizang-network-communications-2021.zh.txt"


@dataclass(frozen=True)
class CorpusLaw:
    """One law version of the shared corpus, as MANIFEST.tsv lists it."""

    slug: str
    articles_zh: int
    articles_en: int | None

    @property
    def zh(self) -> Path:
        """The Chinese text."""
        return LAWS_DIR / self.slug / "zh.txt"

    @property
    def en(self) -> Path | None:
        """The official English text, where there is one."""
        return LAWS_DIR / self.slug / "en.txt" if self.articles_en is not None else None


def corpus_laws() -> list[CorpusLaw]:
    """Every law in the manifest (empty when the shared corpus is not beside the checkout)."""
    manifest = LAWS_DIR / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        CorpusLaw(
            row["slug"],
            int(row["articles_zh"]),
            None if row["articles_en"] == "None" else int(row["articles_en"]),
        )
        for row in rows
    ]


LAWS = corpus_laws()
needs_corpus = pytest.mark.skipif(not SEED.exists(), reason="shared corpus not found")
