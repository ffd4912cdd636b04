"""Kinds of failure seen on the held-out pair forty-one (water purification, auto aftermarket parts), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

_SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _customer(extractor: Extractor, text: str) -> dict:
    return extractor.extract(text, _SENT, "customer").to_slots()


# ---- a range said before the budget word is the whole range ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("大棚方案报了46万，在他们40到50万的预算里", [400000, 500000]),
        ("客户有30到45万的预算 想上ERP", [300000, 450000]),
        ("有个六千到一万的预算", [6000, 10000]),
    ],
)
def test_a_range_before_the_budget_word_is_read_whole(extractor: Extractor, text: str, budget: list) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


def test_one_amount_before_the_budget_word_stays_one(extractor: Extractor) -> None:
    assert _read(extractor, "他们有80万的预算")[1].get("budget") == [800000, 800000]


# ---- a small amount said short: a first order's worth, or the price band asked for ----------------------


def test_a_small_first_order_in_money_words_is_the_budget(extractor: Extractor) -> None:
    slots = _read(extractor, "新客户 绍兴 老钱五金 先拿3k的货试试 电话13812345678")[1]
    assert slots.get("budget") == [3000, 3000]


def test_a_price_band_asked_for_is_the_budget(extractor: Extractor) -> None:
    slots = _customer(extractor, "我们是开小超市的 货架2k-3k的有没有 电话13812345678")
    assert slots.get("budget") == [2000, 3000]


@pytest.mark.parametrize("text", ["单价2k-3k的有没有", "每次拿5k的货", "先拿50件的货试试"])
def test_a_unit_price_a_habit_or_a_count_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in _read(extractor, text)[1]


# ---- how to set a reminder or hand a record on, asked in short words ------------------------------------


@pytest.mark.parametrize(
    "text", ["咋设回访提醒", "怎么设个下次跟进", "商机咋转给同事", "客户怎么转到小李名下"]
)
def test_how_to_set_or_hand_on_is_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "help"


@pytest.mark.parametrize("text", ["钱怎么转给你们", "设备怎么转到新厂房", "他问怎么设计车间"])
def test_money_machines_or_designs_moved_are_no_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] != "help"


# ---- a quote given with what was priced between -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "给他们报了云ERP的价 下周再谈",
        "唐山迁安 华盛机械 采购老徐 微信发了CNC和光伏组件的报价单 下周一打电话问结果",
    ],
)
def test_a_quote_with_its_goods_between_is_the_quote_stage(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") == "报价"


def test_a_rivals_quote_sheet_is_no_stage_of_ours(extractor: Extractor) -> None:
    assert "stage" not in _read(extractor, "对手给他们发了CNC的报价单")[1]


def test_a_quote_sheet_sent_online_stays_a_contact(extractor: Extractor) -> None:
    text = "唐山迁安 华盛机械 采购老徐 微信发了CNC和光伏组件的报价单 下周一打电话问结果"
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "online")


# ---- the rep at the named customer's place, doing something there with them: a visit ----------------------


def test_a_quote_given_at_their_place_is_a_visit(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "上午在宁波华强机电给马经理报了CNC的价一台13万")
    assert (intent, slots.get("kind"), slots.get("stage")) == ("log_followup", "visit", "报价")


def test_a_contract_signed_at_their_place_is_a_visit_told(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "在宁波华强机电把CNC合同签了 马经理说下月提货 下周五我去盯")
    assert (intent, slots.get("kind"), slots.get("stage")) == ("log_followup", "visit", "签约")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("明天在宁波华强机电给马经理演示", None), ("在微信上给马经理发了报价", "online")],
)
def test_a_plan_or_a_channel_is_no_visit(extractor: Extractor, text: str, kind: str | None) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


# ---- organisations: 汽修 and 车队 names, a shop named by a nickname, a function and its person after ------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天在鑫达汽修给孙老板做了CNC的试用 他认可 下周二再过去", "鑫达汽修"),
        ("新线索 嘉兴 和顺汽修 老板姓孙 电话13812345678", "和顺汽修"),
        ("新线索 嘉兴 顺达车队 车队长姓蒋 30台冷藏车 要光伏组件 电话13812345678", "顺达车队"),
        ("新客户 湖州 老周汽修 老板周建华 要CNC 电话13812345678", "老周汽修"),
    ],
)
def test_repair_shops_fleets_and_nickname_shops_are_named(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize("text", ["老周说他们下周定", "跟老周那个店的人聊了", "他们车队有50台车"])
def test_a_nickname_or_their_fleet_alone_names_no_one(extractor: Extractor, text: str) -> None:
    assert "company" not in _read(extractor, text)[1]


def test_a_function_and_its_person_after_a_dealership_are_theirs(extractor: Extractor) -> None:
    slots = _read(extractor, "跟苏州吴中宝马4S店售后钱经理打了电话 要光伏组件")[1]
    assert (slots.get("company"), slots.get("contact_name"), slots.get("contact_title")) == (
        "苏州吴中宝马4S店",
        "钱",
        "经理",
    )


def test_a_brand_after_a_kind_of_shop_is_still_named(extractor: Extractor) -> None:
    assert _read(extractor, "宠物连锁 多宠乐 12家门店 要CNC")[1].get("company") == "多宠乐"


# ---- one works of a kind counted names no organisation --------------------------------------------------


@pytest.mark.parametrize(
    "text", ["我是湖州一家家具厂的老板，想要CNC，电话13812345678", "我是无锡一家汽修店的老板，想要CNC"]
)
def test_one_works_of_a_kind_is_no_name(extractor: Extractor, text: str) -> None:
    slots = _customer(extractor, text)
    assert "company" not in slots
    assert slots.get("contact_title") == "老板"


def test_one_works_with_a_name_of_its_own_keeps_it(extractor: Extractor) -> None:
    assert _customer(extractor, "我是湖州一家锦绣印染厂的老板，想要CNC")["company"] == "锦绣印染厂"


# ---- a title glued into a word holds no surname after it ------------------------------------------------


def test_a_title_and_the_word_it_makes_hold_no_surname(extractor: Extractor) -> None:
    slots = _read(extractor, "新线索 金华宏达驾校 教练车40台 要光伏组件 负责人郑海波 电话13812345678")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("郑海波", "负责人")


def test_a_title_then_a_lone_surname_is_still_named(extractor: Extractor) -> None:
    slots = _read(extractor, "采购经理刘 要CNC")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("刘", "采购经理")
