"""Kinds of conversation seen on the held-out conversations twentyeight (food-ingredient wholesale) and
twentynine (office furniture and fitout), replayed through the real bot with made-up sentences of a
medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import RENHE, assert_right, last, plan, row, says

FIRM = row("苏州致远律师事务所", "苏州", "方晓", "行政主管", "13900000071", "便携彩超", "初筛")


async def test_a_record_moved_to_a_law_firm_said_short(runner: Runner) -> None:
    turns = says(
        "仁和那边刚微信聊完 台式彩超要两台 约了他们下周三下午两点来展厅看样机",
        "抱歉发错了 刚才那条是致远律所的 不是仁和",
    )
    expect = [{"company": "苏州致远律师事务所", "followups_added": 1, "last_followup": last("online"),
               "next_followup": plan("next_week:3", "14:00")},
              {"company": "苏州仁和医院", "followups_added": 0}]  # fmt: skip
    await assert_right(runner, [RENHE, FIRM], turns, expect)


async def test_another_call_from_the_same_person_is_a_second_record(runner: Runner) -> None:
    turns = says(
        "上午去仁和见了周主任 腹腔镜还在比", "晚上他又打过来 台式彩超也要报个价 明天上午十点我把报价发过去"
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "周建华"),
               "next_followup": plan("today+1", "10:00")}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_budget_of_two_things_together_is_a_ceiling(runner: Runner) -> None:
    turns = says("仁和周主任刚来电话 彩超要三台", "对了他说预算那块儿 两样加一块儿不超过八十万")
    expect = [{"company": "苏州仁和医院", "budget": [None, 800000]}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_titled_persons_deadline_on_the_phone_is_no_plan(runner: Runner) -> None:
    turns = says("仁和周主任电话里说下周四前定彩超的供应商 让我们等通知")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "周建华"),
               "next_followup": None}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_presentation_told_by_how_it_went_is_a_demo(runner: Runner) -> None:
    turns = says("仁和今天上午的方案汇报很顺利 周主任说彩超的配置没问题 我周五下午再过去")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("demo", "周建华")}]
    await assert_right(runner, [RENHE], turns, expect)
