"""Kinds of failure seen on the study28 conversations (industrial weighing), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent
from tests.nlp.reading import SENT
from tests.nlp.reading import read as _read

# ---- a brand before an industry word of two words cut as one token ("精细/化工") ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 佛山嘉利诺精细化工 昨天上门见了厂长", "佛山嘉利诺精细化工"),
        ("新客户 东莞华盛达精细化工 见了采购", "东莞华盛达精细化工"),
        ("新客户 苏州安格精细化工 今天上门见了科长", "苏州安格精细化工"),  # a brand of two, as before
        ("今天去了淄博精细化工 见了采购", "淄博精细化工"),  # a place and the trade, as before
        ("他们做精细化工的 规模不大", None),  # the trade, no name
    ],
)
def test_a_brand_before_a_two_word_trade(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a clock time in words ends a name: the plan's time, then what the rep brings ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("周四下午三点带技术过去调试", None),
        ("周五两点半带技术去现场", None),
        ("下周一上午十点带技术过去 看下机房", None),
        ("下周一上午十点去华锐科技 看下机房", "华锐科技"),  # a name after the time stays
        ("今天去了十点科技 见了采购", "十点科技"),  # a brand that is a time word stays
    ],
)
def test_a_clock_time_is_no_part_of_a_name(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_plan_with_the_time_in_words_is_a_plan_alone(extractor: Extractor) -> None:
    ex = extractor.extract("下周一上午十点带技术过去看下机房", SENT)
    assert ex.company is None
    assert ex.next_followup is not None and ex.next_followup.time == "10:00"


# ---- an inquiry the customer sent: its channel is no contact of the rep's; "先录进去" hands it over ----


@pytest.mark.parametrize(
    "text",
    [
        "常州恒泰家具的采购王姐微信发了个询价过来 要30张办公桌 我还没跟她联系 先录进去",
        "宁波宏帆五金的李经理邮件发来询盘 要两千套合页 先录上",
    ],
)
def test_an_inquiry_handed_to_the_bot_is_a_lead_not_contacted(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.intent == Intent.NEW_LEAD
    assert ex.reported_kind is None


def test_a_known_customers_inquiry_stays_its_contact(extractor: Extractor) -> None:
    ex = extractor.extract("宁波宏帆五金的李经理邮件发来询盘 要两千套合页", SENT)
    assert ex.intent == Intent.LOG_FOLLOWUP
    assert ex.kind == "online"


def test_a_call_beside_the_inquiry_is_the_contact(extractor: Extractor) -> None:
    ex = extractor.extract("宁波宏帆五金的李经理邮件发来询盘 要两千套合页 我下午电话聊了一下", SENT)
    assert ex.kind == "call"


def test_a_quote_the_rep_sent_is_no_inquiry(extractor: Extractor) -> None:
    ex = extractor.extract("今天微信发了报价给宁波宏帆五金的李经理", SENT)
    assert ex.intent != Intent.NEW_LEAD


# ---- a call the rep placed, said 打过去了, is a call, not a visit ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("华锐闫总我刚打过去了 说下周要样品", "call"),
        ("闫总那边我打过去了 说下周要样品", "call"),
        ("闫总那边我过去了一趟 说下周要样品", "visit"),  # went there: still a visit
    ],
)
def test_a_call_placed_is_a_call(extractor: Extractor, text: str, kind: str) -> None:
    assert extractor.extract(text, SENT).kind == kind


def test_money_sent_is_no_contact(extractor: Extractor) -> None:
    ex = extractor.extract("尾款打过去了", SENT)
    assert ex.kind is None


# ---- a surname and title glued to a common word said as the brand ("远帆龚总") is the contact ----


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("长城邵总我刚打过去了 说下周要样品", "邵"),
        ("这次汤总说可以", "汤"),  # after a word too
        ("合同金总额三十万", None),  # 总额 is a word, no 金总
        ("项目总投资两个亿", None),
    ],
)
def test_a_surname_title_after_a_common_word(extractor: Extractor, text: str, contact: str | None) -> None:
    assert extractor.extract(text, SENT).contact_name == contact


# ---- a service done at the customer's place, offered ("我们的上门保养服务"), is no visit ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("他们对我们的上门保养服务挺感兴趣的", None),
        ("客户问有没有上门维修服务", None),
        ("今天上门见了设备部的吕工", "visit"),
        ("下午上门安装了两台净水器", "visit"),
    ],
)
def test_a_door_to_door_service_is_no_visit(extractor: Extractor, text: str, kind: str | None) -> None:
    assert extractor.extract(text, SENT).kind == kind
