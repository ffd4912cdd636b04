"""Kinds of conversation seen on the held-out conversations fifty-four (industrial water treatment, typos,
no punctuation), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a follow-on's rough budget ("差不多60万") is the budget, no addition to it ---------------------------


async def test_a_follow_on_s_rough_budget_is_the_budget(runner: Runner) -> None:
    turns = says("今天去了趟仁和，周主任说彩超想上两台", "他们还想加一台腔镜 预算差不多60万 下周一我再过去")
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "budget": [600000, 600000],
               "next_followup": plan("next_week:1")}]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- the contact corrected by naming the wrong one before the slip; 再来 typed 在来 -----------------------


async def test_a_contact_named_wrong_before_the_slip_is_replaced_by_the_one_after(runner: Runner) -> None:
    turns = says(
        "今天上门去了仁和 见了孟主任 彩超两台一起问了价 下周四下午三点在来",
        "刚说的孟主任搞错了 是设备科的周主任 孟主任那天休息",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周"),
               "next_followup": plan("next_week:4", "15:00")}]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- two customers in one report: a district's hospital said short, a brand after a river's mouth --------

WUZHONG = row("苏州市吴中区人民医院", "苏州", "钱立群", "设备科科长", "13900005401", "台式彩超", "需求确认")
ANHE = row("苏州浏河口安和体检中心有限公司", "苏州", "卜文华", "院长", "13900005402", "乳腺钼靶", "方案演示")


async def test_a_district_hospital_and_a_brand_after_a_river_mouth_are_two_reports(runner: Runner) -> None:
    turns = says(
        "上午去吴中人民医院见了钱科长 彩超的事他说等院办批 下周三再约 "
        "下午跑了趟安和 卜院长讲钼靶今年想上 预算70来万 我后天把方案送过去"
    )
    expect = [
        {"company": WUZHONG["公司"], "followups_added": 1, "last_followup": last("visit", "钱"),
         "next_followup": plan("next_week:3")},
        {"company": ANHE["公司"], "followups_added": 1, "last_followup": last("visit", "卜"),
         "next_followup": plan("today+2"), "budget": [700000, 700000]},
    ]  # fmt: skip
    await assert_right(runner, [WUZHONG, ANHE, RENHE], turns, expect)
