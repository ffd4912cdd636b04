"""Kinds of conversation left unfixed by several held-out studies, replayed through the real bot with
made-up sentences of a hospital equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, says


async def test_two_visits_told_as_going_to_find_someone_are_two_reports(runner: Runner) -> None:
    turns = says("上午先到仁和找了周主任，彩超的参数对了一遍，下午又到慈济找陆院长聊了会儿，腹腔镜还在等预算")
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周建华")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆文")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_going_to_find_someone_tomorrow_is_a_plan_not_a_visit(runner: Runner) -> None:
    turns = says("仁和周主任电话里说彩超参数要改，明天到仁和找他当面定")
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("call", "周建华")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
