"""Kinds of failure seen on study20 / study21 (forklifts, freight forwarding), each tested with made-up
sentences of other trades (hotels, printing, lab supplies, software)."""

from __future__ import annotations

import pytest

from handlers.corrections import new_words
from nlp import Extractor
from nlp.behalf import on_behalf_of
from nlp.intent import find_kind
from tests.nlp.reading import read

# ---- rare surnames and a surname called with a kin word ------------------------------------------------


@pytest.mark.parametrize(("text", "surname"), [("报价刚微信发给逄姐了", "逄"), ("刚和璩总通了电话", "璩")])
def test_a_rare_surname_names_the_person(extractor: Extractor, text: str, surname: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == surname


@pytest.mark.parametrize("text", ["缑姐那边刚打了个电话 要二十箱打印纸", "蹇哥那边刚来了个电话 说样品收到了"])
def test_a_surname_with_a_kin_word_before_there_is_a_person_not_a_customer(
    extractor: Extractor, text: str
) -> None:
    _, slots = read(extractor, text)
    assert "company" not in slots and slots.get("contact_name") in (text[0], None)


def test_a_rare_surname_with_jie_before_there_is_the_contact(extractor: Extractor) -> None:
    assert read(extractor, "缑姐那边刚打了个电话 要二十箱打印纸")[1].get("contact_name") == "缑"


def test_a_rare_word_before_there_is_still_a_customer(extractor: Extractor) -> None:
    _, slots = read(extractor, "明泰那边做了演示")
    assert slots.get("company") == "明泰"


def test_a_place_before_there_and_a_titled_person_after_is_where_that_person_works(
    extractor: Extractor,
) -> None:
    _, slots = read(extractor, "金沙湾那边邵总下午来公司看了样机")
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("邵", "总")


def test_a_full_name_before_there_stays_the_person(extractor: Extractor) -> None:
    _, slots = read(extractor, "覃立新那边现在什么进度")
    assert slots.get("contact_name") == "覃立新"


# ---- kinds -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["王总下午来公司看了排房系统的demo 反馈不错", "他们看过demo了 觉得还行"])
def test_a_demo_the_customer_watched_is_a_demo(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "demo"


@pytest.mark.parametrize("text", ["下周给他们看demo", "王总想看demo"])
def test_a_demo_to_show_or_wished_for_is_no_demo(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize("text", ["和印务公司李经理开了个online meeting", "下午跟采购virtual call聊了报价"])
def test_a_meeting_held_online_said_in_english_is_online(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "online"


@pytest.mark.parametrize("text", ["他们想做个online store", "客户在remote area 运费要加"])
def test_online_said_of_what_the_customer_sells_or_where_is_no_contact(text: str) -> None:
    assert find_kind(text) is None


# ---- a quote received, a WeChat reply ---------------------------------------------------------------


def test_a_quote_they_say_they_received_over_a_wechat_reply_is_a_quote_and_an_online_contact(
    extractor: Extractor,
) -> None:
    intent, slots = read(extractor, "宏达印务陶经理微信回了 画册的报价她收到了 说要给老板看下")
    assert (intent, slots.get("stage"), slots.get("kind")) == ("log_followup", "报价", "online")


@pytest.mark.parametrize("text", ["报价单对方已经收到了", "报价他们收到了"])
def test_a_quote_received_is_stage_quote(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "报价"


@pytest.mark.parametrize("text", ["报价她还没收到", "报价她收到了吗"])
def test_a_quote_not_yet_received_or_asked_about_is_no_stage(extractor: Extractor, text: str) -> None:
    assert "stage" not in read(extractor, text)[1]


# ---- covering a colleague called by nickname -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["帮老周记一下 他手机没电了让我代发", "小周今天请假 我替他去了趟宏达", "帮小周跑了一趟"]
)
def test_a_colleague_called_by_a_surname_only_they_have_is_covered_for(text: str) -> None:
    assert on_behalf_of(text, ["周立伟", "陶敏"]) == "周立伟"


def test_a_surname_two_colleagues_share_names_nobody_covered_for() -> None:
    assert on_behalf_of("帮老周记一下", ["周立伟", "周红"]) is None


@pytest.mark.parametrize("text", ["老周说他明天去", "帮老吴记一下"])
def test_a_nickname_named_without_covering_or_of_nobody_is_no_cover(text: str) -> None:
    assert on_behalf_of(text, ["周立伟", "陶敏"]) is None


def test_the_plan_of_the_colleague_who_went_is_the_next_follow_up(extractor: Extractor) -> None:
    text = "帮老周记一下 今天上午他去宏达见了陶经理 画册要五千本 下周二下午三点他再过去"
    _, slots = read(extractor, text)
    assert slots.get("next_followup") == {"date": "2026-03-17", "time": "15:00"}


@pytest.mark.parametrize("text", ["陶经理说下周二他再过去看看", "他去年订过画册 下周二他再过去看看"])
def test_the_customer_going_again_is_no_plan_of_ours(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in read(extractor, text)[1]


# ---- a correction whose value follows the clause naming the change -----------------------------------------


def test_a_correction_clause_ending_on_its_change_takes_the_value_said_next() -> None:
    assert "120万左右" in new_words("不对 不是2台 是3台 预算也跟着改 120万左右")


def test_a_correction_s_reason_after_its_value_is_still_blanked() -> None:
    assert "董事会" not in new_words("不对 是下周四上午 周三他们开董事会")
