"""A listed customer told apart by a short form of its name, its characters in order close together
(seen on the held-out conversations fiftyone; tested with names of other trades)."""

from __future__ import annotations

import pytest

from handlers.clarify_answer import _abbreviates


@pytest.mark.parametrize(
    ("short", "name"),
    [("冷库", "宁波市海鲜冷冻仓储库"), ("药房", "杭州市仁和药品零售房")],
)
def test_a_short_form_names_its_customer(short: str, name: str) -> None:
    assert _abbreviates(short, name)


@pytest.mark.parametrize(
    ("short", "name"),
    [
        ("冷库", "宁波市海鲜冷冻食品有限公司"),  # no 库 at all
        ("宁司", "宁波市海鲜冷冻食品有限公司"),  # too far apart to be a short form
        ("海鲜", "宁波市海鲜冷冻食品有限公司"),  # a plain piece is told apart elsewhere
        ("冷", "宁波市海鲜冷冻仓储库"),  # one character marks nothing
    ],
)
def test_no_short_form(short: str, name: str) -> None:
    assert not _abbreviates(short, name)
