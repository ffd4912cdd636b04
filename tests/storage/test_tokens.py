"""Shared tokens and cursors: stored, replaced, and dropped only when still the failing one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.tokens import drop_token, get_cursor, get_token, put_cursor, put_token

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
