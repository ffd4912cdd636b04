"""Access tokens and feed cursors kept in the database, shared by every sender of every instance."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
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
