"""Kinds of failure seen on the heldout8 corpora (veterinary medicines, greenhouses), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- company spans: farms and parks named by their head word, 禽业/农牧 as industry words ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 临沂富民肉鸭场 老板姓王 电话 13812345678", "临沂富民肉鸭场"),
        ("新线索 德州禾丰奶牛场 场长刘强 电话 13812345678", "德州禾丰奶牛场"),
        ("新线索 合肥长丰农业示范园 园区办公室周主任 电话 13812345678", "合肥长丰农业示范园"),
        ("上午去了扬州润和禽业 见了采购孙经理", "扬州润和禽业"),
        ("赣州兴旺农牧又去了一趟 吴部长带我们看了车间", "赣州兴旺农牧"),
    ],
)
def test_a_farm_or_park_named_by_its_head_word(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_带_before_a_name_is_the_verb(extractor: Extractor) -> None:
    slots = _read(extractor, "带长丰农业示范园周主任去芜湖看了两个项目")[1]
    assert slots.get("company") == "长丰农业示范园"


# ---- a city and a rare brand with no organisation word, ended by what was done there ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去芜湖鼎泰拿了标书 下周投标", "芜湖鼎泰"),
        ("和同事一起去九江瑞昇了 聊了三个小时", "九江瑞昇"),
        ("下午在泉州恒毅给黄总讲了一遍方案", "泉州恒毅"),
        ("今天到绍兴禾盛现场看了 场地不小", "绍兴禾盛"),
        ("芜湖鼎泰现在什么进度了", "芜湖鼎泰"),
        ("今天去芜湖出差了", None),  # a trip, no brand
        ("今天去芜湖看了", None),
    ],
)
def test_a_city_brand_after_a_visit(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_city_brand_that_opens_a_note_names_its_city(extractor: Extractor) -> None:
    slots = _read(extractor, "开封鼎泰现在什么进度了")[1]
    assert slots.get("company") == "开封鼎泰" and slots.get("city") == "开封"


def test_a_brand_then_的_and_a_full_name_who_did_something(extractor: Extractor) -> None:
    slots = _read(extractor, "上午跟无锡长江的李建华开了个视频会 他们想上云ERP")[1]
    assert slots.get("company") == "无锡长江"
    assert slots.get("contact_name") == "李建华"


def test_a_word_before_的_with_a_person_is_no_full_name(extractor: Extractor) -> None:
    # "设计院的人一起": 人 is no surname; nothing is a company here
    assert "company" not in _read(extractor, "上午带设计院的人一起去了现场")[1]


# ---- contacts: a city before the surname, an office before it, a form's role and surname ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("电话回访了常州许老板 设备都用上了", "许"),
        ("温州林先生那个厂 电话回过去了", "林"),
        ("常州许老板那批机床定金收到了", "许"),
        ("新线索 无锡华兴物流园区 管委会周主任 电话 0510-81234567", "周"),
        ("我们是南通华通机械的 采购 葛 13912345678", "葛"),
    ],
)
def test_the_contact_after_a_place_or_an_office(extractor: Extractor, text: str, name: str) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


def test_a_form_role_then_a_surname_gives_the_title(extractor: Extractor) -> None:
    slots = _read(extractor, "我们是南通华通机械的 采购 葛 13912345678")[1]
    assert slots.get("contact_title") == "采购"


@pytest.mark.parametrize(
    "text",
    ["今天跑了三家 第二家泉州的黄老板 要两台CNC", "微信把调整后的报价发给周经理了"],
)
def test_an_ordinal_or_a_time_after_names_no_brand(extractor: Extractor, text: str) -> None:
    assert "company" not in _read(extractor, text)[1]


# ---- budgets said loosely ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("王总说资金分两期投 第一期三百来万", [3000000, 3000000]),
        ("新线索 宁波某学校 资金是财政拨款 大概八百万", [8000000, 8000000]),
        ("给刘总打电话了 董事会通过了 就按156万做", [1560000, 1560000]),
        ("老板说先少买点 3000块以内试试", [None, 3000]),
        ("价格谈到了每吨两千三 他说再考虑下", None),  # a unit's price
        ("想了解一下PO管的价格 8寸的", None),  # a material, no purchase order
        ("注册资本五百万 做机加工的", None),
        ("注册资金五百万 做机加工的", None),
        ("华兴机械的资金大概三百来万", None),  # the firm's cash, not what it spends on the deal
    ],
)
def test_budgets_said_loosely(extractor: Extractor, text: str, budget: list[int | None] | None) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


# ---- intents: notes to the team, an inbound call, heard-of is no word said, a setting asked ----


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("今天暴雨 下午的拜访都取消了 大家注意安全", "other"),
        ("环保督察的新闻大家看到没 好几个厂都停了", "other"),
        (
            "客户来电 杭州恒立机械有限公司的采购 小郑 说新厂房要上一批CNC 电话 0571 8765 4321",
            "new_lead",
        ),
        (
            "南京华顺机械有限公司 在江宁 做钣金的 设备部长吴刚 电话 025-86541234"
            " 听说我们的CNC好用 想约个时间 预算没说",
            "new_lead",
        ),
        ("能不能设置每天早上自动推送我今天要跟的客户", "help"),
        ("华顺机械的吴部长说下周来看CNC", "log_followup"),
    ],
)
def test_the_intent_of_notes_calls_and_questions(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


def test_goods_signed_for_are_delivered(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "常州许老板的机床今天到了 已经签收")
    assert intent == "update_stage" and slots.get("stage") == "交付"


def test_goods_in_with_an_installation_to_come_are_not_delivered(extractor: Extractor) -> None:
    assert _read(extractor, "华顺机械货今天到了 下周安装")[1].get("stage") is None


# ---- how the contact happened ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今天去了华顺机械 方案给吴部长讲了一遍 他基本认可", "demo"),
        ("带华顺机械吴部长和两个技术员去苏州参观了两个车间", "visit"),
        ("华顺机械的吴工带着老板来公司了 看了CNC的样机", "visit"),
        ("华顺机械又去了一趟 吴部长带我们见了生产副总 金蝶也在做试用", "visit"),
        ("在华顺机械给吴部长做了试用 效果不错", "demo"),
    ],
)
def test_the_kind_of_contact(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


# ---- the rep's plan: a later part of today, a step said with 继续, a matter put off ----


def test_a_later_part_of_today_before_the_reps_step_is_the_plan(extractor: Extractor) -> None:
    slots = _read(extractor, "跟华顺机械的吴部长对了下账 一共六万八 下午我把单子发他微信")[1]
    assert slots.get("next_followup") == {"date": "2026-03-10", "time": None}


def test_a_past_part_of_today_is_no_plan(extractor: Extractor) -> None:
    # sent at 09:30: this morning is gone by only in part, but 早上 is no part still to come
    assert "next_followup" not in _read(extractor, "早上跟华顺机械的吴部长视频了一下 聊了CNC")[1]


def test_a_step_said_with_继续_is_the_plan(extractor: Extractor) -> None:
    slots = _read(extractor, "跟华顺机械吴部长吃了个饭 价格基本谈拢 合同条款明天上午10点继续对")[1]
    assert slots.get("next_followup") == {"date": "2026-03-11", "time": "10:00"}


def test_a_day_then_再说_puts_it_off(extractor: Extractor) -> None:
    slots = _read(extractor, "今天跑了两家 华顺机械定了 恒立明天再说 华顺那边下周一去量尺寸")[1]
    assert slots.get("next_followup") == {"date": "2026-03-16", "time": None}


def test_two_days_asked_together_make_the_period(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "我今天和明天要跟哪些客户")
    assert intent == "query_today"
    assert slots.get("period") == {"start": "2026-03-10", "end": "2026-03-11"}
