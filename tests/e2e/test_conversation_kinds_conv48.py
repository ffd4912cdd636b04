"""Kinds of conversation seen on the held-out conversations fortyeight (elder-care equipment, terse
numbered reports), replayed through the real bot with made-up sentences of a medical equipment
distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

CHANGQIAO = row(
    "苏州市吴中区长桥街道社区卫生服务中心", "苏州", "祁国平", "主任", "13900004801", "便携彩超", "初筛"
)
HUIKANG = row("无锡惠康骨科医院", "无锡", "邬建明", "设备科长", "13900004802", "髓内钉", "需求确认")
MINGDE = row("苏州明德康复医院", "苏州", "贲丽", "院长", "13900004803", "腹腔镜", "签约")


async def test_a_numbered_report_logs_each_item_on_its_own_customer(runner: Runner) -> None:
    # "1. … 2. … 3. …": one item per customer, told by the office's place said short with the call's
    # shorthand glued before it (电长桥社卫), by its contact alone (邬科长 拜), or with no kind at all
    turns = says(
        "今日小结：1. 电长桥社卫祁主任，便携彩超要等卫健委批，没给时间 2. 邬科长 拜，髓内钉报价单当面给他了，"
        "下周四上午十点再去 3. 明德那台腹腔镜今天装好了，贲院签了验收单"
    )
    expect = [
        {"company": CHANGQIAO["公司"], "followups_added": 1, "last_followup": last("call", "祁"),
         "next_followup": None},
        {"company": HUIKANG["公司"], "followups_added": 1, "last_followup": last("visit", "邬"),
         "next_followup": plan("next_week:4", "10:00")},
        {"company": MINGDE["公司"], "followups_added": 1, "last_followup": last(contact="贲")},
    ]  # fmt: skip
    await assert_right(runner, [CHANGQIAO, HUIKANG, MINGDE], turns, expect)


async def test_two_reports_split_at_a_semicolon_each_with_its_shorthand_and_a_known_contact(
    runner: Runner,
) -> None:
    # the second report names another hospital in full in passing ("他们对面X用的…"): its customer is the
    # one it opens on, its contact the book's (陆院长), and the other hospital is no new lead
    turns = says(
        "仁和/周主任 微 彩超的配置单发过去了，科里要先报预算；慈济陆院长 拜 腹腔镜想换新的，"
        "他们对面无锡安泰医院用的是西门子的，后天下午三点再去慈济看手术室"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("online", "周"),
         "next_followup": None},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆"),
         "next_followup": plan("today+2", "15:00")},
        {"company": "无锡安泰医院", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_continuation_going_to_their_place_said_with_li_names_no_new_customer(runner: Runner) -> None:
    turns = says(
        "周主任那边电话回了，彩超想要两台，预算控制在90万以内",
        "另外他说移动DR也想一起看看，大后天上午十点我去科里当面聊",
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 2, "last_followup": last("call", "周"),
         "next_followup": plan("today+3", "10:00"), "products_include": ["台式彩超", "移动DR"],
         "budget": [None, 900000]},
        {"company": "科里当面", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
