"""Kinds of conversation seen on the held-out conversations eighteen (security) and nineteen (cleaning),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import (
    HUAKANG_SZ,
    HUAKANG_WX,
    RENHE,
    assert_right,
    last,
    plan,
    row,
    says,
)

# ---- a product only one lead of a shared name holds settles it; the others are shown with it ----

SHOWN = ["苏州华康医院", "无锡华康康复医院", "哪个客户"]
REPORT = "华康那边电话里说彩超想加一台 下周一上午十点我过去"


async def test_a_product_one_lead_holds_settles_it_and_shows_the_others(runner: Runner) -> None:
    turns = says((REPORT, ["已记录跟进", *SHOWN]))
    expect = [
        {"company": "苏州华康医院", "followups_added": 1, "last_followup": last("call", None),
         "next_followup": plan("next_week:1", "10:00")},
        {"company": "无锡华康康复医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


async def test_the_answer_naming_another_lead_moves_the_record_there(runner: Runner) -> None:
    turns = says((REPORT, SHOWN), ("2", ["苏州华康医院 → 无锡华康康复医院"]))
    expect = [
        {"company": "无锡华康康复医院", "followups_added": 1, "last_followup": last("call", None),
         "next_followup": plan("next_week:1", "10:00"), "products_include": ["台式彩超"]},
        {"company": "苏州华康医院", "followups_added": 0, "next_followup": None},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


async def test_the_answer_naming_the_lead_it_went_to_changes_nothing(runner: Runner) -> None:
    turns = says((REPORT, SHOWN), ("苏州那家", ["没有改动"]), "对了他们还想看看腹腔镜")
    expect = [
        {"company": "苏州华康医院", "followups_added": 2, "products_include": ["台式彩超", "腹腔镜"],
         "next_followup": plan("next_week:1", "10:00")},
        {"company": "无锡华康康复医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


async def test_a_new_report_after_the_shown_record_is_no_answer(runner: Runner) -> None:
    turns = says((REPORT, SHOWN), "今天去了仁和 周主任说移动DR也想看看 下周三下午再去")
    expect = [
        {"company": "苏州华康医院", "followups_added": 1},
        {"company": "无锡华康康复医院", "followups_added": 0},
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:3")},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX, RENHE], turns, expect)


async def test_a_product_both_leads_hold_is_still_a_question(runner: Runner) -> None:
    wuxi = row("无锡华康康复医院", "无锡", "孙丽", "院长", "13900000012", "台式彩超", "初筛")
    turns = says((REPORT, ["是哪个客户"]), "无锡的")
    expect = [
        {"company": "无锡华康康复医院", "followups_added": 1, "next_followup": plan("next_week:1", "10:00")},
        {"company": "苏州华康医院", "followups_added": 0},
    ]
    await assert_right(runner, [HUAKANG_SZ, wuxi], turns, expect)


# ---- a district the rep says they went to settles a shared name ----


async def test_a_district_the_rep_went_to_settles_a_shared_name(runner: Runner) -> None:
    turns = says(("今天跑了趟吴中 华康那边带我看了机房 下下周三上午再去", ["苏州华康医院"]))
    expect = [
        {"company": "苏州华康医院", "followups_added": 1, "last_followup": last("visit", None),
         "next_followup": plan("week_after_next:3")},
        {"company": "无锡华康康复医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


# ---- the contact called by surname and 生 ----


async def test_surname_and_生_is_the_contact_of_the_lead(runner: Runner) -> None:
    turns = says("仁和周生刚来电话 彩超要加一台")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "周建华")}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- signed at their place: a visit as well as the stage ----


async def test_signed_at_their_place_is_a_follow_up_with_the_stage(runner: Runner) -> None:
    turns = says(("ok 周主任这边搞定了 今天在他们会议室签的字 彩超两台 总价八十万", ["仁和"]))
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "签约",
         "last_followup": last("visit", "周"), "budget": [800000, 800000]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


# ---- a correction giving the amount bare ----


async def test_a_bare_amount_corrects_the_budget_the_record_said(runner: Runner) -> None:
    turns = says("仁和周主任刚打电话 说彩超预算批下来了 八十万", "不对 是七十万 我听错了")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "budget": [700000, 700000]}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_bare_amount_corrects_nothing_when_the_record_said_no_budget(runner: Runner) -> None:
    turns = says("仁和周主任刚打电话 说彩超要两台", ("不对 是七十万", ["要改什么"]))
    expect = [{"company": "苏州仁和医院", "followups_added": 1}]
    await assert_right(runner, [RENHE], turns, expect)
