"""Kinds of failure seen on the conversations seventy-seven (corporate vehicle leasing, managers asking,
self-corrections), each tested with made-up sentences of other trades, with negatives showing the rule does
not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a call told with 打过 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "王经理那边刚打过电话，说印刷机下周给答复",
        "前天跟孙主任打过个电话，对方想先看看样布",
        "上午给鑫源的采购打过一通电话，他们月底前定",
    ],
)
def test_a_call_told_with_guo_is_a_call(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") == "call"


@pytest.mark.parametrize("text", ["还没打过电话", "一直没打过电话给他"])
def test_a_call_never_made_is_no_call(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") is None


# ---- one's customers at a stage asked with the question word first -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我手上现在还有哪些客户在报价阶段？",
        "哪几家还卡在谈判？",
        "我名下哪些单子目前处于方案演示阶段",
        "哪些客户在初筛阶段呢",
    ],
)
def test_the_customers_at_a_stage_asked_are_a_book_looked_up(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead" and "stage" not in slots


@pytest.mark.parametrize(
    "text",
    [
        "鑫源五金在谈判阶段了，下周三再去一趟",  # a customer's own stage told
        "王总说哪些型号在报价阶段要再确认",  # what the customer said, going on after the stage
    ],
)
def test_a_stage_told_is_not_a_book_asked(extractor: Extractor, text: str) -> None:
    intent, _ = _read(extractor, text)
    assert intent != "query_lead"
