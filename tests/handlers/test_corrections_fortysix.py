"""A correction asked for first ("麻烦改一下，刚才写错了，…", the south's 唔该改一下): the ask is no news, so
the slip said after it is still early enough to mark a correction (conversations_fortysix kind, made-up
sentences of other trades)."""

from __future__ import annotations

import pytest

from handlers.corrections import is_correction_text
from nlp.dialect import mandarin


@pytest.mark.parametrize(
    "text",
    [
        "麻烦改一下，刚才写错了，是东港冷链不是东兴冷链",
        "帮我改下，刚刚打错了，是下周四不是下周三",
        "请改一下，前面那条记错了，联系人是邝经理",
        mandarin("唔该改一下，头先打错咗，系金泰药房唔系金达药房"),
    ],
)
def test_an_ask_to_change_then_the_slip_is_a_correction(text: str) -> None:
    assert is_correction_text(text)


@pytest.mark.parametrize(
    "text",
    ["麻烦你跟进一下东港冷链，他们说之前的方案不对", "帮我看下这个客户，采购经理说报价单数量写错了"],
)
def test_an_ask_then_the_customers_news_is_no_correction(text: str) -> None:
    assert not is_correction_text(text)
