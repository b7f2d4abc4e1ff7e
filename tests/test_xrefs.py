"""Cross-references found in statute text: real sentences from the shared corpus, then the traps."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lextm.errors import UsageError
from lextm.model import CrossRef, Number
from lextm.numerals import parse_number
from lextm.xrefs import find_references

SHARED = Path(__file__).resolve().parents[2] / "shared"
LAWS = SHARED / "corpus" / "laws"


@dataclass(frozen=True)
class Ref:
    """An expected reference: the text it spans (searched after the one before) and its fields."""

    text: str
    law: str | None = None
    article: str | None = None
    article_end: str | None = None
    paragraph: int | None = None
    item: int | None = None
    relative: str | None = None


def expected(sentence: str, refs: Sequence[Ref]) -> list[CrossRef]:
    """The CrossRefs the table rows describe, with spans located in the sentence."""
    out: list[CrossRef] = []
    cursor = 0
    for ref in refs:
        start = sentence.index(ref.text, cursor)
        cursor = start + len(ref.text)
        out.append(
            CrossRef(
                start=start,
                end=cursor,
                text=ref.text,
                law=ref.law,
                article=Number.parse(ref.article) if ref.article else None,
                article_end=Number.parse(ref.article_end) if ref.article_end else None,
                paragraph=ref.paragraph,
                item=ref.item,
                relative=ref.relative,
            )
        )
    return out


NSL = "中华人民共和国国家安全法"
CSL = "中华人民共和国网络安全法"
DSL = "中华人民共和国数据安全法"
CRIMINAL = "刑法"

CHINESE = [
    pytest.param(
        "为了维护国家安全和社会公共利益，保障网络通信活动安全，保护公民、法人和其他组织的合法权益，"
        "根据《中华人民共和国国家安全法》《中华人民共和国网络安全法》《中华人民共和国数据安全法》"
        "等法律法规规定，结合自治区实际，制定本规定。",
        [Ref(f"《{NSL}》", law=NSL), Ref(f"《{CSL}》", law=CSL), Ref(f"《{DSL}》", law=DSL)],
        id="xizang-art1-law-titles-and-self-name",
    ),
    pytest.param(
        "公民、法人和其他组织违反本规定的，依照《中华人民共和国刑法》《中华人民共和国国家安全法》"
        "《中华人民共和国反恐怖主义法》《中华人民共和国网络安全法》《中华人民共和国数据安全法》"
        "《中华人民共和国治安管理处罚法》等有关法律法规追究责任。",
        [
            Ref("《中华人民共和国刑法》", law="中华人民共和国刑法"),
            Ref(f"《{NSL}》", law=NSL),
            Ref("《中华人民共和国反恐怖主义法》", law="中华人民共和国反恐怖主义法"),
            Ref(f"《{CSL}》", law=CSL),
            Ref(f"《{DSL}》", law=DSL),
            Ref("《中华人民共和国治安管理处罚法》", law="中华人民共和国治安管理处罚法"),
        ],
        id="xizang-art15-six-titles",
    ),
    pytest.param(
        "监事会行使本法第五十四条第一款第（一）、（二）项规定的职权和国务院规定的其他职权。",
        [
            Ref("本法第五十四条第一款第（一）", article="54", paragraph=1, item=1),
            Ref("（二）项", article="54", paragraph=1, item=2),
        ],
        id="company-items-sharing-one-unit",
    ),
    pytest.param(
        "本法第五十七条至第五十九条、第六十二条至第六十三条有关不得担任监事的规定以及监事义务、"
        "责任的规定，适用于股份有限公司的监事。",
        [
            Ref("本法第五十七条至第五十九条", article="57", article_end="59"),
            Ref("第六十二条至第六十三条", article="62", article_end="63"),
        ],
        id="company-two-article-ranges",
    ),
    pytest.param(
        "股东作出本法第三十七条第一款所列决定时，应当采用书面形式，并由股东签名后置备于公司。",
        [Ref("本法第三十七条第一款", article="37", paragraph=1)],
        id="company-this-law-article-paragraph",
    ),
    pytest.param(
        "上市公司收购本公司股份的，应当依照《中华人民共和国证券法》的规定履行信息披露义务。"
        "上市公司因本条第一款第（三）项、第（五）项、第（六）项规定的情形收购本公司股份的，"
        "应当通过公开的集中交易方式进行。",
        [
            Ref("《中华人民共和国证券法》", law="中华人民共和国证券法"),
            Ref("本条第一款第（三）项", paragraph=1, item=3, relative="this-article"),
            Ref("第（五）项", paragraph=1, item=5, relative="this-article"),
            Ref("第（六）项", paragraph=1, item=6, relative="this-article"),
        ],
        id="company-this-article-items",
    ),
    pytest.param(
        "上市公司有前条第（二）项、第（三）项所列情形之一经查实后果严重的，或者有前条第（一）项、"
        "第（四）项所列情形之一，在限期内未能消除，不具备上市条件的，"
        "由国务院证券管理部门决定终止其股票上市。",
        [
            Ref("前条第（二）项", item=2, relative="preceding-article"),
            Ref("第（三）项", item=3, relative="preceding-article"),
            Ref("前条第（一）项", item=1, relative="preceding-article"),
            Ref("第（四）项", item=4, relative="preceding-article"),
        ],
        id="company-preceding-article-items",
    ),
    pytest.param(
        "依照本法其他有关规定，处理个人信息应当取得个人同意，但是有前款第二项至第七项规定情形的，"
        "不需取得个人同意。",
        [
            Ref("前款第二项", item=2, relative="preceding-paragraph"),
            Ref("第七项", item=7, relative="preceding-paragraph"),
        ],
        id="pipl-item-range-gives-both-ends",
    ),
    pytest.param(
        "他人侵犯公司合法权益，给公司造成损失的，本条第一款规定的股东可以依照前两款的规定"
        "向人民法院提起诉讼。",
        [
            Ref("本条第一款", paragraph=1, relative="this-article"),
            Ref("前两款", paragraph=2, relative="preceding-paragraphs"),
        ],
        id="company-preceding-two-paragraphs",
    ),
    pytest.param(
        "网络运营者不履行本法第二十一条、第二十五条规定的网络安全保护义务的，"
        "由有关主管部门责令改正，给予警告。",
        [Ref("本法第二十一条", article="21"), Ref("第二十五条", article="25")],
        id="cybersecurity-article-list",
    ),
    pytest.param(
        "发行类别股的公司，有本法第一百一十六条第三款规定的事项等可能影响类别股股东权利的，"
        "除应当依照第一百一十六条第三款的规定经股东会决议外，还应当经出席类别股股东会议的股东"
        "所持表决权的三分之二以上通过。",
        [
            Ref("本法第一百一十六条第三款", article="116", paragraph=3),
            Ref("第一百一十六条第三款", article="116", paragraph=3),
        ],
        id="company-2023-with-and-without-self-name",
    ),
    pytest.param(
        "公司全资子公司的董事、监事、高级管理人员有前条规定情形，或者他人侵犯公司全资子公司"
        "合法权益造成损失的，股份有限公司连续一百八十日以上单独或者合计持有公司百分之一以上股份的"
        "股东，可以依照前三款规定书面请求全资子公司的监事会、董事会向人民法院提起诉讼。",
        [
            Ref("前条", relative="preceding-article"),
            Ref("前三款", paragraph=3, relative="preceding-paragraphs"),
        ],
        id="company-preceding-article-and-three-paragraphs",
    ),
    pytest.param(
        "自個人資料保護委員會成立之日起，本法所列屬中央目的事業主管機關、直轄市、縣（市）政府及"
        "第五十三條、第五十五條所列機關之權責事項，由該會管轄。",
        [Ref("第五十三條", article="53"), Ref("第五十五條", article="55")],
        id="pdpa-article-list",
    ),
    pytest.param(
        "八、非公務機關：指前款以外之自然人、法人或其他團體。",
        [Ref("前款", relative="preceding-item")],
        id="pdpa-preceding-item-in-traditional-text",
    ),
    pytest.param(
        "公務機關或非公務機關依第十五條或第十九條規定向當事人蒐集個人資料時，"
        "應明確告知當事人下列事項：",
        [Ref("第十五條", article="15"), Ref("第十九條", article="19")],
        id="pdpa-or-list",
    ),
    pytest.param(
        "第十五條第二款及第十九條第一項第五款所稱同意，指當事人經蒐集者告知本法所定應告知事項後，"
        "所為允許之意思表示。",
        [
            Ref("第十五條第二款", article="15", item=2),
            Ref("第十九條第一項第五款", article="19", paragraph=1, item=5),
        ],
        id="pdpa-taiwan-levels",
    ),
    pytest.param(
        "依前項規定蒐集、處理或利用個人資料，準用第八條、第九條規定；其中前項第六款之書面同意，"
        "準用第七條第一項、第二項及第四項規定，並以書面為之。",
        [
            Ref("前項", relative="preceding-paragraph"),
            Ref("第八條", article="8"),
            Ref("第九條", article="9"),
            Ref("前項第六款", item=6, relative="preceding-paragraph"),
            Ref("第七條第一項", article="7", paragraph=1),
            Ref("第二項", article="7", paragraph=2),
            Ref("第四項", article="7", paragraph=4),
        ],
        id="pdpa-paragraph-list-keeps-its-article",
    ),
    pytest.param(
        "本法除中華民國八十七年一月二十一日修正公布之第一百零六條之一至第一百零六條之三規定，"
        "自世界貿易組織協定在中華民國管轄區域內生效日起施行。",
        [Ref("第一百零六條之一至第一百零六條之三", article="106-1", article_end="106-3")],
        id="copyright-range-of-inserted-articles",
    ),
    pytest.param(
        "九、政府捐助之財團法人：指其營運及資金運用計畫應依預算法第四十一條第三項規定送立法院，"
        "及其年度預算書應依同條第四項規定送立法院審議之財團法人。",
        [
            Ref("預算法第四十一條第三項", law="預算法", article="41", paragraph=3),
            Ref("同條第四項", law="預算法", article="41", paragraph=4, relative="same-article"),
        ],
        id="cyber-bare-law-name-and-same-article",
    ),
    pytest.param(
        "大陸地區發行之貨幣依第一項、第二項所定方式出入境，應依臺灣地區與大陸地區人民關係條例"
        "相關規定辦理，總價值超過同條例第三十八條第五項所定限額時，海關應向法務部調查局通報。",
        [
            Ref("第一項", paragraph=1, relative="this-article"),
            Ref("第二項", paragraph=2, relative="this-article"),
            Ref("同條例第三十八條第五項", article="38", paragraph=5, relative="same-law"),
        ],
        id="money-laundering-same-law-unresolved",
    ),
    pytest.param(
        "前項但書所稱源流國依西元一九七一年保護文學與藝術著作之伯恩公約第五條規定決定之。",
        [
            Ref("前項但書", relative="preceding-paragraph"),
            Ref("伯恩公約第五條", law="伯恩公約", article="5"),
        ],
        id="copyright-proviso-and-convention",
    ),
    pytest.param(
        "六、廢棄物清理法第四十五條第一項後段、第四十七條之罪。",
        [
            Ref("廢棄物清理法第四十五條第一項後段", law="廢棄物清理法", article="45", paragraph=1),
            Ref("第四十七條", law="廢棄物清理法", article="47"),
        ],
        id="money-laundering-latter-part-keeps-the-list",
    ),
    pytest.param(
        "第二項至前項規定，於中華民國九十年十一月十二日本法修正施行前所為之授權，不適用之。",
        [
            Ref("第二項", paragraph=2, relative="this-article"),
            Ref("前項", relative="preceding-paragraph"),
        ],
        id="copyright-range-to-a-relative",
    ),
    pytest.param(
        "前二項命令，應以書面為之，並準用刑事訴訟法第一百二十八條規定。",
        [
            Ref("前二項", paragraph=2, relative="preceding-paragraphs"),
            Ref("刑事訴訟法第一百二十八條", law="刑事訴訟法", article="128"),
        ],
        id="money-laundering-code-of-criminal-procedure",
    ),
    pytest.param(
        "對第一項、第二項之命令、第四項之裁定不服者，準用刑事訴訟法第四編抗告之規定。",
        [
            Ref("第一項", paragraph=1, relative="this-article"),
            Ref("第二項", paragraph=2, relative="this-article"),
            Ref("第四項", paragraph=4, relative="this-article"),
        ],
        id="money-laundering-part-heading-is-no-reference",
    ),
    pytest.param(
        "法人之代表人、代理人、受雇人或其他從業人員，因執行業務犯前二條之罪者，除處罰行為人外，"
        "對該法人並科以各該條所定之罰金。",
        [Ref("前二條", article="2", relative="preceding-articles")],
        id="money-laundering-preceding-two-articles",
    ),
    pytest.param(
        "二、刑法第一百二十一條第一項、第一百二十三條、第二百零一條之一第二項、第二百六十八條、"
        "第三百三十九條、第三百三十九條之三、第三百四十二條、第三百四十四條、第三百四十九條之罪。",
        [
            Ref("刑法第一百二十一條第一項", law=CRIMINAL, article="121", paragraph=1),
            Ref("第一百二十三條", law=CRIMINAL, article="123"),
            Ref("第二百零一條之一第二項", law=CRIMINAL, article="201-1", paragraph=2),
            Ref("第二百六十八條", law=CRIMINAL, article="268"),
            Ref("第三百三十九條", law=CRIMINAL, article="339"),
            Ref("第三百三十九條之三", law=CRIMINAL, article="339-3"),
            Ref("第三百四十二條", law=CRIMINAL, article="342"),
            Ref("第三百四十四條", law=CRIMINAL, article="344"),
            Ref("第三百四十九條", law=CRIMINAL, article="349"),
        ],
        id="money-laundering-criminal-code-list",
    ),
    pytest.param(
        "資訊儲存服務提供者應將第九十條之七第三款處理情形，依其與使用者約定之聯絡方式"
        "或使用者留存之聯絡資訊，轉送該涉有侵權之使用者。",
        [Ref("第九十條之七第三款", article="90-7", item=3)],
        id="copyright-item-of-inserted-article",
    ),
    pytest.param(
        "公務機關或非公務機關依第十五條或第十九條規定蒐集非由當事人提供之個人資料，"
        "應於處理或利用前，向當事人告知個人資料來源及前條第一項第一款至第五款所列事項。",
        [
            Ref("第十五條", article="15"),
            Ref("第十九條", article="19"),
            Ref("前條第一項第一款", paragraph=1, item=1, relative="preceding-article"),
            Ref("第五款", paragraph=1, item=5, relative="preceding-article"),
        ],
        id="pdpa-preceding-article-item-range",
    ),
    pytest.param(
        "三、為於本條規定之場所長期展示目的所為之重製。",
        [Ref("本條", relative="this-article")],
        id="copyright-this-article",
    ),
    pytest.param("第十二条之一", [Ref("第十二条之一", article="12-1")], id="inserted-article"),
    pytest.param("第十条第三人", [Ref("第十条", article="10")], id="third-party-after-article"),
    pytest.param(
        "依照《中华人民共和国公司法》第二条的规定；该法第十条",
        [
            Ref("《中华人民共和国公司法》第二条", law="中华人民共和国公司法", article="2"),
            Ref("该法第十条", law="中华人民共和国公司法", article="10", relative="same-law"),
        ],
        id="same-law-resolved",
    ),
    pytest.param(
        "依第 53 條及第 12-1 條規定",
        [Ref("第 53 條", article="53"), Ref("第 12-1 條", article="12-1")],
        id="taiwan-spaced-digits",
    ),
    pytest.param("违反第１２条", [Ref("第１２条", article="12")], id="full-width-digits"),
    pytest.param(
        "第二十条第一款第五项",
        [Ref("第二十条第一款第五项", article="20", paragraph=1, item=5)],
        id="prc-article-paragraph-item",
    ),
    pytest.param(
        "第二十條第一項第五款",
        [Ref("第二十條第一項第五款", article="20", paragraph=1, item=5)],
        id="taiwan-article-paragraph-item",
    ),
    pytest.param(
        "依照第三条第二款第一项第四目规定",
        [Ref("第三条第二款第一项第四目", article="3", paragraph=2, item=1)],
        id="sub-item-kept-in-span",
    ),
    pytest.param(
        "本规定第三条、本条例第五条和本办法第八条",
        [
            Ref("本规定第三条", article="3"),
            Ref("本条例第五条", article="5"),
            Ref("本办法第八条", article="8"),
        ],
        id="self-names-of-regulations",
    ),
    pytest.param(
        "依照《中华人民共和国网络安全法》第二十一条的规定",
        [Ref(f"《{CSL}》第二十一条", law=CSL, article="21")],
        id="title-then-article",
    ),
    pytest.param(
        "第五条和第六条",
        [Ref("第五条", article="5"), Ref("第六条", article="6")],
        id="list-with-he",
    ),
    pytest.param(
        "第十五条、第十六条或者第十七条",
        [
            Ref("第十五条", article="15"),
            Ref("第十六条", article="16"),
            Ref("第十七条", article="17"),
        ],
        id="list-with-huozhe",
    ),
    pytest.param(
        "第六条、七条",
        [Ref("第六条", article="6"), Ref("七条", article="7")],
        id="list-member-without-di",
    ),
    pytest.param(
        "本款、本项、前项、前条第二款",
        [
            Ref("本款", relative="this-paragraph"),
            Ref("本项", relative="this-item"),
            Ref("前项", relative="preceding-item"),
            Ref("前条第二款", paragraph=2, relative="preceding-article"),
        ],
        id="prc-relatives",
    ),
    pytest.param(
        "将“第一百二十三条”改为“第一百二十四条”",
        [Ref("第一百二十三条", article="123"), Ref("第一百二十四条", article="124")],
        id="quoted-article-is-still-a-reference",
    ),
]


@pytest.mark.parametrize(("sentence", "refs"), CHINESE)
def test_chinese_references(sentence: str, refs: list[Ref]) -> None:
    """Every reference of a Chinese sentence is found with its span and fields."""
    assert find_references(sentence, "zh") == expected(sentence, refs)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("善意第三人", id="third-party"),
        pytest.param("第一次会议", id="first-time"),
        pytest.param("第十二届全国人民代表大会常务委员会第二十四次会议通过", id="session"),
        pytest.param(
            "（2021年12月3日西藏自治区人民政府令第168号公布  自2022年2月1日起施行）",
            id="xizang-order-number",
        ),
        pytest.param("第一章 总则", id="chapter-heading"),
        pytest.param("第二章第三节", id="chapter-and-section"),
        pytest.param("第 一 章 總則", id="spaced-taiwan-chapter"),
        pytest.param("本规定自2022年2月1日起施行。", id="xizang-self-name-alone"),
        pytest.param("本法所稱個人資料", id="taiwan-self-name-alone"),
        pytest.param("具备基本条件，计入成本条款", id="words-ending-in-ben"),
        pytest.param("目前项目进展顺利", id="words-ending-in-qian"),
        pytest.param("（一）宣传党的路线方针政策", id="item-label"),
        pytest.param("依法追究刑事责任", id="yifa-is-no-law-name"),
        pytest.param("三十日内作出决定", id="plain-numeral"),
    ],
)
def test_chinese_non_references(sentence: str) -> None:
    """Ordinals, headings and self-designations that look like references are not reported."""
    assert find_references(sentence, "zh") == []


@pytest.mark.parametrize(
    ("sentence", "convention", "ref"),
    [
        pytest.param("前款", "prc", Ref("前款", relative="preceding-paragraph"), id="qiankuan-prc"),
        pytest.param("前款", "tw", Ref("前款", relative="preceding-item"), id="qiankuan-tw"),
        pytest.param(
            "依照前款规定",
            None,
            Ref("前款", relative="preceding-paragraph"),
            id="qiankuan-simplified",
        ),
        pytest.param(
            "依前款規定辦理",
            None,
            Ref("前款", relative="preceding-item"),
            id="qiankuan-traditional",
        ),
        pytest.param("前項", None, Ref("前項", relative="preceding-paragraph"), id="qianxiang-tw"),
        pytest.param(
            "前項", "prc", Ref("前項", relative="preceding-item"), id="qianxiang-forced-prc"
        ),
        pytest.param(
            "前项", None, Ref("前项", relative="preceding-item"), id="qianxiang-simplified"
        ),
        pytest.param(
            "第二款", "prc", Ref("第二款", paragraph=2, relative="this-article"), id="dierkuan-prc"
        ),
        pytest.param(
            "第二款", "tw", Ref("第二款", item=2, relative="this-paragraph"), id="dierkuan-tw"
        ),
        pytest.param(
            "第二十條第一款第五項",
            None,
            Ref("第二十條第一款第五項", article="20", paragraph=1, item=5),
            id="traditional-prc-order-read-as-prc",
        ),
        pytest.param(
            "第二十條第一項第五款",
            "prc",
            Ref("第二十條第一項第五款", article="20", paragraph=5, item=1),
            id="forced-convention-wins",
        ),
    ],
)
def test_convention_decides_levels(sentence: str, convention: str | None, ref: Ref) -> None:
    """款 and 项/項 name paragraph or item by convention, given or read from the text."""
    assert find_references(sentence, "zh", convention=convention) == expected(sentence, [ref])


PDPA = "PDPA"
BUDGET = "Budget Act"
CODE = "Criminal Code"
TAX = "Tax Collection Act"
RELATIONS = "Act Governing Relations between the People of the Taiwan Area and the Mainland Area"
BERNE = "Berne Convention for the Protection of Literary and Artistic Works (Paris Act 1971)"

ENGLISH = [
    pytest.param(
        "The responsibilities of the central government authorities in charge of the industries "
        "concerned, the special municipality, county (city) government concerned, and the "
        "authorities specified in Articles 53 and 55 of the PDPA, shall be under the jurisdiction "
        "of the PDPC from the date of its establishment.",
        [Ref("Articles 53", law=PDPA, article="53"), Ref("55 of the PDPA", law=PDPA, article="55")],
        id="pdpa-articles-of-a-short-name",
    ),
    pytest.param(
        "9. Government-endowed foundation: That refers to a foundation of which the operation and "
        "capital utilization plan of its funds shall be submitted to the Legislative Yuan in "
        "accordance with Paragraph 3 of Article 41 of the Budget Act and its annual budget "
        "statement shall be submitted to the Legislative Yuan for deliberation in accordance with "
        "Paragraph 4 of the same Article.",
        [
            Ref(
                "Paragraph 3 of Article 41 of the Budget Act", law=BUDGET, article="41", paragraph=3
            ),
            Ref(
                "Paragraph 4 of the same Article",
                law=BUDGET,
                article="41",
                paragraph=4,
                relative="same-article",
            ),
        ],
        id="cyber-same-article",
    ),
    pytest.param(
        "2. Offenses listed in paragraph 1 of Article 121, Article 123, paragraph 2 of Article "
        "201-1, and Articles 268, 339, 339-3, 342, 344 and 349 of the Criminal Code.",
        [
            Ref("paragraph 1 of Article 121", law=CODE, article="121", paragraph=1),
            Ref("Article 123", law=CODE, article="123"),
            Ref("paragraph 2 of Article 201-1", law=CODE, article="201-1", paragraph=2),
            Ref("Articles 268", law=CODE, article="268"),
            Ref("339", law=CODE, article="339"),
            Ref("339-3", law=CODE, article="339-3"),
            Ref("342", law=CODE, article="342"),
            Ref("344", law=CODE, article="344"),
            Ref("349 of the Criminal Code", law=CODE, article="349"),
        ],
        id="money-laundering-criminal-code-list",
    ),
    pytest.param(
        '"Consent", as referred to in Subparagraph 2, Paragraph 1, Article 15 and Subparagraph 5, '
        "Paragraph 1, Article 19, means a declaration of agreement given by a data subject.",
        [
            Ref("Subparagraph 2, Paragraph 1, Article 15", article="15", paragraph=1, item=2),
            Ref("Subparagraph 5, Paragraph 1, Article 19", article="19", paragraph=1, item=5),
        ],
        id="pdpa-comma-chains",
    ),
    pytest.param(
        "Where the representative of a juristic person commits any of the offenses specified in "
        "Articles 91 through Article 93, Article 95 through 96-1 in the performance of its duties, "
        "in addition to punishing the infringer in accordance with the aforesaid articles, such "
        "juristic or natural person shall also be fined in accordance with said articles.",
        [
            Ref("Articles 91 through Article 93", article="91", article_end="93"),
            Ref("Article 95 through 96-1", article="95", article_end="96-1"),
        ],
        id="copyright-ranges",
    ),
    pytest.param(
        "3. Avoiding anti-money laundering procedures described in Articles 7-10.",
        [Ref("Articles 7-10", article="7", article_end="10")],
        id="money-laundering-hyphen-range",
    ),
    pytest.param(
        "1.In accordance with the provisions of Article 216 of the Civil Code; provided, when the "
        "injured party is unable to prove damages, it may base the damages on the difference.",
        [Ref("Article 216 of the Civil Code", law="Civil Code", article="216")],
        id="copyright-civil-code",
    ),
    pytest.param(
        "For offenders of the preceding four Articles who confess during the investigation or "
        "trial, the punishment shall be reduced.",
        [Ref("the preceding four Articles", article="4", relative="preceding-articles")],
        id="money-laundering-preceding-four-articles",
    ),
    pytest.param(
        "3. Paragraph 2 or Paragraph 3, Article 20; and/or",
        [
            Ref("Paragraph 2", article="20", paragraph=2),
            Ref("Paragraph 3, Article 20", article="20", paragraph=3),
        ],
        id="cyber-article-named-after-both-paragraphs",
    ),
    pytest.param(
        "3.Infringement of another person's copyright by any of the means specified in paragraph "
        "1, subparagraphs 1, 3, 5, or 6 of Article 87, provided this shall not apply to offenses "
        "as referred to in paragraph 2 or paragraph 3 of Article 91-1.",
        [
            Ref("paragraph 1, subparagraphs 1", article="87", paragraph=1, item=1),
            Ref("3", article="87", paragraph=1, item=3),
            Ref("5", article="87", paragraph=1, item=5),
            Ref("6 of Article 87", article="87", paragraph=1, item=6),
            Ref("paragraph 2", article="91-1", paragraph=2),
            Ref("paragraph 3 of Article 91-1", article="91-1", paragraph=3),
        ],
        id="copyright-subparagraph-list",
    ),
    pytest.param(
        "A government or non-government agency shall, before processing or using the personal "
        "data collected in accordance with Article 15 or 19 which was not provided by the data "
        "subject, inform the data subject of its source of data and other information specified "
        "in Subparagraphs 1 to 5, Paragraph 1 of the preceding article.",
        [
            Ref("Article 15", article="15"),
            Ref("19", article="19"),
            Ref("Subparagraphs 1", paragraph=1, item=1, relative="preceding-article"),
            Ref(
                "5, Paragraph 1 of the preceding article",
                paragraph=1,
                item=5,
                relative="preceding-article",
            ),
        ],
        id="pdpa-subparagraph-range-of-preceding-article",
    ),
    pytest.param(
        'The term "official documents" in the first subparagraph of the preceding paragraph '
        "includes proclamations, text of speeches, news releases, and other documents.",
        [
            Ref(
                "the first subparagraph of the preceding paragraph",
                item=1,
                relative="preceding-paragraph",
            )
        ],
        id="copyright-ordinal-subparagraph",
    ),
    pytest.param(
        "the following persons shall be entitled to request remedies in accordance with Article "
        "84 and the second paragraph of the preceding article for actual or likely violations of "
        "Article 18:",
        [
            Ref("Article 84", article="84"),
            Ref(
                "the second paragraph of the preceding article",
                paragraph=2,
                relative="preceding-article",
            ),
            Ref("Article 18", article="18"),
        ],
        id="copyright-ordinal-paragraph",
    ),
    pytest.param(
        "7. Offenses listed in Articles 41 and 42, and paragraphs 1 and 2 of Article 43 of the Tax "
        "Collection Act.",
        [
            Ref("Articles 41", law=TAX, article="41"),
            Ref("42", law=TAX, article="42"),
            Ref("paragraphs 1", law=TAX, article="43", paragraph=1),
            Ref("2 of Article 43 of the Tax Collection Act", law=TAX, article="43", paragraph=2),
        ],
        id="money-laundering-law-named-once-for-the-list",
    ),
    pytest.param(
        "13. Offenses described in Article 14 of this Act.",
        [Ref("Article 14 of this Act", article="14")],
        id="money-laundering-this-act",
    ),
    pytest.param(
        'The term "employee" in the preceding two paragraphs includes civil servants.',
        [Ref("the preceding two paragraphs", paragraph=2, relative="preceding-paragraphs")],
        id="pdpa-preceding-two-paragraphs",
    ),
    pytest.param(
        "If the total amount of damages exceeds the amount referred to in the preceding paragraph, "
        "the compensation shall not be limited, i.e. NT$500, per incident as set forth in "
        "Paragraph 3 of this Article.",
        [
            Ref("the preceding paragraph", relative="preceding-paragraph"),
            Ref("Paragraph 3 of this Article", paragraph=3, relative="this-article"),
        ],
        id="pdpa-this-article",
    ),
    pytest.param(
        "An information storage service provider shall forward notice to the allegedly infringing "
        "user of any measures taken under Article 90-7, subparagraph 3, by the contact method "
        "stipulated between the service provider and the user.",
        [Ref("Article 90-7, subparagraph 3", article="90-7", item=3)],
        id="copyright-article-then-subparagraph",
    ),
    pytest.param(
        "Regulations regarding submittal of the improvement reports and other matters in "
        "Paragraph 2 to Paragraph 5 shall be drafted by the central authority.",
        [
            Ref("Paragraph 2", paragraph=2, relative="this-article"),
            Ref("Paragraph 5", paragraph=5, relative="this-article"),
        ],
        id="cyber-paragraph-range-gives-both-ends",
    ),
    pytest.param(
        'The term "country of origin" as used in the proviso of the preceding paragraph shall have '
        "the meaning ascribed to the term in Article 5 of the Berne Convention for the Protection "
        "of Literary and Artistic Works (Paris Act 1971).",
        [
            Ref("the preceding paragraph", relative="preceding-paragraph"),
            Ref(f"Article 5 of the {BERNE}", law=BERNE, article="5"),
        ],
        id="copyright-berne-convention",
    ),
    pytest.param(
        "When currencies issued in the Mainland Area are to be transported across the border in "
        "accordance with provisions in paragraphs 1 and 2, provisions of the Act Governing "
        "Relations between the People of the Taiwan Area and the Mainland Area should apply. In "
        "the event that the total amount exceeds the cap amount stipulated in paragraph 5 of "
        "Article 38 of the above-mentioned Act, a report should be filed by the customs.",
        [
            Ref("paragraphs 1", paragraph=1, relative="this-article"),
            Ref("2", paragraph=2, relative="this-article"),
            Ref(
                "paragraph 5 of Article 38 of the above-mentioned Act",
                law=RELATIONS,
                article="38",
                paragraph=5,
                relative="same-law",
            ),
        ],
        id="money-laundering-above-mentioned-act",
    ),
    pytest.param("Article 18", [Ref("Article 18", article="18")], id="article"),
    pytest.param("Article 1-1", [Ref("Article 1-1", article="1-1")], id="inserted-article"),
    pytest.param(
        "Articles 6 to 8; Articles 6~8; Articles 6 through 8",
        [
            Ref("Articles 6 to 8", article="6", article_end="8"),
            Ref("Articles 6~8", article="6", article_end="8"),
            Ref("Articles 6 through 8", article="6", article_end="8"),
        ],
        id="range-spellings",
    ),
    pytest.param(
        "Article 8(3) and Article 8(1)(3)",
        [
            Ref("Article 8(3)", article="8", paragraph=3),
            Ref("Article 8(1)(3)", article="8", paragraph=1, item=3),
        ],
        id="parenthesised-levels",
    ),
    pytest.param(
        "item 3 of paragraph 1 of Article 8",
        [Ref("item 3 of paragraph 1 of Article 8", article="8", paragraph=1, item=3)],
        id="item-of-paragraph-of-article",
    ),
    pytest.param(
        "the preceding paragraphs; the preceding Article; this Article",
        [
            Ref("the preceding paragraphs", relative="preceding-paragraphs"),
            Ref("the preceding Article", relative="preceding-article"),
            Ref("this Article", relative="this-article"),
        ],
        id="english-relatives",
    ),
    pytest.param(
        "Article 21 of the Cybersecurity Law of the People's Republic of China",
        [
            Ref(
                "Article 21 of the Cybersecurity Law of the People's Republic of China",
                law="Cybersecurity Law of the People's Republic of China",
                article="21",
            )
        ],
        id="title-after-of-the",
    ),
    pytest.param(
        "the first paragraph and the third paragraph",
        [
            Ref("the first paragraph", paragraph=1, relative="this-article"),
            Ref("the third paragraph", paragraph=3, relative="this-article"),
        ],
        id="ordinal-paragraphs",
    ),
]


@pytest.mark.parametrize(("sentence", "refs"), ENGLISH)
def test_english_references(sentence: str, refs: list[Ref]) -> None:
    """Every reference of an English sentence is found with its span and fields."""
    assert find_references(sentence, "en") == expected(sentence, refs)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("This Law shall come into force on the date of promulgation.", id="this-law"),
        pytest.param("in accordance with the provisions of this Act", id="of-this-act"),
        pytest.param("submitted to the Legislative Yuan for deliberation", id="title-alone"),
        pytest.param("the following items shall not be the subject matter", id="items-word"),
        pytest.param("on the first day of the month", id="ordinal-without-level"),
        pytest.param("the amendments of 2003 and 2005", id="years"),
        pytest.param("shall have the same rights as a pledgee", id="the-same"),
    ],
)
def test_english_non_references(sentence: str) -> None:
    """Self-designations, titles on their own and plain numbers are not reported."""
    assert find_references(sentence, "en") == []


@pytest.mark.parametrize(
    ("lang", "sentence", "article"),
    [
        pytest.param("zh-TW", "第八條", "8", id="zh-TW"),
        pytest.param("zh-Hant", "第八條", "8", id="zh-Hant"),
        pytest.param("zh_CN", "第八条", "8", id="zh_CN"),
        pytest.param("en-US", "Article 8", "8", id="en-US"),
    ],
)
def test_language_tags_choose_the_reader(lang: str, sentence: str, article: str) -> None:
    """Any zh-* tag reads Chinese, any en-* tag reads English."""
    [ref] = find_references(sentence, lang)
    assert ref.article == Number.parse(article)


def test_unknown_language_is_a_usage_error() -> None:
    """A language other than Chinese or English is refused with a sentence saying so."""
    with pytest.raises(UsageError, match="Chinese or English"):
        find_references("Artikel 8", "de")


def test_unknown_convention_is_a_usage_error() -> None:
    """Only the PRC and Taiwan numbering conventions exist."""
    with pytest.raises(UsageError, match="'prc' or 'tw'"):
        find_references("第八条", "zh", convention="hk")


STATUTE_PIECES = [
    *"第条條款项項目之至、和及或者本法前同二两三十百一12-（）《》章节刑依後段",
    *["Article ", "Paragraph ", "s", "3", "(2)", " and ", ", ", " to ", " of the ", "Code"],
    *["the preceding ", "paragraph", "this ", "same ", "Act", " "],
]
STATUTE_TEXT = st.lists(st.sampled_from(STATUTE_PIECES), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(STATUTE_TEXT, st.sampled_from(["zh", "en"]))
def test_spans_slice_the_text_in_order(text: str, lang: str) -> None:
    """On any text, references come back in order, without overlap, each span its own text."""
    refs = find_references(text, lang)
    assert all(text[ref.start : ref.end] == ref.text != "" for ref in refs)
    assert all(a.end <= b.start for a, b in itertools.pairwise(refs))


# --- the shared corpus ----------------------------------------------------------------------

LABEL = re.compile(
    r"^\s*第\s*(?P<num>[0-9０-９〇零一二三四五六七八九十百千两]+)\s*(?:-\s*\d+\s*)?[条條]"
    r"(?:之[一二三四五六七八九十]+)?(?=\s|$)"
)


def corpus_laws() -> list[Path]:
    """The law folders of the shared corpus; skips the test when the corpus is not there."""
    if not LAWS.is_dir():
        pytest.skip(f"shared corpus not found at {LAWS}")
    return sorted(path for path in LAWS.iterdir() if (path / "zh.txt").is_file())


def article_bodies(lines: Sequence[str]) -> Iterator[str]:
    """Each line with its article label (第八条, 第 8 條) taken off."""
    for line in lines:
        match = LABEL.match(line)
        yield line[match.end() :] if match else line


def highest_article(lines: Sequence[str]) -> int:
    """The highest article number a law's labels use."""
    return max(parse_number(m.group("num")) for line in lines if (m := LABEL.match(line)))


def test_corpus_article_numbers_stay_within_each_law() -> None:
    """In every corpus law, a reference to this law's article cites one that can exist."""
    beyond: list[tuple[str, str]] = []
    for law in corpus_laws():
        lines = (law / "zh.txt").read_text(encoding="utf-8").splitlines()
        limit = highest_article(lines) + 5
        for body in article_bodies(lines):
            for ref in find_references(body, "zh"):
                own = ref.law is None and ref.relative is None
                numbers = [n.value for n in (ref.article, ref.article_end) if n is not None]
                if own and any(value > limit for value in numbers):
                    beyond.append((law.name, ref.text))
    assert beyond == []


def corpus_files() -> list[tuple[Path, str]]:
    """Every corpus text with its language."""
    files = [(law / "zh.txt", "zh") for law in corpus_laws()]
    files += [(law / "en.txt", "en") for law in corpus_laws() if (law / "en.txt").is_file()]
    seed = SHARED / "corpus" / "xizang-network-communications-2021.zh.txt"
    return [*files, (seed, "zh")] if seed.is_file() else files


@pytest.mark.parametrize("convention", [None, "prc", "tw"])
def test_corpus_lines_never_raise(convention: str | None) -> None:
    """Every line of the corpus reads without error and every span slices its own text."""
    count = 0
    for path, lang in corpus_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            refs = find_references(line, lang, convention=convention)
            assert all(line[ref.start : ref.end] == ref.text for ref in refs), line
            count += len(refs)
    assert count > 1000
