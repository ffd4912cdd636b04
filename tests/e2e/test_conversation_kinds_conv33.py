"""Kinds of conversation seen on the held-out conversations thirtythree (group insurance), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import RENHE, assert_right, last, row, says

# A rare surname (not in the extractor's list) on file at the customer the record is moved to.
BOYUAN = row("苏州博远医疗器械有限公司", "苏州", "竺志强", "总经理", "13900000331", "腹腔镜", "报价")


async def test_a_customer_correction_naming_its_known_person_makes_them_the_contact(runner: Runner) -> None:
    turns = says(
        "仁和刚打完电话，彩超的报价他们嫌高，让我再算一下，后天上午十点我再打过去",
        "不好意思搞错了，刚才那条不是仁和，是博远的竺总",
    )
    expect = [{"company": "苏州博远医疗器械有限公司", "followups_added": 1,
               "last_followup": last("call", "竺志强")},
              {"company": "苏州仁和医院", "followups_added": 0, "next_followup": None}]  # fmt: skip
    await assert_right(runner, [RENHE, BOYUAN], turns, expect)


async def test_a_customer_correction_naming_nobody_leaves_no_contact(runner: Runner) -> None:
    turns = says(
        "仁和刚打完电话，彩超的报价他们嫌高，后天上午十点我再打过去",
        "不好意思搞错了，刚才那条不是仁和，是博远",
    )
    expect = [
        {"company": "苏州博远医疗器械有限公司", "followups_added": 1, "last_followup": last("call", None)}
    ]
    await assert_right(runner, [RENHE, BOYUAN], turns, expect)


async def test_the_reps_step_with_the_customer_after_their_timeline_is_the_plan(runner: Runner) -> None:
    turns = says("周主任电话里说院里下周五之前定，让我等他消息。我下周一上午先跟他把配置清单对一下")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "周建华"),
               "next_followup": {"at": "next_week:1", "time": None}}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)
