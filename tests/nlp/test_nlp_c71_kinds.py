"""Kinds of failure seen on the conversations seventy-one (CNC machine tools, Sichuan speech, voice-to-text
run-ons), each tested with made-up sentences of other trades, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from tests.nlp.reading import read as _read

# ---- Sichuan speech: 啥子 (什么), 搞忘 (忘记) ------------------------------------------------------


def test_sichuan_words_are_read_in_mandarin_of_the_same_length() -> None:
    text = "嘉禾物业现在是啥子阶段 我搞忘了"
    read = mandarin(text)
    assert read == "嘉禾物业现在是什么阶段 我忘记了" and len(read) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "嘉禾物业现在是啥子阶段了 上回跟的啥子 我都搞忘了",
        "华兴机械上回跟的什么",
        "嘉禾物业上回聊的啥子 我搞忘了",
    ],
)
def test_a_customer_s_stage_or_last_contact_asked_is_a_lead_query(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead" and slots.get("company") in ("嘉禾物业", "华兴机械")


@pytest.mark.parametrize("text", ["明天要跟的有哪些", "明天要跟的是哪几家"])
def test_the_day_s_contacts_asked_are_still_the_day_s_list(extractor: Extractor, text: str) -> None:
    intent, _ = _read(extractor, text)
    assert intent == "query_today"


# ---- the team's deals at a stage asked as 单子, with a request to list them after -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "我们组现在在报价阶段的单子有哪些 跟我列哈",
        "我们组签约阶段的单子有几家 是哪几家",
        "我们组方案演示阶段的客户有哪些",
    ],
)
def test_the_team_s_deals_at_a_stage_asked_are_a_book_query(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead" and "company" not in slots and "stage" not in slots


@pytest.mark.parametrize("text", ["嘉禾物业到报价阶段了", "华兴机械进入谈判阶段了 下周二再去"])
def test_a_stage_reached_is_still_stage_news(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("company")) == ("update_stage", text[:4])


# ---- the customer able to come to us on a day is that day's meeting -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "张总微信回我了 说下周三可以过来看样机",
        "陈经理电话里说下周四能来展厅看样",
    ],
)
def test_the_customer_able_to_come_over_on_a_day_plans_that_day(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("next_followup", {}).get("date") in ("2026-03-18", "2026-03-19")


def test_an_answer_owed_by_a_day_is_still_no_plan(extractor: Extractor) -> None:
    _, slots = _read(extractor, "张总电话里说下周三之前可以给答复")
    assert slots.get("next_followup") is None


# ---- the one a call was made with, said with 是…的 after a function: "电话是跟采购刘莉打的" ----------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("搞错了 电话是跟他们行政周敏打的 不是何经理", "周敏"),
        ("说错了 是跟采购刘莉打的电话 不是王总", "刘莉"),
    ],
)
def test_the_one_called_said_with_是_的_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("contact_name") == name
