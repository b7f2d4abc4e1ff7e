"""The command line: outline and segments on real files, and every kind of bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from lextm import __version__
from lextm.cli import cli

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    """`lextm --version` prints the version."""
    code, out, _ = _run("--version")
    assert code == 0 and __version__ in out


def test_help_lists_commands() -> None:
    """`lextm --help` lists the commands."""
    code, out, _ = _run("--help")
    assert code == 0 and "outline" in out and "segments" in out


def test_outline_json_shape() -> None:
    """The outline JSON has the documented keys, articles in document order."""
    code, out, _ = _run("outline", str(SEED), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "西藏自治区网络通信活动管理规定"
    assert data["note"]["effective"] == "2022-02-01"
    assert [a["number"] for a in data["articles"]] == [str(n) for n in range(1, 19)]
    article8 = data["articles"][7]
    assert article8["address"] == "art8"
    assert len(article8["paragraphs"]) == 1 and len(article8["paragraphs"][0]["items"]) == 10
    assert article8["paragraphs"][0]["items"][2]["address"] == "art8.p1.i3"
    assert any(c["kind"] == "extraction-artifact" for c in data["cleanups"])
    assert data["counts"]["articles"] == 18 and data["counts"]["items"] == 43


def test_outline_text_and_explain() -> None:
    """The text outline ends with totals and, with --explain, every clean-up change."""
    code, out, _ = _run("outline", str(SEED), "--explain")
    assert code == 0
    assert "18 articles · 22 paragraphs · 43 items" in out
    assert "effective 2022-02-01" in out
    assert "line 2: extraction-artifact: '[bookmark: _GoBack]'" in out


def test_segments_text() -> None:
    """Segments print one a line, address then text."""
    code, out, _ = _run("segments", str(SEED))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "title\t西藏自治区网络通信活动管理规定"
    assert "art8.p1.i3.s1\t（三）否定、歪曲民族区域自治制度和新时代党的治藏方略的；" in lines


def test_segments_json() -> None:
    """Segment JSON carries address, display form and the provision numbers."""
    code, out, _ = _run("segments", str(SEED), "--json")
    assert code == 0
    rows = {row["address"]: row for row in json.loads(out)["segments"]}
    row = rows["art8.p1.i3.s1"]
    assert (row["article"], row["paragraph"], row["item"]) == ("8", 1, 3)
    assert row["display"] == "Article 8(1)(3), sentence 1"


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "extra", "message"),
    [
        ("empty.txt", b"", (), r"empty\.txt: .*empty"),
        ("blob.bin", b"\x00\x01\x02\x03PK\x00\x00", (), r"blob\.bin(:\d+)?: .*binary"),
        ("minutes.txt", "会议纪要\n今天开会。\n".encode(), (), r"minutes\.txt: no articles found"),
        (
            "gbk.txt",
            "第一条 为了规范网络。\n".encode("gb18030"),
            ("--encoding", "utf-8"),
            r"gbk\.txt:1: .*utf-8",
        ),
        ("bad-codec.txt", "第一条 甲。".encode(), ("--encoding", "klingon"), r"bad-codec\.txt"),
    ],
    ids=["empty", "binary", "no-articles", "wrong-encoding", "unknown-encoding"],
)
def test_bad_input(
    tmp_path: Path, name: str, data: bytes, extra: tuple[str, ...], message: str
) -> None:
    """Bad input gives a one-line error naming the file (and line) and exit code 2."""
    path = _bad(tmp_path, name, data)
    for command in ("outline", "segments"):
        code, out, err = _run(command, str(path), *extra)
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("lextm: error: ")
        assert re.search(message, err), err


def test_missing_path(tmp_path: Path) -> None:
    """A missing file is a one-line error naming it, exit code 2."""
    code, _, err = _run("outline", str(tmp_path / "nowhere.txt"))
    assert code == 2
    assert "nowhere.txt" in err and len(err.strip().splitlines()) == 1


def test_detected_gb18030(tmp_path: Path) -> None:
    """A GB18030 file is detected and reported as such."""
    path = _bad(
        tmp_path, "gb.txt", "某某规定\n第一条 为了规范网络管理，制定本规定。\n".encode("gb18030")
    )
    code, out, _ = _run("outline", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["encoding"] == "gb18030" and data["title"] == "某某规定"


def test_usage_error_exit_code() -> None:
    """An unknown option is bad usage: exit code 2."""
    code, _, err = _run("outline", "--no-such-option")
    assert code == 2 and "no-such-option" in err


@pytest.mark.parametrize("name", ["seed_as_word.docx", "seed_as_web_page.html"])
def test_word_and_html_inputs(name: str) -> None:
    """A law in a .docx or an HTML page parses like its plain text, the extraction recorded."""
    from conftest import DATA

    code, out, _ = _run("outline", str(DATA / "zh" / name), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["counts"]["articles"] == 18 and data["counts"]["items"] == 43
    assert data["cleanups"][0]["kind"] in ("extracted-from-docx", "html-markup")


def test_broken_docx(tmp_path: Path) -> None:
    """A .docx that is not a Word document is a one-line error naming it."""
    path = tmp_path / "law.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = _run("outline", str(path))
    assert code == 2 and "law.docx" in err
