"""Kinds of contact a report on one of several customers in one message says (seen on the held-out
conversations thirtyfive, construction machinery), tested with made-up sentences of other trades."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import SENT


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("明德孙园长来场里试了新款滑梯 挺满意", "demo"),  # our yard, like our shop or showroom
        ("明德孙园长电话催合同 下午发过去", "call"),  # they called to press for something
        ("明德孙园长今天电话催了发票", "call"),
        ("明德孙园长的事明天电话催一下", None),  # a call to make, not one made
        ("明德孙园长那边下周再电话催他", None),
    ],
)
def test_pressed_on_the_phone_or_tried_at_our_yard_is_the_contact(
    extractor: Extractor, text: str, kind: str | None
) -> None:
    assert extractor.extract(text, SENT).kind == kind
