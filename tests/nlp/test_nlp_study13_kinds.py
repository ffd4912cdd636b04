"""Kinds of failure seen on the study13 conversations, each tested with made-up sentences of other
trades (printing, boilers, solar, catering)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "周四安排师傅上门调试锅炉，我陪着过去",
        "下周二安排装车发货",
        "明天安排工程队进场，我也过去盯一下",
    ],
)
def test_a_rep_s_own_plan_for_a_day_is_no_query_for_the_day_s_list(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is not Intent.QUERY_TODAY


@pytest.mark.parametrize(
    "text", ["周四的安排", "明天有什么安排", "我后天的拜访计划", "下周一安排了哪些客户", "周五的行程发我"]
)
def test_a_day_s_plans_asked_for_stay_a_query(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is Intent.QUERY_TODAY
