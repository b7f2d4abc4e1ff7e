"""The exchange commands: tm add / list / remove, export, apply-xliff, glossary import / export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lextm.cli import cli
from lextm.formats.po import read_po, write_po
from lextm.model import DocumentFile, Entry

ENTRIES = (
    Entry("title", "网络通信管理规定", "Regulations on Network Communications", ("reviewed",)),
    Entry("art1", "第一条", "Article 1"),
    Entry(
        "art1.p1.s1", "为了加强管理，制定本规定。", "These Regulations are formulated.", ("fuzzy",)
    ),
    Entry("art2", "第二条", ""),
)


def run(project: Path, *args: str) -> Result:
    """Run lextm in the project."""
    return CliRunner().invoke(cli, [*args, "--project", str(project)])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one bilingual document."""
    root = tmp_path / "p"
    assert CliRunner().invoke(cli, ["init", str(root)]).exit_code == 0
    doc = DocumentFile("net", "2021-01-01", "zh-CN", "en", ENTRIES)
    write_po(root / "tm" / "net" / "2021-01-01.po", doc)
    return root


def test_export_formats_and_filters(project: Path, tmp_path: Path) -> None:
    """export writes by extension or --format, filtered by state, and reports its counts."""
    result = run(project, "export", str(tmp_path / "all.tmx"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("4 read, 4 written, 0 skipped")
    result = run(project, "export", str(tmp_path / "done.csv"), "--state", "reviewed")
    assert result.output.startswith("1 read, 1 written")
    result = run(project, "export", str(tmp_path / "job.xlf"), "--format", "xliff2", "--json")
    assert json.loads(result.output)["written"] == 4


def test_tm_add_list_remove_and_rebuild(project: Path, tmp_path: Path) -> None:
    """A reference TM is copied, recorded, indexed, rebuilt from lextm.toml and removed."""
    run(project, "export", str(tmp_path / "ref.tmx"))
    result = run(
        project, "tm", "add", str(tmp_path / "ref.tmx"), "--name", "seed", "--penalty", "5"
    )
    assert result.exit_code == 0, result.output
    assert (project / "tm" / "ref" / "seed.tmx").is_file()
    assert 'name = "seed"' in (project / "lextm.toml").read_text(encoding="utf-8")
    shutil.rmtree(project / ".lextm")
    listed = json.loads(run(project, "tm", "list", "--json").output)
    assert [(item["name"], item["units"]) for item in listed] == [("project", 4), ("seed", 4)]
    assert run(project, "tm", "remove", "seed").exit_code == 0
    assert not (project / "tm" / "ref" / "seed.tmx").exists()
    assert [i["name"] for i in json.loads(run(project, "tm", "list", "--json").output)] == [
        "project"
    ]


def test_tm_add_line_aligned_pair(project: Path, tmp_path: Path) -> None:
    """A line-aligned pair is added from one of its files; both are copied."""
    (tmp_path / "c.zh").write_text("法律\n规定\n", encoding="utf-8")
    (tmp_path / "c.en").write_text("law\nregulation\n", encoding="utf-8")
    result = run(project, "tm", "add", str(tmp_path / "c.zh"), "--name", "pairs")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "tm" / "ref").iterdir()) == ["pairs.en", "pairs.zh"]


def test_tm_add_refuses_other_languages_and_leaves_nothing(project: Path, tmp_path: Path) -> None:
    """A TM in other languages is refused with exit 2: no copy, no entry, no index rows."""
    path = tmp_path / "fr.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>loi</seg>'
        '</tuv><tuv xml:lang="de"><seg>Gesetz</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    result = run(project, "tm", "add", str(path), "--name", "fr")
    assert result.exit_code == 2
    assert "fr, de" in result.output
    assert not (project / "tm" / "ref" / "fr.tmx").exists()
    assert "reference_tms" not in (project / "lextm.toml").read_text(encoding="utf-8")


def test_apply_xliff_brings_a_job_back(project: Path, tmp_path: Path) -> None:
    """An XLIFF exported, translated elsewhere and applied updates the PO file by address."""
    job = tmp_path / "job.xlf"
    run(project, "export", str(job))
    text = job.read_text(encoding="utf-8").replace(
        "<source>第二条</source>",
        '<source>第二条</source>\n<target state="translated">Article 2</target>',
    )
    job.write_text(text, encoding="utf-8")
    result = run(project, "apply-xliff", str(job))
    assert result.exit_code == 0, result.output
    assert "1 updated, 3 unchanged, 0 unknown, 0 skipped" in result.output
    doc, _ = read_po(project / "tm" / "net" / "2021-01-01.po")
    assert doc.entries[3].target == "Article 2"


def test_glossary_import_and_export(project: Path, tmp_path: Path) -> None:
    """Terms import from TBX (other languages reported) and export again as TBX and CSV."""
    tbx = tmp_path / "in.tbx"
    tbx.write_text(
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>"
        '<conceptEntry id="law"><langSec xml:lang="zh">'
        "<termSec><term>法律</term></termSec></langSec>"
        '<langSec xml:lang="en"><termSec><term>law</term><termNote type="administrativeStatus">'
        'preferredTerm-admn-sts</termNote></termSec></langSec><langSec xml:lang="fr"><termSec>'
        "<term>loi</term></termSec></langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    result = run(project, "glossary", "import", str(tbx))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "2 added, 0 updated, 0 unchanged",
        "3 read, 2 written, 1 skipped",
    ]
    assert run(project, "glossary", "import", str(tbx)).output.startswith("0 added, 0 updated, 2")
    for name in ("out.tbx", "out.csv"):
        assert run(project, "glossary", "export", str(tmp_path / name)).exit_code == 0
    assert "law" in (tmp_path / "out.csv").read_text(encoding="utf-8")
