"""Kinds of failure seen on the heldout17 corpora (printing and packaging, HR outsourcing), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- a customer's short name right before the visit paid to it ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("恒岳拜访完了，李经理带我看了仓库，下周出方案", "恒岳"),
        ("成都蓝湾第二次拜访，周女士带我见了老板，要先试用一个月", "成都蓝湾"),
        ("禾润第三次上门了，设备间都看过了", "禾润"),
    ],
)
def test_a_short_name_before_its_visit_is_the_customer(extractor: Extractor, text: str, company: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("log_followup", company)


@pytest.mark.parametrize(
    "text",
    [
        "孟丽拜访完了，说下周再约",  # a person's full name
        "刘总拜访完了，说下周再约",  # a person by title
        "今天拜访完了，客户说下周再约",
        "城东街道今天去了 何主任说要覆盖8个社区",  # a place gone to, not the customer
    ],
)
def test_a_person_or_a_day_before_the_visit_is_no_customer(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("company") is None


# ---- a manual as what the customer buys is no question about the bot ----


@pytest.mark.parametrize(
    "text",
    [
        "苏州恒力机械 设备说明书英文翻译 对接李工 13912345678",
        "恒力李工回电话了，说明书一共三本，先译第一本",
        "鑫源那个说明书的翻译是谁在跟",
    ],
)
def test_a_manual_bought_is_no_help_asked(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "help"


@pytest.mark.parametrize("text", ["说明书在哪？", "有没有说明书", "你的使用说明书发我一下"])
def test_the_bots_own_manual_asked_is_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


# ---- a customer's short name, then its person, then the call or the visit ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("恒岳刘总监来电话，试点先做两个车间，预算八万", "恒岳"),
        ("蓝湾周经理回电话了，说下个月再定", "蓝湾"),
    ],
)
def test_a_short_name_before_its_person_and_the_call(extractor: Extractor, text: str, company: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("log_followup", company)


@pytest.mark.parametrize(
    "text", ["孟丽刚才电话回过来了，说下周再约", "今天刘总监来电话，说下周再约", "ok 费厂长这边电话里说好了"]
)
def test_a_person_first_before_the_call_names_no_customer(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None
