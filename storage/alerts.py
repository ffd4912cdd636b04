"""SLA alerts: the leads that can be in breach, and the alert rows that make each notice happen once.

An alert is unique per (lead, rule, breach, level); it is inserted with ON CONFLICT DO NOTHING, so
a second scan, a restart or a second instance finds the row there and sends nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import insert_for
from storage.models import CLOSED_STAGES, UNANSWERED_SQL, Alert, Lead, OutboxMessage, Person


@dataclass(frozen=True, slots=True)
class SentCard:
    """A delivered card and the one-time handle that updates it."""

    platform: str
    target: str
    handle: str
    sent_at: datetime


async def find_breach_candidates(
    session: AsyncSession,
    now: datetime,
    assigned_before: datetime,
    stuck_before: Mapping[str, datetime],
) -> list[Lead]:
    """Open leads that may be in breach, one indexed query per rule instead of an OR that reads
    every lead: unanswered since before `assigned_before` (the shortest first-response limit ago:
    business time never runs faster than the wall clock); a planned follow-up passed with nothing
    logged since; in a watched stage since before its `stuck_before` time; or past `cold_at`.

    On PostgreSQL the rows are locked with SKIP LOCKED for this scan's transaction, so a second
    instance scanning at the same moment takes the other leads instead of waiting or doubling."""
    open_owned = (Lead.owner_id.is_not(None), Lead.stage.not_in(CLOSED_STAGES))
    statements = [
        # Spelled as the partial index ix_lead_unanswered is, so that the index serves it.
        select(Lead).where(
            text(UNANSWERED_SQL), Lead.assigned_at <= assigned_before, Lead.owner_id.is_not(None)
        ),
        select(Lead).where(
            Lead.next_followup_at < now,
            or_(Lead.last_contact_at.is_(None), Lead.last_contact_at < Lead.next_followup_at),
            *open_owned,
        ),
        select(Lead).where(Lead.cold_at <= now, *open_owned),
    ]
    for stage, before in stuck_before.items():
        statements.append(
            select(Lead).where(Lead.stage_changed_at <= before, Lead.stage == stage, *open_owned)
        )
    found: dict[int, Lead] = {}
    for statement in statements:
        # No ORDER BY: sorting by id makes SQLite walk the whole table in id order instead of
        # using the due-time index; the few rows found are sorted here.
        for lead in (await session.scalars(statement.with_for_update(skip_locked=True, of=Lead))).all():
            found[lead.id] = lead
    return [found[lead_id] for lead_id in sorted(found)]


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
    insert = insert_for(session)
    statement = (
        insert(Alert)
        .values(
            lead_id=lead_id,
            rule=rule,
            breach_key=breach_key,
            level=level,
            person_id=person_id,
            breached_at=breached_at,
            sent_at=now,
        )
        .on_conflict_do_nothing(index_elements=["lead_id", "rule", "breach_key", "level"])
        .returning(Alert.id)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def open_alerts(session: AsyncSession) -> list[tuple[Alert, Lead]]:
    """Alerts not closed yet, with their leads: few at any time, unlike leads."""
    statement = select(Alert, Lead).join(Lead, Lead.id == Alert.lead_id).where(Alert.closed_at.is_(None))
    return [(alert, lead) for alert, lead in (await session.execute(statement)).all()]


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


async def active_admins(session: AsyncSession) -> list[Person]:
    statement = select(Person).where(Person.role == "admin", Person.active).order_by(Person.id)
    return list((await session.scalars(statement)).all())
