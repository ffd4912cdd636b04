"""Kinds of failure seen on the held-out conversations twentyfive (hotel supplies), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.behalf import whose_span
from nlp.intent import asks_for_book
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases
from nlp.numbers import find_budget, signed_worth
from tests.nlp.reading import read

# ---- a brand after a bay, island or beach of the city, written with its kind ----


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("厦门五缘湾瑞心医院有限公司", "厦门", {"瑞心", "瑞心医院"}),
        ("舟山桃花岛紫荆轩民宿有限公司", "舟山", {"紫荆轩", "紫荆轩民宿"}),
        ("大连金石滩澜庭温泉会所有限公司", "大连", {"澜庭", "澜庭温泉"}),
        ("青岛金沙滩海韵渔村餐饮有限公司", "青岛", {"海韵渔村"}),
    ],
)
def test_a_brand_after_a_bay_island_or_beach_is_its_short_name(
    company: str, city: str, short: set[str]
) -> None:
    assert short <= set(company_aliases(company, company_key(company), city))


@pytest.mark.parametrize(
    ("company", "city", "word"),
    [
        ("珠海情侣湾商务酒店有限公司", "珠海", "商务"),  # the bay is the brand: 商务 says what it is
        ("惠州巽寮湾度假酒店有限公司", "惠州", "度假"),
    ],
)
def test_a_word_of_the_language_after_the_bay_is_no_brand(company: str, city: str, word: str) -> None:
    aliases = company_aliases(company, company_key(company), city)
    assert word not in aliases and f"{city}{word}" not in aliases


def test_a_district_that_starts_the_bay_s_name_is_not_cut_off() -> None:
    # 三亚's 海棠区 starts 海棠湾: the bay is the place, so no alias starts with its last character
    name = "三亚海棠湾椰林居康养中心有限公司"
    aliases = company_aliases(name, company_key(name), "三亚")
    assert "椰林居" in aliases and not any(a.startswith("湾") for a in aliases)


def test_a_brand_after_a_bay_links_the_lead() -> None:
    book = LeadBook(
        [BookLead(1, "厦门五缘湾瑞心医院有限公司", company_key("厦门五缘湾瑞心医院有限公司"), "厦门")]
    )
    assert book.link("瑞心周院长刚微信回我了 彩超他们最后选了别家").candidates == (1,)


# ---- the customer who sent a new one to us, named with its contact, is not the one reported on ----

DINGSHENG = BookLead(
    1,
    "宁波鼎盛物流有限公司",
    company_key("宁波鼎盛物流有限公司"),
    "宁波",
    contacts=(BookContact("王建国", "总经理"),),
)


@pytest.mark.parametrize(
    "text",
    [
        "今天跑了个新客户 宁波海达仓储有限公司 鼎盛王总介绍的 见了他们运营经理",
        "新客户宁波海达仓储有限公司，是鼎盛王总那边推荐过来的",
    ],
)
def test_a_referrer_named_with_its_contact_does_not_pull_a_new_customer(text: str) -> None:
    book = LeadBook([DINGSHENG])
    assert book.link(text, company="宁波海达仓储有限公司").candidates == ()


def test_a_customer_named_with_its_contact_beside_another_still_links() -> None:
    book = LeadBook([DINGSHENG])
    text = "鼎盛王总说照着给宁波海达仓储有限公司做的那套方案来"
    assert book.link(text, company="宁波海达仓储有限公司").candidates == (1,)


# ---- a holiday word inside a registered name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 苏州阳澄湖假日康复医院有限公司 院长陆明远 13900000077", "苏州阳澄湖假日康复医院有限公司"),
        ("今天拜访了杭州西溪假日酒店管理有限公司的周经理", "杭州西溪假日酒店管理有限公司"),
    ],
)
def test_a_holiday_word_is_part_of_a_full_name(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- 万 starting a name is no amount ----


@pytest.mark.parametrize(
    "text", ["今天去万隆超市找林总 合同当面盖好章了", "万科那边的合同签了", "去万和医院送了样品"]
)
def test_wan_starting_a_name_is_no_amount(extractor: Extractor, text: str) -> None:
    assert signed_worth(text) is None and find_budget(text) is None  # (a signed deal's worth is looked for)
    assert read(extractor, text)[1].get("budget") is None


def test_an_amount_in_wan_is_still_read_beside_such_a_name() -> None:
    found = find_budget("万隆超市那单签了 合同额三十八万")
    assert found is not None and found[0] == (380000, 380000)


# ---- a colleague named as whose customer (or customers) is meant ----

TEAM = ["周强", "李娜"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("周强的海川最近有人跟吗", ("周强", 0, 3)),
        ("李娜那边的宏泰谈到哪一步了", ("李娜", 0, 5)),
        ("李娜手上现在一共有哪些客户", ("李娜", 0, 4)),
        ("问下周强负责的鼎盛", ("周强", 2, 7)),
    ],
)
def test_a_colleague_said_as_whose_customer(text: str, span: tuple[str, int, int]) -> None:
    assert whose_span(text, TEAM) == span


@pytest.mark.parametrize("text", ["周强跟王总见了", "今天跟李娜一起去了宏泰", "李娜说鼎盛签了"])
def test_a_colleague_merely_named_is_no_owner(text: str) -> None:
    assert whose_span(text, TEAM) is None


# ---- one's customers asked for as a list ----


@pytest.mark.parametrize(
    "text", ["周强手上现在一共有哪些客户", "我名下有哪些客户", "李娜在跟的客户有哪些？", "我现在有什么客户"]
)
def test_a_book_asked_for_is_a_query(extractor: Extractor, text: str) -> None:
    assert asks_for_book(text)
    assert read(extractor, text)[0] == "query_lead"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("明天有哪些客户要拜访", "query_today"),
        ("我今天还要跟哪些客户", "query_today"),
        ("哪些客户超过十天没跟进了", "query_overdue"),
        ("我们组现在有多少客户", "query_stats"),
    ],
)
def test_a_day_s_late_or_counted_customers_are_other_queries(
    extractor: Extractor, text: str, intent: str
) -> None:
    assert not asks_for_book(text)
    assert read(extractor, text)[0] == intent
