"""Kinds of failure seen on the heldout15 corpora (C&I solar and storage, education equipment), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- a deal's step said in other words: the award notice or the PO in, needs settled, fitting begun ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("常州恒力机械中标通知书下来了！三台数控机床都是我们的", "签约"),
        ("收到了绍兴越美纺织的中标通知，云ERP这单拿稳了", "签约"),
        ("宁波海天塑机的PO收到了，两台CNC", "签约"),
        ("嘉兴新凯电子的需求算是定了，云ERP加仓储模块一起上", "需求确认"),
        ("湖州永达食品的数控机床今天进场了，开始布线", "交付"),
    ],
)
def test_a_step_of_the_deal_in_other_words_is_its_stage(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "常州恒力机械的中标通知书下来了吗",
        "宁波海天塑机的PO收到了没",
        "嘉兴新凯电子的需求定了吗",
        "嘉兴新凯电子的需求还没定，下周再去聊",
        "湖州永达食品的数控机床下周一开始安装",
    ],
)
def test_a_step_asked_or_still_to_come_is_no_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None
