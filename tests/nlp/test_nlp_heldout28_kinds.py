"""Kinds of failure seen on the heldout28 corpora (kitchen exhaust cleaning in Sichuan colloquial;
laboratory animals and CRO services), each tested with made-up sentences of other trades and names
(the shared software / manufacturing catalog), with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- the bot's use asked in Sichuan 咋个, in English "how to", or of "bot" ----


@pytest.mark.parametrize(
    "text",
    [
        "这个助手咋个用哦",
        "咋个录客户嘛",
        "how to 录一个新客户",
        "How do I add a lead?",
        "bot可以导入表格不",
    ],
)
def test_the_bots_use_asked_in_other_words(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


def test_how_to_told_of_a_customer_stays_a_report(extractor: Extractor) -> None:
    intent, _ = read(extractor, "今天在华丰印务给徐主任演示了数控机床咋个用，他说下个月定")
    assert intent == "log_followup"


# ---- a day's calls asked as 要打的电话有哪些 ----


def test_a_days_calls_asked_with_de(extractor: Extractor) -> None:
    assert read(extractor, "明天我要回的电话有哪些？")[0] == "query_today"


# ---- a count of a past period asked: 上周 is no purchase of a few ----


def test_a_count_of_last_week_asked(extractor: Extractor) -> None:
    assert read(extractor, "帮我查下部门上月签了几个单子")[0] == "query_stats"


# ---- a count asked in English ----


def test_a_count_asked_in_english(extractor: Extractor) -> None:
    assert read(extractor, "how many new leads did the team get last week?")[0] == "query_stats"


def test_how_much_about_a_named_customer_is_not_a_count(extractor: Extractor) -> None:
    assert read(extractor, "how much budget does 华丰印务 have? 徐主任说再等等")[0] != "query_stats"


# ---- the asker named in English (my, I) in a query ----


@pytest.mark.parametrize("text", ["list my overdue customers", "how many deals did I sign last month?"])
def test_the_asker_in_english_is_me(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("scope") == "me"


# ---- a budget given by parts, then its whole ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("拜访了华丰印务徐主任，预算分两期：一期数控机床20万，二期40万，合计60万", [600000, 600000]),
        ("给华丰印务打了电话，预算：设备约50万，软件约30万，总盘子80万左右。下周再报", [800000, 800000]),
    ],
)
def test_a_budget_in_parts_takes_its_whole(extractor: Extractor, text: str, budget: list[int]) -> None:
    assert read(extractor, text)[1]["budget"] == budget


def test_a_count_after_the_budget_is_no_whole(extractor: Extractor) -> None:
    slots = read(extractor, "拜访了华丰印务徐主任，预算30万，一共要两台数控机床")[1]
    assert slots["budget"] == [300000, 300000]
