"""Kinds of conversation seen on the held-out conversations ninety-one (wind farm maintenance): the answer
to "是哪个客户？" that picks a listed customer by a short form of its name (its characters in order, a
county or district word left out), or by its number, and goes on with the rep's plan in the same message:
the kept report is recorded on that customer and gets the plan. Replayed through the real bot with made-up
sentences of another trade (cold-chain logistics)."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

TONGLI = row("苏州吴江区同里冷链物流有限公司", "苏州", "周建国", "运营经理", "13900000911", "冷库", "报价")
WANGTING = row(
    "苏州相城区望亭冷链仓储有限公司", "苏州", "周丽君", "仓储经理", "13900000912", "冷藏车", "初筛"
)


@pytest.mark.parametrize(
    "pick",
    [
        "吴江同里那个，我大后天下午两点过去当面再谈",
        "吴江同里的，大后天下午两点我过去当面再谈",
        "1，我大后天下午两点过去当面再谈",
        "第一个，大后天下午两点我过去一趟",
    ],
)
async def test_a_pick_with_the_plan_completes_the_kept_report(runner: Runner, pick: str) -> None:
    turns = says(("周经理下午来电话了，说冷库还在比价，嫌我们贵", ["哪个"]), pick)
    expect = [
        {"company": TONGLI["公司"], "followups_added": 1, "stage": "报价",
         "last_followup": last("call", "周建国"), "next_followup": plan("today+3", "14:00")},
        {"company": WANGTING["公司"], "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [TONGLI, WANGTING], turns, expect)


@pytest.mark.parametrize(
    "pick",
    [
        "苏州冷链那个，我大后天下午两点过去当面再谈",  # fits both names
        "3，我大后天下午两点过去当面再谈",  # no third one listed
    ],
)
async def test_a_pick_that_tells_none_apart_completes_nothing(runner: Runner, pick: str) -> None:
    # no pick: the report waits for its answer and the plan is put on neither listed customer
    turns = says(("周经理下午来电话了，说冷库还在比价，嫌我们贵", ["哪个"]), pick)
    expect = [
        {"company": TONGLI["公司"], "followups_added": 0},
        {"company": WANGTING["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [TONGLI, WANGTING], turns, expect)
