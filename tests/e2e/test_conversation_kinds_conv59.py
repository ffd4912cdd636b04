"""Kinds of conversation seen on the held-out conversations fifty-nine (property management and facility
services, tender words), replayed through the real bot with made-up sentences of a medical equipment
distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

# ---- a bare amount corrected, then the plan the rep adds in the same message ------------------------------


async def test_a_budget_corrected_with_the_next_plan_after_it_sets_both(runner: Runner) -> None:
    # the first report leaves "when next?" open; the correction answers it too, but is still the correction
    turns = says(
        "今天电话跟慈济陆院长聊了，腹腔镜一年的耗材预算报的是30万",
        "更正一下，是38万，刚才记岔了。大后天上午十点过去送合同",
    )
    expect = [{"company": CIJI["公司"], "followups_added": 1, "last_followup": last("call", "陆"),
               "budget": [380000, 380000], "next_followup": plan("today+3", "10:00")}]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
