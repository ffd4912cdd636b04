"""Kinds of failure seen on study18 (an automation-parts distributor), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent, company_key
from nlp.linking import BookLead, LeadBook

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


# ---- "他们有个新项目": the customer's own news in a report, not a prospect handed over ----


@pytest.mark.parametrize(
    "text",
    [
        "刚从东方制药出来刘经理说他们下半年有个新车间要建云ERP也想一起换让我下周一再过去",
        "上午拜访了华美服饰王总 对方年底有个新厂要投产 数控机床要十几台",
    ],
)
def test_their_new_project_in_a_report_is_a_follow_up(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.LOG_FOLLOWUP


@pytest.mark.parametrize(
    "text",
    [
        "有个新项目 宁波甬达贸易有限公司 王总 13900001234 想上云ERP",
        "有个新客户：温州瓯江鞋业 陈总 13900004321 要数控机床",
        "朋友那边有个新的 台州椒江一家模具厂 老板姓黎 想了解CNC",
    ],
)
def test_a_new_thing_handed_over_is_still_a_new_lead(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.NEW_LEAD


# ---- "刚从X出来": the short name of the customer just left after a visit ----


def _lead(lead_id: int, company: str, city: str) -> BookLead:
    return BookLead(lead_id, company, company_key(company), city)


BOOK = LeadBook(
    [
        _lead(1, "成都蓝天餐饮管理有限公司", "成都"),
        _lead(2, "上海阳光超市有限公司", "上海"),
        _lead(3, "重庆智联物流有限公司", "重庆"),
    ]
)


@pytest.mark.parametrize(
    ("text", "lead_id"),
    [
        ("刚从蓝天出来老板说下个月要开两家新店", 1),
        ("从阳光回来 店长说冷柜还要加两台", 2),
        ("刚从智联出来 他们说下周定", 3),  # a brand that is also an industry word
    ],
)
def test_the_customer_just_left_is_named_by_its_short_name(text: str, lead_id: int) -> None:
    assert BOOK.link(text).lead_id == lead_id


@pytest.mark.parametrize(
    "text",
    [
        "从阳光明媚的南方出差回来了",  # 从 before an everyday word, no leaving after it
        "从蓝天上看下去全是云",
        "宏达智联出来的报价太高",  # the end of another name
    ],
)
def test_from_alone_names_no_customer(text: str) -> None:
    assert BOOK.link(text).candidates == ()
