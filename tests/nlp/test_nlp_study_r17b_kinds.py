"""Kinds of failure seen when studying the round-17 conversation sets (dye-house chemicals, contract
catering), each tested with made-up sentences of other trades, with negatives showing the rule does
not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.linking import BookContact, BookLead, LeadBook, brand_words, place_brand
from tests.nlp.reading import read as _read


def _lead(lead_id: int, company: str, city: str, *contacts: BookContact, **kw: object) -> BookLead:
    return BookLead(lead_id, company, company_key(company), city, contacts=contacts, **kw)  # type: ignore[arg-type]


# ---- a brand after an area that another lead has for its short name: both are asked about ----

# 甪直 and 南庄 are towns the gazetteer does not know (an area before the brand: a weaker alias);
# 惠山 and 三水 are districts of their cities (宏泰 is the short name of those leads).
SHARED = LeadBook(
    [
        _lead(1, "苏州甪直宏泰纺织有限公司", "苏州", BookContact("严立新", "生产厂长")),
        _lead(2, "无锡惠山宏泰机械有限公司", "无锡", BookContact("卜红梅", "采购")),
    ]
)


def test_a_brand_after_an_area_names_its_lead_beside_another_lead_s_short_name() -> None:
    assert place_brand("苏州甪直宏泰纺织有限公司", company_key("苏州甪直宏泰纺织有限公司"), "苏州") == "宏泰"
    # either may be meant: a question, never a silent guess
    assert SHARED.link("宏泰今天去过了 下周二上午十点再过去").candidates == (1, 2)
    assert SHARED.link("宏泰那边电话聊了一下", company="宏泰").candidates == (1, 2)
    # ...unless the message settles it: its city, its contact, or a longer name of one
    assert SHARED.link("宏泰那边电话聊了一下", company="宏泰", city="无锡").lead_id == 2
    assert SHARED.link("宏泰严厂长说样布可以").lead_id == 1
    assert SHARED.link("惠山宏泰今天去过了").lead_id == 2
    ceramics = LeadBook(
        [_lead(1, "佛山南庄宏泰陶瓷有限公司", "佛山"), _lead(2, "佛山三水宏泰陶瓷有限公司", "佛山")]
    )
    assert ceramics.link("宏泰那边说釉料下周到").candidates == (1, 2)


# ---- a name with no coined brand called by its rare trade: 港务 of X港务后勤服务 ----


@pytest.mark.parametrize(
    ("company", "city", "word"),
    [
        ("宁波穿山港务后勤服务有限公司", "宁波", "港务"),  # after an area the gazetteer does not know
        ("绍兴柯岩水务后勤服务有限公司", "绍兴", "水务"),
        ("太原清徐热电后勤服务有限公司", "太原", "热电"),  # after a county of its city
    ],
)
def test_a_rare_trade_before_what_the_firm_does_names_it(company: str, city: str, word: str) -> None:
    key = company_key(company)
    assert word in {place_brand(company, key, city), *brand_words(company, key, city)}
    book = LeadBook(
        [_lead(1, company, city, BookContact("祁国栋", "办公室主任")), _lead(2, "某某科技有限公司", city)]
    )
    assert book.link(f"{word}那边今天电话沟通了一下人数").lead_id == 1
    assert book.link(f"{word}那边今天跟祁主任电话沟通了一下").lead_id == 1
    # standing inside another word it names nobody
    assert book.link(f"今天跑了两家{word}工程公司").candidates == ()


def test_a_common_trade_before_what_the_firm_does_is_no_name() -> None:
    for company, city in [("上海张江物业后勤服务有限公司", "上海"), ("杭州西溪餐饮后勤服务有限公司", "杭州")]:
        key = company_key(company)
        assert place_brand(company, key, city) is None and brand_words(company, key, city) == ()


# ---- a verb of talking over, then the matter ending in an industry word: no customer ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("约了下周二上午过去详谈物流的事", None),
        ("下周四过去商谈运输的事", None),
        ("下午去洽谈仓储的合作，对方老板在", None),
        ("下午去了远航物流 见了调度", "远航物流"),  # a brand that is a verb stays
        ("今天去远航物流详谈了合同", "远航物流"),
    ],
)
def test_a_talk_verb_before_the_matter_is_no_name(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a quote handed over in person, a day and a part of it between: the quote stage ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("锅炉改造的报价今天上午当面交给设备科吴科长了，他说要报上去", "报价"),
        ("华锐的监控报价昨天下午当面递给严经理了", "报价"),
        ("这版装修报价刚刚当场给了，等他们回话", "报价"),
        ("华锐的报价今天上午已经当面交给严经理了", "报价"),
        ("报价明天上午当面交给吴科长", None),  # a plan, not done
        ("报价今天上午当面交给吴科长了吗", None),  # asked
    ],
)
def test_a_quote_handed_over_with_the_day_and_its_part_between(
    extractor: Extractor, text: str, stage: str | None
) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


# ---- a contact's phone given after the report is no call ----


@pytest.mark.parametrize("text", ["骆经理电话13912345678", "骆经理手机 13912345678", "骆工电话是13912345678"])
def test_a_contact_s_phone_is_no_call(extractor: Extractor, text: str) -> None:
    slots = _read(extractor, text)[1]
    assert slots.get("phone") == "13912345678" and slots.get("kind") is None
