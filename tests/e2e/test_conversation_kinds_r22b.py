"""Kinds of conversation seen on round 22's held-out conversations (office plants, fleet telematics: a
manager answered as 姐/哥, a record a product settled confirmed with its contact, a correction that adds a
product), replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

pytestmark = pytest.mark.usefixtures("runner")


# ---- the manager answered by surname and 哥/姐 is not the customer's person: the one named after is --------


async def test_the_boss_answered_as_an_elder_brother_is_not_the_customer_s_person(runner: Runner) -> None:
    # 张哥: the manager 张伟; 陆院长 is 慈济's contact on file
    turns = says("张哥，慈济上午去过了，陆院长的意思是腹腔镜价钱能谈，但要月底前装好，我下周二再过去一趟")
    expect = [
        {
            "company": "无锡慈济医院",
            "followups_added": 1,
            "last_followup": last("visit", "陆"),
            "next_followup": plan("next_week:2"),
        },
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_customer_s_person_called_sister_alone_is_still_the_contact(runner: Runner) -> None:
    # 张姐 has the manager's surname, but no one is named after her: she is the one who called (the
    # guard of the rule above)
    turns = says("张姐下午来电话了，慈济那边腹腔镜想再便宜点")
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "张")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- a record a product settled among same-named leads, confirmed with whom it was: that is its contact ---

KANGTAI_HOSPITAL = row("无锡康泰医院", "无锡", "蒋海燕", "设备科主任", "13900002201", "腹腔镜", "需求确认")
KANGTAI_CHECKUP = row("无锡康泰体检中心有限公司", "无锡", "许立新", "院长", "13900002202", "移动DR", "初筛")


async def test_a_settled_record_confirmed_with_its_contact_gets_that_contact(runner: Runner) -> None:
    turns = says(
        ("康泰今天电话回我了，腹腔镜想先要一份详细参数", ["同名客户"]),
        "医院那家，蒋主任",
    )
    expect = [
        {"company": "无锡康泰医院", "followups_added": 1, "last_followup": last("call", "蒋"),
         "stage": "需求确认", "products_include": ["腹腔镜"]},
        {"company": "无锡康泰体检中心有限公司", "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [KANGTAI_HOSPITAL, KANGTAI_CHECKUP], turns, expect)


# ---- a correction of the budget that adds a product with 也/还: the product joins, none is replaced ------


@pytest.mark.parametrize(
    "fix",
    ["金额写错了，是95万，便携彩超也算在里面了", "总价说错了，应该是95万，另外再加一台便携彩超"],
)
async def test_a_budget_correction_adding_a_product_keeps_the_one_reported(runner: Runner, fix: str) -> None:
    turns = says("今天去仁和把合同签了，台式彩超两台，总共90万，首款下个月到", fix)
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "budget": [950000, 950000],
         "products_include": ["台式彩超", "便携彩超"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_product_corrected_outright_still_replaces_the_one_reported(runner: Runner) -> None:
    turns = says("今天去仁和把合同签了，台式彩超两台，总共90万，首款下个月到", "产品说错了，是便携彩超")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "products_include": ["便携彩超"]}]
    await assert_right(runner, [RENHE], turns, expect)
