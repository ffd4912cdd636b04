"""The outbox: pushes waiting to go out, written in the transaction of the change that caused them.

The sender leases a due row (pushing its next attempt past the lease) in a short transaction
of its own, delivers it with no transaction open, then records the outcome. A sender that
dies mid-delivery leaves the row pending; it is tried again when the lease runs out.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Outgoing
from storage.db import insert_for
from storage.models import OutboxMessage

LEASE = timedelta(seconds=60)


def outgoing_of(row: OutboxMessage) -> Outgoing:
    """A stored row as the `Outgoing` its channel delivers."""
    return Outgoing.from_json(row.platform, row.target, row.kind, row.payload or {}, row.person_id)  # type: ignore[arg-type]


def _row(item: Outgoing, now: datetime, dedupe_key: str | None, alert_id: int | None) -> dict[str, Any]:
    return {
        "platform": item.platform,
        "target": item.target,
        "kind": item.kind,
        "payload": item.as_json(),
        "person_id": item.person_id,
        "dedupe_key": dedupe_key,
        "alert_id": alert_id,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


async def enqueue_outbox(
    session: AsyncSession,
    item: Outgoing,
    now: datetime,
    *,
    dedupe_key: str | None = None,
    alert_id: int | None = None,
) -> OutboxMessage:
    row = OutboxMessage(**_row(item, now, dedupe_key, alert_id))
    session.add(row)
    await session.flush()
    return row


async def take_card_handle(session: AsyncSession, handle: str) -> None:
    """A card's handle has been used (its button was clicked): no later update may reuse it."""
    await session.execute(
        update(OutboxMessage).where(OutboxMessage.card_handle == handle).values(card_handle=None)
    )


async def enqueue_outbox_once(
    session: AsyncSession,
    item: Outgoing,
    now: datetime,
    *,
    dedupe_key: str,
    alert_id: int | None = None,
) -> bool:
    """Queue a push that must go out at most once, ever: False when a row with `dedupe_key` exists.

    INSERT ... ON CONFLICT DO NOTHING on the unique key, so two instances (or a restart) racing to
    queue the same push cannot both succeed: on PostgreSQL the second waits for the first to commit,
    then inserts nothing."""
    statement = (
        insert_for(session)(OutboxMessage)
        .values(**_row(item, now, dedupe_key, alert_id))
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxMessage.id)
    )
    return (await session.execute(statement)).first() is not None


async def existing_dedupe_keys(session: AsyncSession, keys: Collection[str]) -> set[str]:
    """Which of these keys have been queued already (sent or not)."""
    if not keys:
        return set()
    statement = select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(list(keys)))
    return {key for key in (await session.scalars(statement)).all() if key is not None}


async def lease_due_outbox(session: AsyncSession, now: datetime, limit: int = 20) -> list[OutboxMessage]:
    """Take up to `limit` due rows for this sender: FOR UPDATE SKIP LOCKED keeps two senders on
    PostgreSQL from taking the same row; the lease keeps them from taking it after this commits."""
    statement = (
        select(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list((await session.scalars(statement)).all())
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + LEASE
    return rows


async def mark_outbox_sent(
    session: AsyncSession, outbox_id: int, now: datetime, card_handle: str | None
) -> None:
    row = await session.get(OutboxMessage, outbox_id, with_for_update=True)
    if row is not None:
        row.status, row.sent_at, row.card_handle, row.last_error = "sent", now, card_handle, None


async def reschedule_outbox(
    session: AsyncSession, outbox_id: int, error: str, when: datetime, *, count_attempt: bool = True
) -> None:
    """Try again at `when`; a rate-limit wait does not count as an attempt."""
    row = await session.get(OutboxMessage, outbox_id, with_for_update=True)
    if row is not None:
        row.next_attempt_at, row.last_error = when, error[:2000]
        if not count_attempt:
            row.attempts -= 1


async def mark_outbox_dead(session: AsyncSession, outbox_id: int, error: str, now: datetime) -> None:
    row = await session.get(OutboxMessage, outbox_id, with_for_update=True)
    if row is not None:
        row.status, row.last_error, row.next_attempt_at = "dead", error[:2000], now


async def list_outbox(
    session: AsyncSession, status: str | None = None, limit: int = 50
) -> list[OutboxMessage]:
    statement = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    if status:
        statement = statement.where(OutboxMessage.status == status)
    return list((await session.scalars(statement)).all())


async def count_outbox(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
    return {status: int(n) for status, n in rows.all()}


async def hold_outbox(session: AsyncSession, outbox_id: int, error: str, now: datetime) -> None:
    """Park a row that cannot go out until something happens (a 微信客服 customer writes again);
    `release_held_outbox` puts it back in the queue."""
    row = await session.get(OutboxMessage, outbox_id, with_for_update=True)
    if row is not None:
        row.status, row.last_error, row.next_attempt_at = "held", error[:2000], now
        row.attempts -= 1  # waiting for the customer is not a failed attempt


async def release_held_outbox(session: AsyncSession, platform: str, target: str, now: datetime) -> int:
    """Make the held rows for `target` due again; returns how many."""
    rows = (
        await session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == "held",
                OutboxMessage.platform == platform,
                OutboxMessage.target == target,
            )
            .with_for_update()
        )
    ).all()
    for row in rows:
        row.status, row.next_attempt_at = "pending", now
    return len(rows)
