"""Kinds of conversation seen on study20 / study21 (forklifts, freight forwarding), replayed through the
real bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

KANGNING = row("常熟康宁医院", "苏州", "缑丽华", "采购", "13900000003", "腹腔镜", "初筛")


def wangqiang(text: str) -> dict[str, Any]:
    return {"as": "wangqiang", "text": text}


async def test_covering_a_colleague_called_by_nickname_logs_on_their_customer_with_his_plan(
    runner: Runner,
) -> None:
    turns = [
        wangqiang(
            "帮小林记一下 她手机没电了让我代发 今天上午她去仁和见了周主任 彩超预算80万 下周二下午三点她再过去"
        ),
        wangqiang("预算说错了 是70万 不是80"),
    ]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "周"), "next_followup": plan("next_week:2", "15:00"),
         "budget": [700000, 700000]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_contact_called_by_surname_and_kin_word_after_stage_news_is_their_customer(
    runner: Runner,
) -> None:
    turns = says("慈济被GE截胡了 😤", "缑姐那边刚打了个电话 腹腔镜要两台")
    expect = [
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "输单"},
        {"company": "常熟康宁医院", "followups_added": 1, "last_followup": last("call", "缑")},
    ]
    await assert_right(runner, [CIJI, KANGNING], turns, expect)


async def test_a_correction_naming_its_field_then_its_value_changes_that_field(runner: Runner) -> None:
    turns = says("周主任那边刚电话聊完 彩超要2台 预算80万", "不对 不是2台 是3台 预算也跟着改 120万左右")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "budget": [1200000, 1200000]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_remark_on_a_rival_after_a_plan_adds_no_follow_up(runner: Runner) -> None:
    turns = says(
        "仁和周主任刚通了电话 彩超下月要定",
        "下周二上午再打给他确认",
        "他还说之前西门子的售后太慢了 挺不满意的",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:2")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rival_named_with_a_new_want_is_still_a_follow_up(runner: Runner) -> None:
    turns = says("仁和周主任刚通了电话 彩超下月要定", "下午慈济陆院长电话说西门子的腹腔镜太贵了 想要我们的")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "陆")},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_quote_received_told_in_a_wechat_reply_is_an_online_follow_up_at_quote(
    runner: Runner,
) -> None:
    turns = says("仁和周主任微信回了 彩超的报价他收到了 说要给院长看下 估计下周给回复")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "报价",
         "last_followup": last("online", "周")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_demo_watched_at_our_office_is_a_demo(runner: Runner) -> None:
    turns = says("仁和那边周主任下午来公司看了彩超的demo 反馈不错")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("demo", "周")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
