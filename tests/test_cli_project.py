"""The project commands: init, import, align, export-text, build, stats."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import LAWS, ROOT, needs_corpus
from lextm.build import open_index
from lextm.cli import cli
from lextm.project import load_project

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"
DOC = "xizang-network-communications"
PDPA = next((law for law in LAWS if law.slug == "tw-personal-data-protection-act-2023"), None)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the seed regulation imported."""
    root = tmp_path / "p"
    assert _run("init", str(root))[0] == 0
    code, out, err = _run(
        "import", str(SEED), "--doc", DOC, "--version", "2021-12-03", "--project", str(root)
    )
    assert code == 0, err
    assert "90 entries" in out
    return root


def test_stats_json(project: Path) -> None:
    """stats --json has one record per document version with the documented keys."""
    code, out, _ = _run("stats", "--json", "--project", str(project))
    assert code == 0
    assert json.loads(out) == [
        {
            "document": DOC,
            "version": "2021-12-03",
            "segments": 90,
            "translated": 0,
            "fuzzy": 0,
            "untranslated": 90,
            "reviewed": 0,
        }
    ]


def test_build_twice(project: Path) -> None:
    """A second build with nothing changed reads no file."""
    assert "1 read" in _run("build", "--project", str(project))[1]
    assert "0 read" in _run("build", "--project", str(project))[1]


def test_export_text(project: Path) -> None:
    """export-text gives back the cleaned source."""
    code, out, _ = _run("export-text", str(project / "tm" / DOC / "2021-12-03.po"))
    assert code == 0
    assert out.splitlines()[0] == "西藏自治区网络通信活动管理规定"
    assert out.splitlines()[2].startswith("第一条 为了维护国家安全")


def test_broken_po_stops_build(project: Path) -> None:
    """A hand-edited PO with a duplicate msgctxt: file and line named, index unchanged."""
    _run("build", "--project", str(project))
    before = _run("stats", "--json", "--project", str(project))[1]
    po = project / "tm" / DOC / "2021-12-03.po"
    good = po.read_text(encoding="utf-8")
    other = project / "tm" / "other"
    other.mkdir()
    (other / "v1.po").write_text(
        good.replace(f"X-Lextm-Document: {DOC}", "X-Lextm-Document: other")
    )
    po.write_text(good.replace('msgctxt "art2"', 'msgctxt "art1"', 1), encoding="utf-8")
    code, _, err = _run("build", "--project", str(project))
    assert code == 2
    assert re.search(r"2021-12-03\.po:\d+: .*art1", err), err
    with open_index(load_project(project)) as store:  # read without rebuilding
        assert [asdict(row) for row in store.stats()] == json.loads(before)
        assert "tm/other/v1.po" not in store.files()


def test_unknown_msgctxt(project: Path) -> None:
    """A msgctxt that is not an address is refused with file and line."""
    po = project / "tm" / DOC / "2021-12-03.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgctxt "art3"', 'msgctxt "Art. 3"'))
    code, _, err = _run("build", "--project", str(project))
    assert code == 2 and "2021-12-03.po:" in err and "Art. 3" in err


def test_not_in_a_project(tmp_path: Path) -> None:
    """Project commands outside a project say so, exit 2."""
    code, _, err = _run("stats", "--project", str(tmp_path))
    assert code == 2 and "lextm init" in err


@needs_corpus
def test_align_json_shape() -> None:
    """align --json: pairs with source/target objects and a confidence."""
    assert PDPA is not None and PDPA.en is not None
    code, out, _ = _run("align", str(PDPA.zh), str(PDPA.en), "--json")
    assert code == 0
    pairs = json.loads(out)
    first_sentence = next(p for p in pairs if p["source"]["address"] == "art1.p1.s1")
    assert first_sentence["source"]["article"] == "1"
    assert first_sentence["source"]["paragraph"] == 1
    assert first_sentence["source"]["item"] is None
    assert first_sentence["target"]["address"] == "art1.p1.s1"
    assert 0.9 <= first_sentence["confidence"] <= 1.0
    item = next(p for p in pairs if p["source"] and p["source"]["address"] == "art2.p1.i3.s1")
    assert item["source"]["item"] == 3 and item["target"]["item"] == 3


@needs_corpus
def test_import_with_translation_json(project: Path) -> None:
    """import --translation --json reports entries, translated and low-confidence pairs."""
    assert PDPA is not None and PDPA.en is not None
    code, out, err = _run(
        "import",
        str(PDPA.zh),
        "--doc",
        "tw-pdpa",
        "--version",
        "2023-05-31",
        "--date",
        "2023-05-31",
        "--role",
        "reference",
        "--translation",
        str(PDPA.en),
        "--json",
        "--project",
        str(project),
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["entries"] == data["translated"] > 250
    assert data["low_confidence"] == []
    stats = json.loads(_run("stats", "--json", "--project", str(project))[1])
    assert {row["document"] for row in stats} == {DOC, "tw-pdpa"}


def test_mismatched_translation(project: Path, tmp_path: Path) -> None:
    """A translation with other articles: exit 2, message naming it, tm/ unchanged."""
    zh = tmp_path / "zh.txt"
    zh.write_text("第一条 甲。\n第二条 乙。\n第三条 丙。\n", encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text("Article 1 A.\nArticle 2 B.\n", encoding="utf-8")
    code, _, err = _run(
        "import",
        str(zh),
        "--doc",
        "x",
        "--version",
        "v1",
        "--date",
        "2020-01-01",
        "--translation",
        str(en),
        "--project",
        str(project),
    )
    assert code == 2 and "en.txt" in err and "3" in err
    assert not (project / "tm" / "x").exists()
