"""Access tokens, feed cursors and per-recipient send windows kept in the database, shared by every sender
of every instance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.ratelimit import Limits, RateWindow, check_limits
from bot.clock import Clock
from storage.db import statement_sessions
from storage.send_slots import earliest_send_slot, prune_send_slots, reserve_send_slot
from storage.tokens import drop_token, get_cursor, get_token, put_cursor, put_token, replace_token


class DatabaseTokenCache:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get(self, key: str) -> tuple[str, datetime] | None:
        async with self._sessions() as session:
            return await get_token(session, key)

    async def put(self, key: str, token: str, expires_at: datetime) -> None:
        async with self._sessions.begin() as session:
            await put_token(session, key, token, expires_at)

    async def drop(self, key: str, token: str) -> None:
        async with self._sessions.begin() as session:
            await drop_token(session, key, token)

    async def replace(self, key: str, old: str | None, new: str, expires_at: datetime) -> bool:
        async with self._sessions.begin() as session:
            return await replace_token(session, key, old, new, expires_at)


class DatabaseCursors:
    """Feed cursors (微信客服 sync_msg) in the database, so a restart resumes where the last pull ended."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    async def get(self, key: str) -> str | None:
        async with self._sessions() as session:
            return await get_cursor(session, key)

    async def put(self, key: str, cursor: str) -> None:
        async with self._sessions.begin() as session:
            await put_cursor(session, key, cursor, self._clock.now())


PRUNE_EVERY = timedelta(minutes=10)  # how often an instance forgets reservations past every window


class DatabaseRateWindow:
    """A RateWindow (bot.channels.ratelimit) every instance on one PostgreSQL shares: two instances
    sending to one member together stay within the member's limit, as one process would."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], limits: Limits) -> None:
        check_limits(limits)
        self._sessions, self._limits = sessions, limits
        # A reservation is one statement that takes its lock itself (storage.send_slots): no BEGIN and
        # COMMIT round trips around it.
        self._statements = statement_sessions(sessions)
        self._longest = max(window for window, _ in limits)
        self._pruned_at: datetime | None = None

    async def next_slot(self, key: str, now: datetime) -> datetime:
        async with self._sessions() as session:
            return await earliest_send_slot(session, key, now, self._limits)

    async def reserve(self, key: str, now: datetime, *, only_now: bool = False) -> datetime:
        async with self._statements.begin() as session:
            slot = await reserve_send_slot(session, key, now, self._limits, only_now=only_now)
        if self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY:
            # Each reservation prunes its own key; members nobody writes to any more are pruned here.
            self._pruned_at = now
            async with self._sessions.begin() as session:
                await prune_send_slots(session, now - self._longest)
        return slot


def database_windows(sessions: async_sessionmaker[AsyncSession]) -> Callable[[Limits], RateWindow]:
    """RateWindows shared through the database (Resources.windows on PostgreSQL)."""

    def windows(limits: Limits) -> RateWindow:
        return DatabaseRateWindow(sessions, limits)

    return windows
