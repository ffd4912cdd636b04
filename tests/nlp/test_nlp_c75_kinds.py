"""Kinds of failure seen on the conversations seventy-five (office leasing and fit-out, plain written
Mandarin), each tested with made-up sentences of other trades, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- what we recommended to the customer is no customer recommended to us --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "宏达机械的周经理刚打电话过来，说老板看了我们推荐的两款机床，下周一起定",
        "恒远电子孙主任微信说，他们技术部比较了我之前推荐的几套方案，还要再算算",
        "永盛食品的刘总说我们给他们介绍的那家安装队挺靠谱",
    ],
)
def test_what_we_recommended_is_a_report_not_a_new_lead(extractor: Extractor, text: str) -> None:
    intent, _ = _read(extractor, text)
    assert intent == "log_followup"


@pytest.mark.parametrize(
    "text",
    [
        "新客户 宁波海达仓储有限公司 是华信电子的王总给我们推荐的 李经理 13812345678",
        "朋友推荐的 温州瑞丰鞋业 想上云ERP 老板姓陈 电话13967712345",
    ],
)
def test_a_customer_sent_to_us_is_still_a_new_lead(extractor: Extractor, text: str) -> None:
    intent, _ = _read(extractor, text)
    assert intent == "new_lead"


# ---- the customer taken to see places, said done, is a visit ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "上午带恒远电子的李总看了开发区的两个标准厂房，他们比较满意",
        "今天带宏达机械的采购看了我们新装的数控车间",
        "下午带永盛的孙经理看过三个仓库了，价格都还能谈",
    ],
)
def test_taking_them_to_see_places_is_a_visit(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "宏达机械刘工电话里说，样品他带回去看了，还行",
        "恒远电子李总打电话来，说我带过去的资料他们看了",
    ],
)
def test_goods_taken_back_and_looked_at_are_no_visit(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") != "visit"


# ---- the customer coming over to look on the spot on a later day is the next contact ----------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("宏达机械的刘工打电话来，说下周四过来现场看看设备", "2026-03-19"),
        ("恒远电子孙主任来电话说想下下周一过来实地考察一下产线", "2026-03-23"),
        ("永盛的周总刚打电话，说下周二来现场谈谈安装的事", "2026-03-17"),
    ],
)
def test_their_coming_over_to_look_on_the_spot_is_the_next_contact(
    extractor: Extractor, text: str, date: str
) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("next_followup") == {"date": date, "time": None}


@pytest.mark.parametrize(
    "text",
    [
        "宏达机械的刘工打电话来，说他们下周四内部开会讨论，月底前给答复",
        "恒远电子孙主任来电话说，下周二他们要去现场看看别家的产线",
    ],
)
def test_their_own_steps_on_a_later_day_are_no_contact_of_ours(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("next_followup") is None
