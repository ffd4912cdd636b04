"""Kinds of conversation seen on study25 (ERP implementation services), replayed through the real bot
with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a remark on a competitor: drawn to it or put off by it ---------------------------------------------


@pytest.mark.parametrize("remark", ["他们院长对西门子有点心动 不过嫌贵", "周主任嫌西门子售后慢"])
async def test_a_liking_or_a_complaint_about_a_competitor_adds_no_follow_up(
    runner: Runner, remark: str
) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", remark)
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_competitor_with_a_new_want_is_still_one_more_follow_up(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "他们院长对西门子有点心动 还想加一台超声刀")
    expect = [{"company": "苏州仁和医院", "followups_added": 2}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a plan whose last clause tells what the rep takes along ----------------------------------------------


async def test_a_plan_then_what_the_rep_takes_along_sets_the_plan_only(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "下周三下午两点半再过去。带超声刀的样机一块")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:3", "14:30")}
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_plan_then_a_new_want_is_one_more_follow_up(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "下周三下午两点半再过去。他们还想看看超声刀")
    expect = [{"company": "苏州仁和医院", "followups_added": 2}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a lost deal reopened, its stage moved back outright ------------------------------------------


async def test_a_lost_deal_reopened_moves_back_to_the_stage_said(runner: Runner) -> None:
    lost = row("苏州仁和医院", "苏州", "周建华", "设备科主任", "13900000001", "台式彩超", "输单")
    turns = says("仁和又回来了 之前被西门子截胡了 今天周主任打电话说想重新谈 阶段先改回需求确认吧")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "stage": "需求确认",
               "last_followup": last("call", "周")}]  # fmt: skip
    await assert_right(runner, [lost], turns, expect)


# ---- the contact has left: the rep dealt with their successor -----------------------------------------


@pytest.mark.parametrize("gone", ["周主任走了，新来的设备科主任叫邵敏", "周主任已经离职了 新来的主任叫邵敏"])
async def test_a_contact_said_to_have_left_is_not_the_one_met(runner: Runner, gone: str) -> None:
    turns = says(f"仁和那边换人了 {gone} 今天上午去见了一下", "下午他又打电话过来 说想先看看超声刀")
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "邵")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_contact_who_walked_out_of_the_meeting_was_still_met(runner: Runner) -> None:
    turns = says("今天去了趟仁和，跟周主任聊了半小时周主任走了以后又见了设备科的人")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
