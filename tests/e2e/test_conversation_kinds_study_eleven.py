"""Kinds of conversation seen on conversations_eleven (outdoor advertising), replayed through the real
bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, says

# ---- a correction "不是X 是Y" replaces X only, the record's other products stay ----------------------


async def test_a_product_swapped_keeps_the_other_products_of_the_record(runner: Runner) -> None:
    turns = says(
        "今天去了趟仁和，周主任说彩超想上两台 另外还想加一台腹腔镜", "不对不是腹腔镜 是超声刀 我记错了"
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "products_include": ["台式彩超", "超声刀"]}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_product_corrected_without_the_old_one_replaces_what_the_record_brought(
    runner: Runner,
) -> None:
    turns = says("今天去了趟慈济，陆院长说腔镜想换新的", "不对 是超声刀")
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "products_include": ["超声刀"]}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- weighing a rival's offer, after the report, is a remark on it --------------------------------------


async def test_a_rival_offer_weighed_adds_no_follow_up(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "他们还在对比西门子那边的报价")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")}]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rival_weighed_with_a_new_want_is_one_more_follow_up(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "他们在对比西门子的报价 还想加一台超声刀")
    expect = [{"company": "苏州仁和医院", "followups_added": 2}]
    await assert_right(runner, [RENHE], turns, expect)
