"""Grading a new lead A/B/C by the rules in [grading]: budget, product line, source and city.

Pure functions over plain values, so the rules are tested without a database; the grade then
picks the first-response SLA ([sla] first_response) and may pick a team ([assignment] grade_teams).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import GradingConfig, GradingRule


@dataclass(frozen=True, slots=True)
class LeadFacts:
    """What grading and assignment look at."""

    budget: tuple[int | None, int | None] | None = None
    product_line: str | None = None
    source: str = ""
    city: str | None = None


def budget_top(budget: tuple[int | None, int | None] | None) -> int | None:
    """The budget figure rules compare with: the upper bound, or the lower one for "at least N"."""
    if budget is None:
        return None
    low, high = budget
    return high if high is not None else low


def rule_matches(rule: GradingRule, facts: LeadFacts) -> bool:
    if rule.min_budget > 0:
        top = budget_top(facts.budget)
        if top is None or top < rule.min_budget:
            return False
    if rule.product_lines and facts.product_line not in rule.product_lines:
        return False
    if rule.sources and facts.source not in rule.sources:
        return False
    return not (rule.cities and facts.city not in rule.cities)


def grade_lead(facts: LeadFacts, config: GradingConfig) -> str:
    """The grade of the first rule that matches, else the default grade."""
    for rule in config.rules:
        if rule_matches(rule, facts):
            return rule.grade
    return config.default
