"""Kinds of failure seen on the heldout16 corpora (water treatment, factory software), each tested with
made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- one customer's progress or its contact person asked after its short name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("瑞丰现在进展到哪了", "瑞丰"),
        ("百川家具进度到哪了？", "百川家具"),
        ("金禾那个门窗项目对接人是谁", "金禾"),
        ("鼎泰联系人是谁", "鼎泰"),
    ],
)
def test_progress_or_contact_asked_after_a_short_name_is_a_query(
    extractor: Extractor, text: str, company: str
) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("query_lead", company)


@pytest.mark.parametrize(
    "text",
    [
        "今天进展到哪了都记一下",
        "对接人是谁我也不知道，明天再问",
    ],
)
def test_progress_words_with_no_customer_are_no_query(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "query_lead"
