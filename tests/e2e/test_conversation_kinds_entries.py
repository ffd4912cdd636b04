"""Kinds of conversation seen on conversations_six, conversations_final and study15, replayed through
the real bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import RENHE, assert_right, last, plan, says


def manager(text: str) -> dict[str, Any]:
    return {"as": "zhangwei", "text": text}


# ---- a new lead that reports no contact is no follow-up ------------------------------------------------


async def test_a_new_lead_with_a_plan_alone_enters_the_lead_but_logs_no_follow_up(runner: Runner) -> None:
    turns = says(
        "新客户 无锡惠山康复医院，设备科吴磊 13900000011，想换一台移动DR，预算八十万，下周四上午过去拜访"
    )
    expect = [
        {"company": "无锡惠山康复医院", "followups_added": 0, "next_followup": plan("next_week:4"),
         "contacts_include": ["吴磊"], "budget": [800000, 800000]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_manager_s_hand_over_of_a_new_lead_logs_no_follow_up(runner: Runner) -> None:
    turns = [manager("新线索：苏州吴中骨科医院，要人工膝关节，交给林娜跟一下")]
    expect = [{"company": "苏州吴中骨科医院", "followups_added": 0, "owner": "lina"}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_new_lead_met_or_called_logs_that_contact(runner: Runner) -> None:
    turns = says(
        "刚接到无锡梁溪妇幼保健院设备科邹敏的电话，13900000012，想上一台乳腺钼靶，预算一百五十万，明天下午两点过去"
    )
    expect = [
        {"company": "无锡梁溪妇幼保健院", "followups_added": 1, "last_followup": last("call", "邹"),
         "next_followup": plan("today+1", "14:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


# ---- a rep covering for a team-mate ------------------------------------------------------------------


def wangqiang(text: str) -> dict[str, Any]:
    return {"as": "wangqiang", "text": text}


async def test_a_rep_logging_for_a_team_mate_records_on_the_team_mate_s_customer(runner: Runner) -> None:
    turns = [wangqiang("帮林娜记一下，仁和的周主任刚才打我电话，说彩超的事下个月再定")]
    expect = [
        {
            "company": "苏州仁和医院",
            "followups_added": 1,
            "owner": "lina",
            "last_followup": last("call", "周"),
        }
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_team_mate_s_customer_without_covering_for_them_is_not_written_on(
    runner: Runner,
) -> None:
    turns = [wangqiang("仁和的周主任刚才打我电话，说彩超的事下个月再定")]
    expect = [{"company": "苏州仁和医院", "followups_added": 0, "owner": "lina"}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a lost deal reopened gets its plan back ---------------------------------------------------------


async def test_a_lost_deal_set_back_gets_back_the_plan_losing_it_cleared(runner: Runner) -> None:
    turns = says("仁和那单输给迈瑞了，价格差太多", "仁和阶段改回需求确认")
    expect = [{"company": "苏州仁和医院", "stage": "需求确认", "next_followup": plan("next_week:5", "14:00")}]
    await assert_right(runner, [RENHE | {"下次跟进": "2026-03-20 14:00"}], turns, expect)


async def test_a_lost_deal_set_back_with_no_plan_before_gets_none(runner: Runner) -> None:
    turns = says("仁和那单输给迈瑞了，价格差太多", "仁和阶段改回需求确认")
    expect = [{"company": "苏州仁和医院", "stage": "需求确认", "next_followup": None}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a known contact's other number ------------------------------------------------------------------


async def test_a_known_contact_s_other_number_is_kept_on_the_follow_up_and_said(runner: Runner) -> None:
    turns = says(("今天去了仁和，周主任留了个手机13911112222，彩超下周再谈", ["13911112222", "换号"]))
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_changed_number_replaces_the_one_on_file_without_a_word_about_it(runner: Runner) -> None:
    outcome = await runner.run(
        {"id": "kind", "leads": [RENHE], "expect": [],
         "turns": says("今天去了仁和，周主任换号了，新号13911112222，彩超下周再谈")}
    )  # fmt: skip
    assert "已记在这条跟进里" not in outcome.turns[0].reply
