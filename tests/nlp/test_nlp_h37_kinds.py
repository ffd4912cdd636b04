"""Kinds of failure seen on the held-out single-message set heldout37 (inspection drones, school and
factory catering), each tested with made-up sentences of other trades, with negatives showing the rule
does not over-fire."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 11, 3, 15, 40)  # a Tuesday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


# ---- the rep's plan held on the line or going through the papers: "线上过一遍" ----


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("发了报价 周四上午10点线上过一遍方案", "2026-11-05", "10:00"),
        ("韦经理说价格再商量 下周一下午3点线上过一遍", "2026-11-09", "15:00"),
        ("把改好的图纸发给甘工了 周五下午两点线上过一遍", "2026-11-06", "14:00"),
    ],
)
def test_online_run_through_is_the_reps_plan(
    extractor: Extractor, text: str, day: str, time: str | None
) -> None:
    followup = extractor.extract(text, SENT).next_followup
    assert followup is not None and (followup.date, followup.time) == (day, time)


def test_their_online_event_is_no_plan(extractor: Extractor) -> None:
    assert extractor.extract("看了他们的标书 下周一线上开标", SENT).next_followup is None


# ---- a count of follow-ups asked of the team: "X的跟进次数" is a figure, not a customer's deal ----


@pytest.mark.parametrize(
    "text",
    ["这个月大家的跟进次数排个名", "上个月全组的跟进量", "这周大家的跟进次数多少"],
)
def test_follow_up_count_is_a_stats_question(extractor: Extractor, text: str) -> None:
    got = extractor.extract(text, SENT)
    assert (got.intent, got.company) == (Intent.QUERY_STATS, None)


def test_a_customers_follow_up_is_still_its_deal(extractor: Extractor) -> None:
    assert extractor.extract("华睿的跟进情况怎么样了", SENT).company == "华睿"


# ---- a surname and its title after a function: "分管教学的苗副校长" is 苗 the 副校长, not 苗副 ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("见了分管教学的苗副校长 聊得不错", "苗", "副校长"),
        ("今天拜访了分管基建的缪副局长", "缪", "副局长"),
        ("采购的于丽娟说下周定", "于丽娟", "采购"),
    ],
)
def test_surname_and_title_after_a_function(extractor: Extractor, text: str, name: str, title: str) -> None:
    got = extractor.extract(text, SENT)
    assert (got.contact_name, got.contact_title) == (name, title)


# ---- the whole the customer has for the deal: "项目总盘子六百万" is its budget ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("见了欧阳处长 他说改造项目总盘子六百万 分三年", (6000000, 6000000)),
        ("一期50万，总盘子340万左右", (3400000, 3400000)),
    ],
)
def test_whole_of_the_deal_is_the_budget(extractor: Extractor, text: str, budget: tuple[int, int]) -> None:
    assert extractor.extract(text, SENT).budget == budget
