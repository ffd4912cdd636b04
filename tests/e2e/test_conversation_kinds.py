"""Kinds of conversation the bot must get right, each replayed through the real bot with made-up
sentences (tests/e2e/conversations.py): corrections, continuations, clarification answers, stage news
with a report, people away or named by role only, and a rep's "new lead" that is a customer of their
book."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conversations import Runner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "conversations"


def row(
    company: str, city: str, contact: str, title: str, phone: str, product: str, stage: str
) -> dict[str, str]:
    """One imported lead of lina's."""
    return {"公司": company, "城市": city, "联系人": contact, "职务": title, "电话": phone, "产品": product,
            "阶段": stage, "负责人": "lina"}  # fmt: skip


def says(*texts: str | tuple[str, list[str]]) -> list[dict[str, Any]]:
    """lina's turns; a (text, reply_has) pair checks the bot's reply too."""
    turns: list[dict[str, Any]] = []
    for text in texts:
        if isinstance(text, tuple):
            turns.append({"as": "lina", "text": text[0], "reply_has": text[1]})
        else:
            turns.append({"as": "lina", "text": text})
    return turns


def plan(at: str, time: str | None = None) -> dict[str, Any]:
    return {"at": at, "time": time}


def last(kind: str | None = None, contact: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "contact": contact} if kind else {"contact": contact}


RENHE = row("苏州仁和医院", "苏州", "周建华", "设备科主任", "13900000001", "台式彩超", "需求确认")
CIJI = row("无锡慈济医院", "无锡", "陆文", "院长", "13900000002", "腹腔镜", "初筛")


async def assert_right(
    runner: Runner, leads: list[dict[str, str]], turns: list[dict[str, Any]], expect: list[dict[str, Any]]
) -> None:
    outcome = await runner.run({"id": "kind", "leads": leads, "turns": turns, "expect": expect})
    failed = [(c.what, c.expected, c.got) for c in outcome.failed]
    replies = [turn.reply for turn in outcome.turns]
    assert failed == [] and outcome.errors == [], replies


# ---- corrections -----------------------------------------------------------------------------------


async def test_a_correction_keeps_an_unknown_bare_name_after_its_head_as_no_customer(runner: Runner) -> None:
    turns = says(
        "今天拜访了仁和周主任，彩超预算80万，下周三下午3点再去",
        "纠正一下，周主任说的预算是七十万，八十万是含三年保修的总价，我听岔了",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "budget": [700000, 700000],
         "next_followup": plan("next_week:3", "15:00")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_correction_after_an_apology_moves_the_day_and_keeps_the_contact(runner: Runner) -> None:
    turns = says(
        "仁和的周主任刚电话里说彩超想先看样机，下周一上午我过去",
        "不好意思啊刚才日期写错了，不是下周一，是下周三，周一他们院长要去开会，还是上午",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", "周"),
         "next_followup": plan("next_week:3")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_field_to_change_with_改一下_corrects_the_time(runner: Runner) -> None:
    turns = says(
        "今天见了仁和周主任，彩超的参数聊完了，后天上午十点去送资料",
        "嗯 时间改一下，后天下午两点半，十点他们有例会",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("today+2", "14:30")}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_correction_plans_nothing_for_its_old_day_or_its_reason(runner: Runner) -> None:
    turns = says(
        "仁和周主任刚回了电话，说彩超的报价他们看了，16号我过去一趟",
        "更正一下，是20号不是16号，16号他们院里搞验收，没空",
    )
    expect = [
        {
            "company": "苏州仁和医院",
            "followups_added": 1,
            "stage": "需求确认",
            "next_followup": plan("day:20"),
        }
    ]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_correction_of_who_showed_the_rep_round_changes_the_contact_not_the_customer(
    runner: Runner,
) -> None:
    turns = says(
        "仁和今天上门了，周主任带着看了库房，彩超要换两台，预算七八十万，这周五再去一趟",
        "更正一下 带我看库房的是副主任郑凯 不是周主任 电话13811112222",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "郑"),
         "next_followup": plan("this_week:5"), "budget": [700000, 800000],
         "contacts_include": ["郑凯", "周建华"]},
        {"company": "库房", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


# ---- follow-on messages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "at", "time"),
    [
        ("仁和周主任刚打电话说 彩超的报价他们还在走流程 让我别急", "月底前我再去一趟", "day:31", None),
        ("今天见了仁和周主任 彩超预算八十万 下周二再跟一次", "下周二三点我过去", "next_week:2", "15:00"),
        ("仁和今天给周主任演示了彩超 他们想先试用一台", "试用后天下午去装机", "today+2", None),
    ],
)  # fmt: skip
async def test_a_plan_said_on_its_own_after_a_report_sets_that_lead_s_next_contact(
    runner: Runner, first: str, then: str, at: str, time: str | None
) -> None:
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last(None, "周"),
               "next_followup": plan(at, time)}]  # fmt: skip
    await assert_right(runner, [RENHE], says(first, then), expect)


async def test_a_rep_s_own_plan_for_a_day_after_a_report_sets_its_next_contact_and_asks_nothing(
    runner: Runner,
) -> None:
    turns = says("仁和那边定了！今天下午找周主任把合同签了，彩超一共八十万", "下周三安排装机，我陪着过去")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "stage": "签约",
               "next_followup": plan("next_week:3")}]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_correction_of_the_person_met_names_them_bare_after_saying_it_fixes_the_contact(
    runner: Runner,
) -> None:
    buyer = row("苏州仁和医院", "苏州", "沈佳", "采购专员", "13900000003", "台式彩超", "需求确认")
    turns = says(
        "仁和周主任今天上午见了 彩超想再加两台 预算至少100万 下周四下午再去",
        "不对 对接人记错了 应该是沈佳 周主任这周在外地开会",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "沈"),
         "contacts_include": ["周建华", "沈佳"], "next_followup": plan("next_week:4")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, buyer], turns, expect)


async def test_a_swap_of_the_customer_the_report_said_moves_the_record_to_the_one_named(
    runner: Runner,
) -> None:
    turns = says(
        "陆院长今天在康达那边上门聊了 腹腔镜预算90万 下周二下午三点再去",
        ("搞错了 不是康达 是仁和 苏州那家", ["仁和"]),
    )
    expect = [
        # the person met moves with the record: the rep corrected the customer, not who they saw
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last(contact="陆"),
         "next_followup": plan("next_week:2", "15:00"), "products_include": ["腹腔镜"]},
        {"company": "无锡慈济医院", "followups_added": 0, "next_followup": None},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- follow-ons -------------------------------------------------------------------------------------


async def test_news_with_the_plan_asked_for_is_a_follow_up_of_its_own(runner: Runner) -> None:
    # The bot asks when the next contact is; the answer also tells of a call and a new product.
    turns = says(
        ("今天去仁和见了周主任，彩超的配置基本定了", ["下次什么时候跟进"]),
        "下午周主任又打电话过来，说超声刀也要配两台，下周一上午我再去一趟",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "周"),
         "products_include": ["台式彩超", "超声刀"], "next_followup": plan("next_week:1")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_remark_with_no_fact_after_a_report_is_kept_with_that_record(runner: Runner) -> None:
    # A fact (a product) is one more follow-up; a remark with none is noted on the record it follows.
    turns = says(
        "今天去仁和见了周主任，彩超预算80万，下周三下午3点再去",
        ("他说院里月底前开会定", ["备注"]),
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:3", "15:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_feedback_on_the_products_shown_is_a_remark_on_the_visit_its_products_join_the_lead(
    runner: Runner,
) -> None:
    # How the people met found the products of the visit tells how it went: no second follow-up.
    turns = says(
        "今天去仁和给周主任和几个医生演示了彩超，下周三下午3点再去",
        ("他们对彩超和超声刀评价都挺好", ["超声刀"]),
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("demo", "周"),
         "products_include": ["台式彩超", "超声刀"], "next_followup": plan("next_week:3", "15:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


@pytest.mark.parametrize(
    "more",
    [
        "他们觉得超声刀不错，还想再配一台腹腔镜",  # a new want
        "周主任对超声刀反馈不错，预算大概30万",  # an amount
        "他们对超声刀评价挺好，下周一上午去报价",  # a plan
    ],
)
async def test_feedback_with_another_fact_stays_one_more_follow_up(runner: Runner, more: str) -> None:
    turns = says("今天去仁和给周主任演示了彩超，下周三下午3点再去", more)
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "products_include": ["超声刀"]}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_follow_on_naming_only_the_contact_just_met_says_more_about_that_visit(
    runner: Runner,
) -> None:
    turns = says(
        "今天去仁和见了周主任，彩超预算80万，下周三下午3点再去",
        "周主任说他们手术室还想配一台超声刀",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("visit", "周"),
         "products_include": ["台式彩超", "超声刀"], "next_followup": plan("next_week:3", "15:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_follow_on_introducing_a_person_with_a_phone_adds_a_contact_not_a_new_visit_partner(
    runner: Runner,
) -> None:
    turns = says(
        ("仁和周主任刚电话里说彩超想先看样机，下周一上午我过去", ["仁和"]),
        ("哦还有 他们设备科以后的对接人是孙丽娟 电话13911112222", ["仁和"]),
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "周"),
         "contacts_include": ["周建华", "孙丽娟"]},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- which customer --------------------------------------------------------------------------------


async def test_a_wish_read_as_a_new_lead_that_names_a_customer_of_the_book_is_a_report_on_it(
    runner: Runner,
) -> None:
    turns = says(
        (
            "今天下午去仁和了，周主任想做一套移动DR，预算六十万左右，下周四上午十点我带方案过去",
            ["苏州仁和医院"],
        ),
        "对了他们还问了彩超的价格",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "budget": [600000, 600000],
         "next_followup": plan("next_week:4", "10:00"), "products_include": ["移动DR", "台式彩超"]},
        {"company": "无锡慈济医院", "followups_added": 0},
        {"company": "仁和", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_new_customer_said_as_such_still_needs_its_name(runner: Runner) -> None:
    turns = says(("新客户 周主任想要移动DR", ["客户名称"]))
    await assert_right(runner, [RENHE], turns, [{"company": "苏州仁和医院", "followups_added": 0}])


HUAKANG_SZ = row("苏州华康医院", "苏州", "钱建国", "设备科主任", "13900000011", "台式彩超", "需求确认")
HUAKANG_WX = row("无锡华康康复医院", "无锡", "孙丽", "院长", "13900000012", "移动DR", "初筛")


@pytest.mark.parametrize(("answer", "chosen", "other"), [
    ("无锡那个", "无锡华康康复医院", "苏州华康医院"),
    ("康复那家", "无锡华康康复医院", "苏州华康医院"),
    ("是苏州的", "苏州华康医院", "无锡华康康复医院"),
])  # fmt: skip
async def test_which_customer_is_answered_by_what_tells_the_listed_ones_apart(
    runner: Runner, answer: str, chosen: str, other: str
) -> None:
    turns = says(("华康那边今天上门聊了一下，对方对探头有疑问，我答应明天把资料发过去", ["哪个客户"]), answer)
    expect = [
        {"company": chosen, "followups_added": 1, "next_followup": plan("today+1")},
        {"company": other, "followups_added": 0},
        {"company": answer, "absent": True},
    ]
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


async def test_a_city_answer_keeps_the_new_contact_and_the_plan_of_the_first_message(runner: Runner) -> None:
    turns = says(
        ("华康今天电话聊了，新对接人是信息科的冯海涛，彩超预算50w以内，下周四下午三点半上门", ["哪个"]),
        "无锡的",
    )
    expect = [
        {"company": "无锡华康康复医院", "followups_added": 1, "last_followup": last("call", "冯海涛"),
         "next_followup": plan("next_week:4", "15:30"), "budget": [None, 500000],
         "contacts_include": ["冯海涛", "孙丽"]},
        {"company": "苏州华康医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


NEW_ANSWERS = ["都不是 新客户 常州华康妇幼保健院", "不是那两家，是新客户：常州华康妇产医院"]


@pytest.mark.parametrize("answer", NEW_ANSWERS)
async def test_新客户_with_a_name_creates_it_with_everything_the_first_message_said(
    runner: Runner, answer: str
) -> None:
    turns = says(
        ("华康今天见了 设备科的汪工 他们新院区要上彩超和腹腔镜 预算九十万 下周四下午两点再去", ["哪个"]),
        answer,
    )
    expect = [
        {"company": answer.rpartition("新客户")[2].strip("： "), "followups_added": 1,
         "last_followup": last("visit", "汪"),
         "next_followup": plan("next_week:4", "14:00"), "products_include": ["台式彩超", "腹腔镜"],
         "budget": [900000, 900000]},
        {"company": "苏州华康医院", "followups_added": 0},
        {"company": "无锡华康康复医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


async def test_新客户_naming_the_customer_just_reported_adds_no_second_follow_up(runner: Runner) -> None:
    turns = says(
        "今天去了趟安泰体检中心，韩主任说三楼要新开一个检查区，彩超和移动DR都想看，预算七八十万",
        "新客户 安泰体检中心",
    )
    expect = [
        {"company": "安泰体检中心", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "韩"), "products_include": ["台式彩超", "移动DR"],
         "budget": [700000, 800000]},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_product_one_customer_of_a_brand_holds_settles_it_and_the_other_is_shown(
    runner: Runner,
) -> None:
    # This test once expected a question here (a product said what was talked about, not which
    # customer). The rule is that a product said that exactly one candidate holds settles it
    # (苏州华康 holds 台式彩超), never silently: the record goes there and the card lists both, so the
    # writer's "苏州华康医院" confirms it and changes nothing (tests/e2e/test_conversation_kinds_conv18.py).
    turns = says(
        (
            "华康那边下午去了一趟，彩超的配置定下来了，下周一上午十点我带图纸过去",
            ["无锡华康康复医院", "哪个客户"],
        ),
        "苏州华康医院",
    )
    expect = [
        {"company": "苏州华康医院", "followups_added": 1, "last_followup": last("visit", None),
         "next_followup": plan("next_week:1", "10:00")},
        {"company": "无锡华康康复医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [HUAKANG_SZ, HUAKANG_WX], turns, expect)


async def test_one_brand_in_a_municipality_and_another_city_stays_two_customers_to_ask_about(
    runner: Runner,
) -> None:
    # 重庆 is stripped from the key like a province, yet it is where the customer is.
    cq = row("重庆安和康复医院有限公司", "重庆", "邓涛", "院长", "13900000021", "台式彩超", "需求确认")
    my = row("绵阳安和康复医院有限公司", "绵阳", "邓华", "设备科主任", "13900000022", "移动DR", "需求确认")
    turns = says(("安和电话回我了，彩超要两台，下周三我把方案发过去", ["重庆安和", "绵阳安和"]), "重庆的")
    expect = [
        {"company": "重庆安和康复医院有限公司", "followups_added": 1, "next_followup": plan("next_week:3")},
        {"company": "绵阳安和康复医院有限公司", "followups_added": 0, "owner": "lina"},
    ]
    await assert_right(runner, [cq, my], turns, expect)


async def test_a_report_naming_no_customer_right_after_a_question_about_one_is_about_that_one(
    runner: Runner,
) -> None:
    turns = says(
        "今天拜访了慈济陆院长，腹腔镜的参数聊完了，下周一再去",
        ("查一下仁和的跟进记录", ["苏州仁和医院"]),
        "刚给他们打了个电话，彩超的方案他们院里过了，我后天把报价送过去",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("call", None),
         "next_followup": plan("today+2")},
        {"company": "无锡慈济医院", "followups_added": 1, "next_followup": plan("next_week:1")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- stage news ------------------------------------------------------------------------------------


async def test_stage_news_told_with_the_visit_and_the_next_step_is_a_follow_up_too(runner: Runner) -> None:
    turns = says(
        "刚从仁和出来合同签了🎉周主任当场盖的章彩超一共八十六万下周二我带工程师过去对接",
        ("慈济那单黄了", ["原因"]),
        "他们院里预算没批下来",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "签约", "budget": [860000, 860000],
         "last_followup": last("visit", "周"), "next_followup": plan("next_week:2")},
        # stage news alone moves the stage and records no contact
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "输单"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE | {"阶段": "谈判"}, CIJI], turns, expect)


# ---- people ----------------------------------------------------------------------------------------


async def test_a_contact_away_is_not_the_one_met_and_a_role_alone_adds_nobody(runner: Runner) -> None:
    turns = says(
        "今天去了仁和，周主任不在，见了他们新来的设备科副主任黄海涛，聊了移动DR，黄海涛电话13911112222，下周五再去",
        "下午又跑了慈济，陆院长出差了，跟他们的库管聊了聊，腹腔镜还在比，下下周三再去",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "黄"),
         "contacts_include": ["周建华", "黄海涛"], "next_followup": plan("next_week:5")},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last(None, None),
         "next_followup": plan("week_after_next:3")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_customer_s_own_name_read_as_a_person_is_no_contact(runner: Runner) -> None:
    jinbaihe = row("常州金百合医院", "常州", "冯伟", "院长", "13900000021", "台式彩超", "需求确认")
    turns = says("金百合那边下午去了一趟，彩超的配置定下来了，下周一上午十点我带合同过去")
    expect = [
        {"company": "常州金百合医院", "followups_added": 1, "last_followup": last("visit", None),
         "next_followup": plan("next_week:1", "10:00")},
    ]  # fmt: skip
    await assert_right(runner, [jinbaihe], turns, expect)


# ---- one brand in two cities -----------------------------------------------------------------------

JIAHE_SZ = row("苏州嘉禾康养服务有限公司", "苏州", "范立群", "院长", "13900000011", "台式彩超", "需求确认")
JIAHE_WX = row("无锡嘉禾康养服务有限公司", "无锡", "邵敏", "护理部主任", "13900000012", "腹腔镜", "初筛")


async def test_one_brand_in_two_cities_is_two_customers_and_the_city_said_settles(runner: Runner) -> None:
    # Both names fold to one key (嘉禾康养): the import must keep two leads, and 无锡 picks one.
    turns = says("无锡那个嘉禾 电话里说腹腔镜想再加一台 我后天上午十点过去看看")
    expect = [
        {"company": "无锡嘉禾康养服务有限公司", "followups_added": 1, "stage": "初筛",
         "last_followup": last("call", None), "next_followup": plan("today+2", "10:00")},
        {"company": "苏州嘉禾康养服务有限公司", "followups_added": 0, "stage": "需求确认"},
        {"company": "嘉禾", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [JIAHE_SZ, JIAHE_WX], turns, expect)


async def test_one_brand_in_two_cities_with_no_city_said_is_asked_about(runner: Runner) -> None:
    turns = says(("嘉禾那边电话里说腹腔镜想再加一台 我后天上午十点过去看看", ["哪个客户"]), "无锡嘉禾")
    expect = [
        {"company": "无锡嘉禾康养服务有限公司", "followups_added": 1,
         "next_followup": plan("today+2", "10:00")},
        {"company": "苏州嘉禾康养服务有限公司", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [JIAHE_SZ, JIAHE_WX], turns, expect)


KANGNING = row("常州康宁护理院有限公司", "常州", "倪文", "院长", "13900000013", "台式彩超", "需求确认")
KANGNING_MGMT = row("南京鼓楼康宁护理院管理有限公司", "南京", "鲍春", "主管", "13900000014", "腹腔镜", "初筛")


async def test_a_short_name_that_is_one_key_and_the_start_of_another_name_is_asked_about(
    runner: Runner,
) -> None:
    # 康宁护理院 is the whole key of the 常州 one and the start of 康宁护理院管理: no silent pick.
    turns = says(("康宁护理院那边电话里说腹腔镜想看看 我后天上午十点过去", ["哪个客户"]), "南京那家")
    expect = [
        {"company": "南京鼓楼康宁护理院管理有限公司", "followups_added": 1,
         "next_followup": plan("today+2", "10:00")},
        {"company": "常州康宁护理院有限公司", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING, KANGNING_MGMT], turns, expect)


async def test_an_unnamed_call_with_a_list_to_send_later_is_asked_about(runner: Runner) -> None:
    # "清单" and "看看" ask for a list only outside a plan: here they are the rep's next step.
    turns = says(("刚打完电话 对方说腹腔镜也要一起报 下周四上午我把清单发过去", ["哪个客户"]), "是慈济")
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", None),
         "next_followup": plan("next_week:4")},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- names with a district after the city ----------------------------------------------------------

ANHE_NJ = row("南京江宁安和康复医院", "南京", "褚明", "设备科科长", "13900000021", "台式彩超", "需求确认")
ANHE_SZ = row("苏州市吴中区安和护理院", "苏州", "", "", "", "腹腔镜", "初筛")


async def test_a_customer_is_named_without_the_district_after_its_city(runner: Runner) -> None:
    # "安和康复" is 南京江宁安和康复医院, not a new customer; its stage news finds it too.
    turns = says("安和康复今天上门了 彩超预算六十万 下周二上午再过去", "安和那单签了")
    expect = [
        {"company": "南京江宁安和康复医院", "followups_added": 1, "stage": "签约",
         "last_followup": last("visit", None), "budget": [600000, 600000]},
        {"company": "安和康复", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [ANHE_NJ], turns, expect)


async def test_one_brand_in_two_districts_is_asked_about(runner: Runner) -> None:
    turns = says(("安和那边今天又跑了一趟 彩超预算六十万 后天下午三点再去", ["哪个客户"]), "苏州安和")
    expect = [
        {"company": "苏州市吴中区安和护理院", "followups_added": 1, "budget": [600000, 600000],
         "next_followup": plan("today+2", "15:00")},
        {"company": "南京江宁安和康复医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [ANHE_NJ, ANHE_SZ], turns, expect)


HENGFENG_SZ = row("苏州恒丰印务有限公司", "苏州", "祁峰", "厂长", "13900000031", "台式彩超", "需求确认")
HENGFENG_WX = row("无锡恒丰印务有限公司", "无锡", "祝岚", "经理", "13900000032", "腹腔镜", "初筛")


async def test_a_district_said_without_its_city_settles_one_brand_in_two_cities(runner: Runner) -> None:
    # 梁溪 is a district of 无锡: "梁溪恒丰" is the 恒丰 of 无锡, not a question and not a new customer.
    turns = says("今天去梁溪恒丰那边坐了坐 腹腔镜想再加一台 下周三上午再过去")
    expect = [
        {"company": "无锡恒丰印务有限公司", "followups_added": 1, "next_followup": plan("next_week:3")},
        {"company": "苏州恒丰印务有限公司", "followups_added": 0},
        {"company": "梁溪恒丰", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [HENGFENG_SZ, HENGFENG_WX], turns, expect)


async def test_a_team_mate_s_customer_said_by_short_name_is_refused_not_made_again(runner: Runner) -> None:
    theirs = HENGFENG_WX | {"负责人": "wangqiang"}
    turns = says(("今天顺路去恒丰印务坐了坐 腹腔镜想再加一台 下周三上午再过去", ["其他同事"]))
    expect = [
        {"company": "无锡恒丰印务有限公司", "followups_added": 0, "owner": "wangqiang"},
        {"company": "恒丰印务", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [theirs], turns, expect)


# ---- a contact called by surname -------------------------------------------------------------------


async def test_a_contact_called_by_surname_is_the_one_of_the_book_not_a_new_customer(runner: Runner) -> None:
    turns = says("老褚那边我昨天下午过去了 彩超预算五六十万 下周三再去一趟")
    expect = [
        {"company": "南京江宁安和康复医院", "followups_added": 1, "last_followup": last("visit", "褚"),
         "budget": [500000, 600000], "next_followup": plan("next_week:3")},
        {"company": "老褚", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [ANHE_NJ, CIJI], turns, expect)


async def test_who_did_it_said_with_的是_is_a_person_not_a_new_customer(runner: Runner) -> None:
    turns = says(
        "安和康复今天上门了 褚科长带着看了库房 彩超预算六十万 这周五再去一趟",
        "更正一下 带我看库房的是副科长滕飞 不是褚科长 电话13900000099",
    )
    expect = [
        {"company": "南京江宁安和康复医院", "followups_added": 1, "last_followup": last("visit", "滕"),
         "contacts_include": ["滕飞", "褚明"], "next_followup": plan("this_week:5")},
        {"company": "库房", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [ANHE_NJ], turns, expect)


async def test_a_customer_name_with_a_slipped_character_and_its_contact_is_that_customer(
    runner: Runner,
) -> None:
    # Voice input: 安合 for 安和; 褚科长 is that customer's contact, so no new customer 安合康复.
    turns = says("那个安合康复的褚科长刚才打电话过来说 彩超预算顶多六十万 我明天上午十点过去")
    expect = [
        {"company": "南京江宁安和康复医院", "followups_added": 1, "last_followup": last("call", "褚"),
         "budget": [None, 600000], "next_followup": plan("today+1", "10:00")},
        {"company": "安合康复", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [ANHE_NJ], turns, expect)


# ---- a demo held -----------------------------------------------------------------------------------


async def test_a_demo_held_moves_an_early_deal_to_the_demo_stage_and_leaves_a_later_one(
    runner: Runner,
) -> None:
    turns = says(
        "今天在仁和给周主任讲了彩超的方案，下周四再去",
        "慈济陆院长那边上午现场演示了腹腔镜，他挺满意，下周一我再过去",
    )
    later = {**CIJI, "阶段": "报价"}
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "方案演示",
         "last_followup": last("demo", "周")},
        {"company": "无锡慈济医院", "followups_added": 1, "stage": "报价",
         "last_followup": last("demo", "陆")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, later], turns, expect)


async def test_a_correction_to_a_new_customer_of_the_same_brand_takes_its_full_name_and_the_person_met(
    runner: Runner,
) -> None:
    turns = says(
        "慈济今天去看了 他们新开的护理院要腹腔镜 对接的是总务科蒋科长 预算六十万 下周三再去",
        "不是慈济医院 是慈济护理院 新客户 无锡慈济护理服务有限公司",
    )
    expect = [
        {"company": "无锡慈济护理服务有限公司", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "蒋"), "budget": [600000, 600000],
         "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "followups_added": 0},
        {"company": "慈济护理院", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_customer_correction_moves_the_stage_news_to_the_right_deal_and_undoes_it_on_the_wrong(
    runner: Runner,
) -> None:
    turns = says(
        "刚电话问过了，慈济那单没戏了，他们定了别家的，价格压不下来",
        "弄错了，是仁和那单没戏了，不是慈济",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "输单", "last_followup": last("call")},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_name_corrected_by_spelling_a_character_renames_the_person_the_record_brought(
    runner: Runner,
) -> None:
    turns = says(
        "今天去仁和看了，见了新来的采购吕婷，电话13900004321，彩超下周三再去",
        "名字写错了，是吕霆，雷霆的霆",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "吕霆"),
         "contacts_include": ["周建华", "吕霆"], "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a manager's report and the owning rep's reply ---------------------------------------------------


async def test_the_owning_rep_s_plan_after_the_manager_s_joint_visit_sets_that_record_s_next_contact(
    runner: Runner,
) -> None:
    turns = [
        {"as": "zhangwei", "text": "昨天我跟林娜一起去了仁和，周主任说彩超预算八十万，林娜下周四再跟一次"},
        {"as": "lina", "text": "收到张总 下周四上午十点我过去"},
    ]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:4", "10:00"), "budget": [800000, 800000]},
        {"company": "张总", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rep_s_follow_on_after_the_manager_s_report_adds_to_that_lead(runner: Runner) -> None:
    turns = [
        {"as": "zhangwei", "text": "今天陪林娜去了趟慈济，陆院长对腹腔镜挺感兴趣"},
        {"as": "lina", "text": "好的张总 对了他们还想看看彩超"},
    ]
    expect = [{"company": "无锡慈济医院", "products_include": ["腹腔镜", "台式彩超"]}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a weekday corrected ---------------------------------------------------------------------------


async def test_a_bare_weekday_in_a_correction_keeps_the_week_and_the_hour_of_the_plan(runner: Runner) -> None:
    turns = says("今天在仁和见了周主任，彩超的参数都对完了，下周二下午两点去送合同", "说错了 是周五")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:5", "14:00")}
    ]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_bare_weekday_with_a_part_of_the_day_drops_the_old_hour(runner: Runner) -> None:
    turns = says("今天在仁和见了周主任，下周二上午十点去送合同", "不对 是周四上午")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:4")}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- several people in one message -----------------------------------------------------------------


async def test_a_colleague_named_with_a_phone_joins_the_contacts_and_the_contact_keeps_their_phone(
    runner: Runner,
) -> None:
    turns = says(
        "上午去仁和见了周主任 彩超的事基本定了 下周二上午10点再去",
        ("对了 周主任说他们财务科的谭雅琴也要过一下合同 电话13722456810", ["13900000001"]),
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("visit", "周"),
         "contacts_include": ["周建华", "谭雅琴"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_the_person_called_is_the_contact_not_the_one_who_handed_the_rep_over(runner: Runner) -> None:
    turns = says(
        (
            "慈济陆院长说以后设备的事让新来的设备科长对接，叫郦文斌，电话13866702145。我下午跟郦科长通了个电话，腹腔镜他们还在比",
            ["郦文斌", "13866702145"],
        ),
    )
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "郦"),
         "contacts_include": ["陆文", "郦文斌"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_nickname_followed_by_the_full_name_is_one_contact_with_the_full_name(runner: Runner) -> None:
    turns = says(
        "今天去仁和跟周主任聊了彩超 下周三再去",
        "哦还有 他们设备科的对接人是小覃 覃雨萱 电话18811203344",
    )
    expect = [
        {"company": "苏州仁和医院", "last_followup": last("visit", "周"),
         "contacts_include": ["周建华", "覃雨萱"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_another_number_for_a_known_contact_replaces_theirs_only_when_said_to_be_new(
    runner: Runner,
) -> None:
    kept = says(("给仁和周主任打了电话 周主任电话13722000111 彩超下周再聊", ["13900000001"]))
    await assert_right(runner, [RENHE, CIJI], kept, [{"company": "苏州仁和医院", "followups_added": 1}])
    changed = says(("给仁和周主任打了电话 他换号了 新号码13722000111 彩超下周再聊", ["13722000111"]))
    await assert_right(runner, [RENHE, CIJI], changed, [{"company": "苏州仁和医院", "followups_added": 1}])


# ---- colleagues and brands that are also industry words ---------------------------------------------

XINWU = row("无锡新吴数科医药有限公司", "无锡", "钟明", "采购总监", "13900000011", "腹腔镜", "报价")
JIANGNING = row("南京江宁数科健康管理有限公司", "南京", "韩雪", "院长", "13900000012", "台式彩超", "初筛")
XINGLAN = row("上海外滩星澜医疗科技有限公司", "上海", "乔磊", "设备科主任", "13900000013", "台式彩超", "初筛")


async def test_a_manager_s_instruction_addressed_to_a_rep_is_no_follow_up(runner: Runner) -> None:
    turns = [
        {"as": "zhangwei", "text": "林娜 慈济那单折扣我批了，下次谈的时候最多给到九折", "reply_has": ["林娜"]}
    ]
    expect = [{"company": "无锡慈济医院", "followups_added": 0, "next_followup": None}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_manager_s_own_call_said_to_a_rep_is_still_a_follow_up(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "林娜 我刚跟慈济陆院长通了电话，腹腔镜预算批下来了"}]
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "陆")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_brand_that_is_an_industry_word_is_the_one_the_manager_just_reported_on(
    runner: Runner,
) -> None:
    turns = [
        {"as": "zhangwei", "text": "林娜那个新吴数科医药 我昨天跟钟总监吃了个饭 腹腔镜基本定了"},
        {"as": "lina", "text": "收到张总 数科的合同我下周三上午十点送过去"},
    ]
    expect = [
        {"company": "无锡新吴数科医药有限公司", "followups_added": 1,
         "next_followup": plan("next_week:3", "10:00")},
        {"company": "南京江宁数科健康管理有限公司", "followups_added": 0, "next_followup": None},
        {"company": "数科", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [XINWU, JIANGNING], turns, expect)


async def test_a_brand_after_a_named_area_that_is_no_district_names_the_customer(runner: Runner) -> None:
    turns = says("今天去了星澜，乔主任说彩超下个月招标，下周五再去")
    expect = [
        {"company": "上海外滩星澜医疗科技有限公司", "followups_added": 1,
         "last_followup": last("visit", "乔"), "next_followup": plan("next_week:5")},
        {"company": "星澜", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [XINGLAN, RENHE], turns, expect)


# ---- a time said of the planned day ----------------------------------------------------------------


@pytest.mark.parametrize("then", ["他说采购总监那天上午十点有空 就定十点", "那天上午十点吧"])
async def test_a_time_said_of_that_day_sets_the_time_of_the_day_planned(runner: Runner, then: str) -> None:
    # "那天" is the day the report before planned (下个月12号): the time goes on it, no second record.
    turns = says("今天跟慈济陆院长见了一面 下个月12号我再去他们总部汇报", then)
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "next_followup": plan("next_month:12", "10:00")},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_that_day_after_a_report_with_no_plan_sets_no_plan(runner: Runner) -> None:
    turns = says("今天跟慈济陆院长通了电话", "他们那天上午十点开过会了")
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "next_followup": None}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a follow-on that tells no news ----------------------------------------------------------------

NO_PHONE = {**CIJI, "电话": ""}


async def test_a_phone_alone_after_a_report_is_the_contact_s_phone_not_a_second_record(
    runner: Runner,
) -> None:
    turns = says(
        "刚跟慈济陆院长通了电话，腹腔镜他们想先看看方案，下周三上午我过去",
        ("他手机13722001188", ["陆文 院长 13722001188"]),
    )
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "陆"),
         "next_followup": plan("next_week:3"), "contacts_include": ["陆文"]},
    ]  # fmt: skip
    await assert_right(runner, [NO_PHONE], turns, expect)


async def test_a_remark_naming_only_the_record_s_own_contact_is_noted_not_a_second_record(
    runner: Runner,
) -> None:
    turns = says(
        "今天去慈济给陆院长讲了腹腔镜的方案，下周一下午两点再去",
        "陆院长说要跟班子再商量商量",
    )
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last(contact="陆"),
         "next_followup": plan("next_week:1", "14:00")},
    ]  # fmt: skip
    await assert_right(runner, [CIJI], turns, expect)


# ---- a new customer's answer that gives its contact's phone; a customer who came to us ----------------


async def test_新客户_with_the_contact_s_phone_completes_the_first_message_and_keeps_the_phone(
    runner: Runner,
) -> None:
    turns = says(
        ("今天去了吴中的康瑞，跟设备科范主任聊了彩超和腹腔镜，预算六十万左右", ["哪个"]),
        "新客户 苏州康瑞护理院有限公司，范主任电话13722005566",
    )
    expect = [
        {"company": "苏州康瑞护理院有限公司", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "范"), "next_followup": None,
         "products_include": ["台式彩超", "腹腔镜"], "budget": [600000, 600000], "contacts_include": ["范"]},
        {"company": "康瑞", "absent": True},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_customer_who_came_to_our_company_is_a_visit_kept_through_a_plan_correction(
    runner: Runner,
) -> None:
    turns = says(
        "慈济陆院长今天来我们公司参观，腹腔镜也想要，下周二上午九点我去他们医院",
        "不对，是下周三下午两点",
    )
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("visit", "陆"),
         "next_followup": plan("next_week:3", "14:00"), "products_include": ["腹腔镜"]},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


@pytest.mark.parametrize("fix", ["名字打错了，是邵霆不是邵婷", "是邵霆不是邵婷", "不是邵婷，是邵霆"])
async def test_a_name_swapped_for_one_a_character_apart_renames_the_person_just_logged(
    runner: Runner, fix: str
) -> None:
    turns = says("慈济新来的设备科主任邵婷，电话13722007788，今天跟她视频会议聊了腹腔镜", fix)
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("online", "邵霆"),
         "contacts_include": ["陆文", "邵霆"]},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_manager_s_stage_news_on_the_customer_a_rep_follows_moves_that_lead(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "林娜跟的慈济黄了，听说被别家抢走了"}]
    expect = [
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "输单", "owner": "lina"},
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
