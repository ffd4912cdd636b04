"""Kinds of conversation the bot must get right, each replayed through the real bot with made-up
sentences (tests/e2e/conversations.py): corrections, continuations, clarification answers, stage news
with a report, and a rep's "new lead" that is a customer of their book."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conversations import Runner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "conversations"

RENHE = {"公司": "苏州仁和医院", "城市": "苏州", "联系人": "周建华", "职务": "设备科主任", "电话": "13900000001",
         "产品": "台式彩超", "阶段": "需求确认", "负责人": "lina"}  # fmt: skip
ANKANG = {"公司": "无锡慈济医院", "城市": "无锡", "联系人": "陆文", "职务": "院长", "电话": "13900000002",
          "产品": "腹腔镜", "阶段": "初筛", "负责人": "lina"}  # fmt: skip


@pytest.fixture(scope="module")
def runner() -> Iterator[Runner]:
    runner = Runner(FIXTURES / "org.toml", FIXTURES / "catalog.toml")
    yield runner
    runner.close()


async def assert_right(runner: Runner, conversation: dict[str, Any]) -> None:
    outcome = await runner.run(conversation)
    failed = [(c.what, c.expected, c.got) for c in outcome.failed]
    replies = [turn.reply for turn in outcome.turns]
    assert failed == [] and outcome.errors == [], replies


async def test_a_correction_keeps_an_unknown_bare_name_after_its_head_as_no_customer(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "correction-budget",
        "leads": [RENHE, ANKANG],
        "turns": [
            {"as": "lina", "text": "今天拜访了仁和周主任，彩超预算80万，下周三下午3点再去"},
            {"as": "lina", "text": "纠正一下，周主任说的预算是七十万，八十万是含三年保修的总价，我听岔了"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "budget": [700000, 700000],
             "next_followup": {"at": "next_week:3", "time": "15:00"}},
            {"company": "无锡慈济医院", "followups_added": 0},
        ],
    })  # fmt: skip


async def test_a_correction_after_an_apology_moves_the_day_and_keeps_the_contact(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "correction-day",
        "leads": [RENHE],
        "turns": [
            {"as": "lina", "text": "仁和的周主任刚电话里说彩超想先看样机，下周一上午我过去"},
            {"as": "lina", "text": "不好意思啊刚才日期写错了，不是下周一，是下周三，周一他们院长要去开会，还是上午"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "last_followup": {"kind": "call", "contact": "周"},
             "next_followup": {"at": "next_week:3", "time": None}},
        ],
    })  # fmt: skip


async def test_a_field_to_change_with_改一下_corrects_the_time(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "correction-time",
        "leads": [RENHE],
        "turns": [
            {"as": "lina", "text": "今天见了仁和周主任，彩超的参数聊完了，后天上午十点去送资料"},
            {"as": "lina", "text": "嗯 时间改一下，后天下午两点半，十点他们有例会"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "next_followup": {"at": "today+2", "time": "14:30"}},
        ],
    })  # fmt: skip


async def test_a_wish_read_as_a_new_lead_that_names_a_customer_of_the_book_is_a_report_on_it(
    runner: Runner,
) -> None:
    await assert_right(runner, {
        "id": "new-lead-short-name",
        "leads": [RENHE, ANKANG],
        "turns": [
            {"as": "lina", "text": "今天下午去仁和了，周主任想做一套移动DR，预算六十万左右，下周四上午十点我带方案过去",
             "reply_has": ["苏州仁和医院"]},
            {"as": "lina", "text": "对了他们还问了彩超的价格"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 2, "budget": [600000, 600000],
             "next_followup": {"at": "next_week:4", "time": "10:00"}, "products_include": ["移动DR", "台式彩超"]},
            {"company": "无锡慈济医院", "followups_added": 0},
            {"company": "仁和", "absent": True},
        ],
    })  # fmt: skip


async def test_a_new_customer_said_as_such_still_needs_its_name(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "new-lead-no-name",
        "leads": [RENHE],
        "turns": [{"as": "lina", "text": "新客户 周主任想要移动DR", "reply_has": ["客户名称"]}],
        "expect": [{"company": "苏州仁和医院", "followups_added": 0}],
    })  # fmt: skip


HUAKANG_SZ = {"公司": "苏州华康医院", "城市": "苏州", "联系人": "钱建国", "职务": "设备科主任", "电话": "13900000011",
              "产品": "台式彩超", "阶段": "需求确认", "负责人": "lina"}  # fmt: skip
HUAKANG_WX = {"公司": "无锡华康康复医院", "城市": "无锡", "联系人": "孙丽", "职务": "院长", "电话": "13900000012",
              "产品": "移动DR", "阶段": "初筛", "负责人": "lina"}  # fmt: skip


@pytest.mark.parametrize(("answer", "chosen", "other"), [
    ("无锡那个", "无锡华康康复医院", "苏州华康医院"),
    ("康复那家", "无锡华康康复医院", "苏州华康医院"),
    ("是苏州的", "苏州华康医院", "无锡华康康复医院"),
])  # fmt: skip
async def test_which_customer_is_answered_by_what_tells_the_listed_ones_apart(
    runner: Runner, answer: str, chosen: str, other: str
) -> None:
    await assert_right(runner, {
        "id": "clarify-told-apart",
        "leads": [HUAKANG_SZ, HUAKANG_WX],
        "turns": [
            {"as": "lina", "text": "华康那边今天上门聊了一下，对方对探头有疑问，我答应明天把资料发过去",
             "reply_has": ["哪个客户"]},
            {"as": "lina", "text": answer},
        ],
        "expect": [
            {"company": chosen, "followups_added": 1, "next_followup": {"at": "today+1", "time": None}},
            {"company": other, "followups_added": 0},
            {"company": answer, "absent": True},
        ],
    })  # fmt: skip


async def test_stage_news_told_with_the_visit_and_the_next_step_is_a_follow_up_too(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "stage-with-report",
        "leads": [RENHE | {"阶段": "谈判"}, ANKANG],
        "turns": [
            {"as": "lina", "text": "刚从仁和出来合同签了🎉周主任当场盖的章彩超一共八十六万下周二我带工程师过去对接"},
            {"as": "lina", "text": "慈济那单黄了", "reply_has": ["原因"]},
            {"as": "lina", "text": "他们院里预算没批下来"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "stage": "签约", "budget": [860000, 860000],
             "last_followup": {"kind": "visit", "contact": "周"}, "next_followup": {"at": "next_week:2", "time": None}},
            # stage news alone moves the stage and records no contact
            {"company": "无锡慈济医院", "followups_added": 0, "stage": "输单"},
        ],
    })  # fmt: skip


async def test_a_report_naming_no_customer_right_after_a_question_about_one_is_about_that_one(
    runner: Runner,
) -> None:
    await assert_right(runner, {
        "id": "report-after-query",
        "leads": [RENHE, ANKANG],
        "turns": [
            {"as": "lina", "text": "今天拜访了慈济陆院长，腹腔镜的参数聊完了，下周一再去"},
            {"as": "lina", "text": "查一下仁和的跟进记录", "reply_has": ["苏州仁和医院"]},
            {"as": "lina", "text": "刚给他们打了个电话，彩超的方案他们院里过了，我后天把报价送过去"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "last_followup": {"kind": "call", "contact": None},
             "next_followup": {"at": "today+2", "time": None}},
            {"company": "无锡慈济医院", "followups_added": 1, "next_followup": {"at": "next_week:1", "time": None}},
        ],
    })  # fmt: skip


async def test_a_correction_plans_nothing_for_its_old_day_or_its_reason(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "correction-old-day",
        "leads": [RENHE],
        "turns": [
            {"as": "lina", "text": "仁和周主任刚回了电话，说彩超的报价他们看了，16号我过去一趟"},
            {"as": "lina", "text": "更正一下，是20号不是16号，16号他们院里搞验收，没空"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "stage": "需求确认",
             "next_followup": {"at": "day:20", "time": None}},
        ],
    })  # fmt: skip


async def test_a_contact_away_is_not_the_one_met_and_a_role_alone_adds_nobody(runner: Runner) -> None:
    await assert_right(runner, {
        "id": "away",
        "leads": [RENHE, ANKANG],
        "turns": [
            {"as": "lina", "text": "今天去了仁和，周主任不在，见了他们新来的设备科副主任黄海涛，聊了移动DR，"
                                   "黄海涛电话13911112222，下周五再去"},
            {"as": "lina", "text": "下午又跑了慈济，陆院长出差了，跟他们的库管聊了聊，腹腔镜还在比，下下周三再去"},
        ],
        "expect": [
            {"company": "苏州仁和医院", "followups_added": 1, "last_followup": {"kind": "visit", "contact": "黄"},
             "contacts_include": ["周建华", "黄海涛"], "next_followup": {"at": "next_week:5", "time": None}},
            {"company": "无锡慈济医院", "followups_added": 1, "last_followup": {"contact": None},
             "next_followup": {"at": "week_after_next:3", "time": None}},
        ],
    })  # fmt: skip


async def test_a_customer_s_own_name_read_as_a_person_is_no_contact(runner: Runner) -> None:
    jinbaihe = {"公司": "常州金百合医院", "城市": "常州", "联系人": "冯伟", "职务": "院长", "电话": "13900000021",
                "产品": "台式彩超", "阶段": "需求确认", "负责人": "lina"}  # fmt: skip
    await assert_right(runner, {
        "id": "brand-as-person",
        "leads": [jinbaihe],
        "turns": [{"as": "lina", "text": "金百合那边下午去了一趟，彩超的配置定下来了，下周一上午十点我带合同过去"}],
        "expect": [
            {"company": "常州金百合医院", "followups_added": 1, "last_followup": {"kind": "visit", "contact": None},
             "next_followup": {"at": "next_week:1", "time": "10:00"}},
        ],
    })  # fmt: skip
