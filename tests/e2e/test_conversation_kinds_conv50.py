"""Kinds of conversation seen on the held-out conversations fifty (car-wash equipment, Henan speech),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# Two outlets of one chain in one city, each named by the road it stands on.
GANJIANG = row("康宁大药房苏州干将路店", "苏州", "何秀英", "店长", "13900005001", "便携彩超", "初筛")
RENMIN = row("康宁大药房苏州人民路店", "苏州", "骆建军", "店长", "13900005002", "便携彩超", "需求确认")


async def test_an_outlet_called_by_its_road_is_one_of_two_customers_of_a_message(runner: Runner) -> None:
    # "干将路店" names the chain's outlet on that road (not its sibling); the plan said after the second
    # customer is that customer's only
    turns = says(
        "上午先去干将路店跟何店长聊了会儿，掌超她们想要带打印的那款；下午又去了趟仁和见了周主任，"
        "彩超的预算他说还得再报一次，我下周二把配置单给他送过去"
    )
    expect = [
        {"company": GANJIANG["公司"], "followups_added": 1, "last_followup": last("visit", "何秀英"),
         "next_followup": None},
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:2")},
        {"company": RENMIN["公司"], "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [GANJIANG, RENMIN, RENHE], turns, expect)


async def test_which_outlet_answered_by_its_road_and_the_kind_of_place_with_the_contact(
    runner: Runner,
) -> None:
    # "人民路那个店，骆店长": the road tells the outlet apart, 那个店 is said as 那个 is, the contact is who
    turns = says(
        ("康宁那个店的店长上午来电话，说掌超想先要一台，店里一天来量血压的老人有两百来个", ["哪个"]),
        "人民路那个店，骆店长",
    )
    expect = [
        {"company": RENMIN["公司"], "followups_added": 1, "last_followup": last("call", "骆建军"),
         "next_followup": None},
        {"company": GANJIANG["公司"], "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [GANJIANG, RENMIN], turns, expect)


# Two customers of one city sharing the short name 华泰, told apart by their trade.
HT_CARE = row("苏州华泰洗涤服务有限公司", "苏州", "邵红梅", "厂长", "13900005003", "便携彩超", "初筛")
HT_TOOLS = row("苏州华泰医疗器械有限公司", "苏州", "樊志军", "总经理", "13900005004", "台式彩超", "需求确认")


async def test_which_customer_answered_by_its_trade_as_a_place_and_the_one_it_is_not(runner: Runner) -> None:
    # "洗涤厂那家，不是卖器械的": 洗涤厂 is the trade of X洗涤服务 said as its place; the other is named
    # only to say it was not that one
    turns = says(
        ("华泰那边今天又上门去了一趟，她们说掌超先拿一台放医务室试试", ["哪个"]),
        "洗涤厂那家，不是卖器械的",
    )
    expect = [
        {"company": HT_CARE["公司"], "followups_added": 1, "last_followup": last("visit", None),
         "products_include": ["便携彩超"]},
        {"company": HT_TOOLS["公司"], "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [HT_CARE, HT_TOOLS], turns, expect)


async def test_a_contract_settled_at_their_station_with_the_contact_is_a_visit(runner: Runner) -> None:
    # "在X急救站跟周主任把合同签了": done at their station, face to face; the plan after it is the rep's
    turns = says(
        "太好了！今天在仁和急救站跟周主任把彩超的合同签了，院里说下个月初让装机，我后天带工程师过去看看机房"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "stage": "签约",
         "last_followup": last("visit", "周建华"), "next_followup": plan("today+2")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_customer_corrected_with_its_contact_said_after_it_links_that_contact(runner: Runner) -> None:
    # "不是仁和，是慈济，陆院长要的": the clause after the new customer says whom it was with, a contact
    # that customer already holds
    turns = says(
        "仁和周主任下午微信上说彩超的耦合剂快用光了，要再补三十箱",
        "哎说错了，不是仁和，是慈济，陆院长要的",
    )
    expect = [
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("online", "陆文"),
         "next_followup": None},
        {"company": RENHE["公司"], "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
