"""Checks, one table of passing and failing pairs each, traps included."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from lextm.checks import CHECKS, DocumentContext, run_checks
from lextm.glossary import Glossary
from lextm.model import DocumentFile, Entry, Term


def _doc(entries: Sequence[Entry], document: str = "law", version: str = "v1") -> DocumentFile:
    return DocumentFile(document, version, "zh-CN", "en", tuple(entries))


def _context(
    entries: Sequence[Entry],
    terms: Sequence[Term] = (),
    *,
    date: str = "",
    role: str = "translate",
    document: str = "law",
    version: str = "v1",
    settings: dict[str, object] | None = None,
) -> DocumentContext:
    return DocumentContext(
        doc=_doc(entries, document, version),
        date=date,
        role=role,
        jurisdiction="PRC",
        glossary=Glossary(tuple(terms)),
        settings=settings or {},
    )


def _found(
    check: str, source: str, target: str, address: str = "art1.p1.s1", **kw: object
) -> list[str]:
    ctx = _context([Entry(address, source, target)], **kw)  # type: ignore[arg-type]
    run = run_checks([ctx], only=[check])
    return [f.message for f in run.findings]


def _case(check: str, source: str, target: str, ok: bool, address: str = "art1.p1.s1") -> object:
    return pytest.param(
        check, source, target, ok, address, id=f"{check}:{'ok' if ok else 'bad'}:{source[:12]}"
    )


CASES = [
    _case(
        "untranslated",
        "为了维护国家安全。",
        "This Law is formulated to safeguard national security.",
        True,
    ),
    _case("untranslated", "为了维护国家安全。", "为了维护国家安全。", False),
    _case("untranslated", "为了维护国家安全。", "To safeguard 国家安全.", False),
    _case("punctuation", "甲（乙）。", "A (B).", True),
    _case("punctuation", "甲（乙）。", "A （B）.", False),
    _case("punctuation", "甲（乙）。", "A (B.", False),
    _case("punctuation", "甲，乙。", "A，B.", False),
    _case("enumeration", "（三）宣传法律法规的；", "(3) promoting laws and regulations;", True),
    _case("enumeration", "（三）宣传法律法规的；", "(4) promoting laws and regulations;", False),
    _case("enumeration", "（三）宣传法律法规的；", "promoting laws and regulations;", False),
    _case("enumeration", "三、請求補充或更正。", "3. the right to supplement;", True),
    _case("enumeration", "有下列情形之一的：（一）甲；（二）乙。", "Where: (1) A; (2) B.", True),
    _case("enumeration", "有下列情形之一的：（一）甲；（二）乙。", "Where: (1) A; (3) B.", False),
    _case("modal-verbs", "公民应当遵守法律。", "Citizens shall abide by the law.", True),
    _case("modal-verbs", "公民应当遵守法律。", "Citizens abide by the law.", False),
    _case("modal-verbs", "任何组织不得使用。", "No organization shall use it.", True),
    _case("modal-verbs", "任何组织不得使用。", "Organizations may not use it.", True),
    _case("modal-verbs", "任何组织不得使用。", "Organizations use it.", False),
    _case("modal-verbs", "当事人可以申请复议。", "A party may apply for reconsideration.", True),
    _case("modal-verbs", "当事人可以申请复议。", "A party shall apply for reconsideration.", False),
    _case(
        "references",
        "依照本规定第十八条处理。",
        "It shall be handled under Article 18 of these Provisions.",
        True,
    ),
    _case(
        "references",
        "依照本规定第十八条处理。",
        "It shall be handled under Article 17 of these Provisions.",
        False,
    ),
    _case("references", "违反第十条至第十二条规定的", "Whoever violates Articles 10 to 12", True),
    _case("references", "违反第十条、第十一条规定的", "Whoever violates Article 10", False),
    _case(
        "references", "前款规定的部门", "the department provided in the preceding paragraph", True
    ),
    _case("references", "前款规定的部门", "the department so provided", False),
    _case("references", "本条所称", "as used in this Article", True),
    _case("references", "第十八条", "Article 18", True, "art18"),
    _case("references", "第十八条", "Article 17", False, "art18"),
    _case("references", "第十二条之一", "Article 12-1", True, "art12-1"),
    _case(
        "numbers",
        "处五万元以上十万元以下罚款。",
        "a fine of not less than 50,000 yuan but not more than 100,000 yuan.",
        True,
    ),
    _case(
        "numbers",
        "处五万元以上十万元以下罚款。",
        "a fine of not less than 5,000 yuan but not more than 100,000 yuan.",
        False,
    ),
    _case("numbers", "应当在三十日内作出决定。", "shall decide within 30 days.", True),
    _case("numbers", "应当在三十日内作出决定。", "shall decide within 20 days.", False),
    _case("numbers", "自2022年2月1日起施行。", "shall come into force on February 1, 2022.", True),
    _case("numbers", "自2022年2月1日起施行。", "shall come into force on February 1, 2021.", False),
    _case("numbers", "百分之五", "5 percent", True),
    _case("numbers", "百分之五", "50 percent", False),
    _case(
        "bounds",
        "处五万元以上十万元以下罚款。",
        "a fine of not less than 50,000 yuan but not more than 100,000 yuan.",
        True,
    ),
    _case(
        "bounds",
        "处五万元以上十万元以下罚款。",
        "a fine of more than 50,000 yuan and less than 100,000 yuan.",
        False,
    ),
    _case("bounds", "不满十四周岁的人", "a person under the age of 14", True),
]


@pytest.mark.parametrize(("check", "source", "target", "ok", "address"), CASES)
def test_check_table(check: str, source: str, target: str, ok: bool, address: str) -> None:
    """Each check passes what is right and reports what is wrong."""
    found = _found(check, source, target, address)
    assert (not found) == ok, found


def test_every_check_has_cases_or_its_own_test() -> None:
    """No check goes untested: each id appears in the table or in a dedicated test here."""
    covered = {case.values[0] for case in CASES} | {
        "term-missing",
        "term-forbidden",
        "term-deprecated",
        "term-scope",
        "term-inconsistent",
        "inconsistent-target",
        "inconsistent-source",
        "user-pattern",
        # cross-version checks: tests/test_versions.py
        "version-terms",
        "version-retranslated",
        "version-stale",
        "version-references",
    }
    assert set(CHECKS) <= covered


NETWORK_DEPT = [
    Term("cyberspace-department", "zh", "网信部门"),
    Term("cyberspace-department", "en", "cyberspace administration department"),
    Term("cyberspace-department", "en", "department for cyberspace administration", "admitted"),
    Term("cyberspace-department", "en", "CAC", "forbidden", note="the body, not the function"),
    Term("cyberspace-department", "en", "internet information department", "deprecated"),
    Term("competent-department", "zh", "主管部门"),
    Term("competent-department", "en", "competent department"),
    Term("administrative-competent-department", "zh", "行政主管部门"),
    Term("administrative-competent-department", "en", "competent administrative department"),
]


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        (
            "网信部门负责统筹协调。",
            "The cyberspace administration departments shall coordinate.",
            True,
        ),
        (
            "网信部门负责统筹协调。",
            "The Departments for Cyberspace Administration coordinate.",
            True,
        ),
        ("網信部門負責統籌協調。", "The cyberspace administration department coordinates.", True),
        ("网信部门负责统筹协调。", "The CAC coordinates.", False),
        ("行政主管部门负责。", "The competent administrative department is responsible.", True),
        ("行政主管部门负责。", "The competent department is responsible.", False),
    ],
    ids=[
        "inflected",
        "admitted-case",
        "traditional",
        "wrong-rendering",
        "nested-longer",
        "nested-shorter",
    ],
)
def test_term_missing(source: str, target: str, ok: bool) -> None:
    """Source terms need a preferred or admitted rendering; nested terms count as the longer."""
    found = _found("term-missing", source, target, terms=NETWORK_DEPT)
    assert (not found) == ok, found


def test_term_forbidden_and_deprecated() -> None:
    """Forbidden renderings are errors, deprecated ones warnings, both with the better choice."""
    ctx = _context(
        [
            Entry("art1.p1.s1", "网信部门负责。", "The CAC is responsible."),
            Entry(
                "art2.p1.s1",
                "网信部门负责。",
                "The internet information department is responsible.",
            ),
        ],
        NETWORK_DEPT,
    )
    run = run_checks([ctx], only=["term-forbidden", "term-deprecated"])
    assert [(f.check, f.severity, f.address) for f in run.findings] == [
        ("term-forbidden", "error", "art1.p1.s1"),
        ("term-deprecated", "warning", "art2.p1.s1"),
    ]
    assert "cyberspace administration department" in run.findings[0].message


SHAREHOLDERS = [
    Term("shareholders-general-meeting", "zh", "股东大会", valid_to="2023-12-28"),
    Term(
        "shareholders-general-meeting", "en", "shareholders' general meeting", valid_to="2023-12-28"
    ),
    Term("shareholders-meeting", "zh", "股东会"),
    Term("shareholders-meeting", "en", "shareholders' meeting"),
]


def test_dated_terms_across_versions() -> None:
    """Company Law: dated 股东大会/股东会 pass per version; 2018's rendering in 2023 fails."""
    v2018 = _context(
        [
            Entry(
                "art99.p1.s1",
                "股东大会由全体股东组成。",
                "The shareholders' general meeting consists of all shareholders.",
            )
        ],
        SHAREHOLDERS,
        date="2018-10-26",
        version="2018",
    )
    v2023 = _context(
        [
            Entry(
                "art111.p1.s1",
                "股东会由全体股东组成。",
                "The shareholders' meeting consists of all shareholders.",
            )
        ],
        SHAREHOLDERS,
        date="2023-12-29",
        version="2023",
    )
    bad = _context(
        [
            Entry(
                "art111.p1.s1",
                "股东会由全体股东组成。",
                "The shareholders' general meeting consists of all shareholders.",
            )
        ],
        SHAREHOLDERS,
        date="2023-12-29",
        version="2023",
    )
    checks = ["term-missing", "term-scope"]
    assert run_checks([v2018], only=checks).findings == ()
    assert run_checks([v2023], only=checks).findings == ()
    found = run_checks([bad], only=checks).findings
    assert {f.check for f in found} == {"term-missing", "term-scope"}
    scope = next(f for f in found if f.check == "term-scope")
    assert "2023-12-28" in scope.message and "2023-12-29" in scope.message


def test_term_inconsistent_across_documents() -> None:
    """Two admitted renderings of one concept in one project: the minority is reported."""
    a = _context(
        [
            Entry(
                "art1.p1.s1",
                "网信部门负责。",
                "The cyberspace administration department is responsible.",
            ),
            Entry(
                "art2.p1.s1",
                "网信部门监督。",
                "The cyberspace administration department supervises.",
            ),
        ],
        NETWORK_DEPT,
        document="a",
    )
    b = _context(
        [
            Entry(
                "art1.p1.s1",
                "网信部门检查。",
                "The department for cyberspace administration inspects.",
            )
        ],
        NETWORK_DEPT,
        document="b",
    )
    run = run_checks([a, b], only=["term-inconsistent"])
    assert [(f.document, f.address) for f in run.findings] == [("b", "art1.p1.s1")]


def test_inconsistent_target_and_source() -> None:
    """Same source translated two ways is a warning; one translation for two sources, info."""
    ctx = _context(
        [
            Entry(
                "art1.p1.s1",
                "本规定自公布之日起施行。",
                "These Provisions take effect on the date of promulgation.",
            ),
            Entry(
                "art2.p1.s1",
                "本规定自公布之日起施行。",
                "These Provisions take effect on the date of promulgation.",
            ),
            Entry(
                "art3.p1.s1",
                "本规定自公布之日起施行。",
                "These Provisions shall come into force upon promulgation.",
            ),
            Entry(
                "art4.p1.s1",
                "本办法自公布之日起施行。",
                "These Provisions take effect on the date of promulgation.",
            ),
        ]
    )
    run = run_checks([ctx], only=["inconsistent-target", "inconsistent-source"])
    assert [(f.check, f.address, f.severity) for f in run.findings] == [
        ("inconsistent-target", "art3.p1.s1", "warning"),
        ("inconsistent-source", "art4.p1.s1", "info"),
    ]


def test_user_pattern() -> None:
    """A user pattern pair with a back-reference to the source match."""
    settings = {"user_checks": [{"id": "yuan", "source": r"(\d+)元", "target_must": r"\1 yuan"}]}
    assert _found("user-pattern", "罚款500元", "a fine of 500 yuan", settings=settings) == []
    assert _found("user-pattern", "罚款500元", "a fine of RMB 500", settings=settings)


def test_suppressed_by_flag() -> None:
    """An entry flagged lextm-ignore:<check> does not report that check."""
    entry = Entry(
        "art1.p1.s1",
        "公民应当守法。",
        "Citizens abide by the law.",
        flags=("lextm-ignore:modal-verbs",),
    )
    run = run_checks([_context([entry])], only=["modal-verbs"])
    assert run.findings == () and run.suppressed == 1


def test_suppressed_by_project() -> None:
    """A project-wide suppression names the check (and optionally document and address)."""
    entry = Entry("art1.p1.s1", "公民应当守法。", "Citizens abide by the law.")
    settings = {"suppress": [{"check": "modal-verbs", "address": "art1.p1.s1"}]}
    run = run_checks([_context([entry])], only=["modal-verbs"], settings=settings)
    assert run.findings == () and run.suppressed == 1


def test_reference_documents_are_informational() -> None:
    """Findings in reference documents are info and never fail a run."""
    entry = Entry("art1.p1.s1", "公民应当守法。", "Citizens abide by the law.")
    run = run_checks([_context([entry], role="reference")], only=["modal-verbs"])
    assert [f.severity for f in run.findings] == ["info"]
    assert run.failing("warning") == ()


def test_untranslated_empty_is_warning() -> None:
    """An empty translation is work not done yet: a warning, not an error."""
    run = run_checks([_context([Entry("art1.p1.s1", "甲。")])], only=["untranslated"])
    assert [f.severity for f in run.findings] == ["warning"]


def test_unknown_check_named() -> None:
    """Asking for a check that does not exist is bad usage, with the known ones listed."""
    from lextm.errors import UsageError

    with pytest.raises(UsageError, match="term-missing"):
        run_checks([_context([])], only=["no-such-check"])


def _company_law(version: str, target_override: dict[str, str] | None = None) -> DocumentContext:
    """One Company Law version from the fixture, with the dated glossary."""
    import csv

    from conftest import DATA
    from lextm.glossary import read_glossary

    glossary, _ = read_glossary(DATA / "checks" / "company_law_glossary.tsv")
    with (DATA / "checks" / "company_law_versions.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["version"] == version]
    overrides = target_override or {}
    entries = [
        Entry(r["address"], r["source"], overrides.get(r["address"], r["target"])) for r in rows
    ]
    dates = {"2018": "2018-10-26", "2023": "2023-12-29"}
    return DocumentContext(
        doc=_doc(entries, "prc-company-law", version),
        date=dates[version],
        jurisdiction="PRC",
        glossary=glossary,
    )


def test_company_law_versions_check_clean() -> None:
    """Real 2018 and 2023 Company Law sentences check clean against the dated glossary."""
    for version in ("2018", "2023"):
        run = run_checks([_company_law(version)], only=["term-missing", "term-scope"])
        assert run.findings == (), (version, run.findings)


def test_company_law_2018_rendering_in_2023_caught() -> None:
    """The 2018 rendering (general meeting of shareholders) in a 2023 article is caught."""
    bad = "(8) other matters that the general meeting of shareholders considers necessary."
    ctx = _company_law("2023", {"art46.p1.i8.s1": bad})
    run = run_checks([ctx], only=["term-missing", "term-scope"])
    assert {(f.check, f.address) for f in run.findings} == {
        ("term-missing", "art46.p1.i8.s1"),
        ("term-scope", "art46.p1.i8.s1"),
    }


def test_law_title_in_brackets() -> None:
    """A law title in 《》 must be rendered as the glossary says."""
    title = [
        Term("cybersecurity-law", "zh", "中华人民共和国网络安全法"),
        Term("cybersecurity-law", "en", "Cybersecurity Law of the People's Republic of China"),
    ]
    source = "根据《中华人民共和国网络安全法》，制定本规定。"
    good = (
        "These Provisions are formulated in accordance with the Cybersecurity Law of the "
        "People's Republic of China."
    )
    bad = "These Provisions are formulated in accordance with the Network Security Law of China."
    assert _found("term-missing", source, good, terms=title) == []
    assert _found("term-missing", source, bad, terms=title)
