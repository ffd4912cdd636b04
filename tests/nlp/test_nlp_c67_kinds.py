"""Kinds of failure seen on the conversations sixty-seven (reps writing in English with Chinese names),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import Extractor
from nlp.dates import find_days
from nlp.numbers import find_budget
from tests.nlp.reading import read as _read

TUESDAY = date(2026, 3, 10)

# ---- days said in English: a count from now, the weekday after next, a time after a comma ------------


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("will ring the buyer in 3 days", date(2026, 3, 13), None),
        ("check back in two weeks", date(2026, 3, 24), None),
        ("follow up in a week", date(2026, 3, 17), None),
        ("bring the samples the Thursday after next", date(2026, 3, 26), None),
        ("see the foreman the Monday after next 2pm", date(2026, 3, 23), "14:00"),
        ("call the dealer next Fri, 11am", date(2026, 3, 20), "11:00"),
    ],
)
def test_english_days_from_now(text: str, day: date, time: str | None) -> None:
    found = find_days(text, TUESDAY)
    assert [(d.day, d.time) for d in found] == [(day, time)]


@pytest.mark.parametrize("text", ["in stock for days", "next Fri, 3 trucks arrive"])
def test_no_count_or_comma_time_read_wrongly(text: str) -> None:
    assert all(d.time is None for d in find_days(text, TUESDAY))


# ---- the rep's plan said in English with no "will" before its day, or with a Chinese word in it ---------


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("Visited 鸿达物流 this morning, met 马经理. Going back next Thu 2pm with the plan.", "2026-03-19"),
        ("鸿达物流 liked the trial. Meeting again the day after tomorrow 10am", "2026-03-12"),
        ("鸿达物流 wants 冷链车 too. I'll send the 报价 the day after tomorrow", "2026-03-12"),
        ("Met 马经理 at 鸿达物流 today. Will call them in 3 days to chase.", "2026-03-13"),
    ],
)
def test_english_plan_is_the_next_followup(extractor: Extractor, text: str, on: str) -> None:
    assert (_read(extractor, text)[1].get("next_followup") or {}).get("date") == on


def test_someone_elses_day_is_no_plan(extractor: Extractor) -> None:
    slots = _read(extractor, "Visited 鸿达物流 today, 马经理 is going on leave next Thu")[1]
    assert slots.get("next_followup") is None


# ---- a contact said done in English: a demo held, a call on the phone, a meal together -------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Did the fleet-tracking demo at 鸿达物流 this morning with 马经理", "demo"),
        ("Did a quick scanner demo at 鸿达物流 today", "demo"),
        ("鸿达物流 马经理 confirmed on the phone: 20 trucks in the first batch", "call"),
        ("Lunch with 马经理 of 鸿达物流 today, he wants 20 trucks", "visit"),
        ("Had dinner with 马经理 of 鸿达物流, good talk about the routes", "visit"),
    ],
)
def test_english_contact_done(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


@pytest.mark.parametrize(
    "text",
    [
        "Dinner with 马经理 of 鸿达物流 tomorrow 7pm",
        "鸿达物流 wants a demo of the scanner next week",
    ],
)
def test_english_contact_to_come_is_not_done(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") is None


# ---- a budget said in English: a range with "to" or a dash, a ceiling, a numbered phase --------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("鸿达物流 budget is 40万 to 55万 for the trucks", (400000, 550000)),
        ("鸿达物流 budget 30万–45万", (300000, 450000)),
        ("鸿达物流 budget not more than 25万", (None, 250000)),
        ("鸿达物流 budget for phase 2 is 90万", (900000, 900000)),
        ("鸿达物流 budget for stage 1 is 70万 to 80万", (700000, 800000)),
    ],
)
def test_english_budget_words(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget
