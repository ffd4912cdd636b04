"""Kinds of failure seen on the held-out conversations sixtyone (amusement equipment, Shanghainese words),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from tests.nlp.reading import read as _read

# ---- Shanghainese 勿 (不), 覅 (别), 搿 (这), 呒没 (没有), 后日 (后天), of the same length ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("勿对，是下礼拜三", "不对，是下礼拜三"),
        ("勿是宏达印刷，是永丰五金", "不是宏达印刷，是永丰五金"),
        ("单价覅超过40万", "单价别超过40万"),
        ("搿家厂蛮好", "这家厂蛮好"),
        ("伊拉呒没预算", "他们没有预算"),
        ("后日上午去", "后天上午去"),
        # the written "do not" and "later days" stay
        ("车间请勿吸烟", "车间请勿吸烟"),
        ("切勿外传", "切勿外传"),
        ("以后日子好过了", "以后日子好过了"),
    ],
)
def test_wu_words_are_read_as_mandarin_of_the_same_length(text: str, expected: str) -> None:
    assert mandarin(text) == expected


def test_a_ceiling_said_with_wu_dont_is_a_budget(extractor: Extractor) -> None:
    slots = _read(extractor, "永丰五金王总讲叉车覅超过60万，下礼拜一再去")[1]
    assert slots.get("budget") == [None, 600000]


def test_the_wu_day_after_tomorrow_is_a_followup_day(extractor: Extractor) -> None:
    slots = _read(extractor, "今朝去永丰五金见了王总，后日下午三点再过去")[1]
    assert slots.get("next_followup") == {"date": "2026-03-12", "time": "15:00"}


# ---- a visit said as gone there (去过了) after where or when, or shown round (带阿拉兜了一圈) ----


@pytest.mark.parametrize(
    "text",
    [
        "永丰五金那边今朝上半天去过了，叉车要换两台",
        "宏达印刷下午已经去过了，王总讲版辊再等等",
        "永丰五金王总带阿拉兜了一圈仓库，货架要加两排",
    ],
)
def test_gone_there_said_done_or_shown_round_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "永丰五金那边侬去过了伐",
        "宏达印刷还没去过了，下礼拜一去",
    ],
)
def test_gone_there_asked_or_denied_is_no_visit_by_that_word(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"
