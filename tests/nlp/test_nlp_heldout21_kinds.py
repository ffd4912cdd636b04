"""Kinds of failure seen on the heldout21 corpora (heat pumps and boilers; cloud and cybersecurity), each
tested with made-up sentences of other trades and names, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- the calls of a day asked for ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("今天要打哪些电话", "2026-03-10"),
        ("明天该回哪几个客户的电话", "2026-03-11"),
        ("周五得给谁打电话", "2026-03-13"),
    ],
)
def test_the_calls_to_make_on_a_day_are_its_list(extractor: Extractor, text: str, day: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "query_today"
    assert slots["period"] == {"start": day, "end": day}


def test_a_call_made_is_no_list_of_calls(extractor: Extractor) -> None:
    assert read(extractor, "刚给鑫达建材的钱经理打了电话，他要回去问问老板")[0] == "log_followup"


# ---- two days side by side asked about ----


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("明天后天有约客户吗", "2026-03-11", "2026-03-12"),
        ("明后天有哪些拜访", "2026-03-11", "2026-03-12"),
        ("周四周五有约吗", "2026-03-12", "2026-03-13"),
    ],
)
def test_two_days_side_by_side_are_one_period(extractor: Extractor, text: str, start: str, end: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "query_today"
    assert slots["period"] == {"start": start, "end": end}


def test_a_day_and_its_time_are_one_day(extractor: Extractor) -> None:
    slots = read(extractor, "周五下午三点有约吗")[1]
    assert slots["period"] == {"start": "2026-03-13", "end": "2026-03-13"}


# ---- English security titles ----


def test_a_ciso_is_a_title(extractor: Extractor) -> None:
    slots = read(extractor, "New lead: 宁波海天证券股份有限公司, CISO 黄德明, tel 13905740000")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("黄德明", "CISO")


# ---- a call made, said with the English noun ----


@pytest.mark.parametrize(
    "text", ["跟宏达物流的张经理打了个call，他们要30台服务器", "和远景建材的Linda通了一通call，报价ok"]
)
def test_a_call_said_in_english_after_a_chinese_verb_is_a_call(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "call")
