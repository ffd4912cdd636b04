"""Kinds of conversation seen on study18 (an automation-parts distributor), replayed through the real
bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

# ---- stage news with no customer named, right after a report -----------------------------------------


async def test_stage_news_naming_no_customer_after_a_report_is_one_more_follow_up_on_it(
    runner: Runner,
) -> None:
    turns = says(
        "今天去了趟仁和，周主任说彩超方案没问题，让我把价格报过去",
        "报价单刚发过去了 一共3台 单价45万 👍",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "stage": "报价",
         "last_followup": last("visit", "周")},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_stage_news_naming_no_customer_with_no_report_before_is_asked_about(runner: Runner) -> None:
    turns = says("报价单刚发过去了 一共3台 单价45万 👍")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_stage_news_naming_another_customer_after_a_report_moves_that_one(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超方案没问题", "慈济那边报价单刚发过去了")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "需求确认"},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "报价"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a voice report with no punctuation: "刚从X出来" and the customer's own new project ---------------


async def test_a_voice_report_from_the_customer_just_left_keeps_every_fact_and_its_correction(
    runner: Runner,
) -> None:
    turns = says(
        "刚从仁和出来周主任说他们下半年有个新院区要开彩超和移动DR都要量比较大预算大概在两百万到三百万之间"
        "让我下周二过去跟他们设备科再对一下参数",
        "不对 是下周三上午",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:3"), "products_include": ["台式彩超", "移动DR"],
         "budget": [2000000, 3000000]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_the_customer_just_left_is_found_by_its_short_name_without_a_contact(runner: Runner) -> None:
    turns = says("刚从慈济出来 他们下半年有个新院区 腹腔镜想再上一套 下周四再过去")
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("visit"),
         "next_followup": plan("next_week:4")},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
