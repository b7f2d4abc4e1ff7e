"""What lextm writes passes independent validators (xmllint with the TMX DTD, the XLIFF XSDs and
the TBX-Basic RELAX NG; msgfmt) and reads back the same in an independent reader
(translate-toolkit). Each validator also rejects a broken sample, so it is really checking."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SCHEMAS
from lextm.formats import write_terms, write_units
from lextm.model import Term, Unit

ZH, EN = "zh-CN", "en"

needs_xmllint = pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint not installed")
needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt not installed")
needs_schemas = pytest.mark.skipif(not SCHEMAS.is_dir(), reason="shared/schemas not found")

UNITS = [
    Unit(
        "第一条 <&> \"'",
        "Article 1 <&>",
        ZH,
        EN,
        "doc",
        "v1",
        "art1",
        state="reviewed",
        note="note",
    ),
    Unit(
        "𠀀 beyond the BMP\nsecond line",
        "  spaces  ",
        ZH,
        EN,
        "doc",
        "v1",
        "art1.p1.s1",
        state="fuzzy",
    ),
    Unit("没有译文", "", ZH, EN, "doc", "v1", "art1.p1.s2", state="untranslated"),
    Unit("已译", "Translated", ZH, EN, "doc", "v1", "art2", state="translated"),
]
TERMS = [
    Term("cyberspace-department", ZH, "网信部门", definition="定义"),
    Term(
        "cyberspace-department",
        EN,
        "cyberspace department",
        "forbidden",
        "noun phrase",
        "PRC",
        "2020-01-01",
        "",
        "def",
        "note",
        "src",
        "x+",
    ),
]


def xmllint(*args: str) -> subprocess.CompletedProcess[str]:
    """Run xmllint offline with the shared schemas' catalog."""
    env = {**os.environ, "XML_CATALOG_FILES": str(SCHEMAS / "catalog.xml")}
    return subprocess.run(
        ["xmllint", "--noout", "--nonet", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


VALIDATORS = {
    "tmx": ("--dtdvalid", "tmx14.dtd"),
    "xliff": ("--schema", "xliff-core-1.2-strict.xsd"),
    "xliff2": ("--schema", "xliff-core-2.0.xsd"),
    "tbx": ("--relaxng", "TBXcoreStructV03_TBX-Basic_integrated.rng"),
}
# A deliberately broken sample for each: each validator must reject it.
BROKEN = {
    "tmx": '<tmx version="1.4"><header srclang="zh"/><body><tu><tuv><seg>x</seg></tuv></tu>'
    "</body></tmx>",
    "xliff": '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
    'original="f" source-language="zh" datatype="plaintext"><body><trans-unit>'
    "<target>x</target></trans-unit></body></file></xliff>",
    "xliff2": '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f">'
    '<unit id="u"><segment state="done"><target>x</target></segment></unit></file></xliff>',
    "tbx": '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>"
    '<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>t</term>'
    '<termNote type="register">x</termNote></termSec></langSec></conceptEntry></body></text></tbx>',
}


def written(tmp_path: Path, name: str, units: list[Unit]) -> Path:
    """A file lextm writes in one format."""
    if name == "tbx":
        path = tmp_path / "out.tbx"
        write_terms(path, TERMS, format_name="tbx")
        return path
    path = tmp_path / ("out.tmx" if name == "tmx" else "out.xlf")
    write_units(path, units, format_name=name, source_lang=ZH, target_lang=EN)
    return path


@needs_xmllint
@needs_schemas
@pytest.mark.parametrize("name", list(VALIDATORS))
@pytest.mark.parametrize("units", [UNITS, []], ids=["units", "empty"])
def test_xmllint_accepts_what_lextm_writes(tmp_path: Path, name: str, units: list[Unit]) -> None:
    """xmllint validates every XML file lextm writes against the format's schema."""
    option, schema = VALIDATORS[name]
    path = written(tmp_path, name, units)
    done = xmllint(option, str(SCHEMAS / schema), str(path))
    assert done.returncode == 0, done.stderr


@needs_xmllint
@needs_schemas
@pytest.mark.parametrize("name", list(VALIDATORS))
def test_xmllint_rejects_a_broken_sample(tmp_path: Path, name: str) -> None:
    """Each validator rejects a deliberately broken sample (exit 3: invalid)."""
    option, schema = VALIDATORS[name]
    path = tmp_path / f"broken.{name}"
    path.write_text(BROKEN[name], encoding="utf-8")
    assert xmllint(option, str(SCHEMAS / schema), str(path)).returncode == 3


@needs_msgfmt
@pytest.mark.parametrize("units", [UNITS, []], ids=["units", "empty"])
def test_msgfmt_accepts_the_po_lextm_writes(tmp_path: Path, units: list[Unit]) -> None:
    """msgfmt --check accepts a PO file exported by lextm."""
    path = tmp_path / "out.po"
    write_units(path, units, format_name="po", source_lang=ZH, target_lang=EN)
    done = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@needs_msgfmt
def test_msgfmt_rejects_a_broken_po(tmp_path: Path) -> None:
    """msgfmt --check rejects a PO file whose format string does not match."""
    path = tmp_path / "broken.po"
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, c-format\nmsgid "%d files"\nmsgstr "%s Dateien"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, check=False
    )
    assert done.returncode != 0


# --- an independent reader -----------------------------------------------------------------------


def toolkit_units(path: Path) -> list[tuple[str, str]]:
    """(source, target) of each unit translate-toolkit reads in a file."""
    from translate.storage import factory

    store = factory.getobject(str(path))
    return [
        (str(unit.source), str(unit.target or ""))
        for unit in store.units
        if not unit.isheader() and (unit.source or unit.target)
    ]


@pytest.mark.parametrize("name", ["po", "tmx", "xliff"])
def test_translate_toolkit_reads_what_lextm_writes(tmp_path: Path, name: str) -> None:
    """translate-toolkit reads lextm's PO, TMX and XLIFF with the same units and texts."""
    pytest.importorskip("translate.storage")
    path = tmp_path / {"po": "out.po", "tmx": "out.tmx", "xliff": "out.xlf"}[name]
    write_units(path, UNITS, format_name=name, source_lang=ZH, target_lang=EN)
    expected = [(u.source, u.target) for u in UNITS]
    assert toolkit_units(path) == expected
