"""Kinds of company and contact span failure seen on unseen text, each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _read(extractor: Extractor, text: str) -> dict[str, Any]:
    return extractor.extract(text, SENT).to_slots()


# ---- a city and a short brand with nothing after it, right after a visit or a call ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去佛山瑞澜拜访了 采购说下周给报价 要两吨色母", "佛山瑞澜"),
        ("在沈阳沃辰跟线 调了一下午 压铸机还要改参数", "沈阳沃辰"),
    ],
)
def test_a_city_brand_after_a_visit_ends_at_the_visit(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text).get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "明天去东莞出差 顺便看看展会",
        "在东莞虎门 看了一圈 没什么新客户",
        "在宁波北仑 跑了两天",
    ],
)
def test_a_place_after_a_visit_is_no_brand(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("company") is None


# ---- a county-level city before a brand ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("义乌赫川的采购 说要报价 一批收纳盒", "义乌赫川"),
        ("晋江沐岚的钟经理 电话聊了 鞋材的单子下月定", "晋江沐岚"),
    ],
)
def test_a_county_city_stands_before_a_brand(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text).get("company") == company


def test_a_county_city_alone_is_no_brand(extractor: Extractor) -> None:
    assert _read(extractor, "义乌的客户 说要报价 一批收纳盒").get("company") is None


# ---- 老X with no title as the one met or called ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("上午见了老钱 窗帘面料的样册他挺满意 下周定颜色", "钱"),
        ("老邵电话里说 那批轮毂还要压价", "邵"),
        ("打给老龚 他说冷库的图纸周五给", "龚"),
    ],
)
def test_a_nickname_met_or_called_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    assert _read(extractor, text).get("contact_name") == name


@pytest.mark.parametrize("text", ["见了老板 他说窗帘面料下周定", "老婆电话里说 晚点回", "老家那边下雨了"])
def test_a_common_word_after_meeting_is_no_nickname(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("contact_name") is None


# ---- the buyer alone as the one spoken with ----


@pytest.mark.parametrize(
    "text",
    ["佛山瑞澜的采购 电话聊了 色母要两吨", "去了两家灯具厂 一家没人 另一家 采购说明年再看"],
)
def test_the_buyer_alone_is_the_contact_title(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("contact_title") == "采购"


@pytest.mark.parametrize("text", ["公司的采购 流程很复杂", "下周 采购一批钢材 等通知"])
def test_buying_is_no_buyer(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("contact_title") is None


def test_being_in_a_town_is_no_brand(extractor: Extractor) -> None:
    text = "您好 我们做家具的 在佛山乐从 想了解下封边机 联系人何先生 13922000000"
    assert _read(extractor, text).get("company") is None


def test_a_nickname_passing_on_a_lead_is_no_contact(extractor: Extractor) -> None:
    text = "老周那边转过来一个客户 宁波沃泰的采购经理蒋丽 要两台注塑机"
    assert _read(extractor, text).get("contact_name") == "蒋丽"


# ---- 家 glued to a brand character is part of the name, not the counting word ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚跟温州禾家灯饰的钱工打了电话 要一批驱动电源", "温州禾家灯饰"),
        ("温州禾家的钱工微信说 驱动电源样品收到了", "温州禾家"),
    ],
)
def test_jia_after_a_brand_character_is_part_of_the_name(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _read(extractor, text).get("company") == company


@pytest.mark.parametrize("text", ["回家电话里说了 明天再谈", "大家电话里都说好"])
def test_jia_as_home_or_everyone_names_nothing(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("company") is None


# ---- 车队长 is one title, not the surname 车 and 队长 ----


def test_fleet_captain_is_one_title(extractor: Extractor) -> None:
    slots = _read(extractor, "下午去了保定的宏运冷链 见了车队长魏建军 要换一批轮胎")
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("魏建军", "车队长")


def test_a_title_tail_that_starts_a_common_word_is_no_title(extractor: Extractor) -> None:
    slots = _read(extractor, "他们车队长期用我们的机油 换不动")
    assert slots.get("contact_title") is None and slots.get("contact_name") is None


# ---- a brand, 的, and a full name of a less common surname ----


@pytest.mark.parametrize(
    ("text", "company", "name"),
    [
        ("禾川的阮芸 微信上发了询价 要三百套床品", "禾川", "阮芸"),
        ("温州沐岚的查静今天微信说 面料账期最多给45天", "温州沐岚", "查静"),
    ],
)
def test_a_full_name_after_a_brand_names_both(
    extractor: Extractor, text: str, company: str, name: str
) -> None:
    slots = _read(extractor, text)
    assert (slots.get("company"), slots.get("contact_name")) == (company, name)


@pytest.mark.parametrize("text", ["禾川的方案 发过去了 等回复", "禾川的施工 说下周开始"])
def test_a_word_after_a_brand_and_de_is_no_person(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("contact_name") is None


# ---- surname and 工 right after the organisation, then 了 ----


def test_an_engineer_called_then_le_is_the_contact(extractor: Extractor) -> None:
    slots = _read(extractor, "打给常州恒锐电机蒋工了 轴承样品试了 要正式报价")
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("蒋", "工")


@pytest.mark.parametrize("text", ["工地那边施工了 下周验收", "厂里开工了 要一批手套", "昨天加工了一批零件"])
def test_work_done_is_no_engineer(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("contact_title") is None


# ---- a place and a brand of common words, then 的 and a role ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("跟武汉黄河电缆的采购聊了 要两批桥架", "武汉黄河电缆"),
        ("跟南宁东方家具的王经理聊了 要一批五金件", "南宁东方家具"),
    ],
)
def test_common_words_after_a_place_before_a_role_are_a_brand(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _read(extractor, text).get("company") == company


@pytest.mark.parametrize("text", ["跟武汉的采购聊了 说要等预算", "我们的采购说不行 价格太高"])
def test_a_place_or_pronoun_before_the_buyer_is_no_brand(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("company") is None


def test_a_brand_after_a_district_and_de_is_no_person(extractor: Extractor) -> None:
    slots = _read(extractor, "今天去了萧山的柏瑞，跟采购沈经理聊了冷库门")
    assert slots.get("contact_name") == "沈" and slots.get("company") != "萧山"
