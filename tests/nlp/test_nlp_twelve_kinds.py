"""Kinds of failure seen on conversations_twelve (commercial-vehicle tyres), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- met, said the spoken way (见着了) ----


@pytest.mark.parametrize(
    "text",
    [
        "华光电子的王总今天总算见着了 聊了一下午注塑机",
        "东方医院的李主任下午见着面了 净化系统他们想明年上",
    ],
)
def test_met_said_the_spoken_way_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "visit")


@pytest.mark.parametrize(
    "text",
    [
        "东方医院的李主任一直没见着人",
        "华光电子的王总这周还没见着面",
    ],
)
def test_not_met_is_no_visit_by_that_word(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"
