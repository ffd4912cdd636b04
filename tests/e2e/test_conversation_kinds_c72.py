"""Kinds of conversation seen on the held-out conversations seventy-two (pest control, Wuhan speech,
managers asking first), replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

pytestmark = pytest.mark.usefixtures("runner")

# A customer the finders see by no organisation word: only the book knows it.
JINHUI = row("常州金汇康复医院", "常州", "任洁", "院办主任", "13900000003", "移动DR", "报价")


# ---- a manager asks about two customers in one question: a card for each, nothing changes ---------------


@pytest.mark.parametrize("asked", ["林娜，仁和和慈济这两家现在么样了？", "慈济、仁和两家现在到哪一步了"])
async def test_two_customers_asked_side_by_side_get_a_card_each(runner: Runner, asked: str) -> None:
    turns = [{"as": "zhangwei", "text": asked, "reply_has": ["苏州仁和医院", "无锡慈济医院"]}]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- the last contact's day asked, in Wuhan speech, after calling the rep: that customer's card ----------


async def test_the_last_contact_s_day_asked_shows_the_card(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "伙计，金汇康复最近一次是么时候跟的咧？", "reply_has": ["金汇康复"]}]
    expect = [
        {"company": "常州金汇康复医院", "followups_added": 0, "stage": "报价"},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [JINHUI, RENHE], turns, expect)


# ---- the contract signed and the work starting at an hour: that start is the next contact ---------------


async def test_work_starting_at_an_hour_after_signing_is_the_next_contact(runner: Runner) -> None:
    turns = says("今天上午去慈济把合同签了，陆院长签的字，下周三下午两点开始进场安装")
    expect = [
        {
            "company": "无锡慈济医院",
            "followups_added": 1,
            "stage": "签约",
            "last_followup": last("visit", "陆"),
            "next_followup": plan("next_week:3", "14:00"),
        },
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
