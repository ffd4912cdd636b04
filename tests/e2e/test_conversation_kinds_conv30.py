"""Kinds of conversation seen on the held-out conversations thirty (hazardous-waste services), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# A customer whose contact has a rare surname that is also an everyday word (诸, 过, 费).
HUAYI = row("无锡华屹骨科医院", "无锡", "诸立群", "院长", "13900000081", "钉棒系统", "报价")


async def test_a_product_word_beside_a_person_by_surname_and_title_is_no_customer(runner: Runner) -> None:
    turns = says("诸院长刚刚电话里说啊钉棒那个价他们院里还要再商量一下嗯让我周五上午十点再给他打过去")
    expect = [{"company": "无锡华屹骨科医院", "followups_added": 1, "stage": "报价",
               "last_followup": last("call", "诸"), "next_followup": plan("this_week:5", "10:00")},
              {"company": "钉棒", "absent": True}]  # fmt: skip
    await assert_right(runner, [HUAYI, CIJI], turns, expect)


async def test_a_bare_swap_of_the_name_just_logged_renames_the_contact(runner: Runner) -> None:
    turns = says(
        "今天去仁和 换了个新的对接人 设备科助理方婷 电话13912345670 下周一上午去送资料",
        "不是方婷 是房霆 输入法打的",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "房霆"),
               "contacts_include": ["房霆", "周建华"]}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_bare_swap_of_the_day_just_logged_with_a_reason_moves_the_plan(runner: Runner) -> None:
    # (already right before: kept so that the swap of a name stays apart from a day's)
    turns = says(
        "仁和周主任刚电话说彩超的参数确认了 下周二上午我过去", "不是下周二 是下周四 周二他们院里检查"
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:4")}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_bare_swap_of_the_amount_just_logged_with_a_reason_fixes_the_budget(runner: Runner) -> None:
    # (already right before, as the day's)
    turns = says("仁和周主任刚电话说彩超预算六十万 下周二上午我过去", "不是六十万 是九十万 语音转的")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "budget": [900000, 900000]}]
    await assert_right(runner, [RENHE], turns, expect)
