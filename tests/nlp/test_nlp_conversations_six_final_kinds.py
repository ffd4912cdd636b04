"""Kinds of failure seen on the conversations_six, conversations_final and study15 conversations, each
tested with made-up sentences of other trades (elevators, lab supplies, printing, uniforms)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "报价单已经发他邮箱了，周四上午再电话问问",
        "价格表昨天发王工微信了",
        "报价刚发她邮箱了",
    ],
)
def test_a_quote_sent_to_someone_s_mailbox_is_a_quote_sent_online(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.stage, ex.kind) == ("报价", "online")


@pytest.mark.parametrize("text", ["后天把报价单发她邮箱", "明天把资料发他邮箱", "周五把价格表发王工微信"])
def test_a_quote_still_to_send_is_no_stage_and_no_contact(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.stage is None and ex.kind is None


def test_a_call_taken_from_someone_is_a_call(extractor: Extractor) -> None:
    text = "刚接到温州鹿城电梯工程有限公司设备部林海的电话，13905771234，两台货梯要改造，预算三十万左右"
    ex = extractor.extract(text, SENT)
    assert ex.kind == "call" and ex.contact_name == "林海"


@pytest.mark.parametrize("text", ["接到通知说下周开会", "接到他电话号码了 13900001111"])
def test_a_notice_or_a_number_received_is_no_call(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.kind is None and ex.intent is not Intent.LOG_FOLLOWUP
