"""Group commit for the accept path: callbacks that arrive together are stored in one transaction.

Each request still answers only after its own messages are committed; what changes is that a burst
shares the transaction's fixed cost (on SQLite a few milliseconds, paid one writer at a time)
instead of queueing for it one by one. If a shared transaction fails, its requests are stored one
by one, so one bad message fails alone and the others are not held back by it; when it failed
because the database is unavailable, they all fail at once (trying each would only multiply the wait).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.types import Message
from storage.db import is_unavailable, statement_sessions
from storage.inbound import Notice, record_inbound

Key = tuple[str, str]
Waiting = tuple[Sequence[Message], "asyncio.Future[dict[Key, int]]"]
MAX_BATCH = 500  # messages per transaction; bounds the statement size


class GroupCommit:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Clock, notice: Notice | None = None
    ) -> None:
        # A batch is one INSERT (MAX_BATCH rows fit one statement): on PostgreSQL it commits by itself.
        self._sessions = statement_sessions(sessions)
        self._clock = clock
        self._notice = notice  # what the INSERT sends when it stores a new message (PostgreSQL)
        self._waiting: list[Waiting] = []
        self._writer: asyncio.Task[None] | None = None

    async def record(self, messages: Sequence[Message]) -> dict[Key, int]:
        """Commit the messages (with whoever else is waiting); returns the new rows' ids by key."""
        future: asyncio.Future[dict[Key, int]] = asyncio.get_running_loop().create_future()
        self._waiting.append((messages, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all())
        return await future

    async def close(self) -> None:
        """Stop the writer (at shutdown; a stalled database could hold it until its command timeout)."""
        if self._writer is not None:
            self._writer.cancel()
            await asyncio.gather(self._writer, return_exceptions=True)

    async def _write_all(self) -> None:
        # Everything that queued while the previous transaction ran goes into the next one.
        while self._waiting:
            batch, size = [], 0
            while self._waiting and (not batch or size + len(self._waiting[0][0]) <= MAX_BATCH):
                item = self._waiting.pop(0)
                if item[1].done():  # the request gave up (timed out or hung up): it promised nothing
                    continue
                batch.append(item)
                size += len(item[0])
            if batch:
                await self._write(batch)

    async def _write(self, batch: list[Waiting]) -> None:
        try:
            new = await self._insert([m for messages, _ in batch for m in messages])
        except Exception as e:
            if len(batch) == 1 or is_unavailable(e):
                for _, future in batch:
                    _settle(future, error=e)
                return
            for item in batch:  # find the one that cannot be stored; the rest go in
                await self._write([item])
            return
        # A message sent twice at once (a platform retry racing the original) is new to one request only.
        claimed: set[Key] = set()
        for messages, future in batch:
            mine = {}
            for m in messages:
                key = (m.platform, m.platform_msg_id)
                if key in new and key not in claimed:
                    mine[key] = new[key]
                    claimed.add(key)
            _settle(future, result=mine)

    async def _insert(self, messages: list[Message]) -> dict[Key, int]:
        async with self._sessions.begin() as session:
            return await record_inbound(session, messages, self._clock.now(), self._notice)


def _settle(
    future: asyncio.Future[dict[Key, int]],
    *,
    result: dict[Key, int] | None = None,
    error: Exception | None = None,
) -> None:
    if future.done():  # the request was cancelled (the client hung up); its messages may be stored
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result or {})
