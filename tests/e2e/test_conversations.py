"""The conversation runner (tests/e2e/conversations.py): its `at` forms and expectation checks, a small
conversation replayed through the real bot both right and with expectations it must find unmet, and the
score on the dev conversations, which may only go up."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conversations import (
    Check,
    Outcome,
    Runner,
    check_lead,
    check_reply,
    planned_value,
    report_lines,
    resolve_at,
    run_file,
)
from tests.e2e.harness import PLATFORMS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "conversations"
TUESDAY = date(2026, 3, 10)  # the runner's default send day

# The dev conversations as the bot handles them on 2026-12-06, before the understanding work of issue 16:
#   conversations right: 1/40, expectations met: 128/271
# 2026-12-06, with linking to the CRM (short names, the contact, a phone; a message the words leave
# without an intent read by the customer it names; a rep's "new lead" that is a customer of their book):
# 21/40, 228/271.
# 2026-12-06, with linking, clarification, corrections, context and the extractor's new kinds:
# 40/40, 271/271. Raise these when the bot does better; never lower them.
DEV_RIGHT_FLOOR = 40
DEV_MET_FLOOR = 271
DEV_EXPECTATIONS = 271


@pytest.mark.parametrize(
    ("form", "today", "day"),
    [
        ("today+0", TUESDAY, date(2026, 3, 10)),
        ("today+3", TUESDAY, date(2026, 3, 13)),
        ("today+30", TUESDAY, date(2026, 4, 9)),
        ("this_week:1", TUESDAY, date(2026, 3, 9)),
        ("this_week:7", TUESDAY, date(2026, 3, 15)),
        ("next_week:4", TUESDAY, date(2026, 3, 19)),
        ("week_after_next:1", TUESDAY, date(2026, 3, 23)),
        ("next_week:1", date(2026, 3, 15), date(2026, 3, 16)),  # on a Sunday, next week starts tomorrow
        ("this_week:1", date(2026, 3, 15), date(2026, 3, 9)),
        ("day:18", TUESDAY, date(2026, 3, 18)),
        ("day:10", TUESDAY, date(2026, 3, 10)),  # today has not passed
        ("day:5", TUESDAY, date(2026, 4, 5)),  # passed: next month
        ("day:5", date(2026, 12, 20), date(2027, 1, 5)),
        ("next_month:1", TUESDAY, date(2026, 4, 1)),
        ("next_month:31", date(2026, 12, 1), date(2027, 1, 31)),
    ],
)
def test_at_forms_resolve_against_the_send_day(form: str, today: date, day: date) -> None:
    assert resolve_at(form, today) == day


@pytest.mark.parametrize(
    ("form", "today"),
    [
        ("next_week:8", TUESDAY),
        ("next_week:0", TUESDAY),
        ("tomorrow", TUESDAY),
        ("today+x", TUESDAY),
        ("today-1", TUESDAY),
        ("day:31", date(2026, 2, 10)),  # February has no 31st
        ("next_month:31", date(2026, 3, 10)),  # nor April
        ("next_week:", TUESDAY),
    ],
)
def test_unknown_at_forms_are_refused(form: str, today: date) -> None:
    with pytest.raises(ValueError, match=r"not|no day|weekday"):
        resolve_at(form, today)


def test_planned_value_is_written_as_the_export_writes_it() -> None:
    assert planned_value({"at": "next_week:4", "time": "10:00"}, TUESDAY) == "2026-03-19T10:00"
    assert planned_value({"at": "today+2", "time": "9:30"}, TUESDAY) == "2026-03-12T09:30"
    assert planned_value({"at": "today+2", "time": None}, TUESDAY) == "2026-03-12"
    with pytest.raises(ValueError, match="HH:MM"):
        planned_value({"at": "today+2", "time": "25:00"}, TUESDAY)


# ---- the checks on one exported lead ---------------------------------------------------------------


def exported(company: str = "无锡华康医药有限公司", **fields: Any) -> dict[str, Any]:
    """A lead as `salesbot leads export --format jsonl` writes it."""
    lead = {
        "company": company,
        "city": "无锡",
        "owner": "lina",
        "stage": "初筛",
        "grade": "B",
        "source": "import",
        "products": ["台式彩超"],
        "competitors": [],
        "budget": None,
        "tags": [],
        "next_followup": None,
        "contacts": [{"name": "钱建国", "title": "采购经理", "phone": "13912345601", "email": None}],
        "followups": [],
    }
    return lead | fields


def followup(kind: str | None = "visit", contact: str | None = "钱建国", text: str = "…") -> dict[str, Any]:
    linked = {"name": contact, "title": "采购经理"} if contact is not None else None
    return {"at": "2026-03-10T10:00", "by": "lina", "kind": kind, "contact": linked, "text": text}


def verdicts(expect: dict[str, Any], lead: dict[str, Any] | None, before: int = 0) -> dict[str, bool]:
    after = [lead] if lead is not None else []
    return {c.what: c.ok for c in check_lead(expect, {"无锡华康医药有限公司": before}, after, TUESDAY)}


def test_followups_added_counts_from_the_import() -> None:
    lead = exported(followups=[followup("note", None), followup()])
    assert verdicts({"company": lead["company"], "followups_added": 1}, lead, before=1) == {
        "无锡华康医药有限公司 followups_added": True
    }
    assert not verdicts({"company": lead["company"], "followups_added": 2}, lead, before=1)[
        "无锡华康医药有限公司 followups_added"
    ]


@pytest.mark.parametrize(
    ("expected", "last", "ok"),
    [
        ({"kind": "visit", "contact": "钱"}, followup("visit", "钱建国"), True),  # 钱经理 is 钱建国
        ({"kind": "visit", "contact": "钱建国"}, followup("visit", "钱建国"), True),
        ({"kind": "visit", "contact": "钱建国"}, followup("visit", "钱"), False),  # a new nameless 钱
        ({"kind": "visit", "contact": "钱"}, followup("visit", None), False),
        ({"kind": "visit", "contact": "钱"}, followup("call", "钱建国"), False),
        ({"kind": "visit", "contact": None}, followup("visit", None), True),
        ({"kind": "visit", "contact": None}, followup("visit", "钱建国"), False),
        ({"kind": "call"}, followup("call", "钱建国"), True),  # contact not checked when not given
        (None, None, True),
        (None, followup(), False),
        ({"kind": "visit"}, None, False),
    ],
)
def test_last_followup_is_the_newest_and_its_contact_a_prefix(
    expected: dict[str, Any] | None, last: dict[str, Any] | None, ok: bool
) -> None:
    older = followup("call", "刘芳")
    lead = exported(followups=[older, last] if last is not None else [])
    assert verdicts({"company": lead["company"], "last_followup": expected}, lead) == {
        "无锡华康医药有限公司 last_followup": ok
    }


@pytest.mark.parametrize(
    ("expected", "got", "ok"),
    [
        ({"at": "next_week:2", "time": "15:00"}, "2026-03-17T15:00", True),
        ({"at": "next_week:2", "time": "15:00"}, "2026-03-17T14:00", False),
        ({"at": "next_week:2", "time": "15:00"}, "2026-03-17", False),
        ({"at": "next_week:2", "time": None}, "2026-03-17", True),
        ({"at": "next_week:2", "time": None}, "2026-03-17T15:00", False),  # a time the rep never said
        ({"at": "today+1", "time": None}, "2026-03-12", False),
        ({"at": "today+1", "time": None}, None, False),
        (None, None, True),
        (None, "2026-03-12", False),
    ],
)
def test_next_followup(expected: dict[str, Any] | None, got: str | None, ok: bool) -> None:
    lead = exported(next_followup=got)
    assert verdicts({"company": lead["company"], "next_followup": expected}, lead) == {
        "无锡华康医药有限公司 next_followup": ok
    }


def test_a_bad_at_form_is_an_unmet_expectation_that_says_why() -> None:
    lead = exported(next_followup="2026-03-17")
    (check,) = check_lead({"company": lead["company"], "next_followup": {"at": "soon"}}, {}, [lead], TUESDAY)
    assert not check.ok and check.note.startswith("bad expectation")


def test_stage_owner_budget_products_and_contacts() -> None:
    lead = exported(budget=[800000, 800000], products=["台式彩超", "移动DR"])
    good = {
        "company": lead["company"],
        "stage": "初筛",
        "owner": "lina",
        "budget": [800000, 800000],
        "products_include": ["移动DR", "台式彩超"],
        "contacts_include": ["钱建国"],
    }
    assert all(verdicts(good, lead).values()) and len(verdicts(good, lead)) == 5
    bad = {
        "company": lead["company"],
        "stage": "报价",
        "owner": "wangqiang",
        "budget": [None, 800000],
        "products_include": ["移动DR", "DR"],
        "contacts_include": ["钱"],  # contacts are whole names, not prefixes
    }
    assert not any(verdicts(bad, lead).values()) and len(verdicts(bad, lead)) == 5
    assert verdicts({"company": lead["company"], "budget": [1, 2]}, exported(budget=None)) == {
        "无锡华康医药有限公司 budget": False
    }


def test_absent_and_missing_leads() -> None:
    lead = exported()
    assert verdicts({"company": "西门子医疗", "absent": True}, lead) == {"西门子医疗 absent": True}
    assert verdicts({"company": lead["company"], "absent": True}, lead) == {
        "无锡华康医药有限公司 absent": False
    }
    assert verdicts({"company": lead["company"]}, lead) == {"无锡华康医药有限公司 exists": True}
    expect = {"company": "无锡华康医疗", "stage": "初筛", "followups_added": 1}
    missing = check_lead(expect, {"无锡华康医药有限公司": 0}, [lead, exported("华康")], TUESDAY)
    assert [(c.what, c.ok) for c in missing] == [
        ("无锡华康医疗 stage", False),
        ("无锡华康医疗 followups_added", False),
    ]
    assert "leads created in the conversation: ['华康']" in missing[0].note


def test_an_unknown_expectation_is_unmet_not_ignored() -> None:
    lead = exported()
    assert verdicts({"company": lead["company"], "stgae": "初筛"}, lead) == {
        "无锡华康医药有限公司 stgae": False
    }


def test_reply_has_needs_every_string() -> None:
    assert check_reply(1, ["哪", "华康"], "是哪个客户？\n苏州华康\n无锡华康").ok
    check = check_reply(2, ["哪", "九龙"], "已记录跟进")
    assert not check.ok and check.what == "turn 2 reply_has" and check.note == "missing ['哪', '九龙']"
    assert check_reply(3, ["哪"], "").got == "(no reply)"


def test_report_prints_each_unmet_expectation_and_the_totals() -> None:
    right = Outcome("a", [Check("X stage", True, "初筛", "初筛")])
    wrong = Outcome("b", [Check("X stage", False, "报价", "初筛"), Check("X owner", True, "lina", "lina")])
    wrong.errors.append("import: row 2 refused: unknown owner")
    assert report_lines([right, wrong]) == [
        "a: right",
        "b: wrong (1 of 2 expectations not met, 1 replay errors)",
        "conversations right: 1/2",
        "expectations met: 2/3",
    ]
    verbose = report_lines([right, wrong], verbose=True)
    assert "  FAIL X stage: expected 报价, got 初筛" in verbose
    assert "  error: import: row 2 refused: unknown owner" in verbose


# ---- replayed through the bot ----------------------------------------------------------------------

BOOK = [
    {"公司": "苏州仁和医院", "城市": "苏州", "联系人": "周建华", "职务": "设备科主任", "电话": "13900000001",
     "产品": "台式彩超", "阶段": "需求确认", "负责人": "lina", "备注": "老客户，去年买过DR"},
    {"公司": "无锡安康医院", "城市": "无锡", "联系人": "陆文", "电话": "13900000002", "产品": ["腹腔镜"],
     "阶段": "初筛", "负责人": "lina"},
]  # fmt: skip
VISIT = "今天拜访了苏州仁和医院周建华主任，对台式彩超和移动DR都感兴趣，预算80万，下周三下午3点再去"
RIGHT = {
    "company": "苏州仁和医院",
    "followups_added": 1,
    "stage": "需求确认",
    "owner": "lina",
    "last_followup": {"kind": "visit", "contact": "周"},
    "next_followup": {"at": "next_week:3", "time": "15:00"},
    "products_include": ["台式彩超", "移动DR"],
    "budget": [800000, 800000],
    "contacts_include": ["周建华"],
}
UNTOUCHED = {
    "company": "无锡安康医院",
    "followups_added": 0,
    "stage": "初筛",
    "owner": "lina",
    "next_followup": None,
    "last_followup": None,
    "products_include": ["腹腔镜"],
}
CONVERSATION: dict[str, Any] = {
    "id": "small",
    "leads": BOOK,
    "turns": [{"as": "lina", "text": VISIT, "reply_has": ["苏州仁和医院", "80万"]}],
    "expect": [RIGHT, UNTOUCHED, {"company": "苏州移动DR", "absent": True}],
}


@pytest.fixture
def runner() -> Iterator[Runner]:
    # Every runner in this process shares one extractor for the catalog (conversations.shared_extractor).
    runner = Runner(FIXTURES / "org.toml", FIXTURES / "catalog.toml")
    yield runner
    runner.close()


async def test_a_conversation_the_bot_gets_right(runner: Runner) -> None:
    outcome = await runner.run(CONVERSATION)
    assert [c for c in outcome.checks if not c.ok] == [] and outcome.errors == []
    assert outcome.right and len(outcome.checks) == 16
    assert "已记录跟进" in outcome.turns[0].reply  # the confirmation reached lina's console


async def test_expectations_the_bot_does_not_meet_are_reported_with_what_it_did(runner: Runner) -> None:
    conversation = copy.deepcopy(CONVERSATION)
    conversation["turns"][0]["reply_has"] = ["无锡安康医院"]
    wrong = {
        "company": "苏州仁和医院",
        "followups_added": 2,
        "stage": "需求确认",
        "last_followup": {"kind": "call", "contact": "陆"},
        "next_followup": {"at": "next_week:4", "time": "15:00"},
        "budget": [None, 800000],
        "contacts_include": ["周主任"],
    }
    conversation["expect"] = [
        wrong,
        {"company": "无锡安康医院", "absent": True},
        {"company": "苏州仁和", "owner": "lina"},
    ]
    outcome = await runner.run(conversation)
    failed = {c.what: (c.expected, c.got) for c in outcome.failed}
    assert failed.pop("turn 1 reply_has")[1].startswith("已记录跟进")
    assert failed.pop("苏州仁和医院 last_followup")[1]["contact"] == "周建华"
    assert failed.pop("无锡安康医院 absent")[1]["company"] == "无锡安康医院"
    assert failed == {
        "苏州仁和医院 followups_added": (2, 1),
        "苏州仁和医院 next_followup": ({"at": "next_week:4", "time": "15:00"}, "2026-03-18T15:00"),
        "苏州仁和医院 budget": ([None, 800000], [800000, 800000]),
        "苏州仁和医院 contacts_include": (["周主任"], ["周建华"]),
        "苏州仁和 owner": ("lina", None),
    }
    assert [c.what for c in outcome.checks if c.ok] == ["苏州仁和医院 stage"]


async def test_rows_the_import_refuses_make_the_conversation_wrong(runner: Runner) -> None:
    conversation = {
        "id": "bad-book",
        "leads": [BOOK[0] | {"负责人": "nobody"}, BOOK[1] | {"微信号": "lw001"}],
        "turns": [],
        "expect": [{"company": "无锡安康医院", "stage": "初筛"}],
    }
    outcome = await runner.run(conversation)
    assert not outcome.right and all(c.ok for c in outcome.checks)
    assert outcome.errors[0] == "import: unknown columns ['微信号']"
    assert outcome.errors[1].startswith("import: row 2 refused: unknown owner 'nobody'")


@pytest.mark.parametrize("platform", ["console", *PLATFORMS])
async def test_dev_conversations_score_no_lower_than_measured(platform: str) -> None:
    """The same conversations written on the console, WeChat Work and DingTalk (Stream and HTTP)."""
    outcomes = await run_file(FIXTURES / "dev.jsonl", platform=platform)
    lines = report_lines(outcomes)
    print("\n".join(lines))
    right = sum(o.right for o in outcomes)
    met = sum(c.ok for o in outcomes for c in o.checks)
    assert len(outcomes) == 40 and sum(len(o.checks) for o in outcomes) == DEV_EXPECTATIONS
    assert right >= DEV_RIGHT_FLOOR and met >= DEV_MET_FLOOR, lines[-2:]


# Conversation sets once held out, now studied: their failures were read and fixed by kind, so they
# say nothing about unseen conversations any more, but every kind fixed on them must stay fixed.
STUDIED = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("folder", "file", "floor"),
    [
        ("conversations_unseen", "unseen.jsonl", 24),
        ("conversations_fresh", "fresh.jsonl", 12),
        ("study4/conversations", "study4_conversations.jsonl", 16),
        ("study8/a", "conversations.jsonl", 12),
        ("study8/b", "conversations.jsonl", 12),
        # a09 expects a question where the contact named settles it (the product's rule)
        ("study10/a", "conversations.jsonl", 11),
        ("study10/b", "conversations.jsonl", 12),
        # s11_04 is the writer's call (a trial's kind), s11_15 a team-mate's customer, which a rep may
        # not log on (refused, as when named in full); s11_12 (a met new customer starts 初筛) is right
        ("study11", "conversations.jsonl", 14),
        # s13_10: 晟华会所 said for 上海晟华置业 (another kind of business of the brand) is not linked
        ("study13", "conversations.jsonl", 13),
        ("study14", "conversations.jsonl", 14),
        ("study15", "conversations.jsonl", 14),
        ("study16", "conversations.jsonl", 16),
        # s18_03 and s18_11 count a plan-only follow-on as a second follow-up (the writer's count; the
        # product's rule sets the plan of the record it follows)
        ("study18", "conversations.jsonl", 14),
        # s20_09: "价格在一百八十万上下" two clauses after "那单" is read as a price, not the deal's
        # worth (价格 alone may be a unit price); left
        ("study20", "conversations.jsonl", 14),
        ("study21", "conversations.jsonl", 15),
        ("conversations_six", "six.jsonl", 10),
        ("conversations_final", "final.jsonl", 15),
        ("conversations_next", "next.jsonl", 10),
        ("conversations_seven", "seven.jsonl", 15),
        # held out and scored once (12/15 and 9/15), then studied
        ("conversations_eight", "conversations.jsonl", 15),
        ("conversations_nine", "conversations.jsonl", 15),
        ("study22", "conversations.jsonl", 15),
        # s25_03: a handed-over inquiry "我还没打过去" (a contact denied) is read as contacted, and "黄总转给
        # 我的" (our manager) as its contact; left
        ("study25", "conversations.jsonl", 14),
        # s24_15 turn 3 ("他们现在用的是电信 合同下个月到期" after the call) expects no second follow-up (a
        # remark, as writer_conv.md rules), but study10/b b01 expects one for the same kind ("对了 他们现在
        # 招聘用的是北森 合同明年6月到期"): the two writers disagree; left for the lead to settle
        ("study24", "conversations.jsonl", 14),
        ("study27", "conversations.jsonl", 15),
        # s28_11: "两台万分之一天平和一台千分之一的" leaves the second product's head (天平) unsaid; the
        # catalog's alias is "千分之一的天平", so 精密天平 is not read; left
        ("study28", "conversations.jsonl", 14),
        # held out and scored once at 4857ce7 (10/15), then studied
        ("conversations_ten", "conversations.jsonl", 15),
        # held out and scored once (11/15), then studied. h11_01 turn 2 ("对了他们对X也有点兴趣 问了…还有没有
        # 空位") expects no second follow-up; a new want said after a report is one more follow-up, as the
        # shared conversations README's own example has it ("对了他们还想看看DR" → 2): the writer's count
        ("conversations_eleven", "conversations.jsonl", 14),
        # held out and scored once (10/15), then studied. h12_11 turn 3 ("他们还想顺便试试X" after a
        # visit) expects no second follow-up; a new want after a report is one more, as the shared
        # README's example ("对了他们还想看看DR" → 2) and conversations_unseen u08/u14 have it: the writer's.
        # h12_15 expects a demo held on a 初筛 deal to keep 初筛, against the product's rule that a demo
        # held moves a deal before 方案演示 to it (handlers/lead_facts.reached_stage); the writer's call
        ("conversations_twelve", "conversations.jsonl", 12),
        # held out and scored once (14/15), not studied
        ("conversations_thirteen", "conversations.jsonl", 14),
        # held out and scored once (15/15), not studied
        ("conversations_fourteen", "conversations.jsonl", 15),
        # held out and scored once at e9ae64b (8/15, 80/103), then studied: 13/15; 14/15 since a product
        # that exactly one candidate holds settles a shared name (the rule; h15_10 now right, the
        # other candidates shown with the record). h15_03 expects a question where the contact named by
        # title (蒋院长, the one lead's 院长) settles it: the product's rule is that a contact settles
        # it; left
        ("conversations_fifteen", "conversations.jsonl", 14),
        # held out and scored once at c4163f4 (10/15, 98/115), then studied (13/15, 105/115): a follow-on
        # wishing a signing ("想一起签了"), out of a meeting as a visit, a brand with its kind (X民宿) for a
        # full name with a place inside. h16_09 (a same-brand ambiguity the product settles) right since
        # the rule that a product exactly one candidate holds settles it: 14/15. Left: h16_14 (a
        # new full-name lead vs a same-brand lead)
        ("conversations_sixteen", "conversations.jsonl", 14),
        # held out and scored once at 2543261 (13/15, 113/116), then studied: 14/15, 115/116 (asked to come
        # over on a later day is the rep's plan; a contract sealed and already sent out is signed). h17_08
        # turn 2 (the customer's delivery timeline and the rep's plan) counts as a second follow-up: a
        # plan-only follow-on sets the plan of the record it follows (as study18's s18_03); the writer's count
        ("conversations_seventeen", "conversations.jsonl", 14),
        # held out and scored once at 088fc07 (13/15, 162/169), then studied: 15/15, 169/169 (signed at
        # their works is a visit with the stage; a district the rep went to settles a shared name; a
        # budget corrected by a bare amount)
        ("conversations_eighteen", "conversations.jsonl", 15),
        # held out and scored once at 088fc07 (11/15, 117/129), then studied: 15/15, 129/129 (a product
        # one candidate holds settles a shared name, the others shown; 陈生 / 何小姐 name the contact;
        # goods sent on are delivered; a brand after a three-character area: 北外滩瑞景广场 → 瑞景)
        ("conversations_nineteen", "conversations.jsonl", 15),
        # held out and scored once at 15f3df3 (11/15, 144/149), then studied: 15/15, 149/149 (a given
        # name that starts with 一 after a title; a new day said by 改X after a reason that has a day of
        # its own; a trial the customer held, told over a channel, is that channel; a slip owned at the
        # end, "我记错了", corrects the value before it)
        ("conversations_twenty", "conversations.jsonl", 15),
        # held out and scored once at e4cdbac (12/15, 125/129), then studied: 15/15, 129/129 (a contract's
        # seal said before its verb is signed; the customer come to any place of ours is a visit; a
        # correction "不是X 是他们Y的Z" corrects the person, a function of theirs being no organisation)
        ("conversations_twentyone", "conversations.jsonl", 15),
        # held out and scored once at 69597a1 (15/20, 169/181), then studied: 20/20, 181/181 (a city's
        # public hospital by its city and ordinal or kind, X二院 / X人医 / X中医院, a department after
        # it; a person gone out, 出去开会了, is away; the organisation that sent the customer to us,
        # "X的Y推荐的我们", is no customer; bought elsewhere, 在别家买了, is lost; asked over to talk,
        # 约我过去谈, is a visit; a customer's trial of a week, 试用了一个礼拜 反馈…, is no demo)
        ("conversations_twentytwo", "conversations.jsonl", 20),
        # held out and scored once at 33b3ba2 (12/15, 120/126), then studied: 15/15, 126/126 (the brand
        # after a city's port, 唐山港X, is its short name; 岔 for 错 owns a slip, 写岔了; a surname and
        # title after a function and 的, then the full name, is that person; 今儿 / 后晌 before going
        # there is a visit; the goods taken away by the customer, 都提走了, are delivered)
        ("conversations_twentyfour", "conversations.jsonl", 15),
        # held out and scored once at c0b9e45 (14/15, 128/129), then studied: 15/15, 129/129 (a look asked
        # for before a short name, 帮我看下X现在到哪一步了, names it up to the question)
        ("conversations_twentythree", "conversations.jsonl", 15),
        # held out and scored once at cbdc4d6 (11/15, 124/140), then studied: 15/15, 140/140 (a brand after
        # a bay, island or beach of the city, X湾/岛/滩, is its short name; a known customer named with
        # its contact as the referrer, "X雷店长介绍的", pulls no new customer over; a holiday word, 假日,
        # inside a full name; a manager naming a rep as whose customer, "符强的X", or asking for a rep's
        # customers, "何丽手上现在一共有哪些客户", which lists them; 万 starting a name is no 1万)
        ("conversations_twentyfive", "conversations.jsonl", 15),
        # held out and scored once at 7688c40 (11/15, 123/130), then studied: 15/15, 130/130 (a numbered
        # school by its district or city, number and kind, X五中 / X二小, and a public body by its common
        # abbreviation, X教委 / X教体局 / X卫健委, link the lead; a trial told in the customer's reply by a
        # channel, 微信回我了, is that channel; a titled surname takes the full name written alone before a
        # phone elsewhere, "文副校长打的 文建华 139…", also in a correction of the person)
        ("conversations_twentyseven", "conversations.jsonl", 15),
        # held out and scored once at 7688c40 (7/15, 110/126), then studied: 14/15, 125/126 (Cantonese
        # function words, 咗/嘅/唔/佢/系/啱啱/而家/下昼/乜嘢, read as their Mandarin before any rule; 同 for
        # "with" before a short name; another call from the customer as a whole, "佢哋又打咗个电话嚟",
        # names no contact; the customer's answer owed by a day, "对方表示…之前给最终答复", beside the
        # rep's own plan, "我这边计划…"). h26_04 expects 点焊机器人 from "点焊工位", which is neither its
        # name nor an alias (the corpus README labels catalog names and aliases only); left
        ("conversations_twentysix", "conversations.jsonl", 14),
        # held out and scored once at 2286832 (13/15, 133/135), then studied: 15/15, 135/135 (another call
        # from them, "下午他又打过来", is a call and a record of its own; a titled person's deadline told
        # with the channel between them and 说, "柯经理电话里说下周五前定", is no plan of ours)
        ("conversations_twentyeight", "conversations.jsonl", 15),
        # held out and scored once at 2286832 (12/15, 126/132), then studied: 15/15, 132/132 (一块儿 for
        # "together", "两样加一块儿不超过三十万", is no 1 yuan; a kind said short, X律所 for X律师事务所,
        # links the lead in a correction too; the customer coming to our place named bare, "约了他们…
        # 来展厅看样", is the plan; a presentation told by how it went, 方案汇报很顺利, is a demo)
        ("conversations_twentynine", "conversations.jsonl", 15),
        # held out and scored once at 88048db (13/15, 113/118), then studied: 15/15, 118/118 (a word of a
        # catalog product's name before its price, "X那个价", is no customer, so the person by surname
        # and title links the book's lead; "不是X 是Y" of the name the record just logged, with a reason
        # after it and no 联系人 said, renames that contact)
        ("conversations_thirty", "conversations.jsonl", 15),
        # held out and scored once at 1deeaab (8/15, 137/146), then studied: 14/15, 145/146 (接待 before a
        # place or a purpose, 接待中心 / 接待用, is no visit, so a follow-on keeps the call and its person;
        # a person called away, said by 他/她 in the next clause, is not the one met; an English meeting,
        # call, con-call or demo said held, "上午的meeting很顺利"; a contract's seal or procedure said done
        # further on is signed; the whole deal given to a rival, or no chance left on it, is lost; the day
        # a service starts, "3号开始我们派人驻场", is no plan; X董 for a 董事长; a title said short alone
        # for the one longer title on file, 书记 for a 党委副书记). h31_14 turn 2 (a remark of the record's
        # own person and a vague day) expects a second follow-up; a follow-on with no fact the CRM keeps
        # is a remark on the record it follows (the product's rule, as study24's s24_15 has it; the shared
        # README's "对了他们还想看看DR" → 2 adds a product): the writer's count, left
        ("conversations_thirtyone", "conversations.jsonl", 14),
        # held out and scored once at d790466 (13/15, 144/146), then studied: 15/15, 146/146 (the rep's
        # own step with the customer that day, "我下周一先跟她把人数对一下", is the plan whatever the verb,
        # after the customer's timeline; a customer correction naming that customer's known person by
        # surname + title links them even when the extractor reads no person, as with a rare surname)
        ("conversations_thirtythree", "conversations.jsonl", 15),
        # held out and scored once at d790466 (13/15, 126/129), then studied: 15/15, 129/129 (an answer to
        # "是哪个客户？" that also says who called and how, "X那家，谢经理打来的", completes the held report
        # with all its facts, budget and plan kept, and the answer's contact added; a typo owned first,
        # "打错字 是Y 不是X 唔该", is no customer's name and the swap corrects the contact)
        ("conversations_thirtytwo", "conversations.jsonl", 15),
        # held out and scored once at 97f8435 (7/15, 94/127), then studied: 9/15, 102/127 (a public body
        # by its common abbreviation after its city, "X疾控", "X质检院", is that customer; a unit after a
        # known customer's name, "X疾控理化所", "Y质检科", is that customer, not a new lead, unless the
        # unit is an organisation word of its own, "Y诊所"; funds granted at most, "经费最多批N万", are a
        # ceiling)
        ("conversations_thirtyfour", "conversations.jsonl", 9),
        # held out and scored once at 97f8435 (7/15, 114/139), then studied: 8/15, 118/139 (one message on
        # two customers of one shared short name, each after its city, "A市X…\nB市X…", is one report
        # each); then studied again (study_split): 8/15, 124/139 (a second customer of the book after ；
        # when the first part names an organisation in passing: each part is the report on the customer
        # of the book it names, the mention no lead; a call to press for something, "电话催报价单", and
        # a trial at our yard, "来场里试了", are the contact). Left: a short name before its trade word,
        # a nickname, 工地上见的 as a visit, a plan, a follow-on count; h35_15's stage 需求确认 after a
        # demo held contradicts the documented rule (a demo held reaches 方案演示)
        ("conversations_thirtyfive", "conversations.jsonl", 8),
        # held out and scored once at 508093b (10/15, 114/130), then studied: 15/15, 130/130 (a fee said
        # per month, "每月N", "一个月总共N左右", is the budget; a range from thousands to 万 keeps its lower
        # bound; the sealed contract handed to us is signed; the price list gone through with them is a
        # quote; 网管 by surname is a contact; a new value set then 改一下 alone corrects the record; a
        # person by title then "姓X" in a clause of its own is the new contact; their own meeting to decide
        # after the day is no plan; a second report named only by another customer's known contact, after
        # a stop, is that customer's; a generic kind said alone names the one customer of the book holding
        # it). Left: nothing
        ("conversations_thirtysix", "conversations.jsonl", 15),
        # held out and scored once at 508093b (9/15, 122/140), then studied: 14/15, 131/140 (a brand after
        # its district that starts with a sibling district's name, "柳江区三江口…", keeps it: the
        # gazetteer's districts never nest; stages with no stage word: a deposit moved into our account
        # is 签约, the goods unloaded are 交付, "莫得搞头了" is 输单, a further cut asked and taken to the
        # boss or the price worn down at length is 谈判, a price given as "报到N" is 报价; the proposal
        # presented "从头讲了一遍" is a demo; a report moved to another customer takes the stage it told
        # even when the wrong customer stood there, and "跟X场长谈的" after the new customer names its
        # contact); then studied again (study_split): 15/15, 140/140 (one message on the one customer of
        # the book it names and, after a stop, on a new customer named in full with a contact and a
        # phone, "…明天回他。另外…X有限公司的Y总，139…", or the other way round, is a follow-up on the
        # known customer and a new lead of the other, each with its own part's facts). Left: nothing
        ("conversations_thirtyseven", "conversations.jsonl", 15),
        # held out and scored once at 508093b (6/15, 116/130), then studied: 15/15, 130/130 (a corrected
        # day keeps the time said in a clause of its own, "改成下周五，还是上午十点"; a planned day moved to
        # another time of it, "下周一改到下午两点，上午…", with why after a pause, is the plan; a deal settled
        # at their place with 把, "在她们公司把合同签了", is a visit; a corrected amount is the head's when
        # a later clause names the old one, "是二十五万，28是去年的数"; the one term left to change, "就是
        # 付款想改成…", or the last price cut before signing, "再让三个点就可以签", is negotiation; a
        # contact's number asked for again, "X的电话再发我一下", is a query; an answer to "是哪个客户？"
        # with the rep's own plan in a sentence after it completes the report with that plan; a person
        # named by 小X then in full with a phone, and "是X，Y经理那边" in a customer correction, are the
        # corrected contact). Left: nothing
        ("conversations_thirtyeight", "conversations.jsonl", 15),
        # held out and scored once at be8670c (8/15, 118/136), then studied: 13/15, 125/136 (a deal the
        # competitor did with the trade's own verb, "最后给X拍了", is lost; "预算打反了" / "写反了" is a
        # correction; a colleague addressed as 小X / 老X or a boss as X总 at the start is no customer's
        # person, and an instruction to them is no follow-up; "电话过了一遍" is a call; a person new at the
        # customer introduced by a job that is no title, "新来的车管X", is the contact); with study_split's
        # known-and-new split merged, 14/15, 132/136 (h39_04, a new customer after 另外, now right). Left:
        # h39_06, two customers of the book glued without a pause ("…收掉X文队长微信上回了…")
        ("conversations_thirtynine", "conversations.jsonl", 14),
        # held out and scored once at be8670c (11/15, 124/140), then studied: 14/15, 134/140 (a lead-in
        # before a colon, "今天电话跟了两家：A…；B…", says its kind of contact for each report after it;
        # a closing sentence whose every clause starts on a customer reported before, "A那边下周三我再去，
        # B等…再说", gives each its own plan; "我们这单就算了" is 输单; a correction whose old value is the
        # word the report named its customer by, "不是X", moves the record even when the book takes X for
        # no short name, a brand that is a town's name elsewhere); then studied again (study_ref): 15/15,
        # 140/140 (an emoji ends a sentence as a stop does, so a report on the book's customer closed by
        # one, "…做完了👌 X还帮忙介绍了个新客户：Y诊所，院长姓温，电话…", then a new customer named in full
        # with a contact and a phone is a follow-up and a new lead; the one who introduced it, "X还帮忙
        # 介绍了", is not its contact; an installation visit with the users' training said done is 交付).
        # Left: nothing
        ("conversations_forty", "conversations.jsonl", 15),
        # held out and scored once at 4835448 (10/15, 130/143), then studied: 13/15, 138/143 (an answer to
        # "是哪个客户？" that tells the candidate apart by two marks, each its own clause, "X那家，<trade>的";
        # a correction said with 整 for the verb, "时间整岔了"; a proposal gone through with them, "把方案给
        # 他们过了一遍", is a demo; the price haggled "在跟我磨价", or points asked off, "想让咱再让五个点",
        # is 谈判). Left: h41_03 and h41_11, a second customer named by a nickname in the same message
        # ("大染缸，就是X那个厂", "豆腐坊老柴"; the several-customers split, studied on its own branch)
        ("conversations_fortyone", "conversations.jsonl", 13),
        # held out and scored once at 4835448 (11/15, 121/129), then studied: 14/15, 125/129 (a plan after
        # a tilde of tone, "能不能一起做～明天下午三点我把方案发他", is the rep's own: the tilde
        # ends a clause; an amount said per quarter, "一个季度12万", is a budget as one said per year; a
        # quote sheet handed over on the spot, "报价单当场给他了", is 报价, also re-opening a lost deal;
        # a lawyer or a school's head called by surname and 律 / 校, "何律", "彭校", is the book's
        # contact of that stored title).
        # Left: h42_06, one message on two customers told in turn, "今天跑了两家。上午A…；下午B…": all of
        # it goes to A, B gets nothing (multi-customer splitting, studied on its own branch)
        ("conversations_fortytwo", "conversations.jsonl", 14),
        # held out and scored once at b04d74b (4/15, 87/121), then studied: 7/15, 100/121 (a minority name
        # goes on with its ending, 买买提 + 江, and a family part after a middle dot; a contact stored with a
        # dotted name is named by its given part; a side of a mountain or lake, 北麓, stays in a registered
        # name). Left: a sale told in two customers' halves of one message (multi-customer splitting, on its
        # own branch); "刚才说错了" corrections put on the last customer told; stage news without stage
        # words (laid, tested: 交付; lost to a rival; handed to review); kinds of contact told only by
        # where (在地里: visit) or by what was sent (报价单发给: online); no time for more
        ("conversations_fortythree", "conversations.jsonl", 7),
        # held out and scored once at b04d74b (8/15, 87/96), then studied: 10/15, 90/96 (an English given
        # name that called or wrote is the contact: "X打电话过来", "X 杨今天加了我微信"). Left: a surname
        # and title for a known contact with an English name (孙总 → Kevin 孙), a correction's spaced English
        # name cut off by the clause split, a contact named without a customer (multi-customer lookup), the
        # customer's own promise taken as the plan (gold disputed)
        ("conversations_fortyfour", "conversations.jsonl", 10),
        # held out and scored once at 4f7030e (11/15, 77/89), then studied: 15/15, 89/89 (an answer to
        # "是哪个客户？" that opens on a part of the name only one listed candidate has, "X那个 …", and
        # goes on with news completes the kept report with it; a customer of a district is named by the
        # district without its kind and its brand, "铁西康宁", so a message on two customers splits; a
        # signing, then the deal said lost, "…签了两年 这单算黄了", is 输单; 一块 before a verb, "一块签了",
        # is together, no 1 yuan; a correction said with 串, "整串了", after an interjection, "嗐").
        # Left: nothing
        ("conversations_fortyfive", "conversations.jsonl", 15),
        # held out and scored once at 4f7030e (10/15, 81/98), then studied: 15/15, 98/98 (Cantonese
        # read as Mandarin further: 头先, 寻晚, 同 for 跟 before a person or a customer, 唔该 before an
        # ask is please, 拎; an ask to change said before the slip, "麻烦改一下，刚才打错了", is still a
        # correction; a deal taken by a named competitor said passive, "标给X拿了", is 输单; the
        # service's people at work, "正式上岗了", is 交付; a counted round of places, "连走两个盘", is a
        # visit, said for each customer after it; days a trial lasted, "试用了两日", are no date; the
        # person named first said busy or away was not met, the next one named was; a brand after a
        # town written bare after its district names the customer).
        # Left: nothing in this set; none of its gold disputed
        ("conversations_fortysix", "conversations.jsonl", 15),
        # held out and scored once at 4f7030e (6/15, 74/111), then studied: 15/15, 111/111 (a subdistrict,
        # 街道, after the city is a place, and a cooperative's produce and 专业 before 合作社 are words a
        # short name drops; a name contracted in order, "X农技中心", with its contact named; a district
        # before a subdistrict inside another full name names no lead, and a near match of one place's
        # two names must be near without the place; a referrer said "X的钱总给介绍过来的"; an answer to
        # "是哪个客户？" by two clauses, the trade said with 公司; settled at their place with someone
        # between, "在他们办公室X那边把章盖完了", is a visit, and 顺带看看 is no 带看; a step of today
        # told with how the customer took it, "下午我给他打电话他也没多说啥", is done; voice input cut at
        # its pauses for a known customer then a new one gone to and named with a phone, or for each
        # customer's own step said at the end; 隔壁 before a name). Left: nothing (no gold disputed)
        ("conversations_fortyseven", "conversations.jsonl", 15),
        # held out and scored once at fbdb89c (7/15, 83/111), then studied: 15/15, 111/111 (a rep's
        # one-character shorthand for the kind of contact, 拜/电/微, at a clause's start as a word of its
        # own or glued before whom it was, "拜X王总", "X李经理 电", and no part of the name; a subdistrict's,
        # town's or township's own office named by its place, bare, with its kind or before the office said
        # short, "X街道", "X街办", "X社卫"; a numbered list, "今日：1. … 2. …", cut at its numbers, each item
        # a report on the customer or the contact it names, with or without a kind; a part's contact one of
        # the book's when the part names another organisation in passing; a head called by surname and 院
        # before when or what they did, "X院下午来电", "X院在"; a subsidy's funds approved are no budget;
        # their place said with 里 after going, "去院里当面聊", is no customer). Left: nothing (no gold
        # disputed)
        ("conversations_fortyeight", "conversations.jsonl", 15),
        # held out and scored once at 5aed021 (6/15, 109/131), then studied: 13/15, 128/131 (the customer
        # trying the thing itself by playing or riding it, "试骑了", is a demo; a message pasted after
        # "X微信：「…」" came by WeChat; gone into their place and talked there, "去所里谈了", is a visit;
        # an answer owed to the rep in the customer's own words, "月底前给你答复", is no plan; 少年宫,
        # 青少年宫 and 文化宫 are institutions; a university of a four-character name said by its
        # abbreviation, alone or before its school, "华师大外语学院"; its school said alone is the lead
        # whose contact is named; a given name ending in a double surname's character, "X振宇老师", is
        # no brand and person; the Hui surnames 撒, 妥, 拓; a numbered school from twenty up said by its
        # number alone, "四十七中"). Left: a short name two leads share settled by the product only one
        # holds, where the gold wants a question (h49_03). Disputed: h49_03's and h49_06's stage
        # 需求确认 after a demo held contradicts the documented rule (a demo held reaches 方案演示)
        ("conversations_fortynine", "conversations.jsonl", 13),
        # held out and scored once at 5aed021 (10/15, 92/102), then studied: 15/15, 102/102 (a chain's
        # outlet named by its road and its kind said short, "X路站", "X路店", when its full name says
        # brand, city, road, then the kind; an answer to "是哪个客户？" picking by the road or the trade
        # with the kind of place after 那个 ("X路那个站", "X场那家"), the contact said beside it, and the
        # other candidate it says it was not after it ("…，不是Y"); something settled at their station
        # or yard with the contact, "在X站跟Y把合同章盖了", is a visit; a customer corrected with a
        # clause after the new one saying whose it was, "不是A，是B，Z店长要的", links B's known contact).
        # Left: nothing in this set; none of its gold disputed
        ("conversations_fifty", "conversations.jsonl", 15),
        # held out and scored once at 9d70acf (10/15, 74/89), then studied: 15/15, 89/89 (a referrer said
        # with its person and no 的, "X贺总给介绍的", and the customer's neighbour said as an example,
        # "，隔壁X去年上的别家", are not the customer; the range the customer holds the whole price within,
        # "价格压在A到B万之间", is its budget; a product said with its generic head cut, "防遥控的" for
        # "防遥控模块"; a listed customer told apart by a short form of its name, "粮库那个" for
        # "X粮油储备库"). Left: nothing in this set; none of its gold disputed
        ("conversations_fiftyone", "conversations.jsonl", 15),
        # held out and scored once at 9d70acf (10/15, 81/91), then studied: 14/15, 90/91 (an organisation
        # cited as having bought a competitor's goods, "隔壁X去年上的<rival>", is not the customer; a short
        # brand gone to before "给<person>讲/培训"; a product then what is wanted of it, "X要…", is no
        # organisation; a trial account handed over, "试用账号给开了", is no demo; an office's head said
        # short before their call, "X校打来的", is the known contact). Left: a quote sent with no channel
        # said ("quote今天发过去了") records the stage only, no follow-up (h52_04).
        ("conversations_fiftytwo", "conversations.jsonl", 14),
        # held out and scored once at f945318 (9/15, 83/101), then studied: 15/15, 101/101 (Wuhan speech
        # read as Mandarin: 克 for 去 after what goes or before where one goes, 么样 for 怎样; 冇得戏 (没得戏)
        # and 莫得戏 are 输单; the end of a customer's name after an area no gazetteer knows, "X物流园",
        # with its contact named; a committee something is put to, "先报业委会", is no organisation; a
        # last sentence said of both customers reported, "两家都是下周二再联系", is each one's plan; the
        # one met described before the swap, "今天见的不是X 是Y", with a 师傅 whose full name follows; a
        # demo the customer says they looked at, after the rep's visit, is no demo held).
        # Left: nothing in this set; none of its gold disputed
        ("conversations_fiftythree", "conversations.jsonl", 15),
        # held out and scored once at f945318 (11/15, 105/114), then studied: 15/15, 114/114 (a ceiling
        # put on the whole price, "价格不能超过X万", is the budget's; a follow-on's "预算差不多X万" is the
        # budget, no addition; 再来 typed 在来 is a plan; the old contact named before the slip, "刚说的X
        # 搞错了 是Y", is no new value; a district's hospital said short, "X人民医院" for "X区人民医院", and a
        # brand after a river's mouth area, "X江口<brand>", name the customer, so a two-customer report
        # is cut). Left: nothing in this set; none of its gold disputed
        ("conversations_fiftyfour", "conversations.jsonl", 15),
        # held out and scored once at f945318 (13/15, 98/104), then studied: 15/15, 104/104 (讲错, the
        # south's and Cantonese 说错, marks a correction, "唔好意思讲错客户，…系B唔系A" moving the record
        # and "讲错，…系佢哋X部邓主管" correcting its contact; a corrected person's full name said in a
        # clause of its own with 叫, "，叫邓晓彤", completes the person the head names).
        # Left: nothing in this set; none of its gold disputed
        ("conversations_fiftyfive", "conversations.jsonl", 15),
        # held out and scored once at f945318 (12/15, 95/102), then studied: 15/15, 102/102 (a storage size
        # or a line's bandwidth, "50TB上下", "100Mbps", is no money, nor is what comes after a time pushed
        # down, "RPO要压到15分钟"; an answer to "是哪个客户？" with an emoji after it, "X那个 👌"; a list
        # and one customer's record asked in one message, each answered). Left: nothing in this set; none
        # of its gold disputed
        ("conversations_fiftysix", "conversations.jsonl", 15),
        # held out and scored once at 0a46b7c (11/15, 103/110), then studied: 15/15, 110/110 (the
        # Northwest's 尕 before a surname is 小 and 谝 is 聊; "跟X聊了半天Y咋用" told as done is a report,
        # no help asked; "过去聊了一阵" is a visit; "今年用<rival>的了" and "我们的就不要了" lose the deal;
        # "他们新换的<title>X" names no customer). Left: nothing in this set; none of its gold disputed
        ("conversations_fiftyseven", "conversations.jsonl", 15),
        # held out and scored once at 0a46b7c (9/15, 91/104), then studied: 14/15, 102/104 (the rep's own
        # people sent on a day, "周三我安排技术 去现场", are the next contact; hours sat at their place are a
        # visit; the one a pasted message greets first is the rep, not its writer; a figure's unit said in
        # words, "一千六百千伏安的", is no customer; a name contracted after its city, with its contact
        # named, is the customer); then at ecb7523 15/15, 104/104 (a correction naming the new contact by
        # title alone, then the full name in a clause of its own, "是他们的副院长 赖小平"; 赖, 萧, 丘 as
        # surnames). Left: nothing in this set; none of its gold disputed
        ("conversations_fiftyeight", "conversations.jsonl", 15),
        # held out and scored once at 0a46b7c (13/15, 111/113), then studied: 15/15, 113/113 (our bid struck
        # out, "被废标", is a loss, and a competitor's signing in its own clause is no signing of ours; a
        # plan after a correction of another field, "更正一下，是54万 … 后天下午两点过去", is kept, and the
        # bare amount makes it the correction, not the answer to "when next?"). Left: nothing in this set;
        # none of its gold disputed
        ("conversations_fiftynine", "conversations.jsonl", 15),
        # held out and scored once at ecb7523 (7/15, 124/139, steel structures, Northeastern speech), then
        # studied: Northeastern words read as Mandarin (唠 聊, 瞅 看, 后儿 后天, 昨儿 昨天, 嘎哈 干啥); an
        # official called 王处 talked with; 上X溜达了一圈 is a visit; 在走合同 is the negotiation; a figure
        # then a refusal of more (多了不整) is a ceiling; the kind of body alone (合作社富理事长) names no
        # customer; joining their meeting that day (他们开会定，我过去给讲讲) is the plan; 是哪个客户？ about
        # a person lists each candidate's person of that name. Left: nothing in this set; none of its gold
        # disputed
        ("conversations_sixty", "conversations.jsonl", 15),
        # held out and scored once at ecb7523 (5/15, 111/137, amusement equipment, Wu words), then studied:
        # Wu 勿/覅/搿/呒没/后日 read as Mandarin; a visit said as 去过了 or 带我们兜了一圈; a mall called
        # X广场 for the book's X商业管理, a town's government by its town, a kindergarten contracted after
        # its district; stage news with the contact's answer said with 讲 is a report; a lead-in (跑了两家：)
        # before the first customer's time of day; 对接人是小贝 (a nickname that is also a word). Left: none
        # of this set (15/15, 137/137).
        ("conversations_sixtyone", "conversations.jsonl", 15),
        # held out and scored once at ecb7523 (4/15, 139/161, accounting agency, pinyin shorthand and formal
        # reports, Henan words), then studied: 15/15, 161/161 (pinyin initials, bj, lxr, xs, kh, read as
        # their words; small budgets said short or by how the price is held: 卡在…以内, 一年3k以内, 打包,
        # 年费定在, a quote the customer took; what a plan is for, in the clause after it, is planned, not
        # the contact made; the manager greeted or apologised to first is no contact; 非常抱歉 opens a
        # correction; the first customer of a two-customer report corrected is that record's correction;
        # 报价单已发送 is a quote; a firm of the county of its city's name, 新乡县X, is named without it;
        # a pick names the kind of place after its pointer, "X那个食品厂"). Left: nothing in this set; none
        # of its gold disputed
        ("conversations_sixtytwo", "conversations.jsonl", 15),
        # held out and scored once at ecb7523 (8/15, 110/121, wire and cable, Chaoshan-flavoured run-on
        # messages), then studied: 15/15, 121/121 (Chaoshan words, 伊 for 他, 食茶 / 食了一泡茶 a visit, 后日,
        # 定落来; the voice slips 电览, 报加 read as 电缆, 报价; what the customer 讲 is their timeline and,
        # after stage news, a contact; a quote sent 今早 by WeChat is quoted; 封顶 before the figure is a
        # ceiling; "报告好消息，" heralds the news and names no customer; a contract's price per ton, "7万8
        # 一吨", is no budget; 房地产开发 is an industry word, so a developer is named by its brand and 地产).
        # Left: nothing in this set; none of its gold disputed
        ("conversations_sixtythree", "conversations.jsonl", 15),
        # held out and scored once at ad9c071 (3/15, 112/136, ready-mixed concrete, a report typed in
        # fragments over several turns, Yunnan / Guizhou words), then studied: 4/15, 117/136 (a charge and
        # how it is counted, 泵送费按方算, and a trade before 的, 做X和Y的 老板Z, name no customer; a deal
        # done in the office of their person, 在X部长办公室盖的章, is a visit). The study also made a report
        # typed in fragments one follow-up (10/15), but that counted a follow-on of a short report as no
        # follow-up of its own, against the format's own example ("对了他们还想看看DR" is a second one) and
        # three handler tests, so it was taken out at merge. Then (fragments): 10/15, 123/136 (a report
        # opened with the contact alone and typed on within minutes is one follow-up; an afterthought, 对了
        # / 另外 / 还有, or a contact of its own after it is one more, as after a whole report: over every
        # set's follow-ons the first message being whole or bare, not what the follow-on fills, tells the
        # writers' counts apart). Left: a manager's new customer announced first and named later (h64_11,
        # h64_15); 哦不对 是安泰 (h64_07); two customers then a fragment on each (h64_08); an amount
        # corrected inside one message (h64_10)
        ("conversations_sixtyfour", "conversations.jsonl", 10),
        # held out and scored once at ad9c071 (6/15, 126/147, sanitation vehicles, managers logging for
        # their reps, Guangxi words), then studied: 13/15, 142/147 (帮X记一下： for a colleague is a report,
        # not a new lead; in a manager's note on a rep's day the rep's own plan, said with the pronoun the
        # note uses for them, is the next contact, and the rep named as 韦工 is not the customer's person;
        # a head called by surname and 站/所/股, or before 刚微信 / 讲 / 谈; a bureau of two remits after
        # its district is one name, and a new one of another district is no book customer sharing its
        # words; stage news come of a talk with their person is a follow-up; "X那个建好了么" is a query).
        # Left: a district said alone (兴宁) with two customers there is not asked about (no book name is
        # a district alone), so the answer "环卫所那个" makes a lead; "环卫股谢股长" keeps only the title
        ("conversations_sixtyfive", "conversations.jsonl", 13),
        # held out and scored once at ad9c071 (11/15, 139/145, mining machinery, Shandong speech), then
        # studied: 15/15, 145/145 (Shandong words 俺, 夜来, 拉呱 read as 我, 昨天, 聊天; at their place
        # with the person, talked till late or a thing gone over together, "在X跟Y聊到九点多",
        # "在X跟Y把价格过了一遍", is a visit, the place's name may hold 和; a quote handed over with when
        # and how between, "报价今天上午当面送过去了", is quoted; a full name after the shop floor,
        # "车间王立群王主任"; the one met said wrong with no marker, "还有，今天见的不是X，X出差了，是Y",
        # corrects the record). Left: nothing in this set; none of its gold disputed
        ("conversations_sixtysix", "conversations.jsonl", 15),
        # held out and scored once at 3a686bd (4/15, 95/127, hotel technology, reps writing in English
        # with Chinese names), then studied (7/15, 103/127): English days from now ("in 3 days", "the
        # Friday after next, 9:30am"), plans said without "will" ("Going back next Wed 3pm", "Meeting
        # again …") or with a Chinese word in them, a demo / a phone call / a meal said done in English,
        # budgets with "to" or an en dash, "not more than", "phase 1" no money. Left: a customer
        # corrected in the next message (椰风 not 椰林), a contact corrected (韦 not 覃), a day corrected
        # ("not next Thu — next Tue"), a second customer in one message (椰梦长廊), a short name shared
        # by two customers or a new one (椰苑 made a new customer, 蓝湾 asked back), products said
        # in English words (key cards, change all the locks).
        ("conversations_sixtyseven", "conversations.jsonl", 7),
        # held out and scored once at 3a686bd (8/15, 129/145, stage lighting and audio,
        # slang, emoji, terse answers, numbered reports), then studied: 11/15, 132/145 (a loss said with
        # the spoken particle for 了, "丢咯", "输啦", "黄喽"; a "朋友介绍了个…" after a loss is its reason, a
        # rival brought to the customer, not a new lead unless a number is given; a correction's field
        # "时间改下哈" ended by a spoken particle keeps the new value in the next clause). Left: numbered
        # two-customer reports ("1. X… 2. Y…") where the first names its customer by a short name
        # (福音堂, 六中) log only one or none; a full name holding 餐吧 is cut at 吧 (jieba splits 餐/吧,
        # 吧 a stop char), so the new lead is named after its person; a showroom listening with a budget
        # is read as a demo where the gold wants 需求确认
        ("conversations_sixtyeight", "conversations.jsonl", 11),
        # held out and scored once at 27f5ebe (14/15, 159/160, freight forwarding, reps mixing English),
        # then studied: 15/15, 160/160 (the service's first lot said on its way, "第一票空运今天已经起飞了",
        # "首批柜子开船了", is delivered, 交付; not samples, nor asked). Left: "宏泰第一票空运…" still takes
        # 宏泰第一票 for the company (the short name links it all the same)
        ("conversations_seventy", "conversations.jsonl", 15),
        # held out and scored once at 27f5ebe (10/15, 154/163, CNC machine tools, Sichuan speech, voice
        # run-ons), then studied: 14/15, 162/163 (Sichuan 啥子 and 搞忘 read as 什么 and 忘记; a
        # customer's last contact asked, "X上回跟的啥子", is its card, not the day's list; a manager's
        # question for the team's deals at a stage, said as 单子 and with "跟我列哈" or "有几家 是哪几家"
        # after it, lists the team's leads at that stage, and a stage named as one, "谈判阶段", is no
        # customer's name; the customer able to come over on a day, "说下周二可以过来看设备", is that day's
        # meeting; "是哪个客户？" answered by the product only one candidate holds, "加工中心那家",
        # "64排CT那个"; the one called said with 是…的 after their function, "电话是跟采购X打的 不是Y", is
        # the contact).
        # Left: nothing but the disputed h71_06. Disputed: h71_06's stage 需求确认 after a showroom demo
        # held contradicts the documented rule (a demo held reaches 方案演示), as for h49_03 and h49_06
        ("conversations_seventyone", "conversations.jsonl", 14),
        # held out and scored once at 27f5ebe (11/15, 176/181, pest control, Wuhan speech, managers asking
        # first), then studied: 13/15, 179/181 (two customers asked side by side, "X和Y这两个现在么样了",
        # "X、Y两家到哪一步了", get a card each; the last contact's day asked, "X最近一次是么时候跟的",
        # of a name with no organisation word is that customer's card, not the day's list, and a
        # colleague called first, "伙计，", is no customer; Wuhan 么 before 时候 / 事 read 啥; work
        # starting at an hour, "下周一上午九点开始进场施工", is the next contact, 施工 no person).
        # Left: a follow-on that only adds to the visit just reported ("补充一下刚才那次拜访…", "刚才那次
        # 拜访漏了一点", h72_02, h72_10) is a second follow-up; its merging is decided on another branch
        ("conversations_seventytwo", "conversations.jsonl", 13),
        # held out and scored once at 27f5ebe (12/15, 157/161, doors and windows, Shaanxi speech, terse
        # corrections), then studied: 15/15, 161/161 (Shaanxi 额 = 我 after a noun before what
        # was done, "报价单额已经发过去咧", not an amount's 额: 订单额, 销售额, 名额; a member's
        # customers asked as how far they all are, "张鹏手上的客户现在都走到哪一步", "额宝鸡那几个
        # 客户都啥阶段", is their book, in the city named, and "X手上" is no customer; another city
        # asked right after, "汉中的呢", lists the same member's customers there). Left: nothing of
        # this set
        ("conversations_seventythree", "conversations.jsonl", 15),
        # held out and scored once at 44f13cd (10/15, 152/160, packaging machinery, plain written Mandarin),
        # then studied: 15/15, 160/160 (asked over to their place that day and gone, "今天上午约我去他们厂
        # 里，把合同签了", is a visit; the customer having us over on a later day, "说下下周三可以安排我们去
        # 他们厂里", is the next contact though said in their words; one's book asked with those in hand or
        # at one or more stages after it, "我名下有哪些客户在跟", "组里有哪些单子在报价或者谈判阶段", or
        # counted, "何勇手上有几个客户", names no customer and lists every stage said; a listed customer
        # told apart by what its trade does, "做食品的那家"). Left: nothing of this set
        ("conversations_seventyfour", "conversations.jsonl", 15),
        # held out and scored once at 44f13cd (12/15, 145/150, office leasing and fit-out, plain written
        # Mandarin), then studied: 15/15, 150/150 (what we recommended to the customer, "讨论了我们推荐的
        # 两个楼盘", is no customer sent to us, so no new lead; a customer taken to see places, said done,
        # "带X的罗总看了两个写字楼", is a visit; their coming over to look on the spot on a later day,
        # "说想下下周一过来实地看看", is the next contact). Left: nothing of this set
        ("conversations_seventyfive", "conversations.jsonl", 15),
        # held out and scored once at 44f13cd (12/15, 153/162, pharma raw materials, fast typing without
        # punctuation), then studied: 13/15, 155/162 (a weight or volume in Latin letters after a figure,
        # "全年20t", "500kg", "200L", is a batch, not the signed deal's money; one's customers asked for,
        # then how they are getting on, "X最近跟的客户有哪些 进展咋样", is their book, not today's list).
        # Left: a hospital's preparation room typed as the new customer ("X医院制剂室") is recorded as the
        # hospital, by the rule that a department after an organisation is not part of it (X医院设备科 is
        # X医院); keeping it needs a way to tell a trade's buying unit from a department (studied again in
        # study_r16: a gold dispute by that rule; the hospital itself is kept whole, and a lab named after
        # a place, "苏州X检测实验室", is no longer cut at 实验室). Disputed: h76_15's
        # visit for a proposal presented in person ("当面讲了…方案"), which the documented rule records as a
        # demo (讲了…方案 = 演示)
        ("conversations_seventysix", "conversations.jsonl", 13),
        # held out and scored once at 44f13cd (11/15, 151/157, corporate vehicle leasing, managers asking,
        # self-corrections), then studied: 15/15, 157/157 (a call told with 打过, "那边刚打过电话", not
        # one never made; a swap of a field said with its span or scope first, "改一下，一年预算是6万，
        # 不是5万", is a correction of the record, not a second follow-up; which customers are at a
        # stage asked with the question word first, "我手上还有哪些客户在需求确认阶段？", is the asker's
        # book at that stage, not stage news of the customer just reported). Left: nothing of this set
        ("conversations_seventyseven", "conversations.jsonl", 15),
        # held out and scored once at efd80ee (14/15, 153/154, kitchen-waste equipment, plain written
        # Mandarin), then studied: 14/15, 153/154 (nothing to fix). Disputed: h78_15 counts a plan-only
        # follow-on ("下周二上午十点我带资料再过去一趟") as a second follow-up (the writer's count, as in
        # s11_04 and s18_11; the product's rule sets the plan of the record it follows)
        ("conversations_seventyeight", "conversations.jsonl", 14),
        # held out and scored once at efd80ee (15/15, 140/140, school uniforms, chat without punctuation,
        # emoji), then studied: nothing to study (15 of 15 at first score). Left: nothing of this set
        ("conversations_seventynine", "conversations.jsonl", 15),
        # held out and scored once at efd80ee (12/15, 144/149, imaging equipment service, Guizhou words),
        # then studied: 14/15, 147/149 (a service said with how much inside its name, 补一次液氦 for
        # 补液氦; a deal settled at the customer's named place with their person, "在X跟Y院长把合同签了",
        # is a visit, as talking there is). Disputed: h80_14's proposal presented, "讲了全保方案", is a
        # demo by the corpus rule (讲方案 = demo), and "预算控制在70万" holds the budget within 70万 (控制在
        # is a ceiling word, like 不超过), not an exact figure
        ("conversations_eighty", "conversations.jsonl", 14),
        # held out and scored once at 75da19a (15/15, 149/149, industrial adhesives,
        # plain phone typing); not studied yet
        ("conversations_eightyone", "conversations.jsonl", 15),
        # held out and scored once at 75da19a (13/15, 156/158, smart parking,
        # a third voice-to-text), then studied: 15/15, 158/158 (a member's book asked by naming the
        # member anywhere in the question, in full or as team-mates call them, "X烟台那几个单子现在都到
        # 什么阶段了", "X青岛这边谈判阶段的有哪几家", is that member's customers there or at that stage,
        # with their stages, within the asker's rights: not the team's figures, nor stage news).
        # Left: nothing of this set
        ("conversations_eightytwo", "conversations.jsonl", 15),
        # held out and scored once at 75da19a (14/15, 158/159, dyeing chemicals,
        # short busy messages), then studied (study_r17b): 15/15, 159/159 (a brand after an area the
        # gazetteer does not know, "苏州甪直宏泰纺织" → 宏泰, that another lead has for its short name names
        # both, asked about unless the message settles which: never a silent guess). Left: nothing of this set
        ("conversations_eightythree", "conversations.jsonl", 15),
        # held out and scored once at 75da19a (10/15, 139/146, contract catering,
        # managers and reps), then studied: 15/15, 146/146 (study_r17b: a verb of talking over before the
        # matter, "过去详谈物流的事", starts no name; a name with no coined brand is called by its rare trade
        # before what the firm does, "X港务后勤服务" → 港务; the phone of the contact just reported on,
        # "骆经理电话139…", fills in that contact, no second follow-up; a quote handed over in person with the
        # day and its part between, "报价今天上午当面交给X了", is the quote stage; study_r17q: a member's book
        # asked by naming the member, cut to the kind of customer said, "X现在手上在跟的医院单子有哪些？各自
        # 到哪个阶段了，列一下", "X手上还有哪几个学校在跟？列一下", is that member's hospitals or schools with
        # their stages: not today's list, and no new customer "哪几个学校"). Left: nothing of this set
        ("conversations_eightyfour", "conversations.jsonl", 15),
        # held out and scored once at 1f72fa3 (13/15, 168/170,
        # hydraulic components, plain phone typing), then studied: 15/15 (a name ends before who went along
        # with the rep, "主管X陪着看的": not X陪; h85_10, study_r18a; a manager's book question naming no one
        # is the team's, h85_07, study_r18q). Left: nothing of this set
        ("conversations_eightyfive", "conversations.jsonl", 15),
        # held out and scored once at 1f72fa3 (14/15, 145/146,
        # legal and compliance services, plain reports), then studied: the customer's own timeline is no plan
        # of the rep's, things sent to the rep by then ("材料他们…之前发给我"; h86_08, study_r18a).
        # Left: nothing of this set
        ("conversations_eightysix", "conversations.jsonl", 15),
        # held out and scored once at 1f72fa3 (12/15, 149/152,
        # steel trading, terse trade chat), then studied: 15/15 (the customer's own timeline is no plan of
        # the rep's: what they require of the goods by then, "他们要求第一批…之前到工地", h87_09, and their
        # board deciding then, "他们董事会…开会定", h87_15, study_r18a; a member's book asked by name, 名下
        # and a stage before the noun, h87_08, study_r18q). Left: nothing of this set
        ("conversations_eightyseven", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (13/15, 138/141,
        # environmental monitoring, plain phone typing), then studied: a deadline set by an acceptance
        # ("要赶在环保验收前装上") is no delivery, h88_10's stage, study_r19clar (139/141); then 15/15,
        # 141/141 (a budget said alone after a whole report joins that report, no second follow-up, h88_10;
        # a proposal talked through at a meeting over video is online, not a demo, h88_13; study_r20left).
        # Left: nothing of this set
        ("conversations_eightyeight", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (13/15, 137/144,
        # road lighting, reports and one-liners), then studied: a public body said by its abbreviation
        # (城管局, two leads of it: asked, h89_03) and a development zone said short (上饶开发区 for its
        # 经济技术开发区管理委员会, h89_06), study_r19link. Left: nothing of this set
        ("conversations_eightynine", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (9/15, 124/148,
        # translation services, managers asking), then studied: a customer's manual to translate no help
        # asked (h90_01, h90_03, h90_10), a book asked by listing first or by a stage (h90_07, h90_15 turn 3;
        # study_r19intent); then 15/15, 148/148 (a contact called by surname and a trade, 葛律师 for a law
        # firm's partner, links that contact, h90_02; a correction whose new value names another customer
        # of the book, "不对，是X那边…说的", moves the report and what it set there, h90_15; study_r20left).
        # Left: nothing of this set
        ("conversations_ninety", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (11/15, 133/144,
        # wind-turbine service, plain phone typing), then studied: 15/15, 144/144 (the answer to "是哪个
        # 客户？" picking by a short form of the name and going on with the plan completes the kept report,
        # h91_15; haggling begun with us named between, "开始跟我们谈价格了", is 谈判, h91_13; an amount taken
        # back, "90万，不对，是95万", gives way to the one after, h91_04; study_r19clar; the brand after a
        # banner said short, X旗 / X右中旗, is the lead's short name, h91_04 and h91_05, study_r19link).
        # Left: nothing of this set
        ("conversations_ninetyone", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (12/15, 142/151,
        # glass bottles and packaging, plain), then studied: 15/15, 151/151 (a winery or an estate, X酒庄,
        # X庄园, is an organisation, and a title said as its own clause after the name, 甘某，庄园经理，,
        # h92_14, study_r19link; samples to bring no count asked, h92_08, the customer's answer to us by a
        # day no plan, h92_15, study_r19intent). Left: nothing of this set
        ("conversations_ninetytwo", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (13/15, 155/157,
        # hospital information systems, plain), then studied: how a member's several in a city are asked
        # (h93_12), their side's meeting told by 院里说 no plan (h93_15; study_r19intent). Left: nothing
        ("conversations_ninetythree", "conversations.jsonl", 15),
        # held out and scored once at 9e8bc2a (15/15, 151/151,
        # industrial ventilation, short messages); not studied yet
        ("conversations_ninetyfour", "conversations.jsonl", 15),
        # held out and scored once at 07e018e (9/15, 140/148,
        # LED displays, a third of the reports voice-typed), then studied: 13/15, 146/148 (a compound
        # surname after an industry word, 健身中心欧阳主任, is the contact 欧阳 and no brand 中心欧, h95_09;
        # "刚见过X" is a visit, h95_07; study_r21a; the answer to "是哪个客户？" picking by the city keeps the
        # plan it goes on with, h95_03; a boss opening the answer to their question, 彭总 / 周总, is no
        # customer's person, and a known contact the report names wins over a person said by surname only,
        # h95_07 and h95_15; study_r21b). Left: h95_04 (a sample looked at in our showroom: a demo in the
        # gold, a visit in test_nlp_study_ten_kinds; disputed), h95_12 (a continuation "对了…" is a second
        # follow-up in the shared format's own example; disputed)
        ("conversations_ninetyfive", "conversations.jsonl", 13),
        # held out and scored once at 07e018e (14/15, 134/136,
        # corrugated cartons and packaging, English trade words), then studied: 15/15, 136/136 (a new
        # person's full name said with 叫 after the surname and title, 罗工叫罗俊, is 罗俊, study_r21a; a
        # plan naming someone the report already told of, "罗工那边先出结构图", sets the record's plan and
        # is no contact of its own, main; both h96_15). Left: nothing of this set
        ("conversations_ninetysix", "conversations.jsonl", 15),
        # held out and scored once at 07e018e (11/15, 144/152,
        # agricultural drones and flying services, terse field chat), then studied: 14/15, 149/152 (the
        # machine tried on the customer's ground is a demo, h97_13; a full name after a title whose first
        # characters make a word, 老板时长青 with the number after, h97_14; a surname and title right after a
        # station, 植保站邹站长, h97_11; study_r21a; a new customer a manager reports goes to the rep the
        # assignment rules choose, by the city of its county, h97_11's owner; study_r21b). Left: h97_15 (the
        # product said settles which 兴旺; the gold asks anyway: disputed)
        ("conversations_ninetyseven", "conversations.jsonl", 14),
        # held out and scored once at 07e018e (13/15, 143/146,
        # elevators and retrofits, long multi-fact reports), then studied: 15/15, 146/146 (papers delivered,
        # 把报价送过去了, are a visit, h98_14; a full name then its surname and 大姐, 胡桂兰胡大姐对接, is
        # the new customer's contact, h98_05; study_r21a). Left: nothing of this set
        ("conversations_ninetyeight", "conversations.jsonl", 15),
        # held out and scored once at 0858d28 (14/15, 163/164,
        # warehouse racking, short messages with emoji), then studied: 15/15, 164/164 (gone to their
        # place and signed there, 上午去他们那边把合同签了, is a visit, h99_11; study_r22a). Left: nothing of
        # this set
        ("conversations_ninetynine", "conversations.jsonl", 15),
        # held out and scored once at 0858d28 (10/15, 143/151,
        # office plants and flowers, managers asking), then studied: 14/15, 148/151 (a road before 那边,
        # 季华路, is no contact, h100_04; 我过去签了 is a visit, h100_05; a boss's question opened with the
        # rep's name and asked with 没有 at its end, 定了没有 / 有下文没有, looks the lead up, h100_12 and
        # h100_15's first turns; the boss a reply opens on, 周姐，, is its reader when a titled person
        # follows, h100_12 and h100_15's contacts; study_r22a; a record a product settled among same-named
        # leads, confirmed with whom it was, 酒店那个，庞总监, gets that contact, h100_03; study_r22b).
        # Left: h100_15 (the short name 华研 links for the look-up but not for the report, which makes a new
        # lead 华研: 东莞's development zone 松山湖 is not dropped from the registered name; not studied)
        ("conversations_hundred", "conversations.jsonl", 14),
        # held out and scored once at 0858d28 (14/15, 152/153,
        # cosmetics OEM, English trade words, long reports), then studied: 15/15, 153/153 (a demo named by
        # what was shown right before the English word, 做了配方demo, is a demo, h101_10; study_r22a). Left:
        # nothing of this set
        ("conversations_hundredone", "conversations.jsonl", 15),
        # held out and scored once at 0858d28 (14/15, 154/155,
        # fleet telematics, terse field chat and voice), then studied: 15/15, 155/155 (a budget correction
        # that adds a product with 也/还/再加, 云存储也包进去了, adds it and replaces none, h102_10;
        # study_r22b). Left: nothing of this set
        ("conversations_hundredtwo", "conversations.jsonl", 15),
    ],
)
async def test_studied_conversations_stay_right(folder: str, file: str, floor: int) -> None:
    base = STUDIED / folder
    outcomes = await run_file(base / file, base / "org.toml", base / "catalog.toml")
    lines = report_lines(outcomes)
    assert sum(o.right for o in outcomes) >= floor, [line for line in lines if "wrong" in line]
