"""Kinds of failure seen on the held-out conversations twentyfour (truck dealer), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent, company_key
from nlp.linking import BookLead, LeadBook, company_aliases
from tests.nlp.reading import SENT, read

# ---- the city's port said after it is a place, the brand after it the short name ----


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("天津港顺通国际物流有限公司", "天津", "顺通"),
        ("青岛港华泰船舶配件有限公司", "青岛", "华泰"),
        ("宁波港金帆货运代理有限公司", "宁波", "金帆"),
    ],
)
def test_the_brand_after_a_citys_port_is_a_short_name(company: str, city: str, short: str) -> None:
    assert short in company_aliases(company, company_key(company), city)


@pytest.mark.parametrize(
    ("company", "city", "not_short"),
    [
        ("苏州港华燃气有限公司", "苏州", "华燃气"),  # 港华 is the brand: one character would be left
        ("青岛港湾工程有限公司", "青岛", "湾工程"),  # 港湾 is a word
        ("唐山港务集团有限公司", "唐山", "务集团"),  # 港务 is a word
    ],
)
def test_a_word_or_brand_that_starts_with_port_keeps_it(company: str, city: str, not_short: str) -> None:
    assert not_short not in company_aliases(company, company_key(company), city)


def test_a_name_with_no_city_before_port_keeps_it() -> None:
    assert "顺通" not in company_aliases("港顺通物流有限公司", company_key("港顺通物流有限公司"), "天津")


def test_the_brand_after_the_port_links_the_lead() -> None:
    name = "天津港顺通国际物流有限公司"
    other = "天津鸿运物流有限公司"
    book = LeadBook(
        [
            BookLead(1, name, company_key(name), "天津", contacts=()),
            BookLead(2, other, company_key(other), "天津", contacts=()),
        ]
    )
    assert book.link("顺通那边今天去了一趟 跟许经理谈的价").candidates == (1,)


# ---- a day said in the north (今儿, 昨儿, 后晌, 晌午) before going there: a visit ----


@pytest.mark.parametrize(
    "text",
    [
        "今儿后晌去宏泰机械了 李经理说CNC再等等 下礼拜三再过去",
        "昨儿去鼎盛了 王总说太阳能板想要二十块",
        "前儿晌午到的海川 见了采购周姐",
    ],
)
def test_a_northern_day_before_going_there_is_a_visit(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT, "rep", Intent.LOG_FOLLOWUP)
    assert ex.kind == "visit"


@pytest.mark.parametrize("text", ["明儿后晌去宏泰机械 跟李经理聊聊CNC", "宏泰李经理说后晌去他们厂里看看"])
def test_a_northern_day_still_to_come_is_no_visit(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT, "rep", Intent.LOG_FOLLOWUP).kind != "visit"


# ---- the goods taken away by the customer: delivered ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰那二十台CNC今天都提走了 李经理说用着挺顺手",
        "鼎盛王总今儿派人来提货了",
        "海川的太阳能板上午已经提走了",
    ],
)
def test_goods_taken_away_by_the_customer_are_delivered(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "交付"


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理说下周来提车",
        "鼎盛的CNC到了 王总那边可以提货了",
        "海川的太阳能板提走了吗",
    ],
)
def test_goods_ready_or_to_be_taken_are_not_delivered(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") != "交付"


# ---- a function and 的, then a surname with its title, then the full name: that full name ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("今天去宏泰见了仓库的李主管李文涛 CNC下周送样", "李文涛", "主管"),
        ("鼎盛车间的刘主任刘建平说太阳能板要加急", "刘建平", "主任"),
        ("海川车队的蒋队长蒋国栋电话里说下周一过来", "蒋国栋", "队长"),
    ],
)
def test_a_titled_surname_after_a_function_then_the_full_name(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize(
    ("text", "name", "title"), [("今天见了采购的于总", "于", "总"), ("仓库的何丽萍说", "何丽萍", "仓库")]
)
def test_a_titled_surname_or_a_full_name_after_a_function_alone(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)
