"""Kinds of failure seen on the held-out conversations thirtysix (a telecom carrier's enterprise sales),
each tested with made-up sentences of other trades (property services, software, catering), with negatives
showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_stage
from nlp.numbers import find_budget
from tests.nlp.reading import read

# ---- a monthly fee said per month, without a budget word, is the budget ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("物业保洁外包谈得差不多 每月一万八 下周过去签", [18000, 18000]),
        ("门禁和电梯维保 他们能接受每月3500 合同这周带过去", [3500, 3500]),
        ("食堂外包 一个月总共六千左右 老板说可以", [6000, 6000]),
        ("排班软件按人头收 4200一个月 她觉得还行", [4200, 4200]),
        ("每个月大概七千 绿植租摆全包", [7000, 7000]),
    ],
)
def test_a_fee_said_per_month_is_the_budget(text: str, budget: list[int]) -> None:
    found = find_budget(text)
    assert found is not None and list(found[0]) == budget


@pytest.mark.parametrize(
    "text",
    [
        "保洁阿姨工资一个月五千",  # a wage
        "他们仓库房租每月8000",  # a rent
        "每台打印机每月3000张的量",  # a quantity
        "每个门店每月3000",  # one unit's price
        "食堂每月流水3万",  # an earning
        "每月15号对账",  # a day
        "对手报价每月5块一个点位",  # small: a unit's price
    ],
)
def test_no_monthly_fee_of_the_customer(text: str) -> None:
    assert find_budget(text) is None


# ---- a range said in thousands then 万, "八千到一万", keeps its lower bound as said ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("预算六千到一万二", [6000, 12000]),
        ("心理价位是每月七千到一万", [7000, 10000]),
        ("预算五十到八十万", [500000, 800000]),  # (the 万 still applies to both)
        ("预算一百五到两百万", [1500000, 2000000]),
    ],
)
def test_a_range_from_thousands_to_wan(text: str, budget: list[int]) -> None:
    found = find_budget(text)
    assert found is not None and list(found[0]) == budget


# ---- the sealed contract handed to us is signed; the price list gone through is a quote ----


@pytest.mark.parametrize(
    "text",
    [
        "下午去了趟绿源餐饮 老板把盖好章的合同给我了",
        "盖完章的协议今天寄回来了 下周开始配送",
        "王总把盖好章的合同交给我们了",
    ],
)
def test_the_sealed_contract_handed_to_us_is_signed(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "签约"


@pytest.mark.parametrize(
    "text",
    ["等盖好章的合同寄回来再说", "盖好章的合同给我了吗", "明天去拿盖好章的合同"],
)
def test_a_sealed_contract_awaited_or_asked_is_not_signed(text: str) -> None:
    found = find_stage(text)
    assert found is None or found[0] != "签约"


@pytest.mark.parametrize(
    "text",
    [
        "今天在他们办公室把价目表跟行政经理过了一遍",
        "当面把报价单讲了一遍 他们说回去比一比",
    ],
)
def test_the_price_list_gone_through_with_them_is_a_quote(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "报价"


@pytest.mark.parametrize("text", ["明天把报价单过一遍再发", "价目表还没过"])
def test_a_price_list_still_to_go_through_is_no_quote(text: str) -> None:
    found = find_stage(text)
    assert found is None or found[0] != "报价"


# ---- a network administrator called by surname and 网管 is a contact ----


@pytest.mark.parametrize(
    ("text", "surname"),
    [("绿源餐饮今天上门 邹网管带着看了收银机房", "邹"), ("下午跟城南物业的柏网管通了电话 门禁要换", "柏")],
)
def test_a_surname_and_网管_is_a_contact(extractor: Extractor, text: str, surname: str) -> None:
    slots = read(extractor, text)[1]
    assert slots.get("contact_name") == surname and slots.get("contact_title") == "网管"


# ---- the customer's own meeting to decide, right after the day, is no plan of ours ----


@pytest.mark.parametrize(
    "text",
    [
        "下午微信上把方案发给了柏工，他说分店一共9家，下周四他们内部开会定。",
        "彩超的资料给了周主任，下周四他们内部开会定",
    ],
)
def test_their_own_meeting_after_the_day_is_no_plan(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in read(extractor, text)[1]


def test_the_rep_s_own_step_that_day_is_still_the_plan(extractor: Extractor) -> None:
    assert "next_followup" in read(extractor, "方案发过去了 下周四我再过去一趟")[1]
