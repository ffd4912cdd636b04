"""Kinds of failure seen on rounds 19 and 20 (translation services, glass bottles, hospital systems) about
what a message is, each tested with made-up sentences of other trades, with negatives showing the rule does
not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a customer's manual (to translate, print or write) is no question about the bot's own ----


@pytest.mark.parametrize(
    "text",
    [
        "上午去宏达电机见了王经理 两条产线的操作手册要印成彩页 大概300本 下周四带样本过去",
        "下午给金源阀门打了电话 手册排版的报价已经发过去了",
        "今天拜访了新客户青城建材，采购部李强，电话13912345678，他们有一批员工手册要印刷，下周二报价",
    ],
)
def test_a_customers_manual_is_no_help(extractor: Extractor, text: str) -> None:
    intent, _ = _read(extractor, text)
    assert intent != "help"


@pytest.mark.parametrize(
    "text", ["有操作手册吗", "使用手册在哪", "有没有用户手册", "你的手册发我一下", "手册？", "有教程吗"]
)
def test_the_bots_manual_asked_for_is_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "help"


# ---- a few things the rep is to bring or send is no count asked ----


@pytest.mark.parametrize(
    "text",
    [
        "对了他们还想加一批包装袋，让我下次带几个样品",
        "客户说要看实物 周五寄几份样本过去",
    ],
)
def test_things_to_bring_are_no_count(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] != "query_stats"


@pytest.mark.parametrize(
    "text", ["这个月签了几个", "上周新增了几个线索", "这周送了几个样品", "我这周带看了几组客户"]
)
def test_a_count_is_still_asked(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "query_stats"


# ---- a book asked for by listing, by a stage, or by how several are getting on ----


@pytest.mark.parametrize(
    "text",
    [
        "把组里现在在谈判阶段的单子列一下",
        "列一下王强手上方案演示阶段的客户",
        "帮我列下组里在跟的医院",
        "李明无锡那几家现在都啥情况",
        "我苏州那几个客户最近都什么进展",
    ],
)
def test_a_book_asked(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "query_lead"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("列一下报价单", "other"),  # no customers asked for
        ("本周漏斗", "query_stats"),
        ("这个月各阶段的数量", "query_stats"),
    ],
)
def test_no_book_asked(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


# ---- the customer's own timeline: their side's meeting, their answer to us ----


@pytest.mark.parametrize(
    "text",
    [
        "今天打电话给青山镇卫生院的李院长，他们想做保洁外包，院里说下下周五开会讨论",
        "今天去了锦程纺织，厂里说月底前定供应商",
        "刘经理下午电话说面料收到了，下周五之前回复我们",
        "给华茂物流的周总发了方案，说月底前答复我",
    ],
)
def test_their_timeline_is_no_plan(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("next_followup") is None


@pytest.mark.parametrize(
    "text",
    [
        "刘经理下午电话说面料收到了，下周五之前我回复他们",
        "今天打电话给青山镇卫生院的李院长，下周五我再过去一趟",
        "宏远纸业刘总昨天来展厅看了样机，下周二上午去厂里讲方案",  # the rep going there to speak
        "恒通物流的方案发过去了 下周三去院里说一下细节",
    ],
)
def test_the_reps_own_step_still_planned(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("next_followup") is not None
