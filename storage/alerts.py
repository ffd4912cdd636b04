"""SLA alerts: the leads that can be in breach, and the alert rows that make each notice happen once.

An alert is unique per (lead, rule, breach, level); it is inserted with ON CONFLICT DO NOTHING, so
a second scan, a restart or a second instance finds the row there and sends nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CLOSED_STAGES, Alert, Lead, Person


async def find_breach_candidates(
    session: AsyncSession, now: datetime, assigned_before: datetime
) -> list[Lead]:
    """Open leads that may be in breach: unanswered since before `assigned_before` (the shortest
    first-response limit ago: business time never runs faster than the wall clock), or with a
    planned follow-up passed and nothing logged since. Two queries, so each filters on its own
    due column instead of an OR that reads every lead."""
    unanswered = select(Lead).where(
        Lead.first_response_at.is_(None),
        Lead.owner_id.is_not(None),
        Lead.assigned_at <= assigned_before,
        Lead.stage.not_in(CLOSED_STAGES),
    )
    followup_due = select(Lead).where(
        Lead.next_followup_at < now,
        or_(Lead.last_contact_at.is_(None), Lead.last_contact_at < Lead.next_followup_at),
        Lead.owner_id.is_not(None),
        Lead.stage.not_in(CLOSED_STAGES),
    )
    found: dict[int, Lead] = {}
    for statement in (unanswered, followup_due):
        for lead in (await session.scalars(statement.order_by(Lead.id))).all():
            found[lead.id] = lead
    return list(found.values())


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
) -> bool:
    """Record one notice; False when it was recorded before (by this or another instance)."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
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
    return (await session.execute(statement)).first() is not None


async def open_alerts(session: AsyncSession) -> list[tuple[Alert, Lead]]:
    """Alerts not closed yet, with their leads: few at any time, unlike leads."""
    statement = select(Alert, Lead).join(Lead, Lead.id == Alert.lead_id).where(Alert.closed_at.is_(None))
    return [(alert, lead) for alert, lead in (await session.execute(statement)).all()]


async def close_alerts(session: AsyncSession, alert_ids: Collection[int], now: datetime) -> None:
    if alert_ids:
        await session.execute(
            update(Alert)
            .where(Alert.id.in_(list(alert_ids)), Alert.closed_at.is_(None))
            .values(closed_at=now)
        )


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
