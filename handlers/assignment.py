"""Who gets a new lead: the rules of [assignment] as a pure function, and the database glue around it.

`choose_owner` takes plain candidates and returns a choice with a reason a rep can read
("按城市=杭州、产品线=激光、负载 3/10"), so the rules are unit-tested without a database.
A lead a rep brings in never comes here: it stays with that rep.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import AssignmentConfig
from handlers.context import Context
from handlers.grading import LeadFacts
from handlers.lead_facts import first_line
from nlp.company_key import company_city, short_city
from nlp.handover import keeps_it
from storage.leads import last_assignment_times, open_lead_counts
from storage.models import Lead, Person, Team

log = logging.getLogger("salesbot.handlers.assignment")

_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: int
    team_id: int | None
    cities: tuple[str, ...] = ()
    product_lines: tuple[str, ...] = ()
    open_leads: int = 0
    last_assigned_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    owner_id: int | None  # None: queued for the manager of `team_id`
    team_id: int | None
    reason: str


def choose_owner(
    facts: LeadFacts,
    grade: str,
    candidates: Sequence[Candidate],
    rules: AssignmentConfig,
    teams: Mapping[str, int],
) -> Choice:
    """Narrow by grade team or city team, then territory, then product line; the least loaded wins.

    A narrowing step that would leave nobody is skipped. When no step matched at all, or every
    eligible rep is at capacity, the lead goes to a team manager's queue. `teams` maps team
    names to ids in the order "the first team" is meant.
    """
    pool = list(candidates)
    parts: list[str] = []
    team_id: int | None = None
    for key, value, label in ((grade, rules.grade_teams, "等级"), (facts.city, rules.city_teams, "城市")):
        team_name = value.get(key) if key else None
        if team_name and team_name in teams:
            team_id = teams[team_name]
            pool = [c for c in pool if c.team_id == team_id]
            parts.append(f"{label}={key}→{team_name}")
            break
    if facts.city:
        local = [c for c in pool if facts.city in c.cities]
        if local:
            pool = local
            if not any(p.startswith("城市=") for p in parts):
                parts.append(f"城市={facts.city}")
    if facts.product_line:
        sellers = [c for c in pool if facts.product_line in c.product_lines]
        if sellers:
            pool = sellers
            parts.append(f"产品线={facts.product_line}")

    queue_team = team_id or teams.get(rules.queue_team) or next(iter(teams.values()), None)
    if not parts:
        return Choice(None, queue_team, "没有匹配的分配规则")
    if rules.capacity:
        pool = [c for c in pool if c.open_leads < rules.capacity]
    if not pool:
        return Choice(None, queue_team, f"按{'、'.join(parts)}：没有可分配的销售")
    # Ties go to whoever was given a lead least recently, then the lower id: stable and fair.
    best = min(pool, key=lambda c: (c.open_leads, c.last_assigned_at or _NEVER, c.person_id))
    load = best.open_leads + 1  # counting the lead being assigned now
    parts.append(f"负载 {load}/{rules.capacity}" if rules.capacity else f"负载 {load}")
    return Choice(best.person_id, best.team_id, f"按{'、'.join(parts)}")


async def load_teams(session: AsyncSession) -> list[Team]:
    return list((await session.scalars(select(Team).order_by(Team.id))).all())


async def load_candidates(session: AsyncSession) -> list[Candidate]:
    """Active reps with their territory, product lines, open leads and last assignment."""
    reps = (
        await session.scalars(
            select(Person).where(Person.active.is_(True), Person.role == "rep").order_by(Person.id)
        )
    ).all()
    counts = await open_lead_counts(session)
    times = await last_assignment_times(session)
    return [
        Candidate(
            person_id=p.id,
            team_id=p.team_id,
            cities=tuple(p.cities or ()),
            product_lines=tuple(p.product_lines or ()),
            open_leads=counts.get(p.id, 0),
            last_assigned_at=times.get(p.id),
        )
        for p in reps
    ]


async def team_manager(session: AsyncSession, team_id: int | None) -> Person | None:
    """The active manager of a team, as [org] names them."""
    if team_id is None:
        return None
    team = await session.get(Team, team_id)
    if team is None or not team.manager_key:
        return None
    return await session.scalar(select(Person).where(Person.key == team.manager_key, Person.active.is_(True)))


async def assign_lead(
    session: AsyncSession, lead: Lead, facts: LeadFacts, rules: AssignmentConfig, now: datetime
) -> Choice:
    """Apply the rules to a new lead; the first-response clock starts when an owner is set."""
    assert lead.grade is not None, "grade the lead before assigning it"
    teams = {t.name: t.id for t in await load_teams(session)}
    choice = choose_owner(facts, lead.grade, await load_candidates(session), rules, teams)
    lead.owner_id = choice.owner_id
    lead.team_id = choice.team_id
    lead.assigned_at = now if choice.owner_id is not None else None
    await session.flush()
    log.info(
        "lead assigned lead_id=%s owner_id=%s team_id=%s queued=%s",
        lead.id,
        choice.owner_id,
        choice.team_id,
        choice.owner_id is None,
    )
    return choice


async def give_out_reported(ctx: Context, person: Person, lead: Lead) -> Choice | None:
    """A new customer a manager reported (a call they took, a visit of theirs), just created as theirs:
    given to the rep the assignment rules choose, as an inquiry would be, unless the manager says they
    keep it ("这个我自己跟"). The city is the one the name places it in when none was said (商水县X:
    周口). None when it stays the writer's: a rep's own find, kept, or one no rep fits (never queued:
    the manager already has it)."""
    if person.role == "rep" or lead.grade is None or keeps_it(ctx.message.text):
        return None
    ex = ctx.extraction
    city = short_city(ex.city) or company_city(lead.company)
    facts = LeadFacts(ex.budget, first_line(ex.products, ctx.catalog), "rep", city)
    teams = {t.name: t.id for t in await load_teams(ctx.session)}
    choice = choose_owner(facts, lead.grade, await load_candidates(ctx.session), ctx.config.assignment, teams)
    if choice.owner_id is None:
        return None
    lead.owner_id, lead.team_id, lead.assigned_at = choice.owner_id, choice.team_id, ctx.clock.now()
    await ctx.session.flush()
    log.info("reported lead given out lead_id=%s by=%s owner_id=%s", lead.id, person.id, choice.owner_id)
    return choice
