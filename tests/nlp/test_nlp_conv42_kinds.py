"""Kinds of failure seen on the held-out conversations fortytwo (online marketing agency), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.followup import find_followup
from nlp.intent import find_stage
from nlp.numbers import find_budget

TUESDAY = date(2026, 3, 10)


def test_a_plan_after_a_tilde_of_tone_is_the_rep_s_own() -> None:
    found = find_followup("仓储经理问了下货架能不能一起装～后天上午十点我把图纸发他", TUESDAY)
    assert found is not None and found.day == date(2026, 3, 12) and found.time == "10:00"


@pytest.mark.parametrize(
    ("text", "amount"), [("保洁外包一个季度9万，月底前定", 90000), ("设备维保每季度大概4万", 40000)]
)
def test_a_quarter_s_amount_is_a_budget(text: str, amount: int) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == (amount, amount)


@pytest.mark.parametrize("text", ["他们一季度营收12万", "仓库房租一个季度3万"])
def test_the_first_quarter_or_a_quarter_s_rent_is_no_budget(text: str) -> None:
    assert find_budget(text) is None


def test_a_quote_handed_over_on_the_spot_is_quoted() -> None:
    found = find_stage("去仓库看了现场，报价单当场给他了")
    assert found is not None and found[0] == "报价"
    assert find_stage("报价单明天当场给他") is None  # (a plan, not done)
