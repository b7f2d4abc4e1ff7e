"""Quantities and bounds: what counts in Chinese and English, and how a translation compares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lextm.numerals import int_to_han
from lextm.quantities import (
    Quantity,
    compare_bounds,
    compare_quantities,
    find_bounds,
    find_quantities,
)

Triple = tuple[str, float, str]


def _triples(text: str, lang: str) -> list[Triple]:
    """Kind, value and unit of each quantity found, in text order."""
    return [(q.kind, q.value, q.unit) for q in find_quantities(text, lang)]


def _texts(quantities: tuple[Quantity, ...]) -> tuple[str, ...]:
    """The spans' texts, for readable assertions."""
    return tuple(q.text for q in quantities)


# ---------------------------------------------------------------- finding: Chinese

ZH_FOUND = [
    pytest.param("三人以上", [("count", 3, "person")], id="persons"),
    pytest.param("百分之五", [("percent", 5, "")], id="percent-han"),
    pytest.param("5%", [("percent", 5, "")], id="percent-sign"),
    pytest.param("５％", [("percent", 5, "")], id="percent-full-width"),
    pytest.param("百分之零点五", [("percent", 0.5, "")], id="percent-han-decimal"),
    pytest.param("千分之三", [("percent", 0.3, "")], id="per-mille"),
    pytest.param("五万元", [("amount", 50_000, "yuan")], id="amount-han-wan"),
    pytest.param("5万元", [("amount", 50_000, "yuan")], id="amount-mixed-wan"),
    pytest.param("1.5亿元", [("amount", 150_000_000, "yuan")], id="amount-mixed-decimal-yi"),
    pytest.param("50,000元", [("amount", 50_000, "yuan")], id="amount-thousands-separator"),
    pytest.param("一百万元以上", [("amount", 1_000_000, "yuan")], id="amount-million"),
    pytest.param("人民币十万元", [("amount", 100_000, "yuan")], id="amount-renminbi"),
    pytest.param("新臺幣二億元", [("amount", 200_000_000, "ntd")], id="amount-ntd"),
    pytest.param("五千元", [("amount", 5000, "yuan")], id="amount-thousand"),
    pytest.param("五万美元", [("amount", 50_000, "usd")], id="amount-usd"),
    pytest.param(
        "新臺幣五百元以上二萬元以下",
        [("amount", 500, "ntd"), ("amount", 20_000, "ntd")],
        id="amount-currency-carries-forward",
    ),
    pytest.param("二〇二一年十二月三日", [("date", 738_127, "")], id="date-han"),
    pytest.param("2021年12月3日", [("date", 738_127, "")], id="date-arabic"),
    pytest.param("２０２１年１２月３日", [("date", 738_127, "")], id="date-full-width"),
    pytest.param("中華民國一百十二年五月三十一日", [("date", 738_671, "")], id="date-roc"),
    pytest.param("本法一百零四年十二月十五日修正", [("date", 735_947, "")], id="date-roc-bare"),
    pytest.param("2021年12月", [("date", 738_125, "")], id="date-month"),
    pytest.param("二〇二一年", [("number", 2021, "")], id="year-only-han"),
    pytest.param("2021年", [("number", 2021, "")], id="year-only-arabic"),
    pytest.param("中華民國一百十二年", [("number", 2023, "")], id="year-only-roc"),
    pytest.param("三十日内", [("period", 30, "day")], id="days"),
    pytest.param("十五个工作日", [("period", 15, "working-day")], id="working-days"),
    pytest.param("三個工作日內", [("period", 3, "working-day")], id="working-days-traditional"),
    pytest.param("六个月", [("period", 6, "month")], id="months"),
    pytest.param("處六月以上有期徒刑", [("period", 6, "month")], id="months-taiwan"),
    pytest.param("三年以下有期徒刑", [("period", 3, "year")], id="years"),
    pytest.param("二十四小时", [("period", 24, "hour")], id="hours"),
    pytest.param("不满十四周岁", [("period", 14, "year")], id="age"),
    pytest.param("三至五年", [("period", 3, "year"), ("period", 5, "year")], id="range-of-years"),
    pytest.param(
        "一倍以上五倍以下", [("count", 1, "times"), ("count", 5, "times")], id="multiples"
    ),
    pytest.param("两次", [("count", 2, "times")], id="times-liang"),
    pytest.param("两个以上", [("count", 2, "")], id="generic-counter"),
    pytest.param("三分之一", [("number", pytest.approx(1 / 3), "")], id="fraction-third"),
    pytest.param("二分之一", [("number", 0.5, "")], id="fraction-half"),
    pytest.param("半数以上", [("number", 0.5, "")], id="half"),
    pytest.param("第168号", [("number", 168, "no")], id="order-number"),
    pytest.param("共有18家", [("count", 18, "")], id="arabic-before-counter"),
    pytest.param("编号为18", [("number", 18, "")], id="arabic-always-counts"),
    pytest.param("每人以一份為限", [("count", 1, "")], id="one-copy"),
    pytest.param("一年期定期存款", [("period", 1, "year")], id="one-year-term"),
]

ZH_NOT_FOUND = [
    pytest.param("依照第十八条规定", id="article"),
    pytest.param("前款第二项", id="paragraph-item"),
    pytest.param("第二款", id="paragraph"),
    pytest.param("第（三）项", id="item-parenthesised"),
    pytest.param("第 53 條", id="taiwan-article-arabic"),
    pytest.param("第 12-1 條", id="taiwan-inserted-article"),
    pytest.param("第十二条之一", id="inserted-article"),
    pytest.param("刑法第二百零一條之一第二項", id="code-reference"),
    pytest.param("前二條之規定", id="preceding-articles"),
    pytest.param("（一）依法履行职责", id="label-parenthesised"),
    pytest.param("一、总则", id="label-han"),
    pytest.param("1. 总则", id="label-arabic"),
    pytest.param("包括下列内容：（1）名称", id="parenthesised-label-inside"),
    pytest.param("第一次会议", id="ordinal-first"),
    pytest.param("第十三届全国人民代表大会", id="ordinal-session"),
    pytest.param("不得對抗善意第三人", id="third-party"),
    pytest.param("维护国家统一", id="tongyi"),
    pytest.param("一般规定", id="yiban"),
    pytest.param("一律", id="yilv"),
    pytest.param("有下列情形之一的", id="zhiyi"),
    pytest.param("应当具备一定条件", id="yiding"),
    pytest.param("同一原因事实", id="tongyi-same"),
    pytest.param("唯一", id="weiyi"),
    pytest.param("逐一核对", id="zhuyi"),
    pytest.param("同一人", id="same-person"),
    pytest.param("每一事件", id="each-event"),
    pytest.param("任何一个组织", id="any-one"),
    pytest.param("设备、器材、零件", id="lingjian"),
    pytest.param("一次性补偿", id="one-off"),
    pytest.param("根据《中华人民共和国网络安全法》", id="law-title"),
    pytest.param("《个人信息保护法（2021年）》", id="law-title-with-year"),
    pytest.param("千万不要", id="qianwan"),
]


@pytest.mark.parametrize(("text", "expected"), ZH_FOUND)
def test_zh_quantities(text: str, expected: list[Triple]) -> None:
    """Chinese quantities come out with their kind, value and normalised unit."""
    assert _triples(text, "zh") == expected


@pytest.mark.parametrize("text", ZH_NOT_FOUND)
def test_zh_not_quantities(text: str) -> None:
    """References, labels, ordinals, titles and the 一 of words are no quantities."""
    assert find_quantities(text, "zh") == []


def test_zh_spans_point_into_the_original_text() -> None:
    """Each quantity's span and text index the text as given, full-width digits included."""
    text = "自２０２２年２月１日起，处五万元以上罚款"
    found = find_quantities(text, "zh-CN")
    assert [text[q.start : q.end] for q in found] == [q.text for q in found]
    assert [q.text for q in found] == ["２０２２年２月１日", "五万元"]


# ---------------------------------------------------------------- finding: English

EN_FOUND = [
    pytest.param("50,000 and 1.5", [("number", 50_000, ""), ("number", 1.5, "")], id="digits"),
    pytest.param("twenty-four hours", [("period", 24, "hour")], id="hyphenated-words"),
    pytest.param("one hundred and fifty persons", [("count", 150, "person")], id="words-with-and"),
    pytest.param(
        "seven hundred and fifty thousand New Taiwan Dollars",
        [("amount", 750_000, "ntd")],
        id="words-thousands",
    ),
    pytest.param("half of the members", [("number", 0.5, "")], id="half"),
    pytest.param("one-third", [("number", pytest.approx(1 / 3), "")], id="one-third"),
    pytest.param("two-thirds", [("number", pytest.approx(2 / 3), "")], id="two-thirds"),
    pytest.param("5%", [("percent", 5, "")], id="percent-sign"),
    pytest.param("5 percent", [("percent", 5, "")], id="percent-word"),
    pytest.param("five per cent", [("percent", 5, "")], id="per-cent-words"),
    pytest.param("RMB 50,000", [("amount", 50_000, "yuan")], id="rmb"),
    pytest.param("50,000 yuan", [("amount", 50_000, "yuan")], id="yuan"),
    pytest.param("CNY 100", [("amount", 100, "yuan")], id="cny"),
    pytest.param("NT$200 million", [("amount", 200_000_000, "ntd")], id="nt-dollar-million"),
    pytest.param("NT$1million", [("amount", 1_000_000, "ntd")], id="nt-dollar-glued"),
    pytest.param("NTD 5,000", [("amount", 5000, "ntd")], id="ntd"),
    pytest.param(
        "200 million New Taiwan Dollars", [("amount", 200_000_000, "ntd")], id="new-taiwan-dollars"
    ),
    pytest.param("US$5,000", [("amount", 5000, "usd")], id="us-dollar"),
    pytest.param("December 3, 2021", [("date", 738_127, "")], id="date-us"),
    pytest.param("3 December 2021", [("date", 738_127, "")], id="date-british"),
    pytest.param("2021-12-03", [("date", 738_127, "")], id="date-iso"),
    pytest.param("in December 2021", [("date", 738_125, "")], id="date-month"),
    pytest.param("within 30 days", [("period", 30, "day")], id="days"),
    pytest.param("thirty days", [("period", 30, "day")], id="days-words"),
    pytest.param("15 working days", [("period", 15, "working-day")], id="working-days"),
    pytest.param("three business days", [("period", 3, "working-day")], id="business-days"),
    pytest.param("six months", [("period", 6, "month")], id="months"),
    pytest.param("the six month period", [("period", 6, "month")], id="months-attributive"),
    pytest.param("the two-year period", [("period", 2, "year")], id="years-hyphenated"),
    pytest.param("three years", [("period", 3, "year")], id="years"),
    pytest.param("14 years of age", [("period", 14, "year")], id="age"),
    pytest.param("24 hours", [("period", 24, "hour")], id="hours"),
    pytest.param(
        "one to five times", [("count", 1, "times"), ("count", 5, "times")], id="range-to"
    ),
    pytest.param(
        "between 30 and 60 days", [("period", 30, "day"), ("period", 60, "day")], id="between"
    ),
    pytest.param(
        "not less than one time but not more than five times",
        [("count", 1, "times"), ("count", 5, "times")],
        id="one-time-five-times",
    ),
    pytest.param("twice", [("count", 2, "times")], id="twice"),
    pytest.param("extended once only", [("count", 1, "times")], id="once"),
    pytest.param("Order No. 168", [("number", 168, "no")], id="order-number"),
    pytest.param("in 2021", [("number", 2021, "")], id="year"),
    pytest.param("one copy per person", [("count", 1, "")], id="one-copy"),
]

EN_NOT_FOUND = [
    pytest.param("Article 18", id="article"),
    pytest.param("paragraph 2", id="paragraph"),
    pytest.param("item (3)", id="item"),
    pytest.param("subparagraph 6", id="subparagraph"),
    pytest.param("Articles 268, 339, 339-3, 342, 344 and 349", id="article-list"),
    pytest.param("paragraphs 2 through 4", id="paragraph-range"),
    pytest.param(
        "Paragraph 1, Article 6, Articles 15, 16, 19, and Paragraph 1, Article 20", id="chain"
    ),
    pytest.param("Chapter IV-1", id="chapter-roman"),
    pytest.param("the preceding two paragraphs", id="preceding-paragraphs"),
    pytest.param("(1) the first", id="label-parenthesised"),
    pytest.param("1. General Provisions", id="label-dot"),
    pytest.param("1.Works that are", id="label-glued"),
    pytest.param("the 13th National People's Congress", id="ordinal"),
    pytest.param("for the first time", id="ordinal-word"),
    pytest.param("any one of the following", id="any-one"),
    pytest.param("a third party", id="third-party"),
    pytest.param("the fourth paragraph", id="fourth"),
    pytest.param("once a contract is signed", id="once-conjunction"),
    pytest.param("the Copyright Act 1988", id="title-year"),
    pytest.param("on behalf of someone", id="behalf"),
]


@pytest.mark.parametrize(("text", "expected"), EN_FOUND)
def test_en_quantities(text: str, expected: list[Triple]) -> None:
    """English quantities come out with their kind, value and normalised unit."""
    assert _triples(text, "en") == expected


@pytest.mark.parametrize("text", EN_NOT_FOUND)
def test_en_not_quantities(text: str) -> None:
    """References, labels, ordinals, a lone "one" and title years are no quantities."""
    assert find_quantities(text, "en") == []


def test_fraction_over_zero_is_no_fraction() -> None:
    """A fraction over zero (０分之二, 1/0) is never divided: its digits stay plain numbers."""
    assert _triples("1/0", "en") == [("number", 1, ""), ("number", 0, "")]
    assert _triples("０分之二", "zh") == [("number", 0, "")]


def test_other_languages_are_refused() -> None:
    """A language other than Chinese or English is a usage error, not an empty result."""
    with pytest.raises(ValueError, match="unsupported language"):
        find_quantities("5", "fr")


# ---------------------------------------------------------------- comparing

COMPARE_OK = [
    pytest.param("处五万元罚款", "a fine of 50,000 yuan", id="yuan"),
    pytest.param("处五万元罚款", "a fine of RMB 50,000", id="rmb"),
    pytest.param("处五万元罚款", "a fine of 50,000", id="unit-less-target"),
    pytest.param("人民币一百五十万元", "RMB 1.5 million", id="million-decimal"),
    pytest.param("新臺幣二億元", "NT$200 million", id="ntd"),
    pytest.param("新臺幣二億元", "200 million New Taiwan Dollars", id="ntd-words"),
    pytest.param("百分之五", "5 percent", id="percent"),
    pytest.param("百分之五", "five per cent", id="percent-words"),
    pytest.param("三分之一", "one-third", id="third"),
    pytest.param("二分之一", "half", id="half"),
    pytest.param("加重其刑至二分之一", "up to 50% more", id="half-as-percent"),
    pytest.param("二〇二一年", "in 2021", id="year"),
    pytest.param("中華民國一百十二年五月三十一日", "May 31, 2023", id="roc-date"),
    pytest.param("十五个工作日内", "within 15 working days", id="working-days"),
    pytest.param("二十四小时", "twenty-four hours", id="hours"),
    pytest.param("三人以上", "three or more persons", id="persons"),
    pytest.param("一倍以上五倍以下", "one to five times", id="multiples"),
    pytest.param("两次", "twice", id="twice"),
    pytest.param("第十八条", "Article 17", id="articles-are-not-compared"),
    pytest.param("有下列情形之一的", "in any one of the following circumstances", id="zhiyi"),
    pytest.param("维护国家统一", "safeguard national unity", id="tongyi"),
    pytest.param("二〇二一年十二月三日", "3 December 2021", id="date"),
]

COMPARE_FAILS = [
    pytest.param("三十日内", "within 20 days", ("三十日",), ("20 days",), id="days"),
    pytest.param("处五万元罚款", "a fine of 5,000 yuan", ("五万元",), ("5,000 yuan",), id="amount"),
    pytest.param("百分之五", "50 percent", ("百分之五",), ("50 percent",), id="percent"),
    pytest.param(
        "十五个工作日", "15 days", ("十五个工作日",), ("15 days",), id="working-days-vs-days"
    ),
    pytest.param("新臺幣五萬元", "RMB 50,000", ("新臺幣五萬元",), ("RMB 50,000",), id="currency"),
    pytest.param("三年", "three months", ("三年",), ("three months",), id="unit"),
    pytest.param(
        "处五万元罚款，再处五万元罚款",
        "a fine of 50,000 yuan and a further fine",
        ("五万元",),
        (),
        id="multiset",
    ),
    pytest.param(
        "自2022年2月1日起施行",
        "effective as of February 2, 2022",
        ("2022年2月1日",),
        ("February 2, 2022",),
        id="date",
    ),
    pytest.param("三人", "three or more persons and 5 days", (), ("5 days",), id="extra"),
]


@pytest.mark.parametrize(("source", "target"), COMPARE_OK)
def test_compare_ok(source: str, target: str) -> None:
    """A translation with the same quantities, however spelled, compares ok."""
    diff = compare_quantities(source, target)
    assert (diff.missing, diff.extra) == ((), ())
    assert diff.ok


@pytest.mark.parametrize(("source", "target", "missing", "extra"), COMPARE_FAILS)
def test_compare_fails(
    source: str, target: str, missing: tuple[str, ...], extra: tuple[str, ...]
) -> None:
    """A changed value, unit, currency or count shows as missing and extra quantities."""
    diff = compare_quantities(source, target)
    assert (_texts(diff.missing), _texts(diff.extra)) == (missing, extra)
    assert not diff.ok


def test_compare_english_to_chinese() -> None:
    """The languages can be swapped: English source, Chinese target."""
    assert compare_quantities("within 30 days", "三十日内", "en", "zh").ok


SEED_NOTE = "（2021年12月3日西藏自治区人民政府令第168号公布  自2022年2月1日起施行）"
SEED_NOTE_EN = (
    "(Promulgated by Order No. 168 of the People's Government of the Tibet Autonomous Region "
    "on December 3, 2021, and effective as of February 1, 2022)"
)


def test_seed_note_compares_ok() -> None:
    """The seed's promulgation note: two dates and the order number match a correct rendering."""
    assert _triples(SEED_NOTE, "zh") == [
        ("date", 738_127, ""),
        ("number", 168, "no"),
        ("date", 738_187, ""),
    ]
    assert compare_quantities(SEED_NOTE, SEED_NOTE_EN).ok


def test_seed_note_wrong_order_number_fails() -> None:
    """An order number rendered wrongly is caught."""
    diff = compare_quantities(SEED_NOTE, SEED_NOTE_EN.replace("168", "186"))
    assert (_texts(diff.missing), _texts(diff.extra)) == (("第168号",), ("No. 186",))


@given(st.integers(min_value=1, max_value=10**8))
def test_han_amount_matches_english_amount(value: int) -> None:
    """Any amount written as a Han numeral with 元 compares ok with "{:,} yuan"."""
    assert compare_quantities(int_to_han(value) + "元", f"{value:,} yuan").ok


# ---------------------------------------------------------------- real statutes
# Aligned paragraphs of Taiwan statutes and their official English translations, copied from
# ../shared/corpus/laws/tw-*/{zh,en}.txt (Laws & Regulations Database of the Republic of China,
# via kong0107/mojLawSplitJSON; see that folder's MANIFEST.tsv). Ids are law-article.

CORPUS_OK = [
    pytest.param(
        (
            "一、於中華民國管轄區域內首次發行，或於中華民國管轄區域外首次發行後三十日內在中華"
            "民國管轄區域內發行者。但以該外國人之本國，對中華民國人之著作，在相同之情形下，亦"
            "予保護且經查證屬實者為限。"
        ),
        (
            "1.Works that are first published in the territory under the jurisdiction of the "
            "Republic of China, or are published in the territory under the jurisdiction of the "
            "Republic of China within thirty days after their first publication in territory "
            "outside the jurisdiction of the Republic of China; provided, this shall only apply "
            "where the country of such foreign national extends protection under identical "
            "circumstances to the works of persons of the Republic of China, and such protection "
            "has been verified."
        ),
        id="copyright-4",
    ),
    pytest.param(
        "二人以上共同完成之著作，其各人之創作，不能分離利用者，為共同著作。",
        (
            "A joint work is a work that has been completed by two or more persons where the "
            "creation of each person cannot be separately exploited."
        ),
        id="copyright-8",
    ),
    pytest.param(
        ("前項錄製物除經著作權專責機關核准保存於指定之處所外，應於錄音或錄影後六個月內銷燬之。"),
        (
            "Except where preservation of the recording referred to in the preceding paragraph "
            "has been approved for a designated place by the specialized agency in charge of "
            "copyright matters, such sound or video recordings shall be destroyed within six "
            "months from the time of recording."
        ),
        id="copyright-56",
    ),
    pytest.param(
        "著作權專責機關應於調解成立後七日內，將調解書送請管轄法院審核。",
        (
            "Within seven days of the date of the conclusion of a mediation settlement, the "
            "specialized agency in charge of copyright matters shall submit the written mediation"
            " settlement statement for review by the court of jurisdiction."
        ),
        id="copyright-82-1",
    ),
    pytest.param(
        "前項訴訟，當事人應於法院核定之調解書送達後三十日內提起之。",
        (
            "The action referred to in the preceding paragraph shall be initiated by the parties "
            "within 30 days of service of the written mediation settlement statement ratified by "
            "the court."
        ),
        id="copyright-82-4",
    ),
    pytest.param(
        (
            "依前項規定，如被害人不易證明其實際損害額，得請求法院依侵害情節，在新臺幣一萬元以"
            "上一百萬元以下酌定賠償額。如損害行為屬故意且情節重大者，賠償額得增至新臺幣五百萬"
            "元。"
        ),
        (
            "If it is difficult for the injured party to prove actual damages in accordance with "
            "the provisions of the preceding paragraph, it may request that the court, based on "
            "the seriousness of the matter, set compensation at an amount of not less than ten "
            "thousand and not more than one million New Taiwan Dollars. If the damaging activity "
            "was intentional and the matter serious, the compensation may be increased to five "
            "million New Taiwan Dollars."
        ),
        id="copyright-88",
    ),
    pytest.param(
        (
            "海關於執行職務時，發現進出口貨物外觀顯有侵害著作權之嫌者，得於一個工作日內通知權"
            "利人並通知進出口人提供授權資料。權利人接獲通知後對於空運出口貨物應於四小時內，空"
            "運進口及海運進出口貨物應於一個工作日內至海關協助認定。權利人不明或無法通知，或權"
            "利人未於通知期限內至海關協助認定，或經權利人認定系爭標的物未侵權者，若無違反其他"
            "通關規定，海關應即放行。"
        ),
        (
            "When the customs authorities, in the course of executing their duties, discover "
            "import/export goods that in appearance are obviously suspect of copyright "
            "infringement, they may within one business day notify the rights holder and notify "
            "the importer/exporter to produce authorization materials. After receiving notice, "
            "the rights holder shall proceed to customs within four hours for air export goods "
            "and within one business day for air import goods and sea import/export goods to "
            "assist with verification. Where the rights holder is unknown or cannot be notified, "
            "or the rights holder fails to proceed to customs within the time limit as notified "
            "to assist with verification, or the rights holder determines that the goods in "
            "question are not infringing, and if there is no violation of other customs clearance"
            " regulations, customs shall release the goods forthwith."
        ),
        id="copyright-90-1",
    ),
    pytest.param(
        (
            "海關採行暫不放行措施後，權利人於三個工作日內，未依第一項至第十項向海關申請查扣，"
            "或未採行保護權利之民事、刑事訴訟程序，若無違反其他通關規定，海關應即放行。"
        ),
        (
            "If within three business days after customs has taken measures to suspend the "
            "release of the goods the rights holder has not applied to customs for attachment "
            "under paragraphs 1 to 10, or has not initiated civil or criminal litigation "
            "procedure to protect the rights, and if there is no violation of other customs "
            "clearance regulations, customs shall release the goods forthwith."
        ),
        id="copyright-90-1-2",
    ),
    pytest.param(
        (
            "二、以契約、電子傳輸、自動偵測系統或其他方式，告知使用者若有三次涉有侵權情事，應"
            "終止全部或部分服務。"
        ),
        (
            "2. by contract, electronic transmission, automatic detective system or other means, "
            "informs users that in the event of repeat alleged infringements up to three times "
            "the service provider shall terminate the service in whole or in part; and"
        ),
        id="copyright-90-4",
    ),
    pytest.param(
        (
            "擅自以重製之方法侵害他人之著作財產權者，處三年以下有期徒刑、拘役，或科或併科新臺"
            "幣七十五萬元以下罰金。"
        ),
        (
            "A person who infringes on the economic rights of another person by means of "
            "reproducing the work without authorization shall be punished by imprisonment for not"
            " more than three years, detention, or in lieu thereof or in addition thereto a fine "
            "not more than seven hundred and fifty thousand New Taiwan Dollars."
        ),
        id="copyright-91",
    ),
    pytest.param(
        (
            "意圖銷售或出租而擅自以重製之方法侵害他人之著作財產權者，處六月以上五年以下有期徒"
            "刑，得併科新臺幣二十萬元以上二百萬元以下罰金。"
        ),
        (
            "A person who infringes on the economic rights of another person by means of "
            "reproducing the work without authorization with the intent to sell or rent shall be "
            "imprisoned not less than six months and not more than five years, and in addition "
            "thereto, may be fined not less than two hundred thousand and not more than two "
            "million New Taiwan Dollars."
        ),
        id="copyright-91-2",
    ),
    pytest.param(
        "違反第五十九條第二項或第六十四條規定者，科新臺幣五萬元以下罰金。",
        (
            "A fine of up to fifty thousand New Taiwan Dollars shall be imposed for violations of"
            " the provisions of the second paragraph of Article 59 or the provisions of Article "
            "64."
        ),
        id="copyright-96",
    ),
    pytest.param(
        (
            "本章之罪，須告訴乃論。但有下列情形之一，就有償提供著作全部原樣利用，致著作財產權"
            "人受有新臺幣一百萬元以上之損害者，不在此限："
        ),
        (
            "The offenses specified in this chapter are actionable only upon complaint; provided,"
            " this shall not apply in any of the following circumstances, when a work provided "
            "for payment has been exploited in its complete unaltered form, causing damage of one"
            " million New Taiwan Dollars or more to the economic rights holder:"
        ),
        id="copyright-100",
    ),
    pytest.param(
        (
            "著作完成於中華民國八十一年六月十日本法修正施行前，且合於中華民國八十七年一月二十"
            "一日修正施行前本法第一百零六條至第一百零九條規定之一者，除本章另有規定外，適用本"
            "法。"
        ),
        (
            "Except as otherwise provided for in this Chapter, this Act shall apply to works that"
            " were completed prior to the implementation date of the June 10, 1992 amendment to "
            "this Act where such works comply with any one of the provisions of Articles 106 "
            "through 109 of the Act prior to the January 21, 1998 Copyright Act taking effect."
        ),
        id="copyright-106",
    ),
    pytest.param(
        ("二、依中華民國八十七年一月二十一日修正施行前本法第十一條及第十二條規定取得著作權者。"),
        (
            "2.The copyright was obtained pursuant to Article 11 or 12 of this Act prior to the "
            "January 21, 1998 Copyright Act taking effect."
        ),
        id="copyright-111",
    ),
    pytest.param(
        "前項翻譯之重製物，於中華民國八十一年六月十日本法修正施行滿二年後，不得再行銷售。",
        (
            "Copies of translations of works referred to in the preceding paragraph shall no "
            "longer be sold after the expiration of the two-year period following the "
            "implementation date of the June 10, 1992 amendment to this Act."
        ),
        id="copyright-112",
    ),
    pytest.param(
        (
            "特定非公務機關有下列情形之一者，由中央目的事業主管機關令限期改正；屆期未改正者，"
            "按次處新臺幣十萬元以上一百萬元以下罰鍰："
        ),
        (
            "If a specific non-government agency has one among those enumerated below transpired,"
            " the central authority in charge of relevant industry shall order it to complete "
            "corrective actions within the specified time limit. If it fails to complete "
            "corrective actions within the specified time limit, it shall be subject to a fine "
            "ranging from NT$100,000 as the minimum to NT$1,000,000 as the maximum for each "
            "offense:"
        ),
        id="cybersecurity-20",
    ),
    pytest.param(
        "一、最輕本刑為六月以上有期徒刑以上之刑之罪。",
        (
            "1. Any offense with a minimum punishment of imprisonment for a term of six months or"
            " more."
        ),
        id="aml2018-3",
    ),
    pytest.param(
        "有第二條各款所列洗錢行為者，處七年以下有期徒刑，併科新臺幣五百萬元以下罰金。",
        (
            "Anyone involved in money laundering activities prescribed in paragraphs in Article 2"
            " shall be sentenced to imprisonment of not more than seven years; in addition, a "
            "fine of not more than NT$ 5 million shall be imposed."
        ),
        id="aml2018-14",
    ),
    pytest.param(
        "本法自公布日後六個月施行。",
        "This Act shall enter into force six months after its promulgation.",
        id="aml2018-23",
    ),
    pytest.param(
        (
            "無正當理由收集他人向金融機構申請開立之帳戶、向虛擬通貨平台及交易業務之事業或第三"
            "方支付服務業申請之帳號，而有下列情形之一者，處五年以下有期徒刑、拘役或科或併科新"
            "臺幣三千萬元以下罰金："
        ),
        (
            "A person who, without justifiable cause, collects other people's account details, as"
            " filed with financial institutions, accounts filed with businesses handling virtual "
            "currency platforms or transactions, or account numbers filed with third-party "
            "payment services, and who does any of the following, shall be punished with "
            "imprisonment of up to five years, or with detention, and/or with a fine of up to "
            "thirty million New Taiwan Dollars:"
        ),
        id="aml2023-15-1",
    ),
    pytest.param(
        (
            "公務機關或非公務機關受理當事人依第十條規定之請求，應於十五日內，為准駁之決定；必"
            "要時，得予延長，延長之期間不得逾十五日，並應將其原因以書面通知請求人。"
        ),
        (
            "Where a request is made by a data subject to a government or non-government agency "
            "pursuant to Article 10, the agency shall determine whether to accept or reject such "
            "request within fifteen days; such deadline may be extended by up to fifteen days if "
            "necessary, and the data subject shall be notified in writing of the reason for the "
            "extension."
        ),
        id="pdpa2015-13",
    ),
    pytest.param(
        (
            "依前二項情形，如被害人不易或不能證明其實際損害額時，得請求法院依侵害情節，以每人"
            "每一事件新臺幣五百元以上二萬元以下計算。"
        ),
        (
            "Under the circumstances identified in the preceding two paragraphs, if it is "
            "difficult or impossible for the victim to prove the monetary value of the actual "
            "damage, he/she may ask the court to award the compensation in the amount of at least"
            " NT$500 but no more than NT$20,000 per incident, per person based on the severity of"
            " the damage."
        ),
        id="pdpa2015-28",
    ),
    pytest.param(
        (
            "對於同一原因事實造成多數當事人權利受侵害之事件，經當事人請求損害賠償者，其合計最"
            "高總額以新臺幣二億元為限。但因該原因事實所涉利益超過新臺幣二億元者，以該所涉利益"
            "為限。"
        ),
        (
            "Where the rights of multiple data subjects have been infringed upon due to the same "
            "incident, the total amount of compensation awarded to such data subjects shall not "
            "exceed NT$200 million. However, if the interests involved in the incident exceed "
            "NT$200 million, the compensation shall be up to the value of such interests."
        ),
        id="pdpa2015-28-2",
    ),
    pytest.param(
        "一、財團法人之登記財產總額達新臺幣一千萬元或社團法人之社員人數達一百人。",
        (
            "1. the total registered assets of an incorporated foundation shall be NT$10 million "
            "or more, or the total number of members of an incorporated charity shall be 100 or "
            "more;"
        ),
        id="pdpa2015-32",
    ),
    pytest.param(
        (
            "對於同一原因事實造成多數當事人權利受侵害之事件，財團法人或公益社團法人經受有損害"
            "之當事人二十人以上以書面授與訴訟實施權者，得以自己之名義，提起損害賠償訴訟。當事"
            "人得於言詞辯論終結前以書面撤回訴訟實施權之授與，並通知法院。"
        ),
        (
            "Where the rights of multiple data subjects have been infringed upon due to the same "
            "incident, the incorporated foundation or incorporated charity may file a lawsuit "
            "with the court in its own name after obtaining a written delegation of litigation "
            "rights of at least 20 data subjects. The data subjects may withdraw their delegation"
            " in writing before the conclusion of the oral argument and the data subjects shall "
            "notify the court thereof."
        ),
        id="pdpa2015-34",
    ),
    pytest.param(
        "公務員假借職務上之權力、機會或方法，犯本章之罪者，加重其刑至二分之一。",
        (
            "A government official who abuses the power, opportunity or means available to "
            "him/her to commit any of the offenses described in this Chapter shall be subject to "
            "a more severe punishment which is up to 50% more than that prescribed above."
        ),
        id="pdpa2015-44",
    ),
    pytest.param(
        (
            "本法中華民國九十九年五月二十六日修正公布之條文施行前，非由當事人提供之個人資料，"
            "於本法一百零四年十二月十五日修正之條文施行後為處理或利用者，應於處理或利用前，依"
            "第九條規定向當事人告知。"
        ),
        (
            "After the enactment of the amendments to the PDPA on December 15, 2015, if any "
            "personal data was furnished before the amendments to the PDPA on May 26, 2010, not "
            "by the data subject, the data subject shall be provided with the information "
            "required under Article 9 before such personal data is processed or used,."
        ),
        id="pdpa2015-54",
    ),
    pytest.param(
        (
            "前項退費，應自繳費義務人繳納之日起，至目的事業主管機關終止辦理之日止，按退費額，"
            "依繳費之日郵政儲金之一年期定期存款利率，按日加計利息，一併退還。已辦理完成者，其"
            "退費，應自繳費義務人繳納之日起，至目的事業主管機關核准申請之日止，亦同。"
        ),
        (
            "The fees referred to in the preceding paragraph shall be refunded together with the "
            "total daily interest incurred from the date of payment by the applicant to the date "
            "of the termination by the government authority based on the fixed annual interest "
            "rate for a one-year time deposit announced by the Department of Savings and "
            "Remittances, Chunghwa Post Co., Ltd. on the date of the payment. The same applies to"
            " the refund where the registration process has been completed. The interest thereon "
            "shall be incurred from the date of payment of the fee to the date when the "
            "government authority in charge of the industry concerned approves the registration."
        ),
        id="pdpa2015-56",
    ),
    pytest.param(
        (
            "非公務機關違反第二十七條第一項或未依第二項訂定個人資料檔案安全維護計畫或業務終止"
            "後個人資料處理方法者，由中央目的事業主管機關或直轄市、縣（市）政府處新臺幣二萬元"
            "以上二百萬元以下罰鍰，並令其限期改正，屆期未改正者，按次處新臺幣十五萬元以上一千"
            "五百萬元以下罰鍰。"
        ),
        (
            "If a non-government agency violates paragraph 1 of Article 27 or fails to establish "
            "a security and maintenance plan for the protection of personal data files or rules "
            "on disposing of personal data following a business termination under paragraph 2 of "
            "Article 27, the central government authority in charge of the industry concerned or "
            "the special municipality, county (city) government concerned shall impose a fine of "
            "not less than NT$20,000 but not more than NT$2,000,000 on the non-government agency,"
            " and shall order the non-government agency to rectify the violation within a "
            "specified period of time. If the non-government agency fails to rectify the "
            "violation in time, a fine of not less than NT$150,000 but not more than "
            "NT$15,000,000 shall be imposed for each occurrence of the violation."
        ),
        id="pdpa2023-48",
    ),
    pytest.param(
        (
            "本法中華民國九十九年五月二十六日修正公布之現行條文第十九條至第二十二條、第四十三"
            "條之刪除及一百十二年五月十六日修正之第四十八條，自公布日施行。"
        ),
        (
            "The deletion of Articles 19 through 22 and Article 43 on May 26, 2010, and the "
            "revision of Article 48 under the amendment to the PDPA made on May 16, 2023, shall "
            "become effective on the date of promulgation."
        ),
        id="pdpa2023-56",
    ),
]


@pytest.mark.parametrize(("source", "target"), CORPUS_OK)
def test_official_translations_compare_ok(source: str, target: str) -> None:
    """Paragraphs of Taiwan statutes and their official translations hold the same quantities."""
    diff = compare_quantities(source, target, "zh-TW", "en")
    assert (_texts(diff.missing), _texts(diff.extra)) == ((), ())


# Pairs that legitimately do not compare ok, each with what is missing, what is extra and why.
CORPUS_FAILS = [
    pytest.param(
        (
            "著作於著作人死亡後四十年至五十年間首次公開發表者，著作財產權之期間，自公開發表時"
            "起存續十年。"
        ),
        (
            "Where a work is first publicly released between the fortieth and fiftieth years "
            "after the author's death, the economic rights shall endure for a term of ten years "
            "beginning from the time of the first public release."
        ),
        ("四十年", "五十年"),
        (),
        "四十年至五十年間 becomes ordinals: between the fortieth and fiftieth years",
        id="copyright-30",
    ),
    pytest.param(
        (
            "著作財產權人投稿於新聞紙、雜誌或授權公開播送著作者，除另有約定外，推定僅授與刊載"
            "或公開播送一次之權利，對著作財產權人之其他權利不生影響。"
        ),
        (
            "Where an economic rights holder makes a submission to a newspaper or magazine, or "
            "licenses the public broadcast of the work, it shall be presumed, unless otherwise "
            "stipulated, that the economic rights holder has licensed one printing or one public "
            "broadcast only, and that said printing or broadcast shall have no effect on other "
            "rights belonging to the economic rights holder."
        ),
        ("一次",),
        (),
        "一次 becomes a noun phrase: one printing or one public broadcast",
        id="copyright-41",
    ),
    pytest.param(
        (
            "著作權人或製版權人於接獲資訊儲存服務提供者前項通知之次日起十個工作日內，向資訊儲"
            "存服務提供者提出已對該使用者訴訟之證明者，資訊儲存服務提供者不負回復之義務。"
        ),
        (
            "If, within 10 business days since one day after the date of receiving counter "
            "notification from the information storage service provider as described in the "
            "preceding paragraph, the copyright holder or plate rights holder provides the "
            "information storage service provider with evidence regarding filing civil or "
            "criminal litigation against the user, the information storage service provider shall"
            " not bear any obligation to restore the content or related information."
        ),
        (),
        ("one day",),
        "次日 (the next day) is rendered as one day after",
        id="copyright-90-9",
    ),
    pytest.param(
        "前項但書所稱源流國依西元一九七一年保護文學與藝術著作之伯恩公約第五條規定決定之。",
        (
            'The term "country of origin" as used in the proviso of the preceding paragraph shall'
            " have the meaning ascribed to the term in Article 5 of the Berne Convention for the "
            "Protection of Literary and Artistic Works (Paris Act 1971)."
        ),
        ("一九七一年",),
        (),
        "the convention's year stands in its English title (Paris Act 1971), which is excluded",
        id="copyright-106-1",
    ),
    pytest.param(
        (
            "中華民國八十一年六月十日本法修正施行前，翻譯受中華民國八十一年六月十日修正施行前"
            "本法保護之外國人著作，如未經其著作權人同意者，於中華民國八十一年六月十日本法修正"
            "施行後，除合於第四十四條至第六十五條規定者外，不得再重製。"
        ),
        (
            "Where the works of foreign nationals enjoyed protection of translation rights "
            "pursuant to this Act prior to the implementation date of the June 10, 1992 amendment"
            " hereto, translations of such works made prior to said implementation date shall no "
            "longer be reproduced after said implementation date without the consent of the "
            "holder of the copyright to such works, unless such exploitation is in conformity "
            "with Articles 44 through Article 65 of this Act."
        ),
        ("中華民國八十一年六月十日", "中華民國八十一年六月十日"),
        (),
        "the second and third 中華民國八十一年六月十日 are rendered as said implementation date",
        id="copyright-112",
    ),
    pytest.param(
        "著作權訴訟案件，法院應以判決書正本一份送著作權專責機關。",
        (
            "The courts shall deliver to the specialized agency in charge of copyright matters a "
            "copy of decisions in copyright litigation cases."
        ),
        ("一份",),
        (),
        "一份 is rendered as a copy: the article a is no number",
        id="copyright-115-2",
    ),
    pytest.param(
        (
            "本法除中華民國八十七年一月二十一日修正公布之第一百零六條之一至第一百零六條之三規"
            "定，自世界貿易組織協定在中華民國管轄區域內生效日起施行，九十五年五月三十日修正公"
            "布條文，自九十五年七月一日施行，及一百十一年四月十五日修正之條文，其施行日期由行"
            "政院定之外，自公布日施行。"
        ),
        (
            "This Act shall take effect from the date of promulgation, provided that the "
            "provisions of Articles 106-1 through 106-3 amended and promulgated on January 21, "
            "1998 took effect from the date upon which the World Trade Organization Agreement "
            "took effect in the territory under the jurisdiction of the Republic of China, and "
            "the provisions amended and promulgated on May 5, 2006 took effect from July 1, 2006,"
            " and the provisions amended on April 15, 2022 will take affect from a date to be "
            "prescribed by the Executive Yuan."
        ),
        ("九十五年五月三十日",),
        ("May 5, 2006",),
        "an error in the official translation: 九十五年五月三十日 is May 30, 2006, not May 5",
        id="copyright-117",
    ),
    pytest.param(
        (
            "前項確認客戶身分程序所得資料，應自業務關係終止時起至少保存五年；臨時性交易者，應"
            "自臨時性交易終止時起至少保存五年。但法律另有較長保存期間規定者，從其規定。"
        ),
        (
            "The information obtained through the customer due diligence measures prescribed in "
            "the preceding paragraph shall be maintained for at least five years after the "
            "business relationship is ended, or after the date of the occasional transaction, "
            "unless a longer record-keeping term is required by other laws."
        ),
        ("五年",),
        (),
        "the Chinese says 至少保存五年 twice, the English once for both cases",
        id="aml2018-7",
    ),
    pytest.param(
        (
            "第一項之指定期間如有繼續延長之必要者，檢察官應檢附具體理由，至遲於期間屆滿之前五"
            "日聲請該管法院裁定。但延長期間不得逾六個月，並以延長一次為限。"
        ),
        (
            "In the event that an extension of the action prescribed in paragraph 1 is deemed "
            "necessary, an application for extension can be made to the court for a ruling by the"
            " prosecutor with specific reasons included, not later than five days before the "
            "expiration of the period. However, the extension may not exceed six months, and only"
            " one extension will be granted at most."
        ),
        ("一次",),
        (),
        "延長一次為限 becomes only one extension: one before a noun that is no unit",
        id="aml2018-13",
    ),
    pytest.param(
        "前項當事人中一人所為之限制，其效力不及於其他當事人。",
        (
            "The restrictions set by one of the data subjects referred to in the preceding "
            "paragraph have no effect on the other data subjects."
        ),
        ("一人",),
        (),
        "一人 becomes one of the data subjects: one followed by of is no number",
        id="pdpa2015-37",
    ),
]


@pytest.mark.parametrize(("source", "target", "missing", "extra", "reason"), CORPUS_FAILS)
def test_official_translations_that_differ(
    source: str, target: str, missing: tuple[str, ...], extra: tuple[str, ...], reason: str
) -> None:
    """Paragraphs whose official translation words a quantity differently are reported."""
    diff = compare_quantities(source, target, "zh-TW", "en")
    assert (_texts(diff.missing), _texts(diff.extra)) == (missing, extra), reason


# ---------------------------------------------------------------- bounds

BoundShape = tuple[str, bool, float]  # direction, inclusive, value

ZH_BOUNDS = [
    pytest.param("三人以上", [("lower", True, 3)], id="yishang"),
    pytest.param("三年以下有期徒刑", [("upper", True, 3)], id="yixia"),
    pytest.param("三十日内", [("upper", True, 30)], id="nei"),
    pytest.param("六个月以内", [("upper", True, 6)], id="yinei"),
    pytest.param("不满十四周岁", [("upper", False, 14)], id="buman"),
    pytest.param("未滿十八歲", [("upper", False, 18)], id="weiman"),
    pytest.param("低于百分之五", [("upper", False, 5)], id="diyu"),
    pytest.param("超过五万元", [("lower", False, 50_000)], id="chaoguo"),
    pytest.param("超過新臺幣二億元", [("lower", False, 200_000_000)], id="chaoguo-currency"),
    pytest.param("逾五年", [("lower", False, 5)], id="yu"),
    pytest.param("不少于三人", [("lower", True, 3)], id="bushaoyu"),
    pytest.param("不超过三十日", [("upper", True, 30)], id="buchaoguo"),
    pytest.param("不得超过三十日", [("upper", True, 30)], id="budechaoguo"),
    pytest.param("延長期間不得逾六個月", [("upper", True, 6)], id="budeyu"),
    pytest.param("以新臺幣二億元為限", [("upper", True, 200_000_000)], id="weixian"),
    pytest.param(
        "处五万元以上十万元以下罚款",
        [("lower", True, 50_000), ("upper", True, 100_000)],
        id="range-yishang-yixia",
    ),
    pytest.param("三至五年", [("lower", True, 3), ("upper", True, 5)], id="range-zhi"),
    pytest.param("六个月", [], id="no-bound"),
    pytest.param("三项内容", [], id="neirong-is-no-bound"),
]

EN_BOUNDS = [
    pytest.param("not less than 50,000 yuan", [("lower", True, 50_000)], id="not-less-than"),
    pytest.param("three or more persons", [("lower", True, 3)], id="or-more"),
    pytest.param("at least five years", [("lower", True, 5)], id="at-least"),
    pytest.param("no less than 20 days", [("lower", True, 20)], id="no-less-than"),
    pytest.param("NT$10 million and above", [("lower", True, 10_000_000)], id="and-above"),
    pytest.param("not more than three years", [("upper", True, 3)], id="not-more-than"),
    pytest.param("14 or younger", [("upper", True, 14)], id="or-younger"),
    pytest.param("no more than NT$1 million", [("upper", True, 1_000_000)], id="no-more-than"),
    pytest.param("up to two years", [("upper", True, 2)], id="up-to"),
    pytest.param("a fine not exceeding 5,000 yuan", [("upper", True, 5000)], id="not-exceeding"),
    pytest.param("may not exceed six months", [("upper", True, 6)], id="not-exceed"),
    pytest.param("within 30 days", [("upper", True, 30)], id="within"),
    pytest.param("more than 50,000 yuan", [("lower", False, 50_000)], id="more-than"),
    pytest.param("exceeding 30 days", [("lower", False, 30)], id="exceeding"),
    pytest.param("exceed NT$200 million", [("lower", False, 200_000_000)], id="exceed"),
    pytest.param("over 10 persons", [("lower", False, 10)], id="over"),
    pytest.param("less than 100,000 yuan", [("upper", False, 100_000)], id="less-than"),
    pytest.param("under the age of 14", [("upper", False, 14)], id="under-the-age-of"),
    pytest.param("below 5%", [("upper", False, 5)], id="below"),
    pytest.param("fewer than three persons", [("upper", False, 3)], id="fewer-than"),
    pytest.param(
        "between NT$50,000 and NT$500,000",
        [("lower", True, 50_000), ("upper", True, 500_000)],
        id="between-inclusive",
    ),
    pytest.param(
        "from 30 days to 60 days",
        [("lower", True, 30), ("upper", True, 60)],
        id="from-to-inclusive",
    ),
    pytest.param(
        "NT$100,000 as the minimum to NT$1,000,000 as the maximum",
        [("lower", True, 100_000), ("upper", True, 1_000_000)],
        id="as-the-minimum",
    ),
    pytest.param("six months", [], id="no-bound"),
]


@pytest.mark.parametrize(("text", "expected"), ZH_BOUNDS)
def test_zh_bounds(text: str, expected: list[BoundShape]) -> None:
    """Chinese bound words give direction and inclusiveness: 以上/以下 include, 不满/超过 do not."""
    found = find_bounds(text, "zh")
    assert [(b.direction, b.inclusive, b.value) for b in found] == expected
    assert all(text[b.start : b.end] == b.text for b in found)


@pytest.mark.parametrize(("text", "expected"), EN_BOUNDS)
def test_en_bounds(text: str, expected: list[BoundShape]) -> None:
    """English bound phrases give direction and inclusiveness; "between" includes both ends."""
    found = find_bounds(text, "en")
    assert [(b.direction, b.inclusive, b.value) for b in found] == expected
    assert all(text[b.start : b.end] == b.text for b in found)


BOUNDS_OK = [
    pytest.param(
        "处五万元以上十万元以下罚款",
        "a fine of not less than 50,000 yuan but not more than 100,000 yuan",
        id="fine-not-less-not-more",
    ),
    pytest.param(
        "处五万元以上十万元以下罚款",
        "a fine of between 50,000 yuan and 100,000 yuan",
        id="fine-between",
    ),
    pytest.param("不满十四周岁", "under the age of 14", id="under-age"),
    pytest.param(
        "三年以下有期徒刑", "fixed-term imprisonment of not more than three years", id="prison"
    ),
    pytest.param("一倍以上五倍以下", "one to five times", id="multiples-range"),
    pytest.param(
        "一倍以上五倍以下",
        "not less than one time but not more than five times",
        id="multiples-words",
    ),
    pytest.param("三十日内", "within 30 days", id="within"),
    pytest.param("超过五万元", "exceeding 50,000 yuan", id="exceeding"),
    pytest.param(
        "但延長期間不得逾六個月", "the extension may not exceed six months", id="not-exceed"
    ),
    pytest.param("三十日内", "within 20 days", id="other-value-is-the-numbers-check"),
]

BOUNDS_FLAGGED = [
    pytest.param(
        "处五万元以上十万元以下罚款",
        "a fine of more than 50,000 yuan and less than 100,000 yuan",
        [
            ("五万元以上", "more than 50,000 yuan", "inclusiveness"),
            ("十万元以下", "less than 100,000 yuan", "inclusiveness"),
        ],
        id="fine-both-flipped",
    ),
    pytest.param(
        "不满十四周岁",
        "14 or younger",
        [("不满十四周岁", "14 or younger", "inclusiveness")],
        id="age-or-younger",
    ),
    pytest.param(
        "三人以上",
        "fewer than three persons",
        [("三人以上", "fewer than three persons", "direction")],
        id="direction",
    ),
    pytest.param(
        "三十日内",
        "30 days after receipt",
        [("三十日内", None, "bound not expressed")],
        id="not-expressed",
    ),
    pytest.param(
        "三、許可設立三年以上。",
        "3. It shall have been established for more than three years following its receipt of "
        "the approval thereof.",
        [("三年以上", "more than three years", "inclusiveness")],
        id="pdpa2015-32-official-translation",
    ),
]


@pytest.mark.parametrize(("source", "target"), BOUNDS_OK)
def test_compare_bounds_ok(source: str, target: str) -> None:
    """A target that says each bound the way the source does raises nothing."""
    assert compare_bounds(source, target) == []


@pytest.mark.parametrize(("source", "target", "expected"), BOUNDS_FLAGGED)
def test_compare_bounds_flagged(
    source: str, target: str, expected: list[tuple[str, str | None, str]]
) -> None:
    """Flipped inclusiveness or direction, or a bound left out, is reported per source bound."""
    problems = compare_bounds(source, target)
    assert [(s.text, t.text if t else None) for s, t, _ in problems] == [e[:2] for e in expected]
    assert all(
        word in message for (_, _, message), (_, _, word) in zip(problems, expected, strict=True)
    )


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("弘扬“两路”精神", 'promotes the "Two Roads" spirit'),
        ("“三个代表”重要思想", 'the Important Thought of "Three Represents"'),
        ("三峡工程的两个项目", "two projects of the Three Gorges Project"),
    ],
)
def test_numbers_in_names_are_never_extra(source: str, target: str) -> None:
    """A capitalised number word opening a name inside a sentence answers, never adds."""
    assert compare_quantities(source, target).ok


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thirty days after the notice.", 30),
        ("(2) Two Copies are filed.", 2),
        ("within thirty days", 30),
    ],
)
def test_number_words_outside_names_still_count(text: str, value: float) -> None:
    """At a sentence or item start, or in lower case, a number word is a number."""
    assert [q.value for q in find_quantities(text, "en") if q.kind != "name"] == [value]
