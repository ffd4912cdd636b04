"""SLA alerts: the leads that can be in breach, one indexed query per rule, and the alert rows that
make each notice happen once.

An alert is unique per (lead, rule, breach, level); the rows are inserted in bulk with ON CONFLICT DO
NOTHING, so a second scan, a restart or a second instance finds them there and sends nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, and_, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import insert_for
from storage.models import CLOSED_STAGES, UNANSWERED_SQL, Alert, Lead, OutboxMessage, Person, Team


@dataclass(frozen=True, slots=True)
class SentCard:
    """A delivered card and the one-time handle that updates it."""

    platform: str
    target: str
    handle: str
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class Recipients:
    """Who SLA notices can reach, read once per scan (an organisation is hundreds of people, not a
    million leads): owners and recipients are then looked up in memory, not a query per lead."""

    people: dict[int, Person]  # everyone, by id
    managers: dict[int, Person]  # each team's active manager, by team id
    admins: list[Person]  # the active admins, in id order


AlertKey = tuple[int, str, str, int]  # lead_id, rule, breach_key, level: the alert's unique key
_KEY = ["lead_id", "rule", "breach_key", "level"]
# Open and owned: a closed deal or a queued lead (no owner yet) breaches nothing.
_OPEN_OWNED = (Lead.owner_id.is_not(None), Lead.stage.not_in(CLOSED_STAGES))


async def plan_for_few_rows(session: AsyncSession) -> None:
    """On PostgreSQL, no JIT compilation for the rest of the scan's transaction. The planner guesses
    far more rows than these queries return (a watched stage AND held since before its limit: it
    multiplies the two selectivities, tens of thousands of rows for none), which pushes their
    estimated cost past jit_above_cost: 10-150 ms compiling a query that runs in one."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SET LOCAL jit = off"))


# Each rule's query below skips the leads whose breach of it has all `levels` notices out, open: the
# steady state, where everything due was told, then reads no lead at all. (An open alert is of the
# lead's current breach: the scan closes the others before it asks.)


async def unanswered_since(session: AsyncSession, assigned_before: datetime, levels: int) -> list[Lead]:
    """first_response candidates: owned, never contacted and assigned before `assigned_before`. Spelled
    as the partial index ix_lead_unanswered is, so that it reads the unanswered leads only."""
    statement = select(Lead).where(
        text(UNANSWERED_SQL), Lead.assigned_at <= assigned_before, Lead.owner_id.is_not(None)
    )
    return await _locked(session, statement, "first_response", levels)


async def followups_passed(session: AsyncSession, now: datetime, levels: int) -> list[Lead]:
    """followup_due candidates: a planned follow-up before `now` with no contact logged since."""
    statement = select(Lead).where(
        Lead.next_followup_at < now,
        or_(Lead.last_contact_at.is_(None), Lead.last_contact_at < Lead.next_followup_at),
        *_OPEN_OWNED,
    )
    return await _locked(session, statement, "followup_due", levels)


async def held_since(
    session: AsyncSession, changed_before: Mapping[str, datetime], levels: int
) -> list[Lead]:
    """stage_stuck candidates: in a watched stage since before that stage's time, in one query (an
    index range on (stage, stage_changed_at) per stage)."""
    if not changed_before:
        return []
    held = [and_(Lead.stage == stage, Lead.stage_changed_at <= at) for stage, at in changed_before.items()]
    return await _locked(session, select(Lead).where(or_(*held), *_OPEN_OWNED), "stage_stuck", levels)


async def gone_cold(session: AsyncSession, now: datetime, levels: int) -> list[Lead]:
    """going_cold candidates: past their `cold_at` (exact: the moment is stored, not computed)."""
    statement = select(Lead).where(Lead.cold_at <= now, Lead.last_contact_at.is_not(None), *_OPEN_OWNED)
    return await _locked(session, statement, "going_cold", levels)


async def _locked(
    session: AsyncSession, statement: Select[tuple[Lead]], rule: str, levels: int
) -> list[Lead]:
    """The leads not yet told of every level of `rule`, locked with SKIP LOCKED on PostgreSQL for
    this scan's transaction, so a second instance scanning at the same moment takes the other leads
    instead of waiting or doubling. No ORDER BY: sorting by id makes SQLite walk the whole table in id
    order instead of using the due-time index; the scan orders what it found."""
    told = (
        select(func.count())
        .where(Alert.lead_id == Lead.id, Alert.rule == rule, Alert.closed_at.is_(None))
        .scalar_subquery()
    )
    statement = statement.where(told < levels).with_for_update(skip_locked=True, of=Lead)
    return list((await session.scalars(statement)).all())


async def insert_alerts(session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> dict[AlertKey, int]:
    """Record many notices at once (each row: lead_id, rule, breach_key, level, person_id,
    breached_at, sent_at): one INSERT ... ON CONFLICT DO NOTHING RETURNING on the unique key, which
    SQLAlchemy sends as multi-row VALUES of up to a thousand rows ("insertmanyvalues") without
    compiling a statement per row count. Returns the ids of the rows this call inserted by their key;
    a key missing was recorded before (by this or another instance): its notice must not go again."""
    if not rows:
        return {}
    table = Alert.__table__
    statement = (
        insert_for(session)(table)
        .on_conflict_do_nothing(index_elements=_KEY)
        .returning(table.c.id, table.c.lead_id, table.c.rule, table.c.breach_key, table.c.level)
    )
    result = await session.execute(statement, list(rows))
    return {(lead_id, rule, key, level): alert_id for alert_id, lead_id, rule, key, level in result.all()}


async def insert_alert(
    session: AsyncSession,
    *,
    lead_id: int,
    rule: str,
    breach_key: str,
    level: int,
    person_id: int | None,
    breached_at: datetime,
    now: datetime,
) -> int | None:
    """Record one notice; its id, or None when it was recorded before (by this or another instance)."""
    row = {"lead_id": lead_id, "rule": rule, "breach_key": breach_key, "level": level}
    row |= {"person_id": person_id, "breached_at": breached_at, "sent_at": now}
    return (await insert_alerts(session, [row])).get((lead_id, rule, breach_key, level))


async def open_alerts(session: AsyncSession) -> list[tuple[Row[Any], Row[Any]]]:
    """Alerts not closed yet (id, lead_id, rule, breach_key, level), each with its lead's clocks
    (stage and the *_at columns the rules read): few at any time, unlike leads. Plain rows, not
    tracked objects, as a thousand open breaches are read every tick; and two indexed reads rather
    than a join, which SQLite's planner drives from the lead table, reading every lead."""
    is_open = Alert.closed_at.is_(None)
    columns = (Alert.id, Alert.lead_id, Alert.rule, Alert.breach_key, Alert.level)
    alerts = (await session.execute(select(*columns).where(is_open))).all()
    if not alerts:
        return []
    clocks = (Lead.stage, Lead.assigned_at, Lead.first_response_at, Lead.last_contact_at)
    clocks += (Lead.next_followup_at, Lead.stage_changed_at)
    statement = select(Lead.id, *clocks).where(Lead.id.in_(select(Alert.lead_id).where(is_open)))
    leads = {lead.id: lead for lead in (await session.execute(statement)).all()}
    return [(alert, leads[alert.lead_id]) for alert in alerts if alert.lead_id in leads]


async def alert_recipients(session: AsyncSession) -> Recipients:
    """Everyone, each team's active manager ([org] names them by key) and the active admins."""
    people = {person.id: person for person in (await session.scalars(select(Person))).all()}
    by_key = {person.key: person for person in people.values() if person.active}
    managers = {
        team.id: by_key[team.manager_key]
        for team in (await session.scalars(select(Team))).all()
        if team.manager_key in by_key
    }
    admins = sorted((p for p in people.values() if p.role == "admin" and p.active), key=lambda p: p.id)
    return Recipients(people, managers, admins)


async def close_alerts(session: AsyncSession, alert_ids: Collection[int], now: datetime) -> list[int]:
    """Close these alerts; returns the ones this transaction closed. A second instance closing the
    same alerts waits for the first on PostgreSQL, then finds them closed and gets none back, so
    what follows a close (updating the cards) happens once."""
    if not alert_ids:
        return []
    statement = (
        update(Alert)
        .where(Alert.id.in_(list(alert_ids)), Alert.closed_at.is_(None))
        .values(closed_at=now)
        .returning(Alert.id)
    )
    return list((await session.scalars(statement)).all())


async def take_alert_cards(session: AsyncSession, alert_ids: Collection[int]) -> list[SentCard]:
    """The delivered cards of these alerts that have an update handle, each handed out once: a
    card's handle works a single time, so taking it clears it. (How long a card can be updated is
    its platform's rule: its channel skips the ones too old.)"""
    if not alert_ids:
        return []
    statement = select(OutboxMessage).where(
        OutboxMessage.alert_id.in_(list(alert_ids)),
        OutboxMessage.status == "sent",
        OutboxMessage.card_handle.is_not(None),
    )
    cards = list((await session.scalars(statement.order_by(OutboxMessage.id))).all())
    taken = [
        SentCard(card.platform, card.target, card.card_handle or "", card.sent_at or card.created_at)
        for card in cards
    ]
    for card in cards:
        card.card_handle = None
    await session.flush()
    return taken


async def close_alerts_for_lead(
    session: AsyncSession, lead_id: int, now: datetime, rule: str | None = None
) -> None:
    """Close a lead's open alerts (of one rule, or all): the thing they asked for happened."""
    where = [Alert.lead_id == lead_id, Alert.closed_at.is_(None)]
    if rule is not None:
        where.append(Alert.rule == rule)
    await session.execute(update(Alert).where(and_(*where)).values(closed_at=now))
