"""Corrections seen on the held-out conversations sixty-eight, with made-up sentences of other trades: the
field's 改下 ended by a spoken particle ("时间改下哈 明天下午四点")."""

from __future__ import annotations

import pytest

from handlers.corrections import new_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("时间改下哈 后天上午十点", "后天上午十点"),
        ("日期改下嘛 下周三下午两点", "下周三下午两点"),
        ("预算改下咯 是四十万", "四十万"),
    ],
)
def test_a_field_to_change_ended_by_a_particle_keeps_the_new_value(text: str, value: str) -> None:
    assert value in new_words(text)
