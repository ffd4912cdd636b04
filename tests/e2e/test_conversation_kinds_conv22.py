"""Kinds of conversation seen on the held-out conversations twentytwo (dental), replayed through the real
bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import RENHE, assert_right, last, plan, row, says

# ---- a city's public hospital called by its city and ordinal, a department after it ----------------------

FIRST = row("常州市第一人民医院", "常州", "蒋国强", "放射科主任", "13900000031", "台式彩超", "需求确认")


async def test_a_city_hospital_by_its_ordinal_links_the_lead_and_the_continuation(runner: Runner) -> None:
    turns = says(
        "今天去了常州一院放射科，蒋主任出去开会了，见了设备科的副科长朱琳，彩超的参数她要一份，下周一我送过去",
        "她还说科里想顺便看看腹腔镜",
    )
    expect = [{"company": "常州市第一人民医院", "followups_added": 2, "last_followup": last("visit", "朱"),
               "next_followup": plan("next_week:1"), "contacts_include": ["朱琳", "蒋国强"]}]  # fmt: skip
    await assert_right(runner, [FIRST], turns, expect)


# ---- the organisation that sent the customer to us is no new customer ------------------------------------


async def test_a_referrer_named_in_a_report_is_no_new_lead(runner: Runner) -> None:
    turns = says("仁和今天上门见了周主任，他说是常州华康医疗器械有限公司的沈经理推荐的我们，彩超先订一台")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")},
        {"company": "常州华康医疗器械有限公司", "absent": True},
    ]
    await assert_right(runner, [RENHE], turns, expect)
