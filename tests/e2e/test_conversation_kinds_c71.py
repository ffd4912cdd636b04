"""Kinds of conversation seen on the held-out conversations seventy-one (CNC machine tools, Sichuan speech,
voice-to-text run-ons), replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

pytestmark = pytest.mark.usefixtures("runner")

BOAI = row("无锡博爱医院", "无锡", "周明", "设备科主任", "13900000003", "64排CT", "需求确认")


# ---- a contact two customers share, the customer picked by what it buys ------------------------------


@pytest.mark.parametrize("answer", ["CT那家", "是64排CT那个"])
async def test_a_customer_picked_by_the_product_only_it_holds_gets_the_report(
    runner: Runner, answer: str
) -> None:
    turns = says(("周主任微信上回我了 说下周二上午可以过来看样机", ["哪"]), answer)
    expect = [
        {
            "company": "无锡博爱医院",
            "followups_added": 1,
            "last_followup": last("online", "周明"),
            "next_followup": plan("next_week:2"),
        },
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, BOAI], turns, expect)


# ---- the team's deals at a stage, asked by the manager; a customer's stage asked in Sichuan speech ----


async def test_a_manager_gets_the_team_s_deals_at_the_stage_asked(runner: Runner) -> None:
    turns: list[dict[str, Any]] = [
        {"as": "zhangwei", "text": "我们组需求确认阶段的单子有几家 是哪几家", "reply_has": ["仁和"]},
        {"as": "zhangwei", "text": "我们组现在在初筛阶段的单子有哪些 跟我列哈", "reply_has": ["慈济"]},
    ]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_customer_s_stage_asked_in_sichuan_speech_gets_its_card(runner: Runner) -> None:
    turns = says(("慈济现在是啥子阶段了 上回跟的啥子 我都搞忘了", ["初筛"]))
    expect = [{"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- the one called corrected to a new person of the customer's, with a phone -------------------------


async def test_the_one_called_corrected_to_a_new_person_moves_the_record(runner: Runner) -> None:
    turns = says(
        "仁和那边今天打电话给周主任了 彩超要加一个探头 后天上午再联系",
        "哦搞错了 电话是跟他们采购宋佳打的 不是周主任 宋佳电话13900000077",
    )
    expect = [
        {
            "company": "苏州仁和医院",
            "followups_added": 1,
            "last_followup": last("call", "宋"),
            "next_followup": plan("today+2"),
            "contacts_include": ["周建华", "宋佳"],
        },
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
