"""Sentence splitting rules for Chinese and English statutes, and the jieba word tokenizer.

Real sentences come from ../shared/corpus (the Tibet regulation of 2021, the PRC Data Security Law
and the Taiwan Copyright Act and Personal Data Protection Act with their official translations).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lextm.errors import UsageError
from lextm.segment import Tokenizer, get_tokenizer, split_sentences

# --- Chinese sentences -----------------------------------------------------------------------

XIZANG_ART1 = (
    "为了维护国家安全和社会公共利益，保障网络通信活动安全，保护公民、法人和其他组织的合法权益，"
    "根据《中华人民共和国国家安全法》《中华人民共和国网络安全法》《中华人民共和国数据安全法》等"
    "法律法规规定，结合自治区实际，制定本规定。"
)
XIZANG_ART2_A = "在自治区行政区域内的网络通信活动，适用本规定。"
XIZANG_ART2_B = (
    "本规定所称网络通信活动是指公民、法人和其他组织使用固定电话、移动电话、可视电话、电脑、"
    "即时通信、可穿戴网络设备等网络通信工具产生的活动。"
)
XIZANG_ART3_A = "坚持党对网络通信活动管理工作的领导。"
XIZANG_ART3_B = (
    "网信部门负责统筹协调本行政区域内网络通信活动的监督管理，公安、国家安全、通信管理等部门"
    "在各自职责范围内负责网络通信活动的监督管理工作。"
)
XIZANG_ART7_ITEM5 = (
    "（五）弘扬“两路”精神、老西藏精神（孔繁森精神）等，宣传民族团结进步模范典型和先进事迹的；"
)
XIZANG_ART8_LEAD = (
    "公民、法人和其他组织不得使用网络通信工具制作、复制、发布、传播、存储包含以下内容的信息："
)
XIZANG_NOTE = "（2021年12月3日西藏自治区人民政府令第168号公布  自2022年2月1日起施行）"
DSL_ART29_A = (
    "开展数据处理活动应当加强风险监测，发现数据安全缺陷、漏洞等风险时，应当立即采取补救措施；"
)
DSL_ART29_B = "发生数据安全事件时，应当立即采取处置措施，按照规定及时告知用户并向有关主管部门报告。"
TW_PDPA_ITEM6_A = "六、經當事人書面同意。"
TW_PDPA_ITEM6_B = (
    "但逾越特定目的之必要範圍或其他法律另有限制不得僅依當事人書面同意蒐集、處理或利用，"
    "或其同意違反其意願者，不在此限。"
)
TW_COPYRIGHT_36_A = "著作財產權讓與之範圍依當事人之約定；"
TW_COPYRIGHT_36_B = "其約定不明之部分，推定為未讓與。"
TW_COPYRIGHT_3_17_A = "十七、權利管理電子資訊："
TW_COPYRIGHT_3_17_B = (
    "指於著作原件或其重製物，或於著作向公眾傳達時，所表示足以確認著作、著作名稱、著作人、"
    "著作財產權人或其授權之人及利用期間或條件之相關電子資訊；"
)
TW_COPYRIGHT_3_17_C = "以數字、符號表示此類資訊者，亦屬之。"

ZH_CASES = [
    pytest.param(XIZANG_ART1, [XIZANG_ART1], id="one-sentence-with-book-titles"),
    pytest.param(XIZANG_ART2_A + XIZANG_ART2_B, [XIZANG_ART2_A, XIZANG_ART2_B], id="two-sentences"),
    pytest.param(
        XIZANG_ART3_A + XIZANG_ART3_B, [XIZANG_ART3_A, XIZANG_ART3_B], id="two-sentences-again"
    ),
    pytest.param(XIZANG_ART7_ITEM5, [XIZANG_ART7_ITEM5], id="item-with-quotes-and-parentheses"),
    pytest.param(XIZANG_ART8_LEAD, [XIZANG_ART8_LEAD], id="colon-at-end-stays"),
    pytest.param(XIZANG_NOTE, [XIZANG_NOTE], id="promulgation-note"),
    pytest.param(DSL_ART29_A + DSL_ART29_B, [DSL_ART29_A + DSL_ART29_B], id="semicolon-kept"),
    pytest.param(
        TW_PDPA_ITEM6_A + TW_PDPA_ITEM6_B,
        [TW_PDPA_ITEM6_A, TW_PDPA_ITEM6_B],
        id="traditional-proviso-sentence",
    ),
    pytest.param(
        TW_COPYRIGHT_36_A + TW_COPYRIGHT_36_B,
        [TW_COPYRIGHT_36_A + TW_COPYRIGHT_36_B],
        id="traditional-semicolon-kept",
    ),
    pytest.param(
        "有下列情形之一的：（一）甲；（二）乙。",
        ["有下列情形之一的：", "（一）甲；", "（二）乙。"],
        id="inline-items-full-width-parentheses",
    ),
    pytest.param(
        "有下列情形之一的：(一)甲；(二)乙。",
        ["有下列情形之一的：", "(一)甲；", "(二)乙。"],
        id="inline-items-ascii-parentheses",
    ),
    pytest.param(
        "包括下列数据：一、甲；二、乙。",
        ["包括下列数据：", "一、甲；", "二、乙。"],
        id="inline-items-dun-comma",
    ),
    pytest.param(
        "包括：（1）甲；（2）乙。", ["包括：", "（1）甲；", "（2）乙。"], id="inline-items-arabic"
    ),
    pytest.param(
        "包括：1.甲；2．乙。", ["包括：", "1.甲；", "2．乙。"], id="inline-items-arabic-dot"
    ),
    pytest.param(
        "（一）甲；（二）乙。", ["（一）甲；", "（二）乙。"], id="text-starting-with-label"
    ),
    pytest.param(
        "规定：（2021年修订）甲。", ["规定：（2021年修订）甲。"], id="year-is-not-an-item"
    ),
    pytest.param("比例为：1.5倍。", ["比例为：1.5倍。"], id="decimal-is-not-an-item"),
    pytest.param(
        "他说：“本法自公布之日起施行。”此后另行规定。",
        ["他说：“本法自公布之日起施行。”", "此后另行规定。"],
        id="closing-quote-stays-with-sentence",
    ),
    pytest.param("规定：“甲。乙。”丙。", ["规定：“甲。乙。”", "丙。"], id="no-split-inside-quotes"),
    pytest.param(
        "條文規定「應予公告。」其他依本法辦理。",
        ["條文規定「應予公告。」", "其他依本法辦理。"],
        id="corner-quotes",
    ),
    pytest.param(
        "他說：“依「第五條。」辦理。”然後。",
        ["他說：“依「第五條。」辦理。”", "然後。"],
        id="nested-quotes",
    ),
    pytest.param(
        "依照《关于甲的决定。乙》执行。另行规定。",
        ["依照《关于甲的决定。乙》执行。", "另行规定。"],
        id="no-split-inside-book-title",
    ),
    pytest.param(
        "本条（本款已删除。另见第五条）仍然有效。其余不变。",
        ["本条（本款已删除。另见第五条）仍然有效。", "其余不变。"],
        id="no-split-inside-parentheses",
    ),
    pytest.param(
        "甲。（本款已删除。）乙。",
        ["甲。", "（本款已删除。）", "乙。"],
        id="parenthesised-sentence",
    ),
    pytest.param("《甲。乙。", ["《甲。", "乙。"], id="stray-opener-ignored"),
    pytest.param("是否适用？适用本法！", ["是否适用？", "适用本法！"], id="question-exclamation"),
    pytest.param("是吗？！是的。", ["是吗？！", "是的。"], id="terminator-run"),
    pytest.param(
        "是否适用?适用本法。", ["是否适用?", "适用本法。"], id="ascii-question-before-han"
    ),
    pytest.param("见index.php?title=中华", ["见index.php?title=中华"], id="ascii-question-in-url"),
    pytest.param(
        "以下从略……本法自公布之日起施行。",
        ["以下从略……", "本法自公布之日起施行。"],
        id="ellipsis-ends-sentence",
    ),
    pytest.param("甲、乙……，丙。", ["甲、乙……，丙。"], id="ellipsis-before-comma"),
    pytest.param("甲。 乙。 ", ["甲。 ", "乙。 "], id="spaces-stay-with-previous-sentence"),
    pytest.param(
        "（一）否定中国共产党领导的；", ["（一）否定中国共产党领导的；"], id="no-terminator"
    ),
]


@pytest.mark.parametrize(("text", "expected"), ZH_CASES)
def test_split_chinese(text: str, expected: list[str]) -> None:
    """Chinese lines split after 。！？ outside brackets, and before inline items."""
    assert split_sentences(text, "zh") == expected


ZH_SEMICOLON_CASES = [
    pytest.param(DSL_ART29_A + DSL_ART29_B, [DSL_ART29_A, DSL_ART29_B], id="simplified-semicolon"),
    pytest.param(
        TW_COPYRIGHT_36_A + TW_COPYRIGHT_36_B,
        [TW_COPYRIGHT_36_A, TW_COPYRIGHT_36_B],
        id="traditional-semicolon",
    ),
    pytest.param(
        TW_COPYRIGHT_3_17_A + TW_COPYRIGHT_3_17_B + TW_COPYRIGHT_3_17_C,
        [TW_COPYRIGHT_3_17_A, TW_COPYRIGHT_3_17_B, TW_COPYRIGHT_3_17_C],
        id="definition-colon-and-semicolon",
    ),
    pytest.param("“甲；乙”；丙。", ["“甲；乙”；", "丙。"], id="not-inside-quotes"),
    pytest.param("（一）甲；", ["（一）甲；"], id="final-semicolon"),
]


@pytest.mark.parametrize(("text", "expected"), ZH_SEMICOLON_CASES)
def test_split_chinese_semicolons(text: str, expected: list[str]) -> None:
    """With split_semicolons, Chinese lines also split after ； and ： outside brackets."""
    assert split_sentences(text, "zh", split_semicolons=True) == expected


# --- English sentences -----------------------------------------------------------------------

CR_ART1_A = (
    "This Act is specifically enacted for the purposes of protecting the rights and interests of "
    "authors with respect to their works, balancing different interests for the common good of "
    "society, and promoting the development of national culture."
)
CR_ART1_B = "Matters not provided for herein shall be governed by the provisions of other acts."
CR_ART3_5_A = (
    '5."Reproduce" means to reproduce directly, indirectly, permanently, or temporarily a work by '
    "means of printing, reprography, sound recording, video recording, photography, handwritten "
    "notes, or otherwise."
)
CR_ART3_5_B = (
    "This definition also applies to the sound recording or video recording of scripts, musical "
    "works, or works of similar nature during their performance or broadcast."
)
CR_ART3_19 = '19. "Internet service provider" means those who provide the following services:'
CR_ART3_19_1 = (
    "(1) Connection service provider: those who provide services, by wire or wireless means, of "
    "transmitting, routing, or receiving, information through a system or network controlled or "
    "operated by the service provider."
)
CR_ART37_A = "The economic rights holder may license others to exploit the work."
CR_ART37_B = (
    "The territory, term, content, method of exploitation, and other particulars of the license "
    "shall be as stipulated by the parties;"
)
CR_ART37_C = (
    "particulars not clearly covered by such stipulations shall be presumed to have not been "
    "licensed."
)
CR_TAIWAN_ITEM = (
    "1.Where removal or alteration of electronic rights management information of the work is "
    "unavoidable in the lawful exploitation of the work given technological limitations at the "
    "time of the act."
)
PDPA_ITEM3 = '3. "collection" refers to the act of collecting personal data in any way;'
PDPA_IE = (
    "The compensation payable to each victim shall not be limited to the lower end of damages, "
    "i.e. NT$500, per incident as set forth in Paragraph 3 of this Article."
)
PDPA_ROC = (
    "The PDPA also applies to the government and the non-government agencies outside the territory "
    "of the Republic of China (R.O.C) when they collect, process or use the personal data of the "
    "R.O.C. nationals."
)
PDPA_FEES_A = (
    "The fees shall be refunded based on the fixed annual interest rate for a one-year time "
    "deposit announced by the Department of Savings and Remittances, Chunghwa Post Co., Ltd. on "
    "the date of the payment."
)
PDPA_FEES_B = "The same applies to the refund where the registration process has been completed."

EN_CASES = [
    pytest.param(f"{CR_ART1_A} {CR_ART1_B}", [CR_ART1_A, CR_ART1_B], id="two-sentences"),
    pytest.param(f"{CR_ART3_5_A} {CR_ART3_5_B}", [CR_ART3_5_A, CR_ART3_5_B], id="label-no-space"),
    pytest.param(CR_ART3_19, [CR_ART3_19], id="label-then-opening-quote"),
    pytest.param(CR_ART3_19_1, [CR_ART3_19_1], id="colon-without-item-stays"),
    pytest.param(
        f"{CR_ART37_A} {CR_ART37_B} {CR_ART37_C}",
        [CR_ART37_A, f"{CR_ART37_B} {CR_ART37_C}"],
        id="semicolon-kept",
    ),
    pytest.param(CR_TAIWAN_ITEM, [CR_TAIWAN_ITEM], id="taiwan-label-without-space"),
    pytest.param(PDPA_ITEM3, [PDPA_ITEM3], id="label-at-start"),
    pytest.param(PDPA_IE, [PDPA_IE], id="i.e.-before-capital"),
    pytest.param(PDPA_ROC, [PDPA_ROC], id="R.O.C.-before-lower-case"),
    pytest.param(f"{PDPA_FEES_A} {PDPA_FEES_B}", [PDPA_FEES_A, PDPA_FEES_B], id="Co.-Ltd."),
    pytest.param("Chapter I. General Provision", ["Chapter I. General Provision"], id="chapter-I"),
    pytest.param(
        "Chapter II. Government Agency Cyber Security Management",
        ["Chapter II. Government Agency Cyber Security Management"],
        id="chapter-II",
    ),
    pytest.param("IV. Penalties", ["IV. Penalties"], id="roman-label"),
    pytest.param("a. Where it applies.", ["a. Where it applies."], id="letter-label"),
    pytest.param("Under Art. 5 and Arts. 6 to 8.", ["Under Art. 5 and Arts. 6 to 8."], id="Art."),
    pytest.param("See No. 3 and Nos. 4 to 6.", ["See No. 3 and Nos. 4 to 6."], id="No."),
    pytest.param(
        "Under para. 2, Para. 3, paras. 4 and 5 and subpara. 1.",
        ["Under para. 2, Para. 3, paras. 4 and 5 and subpara. 1."],
        id="para.",
    ),
    pytest.param(
        "See Sec. 4, Ch. 2, Chap. 3, Vol. 1, p. 14 and pp. 20 to 25.",
        ["See Sec. 4, Ch. 2, Chap. 3, Vol. 1, p. 14 and pp. 20 to 25."],
        id="references",
    ),
    pytest.param(
        "Other places, e.g. Taiwan, cf. Article 5, Smith vs. Jones.",
        ["Other places, e.g. Taiwan, cf. Article 5, Smith vs. Jones."],
        id="e.g.-cf.-vs.",
    ),
    pytest.param(
        "Mr. Chen, Mrs. Lin, Ms. Wang, Dr. Lee and John Smith Jr. Esq. of St. Louis.",
        ["Mr. Chen, Mrs. Lin, Ms. Wang, Dr. Lee and John Smith Jr. Esq. of St. Louis."],
        id="titles",
    ),
    pytest.param(
        "ABC Co. Taipei, Acme Inc. Shanghai and Foo Corp. Tokyo sign.",
        ["ABC Co. Taipei, Acme Inc. Shanghai and Foo Corp. Tokyo sign."],
        id="companies",
    ),
    pytest.param(
        "The U.S. Congress, the U.K. Parliament and the P.R.C. Government.",
        ["The U.S. Congress, the U.K. Parliament and the P.R.C. Government."],
        id="country-initials",
    ),
    pytest.param("Signed by A. Smith.", ["Signed by A. Smith."], id="initial"),
    pytest.param("Records, files, etc. 5 copies.", ["Records, files, etc. 5 copies."], id="etc.-5"),
    pytest.param(
        "Records, files, etc. The agency keeps them.",
        ["Records, files, etc.", "The agency keeps them."],
        id="etc.-ends-sentence",
    ),
    pytest.param(
        "Is it lawful? The court decides! Then it ends.",
        ["Is it lawful?", "The court decides!", "Then it ends."],
        id="question-exclamation",
    ),
    pytest.param(
        'The term is "data." The rest applies.',
        ['The term is "data."', "The rest applies."],
        id="closing-quote-stays",
    ),
    pytest.param(
        "(This applies to all agencies.) The rest follows.",
        ["(This applies to all agencies.)", "The rest follows."],
        id="closing-parenthesis-stays",
    ),
    pytest.param(
        "(See Article 5. It applies.) Then it ends.",
        ["(See Article 5. It applies.)", "Then it ends."],
        id="no-split-inside-parentheses",
    ),
    pytest.param(
        'It is void. "Consent" means agreement.',
        ["It is void.", '"Consent" means agreement.'],
        id="before-opening-quote",
    ),
    pytest.param(
        "It is void. 2 copies are kept.", ["It is void.", "2 copies are kept."], id="before-digit"
    ),
    pytest.param("It is void. and so on.", ["It is void. and so on."], id="before-lower-case"),
    pytest.param(
        "The rate is 1.5 percent. It applies.",
        ["The rate is 1.5 percent.", "It applies."],
        id="decimal",
    ),
    pytest.param(
        "(1) Where the agency decides. (2) Where the court orders.",
        ["(1) Where the agency decides.", "(2) Where the court orders."],
        id="before-opening-parenthesis",
    ),
    pytest.param(
        "as follows: (1) the name; (2) the purpose; and (b) the time.",
        ["as follows:", "(1) the name;", "(2) the purpose; and (b) the time."],
        id="inline-items-parenthesised",
    ),
    pytest.param(
        "The following apply: 1. Where A; 2.Where B.",
        ["The following apply:", "1. Where A;", "2.Where B."],
        id="inline-items-numbered",
    ),
    pytest.param("The rate: 1.5 percent.", ["The rate: 1.5 percent."], id="decimal-is-not-an-item"),
    pytest.param("Deleted", ["Deleted"], id="no-terminator"),
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_split_english(text: str, expected: list[str]) -> None:
    """English lines split after . ? ! before a capital, digit or opener, but not after labels."""
    assert split_sentences(text, "en") == expected


EN_SEMICOLON_CASES = [
    pytest.param(
        f"{CR_ART37_A} {CR_ART37_B} {CR_ART37_C}",
        [CR_ART37_A, CR_ART37_B, CR_ART37_C],
        id="semicolon",
    ),
    pytest.param(
        CR_ART3_19_1,
        ["(1) Connection service provider:", CR_ART3_19_1.split(": ", 1)[1]],
        id="colon",
    ),
    pytest.param(CR_ART3_19, [CR_ART3_19], id="final-colon"),
    pytest.param("It starts at 10:30 today.", ["It starts at 10:30 today."], id="time-of-day"),
    pytest.param("(A; B) C; D", ["(A; B) C;", "D"], id="not-inside-parentheses"),
]


@pytest.mark.parametrize(("text", "expected"), EN_SEMICOLON_CASES)
def test_split_english_semicolons(text: str, expected: list[str]) -> None:
    """With split_semicolons, English lines also split at "; " and ": " outside brackets."""
    assert split_sentences(text, "en", split_semicolons=True) == expected


@pytest.mark.parametrize("lang", ["zh", "zh-CN", "zh_TW", "zh-Hant-TW", "ZH"])
def test_chinese_language_tags(lang: str) -> None:
    """Any zh tag selects the Chinese rules."""
    assert split_sentences("甲。乙。", lang) == ["甲。", "乙。"]


@pytest.mark.parametrize("lang", ["en", "en-US", "en_GB", "EN"])
def test_english_language_tags(lang: str) -> None:
    """Any en tag selects the English rules."""
    assert split_sentences("It is. So it is.", lang) == ["It is.", "So it is."]


@pytest.mark.parametrize("lang", ["fr", "", "english", "zhx"])
def test_unknown_language_is_a_usage_error(lang: str) -> None:
    """A language other than Chinese or English is refused with a hint."""
    with pytest.raises(UsageError, match="Cannot split sentences"):
        split_sentences("text", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_empty_text_has_no_sentences(lang: str) -> None:
    """Empty text gives an empty list, not one empty sentence."""
    assert split_sentences("", lang) == []


# --- Properties ------------------------------------------------------------------------------

ZH_ALPHABET = (
    "甲乙网信部门。！？!?…⋯；：;:，、“”‘’「」『』《》〈〉（）()【】[]\"' 　\t一二十1２.．a"
)
EN_WORDS = [
    "the", "Act", "shall", "apply.", "Where", "Art.", "No.", "U.S.", "e.g.", "etc.", "1.", "(a)",
    "2.Where", "(2)", ";", ":", "applies;", "follows:", '"Consent"', "(see", "5.)", "?", "It!",
    "IV.", "Chapter", "A.", "1.5", "“data.”",
]  # fmt: skip
ANY_SETTINGS = settings(max_examples=200, database=None)


def _boundaries(pieces: list[str], gap: int) -> set[int]:
    """Offsets in the original text where each piece after the first begins."""
    offsets: set[int] = set()
    position = 0
    for piece in pieces[:-1]:
        position += len(piece) + gap
        offsets.add(position)
    return offsets


@ANY_SETTINGS
@given(st.text(alphabet=ZH_ALPHABET), st.booleans())
def test_chinese_pieces_join_back(text: str, split_semicolons: bool) -> None:
    """Chinese sentences join with "" to the original text and none is empty."""
    pieces = split_sentences(text, "zh", split_semicolons=split_semicolons)
    assert "".join(pieces) == text
    assert all(pieces)


@ANY_SETTINGS
@given(st.lists(st.sampled_from(EN_WORDS)).map(" ".join), st.booleans())
def test_english_pieces_join_back(text: str, split_semicolons: bool) -> None:
    """English sentences join with one space to the original text and none has edge spaces."""
    pieces = split_sentences(text, "en", split_semicolons=split_semicolons)
    assert " ".join(pieces) == text
    assert all(piece and piece == piece.strip() for piece in pieces)


@ANY_SETTINGS
@given(st.text(), st.sampled_from(["zh", "en"]), st.booleans())
def test_any_text_joins_back(text: str, lang: str, split_semicolons: bool) -> None:
    """Even arbitrary text (double spaces, stray brackets) round-trips without empty pieces."""
    pieces = split_sentences(text, lang, split_semicolons=split_semicolons)
    assert ("" if lang == "zh" else " ").join(pieces) == text
    assert all(pieces)


@ANY_SETTINGS
@given(st.lists(st.sampled_from(EN_WORDS)).map(" ".join))
def test_semicolon_splitting_only_adds_boundaries(text: str) -> None:
    """split_semicolons keeps every sentence boundary and may add more."""
    plain = split_sentences(text, "en")
    finer = split_sentences(text, "en", split_semicolons=True)
    assert _boundaries(plain, 1) <= _boundaries(finer, 1)


# --- Words (jieba) ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache directory the module's tokenizers share, so only the first one builds it."""
    return tmp_path_factory.mktemp("jieba-cache")


@pytest.fixture(scope="module")
def tokenizer(shared_cache: Path) -> Iterator[Tokenizer]:
    """One loaded tokenizer for the tests that only cut."""
    loaded = Tokenizer(cache_dir=shared_cache)
    loaded.cut("预热")
    yield loaded


def _run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter with every warning shown."""
    command = [sys.executable, "-W", "default", "-c", code, *args]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)


def test_import_does_not_load_jieba() -> None:
    """Importing lextm.segment leaves jieba unimported until the first cut."""
    code = "import sys, lextm.segment; print('jieba' in sys.modules)"
    assert _run_python(code).stdout.strip() == "False"


def test_first_cut_is_silent(tmp_path: Path) -> None:
    """Building jieba's dictionary prints nothing on stderr, not even import warnings."""
    code = (
        "import sys; from pathlib import Path; from lextm.segment import Tokenizer; "
        "print('/'.join(Tokenizer(cache_dir=Path(sys.argv[1])).cut('国家网信部门负责')))"
    )
    result = _run_python(code, str(tmp_path))
    assert result.stderr == ""
    assert result.stdout.strip() == "国家/网/信/部门/负责"


def test_cache_goes_to_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The prefix-dictionary cache is written to cache_dir, not to the temporary directory."""
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    cache_dir = tmp_path / ".lextm" / "cache"
    Tokenizer(cache_dir=cache_dir).cut("网络")
    assert [path.name for path in cache_dir.iterdir()] == ["jieba-0.42.1.cache"]
    assert list(system_temp.iterdir()) == []


def test_default_cache_is_per_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without cache_dir the cache goes to $XDG_CACHE_HOME/lextm, created on demand."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    Tokenizer().cut("网络")
    assert list((tmp_path / "xdg" / "lextm").glob("jieba-*.cache"))


def test_unwritable_cache_falls_back_to_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the per-user cache cannot be created, the cache goes to a temporary directory."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    Tokenizer().cut("网络")
    assert list((system_temp / "lextm").glob("jieba-*.cache"))


WORD_CASES = [
    pytest.param(
        "本法所称数据，是指任何以电子或者其他方式对信息的记录。",
        "本法/所/称/数据/，/是/指/任何/以/电子/或者/其他/方式/对/信息/的/记录/。",
        id="data-security-law-art3",
    ),
    pytest.param(
        "公民、法人和其他组织应当提高网络安全意识",
        "公民/、/法人/和/其他/组织/应当/提高/网络安全/意识",
        id="xizang-art5",
    ),
    pytest.param("中华人民共和国网络安全法", "中华人民共和国/网络安全/法", id="law-title"),
    pytest.param("第一条  Article 1\r\n", "第一条/ / /Article/ /1/\r\n", id="mixed-and-spaces"),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_cut_words(tokenizer: Tokenizer, text: str, expected: str) -> None:
    """Dictionary words come out whole; spaces and punctuation are tokens of their own."""
    assert "/".join(tokenizer.cut(text)) == expected


def test_cut_empty_text(tokenizer: Tokenizer) -> None:
    """Cutting empty text gives no words."""
    assert tokenizer.cut("") == []


@settings(max_examples=200, database=None, deadline=None)
@given(st.text())
def test_words_join_back(tokenizer: Tokenizer, text: str) -> None:
    """The words of any text join back to exactly that text."""
    assert "".join(tokenizer.cut(text)) == text


def test_same_words_from_a_fresh_tokenizer(tokenizer: Tokenizer, shared_cache: Path) -> None:
    """A tokenizer loaded from the cache cuts exactly as the one that built it."""
    texts = [XIZANG_ART1, XIZANG_ART3_B, DSL_ART29_A, TW_COPYRIGHT_36_A]
    fresh = Tokenizer(cache_dir=shared_cache)
    assert [fresh.cut(text) for text in texts] == [tokenizer.cut(text) for text in texts]


def test_dictionary_alone_splits_glossary_term(tokenizer: Tokenizer) -> None:
    """Without user words jieba breaks 网信部门 apart, which is why glossary terms are added."""
    assert "网信部门" not in tokenizer.cut("国家网信部门负责")


def test_user_words_stay_whole(shared_cache: Path) -> None:
    """A user word given at construction comes out as one token."""
    tokenizer = Tokenizer(cache_dir=shared_cache, user_words=["网信部门"])
    assert tokenizer.cut("国家网信部门负责") == ["国家", "网信部门", "负责"]


def test_words_added_after_loading_stay_whole(shared_cache: Path) -> None:
    """A user word added after the first cut applies to later cuts."""
    tokenizer = Tokenizer(cache_dir=shared_cache)
    tokenizer.cut("网络")
    tokenizer.add_words(["网信部门", "", "网信部门"])
    assert "网信部门" in tokenizer.cut(XIZANG_ART3_B)


def test_shared_tokenizer_per_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """get_tokenizer returns one instance per cache directory, however the path is spelled."""
    monkeypatch.chdir(tmp_path)
    first = get_tokenizer(Path("cache"))
    assert get_tokenizer(tmp_path / "cache") is first
    assert get_tokenizer(tmp_path / "other") is not first
    assert get_tokenizer() is get_tokenizer()
