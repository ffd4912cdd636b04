"""Kinds of failure seen on the held-out conversations eighteen (security) and nineteen (cleaning),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.linking import BookContact, BookLead, LeadBook, place_brand, travelled_places
from nlp.numbers import sole_amount
from tests.nlp.reading import read

# ---- the deal signed at the customer's works: a visit, and the stage with it ----


@pytest.mark.parametrize(
    "text",
    [
        "ok 邝厂长这边搞定了 今天在厂里签的字 机床两台 总价四十万",
        "宏泰那单成了 下午在工地签的合同",
        "今天在他们办公室签的字 一共三十万",  # (their office, as before)
    ],
)
def test_signed_at_their_works_is_a_visit_with_the_stage(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind"), slots.get("stage")) == ("log_followup", "visit", "签约")


@pytest.mark.parametrize(
    "text",
    [
        "宏泰那单签了",  # no contact said
        "宏泰的合同下周在厂里签",  # a plan
        "宏泰合同签了 厂里下周开始排产",  # our works, no meeting there
    ],
)
def test_signed_with_no_visit_tells_no_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") is None


# ---- the goods sent on: delivered ----


@pytest.mark.parametrize("text", ["宏泰那边的货已经发过去了", "宏泰的货今天寄出去了 张经理说收到就验"])
def test_goods_sent_on_is_delivered(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "交付"


@pytest.mark.parametrize(
    "text",
    [
        "宏泰的订货单发过去了",  # an order, not the goods
        "宏泰的货已经发过去了 下周去安装调试",  # installation still to come
        "宏泰的货明天发过去",  # a plan
        "宏泰的报价发过去了",
    ],
)
def test_no_goods_sent_on_is_no_delivery(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") != "交付"


# ---- a value said bare in a correction ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("不对 是七十万 我听错了", (700000, 700000)),
        ("说错了，80到90w", (800000, 900000)),
        ("不对 是一百二十万以内", (None, 1200000)),
    ],
)
def test_the_one_amount_of_a_correction(text: str, budget: tuple[int | None, int | None]) -> None:
    found = sole_amount(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text", ["不对 是七台", "不对 是下周四", "不对 是5000块", "是七十万 不是八十万 含税九十万"]
)
def test_no_sole_amount(text: str) -> None:
    assert sole_amount(text) is None


# ---- linking: the contact called 陈生 or 何小姐, a district the writer went to, a product one holds ----


def lead(
    lead_id: int, company: str, city: str, *contacts: BookContact, products: tuple[str, ...] = ()
) -> BookLead:
    return BookLead(lead_id, company, company_key(company), city, contacts=contacts, products=products)


TWO = LeadBook(
    [
        lead(
            1, "珠海海韵酒店管理有限公司", "珠海", BookContact("邝志明", "工程总监"), products=("中央空调",)
        ),
        lead(
            2, "江门海韵酒店管理有限公司", "江门", BookContact("冼丽芳", "采购主管"), products=("新风系统",)
        ),
    ]
)


@pytest.mark.parametrize("text", ["今天同海韵邝生饮茶", "海韵邝生来电话了", "海韵邝生还说要加两台"])
def test_surname_and_生_names_the_contact(text: str) -> None:
    linked = TWO.link(text)
    assert linked.lead_id == 1 and linked.contacts[1].name == "邝志明"


def test_surname_and_小姐_names_the_contact() -> None:
    assert TWO.link("海韵冼小姐微信上说收到了").lead_id == 2


@pytest.mark.parametrize("text", ["海韵邝生产线要改", "海韵那边冼生意不错"])
def test_生_starting_a_word_names_no_one(text: str) -> None:
    assert TWO.link(text).candidates == (1, 2)


def test_a_district_the_writer_went_to_settles_a_shared_name() -> None:
    assert travelled_places("今天跑了趟斗门 海韵那边看了机房") == {"珠海"}
    assert TWO.link("今天跑了趟斗门 海韵那边看了机房").lead_id == 1
    assert TWO.link("去了新会区 海韵说下周定").lead_id == 2  # its full form, anywhere
    # a district's short form that is also a word, not said as where the writer went
    assert travelled_places("海韵说斗门那边的项目不做了 下周定") == frozenset()


def test_a_product_only_one_holds_settles_a_shared_name_and_sets_the_other_aside() -> None:
    linked = TWO.link("海韵那边电话聊了中央空调的事", products=("中央空调",))
    assert linked.lead_id == 1 and linked.set_aside == (2,)
    # held by neither, or both: still a question
    assert TWO.link("海韵那边电话聊了地暖", products=("地暖",)).candidates == (1, 2)
    both = LeadBook(
        [*TWO.leads.values(), lead(3, "中山海韵酒店管理有限公司", "中山", products=("中央空调",))]
    )
    assert both.link("海韵那边电话聊了中央空调的事", products=("中央空调",)).candidates == (1, 3)
    # settled by what else the message says, nothing is set aside
    assert TWO.link("海韵邝总说中央空调要加", products=("中央空调",)).set_aside == ()


@pytest.mark.parametrize(
    ("company", "city", "brand"),
    [
        ("上海北外滩瑞景广场管理有限公司", "上海", "瑞景"),  # an area of three that is a word
        ("北京中关村智联科技有限公司", "北京", "智联"),  # as before
        ("南京金鹰国际购物中心有限公司", "南京", None),  # no area
        ("深圳华强北电子市场有限公司", "深圳", None),
    ],
)
def test_a_brand_after_a_three_character_area(company: str, city: str, brand: str | None) -> None:
    assert place_brand(company, company_key(company), city) == brand
