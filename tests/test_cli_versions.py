"""The version commands: diff, history, and the carry-over summary of import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from lextm.cli import cli

FIXTURES = DATA / "versions" / "fixtures"
V1, V2 = FIXTURES / "renumber" / "v1.zh.txt", FIXTURES / "renumber" / "v2.zh.txt"
EN1 = FIXTURES / "renumber" / "v1.en.txt"


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with v1 translated and v2 imported with carry-over."""
    root = tmp_path / "p"
    assert _run("init", root)[0] == 0
    common = ("--doc", "d", "--project", root)
    code, _, err = _run(
        "import", V1, "--version", "v1", "--date", "2020-01-01", "--translation", EN1, *common
    )
    assert code == 0, err
    code, _, err = _run("import", V2, "--version", "v2", "--date", "2021-01-01", *common)
    assert code == 0, err
    return root


def test_diff_files_text() -> None:
    """diff OLD.txt NEW.txt prints a summary and one line per record, changes marked."""
    code, out, _ = _run("diff", V1, V2)
    lines = out.splitlines()
    assert code == 0
    assert lines[1] == "  2 unchanged, 5 renumbered, 1 renumbered+modified, 2 inserted"
    assert "      59 →  61     renumbered           1.00" in lines
    assert (
        "依照本条例第[-五-]{+六+}十[-九-]{+一+}条的规定置备的股东名册，应当保存于公司住所。" in out
    )


def test_diff_brief_leaves_out_the_changes() -> None:
    """--brief prints only the table."""
    code, out, _ = _run("diff", V1, V2, "--brief")
    assert code == 0 and "[-" not in out and len(out.splitlines()) == 13


def test_diff_json_records() -> None:
    """--json prints one record per mapping with old, new, change and similarity."""
    code, out, _ = _run("diff", V1, V2, "--json")
    records = json.loads(out)
    assert code == 0
    assert {"old": "59", "new": "61", "change": "renumbered", "similarity": 1.0} in records
    assert {"old": None, "new": "57", "change": "inserted", "similarity": 0.0} in records
    (modified,) = [r for r in records if r["change"] == "renumbered+modified"]
    assert modified["paragraphs"] == [
        {
            "old": 1,
            "new": 1,
            "change": "modified",
            "similarity": modified["paragraphs"][0]["similarity"],
        }
    ]
    assert ["-", "五"] in modified["diff"] and ["+", "六"] in modified["diff"]


def test_diff_html(tmp_path: Path) -> None:
    """--html writes a self-contained side-by-side page with insertions and deletions marked."""
    page = tmp_path / "diff.html"
    code, _, _ = _run("diff", V1, V2, "--html", page, "--brief")
    html = page.read_text(encoding="utf-8")
    assert code == 0
    assert html.startswith("<!DOCTYPE html>") and "<link" not in html and "<script" not in html
    assert "<del>五</del>" in html and "<ins>六</ins>" in html


def test_diff_project_versions(project: Path) -> None:
    """diff DOC OLD NEW maps two imported versions from their PO files."""
    code, out, _ = _run("diff", "d", "v1", "v2", "--brief", "--project", project)
    assert code == 0 and out.startswith("v1 → v2: 8 → 10 articles")


def test_diff_fail_on_change() -> None:
    """--fail-on-change exits with 1 when anything changed."""
    assert _run("diff", V1, V2, "--brief", "--fail-on-change")[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("d", "v2", "v1"), "is dated before"),
        (("d", "v1", "v1"), "both versions are v1"),
        ((V1, V1), "have the same text"),
        ((FIXTURES / "different_law" / "v1.zh.txt", V1), "look like different laws"),
        ((V1,), "diff takes DOC OLD NEW or OLD.txt NEW.txt"),
    ],
)
def test_diff_refuses_bad_input(
    project: Path, tmp_path: Path, args: tuple[str | Path, ...], message: str
) -> None:
    """Wrong order, identical versions, another law, wrong arguments: exit 2, nothing written."""
    page = tmp_path / "out.html"
    code, out, err = _run("diff", *args, "--html", page, "--project", project)
    assert code == 2 and message in err and out == ""
    assert not page.exists()


def test_import_prints_what_needs_work(tmp_path: Path) -> None:
    """Importing a new version prints the carry-over summary and the work, by article."""
    root = tmp_path / "p"
    _run("init", root)
    common = ("--doc", "d", "--project", root)
    _run("import", V1, "--version", "v1", "--date", "2020-01-01", "--translation", EN1, *common)
    code, out, _ = _run("import", V2, "--version", "v2", "--date", "2021-01-01", *common)
    assert code == 0
    assert "carried from v1: " in out and "1 references rewritten" in out
    assert "  Article 57: 2 new" in out.splitlines()
    assert "  Article 62: 1 changed" in out.splitlines()


def test_import_json_carried(tmp_path: Path) -> None:
    """import --json reports the carry-over with counts and the entries that need work."""
    root = tmp_path / "p"
    _run("init", root)
    common = ("--doc", "d", "--project", root)
    _run("import", V1, "--version", "v1", "--date", "2020-01-01", "--translation", EN1, *common)
    code, out, _ = _run(
        "import", V2, "--version", "v2", "--date", "2021-01-01", "--from", "v1", "--json", *common
    )
    carried = json.loads(out)["carried"]
    assert code == 0 and carried["from"] == "v1" and carried["references_rewritten"] == 1
    assert {"address": "art62.p1.s1", "reason": "changed", "detail": "0.86"} in carried[
        "needs_work"
    ]


@pytest.mark.parametrize(
    ("text", "version", "date", "extra", "message"),
    [
        (V2, "v3", "2022-01-01", (), "has the same text as v2"),
        (FIXTURES / "different_law" / "v1.zh.txt", "v3", "2022-01-01", (), "different laws"),
        (V2, "v0", "2019-01-01", ("--from", "v2"), "is dated before"),
    ],
)
def test_import_refuses_bad_versions(
    project: Path, text: Path, version: str, date: str, extra: tuple[str, ...], message: str
) -> None:
    """Identical text, another law, or --from a later version: exit 2 and nothing written."""
    before = (project / "lextm.toml").read_bytes()
    code, _, err = _run(
        "import",
        text,
        "--doc",
        "d",
        "--version",
        version,
        "--date",
        date,
        *extra,
        "--project",
        project,
    )
    assert code == 2 and message in err
    assert not (project / "tm" / "d" / f"{version}.po").exists()
    assert (project / "lextm.toml").read_bytes() == before


def test_history_follows_renumbering(project: Path) -> None:
    """history DOC 61 shows old article 59 in v1 and article 61 in v2, with translations."""
    code, out, _ = _run("history", "d", "61", "--project", project)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "== v1 (2020-01-01): Article 59, first"
    assert lines[1] == "第五十九条 公司应当置备股东名册，记载股东的姓名和出资额。"
    assert lines[2].startswith("Article 59 A company shall keep a register")
    assert lines[3] == "== v2 (2021-01-01): Article 61, renumbered (1.00)"


def test_history_json(project: Path) -> None:
    """history --json has one record per version, with the article's label there."""
    code, out, _ = _run("history", "d", "59", "--in", "v1", "--json", "--project", project)
    records = json.loads(out)
    assert code == 0
    assert [(r["version"], r["article"], r["change"]) for r in records] == [
        ("v1", "59", "first"),
        ("v2", "61", "renumbered"),
    ]


def test_history_unknown_article(project: Path) -> None:
    """An article the version does not have is a clear error (exit 2)."""
    code, _, err = _run("history", "d", "99", "--project", project)
    assert code == 2 and "has no Article 99" in err
