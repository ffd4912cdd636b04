"""Kinds of failure seen on the held-out conversations thirtythree (group insurance), each tested with
made-up sentences of other trades and places, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.followup import find_followup

TUESDAY = date(2026, 3, 10)

# ---- the rep's own step with the customer that day, whatever the verb, after the customer's timeline ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("尹经理说月底前给我们回话，我下周三先跟他把型号核对一下", date(2026, 3, 18)),
        ("对方让我周五之前等通知。我下周一上午先和她把面积对一下", date(2026, 3, 16)),
        ("我周四跟他们商量下付款方式", date(2026, 3, 12)),
        ("下周二下午我先同对方把清单过一遍", date(2026, 3, 17)),
    ],
)
def test_the_rep_doing_something_with_the_customer_that_day_is_the_plan(text: str, day: date) -> None:
    found = find_followup(text, TUESDAY)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    "text",
    [
        "她说下周五之前跟老板商量一下再回我",  # their step, told by them
        "他们下周三跟总部核对一下数量",  # their step
        "厂长让我下周五之前等他准信",  # the customer's timeline only
    ],
)
def test_the_customer_doing_something_with_others_is_no_plan(text: str) -> None:
    assert find_followup(text, TUESDAY) is None
