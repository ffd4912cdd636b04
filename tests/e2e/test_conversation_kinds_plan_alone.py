"""A message that only says when the rep will contact a customer plans a follow-up and records none;
replayed through the real bot with made-up sentences of a medical equipment distributor."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says


async def test_a_plan_alone_on_a_known_customer_sets_its_next_contact_and_adds_no_follow_up(
    runner: Runner,
) -> None:
    turns = says("明天上午我先给周主任打个电话认识一下")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0, "next_followup": plan("today+1")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_plan_after_words_the_customer_said_is_a_contact_that_happened(runner: Runner) -> None:
    turns = says("仁和周主任说这周开会定 我下周四再打给他")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:4")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_contact_reported_with_its_plan_is_still_one_follow_up(runner: Runner) -> None:
    turns = says("今天跟慈济陆院长通了电话 下周三上午再去")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "陆"),
         "next_followup": plan("next_week:3")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_plan_alone_asked_about_keeps_being_a_plan_after_the_answer(runner: Runner) -> None:
    two = row("无锡仁和门诊部", "无锡", "邹兰", "主任", "13900000009", "台式彩超", "初筛")
    turns = says(("下周二去仁和拜访一下", ["哪个客户"]), "苏州那个")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0, "next_followup": plan("next_week:2")},
        {"company": "无锡仁和门诊部", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, two], turns, expect)
