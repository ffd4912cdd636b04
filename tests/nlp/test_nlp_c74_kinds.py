"""Kinds of failure seen on the conversations seventy-four (packaging machinery, plain written Mandarin),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- asked over to their place that day and gone: a visit ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "鑫源五金的王总今天约我去他们公司，把年度框架协议签了",
        "永盛粮油孙经理昨天下午请我们去他们仓库，把货架的尺寸定了",
        "蓝鲸传媒那边今天上午叫我去他们办公室，合同盖了章",
    ],
)
def test_asked_over_on_a_past_day_is_a_visit(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "鑫源五金的王总今天约我下周三去他们公司签协议",  # asked today, to go later
        "永盛粮油孙经理约我去他们仓库看看",  # no day: not said to be done
    ],
)
def test_asked_over_for_later_is_no_visit(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") != "visit"


# ---- the customer having us over on a later day, in their words: the next contact ----------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("永盛粮油孙经理刚回了微信，说下周三可以安排我们去他们仓库量尺寸。", "2026-03-18"),
        ("宏达机床刘总说下周二请我们过去看一下车间", "2026-03-17"),
        ("蓝鲸传媒的吴总监说周五欢迎我们上门演示", "2026-03-13"),
        ("鑫源五金王总说下周一让我们过去一趟", "2026-03-16"),
    ],
)
def test_being_had_over_on_a_later_day_is_the_next_contact(
    extractor: Extractor, text: str, date: str
) -> None:
    _, slots = _read(extractor, text)
    assert (slots.get("next_followup") or {}).get("date") == date


@pytest.mark.parametrize(
    "text",
    [
        "永盛粮油孙经理说下周三安排财务付款",  # their own step
        "宏达机床刘总说下周二安排车间停线检修",
        "蓝鲸传媒的吴总监说月底前给我们答复",
    ],
)
def test_their_own_step_on_a_later_day_stays_theirs(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert "next_followup" not in slots


# ---- one's customers asked as a list: those in hand, at a stage or two, or counted in one's hands -------


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("我名下现在有哪些客户在跟？", "me"),
        ("我现在有哪些客户还在跟进？", "me"),
        ("组里有哪些单子在报价或者谈判阶段？", "team"),
        ("我们组有哪些客户在方案演示和报价阶段", "team"),
        ("我有哪些客户在谈判阶段？", "me"),
        ("李强现在手上有几个客户？", None),
        ("王芳名下有多少家客户", None),
    ],
)
def test_the_book_asked_is_a_book_with_no_customer(
    extractor: Extractor, text: str, scope: str | None
) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead"
    assert "company" not in slots and slots.get("scope") == scope


@pytest.mark.parametrize(
    ("text", "intent", "company"),
    [
        ("宏达机床现在到哪个阶段了？", "query_lead", "宏达机床"),
        ("鑫源五金已经进入谈判阶段了", "update_stage", "鑫源五金"),
        ("永盛粮油那单现在在报价阶段", "update_stage", "永盛粮油"),
    ],
)
def test_one_customer_at_a_stage_is_still_that_customer(
    extractor: Extractor, text: str, intent: str, company: str
) -> None:
    got, slots = _read(extractor, text)
    assert (got, slots.get("company")) == (intent, company)
