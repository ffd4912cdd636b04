"""Kinds of conversation seen on the held-out conversations sixtyfour (ready-mixed concrete, a report typed
in short fragments over several messages), replayed through the real bot with made-up sentences of another
trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

pytestmark = pytest.mark.usefixtures("runner")


# ---- a report typed in fragments: the contact first, then who, what, how much and when ----------------


async def test_a_report_in_fragments_is_one_follow_up(runner: Runner) -> None:
    turns = says(
        "下午去了趟仁和",
        "见了周主任",
        "超声刀那个……想先试用一台",
        "预算三十万左右",
        "下周四上午十点再过去",
    )
    expect = [
        {
            "company": "苏州仁和医院",
            "followups_added": 1,
            "last_followup": last("visit", "周"),
            "products_include": ["超声刀"],
            "budget": [300000, 300000],
            "next_followup": plan("next_week:4", "10:00"),
        },
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_call_in_fragments_is_one_follow_up(runner: Runner) -> None:
    turns = says("刚给陆院长打了个电话", "腹腔镜他们嫌贵", "预算卡在五十万以内")
    expect = [
        {
            "company": "无锡慈济医院",
            "followups_added": 1,
            "last_followup": last("call", "陆"),
            "budget": [None, 500000],
        },
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_another_kind_of_contact_after_a_fragment_is_its_own_follow_up(runner: Runner) -> None:
    turns = says("下午去了趟仁和", "见了周主任", "晚上周主任又打电话来 说超声刀也想要")
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "周")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_fragment_naming_another_customer_starts_its_own(runner: Runner) -> None:
    turns = says("下午去了趟仁和", "见了周主任", "慈济陆院长也见了 腹腔镜下个月定")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1},
        {"company": "无锡慈济医院", "followups_added": 1},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a price term in a fragment ("安装费按台算") names no customer ------------------------------------


async def test_a_charge_and_how_it_is_counted_stays_on_the_report(runner: Runner) -> None:
    turns = says("下午去了趟仁和", "见了周主任", "安装费按台算 两千块一台 他认了", "明天上午九点再过去")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("today+1", "09:00")},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
