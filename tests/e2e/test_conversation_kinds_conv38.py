"""Kinds of conversation seen on the held-out conversations thirtyeight (exhibition booths), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

KANGNING = row("苏州康宁医院", "苏州", "周建华", "设备科主任", "13900000381", "台式彩超", "方案演示")
YUHUA = row("无锡育华妇产医院", "无锡", "周敏", "院长", "13900000382", "乳腺钼靶", "方案演示")
# Two customers of one short name (仁济), told apart by the product each holds.
RENJI_SZ = row("苏州仁济医院", "苏州", "韦丽", "设备科科长", "13900000383", "台式彩超", "报价")
RENJI_WX = row("无锡仁济骨科医院", "无锡", "柏涛", "院长", "13900000384", "人工髋关节", "初筛")


# ---- corrections -----------------------------------------------------------------------------------


async def test_a_corrected_day_keeps_the_time_said_in_a_clause_of_its_own(runner: Runner) -> None:
    turns = says(
        "康宁周主任下午看了彩超的演示，图像他认了。下周二上午九点我再去一趟",
        "不对，下周二他们院里开会，改成下周三，还是上午九点",
    )
    expect = [
        {"company": "苏州康宁医院", "followups_added": 1, "next_followup": plan("next_week:3", "09:00")},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING], turns, expect)


async def test_a_planned_day_moved_to_another_time_of_it_with_the_reason_after(runner: Runner) -> None:
    turns = says(
        "今天在对方医院把彩超合同签了，康宁周主任很爽快，下周二上午九点我带工程师过去装机",
        "下周二改到下午三点吧，上午他们科里查房",
    )
    expect = [
        {"company": "苏州康宁医院", "followups_added": 1, "last_followup": last("visit", "周建华"),
         "next_followup": plan("next_week:2", "15:00")},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING], turns, expect)


async def test_a_corrected_budget_is_the_head_s_when_a_later_clause_names_the_old_one(runner: Runner) -> None:
    turns = says(
        "康宁周主任电话里说彩超这次预算45万",
        "不好意思记错了，是四十二万，45万是带三年保修的价",
    )
    expect = [{"company": "苏州康宁医院", "followups_added": 1, "budget": [420000, 420000]}]
    await assert_right(runner, [KANGNING], turns, expect)


async def test_a_correction_naming_the_person_by_the_familiar_xiao_then_in_full(runner: Runner) -> None:
    turns = says(
        "刚跟康宁周主任通了电话，彩超的方案他们院长也看了",
        "更正：接电话的是他们科室的小柴，柴文博，13900000385，周主任在外地开会",
    )
    expect = [
        {"company": "苏州康宁医院", "followups_added": 1, "last_followup": last("call", "柴"),
         "contacts_include": ["柴文博"]},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING], turns, expect)


async def test_a_record_moved_to_another_customer_with_the_person_met_there(runner: Runner) -> None:
    turns = says(
        "上午在康宁给周主任演示了彩超的新探头，下周一我把配置清单发给他",
        "等一下 刚才记错客户了，演示的是育华，周院长那边，不是康宁",
    )
    expect = [
        {"company": "无锡育华妇产医院", "followups_added": 1, "last_followup": last("demo", "周敏")},
        {"company": "苏州康宁医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING, YUHUA], turns, expect)


# ---- stage and queries -----------------------------------------------------------------------------


async def test_the_last_term_or_the_last_price_cut_left_is_negotiation(runner: Runner) -> None:
    turns = says(
        "康宁周主任电话里说彩超价格OK了，就是付款想改成对半开",
        "育华周院长刚打电话说钼靶方案没问题了，价格再降两个点就可以签",
    )
    expect = [
        {"company": "苏州康宁医院", "followups_added": 1, "stage": "谈判"},
        {"company": "无锡育华妇产医院", "followups_added": 1, "stage": "谈判"},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING, YUHUA], turns, expect)


async def test_a_contact_s_number_asked_for_again_is_no_report(runner: Runner) -> None:
    turns = says("康宁周主任的手机再发我一下")
    expect = [{"company": "苏州康宁医院", "followups_added": 0}]
    await assert_right(runner, [KANGNING], turns, expect)


# ---- answers to "which customer?" ------------------------------------------------------------------


async def test_an_answer_with_the_rep_s_plan_after_it_completes_the_kept_report(runner: Runner) -> None:
    turns = says(
        "周主任刚电话里说方案没问题了，价格再让两个点就能签",
        "康宁的周建华。明天下午三点我带新报价过去找他",
    )
    expect = [
        {"company": "苏州康宁医院", "followups_added": 1, "stage": "谈判",
         "last_followup": last("call", "周建华"), "next_followup": plan("today+1", "15:00")},
        {"company": "无锡育华妇产医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING, YUHUA], turns, expect)


async def test_a_settled_record_confirmed_with_the_rep_s_plan_after_it_gets_the_plan(runner: Runner) -> None:
    turns = says(
        "仁济刚来电话 说彩超的装机间要改到三楼",
        "是苏州那家，在市区的。后天上午10点我过去把场地图再对一遍",
    )
    expect = [
        {"company": "苏州仁济医院", "followups_added": 1, "next_followup": plan("today+2", "10:00")},
        {"company": "无锡仁济骨科医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENJI_SZ, RENJI_WX], turns, expect)
