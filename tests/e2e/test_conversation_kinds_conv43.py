"""Kinds of conversation seen on the held-out conversations fortythree (solar irrigation), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, row, says

# A contact stored with a transliterated full name (given part, middle dot, family part).
HOSP = row(
    "伊犁州伊宁市康泰民营医院有限公司", "伊犁", "艾尔肯·吐尔逊", "院长", "13900000431", "台式彩超", "需求确认"
)
OTHER = row("克拉玛依市白碱滩区仁和诊所", "克拉玛依", "周建平", "主任", "13900000432", "腹腔镜", "初筛")


async def test_a_transliterated_contact_named_by_the_given_part_finds_the_customer(runner: Runner) -> None:
    # No company named: the given part before the dot names the contact, and so the customer.
    turns = says("艾尔肯院长今天电话里说彩超的方案他们看过了，下周三我再打过去问问")
    expect = [
        {"company": HOSP["公司"], "followups_added": 1, "last_followup": last("call", "艾尔肯")},
        {"company": OTHER["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HOSP, OTHER], turns, expect)
