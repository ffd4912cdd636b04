"""Kinds of failure seen on the held-out heldout32 (hotel banquets and event venues, Shanghainese-flavoured),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from nlp.intent import find_kind

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    "text",
    [
        "下午带宏图物流的采购邓经理看了展厅 对叉车挺满意",
        "业主夫妻俩到店看了样板房 想改成三居",
        "晨光幼儿园的园长来看教具 说下学期要换一批",
        "陪着甲方看了厂房 说层高刚好",
    ],
)
def test_shown_round_a_place_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "客户说下周想来看看样机",
        "他们打算来看一下再定",
        "他们会来看吗",
    ],
)
def test_a_look_still_to_come_is_not_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is None or found[0] != "visit"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("今天电话回访小区老住户鲁阿姨 她家空调又不制冷了", "鲁"),
        ("仓库管理处房叔叔打电话来 问托盘还有没有货", "房"),
        ("前台钱阿姨说老板下午在", "钱"),
    ],
)
def test_a_surname_before_aunt_or_uncle_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT, "rep").contact_name == name


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("侬好 哪能用这个", "help"),
        ("钱志伟那单地暖 签了伐", "query_lead"),
    ],
)
def test_shanghainese_help_and_questions(extractor: Extractor, text: str, intent: str) -> None:
    assert extractor.extract(text, SENT, "rep").intent.corpus_label == intent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("伊拉讲价钿交关贵", "他们讲价钱非常贵"),
        ("报价改好了伐", "报价改好了吗"),
        ("林场今年不让砍伐", "林场今年不让砍伐"),  # a word's 伐, no question
        ("跟上行业的步伐", "跟上行业的步伐"),
    ],
)
def test_shanghainese_is_read_as_mandarin_of_the_same_length(text: str, expected: str) -> None:
    assert mandarin(text) == expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("明天的to do", "query_today"),
        ("周四的to do list", "query_today"),
        ("下午去宏达门店 need to do a quick check on the 货架", "log_followup"),
    ],
)
def test_the_to_do_list_asked_by_its_english_name(extractor: Extractor, text: str, intent: str) -> None:
    assert extractor.extract(text, SENT, "rep").intent.corpus_label == intent


@pytest.mark.parametrize(
    ("text", "intent", "stage"),
    [
        ("宏远汽配的订货会前天圆满结束了", "update_stage", "交付"),
        ("星河地产的开盘庆典今天办完了", "update_stage", "交付"),
        ("宏远汽配的订货会办好了吗", None, None),
    ],
)
def test_the_event_we_ran_held_is_delivered(
    extractor: Extractor, text: str, intent: str | None, stage: str | None
) -> None:
    ex = extractor.extract(text, SENT, "rep")
    if intent is None:
        assert ex.stage != "交付"
    else:
        assert ex.intent.corpus_label == intent and ex.stage == stage


@pytest.mark.parametrize(
    "text",
    [
        "电话和金辉五金的采购黄姐对了一下数量",
        "电话搭老客户戴先生讲了窗帘的尺寸",
        "电话与设计院的邱工核了图纸",
    ],
)
def test_on_the_phone_with_someone_is_a_call(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "call"


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("聊了下宏图物流的叉车 budget 30万 max", (None, 300000)),
        ("跟明德学校的黄老师聊了校服 预算8万 tops", (None, 80000)),
    ],
)
def test_a_ceiling_said_in_english_after_the_amount(
    extractor: Extractor, text: str, budget: tuple[int | None, int]
) -> None:
    assert extractor.extract(text, SENT, "rep").budget == budget


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("今天拜访了宏达物流的邓经理 聊了冷链车 follow up 周五下午3点", "2026-03-13", "15:00"),
        ("Called 明德学校的黄老师 about 校服, follow-up on 下周二上午10点", "2026-03-17", "10:00"),
    ],
)
def test_the_follow_up_named_in_english_before_its_day(
    extractor: Extractor, text: str, date: str, time: str
) -> None:
    nf = extractor.extract(text, SENT, "rep").next_followup
    assert nf is not None and (nf.date, nf.time) == (date, time)


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("宏达冷库说压缩机异响 我上午已经过去处理了", True),
        ("明德学校投影仪不亮 师傅刚过去换了灯泡", True),
        ("宏达冷库说压缩机异响 我明天过去处理", False),
    ],
)
def test_gone_over_to_deal_with_it_is_a_visit(text: str, visit: bool) -> None:
    found = find_kind(text)
    assert (found is not None and found[0] == "visit") == visit
