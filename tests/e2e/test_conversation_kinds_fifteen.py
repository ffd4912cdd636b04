"""Kinds of conversation seen on conversations_fifteen (elder-care equipment), replayed through the real
bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says


def turn(who: str, text: str) -> dict[str, Any]:
    return {"as": who, "text": text}


# ---- a full name of another kind or district than the book's lead of its brand is a new customer -------


@pytest.mark.parametrize(
    "company",
    [
        "苏州仁和口腔门诊部",  # another kind of organisation than the book's 苏州仁和医院
        "苏州市相城区仁和体检中心",
    ],
)
async def test_a_manager_enters_a_new_customer_of_a_known_brand_and_another_kind(
    runner: Runner, company: str
) -> None:
    turns = [
        turn("zhangwei", f"帮医疗组建个新线索：{company}，联系人周主任，13911112222，想了解移动DR，归林娜跟"),
        turn("lina", "收到 我明天上午给周主任打电话"),
    ]
    expect = [
        {"company": company, "owner": "lina", "followups_added": 0, "products_include": ["移动DR"],
         "next_followup": plan("today+1")},
        {"company": "苏州仁和医院", "followups_added": 0, "next_followup": None},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_kind_said_short_with_the_known_contact_is_still_the_lead(runner: Runner) -> None:
    second = row(
        "苏州市吴中区第二人民医院", "苏州", "萧永平", "设备科科长", "13900000031", "台式彩超", "需求确认"
    )
    turns = says("今天下午去吴中二院见了萧科长，彩超想买两台，下周四上午十点再过去")
    expect = [
        {"company": "苏州市吴中区第二人民医院", "followups_added": 1, "last_followup": last("visit", "萧"),
         "next_followup": plan("next_week:4", "10:00")},
    ]  # fmt: skip
    await assert_right(runner, [second, CIJI], turns, expect)


async def test_a_rep_reporting_on_the_known_customer_by_its_brand_still_links_it(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说移动DR想先看看参数")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- names of care institutions: their kind words end the name ------------------------------------------


@pytest.mark.parametrize(
    "company",
    ["无锡市滨湖区康宁之家综合服务中心", "苏州市相城区仁爱护理院", "无锡乐龄颐养公寓"],
)
async def test_a_first_visit_to_a_care_institution_creates_it_under_its_whole_name(
    runner: Runner, company: str
) -> None:
    turns = says(f"第一次上门拜访了{company}，见了许文华主任，电话13757400001，要两台台式彩超，下周四再去")
    expect = [
        {"company": company, "owner": "lina", "followups_added": 1, "last_followup": last("visit", "许"),
         "next_followup": plan("next_week:4"), "contacts_include": ["许文华"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- one message reporting on two customers of the book -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first_kind", "second_kind"),
    [
        ("跑了两家 先去的仁和 周主任说彩超想上两台 然后下午去了慈济 陆院长说腹腔镜预算批了 下周三上午过去签",
         "visit", "visit"),
        ("上午去仁和见了周主任，彩超要两台；下午给慈济陆院长打了个电话，腹腔镜的预算批了，下周三上午我过去签",
         "visit", "call"),
    ],
)  # fmt: skip
async def test_a_report_on_two_customers_each_with_its_contact_is_a_follow_up_on_each(
    runner: Runner, text: str, first_kind: str, second_kind: str
) -> None:
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last(first_kind, "周"),
         "next_followup": None},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last(second_kind, "陆"),
         "next_followup": plan("next_week:3")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], says(text), expect)


async def test_another_customer_named_as_a_reference_is_no_second_report(runner: Runner) -> None:
    text = "今天去了仁和 周主任说彩超想照着慈济那套配置来 下周三上午我再过去"
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:3")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], says(text), expect)


# ---- a correction of the person met, with their full name and number in clauses of their own -------------


@pytest.mark.parametrize(
    "fix",
    [
        "说错了，今天见的不是周主任，是设备科的邵科长，邵文斌，13911113333",
        "不对，见的是设备科的邵科长，邵文斌，13911113333",
    ],
)
async def test_a_corrected_contact_keeps_the_full_name_and_number_said_after_it(
    runner: Runner, fix: str
) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台，下周四再过去", fix)
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "邵文斌"),
         "contacts_include": ["周建华", "邵文斌"], "next_followup": plan("next_week:4")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
