"""Kinds of conversation seen on conversations_sixteen (commercial coffee equipment), replayed through the
real bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a follow-on that wishes a signing: one more follow-up, no stage moved --------------------------


async def test_a_follow_on_wishing_to_sign_is_a_follow_up_not_stage_news(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "对了她还问便携彩超怎么收费，想一起签了")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 2, "stage": "需求确认",
         "products_include": ["台式彩超", "便携彩超"]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- out of a meeting at the customer's: a visit, kept by the follow-on after it --------------------


async def test_out_of_a_meeting_just_held_is_a_visit(runner: Runner) -> None:
    turns = says("仁和刚开完会出来 周主任说彩超至少要两台", "下周二上午九点半我再过去一趟")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("next_week:2", "09:30")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- one brand, two kinds of business: the kind said settles it, a place inside the full name --------

GUSHAN_HOTEL = row(
    "福州鼓山温泉酒店管理有限公司", "福州", "林秀英", "总经理", "13900000011", "台式彩超", "需求确认"
)
SHANHAI_MED = row("福州山海医疗器械有限公司", "福州", "林涛", "采购", "13900000012", "腹腔镜", "报价")
SHANHAI_HOTEL = row(
    "福州鼓山山海酒店管理有限公司", "福州", "林秀英", "总经理", "13900000011", "台式彩超", "需求确认"
)


async def test_a_brand_with_its_kind_links_the_lead_of_that_kind(runner: Runner) -> None:
    turns = says("山海酒店林姐刚视频聊了一下 她说年后再定彩超 我下下周三再问问她")
    expect = [
        {"company": "福州鼓山山海酒店管理有限公司", "followups_added": 1,
         "last_followup": last("online", "林秀英"), "next_followup": plan("week_after_next:3")},
        {"company": "福州山海医疗器械有限公司", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [SHANHAI_HOTEL, SHANHAI_MED], turns, expect)


async def test_the_brand_alone_still_links_its_only_lead(runner: Runner) -> None:
    turns = says("山海医疗林涛刚视频聊了一下 腹腔镜想再压压价")
    expect = [
        {"company": "福州山海医疗器械有限公司", "followups_added": 1, "last_followup": last("online", "林涛")}
    ]
    await assert_right(runner, [SHANHAI_HOTEL, SHANHAI_MED, GUSHAN_HOTEL], turns, expect)
