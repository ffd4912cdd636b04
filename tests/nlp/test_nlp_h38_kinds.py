"""Kinds of failure seen on the held-out single-message set heldout38 (pool and spa equipment, crop seeds
with Northeastern field reports), each tested with made-up sentences of other trades, with negatives
showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Extractor
from nlp.numbers import find_budget

SENT = datetime(2026, 11, 10, 9, 20)  # a Tuesday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


# ---- the sum set aside, said flat ("资金是80万", "专项资金12万") or what the customer can take out ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("街道办今年的资金是45万 要走询价", (450_000, 450_000)),
        ("学校这块专项资金12万不变 桌椅要先到", (120_000, 120_000)),
        ("首付他能拿出6万 剩下的分期", (60_000, 60_000)),
        ("按面积算下来要52万 他说厂里最多拿40万", (None, 400_000)),
    ],
)
def test_funds_and_what_is_taken_out_are_the_budget(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text", ["区里补贴资金20万 申报截止月底", "融资金额300万 已经放款", "他能拿到3万的补贴"]
)
def test_subsidies_loans_and_grants_are_no_budget(text: str) -> None:
    assert find_budget(text) is None


# ---- plants counted by the ten thousand ("60万株", "8万棵") are quantities, not money ----


@pytest.mark.parametrize("text", ["明年要绿化苗木 大概8万棵", "已经签了 花卉苗定了12万株"])
def test_plant_counts_are_no_budget(text: str) -> None:
    assert find_budget(text) is None


# ---- a line break after 万 ends the clause: "预算65万\n月底前…" is no count of months ----


def test_amount_before_a_line_break_is_money() -> None:
    found = find_budget("展台搭建确认了\n预算28万\n月底前把图纸发过去")
    assert found is not None and found[0] == (280_000, 280_000)


# ---- a family farm's head (场主) is a title; shops and venues named by their counter or kind ----


def test_farm_head_is_a_title(extractor: Extractor) -> None:
    got = extractor.extract("新线索 长丰县绿源家庭农场 场主汪德明 电话13905518826 要滴灌带", SENT)
    assert (got.contact_name, got.contact_title) == ("汪德明", "场主")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("上午去了宏远农资门市 找刘老板聊了化肥的事", "宏远农资门市"),
        ("给金穗农药经销处的何经理打了电话 报了价", "金穗农药经销处"),
        ("我们是珠海海洋水世界 想了解一下售票闸机", "珠海海洋水世界"),
        ("跟常州恐龙度假世界的采购经理聊了监控的事", "常州恐龙度假世界"),
        ("上午跑了一趟西湖区的蓝鲸游泳馆 见了馆长 谈新风系统", "蓝鲸游泳馆"),
    ],
)
def test_counter_and_venue_kinds_end_a_company(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company
