"""Law versions: map the articles of two versions by content, carry translations forward.

Article numbers are anchors inside one version, never identity across versions: versions are
mapped by what the articles say (`map_versions`), and translations follow the content
(`carry_over`), whatever number it has now.
"""

from __future__ import annotations

from .carry import (
    CarryOver,
    SegmentMatch,
    WorkItem,
    carry_over,
    match_entries,
    rewrite_references,
)
from .mapping import (
    CHANGES,
    DELETED,
    INSERTED,
    MERGED,
    MODIFIED,
    RENUMBERED,
    RENUMBERED_MODIFIED,
    SPLIT,
    UNCHANGED,
    ArticleLink,
    ParagraphLink,
    VersionMapping,
    char_diff,
    ensure_comparable,
    map_versions,
)
from .texts import ArticleText, Line, VersionText

__all__ = [
    "CHANGES",
    "DELETED",
    "INSERTED",
    "MERGED",
    "MODIFIED",
    "RENUMBERED",
    "RENUMBERED_MODIFIED",
    "SPLIT",
    "UNCHANGED",
    "ArticleLink",
    "ArticleText",
    "CarryOver",
    "Line",
    "ParagraphLink",
    "SegmentMatch",
    "VersionMapping",
    "VersionText",
    "WorkItem",
    "carry_over",
    "char_diff",
    "ensure_comparable",
    "map_versions",
    "match_entries",
    "rewrite_references",
]
