"""The pure assignment rules: grade/city teams, territory, product line, load, round-robin, queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.config import AssignmentConfig
from handlers.assignment import Candidate, Choice, choose_owner
from handlers.grading import LeadFacts

T0 = datetime(2026, 3, 10, tzinfo=UTC)
TEAMS = {"华东一组": 1, "VIP组": 2}
EAST, VIP = 1, 2

REPS = [
    Candidate(10, EAST, cities=("苏州", "无锡"), product_lines=("超声",), open_leads=2),
    Candidate(11, EAST, cities=("杭州",), product_lines=("激光",), open_leads=5),
    Candidate(12, EAST, cities=("杭州",), product_lines=("激光", "超声"), open_leads=3),
    Candidate(13, EAST, cities=("杭州",), product_lines=("超声",), open_leads=1),
    Candidate(20, VIP, cities=(), product_lines=(), open_leads=4),
    Candidate(21, VIP, cities=(), product_lines=(), open_leads=4),
]


def choose(
    facts: LeadFacts,
    grade: str = "C",
    rules: AssignmentConfig | None = None,
    reps: list[Candidate] | None = None,
) -> Choice:
    return choose_owner(facts, grade, REPS if reps is None else reps, rules or AssignmentConfig(), TEAMS)


def test_territory_then_product_line_then_load() -> None:
    choice = choose(LeadFacts(city="杭州", product_line="激光"), rules=AssignmentConfig(capacity=10))
    assert (choice.owner_id, choice.team_id) == (12, EAST)
    assert choice.reason == "按城市=杭州、产品线=激光、负载 4/10"


def test_territory_alone_picks_the_least_loaded() -> None:
    choice = choose(LeadFacts(city="杭州"))
    assert choice.owner_id == 13 and choice.reason == "按城市=杭州、负载 2"


def test_product_line_alone_and_unknown_city_skipped() -> None:
    choice = choose(LeadFacts(city="成都", product_line="超声"))
    assert choice.owner_id == 13 and choice.reason == "按产品线=超声、负载 2"


def test_grade_team_comes_first_and_ties_go_round_robin() -> None:
    rules = AssignmentConfig(grade_teams={"A": "VIP组"})
    assert choose(LeadFacts(city="杭州"), "A", rules).owner_id == 20  # equal load, never assigned: lower id
    recent = [Candidate(20, VIP, open_leads=4, last_assigned_at=T0 + timedelta(hours=1)),
              Candidate(21, VIP, open_leads=4, last_assigned_at=T0)]  # fmt: skip
    choice = choose(LeadFacts(city="杭州"), "A", rules, recent)
    assert choice.owner_id == 21 and choice.reason == "按等级=A→VIP组、负载 5"


def test_city_team_narrows_to_that_team() -> None:
    rules = AssignmentConfig(city_teams={"杭州": "VIP组"})
    choice = choose(LeadFacts(city="杭州"), rules=rules)
    assert choice.owner_id == 20 and choice.reason.startswith("按城市=杭州→VIP组")


def test_no_rule_matched_goes_to_the_queue() -> None:
    choice = choose(LeadFacts(city="成都", product_line="医美"))
    assert choice.owner_id is None and choice.team_id == EAST
    assert choice.reason == "没有匹配的分配规则"
    queued = choose(LeadFacts(), rules=AssignmentConfig(queue_team="VIP组"))
    assert (queued.owner_id, queued.team_id) == (None, VIP)


def test_everyone_full_goes_to_the_queue_of_the_matched_team() -> None:
    rules = AssignmentConfig(grade_teams={"A": "VIP组"}, capacity=4)
    choice = choose(LeadFacts(), "A", rules)
    assert (choice.owner_id, choice.team_id) == (None, VIP)
    assert "没有可分配的销售" in choice.reason
    assert choose(LeadFacts(city="杭州"), rules=AssignmentConfig(capacity=2)).owner_id == 13


def test_no_teams_and_no_reps() -> None:
    choice = choose_owner(LeadFacts(city="杭州"), "C", [], AssignmentConfig(), {})
    assert (choice.owner_id, choice.team_id) == (None, None)
