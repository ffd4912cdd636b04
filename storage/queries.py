"""Read-only queries behind the chat questions (and a future dashboard): overdue leads, due follow-ups,
one customer's card and a period's numbers, returned as plain dataclasses.

Callers say who may see what: an SQL condition on `Lead` (`where`) and a Python check (`keep`,
for rules the tables cannot express, such as product-line isolation). This module knows no rights.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, bindparam, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CLOSED_STAGES, STAGES, Contact, FollowUp, Lead, Person, StageChange, Team

Keep = Callable[[Lead], bool]
FUNNEL = STAGES[:-1]  # 输单 is a way out of the funnel, not a step in it
EFFECTIVE_WITHIN = timedelta(days=30)


def keep_all(_lead: Lead) -> bool:
    return True


def response_limit(limits: Mapping[str, timedelta], grade: str | None) -> timedelta:
    """The first-response limit for a lead's grade, else the "default" one."""
    return limits.get(grade or "default", limits.get("default", timedelta(hours=2)))


async def _kept(session: AsyncSession, stmt: Select[Any], keep: Keep) -> list[Any]:
    """Rows whose first column (a Lead) passes `keep`."""
    return [row for row in (await session.execute(stmt)).all() if keep(row[0])]


def _with_owner(*where: ColumnElement[bool]) -> Select[Any]:
    return (
        select(Lead, Person.name, Person.team_id).outerjoin(Person, Person.id == Lead.owner_id).where(*where)
    )


async def latest_followups(session: AsyncSession, lead_ids: Sequence[int]) -> dict[int, FollowUp]:
    """The newest logged follow-up of each lead."""
    if not lead_ids:
        return {}
    order = (FollowUp.happened_at.desc(), FollowUp.id.desc())
    rank = func.row_number().over(partition_by=FollowUp.lead_id, order_by=order).label("rank")
    ranked = select(FollowUp.id, rank).where(FollowUp.lead_id.in_(lead_ids)).subquery()
    rows = await session.scalars(
        select(FollowUp).join(ranked, ranked.c.id == FollowUp.id).where(ranked.c.rank == 1)
    )
    return {f.lead_id: f for f in rows}


async def main_contacts(session: AsyncSession, lead_ids: Sequence[int]) -> dict[int, Contact]:
    """Per lead, the first contact with a phone, else the first contact at all."""
    if not lead_ids:
        return {}
    found: dict[int, Contact] = {}
    for c in await session.scalars(select(Contact).where(Contact.lead_id.in_(lead_ids)).order_by(Contact.id)):
        best = found.get(c.lead_id)
        if best is None or (c.phone and not best.phone):
            found[c.lead_id] = c
    return found


@dataclass(frozen=True, slots=True)
class OverdueLead:
    lead: Lead
    owner_name: str | None
    rule: Literal["followup_due", "first_response"]
    due_at: datetime
    overdue: timedelta
    last_note: FollowUp | None


def _followup_due_at(lead: Lead, tz: ZoneInfo) -> datetime | None:
    """When a planned follow-up becomes late: at its time, or when its day ends if only a day was said."""
    planned = lead.next_followup_at
    if planned is None or (lead.last_contact_at is not None and lead.last_contact_at >= planned):
        return None
    if lead.next_followup_has_time:
        return planned
    day = planned.astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(day, time(0), tz)


async def find_overdue_leads(
    session: AsyncSession,
    where: ColumnElement[bool],
    now: datetime,
    limits: Mapping[str, timedelta],
    tz: ZoneInfo,
    keep: Keep = keep_all,
) -> list[OverdueLead]:
    """Open leads whose planned follow-up has passed unlogged, or that were assigned and never answered
    within their first-response limit (plain elapsed time); most overdue first."""
    shortest = min(limits.values(), default=timedelta(0))
    followup_due = and_(
        Lead.next_followup_at < now,
        or_(Lead.last_contact_at.is_(None), Lead.last_contact_at < Lead.next_followup_at),
    )
    unanswered = and_(Lead.first_response_at.is_(None), Lead.assigned_at < now - shortest)
    stmt = _with_owner(where, Lead.stage.not_in(CLOSED_STAGES), or_(followup_due, unanswered))
    late: list[tuple[Lead, str | None, Literal["followup_due", "first_response"], datetime]] = []
    for lead, owner_name, _team in await _kept(session, stmt, keep):
        breaches: list[tuple[datetime, Literal["followup_due", "first_response"]]] = []
        if (due := _followup_due_at(lead, tz)) is not None and due < now:
            breaches.append((due, "followup_due"))
        if lead.assigned_at is not None and lead.first_response_at is None:
            deadline = lead.assigned_at + response_limit(limits, lead.grade)
            if deadline < now:
                breaches.append((deadline, "first_response"))
        if breaches:
            due_at, rule = min(breaches)  # the older breach is what makes it most overdue
            late.append((lead, owner_name, rule, due_at))
    late.sort(key=lambda item: (item[3], item[0].id))
    notes = await latest_followups(session, [item[0].id for item in late])
    return [
        OverdueLead(lead, name, rule, due, now - due, notes.get(lead.id)) for lead, name, rule, due in late
    ]


@dataclass(frozen=True, slots=True)
class DueFollowUp:
    lead: Lead
    owner_name: str | None
    contact: Contact | None
    last_note: FollowUp | None


async def find_due_followups(
    session: AsyncSession, where: ColumnElement[bool], start: datetime, end: datetime, keep: Keep = keep_all
) -> list[DueFollowUp]:
    """Open leads with a follow-up planned in [start, end), earliest first."""
    stmt = _with_owner(
        where, Lead.stage.not_in(CLOSED_STAGES), Lead.next_followup_at >= start, Lead.next_followup_at < end
    ).order_by(Lead.next_followup_at, Lead.id)
    rows = await _kept(session, stmt, keep)
    ids = [lead.id for lead, *_ in rows]
    notes, contacts = await latest_followups(session, ids), await main_contacts(session, ids)
    return [DueFollowUp(lead, name, contacts.get(lead.id), notes.get(lead.id)) for lead, name, _ in rows]


@dataclass(frozen=True, slots=True)
class LeadRef:
    """A lead found by a lookup, with what a rights check needs about its owner."""

    lead: Lead
    owner_name: str | None
    owner_team_id: int | None


async def find_leads_by_company(
    session: AsyncSession, name: str, key: str | None = None, limit: int = 20
) -> list[LeadRef]:
    """Exact name, then the folded key, then either containing the other; the first step that finds any wins.

    Rights are not applied: the caller must tell "not yours" from "not there".
    """
    steps: list[ColumnElement[bool]] = [Lead.company == name]
    near = [Lead.company.contains(name, autoescape=True), literal(name).contains(Lead.company)]
    if key:
        steps.append(Lead.company_key == key)
        near += [Lead.company_key.contains(key, autoescape=True), literal(key).contains(Lead.company_key)]
    steps.append(or_(*near))
    for condition in steps:
        rows = (await session.execute(_with_owner(condition).order_by(Lead.id).limit(limit))).all()
        if rows:
            return [LeadRef(*row) for row in rows]
    return []


async def find_leads_by_ids(session: AsyncSession, lead_ids: Sequence[int]) -> list[LeadRef]:
    """The leads with these ids, oldest first, with their owners (for leads linked by other means)."""
    rows = await session.execute(_with_owner(Lead.id.in_(list(lead_ids))).order_by(Lead.id))
    return [LeadRef(*row) for row in rows.all()]


async def find_leads_owned(
    session: AsyncSession, where: ColumnElement[bool], owner_id: int, keep: Keep = keep_all
) -> list[Lead]:
    """The leads one member owns among those the asker may see (`where`, `keep`), oldest first."""
    stmt = select(Lead).where(where, Lead.owner_id == owner_id).order_by(Lead.id)
    return [lead for lead in (await session.scalars(stmt)).all() if keep(lead)]


async def find_leads_seen(
    session: AsyncSession, where: ColumnElement[bool], keep: Keep = keep_all
) -> list[Lead]:
    """Every lead the asker may see (`where`, `keep`), oldest first: a manager's team's book."""
    stmt = select(Lead).where(where).order_by(Lead.id)
    return [lead for lead in (await session.scalars(stmt)).all() if keep(lead)]


# Built once: a lookup by phone runs for most questions and customer messages, and building and cache-keying
# the statement each time cost more than running it.
_BY_PHONE = (
    _with_owner(Lead.id.in_(select(Contact.lead_id).where(Contact.phone == bindparam("phone"))))
    .order_by(Lead.id)
    .limit(bindparam("limit"))
)


async def find_leads_by_phone(session: AsyncSession, phone: str, limit: int = 20) -> list[LeadRef]:
    rows = await session.execute(_BY_PHONE, {"phone": phone, "limit": limit})
    return [LeadRef(*row) for row in rows.all()]


async def find_leads_by_contact(
    session: AsyncSession, where: ColumnElement[bool], name: str, limit: int = 20
) -> list[LeadRef]:
    """Among visible leads only: a bare surname is too weak a key to reveal anyone else's customer."""
    named = select(Contact.lead_id).where(Contact.name.startswith(name, autoescape=True))
    rows = await session.execute(_with_owner(where, Lead.id.in_(named)).order_by(Lead.id).limit(limit))
    return [LeadRef(*row) for row in rows.all()]


@dataclass(frozen=True, slots=True)
class LeadCard:
    lead: Lead
    owner_name: str | None
    team_name: str | None
    contacts: tuple[Contact, ...]
    recent: tuple[FollowUp, ...]  # newest first
    followup_count: int


async def load_lead_card(session: AsyncSession, ref: LeadRef, recent: int = 5) -> LeadCard:
    lead = ref.lead
    team = await session.scalar(select(Team.name).where(Team.id == lead.team_id)) if lead.team_id else None
    contacts = await session.scalars(select(Contact).where(Contact.lead_id == lead.id).order_by(Contact.id))
    last = await session.scalars(
        select(FollowUp)
        .where(FollowUp.lead_id == lead.id)
        .order_by(FollowUp.happened_at.desc(), FollowUp.id.desc())
        .limit(recent)
    )
    count = await session.scalar(select(func.count()).where(FollowUp.lead_id == lead.id))
    return LeadCard(lead, ref.owner_name, team, tuple(contacts), tuple(last), count or 0)


@dataclass(frozen=True, slots=True)
class FunnelStep:
    stage: str
    reached: int  # leads that got to this stage or further
    conversion: float | None  # reached / the previous step's reached; None for the first step


@dataclass(frozen=True, slots=True)
class RepRank:
    person_id: int
    name: str
    followups: int
    new_leads: int
    won: int


@dataclass(frozen=True, slots=True)
class PeriodStats:
    """A period's numbers over the visible leads; the text of them is the handler's business."""

    new_leads: int
    by_source: tuple[tuple[str, int], ...]  # most first
    by_city: tuple[tuple[str, int], ...]
    followups: int
    leads_followed: int  # distinct leads with a follow-up in the period
    median_first_response: timedelta | None  # assignment -> first response, leads assigned in the period
    effective: int  # new leads first followed up within 30 days of arriving ...
    effective_base: int  # ... out of the new leads of the period
    sla_met: int  # leads assigned in the period answered within their limit ...
    sla_base: int  # ... out of those answered or already past their limit
    won: int
    lost: int
    funnel: tuple[FunnelStep, ...]  # over the period's new leads
    ranking: tuple[RepRank, ...]  # empty unless asked for


def funnel_of(paths: Sequence[Sequence[str]]) -> tuple[FunnelStep, ...]:
    """Each path is one lead's stages (history and current); it counts for every step up to its furthest."""
    furthest = [max((FUNNEL.index(s) for s in path if s in FUNNEL), default=0) for path in paths]
    steps: list[FunnelStep] = []
    for i, stage in enumerate(FUNNEL):
        reached = sum(1 for f in furthest if f >= i)
        before = steps[-1].reached if steps else None
        steps.append(FunnelStep(stage, reached, reached / before if before else None))
    return tuple(steps)


async def compute_stats(
    session: AsyncSession,
    where: ColumnElement[bool],
    start: datetime,
    end: datetime,
    now: datetime,
    limits: Mapping[str, timedelta],
    keep: Keep = keep_all,
    rank: bool = False,
) -> PeriodStats:
    """The numbers of [start, end) over the leads `where` and `keep` allow."""

    def in_period(column: Any) -> ColumnElement[bool]:
        return and_(column >= start, column < end)

    new = [
        lead for (lead,) in await _kept(session, select(Lead).where(where, in_period(Lead.created_at)), keep)
    ]
    new_ids = [lead.id for lead in new]

    followed = await _kept(
        session,
        select(Lead, FollowUp.person_id)
        .join(FollowUp, FollowUp.lead_id == Lead.id)
        .where(where, in_period(FollowUp.happened_at)),
        keep,
    )
    first_touch: dict[int, datetime] = {}
    if new_ids:
        rows = await session.execute(
            select(FollowUp.lead_id, func.min(FollowUp.happened_at))
            .where(FollowUp.lead_id.in_(new_ids))
            .group_by(FollowUp.lead_id)
        )
        first_touch = {lead_id: at for lead_id, at in rows}
    effective = 0
    for lead in new:
        touches = [t for t in (first_touch.get(lead.id), lead.first_response_at) if t is not None]
        effective += bool(touches) and min(touches) - lead.created_at <= EFFECTIVE_WITHIN

    assigned = [
        lead for (lead,) in await _kept(session, select(Lead).where(where, in_period(Lead.assigned_at)), keep)
    ]
    waits, met, base = [], 0, 0
    for lead in assigned:
        limit = response_limit(limits, lead.grade)
        if lead.first_response_at is not None:
            wait = lead.first_response_at - lead.assigned_at
            waits.append(wait)
            base, met = base + 1, met + (wait <= limit)
        elif lead.assigned_at + limit < now:
            base += 1

    changes = await _kept(
        session,
        select(Lead, StageChange.person_id, StageChange.to_stage)
        .join(StageChange, StageChange.lead_id == Lead.id)
        .where(where, in_period(StageChange.changed_at), StageChange.to_stage.in_(("签约", "输单"))),
        keep,
    )
    paths: dict[int, list[str]] = {lead.id: [lead.stage] for lead in new}
    if new_ids:
        history = await session.execute(
            select(StageChange.lead_id, StageChange.from_stage, StageChange.to_stage).where(
                StageChange.lead_id.in_(new_ids)
            )
        )
        for lead_id, before, after in history:
            paths[lead_id] += [s for s in (before, after) if s]

    ranking: tuple[RepRank, ...] = ()
    if rank:
        ranking = await _rank(session, new, followed, changes)
    return PeriodStats(
        new_leads=len(new),
        by_source=_most_first(Counter(lead.source for lead in new)),
        by_city=_most_first(Counter(lead.city or "未知" for lead in new)),
        followups=len(followed),
        leads_followed=len({lead.id for lead, _ in followed}),
        median_first_response=statistics.median(waits) if waits else None,
        effective=effective,
        effective_base=len(new),
        sla_met=met,
        sla_base=base,
        won=sum(1 for *_, stage in changes if stage == "签约"),
        lost=sum(1 for *_, stage in changes if stage == "输单"),
        funnel=funnel_of(list(paths.values())),
        ranking=ranking,
    )


def _most_first(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    # Ties by name, so the same data reads the same on every database.
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


async def _rank(
    session: AsyncSession, new: Sequence[Lead], followed: Sequence[Any], changes: Sequence[Any]
) -> tuple[RepRank, ...]:
    """Per person: follow-ups logged, new leads owned, deals won; most follow-ups first."""
    counts: dict[int, list[int]] = {}
    for lead in new:
        if lead.owner_id is not None:
            counts.setdefault(lead.owner_id, [0, 0, 0])[1] += 1
    for _lead, person_id in followed:
        if person_id is not None:
            counts.setdefault(person_id, [0, 0, 0])[0] += 1
    for _lead, person_id, stage in changes:
        if person_id is not None and stage == "签约":
            counts.setdefault(person_id, [0, 0, 0])[2] += 1
    names = dict(
        (await session.execute(select(Person.id, Person.name).where(Person.id.in_(list(counts))))).all()
    )
    ranked = [RepRank(pid, names.get(pid, "?"), f, n, w) for pid, (f, n, w) in counts.items()]
    return tuple(sorted(ranked, key=lambda r: (-r.followups, -r.new_leads, -r.won, r.name)))
