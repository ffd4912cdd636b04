"""Corrections seen on the held-out conversations sixty-six, with made-up sentences of other trades: the
one met said wrong with no marker, the swap's subject first ("今天见的不是X，X出差了，是Y")."""

from __future__ import annotations

import pytest

from handlers.corrections import is_correction_text, new_words


@pytest.mark.parametrize(
    "text",
    [
        "还有，今天见的不是孙主任，孙主任出差了，是他们副校长柏文军",
        "上午接待的不是孙主任 是他们副校长柏文军",
        "今天见的人不是孙主任，是副校长柏文军",
    ],
)
def test_the_one_met_said_wrong_with_no_marker_is_a_correction(text: str) -> None:
    assert is_correction_text(text)
    words = new_words(text)
    assert "柏文军" in words and "孙主任" not in words


@pytest.mark.parametrize(
    "text",
    [
        "今天见的是孙主任，他说下周定",
        "孙主任说不是价格问题是交期",
        "还有，他们下周要开会",
        "今天见了孙主任 不是很顺利",
    ],
)
def test_news_of_the_one_met_is_no_correction(text: str) -> None:
    assert not is_correction_text(text)
