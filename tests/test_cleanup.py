"""Decoding and clean-up of input texts: every rule, every codec, every error, and the real corpus.

The fixtures in tests/data/cleanup/ quote public statutes from ../shared/corpus (the Tibet
regulation, the PRC Cybersecurity and Company Laws, Taiwan's Personal Data Protection Act).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lextm.cleanup import CleanText, clean_text, decode_bytes, read_text_file
from lextm.errors import InputError
from lextm.model import Cleanup

DATA = Path(__file__).parent / "data" / "cleanup"
SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "corpus" / "xizang-network-communications-2021.zh.txt"
LAWS = sorted((SHARED / "corpus" / "laws").glob("*/[ez][nh].txt"))


def records(result: CleanText) -> list[tuple[str, int, str, str, int]]:
    """The clean-up records as plain tuples, for comparing with a table."""
    return [(c.kind, c.line, c.before, c.after, c.count) for c in result.cleanups]


def assert_idempotent(result: CleanText) -> None:
    """Cleaning the cleaned text again changes nothing."""
    again = clean_text(result.text)
    assert again.text == result.text
    assert again.cleanups == ()


# --- decoding ------------------------------------------------------------------------------------

LAW_SIMPLIFIED = "第一条 为了规范公司的组织和行为，保护公司、股东和债权人的合法权益，制定本法。"
LAW_TRADITIONAL = "第 1 條\n為規範個人資料之蒐集、處理及利用，特制定本法。"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("Article 1 This Act is enacted.", "ascii", "utf-8"),
        (LAW_SIMPLIFIED, "utf-8", "utf-8"),
        (LAW_SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (LAW_TRADITIONAL, "utf-16", "utf-16"),
        (LAW_TRADITIONAL, "utf-32", "utf-32"),
        (LAW_SIMPLIFIED, "gb18030", "gb18030"),
        (LAW_TRADITIONAL, "gb18030", "gb18030"),
        (LAW_TRADITIONAL, "big5", "big5"),
        ("第 5 條 圍碁規則", "cp950", "cp950"),
    ],
    ids=["ascii", "utf-8", "utf-8-bom", "utf-16", "utf-32", "gb-simp", "gb-trad", "big5", "cp950"],
)
def test_encoding_is_detected(tmp_path: Path, text: str, codec: str, expected: str) -> None:
    """Detection finds the codec a file was written in and decodes it exactly."""
    path = tmp_path / "law.txt"
    path.write_bytes(text.encode(codec))
    result = read_text_file(path)
    assert result.encoding == expected
    assert result.text == text


@pytest.mark.parametrize(
    ("name", "encoding", "first_line"),
    [
        ("gb18030_regulation.txt", "gb18030", "西藏自治区网络通信活动管理规定"),
        ("big5_article.txt", "big5", "個人資料保護法"),
        ("utf16_bom.txt", "utf-16", "第 1-1 條"),
        ("crlf_bom.txt", "utf-8-sig", "中华人民共和国网络安全法"),
    ],
)
def test_fixture_encoding_is_detected(name: str, encoding: str, first_line: str) -> None:
    """Each encoding fixture is read with the right codec."""
    result = read_text_file(DATA / name)
    assert result.encoding == encoding
    assert result.text.split("\n")[0] == first_line


def test_named_encoding_overrides_detection(tmp_path: Path) -> None:
    """An explicit codec is used even where detection would choose another."""
    path = tmp_path / "law.txt"
    path.write_bytes(LAW_TRADITIONAL.encode("big5"))
    assert read_text_file(path, encoding="gb18030").encoding == "gb18030"
    assert read_text_file(path, encoding="BIG5").encoding == "big5"


def test_named_encoding_is_strict(tmp_path: Path) -> None:
    """An explicit codec that cannot read the bytes fails at the first bad byte."""
    path = tmp_path / "law.txt"
    path.write_bytes("第一条\n第二条 ".encode() + LAW_SIMPLIFIED.encode("gb18030"))
    with pytest.raises(InputError) as caught:
        read_text_file(path, encoding="utf-8")
    assert caught.value.line == 2
    assert f"{path}:2: cannot be decoded as utf-8" in str(caught.value)
    assert "byte offset 20" in str(caught.value)
    assert "--encoding" in str(caught.value)


def test_unknown_encoding_is_refused(tmp_path: Path) -> None:
    """A codec name Python does not know, or one that is not a text codec, is an input error."""
    path = tmp_path / "law.txt"
    path.write_text(LAW_SIMPLIFIED, encoding="utf-8")
    for name in ("klingon", "base64"):
        with pytest.raises(InputError, match=f"unknown encoding '{name}'") as caught:
            read_text_file(path, encoding=name)
        assert str(caught.value).startswith(f"{path}: ")


def test_undecodable_bytes_name_file_line_and_offset() -> None:
    """Bytes no candidate codec reads give the line and offset of the first bad byte."""
    path = DATA / "undecodable.txt"
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: cannot be decoded as utf-8, gb18030, big5 or cp950")
    assert "invalid byte(s) ff at byte offset 20" in message
    assert "--encoding" in message


def test_binary_file_is_refused() -> None:
    """A file with NUL bytes is reported as binary, at the line and offset of the first NUL."""
    path = DATA / "binary.bin"
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert str(caught.value).startswith(f"{path}:3: is a binary file, not text")
    assert "byte offset 8" in str(caught.value)


def test_nul_in_utf16_text_is_binary(tmp_path: Path) -> None:
    """NUL characters are refused after decoding too, where the codec itself uses NUL bytes."""
    path = tmp_path / "law.txt"
    path.write_bytes("第一条\n\x00".encode("utf-16-le"))
    with pytest.raises(InputError, match="is a binary file, not text"):
        read_text_file(path, encoding="utf-16-le")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf"], ids=["no-bytes", "bom-only"])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    """A file with no text is an input error naming the file."""
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="the file is empty") as caught:
        read_text_file(path)
    assert str(caught.value).startswith(str(path))


def test_empty_fixture_is_refused() -> None:
    """The zero-byte fixture is refused as empty."""
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty"):
        read_text_file(DATA / "empty.txt")


def test_decode_bytes_returns_text_and_codec() -> None:
    """decode_bytes works on bytes alone; the path is only for messages."""
    assert decode_bytes("第一条".encode("gb18030"), path="x.txt") == ("第一条", "gb18030")


def test_missing_file_is_named(tmp_path: Path) -> None:
    """A path that does not exist is an input error naming it."""
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match="no such file") as caught:
        read_text_file(path)
    assert caught.value.path == str(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    """A directory is not read as a file."""
    with pytest.raises(InputError, match="is a directory") as caught:
        read_text_file(tmp_path)
    assert caught.value.path == str(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file_is_named(tmp_path: Path) -> None:
    """A file without read permission is an input error naming it."""
    path = tmp_path / "secret.txt"
    path.write_text(LAW_SIMPLIFIED, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot be read") as caught:
        read_text_file(path)
    assert caught.value.path == str(path)


# --- clean-up rules ------------------------------------------------------------------------------

RULES = [
    # (raw text, cleaned text, records as (kind, raw line, before, after, count))
    ("\ufeff第一条", "第一条", [("bom", 1, "\ufeff", "", 1)]),
    ("第一条\n第二\ufeff条", "第一条\n第二条", [("bom", 2, "\ufeff", "", 1)]),
    ("甲\r\n乙\r\n", "甲\n乙", [("line-ending", 1, "\r\n", "\n", 2)]),
    ("甲\n乙\r丙", "甲\n乙\n丙", [("line-ending", 2, "\r", "\n", 1)]),
    ("甲\r\n乙\r丙", "甲\n乙\n丙", [("line-ending", 1, "\r\n, \r", "\n", 2)]),
    ("甲\x0c乙", "甲\n乙", [("line-break", 1, "\x0c", "\n", 1)]),
    ("甲\x0b乙\x0b丙", "甲\n乙\n丙", [("line-break", 1, "\x0b", "\n", 2)]),
    (
        "甲\u2028乙\u2029丙",
        "甲\n乙\n丙",
        [("line-break", 1, "\u2028", "\n", 1), ("line-break", 1, "\u2029", "\n", 1)],
    ),
    (
        "[bookmark: _GoBack]（公布）",
        "（公布）",
        [("extraction-artifact", 1, "[bookmark: _GoBack]", "", 1)],
    ),
    (
        "第一条 为了[bookmark: OLE_LINK1]保障",
        "第一条 为了保障",
        [("extraction-artifact", 1, "[bookmark: OLE_LINK1]", "", 1)],
    ),
    (
        "甲 [bookmark: a] 乙",
        "甲 乙",
        [("extraction-artifact", 1, "[bookmark: a]", "", 1), ("double-space", 1, "  ", " ", 1)],
    ),
    ("网\u200b络\u200b", "网络", [("invisible-character", 1, "\u200b", "", 2)]),
    (
        "a\u200cb\u200dc\u2060d",
        "abcd",
        [
            ("invisible-character", 1, "\u200c", "", 1),
            ("invisible-character", 1, "\u200d", "", 1),
            ("invisible-character", 1, "\u2060", "", 1),
        ],
    ),
    ("regu\u00adlation", "regulation", [("invisible-character", 1, "\u00ad", "", 1)]),
    ("第一章\u3000总则", "第一章 总则", [("space-variant", 1, "\u3000", " ", 1)]),
    ("Article\u00a01", "Article 1", [("space-variant", 1, "\u00a0", " ", 1)]),
    (
        "a\u2003b\u202fc\u205fd",
        "a b c d",
        [
            ("space-variant", 1, "\u2003", " ", 1),
            ("space-variant", 1, "\u202f", " ", 1),
            ("space-variant", 1, "\u205f", " ", 1),
        ],
    ),
    ("1.\tGeneral", "1. General", [("space-variant", 1, "\t", " ", 1)]),
    (" 西藏自治区", "西藏自治区", [("leading-space", 1, " ", "", 1)]),
    (
        "\u3000\u3000第一条",
        "第一条",
        [("space-variant", 1, "\u3000", " ", 2), ("leading-space", 1, "  ", "", 1)],
    ),
    ("第一条 制定本法。 ", "第一条 制定本法。", [("trailing-space", 1, " ", "", 1)]),
    ("第一条  为了", "第一条 为了", [("double-space", 1, "  ", " ", 1)]),
    (
        "a  b  c   d",
        "a b c d",
        [("double-space", 1, "  ", " ", 2), ("double-space", 1, "   ", " ", 1)],
    ),
    ("甲\n\n\n乙\n\n丙", "甲\n乙\n丙", [("blank-line", 2, "", "", 3)]),
    ("\n甲\n \n乙\n", "甲\n乙", [("blank-line", 1, "", "", 2)]),
    ("甲\n ", "甲", [("trailing-space", 2, " ", "", 1)]),
]


@pytest.mark.parametrize(("raw", "text", "expected"), RULES, ids=[repr(r[0]) for r in RULES])
def test_cleanup_rule(raw: str, text: str, expected: list[tuple[str, int, str, str, int]]) -> None:
    """Each rule changes exactly what it names and records it."""
    result = clean_text(raw)
    assert result.text == text
    assert records(result) == expected
    assert_idempotent(result)


PAGE_NUMBERS = [
    "- 3 -",
    "-3-",
    "— 12 —",
    "－3－",
    "- ３ -",
    "－１２－",
    "第3页",
    "第 3 頁",
    "第三页",
    "第3页 共20页",
    "3/20",
    "Page 3",
    "page 3 of 20",
    "PAGE 3/20",
    "7",
    "１２",
    "\u3000- 3 -\u3000",
]


@pytest.mark.parametrize("line", PAGE_NUMBERS)
def test_page_number_line_is_removed(line: str) -> None:
    """A line that is only a page number goes, recorded once with its cleaned text."""
    result = clean_text(f"第一条 甲。\n{line}\n第二条 乙。")
    assert result.text == "第一条 甲。\n第二条 乙。"
    assert records(result) == [("page-number", 2, line.strip("\u3000"), "", 1)]
    assert result.line_map == (1, 3)


NOT_PAGE_NUMBERS = [
    "第3条",
    "第 3 條",
    "第一章",
    "3.",
    "1.5",
    "(3)",
    "（三）",
    "Article 3",
    "3 -",
    "- 3",
    "第3页面",
    "一",
]


@pytest.mark.parametrize("line", NOT_PAGE_NUMBERS)
def test_text_like_a_page_number_is_kept(line: str) -> None:
    """Article numbers, item labels and fragments that merely look numeric stay."""
    raw = f"第一条 甲。\n{line}\n第二条 乙。"
    assert clean_text(raw).text == raw


def test_integer_continued_by_a_unit_is_kept() -> None:
    """A date broken over lines (本法自 / 2024 / 年 …) keeps its numbers: they are not pages."""
    result = read_text_file(DATA / "date_split_over_lines.txt")
    assert result.text.split("\n") == [
        "第二百六十六条",
        "本法自",
        "2024",
        "年",
        "7",
        "月",
        "1",
        "日起施行。",
    ]
    assert result.cleanups == ()


def test_page_numbers_fixture() -> None:
    """Form feeds split pages and the page-number lines between them go."""
    result = read_text_file(DATA / "page_numbers.txt")
    assert result.text.split("\n") == [
        "第一条 为了保障网络安全，制定本法。",
        "第二条 在中华人民共和国境内建设网络，适用本法。",
        "第三条 国家坚持网络安全与信息化发展并重。",
    ]
    assert [(c.kind, c.line) for c in result.cleanups] == [
        ("blank-line", 2),
        ("page-number", 3),
        ("line-break", 4),
        ("page-number", 5),
        ("line-break", 6),
        ("page-number", 6),
    ]
    assert result.line_map == (1, 4, 7)


def test_docx_bookmark_fixture() -> None:
    """Bookmarks go wherever they are on the line; a line holding only one goes as blank."""
    result = read_text_file(DATA / "docx_bookmark_artifact.txt")
    assert (
        result.text
        == "（2021年12月3日公布）\n第一条 为了保障网络安全，制定本法。\n第二条 适用本法。"
    )
    kinds = [(c.kind, c.line) for c in result.cleanups]
    assert kinds == [
        ("extraction-artifact", 1),
        ("invisible-character", 2),
        ("extraction-artifact", 2),
        ("extraction-artifact", 3),
        ("blank-line", 3),
        ("invisible-character", 4),
    ]


def test_crlf_bom_fixture() -> None:
    """A BOM file with CRLF endings and a second BOM mid-text reads clean."""
    result = read_text_file(DATA / "crlf_bom.txt")
    assert (
        result.text == "中华人民共和国网络安全法\n第一章 总则\n第一条 为了保障网络安全，制定本法。"
    )
    assert records(result) == [("line-ending", 1, "\r\n", "\n", 3), ("bom", 3, "\ufeff", "", 1)]


def test_fullwidth_indent_fixture() -> None:
    """Full-width indents, tabs and no-break spaces become single ASCII spaces or go."""
    result = read_text_file(DATA / "fullwidth_indent.txt")
    assert result.text == "第一章 总则\n第一条 为了规范公司的组织和行为，制定本法。"
    assert {c.kind for c in result.cleanups} == {
        "space-variant",
        "leading-space",
        "trailing-space",
        "double-space",
        "heading-padding",
    }


@pytest.mark.parametrize(
    "line",
    [
        "第 1 條",
        "第 一 章 總則",
        "第一条 为了规范公司的组织和行为，制定本法。",
        "（一）宣传、煽动颠覆国家政权；",
        "Ａｒｔｉｃｌｅ １",
        "第１２条",
        "“三个代表”重要思想",
        "Article 91-1, paragraph 2 (deleted)",
    ],
)
def test_clean_line_is_untouched(line: str) -> None:
    """Single spaces, punctuation, full-width forms and Chinese text stay exactly as written."""
    result = clean_text(line)
    assert result.text == line
    assert result.cleanups == ()


def test_line_map_points_at_raw_lines() -> None:
    """Each cleaned line maps to the raw line it came from, also after splits and removals."""
    result = clean_text("标题\n\n第一条\x0c第二条\n- 2 -\n第三条")
    assert result.text == "标题\n第一条\n第二条\n第三条"
    assert result.line_map == (1, 3, 3, 5)


def test_cleanups_are_in_line_order() -> None:
    """Records come sorted by raw line, aggregated ones at their first line."""
    result = clean_text("甲 \r\n\r\n\u3000乙\r\n丙\u200b")
    assert [c.line for c in result.cleanups] == sorted(c.line for c in result.cleanups)
    assert [(c.kind, c.line, c.count) for c in result.cleanups] == [
        ("line-ending", 1, 3),
        ("trailing-space", 1, 1),
        ("blank-line", 2, 1),
        ("space-variant", 3, 1),
        ("leading-space", 3, 1),
        ("invisible-character", 4, 1),
    ]


def test_clean_text_reports_utf8() -> None:
    """clean_text works on a str, so its encoding field is utf-8."""
    result = clean_text("第一条")
    assert result == CleanText("第一条", "utf-8", (), (1,))


def test_nested_bookmarks_leave_none_behind() -> None:
    """Removing one bookmark that uncovers another removes that one too."""
    result = clean_text("甲[book[bookmark: a]mark: b]乙")
    assert result.text == "甲乙"
    assert_idempotent(result)


# --- real texts ----------------------------------------------------------------------------------


def test_seed_regulation_is_cleaned() -> None:
    """The seed loses its leading space, bookmark, blank line, double spaces and final space."""
    if not SEED.exists():
        pytest.skip(f"{SEED} is not available")
    result = read_text_file(SEED)
    lines = result.text.split("\n")
    assert result.encoding == "utf-8"
    assert lines[0] == "西藏自治区网络通信活动管理规定"
    assert lines[1] == "（2021年12月3日西藏自治区人民政府令第168号公布 自2022年2月1日起施行）"
    assert lines[2].startswith("第一条 为了维护国家安全")
    assert lines[-1] == "第十八条 本规定自2022年2月1日起施行。"
    assert "  " not in result.text
    assert "[bookmark" not in result.text
    assert "" not in lines
    found = records(result)
    assert found[:4] == [
        ("leading-space", 1, " ", "", 1),
        ("extraction-artifact", 2, "[bookmark: _GoBack]", "", 1),
        ("double-space", 2, "  ", " ", 1),
        ("blank-line", 3, "", "", 1),
    ]
    assert found[-1] == ("trailing-space", 69, " ", "", 1)
    assert {kind for kind, *_ in found[4:-1]} == {"double-space"}
    assert result.line_map[:3] == (1, 2, 4)
    assert_idempotent(result)


@pytest.mark.parametrize("path", LAWS, ids=[f"{p.parent.name}/{p.name}" for p in LAWS])
def test_corpus_law_reads_cleanly(path: Path) -> None:
    """Every law in the shared corpus reads, loses no content line and cleans idempotently."""
    result = read_text_file(path)
    assert result.encoding == "utf-8"
    assert not [c for c in result.cleanups if c.kind == "page-number"]
    assert len(result.line_map) == len(result.text.split("\n"))
    assert_idempotent(result)


def test_corpus_is_present() -> None:
    """The shared corpus is there, or the corpus tests above are skipped for a visible reason."""
    if not LAWS:
        pytest.skip(f"no laws under {SHARED / 'corpus' / 'laws'}")
    assert len(LAWS) >= 10


def test_cleaning_100_kb_is_fast() -> None:
    """Cleaning a 100 KB text with work on every line takes well under 50 ms."""
    line = "\u3000\u3000第一条  为了规范公司的组织和行为，保护公司、股东和债权人的合法权益。 \r\n"
    text = line * (100_000 // len(line.encode()))
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        clean_text(text)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.05


# --- properties ----------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "第一条",
        "甲",
        "a",
        "3",
        "１",
        "年",
        "-",
        "－",
        "第",
        "页",
        "Page",
        "of",
        "/",
        " ",
        "  ",
        "\t",
        "\u3000",
        "\u00a0",
        "\u2003",
        "\n",
        "\r",
        "\r\n",
        "\x0b",
        "\x0c",
        "\u2028",
        "\ufeff",
        "\u200b",
        "\u00ad",
        "[bookmark: _GoBack]",
        "[bookmark:",
        "]",
        "[",
    ]
)


@given(st.lists(FRAGMENTS, max_size=40).map("".join) | st.text(max_size=60))
def test_cleaning_is_idempotent_and_tidy(raw: str) -> None:
    """Cleaning twice equals cleaning once, and the result has no double space or blank line."""
    result = clean_text(raw)
    assert_idempotent(result)
    assert "  " not in result.text
    lines = result.text.split("\n")
    assert result.text == "" or "" not in lines
    assert len(result.line_map) == (len(lines) if result.text else 0)
    assert list(result.line_map) == sorted(result.line_map)


@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_cleanups_reference_real_lines(raw: str) -> None:
    """Every record names a raw line of the input and a positive count."""
    result = clean_text(raw)
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for change in result.cleanups:
        assert isinstance(change, Cleanup)
        assert 1 <= change.line <= len(raw_lines)
        assert change.count >= 1


@pytest.mark.parametrize(
    ("line", "cleaned", "padded"),
    [
        ("第一章　总　　则", "第一章 总则", True),
        ("目　　录", "目录", True),
        ("第 一 章 總　　則", "第 一 章 總則", True),
        ("第三章之一　法律　责任", "第三章之一 法律责任", True),
        ("第一章 总则", "第一章 总则", False),
        ("第一条　甲　乙。", "第一条 甲 乙。", False),  # not a heading: spaces only collapsed
        ("Chapter I  General Provisions", "Chapter I General Provisions", False),
    ],
)
def test_heading_padding_is_removed_and_recorded(line: str, cleaned: str, padded: bool) -> None:
    """The spaces that pad a Chinese heading's name to a width go, with a record."""
    result = clean_text(line + "\n")
    assert result.text == cleaned
    assert any(c.kind == "heading-padding" for c in result.cleanups) == padded
