"""Reading a correction's words: what is old and what is new, and the day a bare correction names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.continuation import may_continue
from handlers.corrections import (
    corrected_day,
    corrected_person,
    fixes_a_name,
    is_correction_text,
    new_words,
    old_words,
)
from nlp import Extraction, FollowUpTime, Intent
from nlp.dialect import mandarin

SHANGHAI = ZoneInfo("Asia/Shanghai")
TUESDAY = datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("对接人是卢经理不是薛经理", "对接人是卢经理 ", ["薛经理"]),
        ("不是宏达是恒信", " 是恒信", ["宏达"]),
        ("写错了，客户不是宏达，是恒信", "写错了，客户 ，是恒信", ["宏达"]),
        ("不对 是周四见的 不是周三", "不对 是周四见的  ", ["周三"]),
    ],
)
def test_the_old_value_after_不是_is_not_read_as_the_new_one(text: str, new: str, old: list[str]) -> None:
    assert is_correction_text(text)
    assert new_words(text) == new and old_words(text) == old


NEWS = ["他说不是价格问题是交期", "他们说价格不是问题", "店长说之前的报价不对，要重新算"]


@pytest.mark.parametrize("text", NEWS)
def test_news_about_the_customer_is_no_correction(text: str) -> None:
    assert not is_correction_text(text) and new_words(text) == text and old_words(text) == []


def test_a_bare_correction_names_a_later_day_never_the_day_it_happened() -> None:
    assert corrected_day("不对，是下周一上午九点不是下周二", TUESDAY) == FollowUpTime("2026-03-16", "09:00")
    assert corrected_day("不对 今天是电话聊的 不是上门", TUESDAY) is None
    assert corrected_day("不对，是今天下午四点", TUESDAY) == FollowUpTime("2026-03-10", "16:00")
    assert corrected_day("不对，预算是50万", TUESDAY) is None


def test_a_time_alone_moves_the_planned_day_s_time() -> None:
    friday = date(2026, 3, 13)
    assert corrected_day("不对，是下午三点半", TUESDAY, friday) == FollowUpTime("2026-03-13", "15:30")
    assert corrected_day("时间错了 是10:00 不是9:00", TUESDAY, friday) == FollowUpTime("2026-03-13", "10:00")
    assert corrected_day("不对，是下午三点半", TUESDAY) is None  # no day planned to move
    assert corrected_day("不对，价格再便宜一点", TUESDAY, friday) is None


def test_only_words_about_no_other_customer_and_saying_something_may_continue() -> None:
    other = Extraction(intent=Intent.OTHER)
    assert may_continue(replace(other, products=("折弯机",)), "对了还要折弯机")
    assert may_continue(other, "她说月底前定")
    assert not may_continue(other, "好的谢谢")
    assert not may_continue(replace(other, company="恒信机电"), "恒信机电也要")
    assert not may_continue(Extraction(intent=Intent.QUERY_OVERDUE), "他们的超时线索")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # The head names the new value; a clause giving the reason is no new value.
        ("改成下周五上午 周四老板出差", "周四老板出差"),
        ("不对，是后天，明天他们盘点", "明天他们盘点"),
        # A later clause that completes the head's value, or corrects something of its own, stays.
        ("不对 是下周一 下午两点", ""),
        ("不对，是下周一，预算也改成30万", ""),
        ("预算写错了，是45万", ""),
    ],
)
def test_a_correction_reads_its_head_not_the_reason_after_it(text: str, reason: str) -> None:
    assert new_words(text) == (text.replace(reason, " " * len(reason)) if reason else text)


def test_the_day_the_head_names_wins_over_a_day_in_the_reason() -> None:
    # 周四 is this week's Thursday, later than Tuesday too: only the head's day is the new plan.
    assert corrected_day("改成下周五上午 周四老板出差", TUESDAY) == FollowUpTime("2026-03-20", None)


@pytest.mark.parametrize(
    ("text", "new", "reason"),
    [
        # An apology or "刚才" before the marker still makes a correction, and its reason is no value.
        ("抱歉刚才时间写错了，不是周四，是下周五，周四他们盘点，还是下午", "是下周五", "周四他们盘点"),
        ("不好意思 上一条日子记错了 是后天", "是后天", ""),
        # A field with 改一下 names what the rep fixes; a clause opening with the old time says why.
        ("嗯 日期改一下，后天上午十点，九点他们有例会", "后天上午十点", "九点他们有例会"),
        # 纠正 / 听岔: the head names the new value, a later clause with its own 是 stays.
        ("纠正一下，刘总给的预算是九十万，一百万是含安装的价格，我听岔了", "预算是九十万", "我听岔了"),
    ],
)
def test_a_correction_may_open_with_an_apology_or_name_the_field_to_change(
    text: str, new: str, reason: str
) -> None:
    assert is_correction_text(text)
    words = new_words(text)
    assert new in words and (reason == "" or reason not in words)


@pytest.mark.parametrize("text", ["他们说方案要改一下", "对方的厂房图纸还要改一下再发"])
def test_改一下_without_a_field_of_the_record_is_news(text: str) -> None:
    assert not is_correction_text(text)


def test_a_swap_after_an_apology_is_a_correction() -> None:
    assert is_correction_text("不好意思 刚才不是潘经理 是跟邬经理通的电话")
    assert is_correction_text("刚才不是周三 是周四")


@pytest.mark.parametrize(
    ("text", "name"),
    [("是孟佳不是孟嘉", "孟佳"), ("不是孟嘉，是孟佳", "孟佳"), ("姓名打错了，是孟佳", "孟佳")],
)
def test_a_name_a_character_apart_is_a_spelling_fix_of_that_person(text: str, name: str) -> None:
    assert corrected_person(text) == name and fixes_a_name(text)


@pytest.mark.parametrize("text", ["是孟佳不是韩佳", "是孟佳不是孟嘉怡", "是周五不是周四"])
def test_another_surname_or_length_is_no_spelling_fix(text: str) -> None:
    assert not fixes_a_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "讲错了，是下周四不是下周三",
        "不好意思讲错客户，是东港冷链不是东兴冷链",
        "预算讲反了 是53万",
        "是后天上午 刚才我讲错了",
        mandarin("讲错，接电话嗰个唔系邝经理，系佢哋仓库嘅邬主管"),
    ],
)
def test_讲错_the_south_s_说错_marks_a_correction(text: str) -> None:
    assert is_correction_text(text)


def test_a_customer_s_news_told_with_讲_is_no_correction() -> None:
    assert not is_correction_text("厂长讲之前的报价不对，要重新算")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("记错了，接待的不是卢经理，是他们仓储部的柏主管，叫柏文静，电话13900001111", "叫柏文静"),
        ("不对，是质检的游工，全名叫游海涛", "全名叫游海涛"),
    ],
)
def test_the_full_name_said_with_叫_completes_the_person_the_head_names(text: str, name: str) -> None:
    assert name in new_words(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [("不对，是柏主管，叫我们先报价", "叫我们先报价"), ("不对，是柏主管，叫车来接", "叫车来接")],
)
def test_叫_saying_what_the_person_asked_is_no_name(text: str, said: str) -> None:
    assert said not in new_words(text)


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        # The old value said before the rep owns the slip, the new one in a clause after: only that is read.
        ("刚说的邹主任搞错了 是药剂科的蒋主任 邹主任那天出差", "是药剂科的蒋主任", "邹主任"),
        ("周五写错了，应该是下周一", "应该是下周一", "周五"),
        # The field named before the slip stays, as it says what is fixed.
        ("联系人邹主任记错了 是蒋主任", "联系人", "邹主任"),
    ],
)
def test_the_old_value_before_a_slip_owned_is_not_read_as_the_new_one(text: str, new: str, old: str) -> None:
    words = new_words(text)
    assert new in words and old not in words


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the slip owned at the end: the value before it is the new one
        ("苗主任说的是四十八万 我记错了", "四十八万"),
        ("预算写错了，是45万", "预算写错了，是45万"),  # only the field before the slip
        ("联系人搞错了 是蒋主任", "联系人搞错了 是蒋主任"),
    ],
)
def test_a_slip_with_no_old_value_before_it_keeps_the_words(text: str, kept: str) -> None:
    assert kept in new_words(text)


@pytest.mark.parametrize(
    "text",
    [
        # a correction of something else, then the rep's next step on a later day: the plan stays
        "更正一下，是38万，刚才记岔了。大后天上午十点过去送合同",
        "说错了 预算是80万 下周二上午去他们厂里看现场",
    ],
)
def test_the_plan_said_after_a_correction_of_another_field_is_kept(text: str) -> None:
    plan = text[text.rindex(next(c for c in "。 " if c in text)) + 1 :]
    assert plan in new_words(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a day corrected: a later day in another clause is the reason, not a plan
        ("不对，是下周四上午，周三他们开董事会", "周三他们开董事会"),
        # ...even with an emoji left before the head, which is no value of its own
        ("更正一下😅 时间写错了，是下周五上午十点，老板下周四要去外地开会", "老板下周四要去外地开会"),
        # a day gone said after a budget corrected is no plan
        ("更正，是54万，昨天过去谈的", "昨天过去谈的"),
    ],
)
def test_a_reason_or_a_day_gone_after_a_correction_is_no_plan(text: str, reason: str) -> None:
    assert reason not in new_words(text)
