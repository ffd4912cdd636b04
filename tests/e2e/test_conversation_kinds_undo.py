"""More kinds of conversation, replayed through the real bot with made-up sentences: a correction that
names the person met instead (the record's contact follows it), and undoing a stage move a report made
by mistake."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, says
from tests.e2e.test_conversation_kinds import runner as runner  # the module's shared fixture

pytestmark = pytest.mark.usefixtures("runner")


# ---- a correction naming the person met instead -----------------------------------------------------


async def test_a_correction_naming_another_customer_s_contact_moves_the_record_to_that_person(
    runner: Runner,
) -> None:
    turns = says(
        "今天下午去了常州明康医院，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去",
        "说错了 是周主任 不是邹主任",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_correction_said_as_the_answer_to_which_customer_names_the_person_met(runner: Runner) -> None:
    turns = says(
        "今天下午去了苏州和康医院，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去",
        "说错了 是周主任 不是邹主任",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_an_answer_naming_another_person_keeps_the_person_the_report_met(runner: Runner) -> None:
    turns = says(
        "今天下午去了苏州和康医院，见了设备科的邹主任，彩超要先试用一台，下周二上午再过去",
        "仁和，周主任那边",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "邹")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
