"""Kinds of conversation seen on the held-out conversations thirtyseven (feed and veterinary products),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, row, says

# A customer whose brand starts with the name of another district of its city (昆山, after 相城区).
KSW = row("苏州市相城区昆山桥康复医院", "苏州", "周丽", "主任", "13900000371", "台式彩超", "初筛")


async def test_one_message_on_two_customers_one_named_by_a_brand_that_starts_with_a_district(
    runner: Runner,
) -> None:
    turns = says(
        "上午去了慈济医院，陆院长在，腹腔镜的事聊了一个钟头，下周三再过去；"
        "回来路上顺便给昆山桥周主任打了个电话，彩超她说等年底预算下来再讲"
    )
    expect = [
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆文"),
         "next_followup": {"at": "next_week:3", "time": None}},
        {"company": KSW["公司"], "followups_added": 1, "last_followup": last("call", "周丽")},
    ]  # fmt: skip
    await assert_right(runner, [CIJI, KSW], turns, expect)


async def test_the_brand_that_starts_with_a_district_names_its_customer_in_a_query(runner: Runner) -> None:
    turns = says(("昆山桥之前的跟进记录调出来我看下", ["昆山桥"]))
    await assert_right(runner, [CIJI, KSW], turns, [{"company": KSW["公司"], "followups_added": 0}])


# ---- a report moved to another customer by a correction -------------------------------------------

KANGNING = row("南通市崇川区康宁医院", "南通", "许明", "院长", "13900000372", "腹腔镜", "报价")


async def test_a_moved_report_takes_its_stage_news_even_when_the_wrong_customer_stood_there(
    runner: Runner,
) -> None:
    # 康宁 was at 报价 already, so the quote moved nothing there; the news is still 仁和's, and the
    # clause saying whom the rep met there names the record's contact.
    turns = says(
        "下午在康宁跟许院长坐了一个钟头，腹腔镜一台报到4万8，他说要跟院办商量，后天上午十点我再打电话问",
        "哎呀记错了，刚才那条不是康宁，是仁和医院，跟周主任谈的，其他都对",
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "stage": "报价",
         "last_followup": last("visit", "周建华"), "next_followup": {"at": "today+2", "time": "10:00"}},
        {"company": KANGNING["公司"], "followups_added": 0, "stage": "报价"},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING, RENHE], turns, expect)
