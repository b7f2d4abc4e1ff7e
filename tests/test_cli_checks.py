"""The check, glossary and terms commands on a real project."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from lextm.cli import cli
from lextm.formats.po import read_po, write_po

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"
DOC = "xizang-network-communications"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the seed imported and two entries translated (one of them wrongly)."""
    root = tmp_path / "p"
    _run("init", str(root))
    _run("import", str(SEED), "--doc", DOC, "--version", "2021-12-03", "--project", str(root))
    po = root / "tm" / DOC / "2021-12-03.po"
    doc, fingerprint = read_po(po)
    targets = {
        "art18": "Article 17",
        "art3.p1.s2": "The CAC is responsible for coordinating the supervision and "
        "administration of network communication activities in its administrative region.",
    }
    entries = tuple(replace(e, target=targets.get(e.address, e.target)) for e in doc.entries)
    write_po(po, replace(doc, entries=entries), expect=fingerprint)
    code, _, err = _run(
        "glossary",
        "add",
        "网信部门",
        "cyberspace administration department",
        "--source",
        "project",
        "--project",
        str(root),
    )
    assert code == 0, err
    _run("glossary", "add", "网信部门", "CAC", "--status", "forbidden", "--project", str(root))
    return root


def test_check_exit_code_and_text(project: Path) -> None:
    """Errors found: exit 1, findings name the check, the article and the offending span."""
    code, out, _ = _run("check", DOC, "--project", str(project))
    assert code == 1
    assert "Article 18 [art18]" in out and "references" in out and "⟦17⟧" in out
    assert "term-forbidden" in out and "⟦CAC⟧" in out
    assert "untranslated" in out  # the other 88 entries, as warnings


def test_check_json(project: Path) -> None:
    """--json: a list of findings with check, severity, document, version, address, spans."""
    code, out, _ = _run("check", "--json", "--project", str(project))
    assert code == 1
    findings = json.loads(out)
    forbidden = next(f for f in findings if f["check"] == "term-forbidden")
    assert forbidden["document"] == DOC and forbidden["version"] == "2021-12-03"
    assert forbidden["address"] == "art3.p1.s2" and forbidden["severity"] == "error"
    start, end = forbidden["target_spans"][0]
    assert forbidden["target"][start:end] == "CAC"


def test_check_fail_on_and_only(project: Path) -> None:
    """--fail-on never exits 0; --only limits the run; unknown checks are bad usage."""
    assert _run("check", "--fail-on", "never", "--project", str(project))[0] == 0
    code, out, _ = _run("check", "--only", "punctuation", "--project", str(project))
    assert code == 0 and "0 errors" in out
    assert _run("check", "--only", "nope", "--project", str(project))[0] == 2


def test_check_html(project: Path, tmp_path: Path) -> None:
    """--html writes a self-contained report with the spans highlighted."""
    report = tmp_path / "report.html"
    _run("check", "--html", str(report), "--project", str(project))
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark>CAC</mark>" in page
    assert "<link" not in page and "<script src" not in page


def test_check_single_po_file(project: Path) -> None:
    """A PO file can be checked by path."""
    po = project / "tm" / DOC / "2021-12-03.po"
    code, out, _ = _run("check", str(po), "--only", "references")
    assert code == 1 and "art18" in out


def test_check_missing_target(project: Path) -> None:
    """Checking a document that does not exist is bad input, exit 2."""
    code, _, err = _run("check", "no-such-doc", "--project", str(project))
    assert code == 2 and DOC in err


def test_glossary_list_search_remove(project: Path) -> None:
    """Terms are listed (JSON too), searched with folding, and removed."""
    _, out, _ = _run("glossary", "list", "--json", "--project", str(project))
    rows = json.loads(out)
    assert {(r["lang"], r["term"], r["status"]) for r in rows} >= {
        ("zh-CN", "网信部门", "preferred"),
        ("en", "CAC", "forbidden"),
    }
    concept = rows[0]["concept"]
    assert "网信部门" in _run("glossary", "search", "網信", "--project", str(project))[1]
    assert _run("glossary", "remove", concept, "--project", str(project))[0] == 0
    assert json.loads(_run("glossary", "list", "--json", "--project", str(project))[1]) == []


def test_glossary_file_is_canonical_tsv(project: Path) -> None:
    """The glossary file is the TSV of the data contract, header first."""
    text = (project / "glossary" / "terms.tsv").read_text(encoding="utf-8")
    assert text.splitlines()[0].split("\t")[:4] == ["concept", "lang", "term", "status"]


def test_terms_extract(project: Path) -> None:
    """terms extract proposes the seed's defined term as a glossary TSV for review."""
    code, out, err = _run("terms", "extract", DOC, "--project", str(project))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("concept\tlang\tterm")
    assert any("\t网络通信活动\t" in line for line in lines)


def test_check_list() -> None:
    """--list names every check."""
    out = _run("check", "--list")[1]
    assert "term-missing" in out and "bounds" in out
