"""Kinds of failure seen on the held-out conversations sixty (steel structures, Northeastern speech),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- Northeastern words: 唠 is 聊, 瞅 is 看, 后儿 is 后天, 昨儿 is 昨天 ----


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("宏达印刷的孙经理说机器到了，后儿上午我过去调试", "2026-03-12", None),
        ("永丰五金林总那边后儿下午三点再过去唠唠", "2026-03-12", "15:00"),
        ("绿源农场场长说大棚膜要换，我寻思大后儿再去一趟", "2026-03-13", None),
    ],
)
def test_houer_is_the_day_after_tomorrow(extractor: Extractor, text: str, day: str, time: str | None) -> None:
    nxt = _read(extractor, text)[1].get("next_followup") or {}
    assert (nxt.get("date"), nxt.get("time")) == (day, time)


@pytest.mark.parametrize(
    "text",
    [
        # a word that ends in 后儿 is no day
        "宏达印刷的孙经理说然后儿再看吧",
        "永丰五金林总说以后儿再说",
    ],
)
def test_a_word_ending_in_houer_is_no_day(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("next_followup") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今天跟宏达印刷孙经理进车间瞅了一圈", "visit"),
        ("绿源农场今儿跟场长下地瞅了瞅大棚", "visit"),
    ],
)
def test_chou_is_looking_round_their_place(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


@pytest.mark.parametrize(
    "text",
    [
        "跟宏达印刷的王处唠了俩钟头换机的事",
        "永丰五金的林局今天上午唠了半天",
        "和绿源农场的周处聊了一下午",
    ],
)
def test_talked_with_an_official_called_by_the_offices_first_character(
    extractor: Extractor, text: str
) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "log_followup"
    assert slots.get("contact_title") in {"处长", "局长"}


def test_laodao_nags_and_is_no_talk(extractor: Extractor) -> None:
    assert _read(extractor, "宏达印刷的孙经理老唠叨价格贵")[1].get("kind") is None


# ---- gone round their place, said with 上 for 去 ----


@pytest.mark.parametrize(
    "text",
    [
        "今天上午上宏达印刷溜达了一圈，孙经理说机器还行",
        "下午上永丰五金他们店里转了一圈",
        "昨儿上绿源农场逛了逛，场长不在",
    ],
)
def test_gone_round_their_place_with_shang_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "log_followup"
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        # a time before it, not a going
        "上周转了定金给宏达印刷",
        "上次转了一圈也没找到孙经理的名片",
    ],
)
def test_a_time_with_shang_is_no_round(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"


# ---- the contract being passed round is the negotiation ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷孙经理说ERP那块在走合同了",
        "永丰五金的合同正在走，林总说月底前盖章",
        "绿源农场那批光伏组件已经开始走合同了",
    ],
)
def test_the_contract_being_passed_round_is_negotiation(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") == "谈判"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("宏达印刷下周走合同", None),  # still to come
        ("宏达印刷合同流程走完了", "签约"),  # its round done
    ],
)
def test_a_contract_to_come_or_done_is_no_negotiation(
    extractor: Extractor, text: str, stage: str | None
) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


# ---- a figure followed by a refusal of more is a ceiling ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("永丰五金林总说预算就卡在40万，多了不整", [None, 400000]),
        ("宏达印刷预算就50万，再多就不做了", [None, 500000]),
        ("绿源农场预算30万 超了不行", [None, 300000]),
    ],
)
def test_a_figure_then_no_more_is_a_ceiling(
    extractor: Extractor, text: str, budget: list[int | None]
) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷预算卡在85万",  # where it stands
        "宏达印刷预算50万，多了的部分明年再说",  # more is put off, not refused
    ],
)
def test_a_figure_with_no_refusal_stays_a_point(extractor: Extractor, text: str) -> None:
    budget = _read(extractor, text)[1].get("budget")
    assert budget is not None and budget[0] == budget[1]


# ---- the kind of body alone before its person names no customer ----


@pytest.mark.parametrize(
    "text",
    [
        "合作社费理事长刚打电话，说大棚膜要换",
        "门诊部的柏院长上午来电话问彩超的事",
        "诊所汤医生刚才微信说CNC机床不要了",
    ],
)
def test_the_kind_of_body_alone_is_no_company(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("company") is None


def test_a_named_body_of_that_kind_is_still_a_company(extractor: Extractor) -> None:
    assert _read(extractor, "绿康合作社的费理事长刚打电话")[1].get("company") == "绿康合作社"


# ---- the rep joining their meeting that day is the next contact ----


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("宏达印刷孙经理回了，下周二上午十点他们开会定，我过去给讲讲", "2026-03-17", "10:00"),
        ("永丰五金林总说下周一厂里开会讨论，我也去", "2026-03-16", None),
        ("绿源农场场长说周四下午三点他们内部碰头，我过去讲一下方案", "2026-03-12", "15:00"),
    ],
)
def test_joining_their_meeting_that_day_is_the_next_followup(
    extractor: Extractor, text: str, day: str, time: str | None
) -> None:
    nxt = _read(extractor, text)[1].get("next_followup") or {}
    assert (nxt.get("date"), nxt.get("time")) == (day, time)


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷孙经理说周四他们开会定",  # their meeting alone
        "宏达印刷孙经理说周四他们开会定，我过去的报价应该没问题",  # no going
    ],
)
def test_their_meeting_alone_is_no_followup(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("next_followup") is None
