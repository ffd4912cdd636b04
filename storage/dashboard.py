"""The manager dashboard's aggregates that the chat answers do not need: leads by stage now, the latest
active leads, first-response SLA compliance per week from the alert table, and follow-ups per person per day.

Like storage.queries, callers pass who may see what (`where` on `Lead`, `keep` in Python); no rights here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import STAGES, Alert, Contact, FollowUp, Lead, Person
from storage.queries import Keep, keep_all, main_contacts


def _day_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz).astimezone(UTC)


async def _kept(session: AsyncSession, stmt: Any, keep: Keep) -> list[Any]:
    return [row for row in (await session.execute(stmt)).all() if keep(row[0])]


async def count_by_stage(
    session: AsyncSession, where: ColumnElement[bool], keep: Keep = keep_all
) -> tuple[tuple[str, int], ...]:
    """Every stage in order with how many visible leads stand in it now (zeros included, so a chart
    keeps its shape)."""
    if keep is keep_all:  # the common case counts in the database
        rows = await session.execute(select(Lead.stage, func.count()).where(where).group_by(Lead.stage))
        counts = Counter(dict(rows.all()))
    else:
        counts = Counter(lead.stage for (lead,) in await _kept(session, select(Lead).where(where), keep))
    return tuple((stage, counts.get(stage, 0)) for stage in STAGES)


@dataclass(frozen=True, slots=True)
class RecentLead:
    lead: Lead
    owner_name: str | None
    contact: Contact | None
    active_at: datetime  # the last contact, or when the lead arrived if never contacted


async def find_recent_leads(
    session: AsyncSession, where: ColumnElement[bool], keep: Keep = keep_all, limit: int = 20
) -> list[RecentLead]:
    """The visible leads touched most recently (last contact, else arrival), newest first."""
    active = func.coalesce(Lead.last_contact_at, Lead.created_at)
    stmt = (
        select(Lead, Person.name)
        .outerjoin(Person, Person.id == Lead.owner_id)
        .where(where)
        .order_by(active.desc(), Lead.id.desc())
    )
    # With a Python check the cut must come after it; without one the database cuts.
    rows = (await _kept(session, stmt if keep is not keep_all else stmt.limit(limit), keep))[:limit]
    contacts = await main_contacts(session, [lead.id for lead, _ in rows])
    return [
        RecentLead(lead, name, contacts.get(lead.id), lead.last_contact_at or lead.created_at)
        for lead, name in rows
    ]


@dataclass(frozen=True, slots=True)
class SlaWeek:
    monday: date  # local
    assigned: int  # leads assigned this week ...
    breached: int  # ... of which at least one got a first-response alert
    followup_breaches: int  # planned follow-ups that went late this week (first-level alerts)

    @property
    def met_share(self) -> float | None:
        return (self.assigned - self.breached) / self.assigned if self.assigned else None


async def sla_by_week(
    session: AsyncSession,
    where: ColumnElement[bool],
    last_monday: date,
    weeks: int,
    tz: ZoneInfo,
    keep: Keep = keep_all,
) -> tuple[SlaWeek, ...]:
    """`weeks` weeks ending with the one starting `last_monday`, oldest first.

    The alert table is the record of what the SLA scan judged in business time, so compliance is read
    from it rather than recomputed: a lead assigned in a week is a breach if any first-response alert
    was raised for it after that assignment (a reassignment restarts the clock).
    """
    mondays = [last_monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    start, end = _day_start(mondays[0], tz), _day_start(last_monday + timedelta(weeks=1), tz)

    def week_of(at: datetime) -> int:
        return (at.astimezone(tz).date() - mondays[0]).days // 7

    in_range = and_(Lead.assigned_at >= start, Lead.assigned_at < end)
    assigned_at: dict[int, datetime] = {
        lead.id: lead.assigned_at
        for (lead,) in await _kept(session, select(Lead).where(where, in_range), keep)
        if lead.assigned_at is not None
    }
    breached: set[int] = set()
    if assigned_at:
        alerted = select(Alert.lead_id, Alert.breached_at).where(
            Alert.rule == "first_response", Alert.lead_id.in_(list(assigned_at))
        )
        for lead_id, at in (await session.execute(alerted)).all():
            if at >= assigned_at[lead_id]:
                breached.add(lead_id)
    late = await _kept(
        session,
        select(Lead, Alert.breached_at)
        .join(Alert, Alert.lead_id == Lead.id)
        .where(
            where,
            Alert.rule == "followup_due",
            Alert.level == 0,
            Alert.breached_at >= start,
            Alert.breached_at < end,
        ),
        keep,
    )
    counts = [[0, 0, 0] for _ in mondays]
    for lead_id, at in assigned_at.items():
        week = counts[week_of(at)]
        week[0] += 1
        week[1] += lead_id in breached
    for _lead, at in late:
        counts[week_of(at)][2] += 1
    return tuple(SlaWeek(monday, *c) for monday, c in zip(mondays, counts, strict=True))


@dataclass(frozen=True, slots=True)
class RepActivity:
    person_id: int
    name: str
    per_day: tuple[int, ...]  # follow-ups logged on each local day of the range

    @property
    def total(self) -> int:
        return sum(self.per_day)


async def rep_activity(
    session: AsyncSession,
    where: ColumnElement[bool],
    first: date,
    last: date,
    tz: ZoneInfo,
    keep: Keep = keep_all,
    members: Sequence[Person] = (),
) -> tuple[RepActivity, ...]:
    """Follow-ups logged on the visible leads per person and local day in [first, last]; `members` are
    listed even with none, because a manager most wants to see who logged nothing. Busiest first."""
    days = (last - first).days + 1
    start, end = _day_start(first, tz), _day_start(last + timedelta(days=1), tz)
    rows = await _kept(
        session,
        select(Lead, FollowUp.person_id, FollowUp.happened_at)
        .join(FollowUp, FollowUp.lead_id == Lead.id)
        .where(
            where, FollowUp.person_id.is_not(None), FollowUp.happened_at >= start, FollowUp.happened_at < end
        ),
        keep,
    )
    per_person: dict[int, list[int]] = {p.id: [0] * days for p in members}
    for _lead, person_id, at in rows:
        per_person.setdefault(person_id, [0] * days)[(at.astimezone(tz).date() - first).days] += 1
    names = {p.id: p.name for p in members}
    missing = [pid for pid in per_person if pid not in names]
    if missing:
        names.update(
            (await session.execute(select(Person.id, Person.name).where(Person.id.in_(missing)))).all()
        )
    found = [RepActivity(pid, names.get(pid, "?"), tuple(counts)) for pid, counts in per_person.items()]
    return tuple(sorted(found, key=lambda r: (-r.total, r.name, r.person_id)))


async def active_people(session: AsyncSession, team_id: int | None = None) -> list[Person]:
    """Active reps and managers, of one team when `team_id` is given, by name (sorted here: database
    collations order Chinese names differently)."""
    stmt = select(Person).where(Person.active.is_(True), Person.role.in_(("rep", "manager")))
    if team_id is not None:
        stmt = stmt.where(Person.team_id == team_id)
    return sorted(await session.scalars(stmt), key=lambda p: (p.name, p.id))
