"""Tags derived from what was said: budget, competitors, product lines, decision makers."""

from __future__ import annotations

import pytest

from handlers.tags import budget_tags, budget_text, derived_tags, is_decision_maker, merge_tags


class Lines:
    def line_of(self, product: str) -> str | None:
        return {"64排CT": "影像", "移动DR": "影像", "乳清蛋白粉": "营养"}.get(product)


@pytest.mark.parametrize(
    ("budget", "text"),
    [
        ((500_000, 800_000), "50-80万"),
        ((1_500_000, 1_500_000), "150万"),
        ((None, 1_000_000), "100万以内"),
        ((500_000, None), "50万以上"),
        ((5_000, 5_000), "0.5万"),
        ((None, None), None),
    ],
)
def test_budget_text(budget: tuple[int | None, int | None], text: str | None) -> None:
    assert budget_text(*budget) == text


def test_ample_budget_by_the_upper_bound() -> None:
    assert budget_tags(500_000, 800_000, ample=1_000_000) == ["预算50-80万"]
    assert budget_tags(800_000, 1_200_000, ample=1_000_000) == ["预算充足", "预算80-120万"]
    assert budget_tags(1_000_000, None, ample=1_000_000) == ["预算充足", "预算100万以上"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [("院长", True), ("副院长", True), ("采购总监", True), ("ceo", True), ("设备科主任", True),
     ("采购经理", False), ("护士", False), (None, False), ("", False)],
)  # fmt: skip
def test_decision_makers(title: str | None, expected: bool) -> None:
    assert is_decision_maker(title) is expected


def test_derived_tags_from_every_fact() -> None:
    tags = derived_tags(
        budget=(1_500_000, 1_500_000),
        competitors=["GE医疗", "西门子"],
        products=["64排CT", "移动DR", "乳清蛋白粉", "不在目录"],
        titles=["采购经理", "院长"],
        catalog=Lines(),
        ample_budget=1_000_000,
    )
    assert tags == [
        "预算充足",
        "预算150万",
        "竞品对比中:GE医疗",
        "竞品对比中:西门子",
        "意向:影像",
        "意向:营养",
        "决策人",
    ]
    assert derived_tags(budget=(None, None), competitors=[], products=[], titles=[None], catalog=Lines(),
                        ample_budget=1) == []  # fmt: skip


def test_merge_replaces_derived_tags_and_keeps_others() -> None:
    old = ["重点客户", "预算50-80万", "竞品对比中:GE医疗", "决策人"]
    assert merge_tags(old, ["预算充足", "预算200万"]) == ["重点客户", "预算充足", "预算200万"]
    assert merge_tags([], []) == []
