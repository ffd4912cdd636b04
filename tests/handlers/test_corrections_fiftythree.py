"""Corrections of the person met seen on the held-out conversations fiftythree, with made-up sentences of
other trades: the one met described before the swap ("今天见的不是X 是Y"), and a tradesman's 师傅 with the
full name in a clause of its own after it."""

from __future__ import annotations

import pytest

from handlers.corrections import corrected_person, head_end, new_words


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("搞错了 今天见的不是洪主任 是他们后勤科的葛师傅 葛长青 电话13900001234", "葛长青"),
        ("说错了，上午拜访的不是洪主任，是他们设备科的葛师傅，葛长青", "葛长青"),
        ("搞错了 今天见的不是洪主任 是他们后勤科的葛师傅", "葛师傅"),  # no full name said
        ("不对 接电话的不是洪主任 是葛经理 葛长青", "葛长青"),
    ],
)
def test_the_one_met_described_before_the_swap_is_the_person_corrected(text: str, name: str) -> None:
    assert corrected_person(text) == name


def test_the_description_before_the_swap_is_no_new_value() -> None:
    text = "搞错了 今天见的不是洪主任 是他们后勤科的葛师傅 葛长青 电话13900001234"
    assert text[: head_end(text)].endswith("葛师傅")
    assert "葛长青" in new_words(text) and "13900001234" in new_words(text)
