"""Shared tokens and cursors: stored, replaced, dropped only when still the failing one, and compare-and-set
so that of two instances rotating one credential at once exactly one wins."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.core.stores import DatabaseTokenCache
from storage.db import session_factory
from storage.tokens import drop_token, get_cursor, get_token, put_cursor, put_token, replace_token

T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


async def test_token_round_trip_and_guarded_drop(session: AsyncSession) -> None:
    assert await get_token(session, "wecom:corp:1") is None
    await put_token(session, "wecom:corp:1", "tok-1", T0 + timedelta(hours=2))
    await put_token(session, "wecom:corp:1", "tok-2", T0 + timedelta(hours=3))
    await session.commit()
    assert await get_token(session, "wecom:corp:1") == ("tok-2", T0 + timedelta(hours=3))
    await drop_token(session, "wecom:corp:1", "tok-1")  # stale: someone already refreshed
    assert await get_token(session, "wecom:corp:1") is not None
    await drop_token(session, "wecom:corp:1", "tok-2")
    await session.commit()
    assert await get_token(session, "wecom:corp:1") is None


async def test_cursor_round_trip(session: AsyncSession) -> None:
    assert await get_cursor(session, "wecom:kf:wk1") is None
    await put_cursor(session, "wecom:kf:wk1", "c1", T0)
    await put_cursor(session, "wecom:kf:wk1", "c2", T0)
    await session.commit()
    assert await get_cursor(session, "wecom:kf:wk1") == "c2"


async def test_replace_sets_only_over_the_expected_token(session: AsyncSession) -> None:
    key = "ads:抖音表单:oauth"
    assert await replace_token(session, key, None, "pair-1", T0 + timedelta(days=30))
    assert not await replace_token(session, key, None, "pair-x", T0)  # a row exists: the insert loses
    await session.commit()
    assert not await replace_token(session, key, "pair-0", "pair-x", T0)  # not the stored one
    assert await replace_token(session, key, "pair-1", "pair-2", T0 + timedelta(days=31))
    await session.commit()
    assert await get_token(session, key) == ("pair-2", T0 + timedelta(days=31))


async def test_concurrent_replaces_from_two_instances_one_wins(engine: AsyncEngine) -> None:
    # Two instances (two caches on one database) rotate the same pair at once: exactly one succeeds,
    # and the stored pair is the winner's.
    sessions = session_factory(engine)
    first, second = DatabaseTokenCache(sessions), DatabaseTokenCache(sessions)
    key = "ads:腾讯表单:oauth"
    seeded = await asyncio.gather(
        first.replace(key, None, "seed-1", T0), second.replace(key, None, "seed-2", T0)
    )
    assert sorted(seeded) == [False, True]
    seed = await first.get(key)
    assert seed is not None
    won = await asyncio.gather(
        first.replace(key, seed[0], "from-first", T0 + timedelta(days=30)),
        second.replace(key, seed[0], "from-second", T0 + timedelta(days=30)),
    )
    assert sorted(won) == [False, True]
    stored = await second.get(key)
    assert stored is not None and stored[0] == ("from-first" if won[0] else "from-second")
