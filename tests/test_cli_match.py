"""The TM commands: match, search, analyze, pretranslate, on a small project in tmp_path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from lextm.cli import cli
from lextm.formats.po import read_po, write_po
from lextm.model import DocumentFile, Entry
from lextm.project import DocumentInfo, VersionInfo, init_project

LAW = "company-law"
V1 = (
    Entry("art1", "第一条", "Article 1"),
    Entry("art1.p1.s1", "公司应当依法经营。", "A company shall operate according to law."),
    Entry("art1.p1.s2", "股东应当在十五日内缴纳出资。", "Shareholders shall pay within 15 days."),
    Entry("art1.p1.s3", "股东依法享有资产收益。", "Shareholders enjoy returns."),
)
V2 = (
    Entry("art1", "第一条"),
    Entry("art1.p1.s1", "公司应当依法经营。"),
    Entry("art1.p1.s2", "股东应当在三十日内缴纳出资。"),
    Entry("art1.p1.s3", "股东依法享有资产收益。", "Kept.", flags=("reviewed",)),
    Entry("art1.p1.s4", "完全不同的一句话。"),
)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with version v1 translated and v2 to do."""
    root = tmp_path / "p"
    created = init_project(root)
    versions = (VersionInfo("v1", "2020-01-01"), VersionInfo("v2", "2021-01-01", "amendment"))
    created.update(lambda config: config.with_document(DocumentInfo(LAW, versions=versions)))
    for label, entries in (("v1", V1), ("v2", V2)):
        path = root / "tm" / LAW / f"{label}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_po(path, DocumentFile(LAW, label, "zh-CN", "en", entries))
    return root


def test_match_prints_score_kind_diff_target_and_provenance(project: Path) -> None:
    """`lextm match TEXT` lists matches with score, kind, a diff, the target and provenance."""
    code, out, _ = _run("match", "股东应当在三十日内缴纳出资。", "--project", str(project))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("1. ") and " fuzzy (similarity 86)" in lines[0]
    assert "company-law v1 art1.p1.s2 · translated · project" in lines[0]
    assert lines[1] == "   source: 股东应当在{+三+}十[-五-]日内缴纳出资。"
    assert lines[2] == "   target: Shareholders shall pay within 30 days."
    assert lines[3] == "   numbers replaced: 15 → 30"


def test_match_json_has_the_documented_fields(project: Path) -> None:
    """`--json` gives query and matches with score, kind, source, target, origin, similarity."""
    code, out, _ = _run("match", "公司应当依法经营。", "--json", "--project", str(project))
    assert code == 0
    record = json.loads(out)
    assert record["query"] == "公司应当依法经营。"
    (first, *_) = record["matches"]
    assert {k: first[k] for k in ("score", "kind", "similarity", "target", "origin", "tm")} == {
        "score": 99.0,
        "kind": "exact",
        "similarity": 100.0,
        "target": "A company shall operate according to law.",
        "origin": "translated",
        "tm": "project",
    }
    assert {"source", "document", "version", "address", "substituted", "diff"} <= set(first)


def test_match_batch_json_lines(project: Path, tmp_path: Path) -> None:
    """`--batch FILE --json` prints one JSON object a line, one per query line."""
    queries = tmp_path / "q.txt"
    queries.write_text("公司应当依法经营。\n没有这样的句子\n", encoding="utf-8")
    code, out, _ = _run("match", "--batch", str(queries), "--json", "--project", str(project))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in records] == ["公司应当依法经营。", "没有这样的句子"]
    assert [len(r["matches"]) for r in records] == [1, 0]


def test_match_batch_file_not_utf8_names_file_and_line(project: Path, tmp_path: Path) -> None:
    """A query file that is not UTF-8 is bad input: exit 2, the file and the line named."""
    queries = tmp_path / "q.txt"
    queries.write_bytes("公司\n".encode() + "股东\n".encode("gb18030"))
    code, _, err = _run("match", "--batch", str(queries), "--project", str(project))
    assert code == 2
    assert f"{queries}:2: not UTF-8 text" in err


@pytest.mark.parametrize("args", [[], ["x", "--batch", "q.txt"]])
def test_match_needs_text_or_batch(project: Path, args: list[str]) -> None:
    """Exactly one of TEXT and --batch is required."""
    code, _, err = _run("match", *args, "--project", str(project))
    assert code == 2 and "either TEXT or --batch" in err


def test_search_finds_two_character_terms_in_traditional_script(project: Path) -> None:
    """`lextm search` folds script and finds a two-character term, with context."""
    code, out, _ = _run("search", "股東", "--side", "source", "--json", "--project", str(project))
    assert code == 0
    found = json.loads(out)
    assert [f"{u['version']} {u['address']}" for u in found] == [
        "v1 art1.p1.s2",
        "v1 art1.p1.s3",
        "v2 art1.p1.s2",
        "v2 art1.p1.s3",
    ]
    assert found[0]["source_hits"] == [[0, 2]]
    assert found[0]["source_context"] == "[股东]应当在十五日内缴纳出资。"


def test_analyze_json_bands(project: Path) -> None:
    """`lextm analyze DOC@VERSION --json` counts segments and characters by band."""
    code, out, _ = _run("analyze", f"{LAW}@v2", "--json", "--project", str(project))
    assert code == 0
    result = json.loads(out)
    bands = {b["band"]: b["segments"] for b in result["bands"]}
    assert bands == {
        "context": 3,
        "100%": 0,
        "95-99%": 0,
        "85-94%": 0,
        "75-84%": 0,
        "none": 2,
    }
    assert result["total"]["segments"] == 5


def test_pretranslate_fills_the_file(project: Path) -> None:
    """`lextm pretranslate` fills empty entries, flags fuzzy ones, leaves reviewed ones alone."""
    path = project / "tm" / LAW / "v2.po"
    code, out, _ = _run("pretranslate", str(path), "--json")
    assert code == 0, out
    assert json.loads(out)["written"] is True
    doc, _ = read_po(path)
    label, exact, fuzzy, reviewed, none = doc.entries
    assert (label.target, exact.target, exact.flags) == ("Article 1", V1[1].target, ())
    assert (fuzzy.target, fuzzy.flags) == ("Shareholders shall pay within 30 days.", ("fuzzy",))
    assert fuzzy.notes[-1].startswith("origin: pretranslated, fuzzy ")
    assert fuzzy.notes[-1].endswith(", numbers 15→30")
    assert (reviewed.target, reviewed.flags) == ("Kept.", ("reviewed",)) and none.target == ""
    code, out, _ = _run("pretranslate", str(path))
    assert code == 0 and "(file unchanged)" in out


def test_match_from_a_cold_start_loads_no_jieba(project: Path) -> None:
    """`lextm match` in a fresh process never loads jieba."""
    script = (
        "import sys\nfrom click.testing import CliRunner\nfrom lextm.cli import cli\n"
        f"argv = ['match', '公司应当依法经营。', '--project', {str(project)!r}]\n"
        "r = CliRunner().invoke(cli, argv)\n"
        "assert r.exit_code == 0, r.output\nprint('jieba' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert done.stdout.strip() == "False"


def test_rebuilding_the_index_gives_the_same_matches(project: Path) -> None:
    """After `rm -rf .lextm` the commands rebuild the index and match exactly as before."""
    import shutil

    args = ("match", "--batch", "-", "--json", "--project", str(project))
    queries = "公司应当依法经营。\n股东应当在三十日内缴纳出资。\n"
    before = CliRunner().invoke(cli, list(args), input=queries)
    shutil.rmtree(project / ".lextm")
    assert _run("build", "--project", str(project))[0] == 0
    after = CliRunner().invoke(cli, list(args), input=queries)
    assert before.exit_code == after.exit_code == 0
    assert before.stdout == after.stdout and before.stdout.count("\n") == 2
