"""Kinds of conversation seen on the held-out conversations fortyfive (industrial gases, Northeast
colloquial), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

BAIYUN = row("苏州白云口腔门诊部", "苏州", "蒯志强", "院长", "13900000451", "便携彩超", "需求确认")
XINKANG = row("苏州新康骨科医院", "苏州", "滕玉梅", "设备科主任", "13900000452", "锁定接骨板", "初筛")


async def test_a_customer_mixed_up_said_with_串_moves_the_record_and_its_plan(runner: Runner) -> None:
    # 串 (整串了, 记串了) says two things were mixed up, after an interjection (嗐, 唉) the marker still opens
    turns = says(
        "刚从白云出来 院长说便携彩超想再加一台 下周三下午两点再去",
        "唉 记串了 刚才那个是新康 不是白云 滕主任那边",
    )
    expect = [
        {"company": XINKANG["公司"], "followups_added": 1, "last_followup": last("visit", "滕"),
         "next_followup": plan("next_week:3", "14:00"), "products_include": ["便携彩超"]},
        {"company": BAIYUN["公司"], "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [BAIYUN, XINKANG], turns, expect)


# Two customers of one city sharing the short name 瑞康: the trade word tells them apart.
RK_ORTHO = row("苏州瑞康骨科医院", "苏州", "蒋德胜", "设备科科长", "13900000453", "锁定接骨板", "需求确认")
RK_EYE = row("苏州瑞康眼科门诊部", "苏州", "邵美玲", "院长", "13900000454", "台式彩超", "初筛")


async def test_an_answer_picking_by_the_trade_word_with_news_completes_the_report(runner: Runner) -> None:
    turns = says(
        ("上午去瑞康了 聊了聊下半年的手术量", ["哪个"]),
        "骨科那个 蒋科长 髓内钉一个月要二十来套 下周四再去",
    )
    expect = [
        {"company": RK_ORTHO["公司"], "followups_added": 1, "last_followup": last("visit", "蒋"),
         "next_followup": plan("next_week:4"), "products_include": ["髓内钉"]},
        {"company": RK_EYE["公司"], "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [RK_ORTHO, RK_EYE], turns, expect)


async def test_a_report_naming_another_customer_while_asked_stays_its_own(runner: Runner) -> None:
    # a name none of the listed candidates holds is no pick: the report is its own, the question stays
    turns = says(
        ("上午去瑞康了 聊了聊下半年的手术量", ["哪个"]),
        "白云那个 蒯院长 便携彩超下周四定 下周四再去",
    )
    expect = [
        {"company": BAIYUN["公司"], "followups_added": 1, "last_followup": last(contact="蒯")},
        {"company": RK_ORTHO["公司"], "followups_added": 0},
        {"company": RK_EYE["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RK_ORTHO, RK_EYE, BAIYUN], turns, expect)


async def test_the_deal_said_lost_after_the_customer_signed_elsewhere_is_lost(runner: Runner) -> None:
    turns = says("给新康滕主任打了个电话 接骨板人家不换了 跟别的医院一块签了两年 这单算黄了")
    expect = [
        {"company": XINKANG["公司"], "followups_added": 1, "stage": "输单",
         "last_followup": last("call", "滕")},
    ]  # fmt: skip
    await assert_right(runner, [XINKANG], turns, expect)


# A customer of a district, named by the district without its kind and the brand (相城博爱).
RENXIN = row("苏州仁心口腔门诊部", "苏州", "沈国栋", "院长", "13900000455", "便携彩超", "报价")
BOAI = row(
    "苏州市相城区博爱骨科医院", "苏州", "祝红梅", "设备科主任", "13900000456", "锁定接骨板", "需求确认"
)


async def test_two_visits_the_second_customer_named_by_its_district_said_short_each_get_their_own(
    runner: Runner,
) -> None:
    turns = says(
        "今天跑了两家 上午去仁心沈院长那 便携彩超又加了一台 "
        "下午上相城博爱见了祝主任 接骨板的事下周二上午九点再过去谈"
    )
    expect = [
        {"company": RENXIN["公司"], "followups_added": 1, "last_followup": last("visit", "沈"),
         "next_followup": None},
        {"company": BOAI["公司"], "followups_added": 1, "last_followup": last("visit", "祝"),
         "next_followup": plan("next_week:2", "09:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENXIN, BOAI], turns, expect)
