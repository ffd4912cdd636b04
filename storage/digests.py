"""Reads behind the scheduled digests that no chat answer needs: what one person logged in a period (the
evening 日报), and for a manager the open SLA breaches, the new leads and the leads waiting in the queue.

Like storage.queries, callers pass who may see what (`where` on `Lead`, `keep` in Python); no rights here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CLOSED_STAGES, Alert, Contact, FollowUp, Lead, Person, StageChange, Team
from storage.queries import Keep, keep_all, main_contacts


@dataclass(frozen=True, slots=True)
class LoggedFollowUp:
    followup: FollowUp
    lead: Lead
    contact: Contact | None  # the person at the customer the record was about


@dataclass(frozen=True, slots=True)
class StageMove:
    change: StageChange
    lead: Lead


@dataclass(frozen=True, slots=True)
class LoggedDay:
    followups: tuple[LoggedFollowUp, ...]  # in the order they happened
    stage_moves: tuple[StageMove, ...]


async def find_logged_day(session: AsyncSession, person_id: int, start: datetime, end: datetime) -> LoggedDay:
    """The follow-ups `person_id` logged that happened in [start, end), and the stage moves they made."""
    followups = await session.execute(
        select(FollowUp, Lead, Contact)
        .join(Lead, Lead.id == FollowUp.lead_id)
        .outerjoin(Contact, Contact.id == FollowUp.contact_id)
        .where(FollowUp.person_id == person_id, FollowUp.happened_at >= start, FollowUp.happened_at < end)
        .order_by(FollowUp.happened_at, FollowUp.id)
    )
    moves = await session.execute(
        select(StageChange, Lead)
        .join(Lead, Lead.id == StageChange.lead_id)
        .where(
            StageChange.person_id == person_id, StageChange.changed_at >= start, StageChange.changed_at < end
        )
        .order_by(StageChange.changed_at, StageChange.id)
    )
    return LoggedDay(
        tuple(LoggedFollowUp(f, lead, contact) for f, lead, contact in followups.all()),
        tuple(StageMove(change, lead) for change, lead in moves.all()),
    )


@dataclass(frozen=True, slots=True)
class OpenBreach:
    """One breach of an SLA rule on a lead, however many escalation levels it has alerted."""

    lead: Lead
    owner_name: str | None
    rule: str
    breached_at: datetime
    level: int  # the highest level alerted so far: 0 owner, 1 manager, 2 admins


async def find_open_breaches(
    session: AsyncSession, where: ColumnElement[bool], keep: Keep = keep_all
) -> list[OpenBreach]:
    """Breaches whose alerts are not closed yet, on the leads `where` and `keep` allow; oldest first."""
    rows = await session.execute(
        select(Lead, Alert, Person.name)
        .join(Alert, Alert.lead_id == Lead.id)
        .outerjoin(Person, Person.id == Lead.owner_id)
        .where(where, Alert.closed_at.is_(None))
        .order_by(Alert.breached_at, Alert.id)
    )
    found: dict[tuple[int, str, str], OpenBreach] = {}
    for lead, alert, owner_name in rows.all():
        if not keep(lead):
            continue
        key = (lead.id, alert.rule, alert.breach_key)
        seen = found.get(key)
        level = max(alert.level, seen.level) if seen else alert.level
        found[key] = OpenBreach(lead, owner_name, alert.rule, alert.breached_at, level)
    return sorted(found.values(), key=lambda b: (b.breached_at, b.lead.id, b.rule))


@dataclass(frozen=True, slots=True)
class WaitingLead:
    lead: Lead
    owner_name: str | None  # None: in the team manager's queue
    contact: Contact | None  # the main contact (one with a phone, if any)


async def _with_contacts(session: AsyncSession, rows: Sequence[tuple[Lead, str | None]]) -> list[WaitingLead]:
    contacts = await main_contacts(session, [lead.id for lead, _ in rows])
    return [WaitingLead(lead, name, contacts.get(lead.id)) for lead, name in rows]


async def find_new_leads(
    session: AsyncSession, where: ColumnElement[bool], start: datetime, end: datetime, keep: Keep = keep_all
) -> list[WaitingLead]:
    """Leads that arrived in [start, end), oldest first."""
    rows = await session.execute(
        select(Lead, Person.name)
        .outerjoin(Person, Person.id == Lead.owner_id)
        .where(where, Lead.created_at >= start, Lead.created_at < end)
        .order_by(Lead.created_at, Lead.id)
    )
    return await _with_contacts(session, [(lead, name) for lead, name in rows.all() if keep(lead)])


async def find_queued_leads(
    session: AsyncSession, where: ColumnElement[bool], keep: Keep = keep_all
) -> list[WaitingLead]:
    """Open leads with no owner (waiting in a team manager's queue), longest waiting first."""
    rows = await session.scalars(
        select(Lead)
        .where(where, Lead.owner_id.is_(None), Lead.stage.not_in(CLOSED_STAGES))
        .order_by(Lead.created_at, Lead.id)
    )
    return await _with_contacts(session, [(lead, None) for lead in rows.all() if keep(lead)])


async def find_active_reps(session: AsyncSession) -> list[Person]:
    statement = select(Person).where(Person.active.is_(True), Person.role == "rep").order_by(Person.id)
    return list((await session.scalars(statement)).all())


async def find_team_managers(session: AsyncSession) -> list[tuple[Person, Team]]:
    """Active managers (and admins) who manage the team they belong to, with that team, in id order."""
    statement = (
        select(Person, Team)
        .join(Team, Team.id == Person.team_id)
        .where(Person.active.is_(True), Person.role != "rep", Team.manager_key == Person.key)
        .order_by(Person.id)
    )
    return [(person, team) for person, team in (await session.execute(statement)).all()]
