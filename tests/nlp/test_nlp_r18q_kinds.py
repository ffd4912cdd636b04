"""A member's book asked by the member's name, then 名下 (or 手头) and a stage before the noun (the held-out
conversations eighty-seven, steel trading): the holding word is no customer's name, and the question is a book
question, never a stage reported. Tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import asks_for_book
from tests.nlp.reading import read


@pytest.mark.parametrize(
    "text",
    [
        # (the member's name is taken out by the caller, as the router does)
        "  名下报价阶段的客户有哪些？",
        "   名下谈判阶段的单子有哪些",
        "  名下方案演示阶段的客户有哪几家",
        "  名下需求确认阶段的单子有哪些？",
        "  手头报价阶段的单子有哪些",
        "  手里签约阶段的客户有哪些",
    ],
)
def test_the_holding_word_before_a_stage_names_no_customer(extractor: Extractor, text: str) -> None:
    assert asks_for_book(text)
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("query_lead", None)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去了趟顺丰冷链，报价发过去了", "顺丰冷链"),
        ("恒立液压那边报价阶段卡住了", "恒立液压"),
        ("华强物业名下的三个小区都要换门禁", "华强物业"),
    ],
)
def test_a_customer_before_a_stage_or_a_holding_word_is_still_found(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company
