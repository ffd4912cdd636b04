"""Kinds of conversation seen on the held-out conversations fortyfive (industrial gases, Northeast
colloquial), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

BAIYUN = row("苏州白云口腔门诊部", "苏州", "蒯志强", "院长", "13900000451", "便携彩超", "需求确认")
XINKANG = row("苏州新康骨科医院", "苏州", "滕玉梅", "设备科主任", "13900000452", "锁定接骨板", "初筛")


async def test_a_customer_mixed_up_said_with_串_moves_the_record_and_its_plan(runner: Runner) -> None:
    # 串 (整串了, 记串了) says two things were mixed up, after an interjection (嗐, 唉) the marker still opens
    turns = says(
        "刚从白云出来 院长说便携彩超想再加一台 下周三下午两点再去",
        "唉 记串了 刚才那个是新康 不是白云 滕主任那边",
    )
    expect = [
        {"company": XINKANG["公司"], "followups_added": 1, "last_followup": last("visit", "滕"),
         "next_followup": plan("next_week:3", "14:00"), "products_include": ["便携彩超"]},
        {"company": BAIYUN["公司"], "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [BAIYUN, XINKANG], turns, expect)
