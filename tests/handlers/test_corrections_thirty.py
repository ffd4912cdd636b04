"""A bare swap of the name a record just logged ("不是X 是Y" with a reason after it, no 联系人 said, the
surname changed too, as voice input mishears it): conversations_thirty kind, made-up sentences."""

from __future__ import annotations

import pytest

from handlers.corrections import corrected_person, swaps_name


@pytest.mark.parametrize(
    ("text", "logged", "name"),
    [
        ("不是方婷 是房霆 输入法打的", "方婷", "房霆"),
        ("不是于洁 是余杰 刚才语音转错了", "于洁", "余杰"),
        ("不是钟亮，是宗良", "钟亮", "宗良"),
    ],
)
def test_a_swap_of_the_logged_name_is_the_persons_name(text: str, logged: str, name: str) -> None:
    assert swaps_name(text, (logged,))
    assert corrected_person(text, (logged,)) == name
    assert corrected_person(text) is None  # with no name logged, two names apart say nothing of a person


@pytest.mark.parametrize(
    ("text", "logged"),
    [
        ("不是下周二 是下周四 周二他们院里检查", "方婷"),  # a day
        ("不是六十万 是九十万 语音转的", "方婷"),  # an amount
        ("不是望江 是长嘉 输入法打的", "方婷"),  # a customer, not the person logged
    ],
)
def test_a_swap_of_another_value_is_no_persons_name(text: str, logged: str) -> None:
    assert not swaps_name(text, (logged,))
    assert corrected_person(text, (logged,)) is None
