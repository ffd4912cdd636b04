"""Kinds of failure seen on the conversations_six, conversations_final and study15 conversations, each
tested with made-up sentences of other trades (elevators, lab supplies, printing, uniforms)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent
from nlp.behalf import on_behalf_of

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


COLLEAGUES = ("宋佳", "贺强", "林娜")


@pytest.mark.parametrize(
    ("text", "colleague"),
    [
        ("帮宋佳记一下，华茂的陆经理刚才打我电话说下月再谈", "宋佳"),
        ("今天顺路替贺强去了趟远洋电梯 见了严工", "贺强"),
        ("代林娜回了个电话给锦江的周总", "林娜"),
    ],
)
def test_a_rep_covering_for_a_team_mate_names_them(text: str, colleague: str) -> None:
    assert on_behalf_of(text, COLLEAGUES) == colleague


@pytest.mark.parametrize(
    "text", ["宋佳帮我问了下价格", "帮我记一下 贺强说下周去", "林娜 帮你记一下", "贺强让我明天去趟华茂"]
)
def test_a_favour_asked_of_the_writer_or_a_colleague_merely_named_is_no_cover(text: str) -> None:
    assert on_behalf_of(text, COLLEAGUES) is None


def test_a_call_the_customer_made_to_the_rep_is_a_call(extractor: Extractor) -> None:
    assert extractor.extract("锦江的周总刚才打我电话说货要提前", SENT).kind == "call"
