"""Kinds of failure seen on the held-out conversations fiftyseven (farm inputs, Northwest speech), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from tests.nlp.reading import read as _read

# ---- the Northwest's 尕 (小, before a surname) and 谝 (聊), read as Mandarin of the same length ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("宏达印刷的尕王打来电话", "宏达印刷的小王打来电话"),
        ("上午去厂里跟尕李谝了一阵", "上午去厂里跟小李聊了一阵"),
        ("跟采购谝了半天价格", "跟采购聊了半天价格"),
        # a place's 尕 (no surname after it) stays
        ("尕海那边的牧场", "尕海那边的牧场"),
        ("尕让乡的小学", "尕让乡的小学"),
    ],
)
def test_northwest_small_and_chat_are_read_as_mandarin_of_the_same_length(text: str, expected: str) -> None:
    assert mandarin(text) == expected
    assert len(mandarin(text)) == len(text)


def test_northwest_diminutive_is_the_contact(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "宏达印刷的尕王打来电话，想加两台数控机床")
    assert intent == "log_followup"
    assert slots.get("kind") == "call"


# ---- "how to use it" talked over with the customer, told as done, is a report, not a help request ----


@pytest.mark.parametrize(
    "text",
    [
        "上午给宏达印刷打了电话，跟刘科长聊了半天数控机床咋用",
        "下午去了永丰五金，跟周经理沟通了一下云ERP怎么用",
        "昨天给明远电子打电话，和他们谈了很久光伏组件怎么用",
    ],
)
def test_how_to_use_talked_over_is_a_report(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "log_followup"


@pytest.mark.parametrize(
    "text",
    [
        "这个机器人怎么用",
        "跟客户聊了半天，你这个怎么用？",
        "说了半天到底咋用",
        "聊了半天到底咋用",
    ],
)
def test_how_to_use_asked_of_the_bot_is_still_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "help"


# ---- the deal lost with no stage word: the competitor's goods taken up now, or ours not wanted ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷刘科长电话里说今年用金蝶的了",
        "永丰五金周经理微信上讲改用用友家的了，下个月上线",
        "明远电子说我们的就不要了",
        "永丰五金回话了，咱家的货也不要了",
    ],
)
def test_rival_taken_up_or_ours_not_wanted_is_lost(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") == "输单"


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷去年用金蝶的了，今年想换",
        "永丰五金之前用用友的，想看看我们的云ERP",
        "明远电子问我们的就不要了吗",
        "宏达印刷那边用金蝶的了吗",
    ],
)
def test_rival_of_old_or_asked_is_not_lost(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") != "输单"


# ---- gone over and talked there, said done, is a visit (also in a new customer's entry) ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷今天上午过去聊了一阵，刘科长想上数控机床",
        "下午过去跟永丰五金周经理谈了半天云ERP",
    ],
)
def test_gone_over_and_talked_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷刘科长说想过去聊了再说",
        "永丰五金周经理电话里聊了一阵云ERP",
    ],
)
def test_going_over_wished_or_by_phone_is_no_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"


# ---- a person said new in the job ("他们新换的科长X") is a contact, no customer named 新换 ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("打错了，不是刘科长，是他们新换的科长吴海涛，电话13512345678", "吴海涛"),
        ("不对，是他们刚调来的主任郑立群", "郑立群"),
    ],
)
def test_new_in_the_job_is_no_company(extractor: Extractor, text: str, name: str) -> None:
    slots = _read(extractor, text)[1]
    assert slots.get("company") is None
    assert slots.get("contact_name") == name


def test_a_company_before_its_new_person_is_still_read(extractor: Extractor) -> None:
    assert _read(extractor, "宏达印刷新来的科长吴海涛打来电话")[1].get("company") == "宏达印刷"
