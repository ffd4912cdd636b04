"""A rep's numbered list of reports ("今日：1. … 2. …") is cut at its numbers (handlers/several_customers.py);
made-up sentences of a furniture dealer."""

from __future__ import annotations

import pytest

from handlers.several_customers import numbered


def test_each_item_is_said_after_what_comes_before_the_first() -> None:
    text = "今日小结：1. 拜鼎丰王总，货架图纸给他了 2. 冯经理 电，样品收到了；3. 华盛那批餐桌今天装完"
    assert numbered(text) == [
        "今日小结：拜鼎丰王总，货架图纸给他了",
        "今日小结：冯经理 电，样品收到了",
        "今日小结：华盛那批餐桌今天装完",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1、拜鼎丰王总 2、冯经理 电",
        "(1) 拜鼎丰王总 (2) 冯经理 电",
        "① 拜鼎丰王总 ② 冯经理 电",
        "今天两家\n1. 拜鼎丰王总\n2. 冯经理 电",
    ],
)
def test_numbers_written_in_other_ways(text: str) -> None:
    items = numbered(text)
    assert items is not None and [item.split()[-1] for item in items] == ["拜鼎丰王总", "电"]


@pytest.mark.parametrize(
    "text",
    [
        "鼎丰王总说预算1.5万，2.0版的图纸下周给",  # decimals, no list
        "1. 拜鼎丰王总，货架图纸给他了",  # one item
        "2. 冯经理 电 3. 拜鼎丰王总",  # not from 1
    ],
)
def test_no_list_of_two_items_from_one_is_no_cut(text: str) -> None:
    assert numbered(text) is None
