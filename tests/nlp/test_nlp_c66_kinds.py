"""Kinds of failure seen on the conversations sixty-six (mining machinery, Shandong speech), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from tests.nlp.reading import read as _read

# ---- Shandong words: 俺 (我), 夜来 (昨天), 拉呱 (聊天) -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("俺夜来去了华锐机电", "我昨天去了华锐机电"),
        ("夜来晚上跟郭总拉呱了半天", "昨天晚上跟郭总聊天了半天"),
        ("俺们下礼拜再去", "我们下礼拜再去"),
    ],
)
def test_shandong_words_are_read_in_mandarin(text: str, said: str) -> None:
    assert mandarin(text) == said


@pytest.mark.parametrize("text", ["半夜来电话说机床停了", "他们连夜来修的", "门口种了夜来香"])
def test_a_night_coming_is_no_yesterday(text: str) -> None:
    assert mandarin(text) == text


def test_chatting_at_their_place_till_late_is_a_visit(extractor: Extractor) -> None:
    _, slots = _read(extractor, "夜来晚上在华锐机电跟郭总拉呱到十点多，CNC想换两台")
    assert (slots.get("kind"), slots.get("contact_name")) == ("visit", "郭")


# ---- at their place with the person: talked till late, or a thing gone over together --------------------


@pytest.mark.parametrize(
    "text",
    [
        "上午在华锐机电跟郭总把CNC的技术参数又过了一遍",
        "昨天在华锐机电跟郭总聊到十一点",
        "在华锐机电和采购郭总把交货期对了一遍",
        "今天在和平机械跟周主任聊了两个小时",  # (a place whose name holds 和)
    ],
)
def test_with_the_person_at_their_place_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("明天在华锐机电跟郭总把报价过一遍", None),  # still to do
        ("在电话里跟郭总把报价过了一遍", "call"),  # on a line
    ],
)
def test_a_plan_or_a_line_is_no_visit(extractor: Extractor, text: str, kind: str | None) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


# ---- the quote handed over with when and how between ("报价今天上午当面送过去了") --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "华锐机电的报价今天上午当面送过去了",
        "华锐的报价单昨天下午亲手交上去了",
        "华锐的报价刚当面递过去了",
    ],
)
def test_a_quote_handed_over_with_when_and_how_between_is_the_quote_stage(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text)[1].get("stage") == "报价"


@pytest.mark.parametrize("text", ["华锐的报价今天上午送过去了吗", "华锐的报价明天上午当面送过去"])
def test_a_quote_asked_after_or_still_to_hand_over_is_no_stage(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") is None


# ---- a full name after the shop floor the person runs ("车间王立群王主任") --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今天去了华锐机电，二车间许文涛许主任说CNC要换",
        "今天去了华锐机电，装配车间许文涛主任",
    ],
)
def test_a_full_name_after_the_shop_floor_is_the_contact(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("contact_name") == "许文涛"
