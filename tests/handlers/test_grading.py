"""Grading rules from [grading]: first matching rule wins, every given condition must hold."""

from __future__ import annotations

from bot.config import GradingConfig, GradingRule
from handlers.grading import LeadFacts, budget_top, grade_lead

RULES = GradingConfig(
    default="C",
    rules=[
        GradingRule("A", min_budget=1_000_000),
        GradingRule("A", product_lines=["激光"], sources=["web"]),
        GradingRule("B", min_budget=300_000, cities=["杭州", "上海"]),
        GradingRule("B", sources=["referral"]),
    ],
)


def test_budget_top_uses_the_upper_bound_else_the_lower() -> None:
    assert budget_top((500_000, 800_000)) == 800_000
    assert budget_top((None, 1_000_000)) == 1_000_000
    assert budget_top((2_000_000, None)) == 2_000_000
    assert budget_top(None) is None


def test_first_matching_rule_wins() -> None:
    assert grade_lead(LeadFacts(budget=(1_200_000, 1_200_000)), RULES) == "A"
    assert grade_lead(LeadFacts(budget=(None, 1_000_000), city="北京"), RULES) == "A"
    assert grade_lead(LeadFacts(product_line="激光", source="web"), RULES) == "A"
    assert grade_lead(LeadFacts(budget=(400_000, 400_000), city="杭州"), RULES) == "B"
    assert grade_lead(LeadFacts(source="referral"), RULES) == "B"


def test_every_condition_must_hold_else_default() -> None:
    assert grade_lead(LeadFacts(product_line="激光", source="wecom"), RULES) == "C"
    assert grade_lead(LeadFacts(budget=(400_000, 400_000), city="北京"), RULES) == "C"
    assert grade_lead(LeadFacts(city="杭州"), RULES) == "C"  # no budget is not "at least 300k"
    assert grade_lead(LeadFacts(), GradingConfig(default="B", rules=[])) == "B"


def test_default_rules_grade_by_budget() -> None:
    assert grade_lead(LeadFacts(budget=(2_000_000, 2_000_000)), GradingConfig()) == "A"
    assert grade_lead(LeadFacts(budget=(300_000, 500_000)), GradingConfig()) == "B"
    assert grade_lead(LeadFacts(budget=(100_000, 100_000)), GradingConfig()) == "C"
