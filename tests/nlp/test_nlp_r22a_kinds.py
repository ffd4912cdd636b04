"""Kinds seen on the held-out conversations ninety-nine to one hundred and two (racking, office plants,
cosmetics OEM, fleet telematics): gone to the customer's place and signed there is a visit, and a demo
named by what was shown right before the English word ("做了涂装demo") is a demo; a road or a street
before 那边 is a place, never the contact; a boss's question about one customer, asked done or not with
没有 at its end, maybe opened with the rep's name, is a look-up of the lead, not a report; and the
colleague a reply opens on before a comma is its reader, not the contact, when a titled person is named
after. Tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_kind
from tests.nlp.reading import read


@pytest.mark.parametrize(
    "text",
    [
        "鑫达今天下午我过去签了，邓总很爽快，首批五十台下月发",
        "宏远机械上午去他们那边把框架协议签了，孙厂长亲自盖的章",
    ],
)
def test_gone_there_and_signed_is_a_visit(text: str) -> None:
    kind = find_kind(text)
    assert kind is not None and kind[0] == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "明天过去把合同签了",  # one to come
        "后天去他们那边把协议签了，记得带公章",
    ],
)
def test_signing_to_come_is_no_visit(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "今天在宏远车间做了涂装demo，孙主任看了挺满意",
        "鑫达今天上午在他们门店做了收银demo，店长说下周给答复",
    ],
)
def test_a_demo_named_by_what_was_shown_is_a_demo(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("kind") == "demo"


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("新客户：东莞鑫达五金，柏华街那边的档口，联系人邓家宁，电话13800138000", "邓家宁"),
        ("新客户：南京恒泰印务有限公司，燕华路那边的印刷厂，联系人孔德明，电话13900139000", "孔德明"),
    ],
)
def test_a_street_before_there_is_no_contact(extractor: Extractor, text: str, contact: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == contact


@pytest.mark.parametrize(
    "text",
    [
        "建军，宏远机械上次演示完有下文没有？",  # what was done is the question's ground
        "晓峰，鑫达五金的样品寄了没有？他们上个月催过两次",
        "恒泰印务那边的框架协议定了没有？去年他们订了三十台",
    ],
)
def test_a_step_asked_done_or_not_is_a_lookup(extractor: Extractor, text: str) -> None:
    intent, _ = read(extractor, text)
    assert intent == "query_lead"


@pytest.mark.parametrize(
    "text",
    [
        "宏远机械的合同签了没有？签了，今天上午去他们厂里签的",  # answered with the contact made
    ],
)
def test_a_step_asked_then_a_contact_told_stays_a_report(extractor: Extractor, text: str) -> None:
    intent, _ = read(extractor, text)
    assert intent != "query_lead"


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("刘哥，鑫达五金今天我又去了，采购部的邓经理说下周定", "邓"),
        ("王姐，今天去宏远机械给孙主任讲了方案，他挺满意", "孙"),
    ],
)
def test_the_reader_a_reply_opens_on_is_no_contact(extractor: Extractor, text: str, contact: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == contact


def test_a_contact_opening_the_message_alone_stays_the_contact(extractor: Extractor) -> None:
    _, slots = read(extractor, "王姐，今天又去了一趟宏远机械，价格谈下来了")
    assert slots.get("contact_name") == "王"
