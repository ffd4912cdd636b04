"""Kinds of conversation seen on the held-out conversations forty (beauty-clinic equipment), replayed
through the real bot with made-up sentences of a hospital equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# A customer whose brand is also the name of a city elsewhere (丽江), which the book takes for no short name.
LIJIANG = row("苏州丽江医院", "苏州", "沈国平", "设备科主任", "13900000401", "台式彩超", "需求确认")


# ---- several customers in one message --------------------------------------------------------------


async def test_a_lead_in_before_a_colon_gives_each_report_after_it_its_kind_of_contact(
    runner: Runner,
) -> None:
    turns = says(
        "上午电话回了两家：仁和周主任说彩超的方案院里通过了，报价单我已经发他邮箱；"
        "慈济陆院长说腹腔镜院里最后定了GE的，我们这单就算了"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("call", "周建华")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("call", "陆文"),
         "stage": "输单"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_closing_sentence_with_a_clause_for_each_customer_gives_each_its_own_plan(
    runner: Runner,
) -> None:
    turns = says(
        "今天跑了两家，上午仁和，给周主任演示了彩超，他挺满意；下午去慈济见了陆院长，腹腔镜今年预算80万以内。"
        "仁和那边下周四我再去，慈济等他们院里开完会再说"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("demo", "周建华"),
         "next_followup": plan("next_week:4")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("visit", "陆文"),
         "next_followup": None, "budget": [None, 800000]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- stage -----------------------------------------------------------------------------------------


async def test_the_deal_given_up_with_算了_is_lost(runner: Runner) -> None:
    turns = says("刚跟仁和周主任通了电话，彩超院里批给别的牌子了，这单也只能算了")
    expect = [{"company": RENHE["公司"], "followups_added": 1, "stage": "输单"}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- corrections -----------------------------------------------------------------------------------


async def test_a_correction_whose_old_value_is_the_word_the_report_named_its_customer_by_moves_it(
    runner: Runner,
) -> None:
    turns = says(
        "丽江沈主任刚来电话了，彩超先要两台，后天我把合同送过去",
        "不对不对 我搞混了 打电话的是仁和周主任，不是丽江",
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("call", "周建华"),
         "next_followup": plan("today+2")},
        {"company": LIJIANG["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [LIJIANG, RENHE], turns, expect)
