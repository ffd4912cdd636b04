"""A customer handed to another member in chat, replayed through the real bot with made-up sentences
(tests/e2e/conversations.py): a manager's "X转给Y跟吧" moves the owner the export shows, and the new
owner's reports then land on that customer; a rep hands over their own only, within their team; a
customer's own hand-off is a report, not ours."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan


def turn(who: str, text: str, *reply_has: str) -> dict[str, Any]:
    said: dict[str, Any] = {"as": who, "text": text}
    if reply_has:
        said["reply_has"] = list(reply_has)
    return said


async def test_a_manager_hands_a_customer_over_and_the_new_owner_reports_on_it(runner: Runner) -> None:
    turns = [
        turn("zhangwei", "仁和转给王强跟吧，林娜这阵子在无锡忙不过来", "苏州仁和医院", "王强"),
        turn("wangqiang", "今天下午去仁和见了周主任，彩超参数都对过了，下周三上午再去一趟"),
    ]
    expect = [
        {"company": "苏州仁和医院", "owner": "wangqiang", "followups_added": 1, "stage": "需求确认",
         "last_followup": last("visit", "周"), "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "owner": "lina", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


@pytest.mark.parametrize(
    "text",
    ["把慈济分给王强", "慈济以后由王强跟进", "慈济的单子给wangqiang吧", "无锡慈济医院交给小王负责"],
)
async def test_the_ways_a_manager_says_it(runner: Runner, text: str) -> None:
    expect = [
        {"company": "无锡慈济医院", "owner": "wangqiang", "followups_added": 0, "stage": "初筛"},
        {"company": "苏州仁和医院", "owner": "lina", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], [turn("zhangwei", text, "王强负责")], expect)


async def test_a_rep_hands_over_their_own_customer_to_a_team_mate(runner: Runner) -> None:
    turns = [turn("lina", "慈济交给王强跟进吧，我下个月休产假", "王强")]
    expect = [{"company": "无锡慈济医院", "owner": "wangqiang", "followups_added": 0}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rep_may_not_hand_over_a_team_mate_s_customer_nor_outside_the_team(runner: Runner) -> None:
    turns = [
        turn("wangqiang", "仁和转给赵敏跟吧", "不在你名下"),  # not his
        turn("lina", "仁和转给刘阳跟吧", "不在你的组"),  # another team's rep
        turn("zhangwei", "仁和转给陈晨跟吧", "没找到"),  # nobody of that name
    ]
    expect = [{"company": "苏州仁和医院", "owner": "lina", "followups_added": 0}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_customer_s_own_hand_off_is_a_report(runner: Runner) -> None:
    turns = [turn("lina", "仁和周主任说彩超的方案他转给采购了，下周二上午我再过去")]
    expect = [
        {
            "company": "苏州仁和医院",
            "owner": "lina",
            "followups_added": 1,
            "next_followup": plan("next_week:2"),
        },
    ]
    await assert_right(runner, [RENHE], turns, expect)
