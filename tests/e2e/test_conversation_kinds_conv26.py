"""Kinds of conversation seen on the held-out conversations twentysix (robot integrator, Cantonese-flavoured
turns), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

# ---- Cantonese function words (咗, 嘅, 唔, 佢, 系, 啱啱, 而家...) read as their Mandarin -----------


async def test_a_cantonese_visit_meeting_a_new_person_at_a_known_customer(runner: Runner) -> None:
    turns = says(
        "今日下昼去咗慈济，见咗佢哋新嚟嘅设备科长，叫骆家明，电话13900000077，佢话腹腔镜想换新嘅，"
        "下礼拜四再约佢倾"
    )
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("visit", "骆"),
               "next_followup": plan("next_week:4"), "contacts_include": ["骆家明", "陆文"]}]  # fmt: skip
    await assert_right(runner, [CIJI], turns, expect)


async def test_a_cantonese_slip_corrects_the_contact(runner: Runner) -> None:
    turns = says("今天去了仁和 跟吴主任聊了彩超 下周三再约", "哎讲错咗 系周主任 唔系吴主任")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
               "next_followup": plan("next_week:3")}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_cantonese_slip_moves_the_record_to_the_other_customer(runner: Runner) -> None:
    turns = says(
        "仁和今天下午开了个视频会，过了一遍腹腔镜方案，下周一发报价过去",
        "唔好意思发错咗，啱啱嗰条系慈济嘅，唔系仁和",
    )
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("online"),
         "next_followup": plan("next_week:1")},
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_cantonese_call_with_their_visit_to_us_booked(runner: Runner) -> None:
    turns = says("啱啱同仁和周主任通咗电话，佢约咗下礼拜五下午三点嚟公司睇彩超样机")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "周"),
               "next_followup": plan("next_week:5", "15:00")}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_managers_cantonese_question_adds_no_followup(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "仁和而家乜嘢情况", "reply_has": ["苏州仁和医院"]}]
    expect = [{"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- another contact with the customer as a whole names nobody; one pointing at the person is theirs ----


async def test_another_call_from_them_as_a_whole_names_no_contact(runner: Runner) -> None:
    turns = says(
        "今天上午去仁和见了周主任，彩超预算八十万左右，下周四上午十点再过去",
        "刚刚佢哋又打咗个电话嚟，话想加一台便携彩超",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", None),
               "products_include": ["台式彩超", "便携彩超"]}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_another_call_from_him_keeps_the_contact(runner: Runner) -> None:
    turns = says(
        "今天上午去仁和见了周主任，彩超预算八十万左右，下周四上午十点再过去",
        "刚刚他又打了个电话来，说想加一台便携彩超",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "周")}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- the customer's answer owed by a day beside the rep's own plan -----------------------------------


async def test_the_customers_answer_by_a_day_leaves_the_reps_plan(runner: Runner) -> None:
    turns = says(
        "上午和慈济陆院长电话沟通：腹腔镜的报价已经上会，对方表示下个月20号之前给最终答复。"
        "我这边计划下周二下午三点带工程师再上门一次。"
    )
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "陆"),
               "next_followup": plan("next_week:2", "15:00")}]  # fmt: skip
    await assert_right(runner, [CIJI], turns, expect)
