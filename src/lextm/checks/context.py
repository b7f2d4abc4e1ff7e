"""What a check sees: the document version being checked, its glossary, the project around it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..glossary import Glossary, TermIndex
from ..model import DocumentFile, Entry

__all__ = ["DocumentContext", "ProjectContext"]


@dataclass
class DocumentContext:
    """One document version under check, with everything its checks need to know."""

    doc: DocumentFile
    path: Path | None = None
    date: str = ""
    role: str = "translate"
    jurisdiction: str = ""
    glossary: Glossary | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    _index: TermIndex | None = None
    # Per-run memo for checks (term lists by status, renderings by concept): built once per
    # version instead of once per entry.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def document(self) -> str:
        """The document slug."""
        return self.doc.document

    @property
    def version(self) -> str:
        """The version label."""
        return self.doc.version

    @property
    def source_lang(self) -> str:
        """The source language (BCP 47)."""
        return self.doc.source_lang

    @property
    def target_lang(self) -> str:
        """The target language (BCP 47)."""
        return self.doc.target_lang

    @property
    def is_reference(self) -> bool:
        """Reference material: checked, but its findings never fail a run."""
        return self.role == "reference"

    @property
    def terms(self) -> TermIndex | None:
        """The term index of the glossary that applies to this version (scope and date)."""
        if self.glossary is None:
            return None
        if self._index is None:
            applicable = self.glossary.applicable(
                document=self.document, jurisdiction=self.jurisdiction, date=self.date
            )
            self._index = TermIndex(applicable)
        return self._index

    @cached_property
    def all_terms(self) -> TermIndex | None:
        """The index of the whole glossary, whatever its scope and dates (for scope checks)."""
        return TermIndex(self.glossary) if self.glossary is not None else None


@dataclass(frozen=True, slots=True)
class ProjectContext:
    """Every document version being checked together, for checks that compare them."""

    documents: Sequence[DocumentContext]

    def entries(self) -> list[tuple[DocumentContext, Entry]]:
        """All entries of all documents, in order."""
        return [(ctx, entry) for ctx in self.documents for entry in ctx.doc.entries]
