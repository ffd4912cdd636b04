"""Kinds of conversation seen on the held-out conversations fortytwo (online marketing agency), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a plan after a tilde of tone -----------------------------------------------------------------------


async def test_a_plan_said_after_a_tilde_is_the_next_follow_up(runner: Runner) -> None:
    turns = says(
        "今天上午去仁和见了周主任，彩超想先试用一个月，顺便问了下DR能不能一起上～后天上午十点我把资料发他邮箱"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("today+2", "10:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a lost deal re-opened: the new quote handed on the spot, a quarter's amount ------------------------

LOST = row("无锡慈济医院", "无锡", "陆文", "院长", "13900000002", "腹腔镜", "输单")


async def test_a_quote_handed_on_the_spot_reopens_a_lost_deal_with_a_quarter_s_budget(runner: Runner) -> None:
    turns = says(
        "慈济又找回来了 陆院长说之前那家售后跟不上。今天下午去院里坐了会儿，新的报价单当场给她了，"
        "腹腔镜维保一个季度6万，下周四再电话确认"
    )
    expect = [
        {"company": LOST["公司"], "followups_added": 1, "stage": "报价", "budget": [60000, 60000],
         "next_followup": plan("next_week:4")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, LOST], turns, expect)


# ---- a lawyer or a school's head called by surname and the title's first character -----------------------

SCHOOL = row("苏州卫生职业技术学院", "苏州", "钱立新", "校长", "13900000421", "移动DR", "报价")
CLINIC = row("无锡华信体检中心", "无锡", "顾明", "法务律师", "13900000422", "台式彩超", "需求确认")


async def test_a_school_s_head_called_by_surname_and_校_is_the_contact(runner: Runner) -> None:
    turns = says("苏州卫生职业技术学院那单黄了 钱校刚在电话里说最后还是买了别家的，价格低一截")
    expect = [{"company": SCHOOL["公司"], "followups_added": 1, "last_followup": last("call", "钱立新")}]
    await assert_right(runner, [SCHOOL, CLINIC], turns, expect)


async def test_a_lawyer_called_by_surname_and_律_is_the_contact(runner: Runner) -> None:
    turns = says("华信体检中心顾律刚在微信上说合同条款还要再改一下，下周二我过去")
    expect = [
        {"company": CLINIC["公司"], "followups_added": 1, "last_followup": last("online", "顾明"),
         "next_followup": plan("next_week:2")},
    ]  # fmt: skip
    await assert_right(runner, [SCHOOL, CLINIC], turns, expect)
