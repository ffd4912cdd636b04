"""Kinds of conversation seen on study16, replayed through the real bot with made-up sentences of a
medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import RENHE, assert_right, last, plan, says


def wangqiang(text: str) -> dict[str, Any]:
    return {"as": "wangqiang", "text": text}


# ---- covering for a team-mate named as away, then referred to by a pronoun -----------------------------


async def test_a_rep_covering_for_an_absent_team_mate_by_pronoun_logs_on_their_customer(
    runner: Runner,
) -> None:
    turns = [wangqiang("林娜今天请假，我替她去了趟仁和，周主任说彩超想下个月定，下周二我再打电话问问")]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "owner": "lina", "stage": "需求确认",
         "last_followup": last("visit", "周"), "next_followup": plan("next_week:2")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_pronoun_with_no_team_mate_named_is_still_refused(runner: Runner) -> None:
    turns = [wangqiang("我替她去了趟仁和，周主任说彩超想下个月定")]
    expect = [{"company": "苏州仁和医院", "followups_added": 0, "owner": "lina"}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- the first stage of a new lead ---------------------------------------------------------------------


async def test_a_new_customer_met_starts_screened(runner: Runner) -> None:
    turns = says("下午去见了个新客户，常州武进口腔医院，贾院长想上两台牙椅，下周三再去一趟")
    expect = [
        {"company": "常州武进口腔医院", "followups_added": 1, "stage": "初筛",
         "last_followup": last("visit", "贾"), "next_followup": plan("next_week:3")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_new_customer_handed_over_or_only_planned_stays_a_lead(runner: Runner) -> None:
    turns = says(
        "新线索：南通崇川康复医院，设备科韩磊 13900000021，想了解移动DR",
        "下周四去拜访一家新客户，泰州海陵妇幼保健院",
    )
    expect = [
        {"company": "南通崇川康复医院", "followups_added": 0, "stage": "线索"},
        {"company": "泰州海陵妇幼保健院", "followups_added": 0, "stage": "线索"},
    ]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a contact's name completed after the fact ---------------------------------------------------------


async def test_a_contact_s_full_name_given_later_completes_the_contact_without_a_follow_up(
    runner: Runner,
) -> None:
    turns = says(
        "今天去了趟无锡梁溪妇幼保健院，设备科邹主任想上一台乳腺钼靶",
        "仁和周主任刚才打电话说彩超下个月定",
        "梁溪妇幼那个邹主任全名邹敏，刚才没说全",
    )
    expect = [
        {"company": "无锡梁溪妇幼保健院", "followups_added": 1, "stage": "初筛",
         "last_followup": last("visit", "邹"), "contacts_include": ["邹敏"]},
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "周")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_full_name_given_right_after_the_report_completes_it_too(runner: Runner) -> None:
    turns = says("今天去了趟无锡梁溪妇幼保健院，设备科邹主任想上一台乳腺钼靶", "邹主任全名叫邹敏")
    expect = [
        {"company": "无锡梁溪妇幼保健院", "followups_added": 1, "last_followup": last("visit", "邹"),
         "contacts_include": ["邹敏"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_full_name_said_with_news_is_a_follow_up_of_its_own(runner: Runner) -> None:
    turns = says(
        "今天去了趟无锡梁溪妇幼保健院，设备科邹主任想上一台乳腺钼靶",
        "仁和周主任刚才打电话说彩超下个月定",
        "梁溪妇幼的邹主任全名邹敏，刚才微信说还想加一台移动DR",
    )
    expect = [
        {"company": "无锡梁溪妇幼保健院", "followups_added": 2, "contacts_include": ["邹敏"],
         "last_followup": last("online", "邹")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)
