"""Kinds of failure seen on the held-out conversations thirty (hazardous-waste services), tested with
made-up sentences of a coffee-equipment and office-water trade, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, parse_catalog
from tests.nlp.reading import read

CATALOG = """
[[products]]
name = "全自动咖啡机"
aliases = ["意式咖啡机", "咖啡机"]

[[products]]
name = "净水滤芯更换"
aliases = ["换滤芯", "滤芯更换服务"]

[[products]]
name = "冷萃咖啡液"
aliases = ["冷萃液"]

[[competitors]]
name = "雀巢专业餐饮"
aliases = ["雀巢"]
"""


@pytest.fixture(scope="module")
def coffee() -> Extractor:
    ex = Extractor(parse_catalog(CATALOG, "coffee"))
    ex.warm_up()
    return ex


def test_a_piece_of_a_products_name_is_told_apart_from_other_words() -> None:
    catalog = parse_catalog(CATALOG, "coffee")
    assert catalog.product_piece("滤芯") and catalog.product_piece("冷萃") and catalog.product_piece("咖啡机")
    # (a competitor's name is no product's)
    assert not catalog.product_piece("瑞昇") and not catalog.product_piece("雀巢")
    assert not catalog.product_piece("芯") and not catalog.product_piece("滤芯厂")


# ---- a word of the catalog's products said alone is no customer ----


@pytest.mark.parametrize(
    "text",
    [
        # (voice input with no punctuation: a person by rare surname and title, fillers, a product word)
        "诸经理刚刚电话里说啊滤芯那个价他们还要再比一比嗯让我周五上午再给他打过去",
        "钱总说冷萃那个价太高了 下周一再聊",
        "滤芯那单丢了",
    ],
)
def test_a_product_word_before_its_deal_is_no_customer(coffee: Extractor, text: str) -> None:
    _, slots = read(coffee, text)
    assert "company" not in slots


def test_the_person_by_rare_surname_and_title_is_still_read(coffee: Extractor) -> None:
    _, slots = read(coffee, "诸经理刚刚电话里说啊滤芯那个价他们还要再比一比嗯让我周五上午再给他打过去")
    assert slots["contact_name"] == "诸" and slots["contact_title"] == "经理"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("钱总说瑞昇那个价太高了 下周一再聊", "瑞昇"),  # a brand no product holds
        ("今天去了华澜滤芯厂 换滤芯的事谈妥了", "华澜滤芯厂"),  # a product word inside a longer name
    ],
)
def test_a_brand_or_a_name_holding_a_product_word_stays_the_customer(
    coffee: Extractor, text: str, company: str
) -> None:
    _, slots = read(coffee, text)
    assert slots.get("company") == company


# ---- the reach of a firm said before its industry word belongs to the suffix ----
# (found while making sure the product-word rule lost no new lead: a product word had stood in for a
# freight firm's name the finder could not read, "X国际货运")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 宁波北仑恒达国际货运 咖啡机 周经理 13800001111", "宁波北仑恒达国际货运"),
        ("下午去了厦门海沧瑞丰国际物流 换滤芯的事跟孔主任谈妥了", "厦门海沧瑞丰国际物流"),
    ],
)
def test_a_brand_then_国际_then_its_trade_is_a_short_name(coffee: Extractor, text: str, company: str) -> None:
    _, slots = read(coffee, text)
    assert slots.get("company") == company


def test_国际_and_a_trade_alone_name_no_customer(coffee: Extractor) -> None:
    _, slots = read(coffee, "他们国际物流那块一直是外包的")
    assert "company" not in slots
