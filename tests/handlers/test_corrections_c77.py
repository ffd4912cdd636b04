"""Corrections seen on the held-out conversations seventy-seven, with made-up sentences of other trades: a
swap of the budget said with its span or scope before the field ("一年预算是6万，不是5万")."""

from __future__ import annotations

import pytest

from handlers.corrections import is_correction_text, new_words, old_words


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("改一下，一年预算是12万，不是10万", "12万", "10万"),
        ("年预算是80万，不是60万", "80万", "60万"),
        ("不好意思，总预算是三百万不是两百万", "三百万", "两百万"),
        ("改一下，全年的金额是45万，不是40万", "45万", "40万"),
    ],
)
def test_a_budget_swap_said_with_its_span_is_a_correction(text: str, new: str, old: str) -> None:
    assert is_correction_text(text)
    words = new_words(text)
    assert new in words and old not in words
    assert old in "".join(old_words(text))


@pytest.mark.parametrize(
    "text",
    [
        "年底不是旺季是淡季，他们想等开春再买",  # news about the customer, no field of the record
        "总经理说不是价格问题是交期",
    ],
)
def test_news_with_a_swap_is_no_correction(text: str) -> None:
    assert not is_correction_text(text)
