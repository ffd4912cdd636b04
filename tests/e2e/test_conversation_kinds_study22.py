"""Kinds of conversation seen on study22 (pharmaceutical packaging machinery), replayed through the real
bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a remark on ours against a competitor's, after the report ------------------------------------------


async def test_a_remark_comparing_with_a_competitor_adds_no_follow_up(runner: Runner) -> None:
    turns = says(
        "今天去了趟仁和，周主任说彩超想上两台，西门子也在报",
        "周主任挺认可我们出图快的 说比西门子那台省事",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_competitor_named_with_a_new_want_is_one_more_follow_up(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "周主任又打电话来 说西门子也来报了 还想加一台掌超")
    expect = [{"company": "苏州仁和医院", "followups_added": 2}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a brand in two scripts, named by its Latin half -------------------------------------------------------


async def test_the_latin_half_of_a_brand_names_the_lead_not_a_new_customer(runner: Runner) -> None:
    lumora = row(
        "苏州Lumora鹿摩医疗器械有限公司", "苏州", "王海", "采购经理", "13900000009", "台式彩超", "初筛"
    )
    turns = says("Lumora的王经理微信回我了 彩超预算50万左右")
    expect = [{"company": "苏州Lumora鹿摩医疗器械有限公司", "followups_added": 1,
               "last_followup": last("online", "王"), "budget": [500000, 500000]}]  # fmt: skip
    await assert_right(runner, [lumora], turns, expect)


# ---- the hour said apart, after the plan ---------------------------------------------------------------


async def test_an_hour_said_after_the_plan_of_a_follow_on_is_its_time(runner: Runner) -> None:
    turns = says("今天去仁和见了周主任 彩超要两台", "下周五再去苏州 三点")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:5", "15:00")}
    ]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a correction naming only another day keeps the plan's time ---------------------------------------


@pytest.mark.parametrize(
    ("fix", "at", "time"),
    [
        ("不对 是下周四 周三他要开会", "next_week:4", "10:00"),
        ("不对 是下周四下午", "next_week:4", None),  # a part of the day: not at ten
        ("不对 是下周四下午三点", "next_week:4", "15:00"),
    ],
)
async def test_a_correction_naming_only_a_day_keeps_the_time_planned(
    runner: Runner, fix: str, at: str, time: str | None
) -> None:
    turns = says("今天去仁和见了周主任 彩超要两台 下周三上午十点我再带工程师过去", fix)
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan(at, time)}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a team-mate covered for by nickname; a query addressed to a rep -------------------------------------


async def test_a_rep_covering_for_a_team_mate_called_by_nickname_logs_on_their_customer(
    runner: Runner,
) -> None:
    turns = [
        {"as": "wangqiang", "text": "小林今天请假 我替小林去了趟仁和 见了周主任 彩超他们还在比"},
        {"as": "wangqiang", "text": "下个月3号上午十点我再陪小林过去一趟"},
    ]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "周"), "next_followup": plan("next_month:3", "10:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_nickname_of_nobody_in_the_team_covers_for_no_one(runner: Runner) -> None:
    turns = [{"as": "wangqiang", "text": "我替小周去了趟仁和 见了周主任"}]
    expect = [{"company": "苏州仁和医院", "followups_added": 0, "owner": "lina"}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_manager_s_query_addressed_to_a_rep_is_answered(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "林娜 仁和那单现在什么情况", "reply_has": ["苏州仁和医院"]}]
    expect = [{"company": "苏州仁和医院", "followups_added": 0}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- the team-mate's own plan, in a report covering for them ---------------------------------------------


async def test_the_covered_team_mate_s_plan_is_the_lead_s_next_contact(runner: Runner) -> None:
    turns = [
        {"as": "wangqiang",
         "text": "帮林娜记一下 她在外地 仁和周主任上午给她打电话了 彩超预算定了45万 她下周一去院里谈细节"},
    ]  # fmt: skip
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "owner": "lina",
         "last_followup": last("call", "周"), "next_followup": plan("next_week:1")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_customer_s_own_plan_in_a_rep_s_report_is_no_next_contact(runner: Runner) -> None:
    turns = says("今天去仁和见了周主任 彩超要两台 他下周一去北京开会")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": None}]
    await assert_right(runner, [RENHE], turns, expect)
