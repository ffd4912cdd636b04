"""Kinds of failure seen on conversations_sixtyfour (ready-mixed concrete), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a charge and how it is counted ("安装费按台算") is a price term, no customer ----


@pytest.mark.parametrize(
    "text",
    [
        "安装费按台算 他认了",
        "运输费按趟算 八百一趟 老板同意了",
        "运费按吨算 他认了",
    ],
)
def test_a_charge_is_no_customer(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("company") is None


# ---- a customer described by its trade ("做门窗和幕墙的 老板X"): what they make is no name ----


@pytest.mark.parametrize(
    "text",
    [
        "做钢门和防火卷帘的 老板焦振东 电话13712345670",
        "加工钣金和机柜的 老板邝志刚 电话13712345671",
    ],
)
def test_a_trade_before_the_boss_is_no_customer(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("company") is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("华睿的邱总监说安装费可以谈", "华睿"),
        ("去了趟鼎泰 做门窗的那个 老板在", "鼎泰"),
    ],
)
def test_a_brand_before_its_person_stays_one(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- done in the office of their person, called by surname and title ("在X部长办公室盖的章") ----


@pytest.mark.parametrize(
    "text",
    [
        "下午在欧阳院长办公室签的合同",
        "上午在何处长办公室盖的章 设备下个月进场",
    ],
)
def test_done_in_their_persons_office_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize("text", ["明天在何处长办公室签", "在王总办公室等了一上午没见着"])
def test_an_office_not_done_in_is_no_visit_by_it(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"
