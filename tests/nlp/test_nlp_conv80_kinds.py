"""Kinds of failure seen on the held-out conversations eighty (imaging equipment service), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- a deal settled at the customer's named place with their person is a visit ----
# ("在X跟Y把合同签了": the rep was there, with Y, when it was signed; like "在X跟Y聊了")


@pytest.mark.parametrize(
    "text",
    [
        "今天在恒远精工跟周总把合同签了，下周一安排发货",
        "上午在宏达纺织和采购部孙经理把框架协议签了",
        "昨天在城北中学跟许校长把单子定了",
        "下午在天和药业跟钱总签的合同",
        "今天在绿源农场和老板把采购协议盖好章了",
    ],
)
def test_a_deal_settled_at_their_place_with_their_person_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "log_followup"
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        # signed with no place said: stage news alone
        "恒远精工周总那边合同签了",
        # still in progress, or to come: no contact told
        "现在跟周总把合同签了就行",
        "正在跟周总把合同签了再说",
        "明天在恒远精工跟周总把合同签了",
        "打算在恒远精工跟周总把合同签了",
        "下周二在恒远精工跟周总把合同签了",
    ],
)
def test_a_signing_not_told_at_their_place_or_not_done_is_no_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") != "visit"
