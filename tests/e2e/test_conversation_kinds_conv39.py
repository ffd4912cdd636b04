"""Kinds of conversation seen on the held-out conversations thirtynine (used cars and fleet finance),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, says

# ---- the deal done by a competitor with the trade's own verb -------------------------------------------


async def test_a_deal_installed_by_a_competitor_at_the_end_is_lost(runner: Runner) -> None:
    turns = says("仁和周主任电话回了，三台彩超最后给迈瑞装了，说人家报价低两万")
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "stage": "输单", "last_followup": last("call", "周")}
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a correction owning values swapped (写反了 / 打反了) -----------------------------------------------


async def test_a_budget_written_the_wrong_way_round_is_corrected_not_logged_again(runner: Runner) -> None:
    turns = says("今天拜访了慈济陆院长，腹腔镜预算68万，下周二再去", "预算写反了 是86万 不是68万")
    expect = [{"company": CIJI["公司"], "followups_added": 1, "budget": [860000, 860000]}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- colleagues addressed as colleagues call each other ----------------------------------------------


async def test_a_manager_s_instruction_to_小_and_the_rep_s_surname_is_no_follow_up(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "小林 仁和那单要是定了记得马上告诉我", "reply_has": ["林娜"]}]
    expect = [{"company": RENHE["公司"], "followups_added": 0, "next_followup": None}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_report_opening_on_the_boss_s_surname_and_总_names_the_customer_s_person(
    runner: Runner,
) -> None:
    turns = says("张总 今天跟陆院长电话过了一遍 腹腔镜的报价已经发过去了 周五上午我再打电话问")
    expect = [{"company": CIJI["公司"], "followups_added": 1, "last_followup": last("call", "陆")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a person new at the customer, introduced with a job that is no title -----------------------------


async def test_a_new_person_introduced_with_their_job_is_the_contact(runner: Runner) -> None:
    turns = says("仁和新来的库管蒋丽华刚打电话过来，说彩超耗材要补一批，她电话13900000777")
    expect = [{"company": RENHE["公司"], "followups_added": 1, "last_followup": last("call", "蒋"),
               "contacts_include": ["蒋丽华"]}]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
