"""Kinds of conversation seen on conversations_twenty (office furniture), replayed through the real bot
with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

# ---- a correction: the new day said by 改X after a reason that has a day of its own ----------------------


async def test_a_change_after_a_reason_with_a_day_moves_the_plan(runner: Runner) -> None:
    turns = says(
        "仁和周主任刚来电话 彩超的参数他们看过了 明天上午我过去一趟",
        ("哎不对 明天上午他们院里开会 改周五上午吧", ["已更正"]),
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("this_week:5")}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a correction: the rep's slip owned at the end, after the right value ---------------------------------


async def test_a_slip_owned_at_the_end_corrects_the_budget(runner: Runner) -> None:
    turns = says(
        "今天拜访了仁和周主任，彩超预算六十万，下周三再去",
        ("哦对了 周主任说的是六十五万 我记错了", ["已更正"]),
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "budget": [650000, 650000],
         "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a trial the customer held on their own, told over a channel; a given name of 一 -----------------------


async def test_a_trial_told_on_wechat_is_an_online_follow_up(runner: Runner) -> None:
    turns = says("仁和周主任刚微信说彩超样机他们试用了 图像挺清楚 下周一我把报价送过去")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("online", "周"),
         "next_followup": plan("next_week:1")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_new_lead_s_founder_named_with_一_is_its_contact(runner: Runner) -> None:
    turns = says(
        "新客户：杭州康宁口腔门诊部有限公司，今天下午去滨江见了他们创始人曹一鸣，电话13957100321。想上两台彩超"
    )
    expect = [
        {"company": "杭州康宁口腔门诊部有限公司", "contacts_include": ["曹一鸣"],
         "last_followup": last("visit", "曹")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)
