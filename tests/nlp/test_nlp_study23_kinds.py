"""Kinds of failure seen on the study23 corpora (construction-equipment rental, commercial HVAC), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- stage news said without a stage word ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("华光电子的8台注塑机都进场了", "交付"),
        ("绿源农场的拖拉机今天已经发车了 后天到", "交付"),
        ("龙城酒店的锅炉今天吊装就位了", "交付"),
        ("东方医院的净化系统调试完成交给院方了", "交付"),
        ("金鼎商贸合同回来了 定金也到账了", "签约"),
        ("新华书店的货架合同今天走完他们的用印流程了", "签约"),
        ("新华书店的盖章手续已经办完", "签约"),
    ],
)
def test_stage_news_without_a_stage_word(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "华光电子的注塑机下周进场",  # a plan
        "绿源农场的拖拉机明天发车",
        "东方医院的净化系统下周调试",
        "金鼎商贸的合同还没回来",
        "新华书店的合同还在走用印流程",
    ],
)
def test_no_stage_where_none_is_reached(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") is None


# ---- stage news asked about, not told ----


@pytest.mark.parametrize(
    "text",
    [
        "华光电子的注塑机是不是已经进场了？",
        "东方医院净化系统装好了吗",
        "新华书店的合同是不是已经签了？我怎么没看到",
        "金鼎商贸那单尾款结了没",
        "新华书店的张经理最近有回复吗",
    ],
)
def test_a_step_asked_about_is_a_query(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead"
    assert "stage" not in slots


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("新华书店的合同已经签了 是不是要开票？", "update_stage"),  # told, then another question
        ("东方医院净化系统装好了", "update_stage"),
        ("新华书店的张经理回复了 合同签了", "update_stage"),
    ],
)
def test_a_step_told_stays_news(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent
