"""Kinds of conversation seen on study24 (enterprise telecom), replayed through the real bot with
made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a plan naming a customer reported a few messages before --------------------------------------------


async def test_a_plan_naming_a_customer_just_reported_sets_its_plan_across_another_report(
    runner: Runner,
) -> None:
    turns = says(
        "今天去了趟仁和 周主任说彩超想上两台",
        "顺便去慈济坐了会 陆院长说腹腔镜等预算批下来再定",
        "仁和那个下周一下午两点我带报价过去",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华"),
         "next_followup": plan("next_week:1", "14:00")},
        {"company": "无锡慈济医院", "followups_added": 1, "next_followup": None},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_plan_naming_a_customer_not_reported_sets_its_next_contact_only(runner: Runner) -> None:
    # (a plan alone is no contact: it sets the plan and records none, test_conversation_kinds_plan_alone)
    turns = says("今天去了趟仁和 周主任说彩超想上两台 下周三再去", "慈济那个下周一下午两点我带报价过去")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "followups_added": 0, "next_followup": plan("next_week:1", "14:00")},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- an official called by surname and a short office ---------------------------------------------------


async def test_an_official_called_by_a_short_office_is_the_contact_of_their_bureau(runner: Runner) -> None:
    bureau = row("无锡市市场监督管理局", "无锡", "喻海", "副局长", "13900000011", "台式彩超", "谈判")
    turns = says("喻局那边上午一起吃了个饭 彩超的事基本定了 就等上会", "下下周二上午九点半再去局里")
    expect = [
        {"company": "无锡市市场监督管理局", "followups_added": 1, "last_followup": last("visit", "喻海"),
         "next_followup": plan("week_after_next:2", "09:30")},
    ]  # fmt: skip
    await assert_right(runner, [bureau, RENHE], turns, expect)
