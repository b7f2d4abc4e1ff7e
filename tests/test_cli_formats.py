"""The exchange commands: tm add / list / remove, export, apply-xliff, glossary import / export."""

from __future__ import annotations

import json
import re
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


HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" '
    'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" '
    'datatype="plaintext"/><body>'
)
TU = '<tu><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv><tuv xml:lang="en"><seg>{en}</seg></tuv></tu>'
ONE_LINE_MB = 100


def one_line_tmx(path: Path, *, end: str = "</body></tmx>") -> int:
    """A TMX of ONE_LINE_MB megabytes without a newline; the number of units written."""
    zh = "网络运营者应当履行网络安全保护义务，不得危害网络安全。" * 20
    en = "Network operators shall perform their security obligations. " * 10
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEAD)
        while handle.tell() < ONE_LINE_MB * 1_000_000:
            handle.write(TU.format(zh=f"{zh}{count}", en=f"{en}{count}"))
            count += 1
        handle.write(end)
    return count


def snapshot(project: Path) -> tuple[str, list[object], list[str]]:
    """What a failed import must leave as it was: lextm.toml, the TMs and their sizes, tm/ref."""
    listed = json.loads(run(project, "tm", "list", "--json").output)
    ref = project / "tm" / "ref"
    return (
        (project / "lextm.toml").read_text(encoding="utf-8"),
        listed,
        sorted(p.name for p in ref.iterdir()) if ref.is_dir() else [],
    )


def with_doctype(doctype: str, zh: str) -> str:
    """A TMX whose DOCTYPE declares entities, one unit using them."""
    body = HEAD[HEAD.index("<tmx") :] + TU.format(zh=zh, en="law") + "</body></tmx>"
    return f'<?xml version="1.0"?><!DOCTYPE tmx [{doctype}]>{body}'


BAD_TMX = {
    "not well-formed": (
        HEAD + TU.format(zh="法律", en="law") + '\n<tu><tuv xml:lang="zh-CN"><seg>a</tuv>',
        r"bad\.tmx:2: not well-formed",
    ),
    "billion laughs": (
        with_doctype(
            '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">',
            "&c;",
        ),
        r"bad\.tmx:1: refused: the file declares",
    ),
    "external entity": (
        with_doctype('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),
        r"bad\.tmx:1: refused: the file declares",
    ),
    "no zh or en variants": (
        HEAD.replace("zh-CN", "fr")
        + '<tu><tuv xml:lang="fr"><seg>loi</seg></tuv><tuv xml:lang="de"><seg>Gesetz</seg></tuv>'
        "</tu></body></tmx>",
        r"no unit has both zh-CN and en",
    ),
}


@pytest.mark.parametrize("case", list(BAD_TMX))
def test_tm_add_refuses_bad_tmx_and_changes_nothing(
    project: Path, tmp_path: Path, case: str
) -> None:
    """Each bad TMX is refused with exit 2, the file (and line) named; the store is unchanged."""
    run(project, "export", str(tmp_path / "ok.tmx"))
    assert run(project, "tm", "add", str(tmp_path / "ok.tmx"), "--name", "ok").exit_code == 0
    before = snapshot(project)
    text, message = BAD_TMX[case]
    path = tmp_path / "bad.tmx"
    path.write_text(text, encoding="utf-8")
    result = run(project, "tm", "add", str(path), "--name", "bad")
    assert result.exit_code == 2, result.output
    assert re.search(message, result.output), result.output
    assert snapshot(project) == before


def test_tm_add_streams_a_hundred_megabytes_on_one_line(project: Path, tmp_path: Path) -> None:
    """100 MB on one line imports with counts; cut short, it is refused and changes nothing."""
    # Cut short, the fault comes after every unit was read: the rollback undoes them all.
    path = tmp_path / "one-line.tmx"
    count = one_line_tmx(path)
    assert b"\n" not in path.read_bytes()[-1_000_000:]
    result = run(project, "tm", "add", str(path), "--name", "big")
    assert result.exit_code == 0, result.output
    assert f"{count} read, {count} written, 0 skipped" in result.output
    listed = json.loads(run(project, "tm", "list", "--json").output)
    assert ("big", count) in [(item["name"], item["units"]) for item in listed]
    before = snapshot(project)
    one_line_tmx(path, end="</body")
    result = run(project, "tm", "add", str(path), "--name", "cut")
    assert result.exit_code == 2
    assert re.search(
        r"one-line\.tmx:1: .*(not well-formed|no element found|unclosed)", result.output
    )
    assert snapshot(project) == before


def test_tm_add_skips_a_segment_of_a_hundred_megabytes(project: Path, tmp_path: Path) -> None:
    """A whole document run into one segment is skipped and counted; the rest is imported."""
    path = tmp_path / "run-together.tmx"
    huge = "网络运营者应当履行网络安全保护义务。" * (ONE_LINE_MB * 1_000_000 // 54)
    path.write_text(
        HEAD
        + TU.format(zh=huge, en="All of it.")
        + TU.format(zh="第一条", en="Article 1")
        + "</body></tmx>",
        encoding="utf-8",
    )
    result = run(project, "tm", "add", str(path), "--name", "odd")
    assert result.exit_code == 0, result.output
    assert "2 read, 1 written, 1 skipped" in result.output
    assert "skipped 1: longer than 100,000 characters (e.g. unit 1)" in result.output


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
