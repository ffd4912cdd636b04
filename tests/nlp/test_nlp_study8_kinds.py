"""Kinds of failure seen on the study8 conversations, each tested with made-up sentences of other
trades (furniture, logistics, printing, medical devices, software, catering)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.intent import find_kind, find_stage

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # the full name in brackets after the surname and title
        ("上午见了后勤处的汪处长（汪德胜，13812340001）聊了食堂改造", "汪德胜", "处长"),
        ("仓储部的俞经理(俞海峰)说月底前要定", "俞海峰", "经理"),
    ],
)
def test_a_full_name_in_brackets_after_the_title(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("帮我建个新客户：宁波远航印刷有限公司，采购部 柏文静 139 1234 5678，要做画册", "柏文静"),
        ("新客户 合肥惠民口腔门诊部 设备科 祝海军 13655512345 想换牙椅", "祝海军"),
    ],
)
def test_a_full_name_after_a_department_and_a_space(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name


@pytest.mark.parametrize(
    "text",
    [
        "上午在他们仓库给薛经理现场demo了WMS，反应不错",
        "Demo做完了 华港物流的IT挺满意",
        "昨天给餐饮部做了个demo，总厨说下周再看",
        "上午给物业公司做了线上demo 工程部挺满意",  # held on the line: still a demo
        "下午搞了个远程demo，仓储主管说要再看看",
    ],
)
def test_a_demo_said_in_english_is_a_demo(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "demo"


@pytest.mark.parametrize(
    "text",
    [
        "客户想看demo，下周约",  # wished for, not held
        "下周给他们做线上demo",  # planned, on the line
        "today met Kevin at 华港物流 next week demo",  # planned
        "给他发了邮件 地址 sales@acme-demo.com",  # a part of an address
    ],
)
def test_a_demo_wished_for_or_in_an_address_is_no_demo(text: str) -> None:
    found = find_kind(text)
    assert found is None or found[0] != "demo"


@pytest.mark.parametrize(
    "text",
    [
        "博雅家具那单签啦🎉 一共40套 说五一前装完",
        "华港物流的仓储系统拿下啦！",
        "远航印刷年度合同成交咯",
    ],
)
def test_a_signing_cheered_is_the_signing_not_the_delivery_it_plans(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "签约"


def test_a_signing_asked_about_is_no_stage() -> None:
    found = find_stage("博雅家具那单签啦？")
    assert found is None or found[0] != "签约"


@pytest.mark.parametrize(
    ("text", "start", "name", "colleague"),
    [
        ("收到孙总 周五上午我去送样", 2, "孙", True),  # answering the manager
        ("好的，孙经理！明天我过去", 3, "孙", True),
        ("今天跟孙梦洁一起去了华港物流", 3, "孙梦洁", True),  # a member's full name anywhere
        ("华港物流孙总说下周定", 4, "孙", False),  # a customer's person of the same surname
        ("收到孙总 周五上午我去送样", 2, "钱", False),  # no member of that surname
    ],
)
def test_a_member_of_the_org_named_is_a_colleague(text: str, start: int, name: str, colleague: bool) -> None:
    from nlp.linking import is_colleague

    assert is_colleague(text, start, name, ["孙梦洁", "周立"]) is colleague
