"""Faults: killed imports, concurrent writers, files saved by an editor in between."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import LAWS, ROOT, needs_corpus
from lextm.build import build_index, open_index
from lextm.errors import ConflictError
from lextm.formats.po import read_po, write_po
from lextm.ingest import import_version
from lextm.project import init_project, load_project

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"
DOC = "xizang-network-communications"

_IMPORT = """
import sys
from pathlib import Path
from lextm.ingest import import_version
from lextm.project import load_project
root, law, translation = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
while True:
    project = load_project(root)
    import_version(project, law, document="law", version="v1", date="2020-01-01",
                   translation=Path(translation) if translation else None, replace_existing=True)
"""


@needs_corpus
def test_killed_import_leaves_files_whole(tmp_path: Path) -> None:
    """SIGKILL at random moments of repeated imports never leaves a PO or TOML file half-written."""
    law = next(law for law in LAWS if law.slug == "tw-copyright-act-2022")
    assert law.en is not None
    project = init_project(tmp_path / "p")
    import_version(
        project, law.zh, document="law", version="v1", date="2020-01-01", translation=law.en
    )
    po = project.po_path("law", "v1")
    expected = [e.address for e in read_po(po)[0].entries]
    toml = (project.root / "lextm.toml").read_bytes()
    script = tmp_path / "importer.py"
    script.write_text(_IMPORT, encoding="utf-8")
    for round_ in range(6):
        translation = str(law.en)
        child = subprocess.Popen(
            [sys.executable, str(script), str(project.root), str(law.zh), translation],
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        time.sleep(0.4 + 0.15 * round_)
        child.send_signal(signal.SIGKILL)
        child.wait()
        # Whole files only: every entry there, the config exactly as it was.
        assert [e.address for e in read_po(po)[0].entries] == expected
        assert (project.root / "lextm.toml").read_bytes() == toml
    build_index(load_project(project.root))


def test_editor_save_between_read_and_write(tmp_path: Path) -> None:
    """A PO file saved by an editor after lextm read it is not overwritten."""
    project = init_project(tmp_path / "p")
    _, result = import_version(project, SEED, document=DOC, version="v1")
    doc, fingerprint = read_po(result.path)
    edited = result.path.read_text(encoding="utf-8").replace(
        'msgctxt "title"\nmsgid "西藏自治区网络通信活动管理规定"\nmsgstr ""',
        'msgctxt "title"\nmsgid "西藏自治区网络通信活动管理规定"\nmsgstr "Edited"',
    )
    result.path.write_text(edited, encoding="utf-8")
    with pytest.raises(ConflictError, match="changed on disk"):
        write_po(result.path, doc, expect=fingerprint)
    assert 'msgstr "Edited"' in result.path.read_text(encoding="utf-8")


_BUILD = """
import sys
from pathlib import Path
from lextm.build import build_index
from lextm.project import load_project
for _ in range(int(sys.argv[2])):
    build_index(load_project(Path(sys.argv[1])), full=True)
"""


def test_two_builders_at_once(tmp_path: Path) -> None:
    """Two processes rebuilding the index at once neither fail nor corrupt it."""
    project = init_project(tmp_path / "p")
    import_version(project, SEED, document=DOC, version="v1")
    script = tmp_path / "builder.py"
    script.write_text(_BUILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    children = [
        subprocess.Popen([sys.executable, str(script), str(project.root), "5"], env=env)
        for _ in range(2)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    with open_index(load_project(project.root)) as store:
        assert [s.segments for s in store.stats()] == [90]


def test_two_importers_lose_nothing(tmp_path: Path) -> None:
    """Two imports of different documents at once both land in lextm.toml and tm/."""
    project = init_project(tmp_path / "p")
    script = tmp_path / "one.py"
    script.write_text(
        "import sys\nfrom pathlib import Path\nfrom lextm.ingest import import_version\n"
        "from lextm.project import load_project\n"
        "import_version(load_project(Path(sys.argv[1])), Path(sys.argv[2]), "
        "document=sys.argv[3], version='v1')\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    children = [
        subprocess.Popen(
            [sys.executable, str(script), str(project.root), str(SEED), f"doc-{n}"], env=env
        )
        for n in range(3)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0]
    config = load_project(project.root).config
    assert sorted(d.slug for d in config.documents) == ["doc-0", "doc-1", "doc-2"]
    assert all(project.po_path(f"doc-{n}", "v1").exists() for n in range(3))


def test_index_rebuilt_identically(tmp_path: Path) -> None:
    """After rm -rf .lextm, a build gives the same stats and units."""
    import shutil

    project = init_project(tmp_path / "p")
    import_version(project, SEED, document=DOC, version="v1")
    project = load_project(project.root)
    build_index(project)
    with open_index(project) as store:
        before = (store.stats(), list(store.units()), store.concordance("网信"))
    shutil.rmtree(project.state_dir)
    build_index(project)
    with open_index(project) as store:
        assert (store.stats(), list(store.units()), store.concordance("网信")) == before
