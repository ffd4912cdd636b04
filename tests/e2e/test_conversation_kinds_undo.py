"""More kinds of conversation, replayed through the real bot with made-up sentences: a correction that
names the person met instead (the record's contact follows it), and undoing a stage move a report made
by mistake."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

pytestmark = pytest.mark.usefixtures("runner")


# ---- a correction naming the person met instead -----------------------------------------------------


async def test_a_correction_naming_another_customer_s_contact_moves_the_record_to_that_person(
    runner: Runner,
) -> None:
    turns = says(
        "今天下午去了常州明康医院，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去",
        "说错了 是周主任 不是邹主任",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_correction_said_as_the_answer_to_which_customer_names_the_person_met(runner: Runner) -> None:
    turns = says(
        "今天下午去了苏州和康医院，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去",
        "说错了 是周主任 不是邹主任",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


@pytest.mark.parametrize("fix", ["不是邹主任，是周主任", "说错了 不是邹主任 是周主任", "是周主任 不是邹主任"])
@pytest.mark.parametrize("where", ["苏州和康医院", "常州明康医院"])
async def test_a_correction_naming_the_person_met_reads_the_new_one_in_either_order(
    runner: Runner, fix: str, where: str
) -> None:
    # Old first or new first, after "是哪个客户？" (和康 is no customer) or after a record made
    # on another customer (明康): the person said not to be the one is never read as the contact.
    turns = says(f"今天下午去了{where}，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去", fix)
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_person_said_not_to_be_the_one_is_still_the_contact_when_no_other_is_named(
    runner: Runner,
) -> None:
    # "不是周主任不同意" denies what the person did, not who they are: still the person met.
    turns = says("今天去仁和见了周主任，不是周主任不同意，是院里预算还没批，下周二上午再过去")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_an_answer_naming_another_person_keeps_the_person_the_report_met(runner: Runner) -> None:
    turns = says(
        "今天下午去了苏州和康医院，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去",
        "仁和，周主任那边",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "邹")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- undoing a stage move made by mistake ---------------------------------------------------------

PLANNED = "仁和周主任那边下周三上午过去演示"
LOST_ON_RENHE = "上午去仁和见了周主任，彩超他们最后定了别家，这单没了"


async def test_the_stage_said_back_undoes_the_lost_deal_and_gives_back_its_plan(runner: Runner) -> None:
    for fix in ("不对，阶段是需求确认", "说错了 阶段应该是需求确认"):
        turns = says(PLANNED, LOST_ON_RENHE, (fix, ["需求确认"]))
        expect = [
            # (the plan alone records no follow-up; the visit that lost the deal does)
            {"company": "苏州仁和医院", "followups_added": 1, "stage": "需求确认",
             "next_followup": plan("next_week:3")},
        ]  # fmt: skip
        await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_another_stage_said_after_a_lost_deal_reopens_it_there(runner: Runner) -> None:
    turns = says(PLANNED, LOST_ON_RENHE, "不对，阶段是报价")
    expect = [{"company": "苏州仁和医院", "stage": "报价", "next_followup": plan("next_week:3")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_the_lost_deal_said_to_be_another_customer_s_moves_there_and_is_undone_here(
    runner: Runner,
) -> None:
    turns = says(PLANNED, LOST_ON_RENHE, ("搞错了，是慈济那单没了", ["慈济"]))
    expect = [
        {"company": "苏州仁和医院", "stage": "需求确认", "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "stage": "输单"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_other_news_on_another_customer_after_a_lost_deal_leaves_the_lost_deal(runner: Runner) -> None:
    turns = says(PLANNED, LOST_ON_RENHE, "对了，慈济那单签了")
    expect = [
        {"company": "苏州仁和医院", "stage": "输单", "next_followup": None},
        {"company": "无锡慈济医院", "stage": "签约"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


@pytest.mark.parametrize("news", ["仁和那单丢了", "仁和那边输单了，被别家拿走了"])
async def test_stage_news_with_no_record_said_to_be_another_customer_s_is_undone_on_the_first(
    runner: Runner, news: str
) -> None:
    # The 输单 was stage news alone (no follow-up record): the correction still moves it.
    turns = says(PLANNED, news, ("搞错了，是慈济那单丢了", ["慈济", "已撤销"]))
    expect = [
        {"company": "苏州仁和医院", "stage": "需求确认", "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "stage": "输单"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


@pytest.mark.parametrize("more", ["慈济那单也丢了", "搞错了，慈济那单签了"])
async def test_other_stage_news_after_a_lost_deal_leaves_it_lost(runner: Runner, more: str) -> None:
    # No correction marker ("也"), or another stage than the one moved: both are news of their own.
    turns = says("仁和那单丢了", more)
    expect = [{"company": "苏州仁和医院", "stage": "输单"}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
