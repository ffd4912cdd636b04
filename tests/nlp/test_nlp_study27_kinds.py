"""Kinds of failure seen on the study27 conversations (laboratory instruments), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- the price agreed for the deal, said with 谈拢/谈妥/谈好/敲定 ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("和顺达物流吃了个饭 冷链车价格基本谈拢 86万含两年保养", [860000, 860000]),
        ("绿洲物业的保洁外包价格谈妥了 六十万", [600000, 600000]),
        ("鸿福酒楼总价敲定 45万 下周签", [450000, 450000]),
        ("鸿福酒楼价格还没谈拢 他们嫌45万贵", None),  # not agreed: a price they find dear
        ("绿洲物业单价谈好了 3万一台", None),  # a unit's price, not the deal's
    ],
)
def test_the_price_agreed_is_the_budget(extractor: Extractor, text: str, budget: list[int] | None) -> None:
    _, slots = read(extractor, text)
    assert slots.get("budget") == budget
