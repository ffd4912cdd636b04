"""Kinds seen on the held-out conversations ninety-one (wind farm maintenance) and eighty-eight
(environmental monitoring): an amount taken back at once and said again in the same message ("…90万，不对，
是95万"): the one said after the marker is the budget; haggling begun with us named between ("开始跟我们谈
价格了") is the negotiation; and a deadline set by an acceptance or a handover ("要赶在验收前装好") is no
news that it happened. Tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_stage
from nlp.numbers import find_budget
from tests.nlp.reading import read


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("冷库改造预算60万，不对，是65万，下周再约", (650_000, 650_000)),
        ("空压机那单预算大概三十万左右 哦说错了 应该是三十五万", (350_000, 350_000)),
        ("电梯加装他们预算120万，不对不对，130万", (1_300_000, 1_300_000)),
        ("客户能出80万，口误，是85万", (850_000, 850_000)),
    ],
)
def test_an_amount_taken_back_gives_way_to_the_one_said_after_it(text: str, budget: tuple[int, int]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("冷库改造预算60万，不对，他们说的是总价", (600_000, 600_000)),  # no amount said again
        ("预算60万，不对的地方下次再改", (600_000, 600_000)),
        ("预算60万，下周二上午再打一次", (600_000, 600_000)),
    ],
)
def test_an_amount_not_taken_back_stays(text: str, budget: tuple[int, int]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


def test_the_amount_said_again_is_the_slot(extractor: Extractor) -> None:
    _, slots = read(extractor, "今天给华强物业打了电话，门禁改造他们预算40万，不对，是45万，下周四再联系")
    assert slots["budget"] == [450_000, 450_000]


@pytest.mark.parametrize(
    "text",
    [
        "冷库的方案他们看过了，开始和咱们谈价钱了",
        "空压机报价发过去了，已经开始跟我们砍价了",
        "样品过了，进入跟我们议价了",
    ],
)
def test_haggling_begun_with_us_named_between_is_the_negotiation(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "谈判"


@pytest.mark.parametrize(
    "text",
    [
        "消防喷淋要在竣工验收前做完",
        "电梯要赶在交付前装好",
        "监控系统要在消防验收之前装上",
        "设备验收以前还要再调试一次",
    ],
)
def test_a_deadline_set_by_an_acceptance_or_a_handover_is_no_delivery(text: str) -> None:
    found = find_stage(text)
    assert found is None or found[0] != "交付"


@pytest.mark.parametrize("text", ["冷库上周验收了", "电梯项目已经交付了", "空压机验收通过，尾款下月付"])
def test_an_acceptance_or_a_handover_held_is_still_the_delivery(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "交付"
