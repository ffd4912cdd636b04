"""Kinds of conversation seen on the held-out conversations sixty-two (an accounting and tax agency:
formal reports to the manager, pinyin-initial shorthand), replayed through the real bot with made-up
sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

HUAKANG_SZ = row("苏州华康医院", "苏州", "钱建国", "设备科主任", "13900000621", "台式彩超", "需求确认")
HUAKANG_WX = row("无锡华康康复医院", "无锡", "孙丽", "院长", "13900000622", "移动DR", "初筛")

# ---- an answer picking by the city, then what the place is, then who was met ----------------------------


async def test_a_city_pick_with_the_kind_of_place_and_the_contact_completes_it(runner: Runner) -> None:
    turns = says(
        ("华康那边今天下午去坐了坐 下周一上午十点再过去细聊", ["哪个"]),
        "无锡那个康复医院 见的孙院长",
    )
    expect = [
        {"company": HUAKANG_WX["公司"], "followups_added": 1, "last_followup": last("visit", "孙"),
         "next_followup": plan("next_week:1", "10:00")},
        {"company": HUAKANG_SZ["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


# ---- the wrong customer corrected after a long apology ----------------------------------------------------


async def test_a_customer_corrected_after_a_long_apology_moves_the_whole_record(runner: Runner) -> None:
    turns = says(
        "张经理您好，今天上午我上门拜访了仁和医院，彩超的报价对方基本认可，下周三上午十点我再过去签合同。",
        "非常抱歉，刚才客户写错了，上午去的是慈济医院，不是仁和医院，见的是陆院长，其余内容都没有问题。",
    )
    expect = [
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆"),
         "next_followup": plan("next_week:3", "10:00")},
        {"company": RENHE["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a report on two customers, then the first one's contact corrected ------------------------------------


async def test_the_first_customer_of_a_two_customer_report_is_corrected_not_logged(runner: Runner) -> None:
    turns = says(
        "张经理，您好！今天工作汇报如下：一、上午拜访了仁和医院，与周主任面谈了彩超的配置，拟于下周一上午十点再去。"
        "二、下午电话联系了慈济医院陆院长，腹腔镜的报价单已发送，我拟于3天后电话回访。",
        "更正：上午在仁和医院见到的不是周主任，是他们的设备科副主任杭晓东，周主任出差了。",
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "杭晓东"),
         "next_followup": plan("next_week:1", "10:00")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("call", "陆"), "stage": "报价"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- the manager addressed in a correction is no new contact ----------------------------------------------


async def test_the_manager_apologised_to_in_a_correction_is_no_contact(runner: Runner) -> None:
    turns = says(
        "张经理好，今天上午我拜访了慈济医院陆院长，腹腔镜的年度预算为30万至50万元，下周二下午两点再去。",
        "不好意思张经理，更正一下：陆院长说的预算是30万至40万元，不是50万，是我刚才写错了。",
    )
    expect = [
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆"),
         "budget": [300000, 400000], "next_followup": plan("next_week:2", "14:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
