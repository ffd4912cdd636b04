"""Sends reserved per recipient in the database, so that a platform's per-recipient rate limit is counted
across every instance (PostgreSQL; one process keeps its window in memory, bot.channels.ratelimit).

A reservation takes the earliest time that keeps every window within its limit, exactly as the in-memory
window does, under a transaction-scoped advisory lock per key, so two instances reserving for the same
recipient queue up instead of both taking the last free place. After the lock, one statement prunes the
key's expired reservations, finds the time and reserves it: a reservation is on every reply's way out,
and each statement more cost the sender as much CPU as the database's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import TextClause, bindparam, delete, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import UTCDateTime
from storage.locks import advisory_xact_lock
from storage.models import SendSlot

Limits = Sequence[tuple[timedelta, int]]  # (window, most sends per window)


@cache
def _slot_statement(limits: tuple[tuple[timedelta, int], ...], reserve: bool) -> TextClause:
    """The earliest time a send to :key fits every window: not before :now nor the newest reservation,
    and per window not before the reservation its limit counts back to (the n-th newest), plus the window.
    With `reserve`, also prune the key's reservations at or before :after and reserve the time found
    (only when it is :now, with :only_now). Data-modifying CTEs run once, whether read or not; all parts
    see the rows as they were before the statement, so pruning does not change what is counted (it
    removes only what is older than every window)."""
    counted_back = "".join(
        f", (SELECT at FROM recent ORDER BY at DESC OFFSET {most - 1} LIMIT 1) + :window_{i}"
        for i, (_window, most) in enumerate(limits)
    )
    ctes = [
        "recent AS (SELECT at FROM send_slot WHERE key = :key AND at > :after)",
        f"slot AS (SELECT GREATEST(:now, (SELECT max(at) FROM recent){counted_back}) AS at)",
    ]
    if reserve:
        ctes += [
            "expired AS (DELETE FROM send_slot WHERE key = :key AND at <= :after)",
            "taken AS (INSERT INTO send_slot (key, at)"
            " SELECT :key, at FROM slot WHERE NOT :only_now OR at <= :now)",
        ]
    sql = f"WITH {', '.join(ctes)} SELECT at FROM slot"
    params = [bindparam("now", type_=UTCDateTime), bindparam("after", type_=UTCDateTime)]
    params += [bindparam(f"window_{i}", window) for i, (window, _most) in enumerate(limits)]
    return text(sql).bindparams(*params).columns(at=UTCDateTime)


def _values(key: str, now: datetime, limits: Limits) -> dict[str, object]:
    after = now - max(window for window, _ in limits)
    return {"key": key, "now": now, "after": after} | {
        f"window_{i}": window for i, (window, _most) in enumerate(limits)
    }


async def earliest_send_slot(session: AsyncSession, key: str, now: datetime, limits: Limits) -> datetime:
    """The earliest time a send to `key` fits every window (reserving nothing)."""
    statement = _slot_statement(tuple(limits), False)
    return (await session.execute(statement, _values(key, now, limits))).scalar_one()


async def reserve_send_slot(
    session: AsyncSession, key: str, now: datetime, limits: Limits, *, only_now: bool = False
) -> datetime:
    """Reserve the earliest fitting time for a send to `key` and return it; with `only_now`, reserve only
    when that time is `now` (else return it, reserving nothing). Prunes `key`'s expired reservations."""
    await advisory_xact_lock(session, f"send_slot:{key}")
    statement = _slot_statement(tuple(limits), True)
    values = _values(key, now, limits) | {"only_now": only_now}
    return (await session.execute(statement, values)).scalar_one()


async def prune_send_slots(session: AsyncSession, before: datetime) -> int:
    """Forget every reservation at or before `before` (recipients nobody wrote to since); returns how many."""
    result = await session.execute(delete(SendSlot).where(SendSlot.at <= before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
