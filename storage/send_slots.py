"""Sends reserved per recipient in the database, so that a platform's per-recipient rate limit is counted
across every instance (PostgreSQL; one process keeps its window in memory, bot.channels.ratelimit).

A reservation takes the earliest time that keeps every window within its limit, exactly as the in-memory
window does, under a transaction-scoped advisory lock per key, so two instances reserving for the same
recipient queue up instead of both taking the last free place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ScalarSelect, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.locks import advisory_xact_lock
from storage.models import SendSlot

Limits = Sequence[tuple[timedelta, int]]  # (window, most sends per window)


def _nth_newest(key: str, after: datetime, n: int) -> ScalarSelect[datetime]:
    """The n-th newest reservation (1: the newest) later than `after`; NULL when there are fewer."""
    statement = (
        select(SendSlot.at)
        .where(SendSlot.key == key, SendSlot.at > after)
        .order_by(SendSlot.at.desc())
        .offset(n - 1)
        .limit(1)
    )
    return statement.scalar_subquery()


async def earliest_send_slot(session: AsyncSession, key: str, now: datetime, limits: Limits) -> datetime:
    """The earliest time a send to `key` fits every window (reserving nothing). One statement: the newest
    reservation and, per window, the one its limit counts back to."""
    after = now - max(window for window, _ in limits)
    nths = (
        await session.execute(select(*(_nth_newest(key, after, n) for n in (1, *(m for _, m in limits)))))
    ).one()
    newest, *counted_back = nths
    if newest is None:
        return now
    slot = max(now, newest)
    for (window, _most), nth in zip(limits, counted_back, strict=True):
        if nth is not None:
            slot = max(slot, nth + window)
    return slot


async def reserve_send_slot(
    session: AsyncSession, key: str, now: datetime, limits: Limits, *, only_now: bool = False
) -> datetime:
    """Reserve the earliest fitting time for a send to `key` and return it; with `only_now`, reserve only
    when that time is `now` (else return it, reserving nothing). Prunes `key`'s expired reservations."""
    await advisory_xact_lock(session, f"send_slot:{key}")
    longest = max(window for window, _ in limits)
    await session.execute(delete(SendSlot).where(SendSlot.key == key, SendSlot.at <= now - longest))
    slot = await earliest_send_slot(session, key, now, limits)
    if only_now and slot > now:
        return slot
    await session.execute(insert(SendSlot).values(key=key, at=slot))
    return slot


async def prune_send_slots(session: AsyncSession, before: datetime) -> int:
    """Forget every reservation at or before `before` (recipients nobody wrote to since); returns how many."""
    result = await session.execute(delete(SendSlot).where(SendSlot.at <= before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
