"""Importing law versions: PO files in document order, stable bytes, translations aligned."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import LAWS, ROOT, CorpusLaw, needs_corpus
from lextm.errors import InputError, UsageError
from lextm.formats.po import read_po
from lextm.formats.text import render_text
from lextm.ingest import import_version
from lextm.project import Project, init_project, load_project
from lextm.structure import parse_law, regenerate_text
from lextm.structure.segments import segment_law

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"
DOC = "xizang-network-communications"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh, empty project."""
    return init_project(tmp_path / "project")


def _import(project: Project, path: Path, **kw: object) -> Path:
    project = load_project(project.root)
    _, result = import_version(project, path, **kw)  # type: ignore[arg-type]
    return result.path


def test_import_writes_po_in_document_order(project: Project) -> None:
    """One entry per segment, msgctxt the address, msgid the source, msgstr empty."""
    path = _import(project, SEED, document=DOC, version="2021-12-03")
    assert path == project.root / "tm" / DOC / "2021-12-03.po"
    doc, _ = read_po(path)
    segments = segment_law(parse_law(SEED))
    assert [(e.address, e.source) for e in doc.entries] == [(s.address, s.text) for s in segments]
    assert all(e.target == "" for e in doc.entries)
    assert doc.document == DOC and doc.version == "2021-12-03"


def test_import_records_version(project: Project) -> None:
    """lextm.toml gets the document (title from the text) and the dated version."""
    _import(project, SEED, document=DOC, version="2021-12-03")
    info = load_project(project.root).config.document(DOC)
    assert info.titles == {"zh": "西藏自治区网络通信活动管理规定"}
    version = info.version("2021-12-03")
    assert version.date == "2021-12-03" and version.source_hash.startswith("sha256:")


def test_reimport_same_text_changes_nothing(project: Project) -> None:
    """Importing the same text again leaves the PO file byte for byte as it was."""
    path = _import(project, SEED, document=DOC, version="v1")
    before = path.read_bytes()
    _import(project, SEED, document=DOC, version="v1")
    assert path.read_bytes() == before


def test_reimport_changed_text_refused(project: Project, tmp_path: Path) -> None:
    """A different text onto an existing version is refused without --replace."""
    path = _import(project, SEED, document=DOC, version="v1")
    before = path.read_bytes()
    changed = tmp_path / "changed.txt"
    changed.write_text(
        SEED.read_text(encoding="utf-8").replace("第十八条", "第十八条 新增。\n第十九条")
    )
    with pytest.raises(UsageError, match="--replace"):
        _import(project, changed, document=DOC, version="v1")
    assert path.read_bytes() == before


def test_replace_keeps_translations(project: Project, tmp_path: Path) -> None:
    """--replace keeps the translations of segments whose source did not change."""
    from dataclasses import replace

    from lextm.formats.po import write_po

    path = _import(project, SEED, document=DOC, version="v1")
    doc, fingerprint = read_po(path)
    entries = tuple(
        replace(e, target="Article 1") if e.address == "art1" else e for e in doc.entries
    )
    write_po(path, replace(doc, entries=entries), expect=fingerprint)
    changed = tmp_path / "changed.txt"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("制定本规定。", "制定本办法。"))
    _import(project, changed, document=DOC, version="v1", replace_existing=True)
    new, _ = read_po(path)
    assert {e.address: e.target for e in new.entries}["art1"] == "Article 1"


def test_date_required_when_text_has_none(project: Project, tmp_path: Path) -> None:
    """A text without a dated note needs --date."""
    law = tmp_path / "law.txt"
    law.write_text("第一条 甲。\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--date"):
        _import(project, law, document="x", version="v1")


def test_export_text_round_trip_seed(project: Project) -> None:
    """The PO file alone gives back the cleaned source text."""
    path = _import(project, SEED, document=DOC, version="v1")
    doc, _ = read_po(path)
    assert render_text(doc, "source") == regenerate_text(parse_law(SEED)) + "\n"


@needs_corpus
@pytest.mark.parametrize("law", LAWS, ids=[law.slug for law in LAWS])
def test_export_text_round_trip_corpus(project: Project, law: CorpusLaw) -> None:
    """import → PO → export-text reproduces the cleaned source of every corpus law."""
    path = _import(project, law.zh, document="law", version="v1", date="2020-01-01")
    doc, _ = read_po(path)
    assert render_text(doc, "source") == regenerate_text(parse_law(law.zh)) + "\n"


BILINGUAL = [law for law in LAWS if law.en is not None]


@needs_corpus
@pytest.mark.parametrize("law", BILINGUAL, ids=[law.slug for law in BILINGUAL])
def test_import_with_translation(project: Project, law: CorpusLaw) -> None:
    """With --translation every entry is filled and the target side rebuilds the English."""
    assert law.en is not None
    path = _import(
        project, law.zh, document="law", version="v1", date="2020-01-01", translation=law.en
    )
    doc, _ = read_po(path)
    assert all(e.target for e in doc.entries)
    assert render_text(doc, "source") == regenerate_text(parse_law(law.zh)) + "\n"
    assert render_text(doc, "target") == regenerate_text(parse_law(law.en)) + "\n"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
@needs_corpus
def test_msgfmt_accepts_imported_files(project: Project) -> None:
    """msgfmt --check accepts every PO file an import writes."""
    paths = [_import(project, SEED, document=DOC, version="v1")]
    for law in BILINGUAL[:2]:
        assert law.en is not None
        paths.append(
            _import(
                project,
                law.zh,
                document=law.slug,
                version="v1",
                date="2020-01-01",
                translation=law.en,
            )
        )
    for path in paths:
        run = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr


def test_translation_with_other_articles_refused(project: Project, tmp_path: Path) -> None:
    """A translation with a different set of articles is refused, naming it; nothing written."""
    zh = tmp_path / "zh.txt"
    zh.write_text("第一条 甲。\n第二条 乙。\n", encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text("Article 1 A.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"en\.txt.*missing in the translation: 2"):
        _import(project, zh, document="x", version="v1", date="2020-01-01", translation=en)
    assert not (project.root / "tm" / "x").exists()
    assert 'slug = "x"' not in (project.root / "lextm.toml").read_text(encoding="utf-8")


def test_notes_name_headings_and_terms(project: Project) -> None:
    """#. notes give an article's headings and the glossary terms of each entry."""
    from lextm.glossary import add_entry

    add_entry(
        project.root / "glossary" / "terms.tsv",
        "网信部门",
        "cyberspace administration department",
        source_lang="zh-CN",
        target_lang="en",
    )
    path = _import(project, SEED, document=DOC, version="v1")
    notes = {e.address: e.notes for e in read_po(path)[0].entries}
    assert "term: 网信部门 → cyberspace administration department" in notes["art3.p1.s2"]
    cybersecurity = ROOT.parent / "shared" / "corpus" / "laws" / "prc-cybersecurity-law-2016"
    if cybersecurity.exists():
        law = _import(project, cybersecurity / "zh.txt", document="csl", version="v1")
        labels = {e.address: e.notes for e in read_po(law)[0].entries}
        assert labels["art1"][0] == "under: 第一章 总则"
