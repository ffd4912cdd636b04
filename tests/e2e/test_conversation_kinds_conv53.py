"""Kinds of conversation seen on the held-out conversations fiftythree (EV charging, Wuhan speech),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says


@pytest.mark.parametrize("closing", ["两家都是下周四再联系", "这两家都下周四再跟一下"])
async def test_a_plan_said_of_both_customers_after_their_reports_is_each_one_s(
    runner: Runner, closing: str
) -> None:
    # the last sentence opens on "both" and names neither: each report gets its plan
    turns = says(
        f"上午去仁和见了周主任，台式彩超他们想再加一台；下午又去了趟慈济，陆院长说腹腔镜的报价领导看过了。{closing}"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:4")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆"),
         "next_followup": plan("next_week:4")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_plan_said_of_the_last_customer_alone_stays_its_own(runner: Runner) -> None:
    turns = says(
        "上午去仁和见了周主任，台式彩超他们想再加一台；下午又去了趟慈济，陆院长说报价看过了。下周四再联系"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "next_followup": None},
        {"company": CIJI["公司"], "followups_added": 1, "next_followup": plan("next_week:4")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_correction_of_the_one_met_described_before_the_swap_names_the_new_contact(
    runner: Runner,
) -> None:
    # "今天见的不是X 是他们Y科的Z师傅 全名 电话…": the person met is the tradesman, by the full name after
    turns = says(
        "仁和今天见了周主任，彩超机房的电源要改一下，下周三再联系",
        "哦搞错了 今天见的不是周主任 是他们后勤科的葛师傅 葛长青 电话13900005301",
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "葛"),
         "next_followup": plan("next_week:3"), "contacts_include": ["葛长青"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
