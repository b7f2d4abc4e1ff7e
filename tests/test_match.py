"""TM matching: scoring, the lossless candidate filter, match kinds, penalties, pretranslation.

Every store is a real SQLite file in `tmp_path`; recall is checked against a brute-force scan.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

import lextm.store
from lextm.match import Context, Matcher, MatchSettings, band_of, substitute_numbers
from lextm.model import DocumentFile, Entry, Unit
from lextm.pretranslate import analyze_document, pretranslate_document
from lextm.similarity import (
    comparison_form,
    count_bound,
    diff,
    length_window,
    render_diff,
    similarity,
    weighted_score,
)
from lextm.store import SCHEMA_VERSION, FileRecord, Store

LAW = "company-law"
SENTENCE = "有限责任公司的股东应当按期足额缴纳公司章程中规定的各自所认缴的出资额。"


def _record(path: str) -> FileRecord:
    return FileRecord(path, "po", 1, 1, "0" * 64)


def _unit(
    source: str,
    target: str = "t",
    *,
    position: int = 0,
    document: str = LAW,
    version: str = "v1",
    address: str = "",
    state: str = "translated",
    tm: str = "project",
    role: str = "translate",
) -> Unit:
    return Unit(
        source,
        target,
        "zh-CN",
        "en",
        document=document,
        version=version,
        address=address or f"art{position + 1}",
        position=position,
        state=state,
        tm=tm,
        role=role,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty index in tmp_path."""
    with Store.open(tmp_path / "index.sqlite") as opened:
        yield opened


# --- scoring -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("（一）依法设立；", "依法设立;"),
        ("(3) 依法设立", "依法设立"),
        ("一、總則", "总则"),
        ("1. 股东", "股东"),
        ("1.5倍", "1.5倍"),  # a decimal, not a label
        ("第十二条", "第十二条"),
        ("ＡＢＣ  公司", "abc 公司"),
    ],
)
def test_comparison_form_folds_and_drops_the_item_label(text: str, form: str) -> None:
    """The comparison form folds width, script and case and drops a leading item label."""
    assert comparison_form(text) == form


@pytest.mark.parametrize(
    ("worse", "better"),
    [
        # a number or article reference weighs more than a function word
        (("第十二条", "第十三条"), ("第十二条", "第十二条的")),
        (
            (SENTENCE, SENTENCE.replace("按期", "按3期")),
            (SENTENCE, SENTENCE.replace("的股东", "股东")),
        ),
        (
            (SENTENCE, SENTENCE.replace("各自", "二十")),
            (SENTENCE, SENTENCE.replace("各自", "各个")),
        ),
        # a negation weighs more than a function word
        (
            (SENTENCE, SENTENCE.replace("按期", "不按期")),
            (SENTENCE, SENTENCE.replace("按期", "按期的")),
        ),
        # a modal verb weighs more than a plain word
        (
            (SENTENCE, SENTENCE.replace("应当", "可以")),
            (SENTENCE, SENTENCE.replace("缴纳", "支付")),
        ),
    ],
)
def test_weighted_score_ranks_differences_by_what_they_change(
    worse: tuple[str, str], better: tuple[str, str]
) -> None:
    """Differences in numbers, references, negations and modals cost more than function words."""
    assert weighted_score(*map(comparison_form, worse)) < weighted_score(
        *map(comparison_form, better)
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [("第十二条", "第十三条"), (SENTENCE, SENTENCE[:-1]), ("（一）依法设立", "（二）依法设立")],
)
def test_a_difference_never_scores_100(a: str, b: str) -> None:
    """Texts that differ (even only in the item label) score below 100."""
    assert weighted_score(comparison_form(a), comparison_form(b) + "x") < 100
    assert weighted_score("第十二条", "第十三条") < similarity("第十二条", "第十三条") < 100


def test_diff_marks_deletions_and_insertions() -> None:
    """The diff shows what only the match has as [-…-] and what only the query has as {+…+}."""
    assert render_diff(diff("第十二条 公司", "第十三条 公司的")) == "第十[-二-]{+三+}条 公司{+的+}"


# --- the candidate filter ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "threshold", "window", "bound"),
    [(40, 75, (30, 53), 19), (4, 75, (3, 5), 1), (2, 75, (2, 2), 0), (40, 50, (20, 80), 0)],
)
def test_filter_bounds(length: int, threshold: float, window: tuple[int, int], bound: int) -> None:
    """Length window [t·m, m/t] and count bound ⌈(2t − 1)·m − 1⌉ (0: no count filter)."""
    assert length_window(length, threshold) == window
    assert count_bound(length, threshold) == bound


def _random_units(rng: random.Random, count: int) -> list[str]:
    alphabet = "公司股东应当不得依法的和一二三十条款项，。" + "0123456789"
    bases = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(40)]
    texts = []
    for _ in range(count):
        text = list(rng.choice(bases))
        for _ in range(rng.randint(0, 6)):
            at = rng.randrange(len(text) + 1)
            roll = rng.random()
            if roll < 0.4 and at < len(text):
                text[at] = rng.choice(alphabet)
            elif roll < 0.7 and at < len(text):
                del text[at]
            else:
                text.insert(at, rng.choice(alphabet))
        texts.append("".join(text) or "公")
    return texts


@pytest.mark.parametrize("budget", [0, 150_000])
def test_candidates_miss_nothing_a_brute_force_scan_finds(
    store: Store, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    """Every unit with plain similarity ≥ threshold is a candidate (seeded random TMs)."""
    monkeypatch.setattr(lextm.store, "_READ_BUDGET", budget)
    rng = random.Random(5)
    texts = _random_units(rng, 400)
    store.replace_file(_record("a.po"), [_unit(t, position=i) for i, t in enumerate(texts[:250])])
    store.replace_file(_record("b.po"), [_unit(t, position=i) for i, t in enumerate(texts[250:])])
    forms = [comparison_form(t) for t in texts]
    for query in _random_units(rng, 40):
        form = comparison_form(query)
        for threshold in (40, 60, 75, 90, 100):
            expected = sorted(
                round(similarity(form, other), 6)
                for other in forms
                if similarity(form, other) >= threshold
            )
            found = store.candidates(form, threshold, 10_000)
            assert sorted(round(c.similarity, 6) for c in found) == expected, (query, threshold)


def test_candidates_follow_replacements_and_removals(store: Store) -> None:
    """The index forgets replaced and removed files' units and finds the new ones."""
    store.replace_file(_record("a.po"), [_unit(SENTENCE)])
    store.replace_file(_record("a.po"), [_unit(SENTENCE + "新")])
    store.replace_file(_record("b.po"), [_unit(SENTENCE, "b")])
    store.remove_file("b.po")
    found = store.candidates(comparison_form(SENTENCE), 75, 10)
    assert [c.unit.source for c in found] == [SENTENCE + "新"]


def test_an_index_of_schema_2_is_migrated_to_bigram_postings(tmp_path: Path) -> None:
    """Migrations run in order: a schema-2 index loses its trigram table and gains postings."""
    path = tmp_path / "index.sqlite"
    with Store.open(path) as store:
        store.replace_file(_record("a.po"), [_unit(SENTENCE)])
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP TABLE grams")
        connection.execute("DROP TABLE gram_rows")
        connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        connection.execute("CREATE VIRTUAL TABLE units_fts USING fts5(source_fold)")
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [c.unit.source for c in store.candidates(comparison_form(SENTENCE), 90, 5)] == [
            SENTENCE
        ]
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "units_fts" not in tables and {"grams", "gram_rows"} <= tables


# --- match kinds, ordering, penalties ------------------------------------------------------------

DOC_V1 = [
    _unit("第一条", "Article 1", position=0, address="art1"),
    _unit("公司应当依法经营。", "A company shall operate according to law.", position=1),
    _unit("股东依法享有权利。", "Shareholders enjoy rights according to law.", position=2),
]


def test_kinds_come_context_exact_fuzzy(store: Store) -> None:
    """A context match (same neighbours) ranks above an exact one, exact above fuzzy."""
    store.replace_file(_record("v1.po"), DOC_V1)
    store.replace_file(
        _record("other.po"),
        [
            _unit("公司应当依法经营。", "Companies shall operate lawfully.", document="x"),
            _unit("公司应当依法经营管理。", "Fuzzy.", document="x", position=5),
        ],
    )
    context = Context("company-law", "v2", "art2", "第一条", "股东依法享有权利。")
    found = Matcher(store).match("公司应当依法经营。", context=context)
    assert [(m.kind, m.unit.target) for m in found] == [
        ("context", "A company shall operate according to law."),
        ("exact", "Companies shall operate lawfully."),
        ("fuzzy", "Fuzzy."),
    ]


def test_same_address_in_an_earlier_version_is_a_context_match(store: Store) -> None:
    """An exact unit at the same address of an earlier version of the document is context."""
    store.replace_file(_record("v1.po"), DOC_V1)
    context = Context("company-law", "v2", "art2", earlier_versions=frozenset({"v1"}))
    found = Matcher(store).match("公司应当依法经营。", context=context)
    assert found[0].kind == "context"


def test_the_queried_version_is_left_out(store: Store) -> None:
    """Matching inside a document version never offers that version's own units."""
    store.replace_file(_record("v1.po"), DOC_V1)
    assert Matcher(store).match("公司应当依法经营。", context=Context(LAW, "v1")) == []


@pytest.mark.parametrize(
    ("unit", "penalty"),
    [
        (_unit(SENTENCE, state="reviewed"), 0),
        (_unit(SENTENCE), 1),
        (_unit(SENTENCE, state="fuzzy"), 10),
        (_unit(SENTENCE, state="reviewed", role="reference"), 2),
        (_unit(SENTENCE, state="reviewed", tm="moj-tw", document=""), 7),
    ],
)
def test_penalties_for_state_role_and_reference_tms(store: Store, unit: Unit, penalty: int) -> None:
    """Fuzzy and unreviewed units, reference documents and reference TMs lose points."""
    store.replace_file(_record("a.po"), [unit])
    settings = MatchSettings.from_config({}, [("moj-tw", 7)])
    (found,) = Matcher(store, settings).match(SENTENCE)
    assert (found.kind, found.score, found.penalty) == ("exact", 100 - penalty, penalty)


def test_threshold_and_penalties_come_from_settings() -> None:
    """`fuzzy_threshold` and `match_penalties` in [settings] are read and checked."""
    settings = MatchSettings.from_config({"fuzzy_threshold": 80, "match_penalties": {"fuzzy": 20}})
    assert (settings.threshold, settings.fuzzy_penalty) == (80, 20)
    with pytest.raises(Exception, match="fuzzy_threshold"):
        MatchSettings.from_config({"fuzzy_threshold": "high"})


def test_traditional_query_finds_simplified_unit(store: Store) -> None:
    """A query in traditional script matches a unit in simplified script exactly."""
    store.replace_file(_record("a.po"), [_unit("网络运营者应当履行安全保护义务。")])
    (found,) = Matcher(store).match("網路運營者應當履行安全保護義務。")
    assert found.similarity > 90


@pytest.mark.parametrize(
    ("query", "source", "target", "expected"),
    [
        ("第十三条", "第十二条", "Article 12", "Article 13"),
        ("罚款五万元以上", "罚款10000元以上", "a fine of 10000 yuan", "a fine of 50000 yuan"),
        (
            "依照第3条和第4条",
            "依照第1条和第2条",
            "under Articles 1 and 2",
            "under Articles 3 and 4",
        ),
        ("第十三条规定", "第十二条", "Article 12", None),  # more than numbers differ
        ("第三条和第三条", "第一条和第二条", "Articles 1 and 2", "Articles 3 and 3"),
        ("第三条和第四条", "第一条和第一条", "Articles 1 and 1", None),  # 1 becomes 3 and 4
        ("第3条", "第2条", "Article 5", None),  # the number is not in the target
        ("三十日内", "十五日内", "within fifteen days", "within thirty days"),
        ("三十日内", "十五日内", "Fifteen days later", "Thirty days later"),
        ("处二万元罚款", "处一万元罚款", "a fine of 10,000 yuan", "a fine of 20,000 yuan"),
        ("一个月内", "两个月内", "within two months", None),  # "one months"
        ("依照第二条", "依照第一条", "under Article 1 of this Law", "under Article 2 of this Law"),
        ("第3条和第2条", "第2条和第2条", "Articles 2 and 2", None),  # 2 stays and changes
    ],
)
def test_number_substitution(query: str, source: str, target: str, expected: str | None) -> None:
    """When only numbers differ, the target's numbers are replaced; otherwise nothing is."""
    found = substitute_numbers(query, source, target)
    assert (found[0] if found else None) == expected


def test_fuzzy_match_says_which_numbers_it_replaced(store: Store) -> None:
    """A fuzzy match whose source differs only in numbers carries the replaced target."""
    store.replace_file(_record("a.po"), [_unit("股东应当在十五日内缴纳。", "within 15 days")])
    (found,) = Matcher(store).match("股东应当在三十日内缴纳。")
    assert (found.kind, found.target, found.substituted) == (
        "fuzzy",
        "within 30 days",
        (("15", "30"),),
    )


@pytest.mark.parametrize(
    ("pattern", "side", "expected"),
    [("法", "source", 2), ("依法", "source", 2), ("经营", "both", 1), ("law", "target", 2)],
)
def test_concordance_finds_one_and_two_character_terms(
    store: Store, pattern: str, side: str, expected: int
) -> None:
    """Concordance finds terms of one and two characters on either side."""
    store.replace_file(_record("v1.po"), DOC_V1)
    assert len(store.concordance(pattern, side=side)) == expected


def test_concordance_folds_script(store: Store) -> None:
    """A traditional pattern finds the simplified unit."""
    store.replace_file(_record("v1.po"), DOC_V1)
    assert [u.address for u in store.concordance("經營", side="source")] == ["art2"]


# --- analyze and pretranslate --------------------------------------------------------------------


def _doc(*entries: Entry) -> DocumentFile:
    return DocumentFile(LAW, "v2", "zh-CN", "en", entries)


def test_analyze_counts_bands_and_repetitions(store: Store) -> None:
    """Segments and characters fall into bands by their best match; repeats count apart."""
    store.replace_file(_record("v1.po"), DOC_V1)
    doc = _doc(
        Entry("art1", "第一条"),
        Entry("art1.p1.s1", "公司应当依法经营。"),
        Entry("art1.p1.s2", "公司应当依法经营管理。"),
        Entry("art1.p1.s3", "完全不同的一句话。"),
        Entry("art1.p1.s4", "公司应当依法经营。"),
    )
    analysis = analyze_document(Matcher(store), doc)
    assert analysis.bands["context"] == (1, 3)  # 第一条 with the same next neighbour
    assert analysis.bands["100%"] == (1, 9)
    assert analysis.bands["85-94%"][0] + analysis.bands["75-84%"][0] == 1
    assert analysis.bands["none"] == (1, 9)
    assert analysis.repetitions == (1, 9)
    assert analysis.total == (5, 41)
    assert band_of(None) == "none"


def test_pretranslate_fills_marks_fuzzy_and_keeps_what_is_there(store: Store) -> None:
    """Exact fills as translated, fuzzy as fuzzy with a note; translations and reviews stay."""
    store.replace_file(_record("v1.po"), DOC_V1)
    doc = _doc(
        Entry("art1", "第一条"),
        Entry("art1.p1.s1", "公司应当依法经营。"),
        Entry("art1.p1.s2", "公司应当依法经营管理。", notes=("under: 第一章",)),
        Entry("art1.p1.s3", "股东依法享有权利。", "Mine.", flags=("fuzzy",)),
        Entry("art1.p1.s4", "第一条", flags=("reviewed",)),
        Entry("art1.p1.s5", "公司应当依法经营。"),
    )
    new, report = pretranslate_document(Matcher(store), doc)
    label, exact, fuzzy, kept, reviewed, repeated = new.entries
    assert (exact.target, exact.flags) == ("A company shall operate according to law.", ())
    assert fuzzy.flags == ("fuzzy",) and fuzzy.target.startswith("A company shall")
    assert fuzzy.notes[0] == "under: 第一章"
    assert fuzzy.notes[1].startswith("origin: pretranslated, fuzzy ")
    assert fuzzy.notes[1].endswith(f"from {LAW} v1 art2")
    assert kept == doc.entries[3] and reviewed == doc.entries[4]
    assert repeated.target == exact.target and repeated.notes == (
        "origin: repetition of art1.p1.s1",
    )
    assert label.target == "Article 1"
    assert (report.exact + report.context, report.fuzzy, report.kept, report.reviewed) == (
        2,
        1,
        1,
        1,
    )
    assert report.repetitions == 1


def test_pretranslate_overwrites_and_forces_only_when_asked(store: Store) -> None:
    """--overwrite replaces translations; --force lets it change reviewed entries too."""
    store.replace_file(_record("v1.po"), DOC_V1)
    doc = _doc(
        Entry("art1.p1.s1", "公司应当依法经营。", "Old."),
        Entry("art1.p1.s2", "股东依法享有权利。", "Reviewed.", flags=("reviewed",)),
    )
    overwritten, _ = pretranslate_document(Matcher(store), doc, overwrite=True)
    assert [e.target for e in overwritten.entries] == [DOC_V1[1].target, "Reviewed."]
    forced, _ = pretranslate_document(Matcher(store), doc, overwrite=True, force=True)
    assert forced.entries[1].target == DOC_V1[2].target
    assert "reviewed" not in forced.entries[1].flags


def test_the_closest_text_is_always_listed(store: Store) -> None:
    """The match of highest plain similarity is listed even when its score ranks it lower."""
    query = "股东会应当对所议事项的决定作成会议记录，出席会议的股东应当在会议记录上签名。"
    closest = query.replace("股东会", "股东二十会")  # one number: closest, but a heavy change
    others = [query.replace("，", "的，").replace("。", "之等。")] * 4  # three light changes
    units = [_unit(closest, "closest", position=0)]
    units += [_unit(text, f"t{i}", position=i + 1) for i, text in enumerate(others)]
    store.replace_file(_record("a.po"), units)
    found = Matcher(store).match(query, limit=3)
    best = max(similarity(comparison_form(query), comparison_form(u.source)) for u in units)
    assert len(found) == 3 and found[-1].unit.target == "closest"
    assert found[-1].similarity == pytest.approx(best)
    assert found[0].score > found[-1].score


@pytest.mark.parametrize(("query", "expected"), [("年", ["年"]), ("（一）年", ["年"]), ("", [])])
def test_one_character_sources_are_found_by_their_length(
    store: Store, query: str, expected: list[str]
) -> None:
    """Exact and fuzzy lookups of one-character sources use the length keys, not a scan."""
    units = [_unit(text, position=i) for i, text in enumerate(["年", "月", "年度", "(二)年"])]
    store.replace_file(_record("a.po"), units)
    exact = [] if query.startswith("（") else expected  # the label is part of an exact source
    assert [u.source for u in store.exact(query)] == exact
    found = Matcher(store).match(query)
    assert sorted({m.unit.source for m in found} - {"(二)年"}) == expected
