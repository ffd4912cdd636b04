"""Corrections seen on the held-out conversations fiftyeight, with made-up sentences of other trades: the
one met named by title alone ("是他们的副院长"), their full name in a clause of its own after it."""

from __future__ import annotations

import pytest

from handlers.corrections import new_words


@pytest.mark.parametrize("name", ["萧文华", "赖俊杰", "王建国", "欧阳明"])
def test_a_full_name_after_a_title_said_alone_is_the_new_person(name: str) -> None:
    text = f"不对 今天见的不是孙主任 是他们的副校长 {name} 电话13700002468 孙主任休假了"
    words = new_words(text)
    assert name in words and "13700002468" in words
    assert "孙主任" not in words  # (why the old one was not there is no new value)


@pytest.mark.parametrize("comment", ["管后勤", "很客气", "人不错"])
def test_what_follows_a_title_said_alone_is_no_name_when_it_is_words(comment: str) -> None:
    assert comment not in new_words(f"说错了 上午对接的不是孙主任 是他们的副校长 {comment}")
