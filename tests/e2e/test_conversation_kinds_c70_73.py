"""Kinds of conversation seen on the held-out conversations seventy (freight forwarding, English mixed in)
and seventy-three (doors and windows, Shaanxi speech), replayed through the real bot with made-up
sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, says

pytestmark = pytest.mark.usefixtures("runner")

UNTOUCHED = [
    {"company": "苏州仁和医院", "followups_added": 0},
    {"company": "无锡慈济医院", "followups_added": 0},
]


# ---- a member's customers asked as how far they all are, not one customer ------------------------------


async def test_a_manager_asking_how_far_a_rep_s_customers_are_gets_the_rep_s_book(runner: Runner) -> None:
    asked = "林娜手上的客户现在都走到哪一步了？列一下"
    turns = [{"as": "zhangwei", "text": asked, "reply_has": ["仁和", "慈济"]}]
    await assert_right(runner, [RENHE, CIJI], turns, UNTOUCHED)


async def test_a_rep_s_customers_in_a_city_then_another_city_s_are_both_listed(runner: Runner) -> None:
    turns = says(("我苏州那几个客户现在都啥阶段了？", ["仁和"]), ("无锡的呢 🤔", ["慈济"]))
    await assert_right(runner, [RENHE, CIJI], turns, UNTOUCHED)
    outcome = await runner.run({"id": "kind", "leads": [RENHE, CIJI], "turns": turns, "expect": UNTOUCHED})
    first, second = (turn.reply for turn in outcome.turns)
    assert "慈济" not in first and "仁和" not in second  # each city's own


async def test_another_city_asked_after_no_question_of_a_book_is_no_list(runner: Runner) -> None:
    turns = says("今天去仁和见了周主任，彩超还在比价", ("无锡的呢", ["帮"]))
    expect = [{"company": "苏州仁和医院", "followups_added": 1}, UNTOUCHED[1]]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- Shaanxi 额 (I) after what it did, and the first lot sent, in a report ------------------------------


async def test_a_shaanxi_quote_sent_after_its_noun_moves_the_stage(runner: Runner) -> None:
    turns = says("今天去仁和跟周主任把彩超配置定咧，报价单额已经发过去咧")
    expect = [
        {
            "company": "苏州仁和医院",
            "followups_added": 1,
            "stage": "报价",
            "last_followup": last("visit", "周"),
        },
        UNTOUCHED[1],
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_the_first_lot_sent_to_the_customer_is_delivered(runner: Runner) -> None:
    turns = says("慈济第一批腹腔镜今天已经发走了，陆院长电话里说很满意")
    expect = [
        {
            "company": "无锡慈济医院",
            "followups_added": 1,
            "stage": "交付",
            "last_followup": last("call", "陆"),
        },
        UNTOUCHED[0],
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
