"""Sends reserved per recipient in the database, so that a platform's per-recipient rate limit is counted
across every instance (PostgreSQL; one process keeps its window in memory, bot.channels.ratelimit).

A reservation takes the earliest time that keeps every window within its limit, exactly as the in-memory
window does, under a transaction-scoped advisory lock per key, so two instances reserving for the same
recipient queue up instead of both taking the last free place. The lock, the pruning of the key's expired
reservations, the search and the reservation are one call of a function (migration 0009): a reservation is
on every reply's way out, and each round trip more cost the sender as much CPU as the database's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import TextClause, bindparam, delete, text
from sqlalchemy.dialects.postgresql import ARRAY, INTEGER, INTERVAL
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import UTCDateTime
from storage.locks import lock_key
from storage.models import SendSlot

Limits = Sequence[tuple[timedelta, int]]  # (window, most sends per window)


@cache
def _slot_statement(limits: tuple[tuple[timedelta, int], ...]) -> TextClause:
    """The earliest time a send to :key fits every window: not before :now nor the newest reservation,
    and per window not before the reservation its limit counts back to (the n-th newest), plus the window
    (what the reservation function computes, reading only)."""
    counted_back = "".join(
        f", (SELECT at FROM recent ORDER BY at DESC OFFSET {most - 1} LIMIT 1) + :window_{i}"
        for i, (_window, most) in enumerate(limits)
    )
    sql = (
        "WITH recent AS (SELECT at FROM send_slot WHERE key = :key AND at > :after),"
        f" slot AS (SELECT GREATEST(:now, (SELECT max(at) FROM recent){counted_back}) AS at)"
        " SELECT at FROM slot"
    )
    params = [bindparam("now", type_=UTCDateTime), bindparam("after", type_=UTCDateTime)]
    params += [bindparam(f"window_{i}", window) for i, (window, _most) in enumerate(limits)]
    return text(sql).bindparams(*params).columns(at=UTCDateTime)


_RESERVE = (
    text("SELECT salesbot_reserve_send_slot(:key, :lock, :now, :after, :windows, :mosts, :only_now) AS at")
    .bindparams(
        bindparam("now", type_=UTCDateTime),
        bindparam("after", type_=UTCDateTime),
        bindparam("windows", type_=ARRAY(INTERVAL)),
        bindparam("mosts", type_=ARRAY(INTEGER)),
    )
    .columns(at=UTCDateTime)
)


def _after(now: datetime, limits: Limits) -> datetime:
    """Reservations at or before this are outside every window."""
    return now - max(window for window, _ in limits)


async def earliest_send_slot(session: AsyncSession, key: str, now: datetime, limits: Limits) -> datetime:
    """The earliest time a send to `key` fits every window (reserving nothing)."""
    values = {"key": key, "now": now, "after": _after(now, limits)}
    values |= {f"window_{i}": window for i, (window, _most) in enumerate(limits)}
    return (await session.execute(_slot_statement(tuple(limits)), values)).scalar_one()


async def reserve_send_slot(
    session: AsyncSession, key: str, now: datetime, limits: Limits, *, only_now: bool = False
) -> datetime:
    """Reserve the earliest fitting time for a send to `key` and return it; with `only_now`, reserve only
    when that time is `now` (else return it, reserving nothing). Prunes `key`'s expired reservations.
    One statement, which takes the key's lock itself: an autocommit session suits it."""
    values = {
        "key": key,
        "lock": lock_key(f"send_slot:{key}"),
        "now": now,
        "after": _after(now, limits),
        "windows": [window for window, _most in limits],
        "mosts": [most for _window, most in limits],
        "only_now": only_now,
    }
    return (await session.execute(_RESERVE, values)).scalar_one()


async def prune_send_slots(session: AsyncSession, before: datetime) -> int:
    """Forget every reservation at or before `before` (recipients nobody wrote to since); returns how many."""
    result = await session.execute(delete(SendSlot).where(SendSlot.at <= before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
