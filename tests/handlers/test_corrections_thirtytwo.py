"""A correction that owns a typo first ("写错字 是Y 不是X", "输错字了 …") with thanks after it: the slip
words are no customer's name and no value, the person is the new value (conversations_thirtytwo kind,
made-up sentences of other trades)."""

from __future__ import annotations

import pytest

from handlers.corrections import corrected_person, head_end, is_correction_text
from tests.handlers.sales_fixtures import NOW
from tests.handlers.test_clarify import EXTRACTOR


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("写错字 是郑主任 不是周主任 谢谢", "郑主任"),
        ("输错字了 是严经理 不是颜经理 辛苦", "严经理"),
        ("拼错字 是欧阳总 不是欧总 麻烦了", "欧阳总"),
        ("打错字，是卞工不是边工，多谢", "卞工"),
    ],
)
def test_a_typo_owned_first_then_a_swap_of_persons_corrects_the_person(text: str, name: str) -> None:
    assert is_correction_text(text)
    assert corrected_person(text) == name
    assert text[: head_end(text)].endswith(name)  # the slip clause holds no value; the thanks are no head
    assert EXTRACTOR.extract(text, NOW, "rep").company is None  # "写错字" is no customer


@pytest.mark.parametrize("text", ["客户说我们报价单上写错字了", "他们合同打错字 要重新盖章"])
def test_a_typo_of_the_customers_is_news_not_a_correction_of_the_person(text: str) -> None:
    assert corrected_person(text) is None
