"""The third-party test files in shared/corpus/formats/: every valid file imports with nothing
lost (unit counts and texts compared with what translate-toolkit, or a plain count of the
elements, sees), every invalid or malformed one is refused naming the file and a line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lextm.errors import InputError
from lextm.formats import read_terms
from lextm.formats.po import read_catalog
from lextm.formats.tmx import iter_tmx
from lextm.formats.xliff import read_xliff

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"
pytestmark = pytest.mark.skipif(not FORMATS.is_dir(), reason="shared corpus not found")


def files(folder: str, pattern: str) -> list[Path]:
    """The corpus files of one folder."""
    return sorted((FORMATS / folder).glob(pattern)) if FORMATS.is_dir() else []


def toolkit(path: Path, kind: str) -> list[tuple[str, str]]:
    """(source, target) of each message translate-toolkit reads."""
    from translate.storage import po, tmx, xliff

    store = {"po": po.pofile, "tmx": tmx.tmxfile, "xliff": xliff.xlifffile}[kind].parsefile(
        str(path)
    )
    return [
        (str(unit.source), str(unit.target or ""))
        for unit in store.units
        if not unit.isheader() and not unit.isobsolete() and unit.source
    ]


@pytest.mark.parametrize("path", files("tmx", "*.tmx"), ids=lambda p: p.name)
def test_tmx_compliance_kit_imports_everything(path: Path) -> None:
    """Each LISA TMX Compliance Kit file imports every unit with translate-toolkit's texts."""
    pytest.importorskip("translate.storage")
    units = list(iter_tmx(path, inline="native"))
    seen = toolkit(path, "tmx")
    assert len(units) == len(seen)
    for unit, (source, target) in zip(units, seen, strict=True):
        texts = {variant.text for variant in unit.variants}
        assert {source, target} <= texts


@pytest.mark.parametrize("path", files("xliff", "*.xlf"), ids=lambda p: p.name)
def test_xliff_fixtures_import_everything(path: Path) -> None:
    """Each XLIFF fixture imports every unit with translate-toolkit's source and target."""
    pytest.importorskip("translate.storage")
    units = [(u.source, u.target) for u in read_xliff(path, inline="native")]
    assert units == toolkit(path, "xliff")


PO_REFUSED = {
    "test_syntax_error1.po": 5,  # an msgstr with no msgid
    "translate-toolkit-f43.tgif.fr.po": 7,  # from translate-toolkit's syntax-error set
}
# translate-toolkit itself fails on this valid file (gettext's msgfmt accepts it): count instead.
PO_COUNTED = {"test_indented.po": 2}


@pytest.mark.parametrize("path", files("po", "**/*.po*"), ids=lambda p: p.name)
def test_po_catalogs_import_or_are_refused(path: Path) -> None:
    """Each PO fixture imports with translate-toolkit's messages, or is refused with its line."""
    if path.name in PO_REFUSED:
        with pytest.raises(InputError) as caught:
            list(read_catalog(path))
        assert (caught.value.path, caught.value.line) == (str(path), PO_REFUSED[path.name])
        return
    entries = [(msgid, msgstr) for _, msgid, msgstr, _ in read_catalog(path)]
    if path.name in PO_COUNTED:
        assert len(entries) == PO_COUNTED[path.name]
        return
    pytest.importorskip("translate.storage")
    assert [msgid for msgid, _ in entries] == [source for source, _ in toolkit(path, "po")]


TBX_VALID = [
    "ltac-basic-Example_Astronomy_DCA_VALID.tbx",
    "ltac-basic-Example_Astronomy_DCT_VALID.tbx",
    "ltac-basic_good.tbx",
    "ltac-core_structure_good.tbx",
    "ltac-min_good.tbx",
]
TBX_INVALID = {
    "ltac-basic_bad.tbx": "transac",
    "ltac-core_structure_bad.tbx": "header",
    "ltac-min_bad.tbx": "source",
    "ltac-poorly_formed_xml.tbx": "not well-formed",
}


@pytest.mark.parametrize("name", TBX_VALID)
def test_valid_tbx_files_import_every_term(name: str) -> None:
    """Each valid LTAC TBX file gives one row per <term> element, with its text."""
    path = FORMATS / "tbx" / name
    text = path.read_text(encoding="utf-8-sig")
    expected = [
        re.sub(r"\s+", " ", t).strip() for t in re.findall(r"<term>(.*?)</term>", text, re.S)
    ]
    assert [term.term for term in read_terms(path)] == expected


@pytest.mark.parametrize(("name", "fault"), list(TBX_INVALID.items()))
def test_invalid_tbx_files_are_refused(name: str, fault: str) -> None:
    """Each invalid or malformed LTAC TBX file is refused naming the file, a line and the fault."""
    path = FORMATS / "tbx" / name
    with pytest.raises(InputError, match=fault) as caught:
        read_terms(path)
    assert caught.value.path == str(path)
    assert caught.value.line is not None
