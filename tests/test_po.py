"""PO files: `lextm.formats.po` writes what GNU gettext writes and reads lextm documents exactly."""

from __future__ import annotations

import ctypes
import ctypes.util
import itertools
import random
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, DATA, LAWS_DIR, ROOT, needs_corpus
from lextm.errors import ConflictError, InputError
from lextm.fileio import Fingerprint
from lextm.formats import po
from lextm.formats.po import parse_po, read_catalog, read_po, render_po, write_po
from lextm.model import DocumentFile, Entry
from lextm.structure import parse_law
from lextm.structure.segments import segment_law

PO_DATA = DATA / "po"
MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU gettext (msgcat) not installed")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) not installed")
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _doc(entries: list[Entry], **fields: Any) -> DocumentFile:
    """A document of the seed law with these entries (and any other field given)."""
    base = DocumentFile(
        "xizang-network-communications", "2021-12-03", "zh-CN", "en", tuple(entries)
    )
    return replace(base, **fields)


def _msgcat(text: str, tmp_path: Path, *options: str) -> str:
    """What `msgcat` writes for `text` (79 columns unless `options` say otherwise)."""
    path = tmp_path / "msgcat-input.po"
    path.write_text(text, encoding="utf-8")
    assert MSGCAT is not None
    done = subprocess.run(
        [MSGCAT, *options, str(path)], capture_output=True, check=True, encoding="utf-8"
    )
    return done.stdout


def _unlined(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    return tuple(replace(entry, line=0) for entry in entries)


# --- random documents ----------------------------------------------------------------------------

_TRICKY = (
    '"\\\n\t\r\x0b\x0c\x07\x08\x01\x7f\x85\u2028\u200b\u00a0 　。，、；：）》”（《“·—…12-1第条a'
)
_CHARS = st.one_of(
    st.characters(codec="utf-8", exclude_characters="\x00\x04"),  # NUL and gettext's EOT
    st.sampled_from(_TRICKY),
    st.sampled_from("网络通信活动管理规定 the of and"),
)
_TEXT = st.text(_CHARS, max_size=180)
_LINE = st.text(_CHARS.filter(lambda c: c not in "\n\r"), max_size=60)
# gettext reads a backslash at the end of a line as a line continuation, even in a comment.
_COMMENT = _LINE.filter(lambda line: not line.endswith("\\"))
_FLAGS = st.lists(st.sampled_from(["fuzzy", "reviewed", "lextm-ignore:numbers", "no-wrap"]))
_VALUE = _LINE.map(str.strip).filter(bool)
_EXTRA = st.lists(
    st.tuples(
        st.sampled_from(["X-Generator", "PO-Revision-Date", "Last-Translator", "X-Custom"]),
        _VALUE,
    ),
    max_size=4,
)


@st.composite
def _entries(draw: st.DrawFn, *, gettext_flags: bool = False, obsolete: bool = False) -> Entry:
    flags = st.lists(st.sampled_from(["fuzzy", "no-wrap"])) if gettext_flags else _FLAGS
    return Entry(
        address="" if obsolete else "art1",
        source=draw(_TEXT),
        target=draw(_TEXT),
        flags=tuple(draw(flags)),
        notes=tuple(draw(st.lists(_COMMENT, max_size=2))),
        comments=tuple(draw(st.lists(_COMMENT, max_size=2))),
        previous=draw(st.none() | _TEXT),
    )


@st.composite
def _documents(draw: st.DrawFn, *, gettext_flags: bool = False) -> DocumentFile:
    entries = draw(st.lists(_entries(gettext_flags=gettext_flags), min_size=1, max_size=6))
    old = draw(st.lists(_entries(gettext_flags=gettext_flags, obsolete=True), max_size=2))
    return DocumentFile(
        document=draw(st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True)),
        version=draw(st.from_regex(r"[A-Za-z0-9._-]{1,12}", fullmatch=True)),
        source_lang=draw(st.sampled_from(["zh-CN", "zh-TW", "zh-Hant-TW", "zh"])),
        target_lang=draw(st.sampled_from(["en", "en-GB", "zh-CN"])),
        entries=tuple(replace(e, address=f"art{i + 1}.p1.s1") for i, e in enumerate(entries)),
        source_hash=draw(st.sampled_from(["", "sha256:" + "0123456789abcdef" * 4])),
        layout=draw(st.sampled_from(["inline", "line", 'inline; sep="  "; except art5 art9'])),
        extra_header=tuple(draw(_EXTRA)),
        obsolete=tuple(replace(e, address=f"art{900 + i}") for i, e in enumerate(old)),
    )


@EXAMPLES
@given(_documents())
def test_render_parse_render_gives_the_same_text(doc: DocumentFile) -> None:
    """Rendering what was parsed from a rendering gives that rendering back, byte for byte."""
    text = render_po(doc)
    assert render_po(parse_po(text, path="random.po")) == text


@EXAMPLES
@given(_documents())
def test_parse_gives_back_what_was_rendered(doc: DocumentFile) -> None:
    """Addresses, texts, notes, comments and previous sources come back exactly."""
    parsed = parse_po(render_po(doc), path="random.po")
    fields = ("address", "source", "target", "notes", "comments", "previous")
    for got, want in zip(parsed.entries, doc.entries, strict=True):
        assert [getattr(got, f) for f in fields] == [getattr(want, f) for f in fields]
        assert set(got.flags) == set(want.flags) - ({"fuzzy"} if not want.target else set())
    assert (parsed.document, parsed.version) == (doc.document, doc.version)
    assert (parsed.source_lang, parsed.source_hash) == (doc.source_lang, doc.source_hash)
    assert (parsed.layout, parsed.target_lang) == (doc.layout, doc.target_lang)


@settings(max_examples=20, deadline=None)
@given(_documents())
def test_writing_the_same_document_twice_gives_the_same_bytes(
    tmp_path_factory: pytest.TempPathFactory, doc: DocumentFile
) -> None:
    """Nothing time-dependent is written: two writes of one document are identical."""
    folder = tmp_path_factory.mktemp("twice")
    write_po(folder / "a.po", doc)
    write_po(folder / "b.po", doc)
    assert (folder / "a.po").read_bytes() == (folder / "b.po").read_bytes()


@needs_msgcat
@settings(max_examples=40, deadline=None)
@given(_documents(gettext_flags=True))
def test_msgcat_changes_nothing_in_a_rendered_document(
    tmp_path_factory: pytest.TempPathFactory, doc: DocumentFile
) -> None:
    """`msgcat` (79 columns) gives back the exact bytes of any rendered document."""
    text = render_po(doc)
    assert _msgcat(text, tmp_path_factory.mktemp("msgcat")) == text


@needs_msgcat
@settings(max_examples=40, deadline=None)
@given(_documents(gettext_flags=True), st.sampled_from(["-w40", "-w200", "--no-wrap"]))
def test_a_file_rewrapped_by_msgcat_reads_back_the_same(
    tmp_path_factory: pytest.TempPathFactory, doc: DocumentFile, option: str
) -> None:
    """A file `msgcat` wrapped another way reads back to the same document and rendering."""
    text = render_po(doc)
    rewrapped = _msgcat(text, tmp_path_factory.mktemp("rewrap"), option)
    parsed = parse_po(rewrapped, path="rewrapped.po")
    assert _unlined(parsed.entries) == _unlined(parse_po(text, path="a.po").entries)
    assert render_po(parsed) == text


_POEDIT_FIELDS = {
    "PO-Revision-Date": "2024-03-05 10:12+0800",
    "Last-Translator": "Zhang Wei <zhang.wei@example.org>",
}


def _poedit_save(text: str) -> str:
    """What a save in Poedit does to the header: fills two fields, adds X-Generator."""
    for name, value in _POEDIT_FIELDS.items():
        text = text.replace(f'"{name}: \\n"\n', f'"{name}: {value}\\n"\n', 1)
    end = text.index("\n\n")
    return text[:end] + '\n"X-Generator: Poedit 3.4.2\\n"' + text[end:]


@EXAMPLES
@given(_documents())
def test_a_poedit_save_reads_back_the_same_entries(doc: DocumentFile) -> None:
    """Header fields an editor adds are kept; the entries read back unchanged."""
    doc = replace(doc, extra_header=())
    text = render_po(doc)
    saved = parse_po(_poedit_save(text), path="saved.po")
    assert _unlined(saved.entries) == _unlined(parse_po(text, path="a.po").entries)
    assert dict(saved.extra_header) == {**_POEDIT_FIELDS, "X-Generator": "Poedit 3.4.2"}
    assert render_po(saved) == _poedit_save(text)


# --- the corpus through msgcat and msgfmt --------------------------------------------------------


def _corpus_texts() -> list[str]:
    laws = sorted(LAWS_DIR.glob("*/*.txt")) + sorted((ROOT / "sources").glob("*.txt"))
    texts = [segment.text for law in laws for segment in segment_law(parse_law(law))]
    return list(dict.fromkeys(texts))


def _corpus_document(texts: list[str]) -> DocumentFile:
    """Every corpus segment as an entry, translated by another segment (Chinese and English)."""
    entries = [
        Entry(
            f"art{i + 1}",
            text,
            texts[(i * 7 + 3) % len(texts)] if i % 5 else "",
            ("fuzzy",) if i % 3 == 0 else (),
            (f"Article {i + 1} · 第{i + 1}条",) if i % 4 == 0 else (),
            ("A translator's note.", "") if i % 11 == 0 else (),
            texts[(i + 1) % len(texts)] if i % 13 == 0 else None,
        )
        for i, text in enumerate(texts)
    ]
    obsolete = [
        replace(entries[i], address=f"art{90000 + i}", target=texts[i + 1])
        for i in range(0, 300, 7)
    ]
    return _doc(entries, source_hash="sha256:" + "ab" * 32, obsolete=tuple(obsolete))


@pytest.fixture(scope="module")
def corpus_po(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The whole corpus rendered once: its path and text."""
    if not LAWS_DIR.exists():
        pytest.skip("shared corpus not found")
    text = render_po(_corpus_document(_corpus_texts()))
    path = tmp_path_factory.mktemp("corpus") / "corpus.po"
    path.write_text(text, encoding="utf-8")
    return path, text


@needs_corpus
@needs_msgcat
def test_msgcat_gives_back_every_corpus_segment_byte_for_byte(
    corpus_po: tuple[Path, str], tmp_path: Path
) -> None:
    """All sentences of all laws, Chinese and English, wrap exactly as gettext wraps them."""
    _, text = corpus_po
    assert text.count("\nmsgctxt ") > 5000
    assert _msgcat(text, tmp_path) == text


@needs_corpus
@needs_msgcat
def test_the_corpus_rewrapped_by_msgcat_renders_back_identically(
    corpus_po: tuple[Path, str], tmp_path: Path
) -> None:
    """msgcat at 40 columns, read and rendered again, gives the 79-column file back."""
    _, text = corpus_po
    assert render_po(parse_po(_msgcat(text, tmp_path, "-w40"), path="x.po")) == text


@needs_corpus
@needs_msgfmt
def test_msgfmt_check_accepts_what_lextm_writes(corpus_po: tuple[Path, str]) -> None:
    """`msgfmt --check-format --check-header --check-domain` passes without a warning."""
    path, _ = corpus_po
    assert MSGFMT is not None
    done = subprocess.run(
        [MSGFMT, "--check-format", "--check-header", "--check-domain", "-o", "/dev/null", path],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")


# --- wrapping, entry by entry --------------------------------------------------------------------

_WRAPPED = [
    ("", ['msgid ""']),
    ("ab " * 23 + "ab", ['msgid "' + "ab " * 23 + 'ab"']),  # 79 columns: fits
    ("ab " * 23 + "abc", ['msgid ""', '"' + "ab " * 23 + 'abc"']),  # 80: wrapped
    ("中" * 38 + "。" + "中" * 5, ['msgid ""', '"' + "中" * 37 + '"', '"中。中中中中中"']),
    ("中" * 37 + "（一）中", ['msgid ""', '"' + "中" * 37 + '"', '"（一）中"']),
    ("line one\nline two", ['msgid ""', '"line one\\n"', '"line two"']),
    ("abc\n", ['msgid "abc\\n"']),
    ('say "hi"\there \\ ok', ['msgid "say \\"hi\\"\\there \\\\ ok"']),
    (
        "x" * 30 + " https://www.example.org/laws/prc/2021/network-communications/article-8",
        [
            'msgid ""',
            '"' + "x" * 30 + ' https://www.example.org/laws/prc/2021/network-"',
            '"communications/article-8"',
        ],
    ),
]


@pytest.mark.parametrize(("value", "lines"), _WRAPPED)
def test_strings_wrap_as_gettext_wraps_them(value: str, lines: list[str]) -> None:
    """79 columns, CJK counted twice, no line starts with 。 or ends with （, \\n ends a line."""
    assert po._wrap("msgid", value) == lines


_EDGE_STRINGS = [
    *(value for value, _ in _WRAPPED),
    "中" * 39,
    "中" * 38 + "”" + "中",
    "“" + "中" * 40 + "”",
    "《中华人民共和国网络安全法》" * 4,
    "第十二条之一　" * 9,
    "\t" * 50 + "tabs",
    "a" * 200,
    "a\\" * 60,
    '"' * 80,
    "1,000,000.00 " * 8,
    "（一）" * 20 + "；",
    "The Personal Data Protection Act（hereinafter, the “PDPA”）is enacted to regulate it.",
    "mixed 中文 and English 混合 text with 全角，标点。and more " * 3,
]


@needs_msgcat
@pytest.mark.parametrize("value", _EDGE_STRINGS)
def test_edge_strings_match_msgcat(value: str, tmp_path: Path) -> None:
    """Full-width punctuation at every position, URLs, tabs, quotes: as msgcat writes them."""
    starts = range(0, max(len(value), 1), 7)
    entries = [Entry(f"art{i + 1}", value[i:], value[:i]) for i in starts]
    text = render_po(_doc(entries))
    assert _msgcat(text, tmp_path) == text


def _libunistring() -> ctypes.CDLL | None:
    """libunistring 1.0, the line breaker of gettext 0.21, if it is installed."""
    name = ctypes.util.find_library("unistring")
    if name is None:
        return None
    library = ctypes.CDLL(name)
    version = ctypes.c_int.in_dll(library, "_libunistring_version").value
    return library if version >> 8 == 0x100 else None


LIBUNISTRING = _libunistring()
needs_libunistring = pytest.mark.skipif(LIBUNISTRING is None, reason="needs libunistring 1.0")


def _width_breaks(text: str, width: int) -> list[bool]:
    """libunistring's own answer: where u8_width_linebreaks breaks `text`."""
    assert LIBUNISTRING is not None
    data = text.encode("utf-8")
    marks = ctypes.create_string_buffer(len(data))
    function = LIBUNISTRING.u8_width_linebreaks
    function(data, ctypes.c_size_t(len(data)), width, 0, 0, None, b"UTF-8", marks)
    starts = [len(text[:i].encode("utf-8")) for i in range(len(text))]
    return [marks.raw[start] == 2 for start in starts]


@needs_libunistring
def test_line_breaks_match_libunistring() -> None:
    """On random text from all of Unicode, lextm breaks lines where libunistring does."""
    rng = random.Random(14)
    pool = list(
        _TRICKY + "网络 the ０１٣٤\u0e01\u0e33\U0001f44d\U0001f3fb\U0001f1e8\U0001f1f3\u200d"
    )
    for _ in range(3000):
        text = "".join(
            rng.choice(pool) if rng.random() < 0.7 else chr(rng.randrange(1, 0x110000))
            for _ in range(rng.randrange(1, 40))
        )
        text = "".join(char for char in text if not 0xD800 <= ord(char) < 0xE000)
        chars = list(text)
        assert po._fit(chars, [False] * len(chars), 20, 0) == _width_breaks(text, 20), text


@needs_libunistring
def test_column_widths_match_libunistring() -> None:
    """Every code point is as wide as libunistring says (East Asian wide: 2, marks: 0)."""
    assert LIBUNISTRING is not None
    uc_width = LIBUNISTRING.uc_width
    uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    for code in [*range(1, 0xD800), *range(0xE000, 0x110000, 7)]:
        assert po._column_width(chr(code)) == max(uc_width(code, b"UTF-8"), 0), hex(code)


def test_the_line_break_exception_table_is_sorted() -> None:
    """The exception ranges are sorted and disjoint, as the bisection needs."""
    pairs = list(zip(po._EXCEPTION_STARTS, po._EXCEPTION_ENDS, strict=True))
    assert all(a <= b < c for (a, b), (c, _) in itertools.pairwise(pairs))


# --- the header ----------------------------------------------------------------------------------


def test_the_header_has_lextms_fields_in_order() -> None:
    """Fixed fields in a fixed order, msgfmt's three editor fields empty, nothing time-dependent."""
    text = render_po(_doc([Entry("art1", "第一条", "Article 1")], source_hash="sha256:ab"))
    header = text.split("\n\n")[0].split("\n")
    assert header == [
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: xizang-network-communications 2021-12-03\\n"',
        '"PO-Revision-Date: \\n"',
        '"Last-Translator: \\n"',
        '"Language-Team: \\n"',
        '"Language: en\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"X-Lextm-Source-Language: zh-CN\\n"',
        '"X-Lextm-Document: xizang-network-communications\\n"',
        '"X-Lextm-Version: 2021-12-03\\n"',
        '"X-Lextm-Source-Hash: sha256:ab\\n"',
        '"X-Lextm-Layout: line\\n"',
    ]


def test_an_empty_source_hash_is_not_written() -> None:
    """`X-Lextm-Source-Hash` is left out when the document has none."""
    assert "X-Lextm-Source-Hash" not in render_po(_doc([Entry("art1", "第一条")]))


@pytest.mark.parametrize(
    ("bcp47", "gettext"),
    [("en", "en"), ("zh-CN", "zh_CN"), ("zh-Hant-TW", "zh_TW"), ("en-GB", "en_GB")],
)
def test_language_is_written_gettext_style(bcp47: str, gettext: str) -> None:
    """`Language` is gettext's code for the target language; reading turns it back."""
    text = render_po(_doc([Entry("art1", "第一条")], target_lang=bcp47))
    assert f'"Language: {gettext}\\n"' in text
    assert parse_po(text, path="a.po").target_lang == gettext.replace("_", "-")


def test_editor_header_fields_survive_a_rewrite() -> None:
    """A Poedit save's header fields are read into extra_header and written back."""
    doc, _ = read_po(PO_DATA / "edited_in_poedit.po")
    assert doc.extra_header == (
        ("PO-Revision-Date", "2024-03-05 10:12+0800"),
        ("Last-Translator", "Zhang Wei <zhang.wei@example.org>"),
        ("X-Generator", "Poedit 3.4.2"),
    )
    rewritten = render_po(doc)
    assert '"PO-Revision-Date: 2024-03-05 10:12+0800\\n"' in rewritten
    assert rewritten.split("\n\n")[0].endswith('"X-Generator: Poedit 3.4.2\\n"')


def test_a_poedit_edit_reads_as_the_same_document_plus_the_translation() -> None:
    """Unwrapped long lines from an editor read as the entries lextm wrote, and the new msgstr."""
    original, _ = read_po(PO_DATA / "valid_document.po")
    edited, _ = read_po(PO_DATA / "edited_in_poedit.po")
    assert _unlined(edited.entries[:-1]) == _unlined(original.entries[:-1])
    assert edited.entries[-1].target.startswith("These Provisions apply")


def test_a_document_lextm_wrote_reads_and_renders_to_the_same_bytes() -> None:
    """The fixture written by render_po is reproduced exactly."""
    text = (PO_DATA / "valid_document.po").read_text(encoding="utf-8")
    assert render_po(parse_po(text, path="valid_document.po")) == text


# --- entries -------------------------------------------------------------------------------------


def test_comment_lines_come_in_gettexts_order() -> None:
    """Translator comments, extracted notes, flags, previous msgid, then the message."""
    entry = Entry("art8.p1", "第八条", "Article 8", ("reviewed",), ("note",), ("mine",), "旧")
    lines = render_po(_doc([entry])).split("\n\n")[1].split("\n")
    assert lines[:5] == ["# mine", "#. note", "#, reviewed", '#| msgid "旧"', 'msgctxt "art8.p1"']


def test_fuzzy_comes_first_among_flags() -> None:
    """gettext writes `fuzzy` before every other flag."""
    entry = Entry("art1", "第一条", "Article 1", ("reviewed", "lextm-ignore:numbers", "fuzzy"))
    assert "#, fuzzy, reviewed, lextm-ignore:numbers\n" in render_po(_doc([entry]))


def test_fuzzy_is_not_written_on_an_empty_msgstr() -> None:
    """An untranslated entry carries no `fuzzy`, as gettext writes it; other flags stay."""
    entry = Entry("art1", "第一条", "", ("fuzzy", "reviewed"))
    text = render_po(_doc([entry]))
    assert "#, reviewed\n" in text
    assert parse_po(text, path="a.po").entries[0].flags == ("reviewed",)


def test_previous_msgid_is_read() -> None:
    """`#| msgid` lines, wrapped over several lines, become the entry's previous source."""
    doc, _ = read_po(PO_DATA / "previous_msgid.po")
    entry = doc.entries[2]
    assert entry.previous is not None and entry.previous.startswith("为了维护国家安全")
    assert entry.flags == ("fuzzy", "lextm-ignore:numbers")
    assert entry.comments == ("Check the law's name.",)


def test_an_empty_translator_comment_line_round_trips() -> None:
    """A bare `#` is an empty comment; leading spaces of a comment are kept."""
    text = (PO_DATA / "empty_translator_comment.po").read_text(encoding="utf-8")
    doc = parse_po(text, path="empty_translator_comment.po")
    assert doc.entries[1].comments == ("", "  indented note", "")
    assert render_po(doc) == text


def test_obsolete_entries_are_kept_at_the_end() -> None:
    """`#~` entries keep their comments, previous msgid and fuzzy flag."""
    text = (PO_DATA / "obsolete_entries.po").read_text(encoding="utf-8")
    doc = parse_po(text, path="obsolete_entries.po")
    assert [e.address for e in doc.obsolete] == ["art9.p1.s1", ""]
    first = doc.obsolete[0]
    assert (first.comments, first.previous, first.flags) == (
        ("kept by msgmerge",),
        "旧的条文。",
        ("fuzzy",),
    )
    assert render_po(doc) == text


def test_an_obsolete_entry_without_translation_is_dropped() -> None:
    """gettext writes no obsolete entry whose msgstr is empty; neither does lextm."""
    doc = _doc([Entry("art1", "第一条")], obsolete=(Entry("", "旧", ""),))
    assert "#~" not in render_po(doc)


def test_entry_lines_are_where_entries_start() -> None:
    """`Entry.line` is the first line of the entry, its comments included."""
    doc, _ = read_po(PO_DATA / "valid_document.po")
    lines = (PO_DATA / "valid_document.po").read_text(encoding="utf-8").split("\n")
    assert [lines[e.line - 1] for e in doc.entries[:2]] == ["#. Title", "#. Article 1 · 第一条"]


def test_references_are_dropped() -> None:
    """`#:` lines name source files, which lextm documents have none of."""
    doc, _ = read_po(PO_DATA / "references.po")
    assert doc.entries[0] == Entry("art1", "第一条", "Article 1", line=doc.entries[0].line)
    assert "#:" not in render_po(doc)


def test_crlf_line_endings_and_a_bom_are_accepted() -> None:
    """A file saved with Windows line endings and a BOM reads like any other."""
    doc, _ = read_po(PO_DATA / "crlf_with_bom.po")
    assert [(e.address, e.target) for e in doc.entries] == [("art1", "Article 1")]


# --- strict reading: errors name the file and the line -------------------------------------------

_BROKEN = [
    ("duplicate_msgctxt.po", 26, "repeats the entry on line 21"),
    ("bad_address.po", 20, "'art1.paragraph1' is not a lextm address"),
    ("syntax_error.po", 21, "double quote"),
    ("missing_msgctxt.po", 20, "without msgctxt"),
    ("plural_entry.po", 16, "plural"),
    ("missing_header.po", 1, "header entry"),
    ("missing_header_field.po", 1, "no X-Lextm-Document"),
    ("trailing_comment.po", 20, "comment lines without an entry"),
    ("unsupported_escape.po", 18, "escape"),
    ("missing_msgstr.po", 16, "without msgstr"),
    ("mixed_obsolete.po", 21, "mixes obsolete"),
    ("not_utf8.po", 21, "UTF-8"),
]


@pytest.mark.parametrize(("name", "line", "message"), _BROKEN, ids=[b[0] for b in _BROKEN])
def test_a_broken_document_is_an_input_error_with_file_and_line(
    name: str, line: int, message: str
) -> None:
    """Each edge case names the file, the 1-based line and what is wrong."""
    with pytest.raises(InputError) as caught:
        read_po(PO_DATA / name)
    assert caught.value.path == str(PO_DATA / name)
    assert caught.value.line == line
    assert message in caught.value.message


def test_reading_a_missing_document_names_it(tmp_path: Path) -> None:
    """A missing file is an InputError naming it."""
    with pytest.raises(InputError, match="not found"):
        read_po(tmp_path / "missing.po")


# --- writing -------------------------------------------------------------------------------------


def test_write_po_refuses_a_file_edited_since_it_was_read(tmp_path: Path) -> None:
    """write_po with the read fingerprint detects an editor's save in between."""
    path = tmp_path / "tm" / "doc" / "v1.po"
    write_po(path, _doc([Entry("art1", "第一条")]), expect=None)
    doc, fingerprint = read_po(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        write_po(path, doc, expect=fingerprint)


def test_write_po_returns_the_fingerprint_of_what_it_wrote(tmp_path: Path) -> None:
    """The fingerprint write_po returns is the file's."""
    path = tmp_path / "v1.po"
    assert write_po(path, _doc([Entry("art1", "第一条")])) == Fingerprint.of(path)


# --- other projects' catalogs --------------------------------------------------------------------

CATALOGS = sorted((CORPUS / "formats" / "po").rglob("*.po*"))
_BAD_CATALOGS = {"test_syntax_error1.po": 5, "translate-toolkit-f43.tgif.fr.po": 7}


@pytest.mark.parametrize("path", CATALOGS, ids=[p.name for p in CATALOGS])
def test_read_catalog_reads_valid_catalogs_and_locates_broken_ones(path: Path) -> None:
    """polib's and translate-toolkit's fixtures: entries, or an InputError with the line."""
    if path.name in _BAD_CATALOGS:
        with pytest.raises(InputError) as caught:
            list(read_catalog(path))
        assert (caught.value.path, caught.value.line) == (str(path), _BAD_CATALOGS[path.name])
    else:
        entries = list(read_catalog(path))
        assert all(
            isinstance(msgid, str) and isinstance(flags, tuple) for _, msgid, _, flags in entries
        )


@needs_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("polib/test_iso-8859-15.po", "E83: L'allocation du tampon a échoué"),
        ("polib/test_ufeff.po", "bar"),
        ("polib/test_noencoding.po", "Este campo no puede estar vacío."),
        ("translate-toolkit-plural.po", "%d One"),
    ],
)
def test_read_catalog_decodes_what_the_header_declares(name: str, expected: str) -> None:
    """ISO-8859-15, a BOM, no charset at all (UTF-8), plurals (first form)."""
    msgstrs = [msgstr for _, _, msgstr, _ in read_catalog(CORPUS / "formats" / "po" / name)]
    assert any(msgstr.startswith(expected) for msgstr in msgstrs)


@needs_corpus
def test_read_catalog_skips_obsolete_entries_and_keeps_flags() -> None:
    """Obsolete entries are left out; flags and msgctxt come through."""
    folder = CORPUS / "formats" / "po" / "polib"
    assert list(read_catalog(folder / "test_obsolete_is_not_fuzzy.po")) == [
        (None, "a", "a", ()),
        (None, "Line", "Ligne", ("fuzzy",)),
    ]
    contexts = {ctx for ctx, _, _, _ in read_catalog(folder / "test_msgctxt.po")}
    assert "Some message context" in contexts
