"""Kinds of company and contact span failure met at events (a brand before its department, a meeting
place read as a name), each tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _read(extractor: Extractor, text: str) -> dict[str, Any]:
    return extractor.extract(text, SENT).to_slots()


# ---- a brand, a department, then 的 and its person: the brand is the customer ----


@pytest.mark.parametrize(
    ("text", "company", "contact"),
    [
        ("上午拜访了沃澜瑞达行政部的钱主管，想订一批办公椅", "沃澜瑞达", "钱"),
        ("加了鼎泓汇通人力资源部的韩丽，电话13800001111，想做体检套餐", "鼎泓汇通", "韩丽"),
        ("见了澜禾生产部的吴经理，说冷库要扩容", "澜禾", "吴"),
        ("刚在饭局上认识了澜越恒通采购部的柳经理，要一批劳保手套", "澜越恒通", "柳"),
    ],
)
def test_a_brand_before_its_department_and_person_is_the_customer(
    extractor: Extractor, text: str, company: str, contact: str
) -> None:
    slots = _read(extractor, text)
    assert slots.get("company") == company
    assert slots.get("contact_name") == contact


@pytest.mark.parametrize(
    "text",
    [
        "认识了采购部的刘工，说下周要报价",  # the department alone
        "上海人事部的王经理说下周来",  # a place alone before the department
        "我们人事部的张姐说要订票",  # the writer's own department
        "今天财务部的刘会计打电话问发票",  # a day word
        "他们人事部的张经理说下周定",  # a pronoun
        "客户那边工程部的李工说图纸改了",
    ],
)
def test_a_department_with_no_brand_before_it_names_no_customer(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text).get("company") is None


# ---- an event or a room and 上/里 is where the rep met someone, not a person's name ----


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("上周在CFO沙龙上认识了财务总监严明，想了解报税软件", "严明"),
        ("今天在一个HR沙龙上认识了晨岚恒信人事部的汤晓梅，要做员工体检", "汤晓梅"),
        ("在一个行业沙龙上碰到了经理陆明，他们要换打印机", "陆明"),
    ],
)
def test_an_event_and_a_locative_is_no_name(extractor: Extractor, text: str, contact: str) -> None:
    slots = _read(extractor, text)
    assert slots.get("contact_name") == contact
    assert slots.get("company") != "沙龙上"


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("经理高峰上周来过电话，要一批钢筋", "高峰"),  # 上 starts a word (上周): the name stays
        ("联系人江山上午回了微信，说要再比价", "江山"),
    ],
)
def test_a_name_before_a_word_with_shang_is_kept(extractor: Extractor, text: str, contact: str) -> None:
    assert _read(extractor, text).get("contact_name") == contact
