"""Folding for comparison: width, script and case, without changing lengths."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lextm.fold import fold, fold_spaces, is_traditional


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("個人資料保護法", "个人资料保护法"),
        ("第１２條", "第12条"),
        ("ＡＢＣ Article", "abc article"),
        ("網信部門", "网信部门"),
        ("臺灣", "台湾"),
        ("网信部门", "网信部门"),
        ("（一）", "(一)"),
    ],
    ids=[
        "traditional",
        "fullwidth-digits",
        "fullwidth-latin",
        "department",
        "variant",
        "simplified",
        "brackets",
    ],
)
def test_fold(text: str, folded: str) -> None:
    """Traditional and simplified, full- and half-width, upper and lower case fold together."""
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_length(text: str) -> None:
    """Folding maps character for character, so spans in the folded text are spans of the text."""
    assert len(fold(text)) == len(text)


def test_fold_spaces() -> None:
    """The index form also collapses white space."""
    assert fold_spaces("  Article\u3000 8 ") == "article 8"


@pytest.mark.parametrize(
    ("text", "traditional"),
    [("著作權專責機關應於", True), ("网信部门负责统筹协调", False), ("Article 8", False)],
)
def test_is_traditional(text: str, traditional: bool) -> None:
    """Traditional-script texts are told from simplified ones."""
    assert is_traditional(text) is traditional
