"""Kinds of failure seen on the held-out conversations fiftyone (weighing systems), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, parse_catalog
from nlp.numbers import find_budget
from tests.nlp.reading import read

# ---- the referrer said with its person and no 的 ("X钱总给介绍的") is not the new customer ----


@pytest.mark.parametrize(
    ("text", "customer", "referrer"),
    [
        (
            "新客户：苏州瑞丰纺织有限公司，采购部许科长 13912345678，是苏州华美印染有限公司钱总给介绍的",
            "苏州瑞丰纺织有限公司",
            "苏州华美印染有限公司",
        ),
        (
            "新客户 杭州明康医疗器械有限公司 周主任，杭州天和药业有限公司孙经理帮忙推荐的",
            "杭州明康医疗器械有限公司",
            "杭州天和药业有限公司",
        ),
    ],
)
def test_a_referrer_with_its_person_is_no_customer(
    extractor: Extractor, text: str, customer: str, referrer: str
) -> None:
    intent, slots = read(extractor, text)
    assert intent == "new_lead"
    assert slots.get("company") == customer


def test_a_company_whose_person_tells_its_own_news_is_still_the_customer(extractor: Extractor) -> None:
    slots = read(extractor, "苏州瑞丰纺织有限公司许科长介绍了一下需求，要两台验布机")[1]
    assert slots.get("company") == "苏州瑞丰纺织有限公司"


# ---- the customer's neighbour, said as an example, is not the customer ----


@pytest.mark.parametrize(
    "text",
    [
        "许科长电话里说，隔壁苏州华美印染有限公司前年上的别家验布机，老出毛病，下周二我去他们车间看看",
        "周主任说旁边的杭州天和药业有限公司用的是进口的，明天我再过去一趟",
    ],
)
def test_a_neighbour_company_is_no_customer(extractor: Extractor, text: str) -> None:
    slots = read(extractor, text)[1]
    assert slots.get("company") not in ("苏州华美印染有限公司", "杭州天和药业有限公司")


def test_a_company_without_neighbour_word_is_the_customer(extractor: Extractor) -> None:
    slots = read(extractor, "今天去了苏州华美印染有限公司，许科长说验布机下个月定")[1]
    assert slots.get("company") == "苏州华美印染有限公司"


# ---- the range the customer holds the whole price within is its budget ----


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("许科长说价格压在30到35万之间，下周报价", (300000, 350000)),
        ("周主任的意思是总价控制在六十万以内", (None, 600000)),
    ],
)
def test_a_price_held_within_is_a_budget(text: str, bounds: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == bounds


@pytest.mark.parametrize("text", ["单价控制在3万", "价格压在18块一米"])
def test_a_unit_price_held_within_is_no_budget(text: str) -> None:
    assert find_budget(text) is None


# ---- a product said with its generic head cut, 的 standing for it ----

_HEADED = parse_catalog(
    """
[[products]]
name = "恒温控制装置"
aliases = ["恒温装置"]
line = "温控"

[[products]]
name = "智能模块"
line = "电子"
"""
)


def test_a_product_said_without_its_head_is_named() -> None:
    found = _HEADED.find("冷库那边说还想加个恒温控制的，下周报价")
    assert [m.name for m in found] == ["恒温控制装置"]


def test_a_short_stem_with_de_is_no_product() -> None:
    assert _HEADED.find("这个方案挺智能的") == []
