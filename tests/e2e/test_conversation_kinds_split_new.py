"""Kinds of conversation seen on the held-out conversations thirtyseven (pig feed) and thirtyfive
(construction machinery): one message on a customer of the writer's book and on a customer not in it,
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

NEW = "无锡市梁溪区康宁口腔门诊部有限公司"


async def test_a_report_then_a_new_customer_in_full_after_a_stop_is_a_follow_up_and_a_new_lead(
    runner: Runner,
) -> None:
    turns = says(
        "上午电话跟仁和周主任谈了彩超的价格，他想再降五万，我说回去请示，明天下午两点回他。"
        "另外中午有个新客户打电话过来，无锡市梁溪区康宁口腔门诊部有限公司的沈院长，沈立群，13912345678，"
        "想买一台便携彩超，下周三我过去看看"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("call", "周建华"),
         "next_followup": plan("today+1", "14:00")},
        {"company": NEW, "owner": "lina", "contacts_include": ["沈立群"], "products_include": ["便携彩超"],
         "next_followup": plan("next_week:3")},
        {"company": CIJI["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_new_customer_in_full_then_a_report_on_one_of_the_book_is_a_new_lead_and_a_follow_up(
    runner: Runner,
) -> None:
    turns = says(
        "新客户：无锡市梁溪区康宁口腔门诊部有限公司，沈院长，13912345678，要一台便携彩超，下周三过去。"
        "慈济陆院长下午微信上说腹腔镜的预算批下来了，后天上午十点我再去一趟"
    )
    expect = [
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("online", "陆文"),
         "next_followup": plan("today+2", "10:00")},
        {"company": NEW, "owner": "lina", "products_include": ["便携彩超"],
         "next_followup": plan("next_week:3")},
        {"company": RENHE["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_an_organisation_said_in_passing_after_a_stop_is_no_new_lead(runner: Runner) -> None:
    # No phone of its own: the other organisation is what the contact said, not a customer reported.
    turns = says(
        "今天去仁和见了周主任，彩超的方案他看了。他说梁溪区康宁口腔门诊部有限公司也缺一台，下周一我再去仁和"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周建华"),
         "next_followup": plan("next_week:1")},
        {"company": "梁溪区康宁口腔门诊部有限公司", "absent": True},
        {"company": NEW, "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_one_new_customer_alone_still_is_a_new_lead(runner: Runner) -> None:
    turns = says(
        "新客户 无锡市梁溪区康宁口腔门诊部有限公司 沈院长 沈立群 13912345678 想买一台便携彩超。下周三过去看看"
    )
    expect = [
        {"company": NEW, "owner": "lina", "contacts_include": ["沈立群"], "products_include": ["便携彩超"],
         "next_followup": plan("next_week:3")},
        {"company": RENHE["公司"], "followups_added": 0},
        {"company": CIJI["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_two_customers_of_the_book_after_a_stop_when_the_first_part_names_an_organisation_in_passing(
    runner: Runner,
) -> None:
    # The organisation the first part mentions is none of the book's: its part is still the report on
    # the customer of the book it names, and the mention is no lead.
    turns = says(
        "仁和周主任今天见了 说他们对口的东林社区卫生服务中心也想要彩超；"
        "慈济陆院长电话催腹腔镜报价单 明天上午发过去"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周建华")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("call", "陆文"),
         "next_followup": plan("today+1")},
        {"company": "东林社区卫生服务中心", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
