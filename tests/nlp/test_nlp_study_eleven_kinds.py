"""Kinds of failure seen on the conversations_eleven set (outdoor advertising), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- 交车 (the vehicles handed over) is no delivery inside 公交车 (a bus) ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("今天去巴士集团见了刘科长 他们想给公交车换一批座椅 预算30万", None),
        ("华通客运的公交车空调想全换 今天拜访了王经理", None),
        ("华通客运上周已经交车了 今天去收尾款的事", "交付"),  # the vehicles handed over, as before
        ("今天去了趟华通客运 二十台大巴都交车了", "交付"),
    ],
)
def test_a_bus_is_no_vehicle_handed_over(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage
