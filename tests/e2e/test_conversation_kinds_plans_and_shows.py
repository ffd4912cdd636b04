"""Kinds of conversation seen on conversations_eight / conversations_nine (3D printing, corporate
events), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

# ---- a plan-only follow-on sets the plan of the record it follows -----------------------------------


async def test_a_plan_after_the_customer_s_own_timeline_sets_the_plan_of_the_record(runner: Runner) -> None:
    turns = says(
        "今天在仁和给周主任他们做了彩超的demo，效果还行，他们要内部讨论一下",
        "周主任说下周三之前给答复，我下周四上午再跟他确认",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("demo", "周"),
         "next_followup": plan("next_week:4")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_plan_with_a_deliverable_sets_the_plan_and_is_no_second_follow_up(runner: Runner) -> None:
    turns = says(
        "下午跟仁和周主任视频聊了下，彩超的方案他们基本认可",
        "下下周一之前把移动DR的报价补给他",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("online", "周"),
         "next_followup": plan("week_after_next:1"), "products_include": ["台式彩超", "移动DR"]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_new_want_after_the_plan_is_still_one_more_follow_up(runner: Runner) -> None:
    turns = says(
        "下午跟仁和周主任视频聊了下，彩超的方案他们基本认可",
        "下周一我再过去，对了他们还想看看移动DR",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "next_followup": plan("next_week:1"),
         "products_include": ["台式彩超", "移动DR"]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_want_with_no_plan_after_a_report_is_one_more_follow_up(runner: Runner) -> None:
    turns = says("下午跟仁和周主任视频聊了下，彩超的方案他们基本认可", "对了他们还想看看移动DR")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "products_include": ["台式彩超", "移动DR"]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a new lead met in person at a show or an event is a contact with it ----------------------------


async def test_a_new_lead_met_at_a_show_gets_a_visit_and_a_fact_after_it_one_more(runner: Runner) -> None:
    turns = says(
        "今天医疗器械博览会上认识了常熟康宁康复医院的院办主任沈丽 13900000077 想了解移动DR"
        " 我周五上午给她打电话",
        "对了她说他们下半年还有五十万左右的设备预算",
    )
    expect = [
        {"company": "常熟康宁康复医院", "followups_added": 2, "owner": "lina",
         "last_followup": last("visit", "沈"), "contacts_include": ["沈丽"], "budget": [500000, 500000],
         "products_include": ["移动DR"]},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_new_lead_only_passed_on_by_a_friend_is_an_entry_with_no_contact(runner: Runner) -> None:
    turns = says("朋友介绍了常熟康宁康复医院的院办主任沈丽 13900000077 想了解移动DR 我周五上午给她打电话")
    expect = [
        {"company": "常熟康宁康复医院", "followups_added": 0, "owner": "lina", "contacts_include": ["沈丽"]},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE], turns, expect)
