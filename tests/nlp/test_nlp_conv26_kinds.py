"""Kinds of failure seen on the held-out conversations twentysix (robot integrator, Cantonese-flavoured
turns), each tested with made-up sentences of other trades, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent
from nlp.dialect import mandarin
from tests.nlp.reading import SENT

# ---- Cantonese function words read as Mandarin, of the same length ----


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("琴日去咗宏泰，见咗佢哋嘅采购", "昨天去了宏泰，见了他们的采购"),
        ("佢话CNC唔急，下礼拜再倾", "他说CNC不急，下礼拜再谈"),
        ("唔好意思发错咗，啱啱嗰条系鼎盛嘅，唔系海川", "不好意思发错了，刚刚那条是鼎盛的，不是海川"),
        ("海川而家乜嘢情况", "海川现在什么情况"),
        ("听日下昼三点嚟公司睇样机", "明天下午三点来公司看样机"),
        ("呢单仲未落单，冇消息", "这单还未下单，没消息"),
        ("宏泰嗰边去到边一步", "宏泰那边去到哪一步"),
        ("唔好发报价住，等佢老细返嚟", "不要发报价住，等他老板返来"),
    ],
)
def test_cantonese_function_words_are_read_as_mandarin(text: str, read_as: str) -> None:
    assert mandarin(text) == read_as


@pytest.mark.parametrize(
    "text",
    [
        "联系了系统部的王工，关系不错",  # no Cantonese word: 系 stays as written
        "今日头条的广告投放方案发过去了",  # 今日 alone is Mandarin too
        "呢？他们还没回",
        "仲恺高新区那家电池厂说下周来",
        "王总话不多，倾向于选国产的",
    ],
)
def test_mandarin_is_left_as_it_is(text: str) -> None:
    assert mandarin(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("佢哋联系咗好耐", "联系"),  # a word with 系 inside keeps it
        ("佢哋倾向揀国产嘅", "倾向"),
        ("佢话电话费唔使报销", "电话费"),
        ("物理系嘅王教授话唔急", "物理系"),
        ("佢哋旁边嗰间厂都想睇下", "旁边"),
    ],
)
def test_words_mandarin_shares_stay_inside_cantonese_messages(text: str, kept: str) -> None:
    out = mandarin(text)
    assert kept in out and len(out) == len(text)


# ---- what a Cantonese-flavoured report says is read as its Mandarin ----


def test_a_customer_gone_to_with_zo_is_a_visit(extractor: Extractor) -> None:
    ex = extractor.extract("今日下昼去咗宏泰机械，见咗佢哋新嚟嘅采购经理，叫骆家明，佢话CNC想加多两台", SENT)
    assert (ex.company, ex.kind, ex.contact_name) == ("宏泰机械", "visit", "骆家明")


def test_a_call_made_with_zo_and_the_visit_to_us_booked(extractor: Extractor) -> None:
    ex = extractor.extract("啱啱同海川李经理通咗电话，佢约咗下礼拜四下午三点嚟公司睇CNC样机", SENT)
    assert (ex.company, ex.contact_name, ex.kind) == ("海川", "李", "call")
    assert ex.next_followup is not None and (ex.next_followup.date, ex.next_followup.time) == (
        "2026-03-19",
        "15:00",
    )


@pytest.mark.parametrize("text", ["鼎盛而家乜嘢情况", "鼎盛呢单而家去到边一步", "海川嗰单而家点样"])
def test_a_cantonese_question_on_a_customer_is_a_query(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.QUERY_LEAD


def test_a_cantonese_day_word_plans_the_next_contact(extractor: Extractor) -> None:
    ex = extractor.extract("琴日去咗鼎盛见王总，听日下昼三点再过去睇下", SENT)
    assert ex.kind == "visit"
    assert ex.next_followup is not None and (ex.next_followup.date, ex.next_followup.time) == (
        "2026-03-11",
        "15:00",
    )


# ---- 同 for "with" after when or who: no part of the customer's name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚刚同海川李经理通了电话", "海川"),
        ("今天同宏泰机械的王总吃了个饭", "宏泰机械"),
        ("我同鼎盛王总倾咗成个钟", "鼎盛"),
    ],
)
def test_tong_for_with_is_no_part_of_the_name(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("同兴达电子的王总说下周来", "同兴达电子"),  # a brand starting the message
        ("今天同辉机械的王总来了", "同辉机械"),  # one character would be left
        ("今天去同辉李经理那边", "同辉"),
    ],
)
def test_a_brand_starting_with_tong_keeps_it(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


# ---- the customer's answer owed by a day (对方表示, 最终答复) beside the rep's own plan (我这边计划) ----


@pytest.mark.parametrize(
    "text",
    [
        # their step told with 表示, as with 说
        "今天去了宏泰，对方表示下个月20号前发技术要求过来，下周二下午三点带样品过去",
        # their answer owed, however final
        "今天去了宏泰，报价已上会，下个月20号之前给最终答复，下周二下午三点带样品过去",
        # the rep's side said as 我这边
        "今天去了宏泰，下个月20号前要出图纸，我这边计划下周二下午三点先过去量尺寸",
        "上午和鼎盛王总电话沟通，对方表示下个月20号之前给最终答复。我这边计划下周二下午三点带工程师再上门一次。",
    ],
)
def test_the_customers_answer_by_a_day_is_not_the_reps_plan(extractor: Extractor, text: str) -> None:
    fu = extractor.extract(text, SENT).next_followup
    assert fu is not None and (fu.date, fu.time) == ("2026-03-17", "15:00")


@pytest.mark.parametrize(
    "text", ["今天去了宏泰，下周二之前给最终版方案", "宏泰那边我这边下周二之前出正式报价"]
)
def test_the_reps_final_version_by_a_day_is_a_plan(extractor: Extractor, text: str) -> None:
    fu = extractor.extract(text, SENT).next_followup
    assert fu is not None and fu.date == "2026-03-17"


def test_their_own_answer_by_a_day_is_no_plan(extractor: Extractor) -> None:
    ex = extractor.extract("上午和宏泰李经理电话沟通，对方表示下个月20号之前给最终答复", SENT)
    assert ex.next_followup is None


# ---- how it stands now, asked last ----


@pytest.mark.parametrize("text", ["海川那单现在怎么样", "宏泰机械目前如何？"])
def test_how_it_stands_now_asked_last_is_a_query(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.QUERY_LEAD


def test_a_customer_asking_how_something_is_now_is_a_report(extractor: Extractor) -> None:
    assert extractor.extract("今天去了海川 王总问CNC现在怎么样", SENT).intent == Intent.LOG_FOLLOWUP
