"""Kinds of failure seen on the held-out conversations fortyone (industrial boilers), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_kind
from tests.nlp.reading import read as _read


@pytest.mark.parametrize(
    "text",
    ["今天把整套仓储软件的方案给他们信息部过了一遍 反响不错", "上午方案跟许经理他们过了遍，说回去再研究"],
)
def test_a_proposal_gone_through_with_them_is_a_demo(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "demo"


def test_a_proposal_still_to_go_through_is_no_demo() -> None:
    found = find_kind("明天把方案给他们过一遍")
    assert found is None or found[0] != "demo"


@pytest.mark.parametrize(
    "text",
    [
        "东方制药许经理今天还在跟我们磨价 下周再去一趟",
        "东方制药许经理电话里说想让咱们再降两个点",
        "东方制药采购要我们再优惠三个点",
    ],
)
def test_the_price_haggled_with_us_or_points_asked_off_is_negotiation(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text)[1].get("stage") == "谈判"


def test_points_of_a_rate_said_is_no_negotiation(extractor: Extractor) -> None:
    assert _read(extractor, "东方制药许经理说他们良品率提高了两个点")[1].get("stage") != "谈判"
