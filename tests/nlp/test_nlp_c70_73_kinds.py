"""Kinds of failure seen on the conversations seventy (freight forwarding, English mixed in) and
seventy-three (doors and windows, Shaanxi speech), each tested with made-up sentences of other trades, with
negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from nlp.intent import asks_for_book
from tests.nlp.reading import read as _read

# ---- Shaanxi 额 (I) after the thing it did something to: "报价单额已经发过去咧" ------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("报价单额已经发过去咧", "报价单我已经发过去了"),
        ("样品额也寄咧 客户美得很", "样品我也寄了 客户美得很"),
        ("方案额刚发咧", "方案我刚发了"),
    ],
)
def test_shaanxi_i_after_a_noun_before_what_was_done_is_i(text: str, read: str) -> None:
    assert mandarin(text) == read


@pytest.mark.parametrize(
    "text",
    ["订单额已经过千万咧", "销售额也涨咧", "名额都满咧", "合同额已经定咧", "全额已经付咧", "余额就剩两千"],
)
def test_an_amount_s_额_stays(text: str) -> None:
    assert "我" not in mandarin(text)


def test_a_shaanxi_quote_sent_is_the_quote_stage(extractor: Extractor) -> None:
    _, slots = _read(extractor, "今天去锦泰找孙总谝了一阵，报价单额已经发过去咧，他们预算50万")
    assert (slots.get("stage"), slots.get("budget")) == ("报价", [500000, 500000])


# ---- the service's first lot on its way: "第一票…起飞了", "首批…开船了" ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "华林第一批冷链车今天发走了，孙主任说很满意",
        "永盛首批柜子昨天已经开船了",
        "第一票货今天在上海落地了，客户挺满意",
    ],
)
def test_the_first_lot_sent_is_delivered(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("stage") == "交付"


@pytest.mark.parametrize(
    "text", ["永盛首批样品发走了", "华林第一批冷链车开船了吗", "第一批方案发给孙主任了", "首批下周开船"]
)
def test_samples_asked_or_a_plan_are_not_delivered(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("stage") != "交付"


# ---- a member's customers asked as how far they all are: "何丽手上的客户现在都到哪一步了" -------------


@pytest.mark.parametrize(
    "text",
    [
        "何丽手上的客户现在都走到哪一步了？",
        "老周名下的客户都到什么阶段了",
        "我杭州那几个客户现在都啥阶段了？",
    ],
)
def test_how_far_a_book_is_asks_for_the_book(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert asks_for_book(text)
    assert (intent, slots.get("company")) == ("query_lead", None)


@pytest.mark.parametrize("text", ["恒达现在到什么阶段了", "华林那单到哪一步了"])
def test_one_customer_s_stage_asked_names_the_customer(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert not asks_for_book(text)
    assert intent == "query_lead" and slots.get("company") in ("恒达", "华林")
