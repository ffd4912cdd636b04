"""Kinds of conversation seen on the held-out conversations fiftysix (cloud and managed IT, Beijing
speech), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right


async def test_a_manager_asks_for_a_list_and_one_customer_s_record_in_one_message(runner: Runner) -> None:
    # two questions, one sentence each: the team's late leads and one customer's record both answered,
    # and nothing written
    turns = [{"as": "zhangwei", "text": "组里有哪些线索超时还没跟的？顺便把慈济的跟进记录调出来看下",
              "reply_has": ["超时", "无锡慈济医院", "负责人"]}]  # fmt: skip
    expect = [
        {"company": CIJI["公司"], "followups_added": 0, "stage": "初筛", "owner": "lina"},
        {"company": RENHE["公司"], "followups_added": 0, "stage": "需求确认", "owner": "lina"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rep_asks_for_the_day_s_list_then_a_customer_s_card(runner: Runner) -> None:
    turns = [
        {
            "as": "lina",
            "text": "我今天要跟哪些客户？另外仁和现在啥进度",
            "reply_has": ["待跟进", "苏州仁和医院", "阶段"],
        }
    ]
    expect = [{"company": RENHE["公司"], "followups_added": 0, "stage": "需求确认"}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
