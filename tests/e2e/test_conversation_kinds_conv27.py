"""Kinds of conversation seen on the held-out conversations twentyseven (school and campus supplier),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import RENHE, assert_right, last, plan, row, says

# ---- a numbered school by its city and number, a public body by its abbreviation ----------------------

SCHOOL = row("苏州市第十中学", "苏州", "顾文静", "校医室主任", "13900000061", "便携彩超", "初筛")
HEALTH = row(
    "无锡市惠山区卫生健康委员会", "无锡", "钱志刚", "规划财务科科长", "13900000062", "移动DR", "谈判"
)


async def test_a_numbered_school_by_its_city_and_number_links_the_lead(runner: Runner) -> None:
    turns = says("苏州十中顾主任刚打电话来问掌超的价格 我明天把报价发给她")
    expect = [{"company": "苏州市第十中学", "followups_added": 1, "last_followup": last("call", "顾"),
               "next_followup": plan("today+1"), "products_include": ["便携彩超"]},
              {"company": "苏州十中", "absent": True}]  # fmt: skip
    await assert_right(runner, [SCHOOL], turns, expect)


async def test_a_public_body_by_its_abbreviation_takes_the_stage_news(runner: Runner) -> None:
    turns = says("太好了 惠山卫健委移动DR那个标我们中了 合同下午也签了")
    expect = [{"company": "无锡市惠山区卫生健康委员会", "stage": "签约"},
              {"company": "惠山卫健委", "absent": True}]  # fmt: skip
    await assert_right(runner, [HEALTH], turns, expect)


# ---- a trial the customer held, told in their reply by a channel: an online contact ---------------------


async def test_a_trial_told_in_a_wechat_reply_is_an_online_contact(runner: Runner) -> None:
    turns = says("仁和周主任刚微信回我了 彩超她们科室试用了十来天说还行 想再便宜点")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("online", "周")}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a correction to a deputy named by surname, then the full name and phone on their own ---------------


async def test_a_correction_to_a_deputy_takes_the_full_name_written_after(runner: Runner) -> None:
    turns = says(
        "仁和周主任刚打电话来 腔镜要再报一次价 我下周二上午去一趟",
        "哦不对 电话是他们的何副院长打的 何秀兰 13900000088 周主任休假了",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "何秀兰"),
               "contacts_include": ["何秀兰"], "next_followup": plan("next_week:2")}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)
