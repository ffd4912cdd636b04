"""Kinds of failure seen on the held-out pair thirty-nine (office equipment leasing, enterprise training),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- the bot asked what it does: with 都 between, a kind of command, or a thing it does by itself -------


@pytest.mark.parametrize(
    "text",
    ["这个助手都能帮我干什么？", "你支持哪些统计命令", "bot能自动提醒我回访吗", "助手会不会自动汇总周报"],
)
def test_what_the_bot_does_is_asked_for_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "help"


@pytest.mark.parametrize("text", ["你们支持哪些付款方式", "这台机器能自动清洗滤网吗"])
def test_what_a_supplier_or_a_machine_does_is_no_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] != "help"


# ---- a title with its office or function before it, whole ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("新线索 无锡恒信机械 HR经理姓唐 13603267718 想做安全培训", "唐", "HR经理"),
        ("拜访了佛山农商银行，培训中心主任邓丽，对方案挺满意", "邓丽", "培训中心主任"),
        ("下午去了江门育才中学，校办主任梁志伟说下周定", "梁志伟", "校办主任"),
    ],
)
def test_a_title_keeps_the_office_written_before_it(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = _read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


# ---- people counted are no surname and title; 姓 gives the contact ------------------------------------


def test_people_counted_are_no_contact(extractor: Extractor) -> None:
    text = "你好 我们是绍兴柯桥的 厂里大概60个班组长要做安全培训 电话13785712260 姓邱"
    slots = _read(extractor, text)[1]
    assert slots.get("contact_name") == "邱"
    assert "contact_title" not in slots


def test_one_person_is_still_named(extractor: Extractor) -> None:
    slots = _read(extractor, "一个王主任说下周来")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("王", "主任")


# ---- a role whose holder is asked for names no one ------------------------------------------------------


@pytest.mark.parametrize("text", ["晋中恒达煤业的负责人叫什么？", "杭州绿源农资负责人是谁"])
def test_the_role_asked_for_is_no_title(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead"
    assert "contact_title" not in slots


def test_the_role_that_speaks_is_still_the_title(extractor: Extractor) -> None:
    assert _read(extractor, "杭州绿源农资负责人说下周定")[1].get("contact_title") == "负责人"


# ---- a full name met, said done with 见完 / 见到了 ---------------------------------------------------------


def test_a_full_name_met_is_the_contact(extractor: Extractor) -> None:
    slots = _read(extractor, "杭州绿源农资见完周婷了，她说要两吨尿素，下周一电话等结果")[1]
    assert slots.get("contact_name") == "周婷"


def test_a_common_word_met_is_no_name(extractor: Extractor) -> None:
    assert "contact_name" not in _read(extractor, "见完领导了 心累")[1]


# ---- a city that is also a word, said as where the customer is -----------------------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("新客户：安康的白先生，电话13935216678，想订一批茶叶礼盒", "安康"),
        ("长治的李总约了下周三见面", "长治"),
    ],
)
def test_a_city_word_before_its_customer_is_the_city(extractor: Extractor, text: str, city: str) -> None:
    assert _read(extractor, text)[1].get("city") == city


@pytest.mark.parametrize("text", ["追求世界大同的理想", "长治的经验值得学习"])
def test_the_same_word_in_speech_is_no_city(extractor: Extractor, text: str) -> None:
    assert "city" not in _read(extractor, text)[1]


# ---- a day's or a head's price pushed down is no budget -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "会议室方案讲完了 王总嫌每天2.2w的场租贵 想压到1.8 明天上午我电话跟进",
        "给滨江中学打了电话 校服方案她看了 人均不能超过600 下周三去学校讲方案",
    ],
)
def test_a_unit_price_pushed_or_capped_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in _read(extractor, text)[1]


def test_the_deal_s_price_pushed_is_still_the_budget(extractor: Extractor) -> None:
    assert _read(extractor, "客户嫌贵 想压到30万")[1].get("budget") == [300000, 300000]


# ---- stages: an earlier deal's loss is background; a quote's kind between the words -----------------------


def test_an_earlier_deal_lost_is_no_stage(extractor: Extractor) -> None:
    text = "给宏达机械的李总打了个电话，上次那单输给了同行，这次他们要换两台空压机，让我下周一过去"
    assert "stage" not in _read(extractor, text)[1]


def test_the_deal_lost_now_is_the_stage(extractor: Extractor) -> None:
    assert _read(extractor, "给宏达机械的李总打了个电话，那单输给了同行")[1].get("stage") == "输单"


def test_a_formal_quote_sent_is_the_quote_stage(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "杭州海天印染有限公司的污水处理项目已经发了正式报价。")
    assert (intent, slots.get("stage")) == ("update_stage", "报价")


# ---- what the customer took last time, asked ----------------------------------------------------------


def test_what_was_taken_last_time_asked_is_a_lead_query(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "宁波港城五金的王工上次要的轴承是什么型号？")
    assert (intent, slots.get("company")) == ("query_lead", "宁波港城五金")


# ---- company names: shop and works words, and the kind of body said before the name ----------------------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("下午去杭州西湖区的金点图文店看了看，老板姓程，想印一批宣传册", "金点图文店"),
        ("拜访了绍兴天宇变压器，冯部长说下周定", "绍兴天宇变压器"),
        (
            "我公司为杭州市属国有企业杭州市城建集团有限公司，现计划采购一批办公椅，请联系行政部吴主任",
            "杭州市城建集团有限公司",
        ),
        ("我们是一家民营企业绍兴天宇纺织有限公司，想了解一下你们的污水处理设备", "绍兴天宇纺织有限公司"),
    ],
)
def test_the_company_is_its_name_alone(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- gone as planned is a visit told ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "按计划去宁波港城五金确认图纸，陈经理提出两处修改",
        "按约定上门给嘉兴恒泰纺织核对了用量，陈经理说月底下单",
    ],
)
def test_gone_as_planned_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"
