"""Kinds of conversation seen on the held-out conversations twentyfour (truck dealer), replayed through the
real bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- the brand after the city's port names the customer ----------------------------------------------

MINGKANG = row("宁波港明康医院有限公司", "宁波", "邵立平", "设备科主任", "13900000041", "台式彩超", "报价")


async def test_the_brand_after_a_citys_port_links_the_lead(runner: Runner) -> None:
    turns = says("明康那边今天去了一趟 邵主任说彩超再让点 下周三下午两点再过去")
    expect = [
        {"company": "宁波港明康医院有限公司", "followups_added": 1, "last_followup": last("visit", "邵"),
         "next_followup": plan("next_week:3", "14:00")},
        {"company": "明康", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [MINGKANG], turns, expect)


# ---- a slip owned with 岔 (写岔了, 说岔了) corrects the contact; the person after a function and 的 -------


async def test_a_slip_said_with_cha_corrects_the_contact_to_the_full_name(runner: Runner) -> None:
    turns = says(
        "仁和今天上门了 跟周主任聊了腹腔镜 下周一上午再去",
        "说岔了，不是周主任，是他们器械科的魏科长魏永康，电话13900000099，周主任今天没在",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "魏"),
               "contacts_include": ["魏永康"], "next_followup": plan("next_week:1")}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


# ---- a northern day (今儿, 后晌) before going there is a visit, kept when the customer is corrected ------


async def test_a_northern_day_before_going_there_is_a_visit_kept_by_the_customer_correction(
    runner: Runner,
) -> None:
    turns = says(
        "今儿后晌去仁和了 聊了腹腔镜 下礼拜三上午十点再过去",
        "哎呀发错了！刚那条说的是慈济，不是仁和",
    )
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("visit"),
         "next_followup": plan("next_week:3", "10:00")},
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- the goods taken away by the customer: delivered ---------------------------------------------------

SIGNED = row("常州康华医院", "常州", "尹建军", "院长", "13900000042", "移动DR", "签约")


async def test_goods_taken_away_by_the_customer_are_delivered(runner: Runner) -> None:
    turns = says("康华那两台移动DR今儿都提走了 尹院长说用着挺顺手👍")
    expect = [{"company": "常州康华医院", "stage": "交付"}]
    await assert_right(runner, [SIGNED], turns, expect)
