"""Kinds of failure seen on the held-out conversations fiftyeight (power distribution, voice input,
forwarded customer messages), each tested with made-up sentences of other trades, with negatives showing
the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- the rep sending someone of theirs on a later day is the next contact ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("宏达印刷的采购今天来电话说机器到了 周四我安排工程师 上门调试一下", "2026-03-12"),
        ("永丰五金的林总说货款打过来了 下周一我派个师傅过去盘点库存", "2026-03-16"),
        ("绿源农场那边说大棚膜破了 后天我安排售后去看看", "2026-03-12"),
    ],
)
def test_the_reps_own_people_sent_on_a_day_are_the_next_followup(
    extractor: Extractor, text: str, day: str
) -> None:
    assert (_read(extractor, text)[1].get("next_followup") or {}).get("date") == day


@pytest.mark.parametrize(
    "text",
    [
        # their own arrangements are no contact of ours
        "宏达印刷的采购今天来电话说 周四他们安排工程师内部验收",
        "永丰五金的林总说下周一厂里安排人盘点库存",
    ],
)
def test_their_own_arrangements_are_no_followup(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("next_followup") is None


# ---- hours sat at their place are a visit ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷的孙经理 今天下午又去他们厂里坐了两个多小时 聊了换机的事",
        "永丰五金林总那边 上午在他们店里坐了半个多小时",
        "绿源农场 今天去场部坐了一个钟头 场长说大棚膜要换",
    ],
)
def test_hours_sat_at_their_place_are_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        # a ride is no visit
        "今天坐了三个小时的高铁 宏达印刷的孙经理微信上说下周再谈",
        "坐了一个多小时车 永丰五金的林总不在",
    ],
)
def test_hours_of_a_ride_are_no_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"
