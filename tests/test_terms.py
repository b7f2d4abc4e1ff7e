"""Term extraction: definitions harvested by rule, frequent word runs, renderings, review TSV.

Real texts: the Tibet regulation of 2021 (the seed), the PRC Personal Information Protection Law
(definitions in items of Article 73) and the Taiwan Personal Data Protection Act of 2023 aligned
with its official English translation.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import LAWS_DIR, ROOT
from lextm.align import align_laws
from lextm.model import Entry
from lextm.segment import Tokenizer, get_tokenizer
from lextm.structure import parse_law
from lextm.structure.segments import segment_law
from lextm.terms import TSV_COLUMNS, Candidate, candidates_tsv, extract_terms

SEED = ROOT / "sources" / "xizang-network-communications-2021.zh.txt"
PIPL = LAWS_DIR / "prc-personal-information-protection-law-2021"
TW_PDPA = LAWS_DIR / "tw-personal-data-protection-act-2023"

pytestmark = pytest.mark.skipif(
    not (SEED.exists() and PIPL.exists() and TW_PDPA.exists()), reason="corpus not found"
)

STOP_WORDS = ["应当", "可以", "不得", "或者", "以及", "等", "的", "本法", "本规定", "有关",
              "依照", "规定", "下列", "其他"]  # fmt: skip


def _source_entries(path: Path) -> list[Entry]:
    return [Entry(segment.address, segment.text) for segment in segment_law(parse_law(path))]


def _aligned_entries(folder: Path) -> list[Entry]:
    pairs = align_laws(parse_law(folder / "zh.txt"), parse_law(folder / "en.txt")).pairs
    return [
        Entry(
            pair.source[0].address,
            "".join(segment.text for segment in pair.source),
            " ".join(segment.text for segment in pair.target),
        )
        for pair in pairs
        if pair.source
    ]


def _by_term(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {candidate.term: candidate for candidate in candidates}


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    """jieba with its cache in a temporary directory."""
    return get_tokenizer(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def seed(tokenizer: Tokenizer) -> list[Candidate]:
    return extract_terms(_source_entries(SEED), tokenizer=tokenizer)


@pytest.fixture(scope="module")
def pipl(tokenizer: Tokenizer) -> list[Candidate]:
    return extract_terms(_source_entries(PIPL / "zh.txt"), tokenizer=tokenizer)


@pytest.fixture(scope="module")
def tw_entries() -> list[Entry]:
    """The Taiwan PDPA aligned with its official English translation, one entry a pair."""
    return _aligned_entries(TW_PDPA)


@pytest.fixture(scope="module")
def tw_pdpa(tw_entries: list[Entry], tokenizer: Tokenizer) -> list[Candidate]:
    return extract_terms(tw_entries, tokenizer=tokenizer)


def test_seed_defined_term_comes_first(seed: list[Candidate]) -> None:
    """网络通信活动, defined in Article 2 (本规定所称…是指…), is the first candidate."""
    first = seed[0]
    assert (first.term, first.defined) == ("网络通信活动", True)
    assert first.definition.startswith("本规定所称网络通信活动是指公民、法人和其他组织")
    assert first.definition.endswith("等网络通信工具产生的活动。")
    assert "art2.p1.s2" in first.addresses


@pytest.mark.parametrize(
    "term", ["网络通信工具", "网信部门", "网络信息内容", "信息服务提供者", "国家安全", "民族团结"]
)
def test_seed_frequent_terms(seed: list[Candidate], term: str) -> None:
    """Frequent terms of the regulation are proposed, found in two articles at least."""
    candidate = _by_term(seed)[term]
    assert candidate.frequency >= 2
    assert candidate.articles >= 2
    assert not candidate.defined


@pytest.mark.parametrize("word", STOP_WORDS)
def test_seed_stop_words_are_never_candidates(seed: list[Candidate], word: str) -> None:
    """Function words and legal boilerplate are not proposed, alone or inside a candidate."""
    assert not [candidate.term for candidate in seed if word in candidate.term]


@pytest.mark.parametrize(
    "fragment",
    [
        pytest.param("中华人民共和国国家", id="inside-a-cited-law-title"),
        pytest.param("使用网络通信工具", id="opens-with-a-governing-verb"),
        pytest.param("网络通信活动管理", id="only-in-the-title"),
    ],
)
def test_seed_non_terms_are_left_out(seed: list[Candidate], fragment: str) -> None:
    """Law titles in 《》, verb phrases and the title line give no candidates."""
    assert fragment not in _by_term(seed)


def test_seed_evidence_comes_from_sentences(seed: list[Candidate]) -> None:
    """Example addresses are sentence segments, at most five per candidate, ranked by score."""
    for candidate in seed:
        assert 0 < len(candidate.addresses) <= 5
        assert all(".s" in address for address in candidate.addresses)
    scores = [candidate.score for candidate in seed if not candidate.defined]
    assert scores == sorted(scores, reverse=True)


def test_untranslated_entries_give_no_renderings(seed: list[Candidate]) -> None:
    """A document without translations has candidates but no renderings."""
    assert all(candidate.renderings == () for candidate in seed)


@pytest.mark.parametrize(
    ("known", "gone"),
    [
        pytest.param(["网络通信工具"], "网络通信工具", id="same-script"),
        pytest.param(["網絡通信工具"], "网络通信工具", id="traditional-folds-to-simplified"),
        pytest.param(["网络通信活动"], "网络通信活动", id="defined-term"),
    ],
)
def test_known_terms_are_excluded(tokenizer: Tokenizer, known: list[str], gone: str) -> None:
    """Terms already in the glossary are not proposed again (compared folded)."""
    candidates = extract_terms(_source_entries(SEED), tokenizer=tokenizer, known=known)
    assert gone not in _by_term(candidates)


@pytest.mark.parametrize(
    ("address", "text", "term"),
    [
        pytest.param(
            "art2.p1.s2",
            "本规定所称网络通信活动是指公民、法人和其他组织使用网络通信工具产生的活动。",
            "网络通信活动",
            id="so-called-mid-paragraph",
        ),
        pytest.param("art2.p1.s1", "本法所稱洗錢，指下列行為：", "洗錢", id="so-called-taiwan"),
        pytest.param(
            "art4.p1.s1", "本法所稱金融機構，包括下列機構：", "金融機構", id="so-called-includes"
        ),
        pytest.param(
            "art3.p1.s1",
            "本法所称“数据”，是指任何以电子或者其他方式对信息的记录。",
            "数据",
            id="quoted",
        ),
        pytest.param(
            "art95.p2.s1",
            "发起设立，是指由发起人认购设立公司时应发行的全部股份而设立公司。",
            "发起设立",
            id="paragraph-opening",
        ),
        pytest.param(
            "art2.p1.i9.s1", "九、「當事人」：指個人資料之本人。", "當事人", id="taiwan-item-quoted"
        ),
        pytest.param(
            "art3.p1.i19.s1",
            "十九、網路服務提供者，指提供下列服務者：",
            "網路服務提供者",
            id="taiwan-item-comma",
        ),
        pytest.param(
            "art2.p1.s2",
            "网络，是指由计算机或者其他信息终端及相关设备组成的系统。",
            None,
            id="bare-form-mid-paragraph",
        ),
        pytest.param(
            "art61.p1.i1.s1",
            "（一）开展个人信息保护宣传教育，指导、监督个人信息处理者开展个人信息保护工作；",
            None,
            id="zhidao-is-not-zhi",
        ),
        pytest.param(
            "art9.p2.s1",
            "前款规定的情形，是指发生重大网络安全事件的情形。",
            None,
            id="reference-is-not-a-term",
        ),
    ],
)
def test_definition_forms(tokenizer: Tokenizer, address: str, text: str, term: str | None) -> None:
    """Definition provisions are recognised by their wording and place, quotes stripped."""
    candidates = extract_terms([Entry(address, text)], tokenizer=tokenizer)
    defined = [candidate.term for candidate in candidates if candidate.defined]
    assert defined == ([term] if term else [])


@pytest.mark.parametrize(
    ("term", "address", "definition"),
    [
        ("个人信息处理者", "art73.p1.i1.s1", "个人信息处理者，是指在个人信息处理活动中"),
        ("自动化决策", "art73.p1.i2.s1", "自动化决策，是指通过计算机程序自动分析"),
        ("去标识化", "art73.p1.i3.s1", "去标识化，是指个人信息经过处理"),
        ("匿名化", "art73.p1.i4.s1", "匿名化，是指个人信息经过处理无法识别特定自然人"),
    ],
)
def test_pipl_item_definitions(
    pipl: list[Candidate], term: str, address: str, definition: str
) -> None:
    """本法下列用语的含义：（一）X，是指… defines X, whatever its frequency."""
    candidate = _by_term(pipl)[term]
    assert candidate.defined
    assert candidate.definition.startswith(definition)
    assert address in candidate.addresses


def test_pipl_only_definitions_are_defined(pipl: list[Candidate]) -> None:
    """（一）开展个人信息保护宣传教育，指导… is a duty, not a definition (指导 is not 指)."""
    defined = {candidate.term for candidate in pipl if candidate.defined}
    assert defined == {"个人信息处理者", "自动化决策", "去标识化", "匿名化"}


@pytest.mark.parametrize(
    ("term", "rendering"),
    [
        ("個人資料", "personal data"),
        ("公務機關", "government agency"),
        ("非公務機關", "non-government agency"),
        ("當事人", "data subject"),
        ("蒐集者", "data collector"),
    ],
)
def test_tw_best_rendering(tw_pdpa: list[Candidate], term: str, rendering: str) -> None:
    """The official translation's rendering of a term is its best candidate rendering."""
    renderings = _by_term(tw_pdpa)[term].renderings
    assert renderings[0][0] == rendering
    assert renderings[0][1] >= 0.7


def test_tw_definitions_keep_the_written_form(tw_pdpa: list[Candidate]) -> None:
    """Taiwan's 一、X：指… items are harvested, in traditional characters as written."""
    defined = {candidate.term for candidate in tw_pdpa if candidate.defined}
    assert {"個人資料", "個人資料檔案", "公務機關", "非公務機關", "當事人", "同意"} <= defined


def test_tw_renderings_are_scored_and_bounded(tw_pdpa: list[Candidate]) -> None:
    """At most three renderings, best first, each with a Dice coefficient of 0.3 or more."""
    for candidate in tw_pdpa:
        dice = [score for _, score in candidate.renderings]
        assert len(dice) <= 3
        assert dice == sorted(dice, reverse=True)
        assert all(0.3 <= score <= 1 for score in dice)


def test_fuzzy_translations_give_no_renderings(
    tw_entries: list[Entry], tokenizer: Tokenizer
) -> None:
    """Translations marked fuzzy need work and are not evidence for renderings."""
    fuzzy = [Entry(entry.address, entry.source, entry.target, ("fuzzy",)) for entry in tw_entries]
    candidates = extract_terms(fuzzy, tokenizer=tokenizer, limit=20)
    assert all(candidate.renderings == () for candidate in candidates)


def test_extraction_is_deterministic(tw_entries: list[Entry], tokenizer: Tokenizer) -> None:
    """The same entries give the same candidates, in the same order."""
    first = extract_terms(tw_entries, tokenizer=tokenizer, limit=30)
    assert extract_terms(tw_entries, tokenizer=tokenizer, limit=30) == first


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    assert tuple(rows[0]) == TSV_COLUMNS
    assert all(len(row) == 12 for row in rows)
    return [dict(zip(TSV_COLUMNS, row, strict=True)) for row in rows[1:]]


def test_tsv_has_a_source_row_per_candidate(tw_pdpa: list[Candidate]) -> None:
    """Each candidate is a concept with one preferred zh row carrying definition and evidence."""
    candidates = tw_pdpa[:12]
    rows = _rows(candidates_tsv(candidates, document="tw-pdpa", source_lang="zh-Hant"))
    source = [row for row in rows if row["lang"] == "zh-Hant"]
    assert [row["term"] for row in source] == [candidate.term for candidate in candidates]
    first = source[0]
    assert first["concept"] == "cand-tw-pdpa-001"
    assert (first["status"], first["scope"]) == ("preferred", "tw-pdpa")
    assert first["definition"].startswith("個人資料：指自然人之姓名")
    assert first["note"].startswith(f"frequency {candidates[0].frequency} in ")
    assert "e.g. art2.p1.i1.s1" in first["note"]
    assert first["source"] == "extracted from tw-pdpa"


def test_tsv_has_a_target_row_per_rendering(tw_pdpa: list[Candidate]) -> None:
    """Renderings are admitted target rows of the candidate's concept, with the Dice as note."""
    candidates = tw_pdpa[:12]
    rows = _rows(candidates_tsv(candidates, document="tw-pdpa"))
    target = [row for row in rows if row["lang"] == "en"]
    assert len(target) == sum(len(candidate.renderings) for candidate in candidates)
    assert {row["status"] for row in target} == {"admitted"}
    subject = next(row for row in target if row["term"] == "data subject")
    owner = next(row for row in rows if row["lang"] == "zh-CN" and row["term"] == "當事人")
    assert subject["concept"] == owner["concept"]
    assert subject["note"].startswith("Dice 0.9")


def test_tsv_rows_follow_the_glossary_order(seed: list[Candidate]) -> None:
    """Rows sort by concept; undefined terms have no scope; no rows without a rendering."""
    rows = _rows(candidates_tsv(seed, document="xizang-network-communications"))
    assert [row["concept"] for row in rows] == sorted(row["concept"] for row in rows)
    assert len(rows) == len(seed)
    assert all(
        row["scope"] == ""
        for row, candidate in zip(rows, seed, strict=True)
        if not candidate.defined
    )
