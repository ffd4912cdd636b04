"""What the scheduled jobs share: APScheduler only calls `tick`; the database says what is due, so a
failed tick is logged and the next one finds the same work."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Config
from bot.core.outgoing import Addressing


class ScheduledJob:
    log = logging.getLogger("salesbot.jobs")
    what = "scheduled job"  # for the log: "<what> failed"

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        config: Config,
        clock: Clock,
        addressing: Addressing,
        on_enqueued: Callable[[], None] = lambda: None,
    ) -> None:
        self._sessions, self._config, self._clock = sessions, config, clock
        self._addressing = addressing
        self._on_enqueued = on_enqueued  # wakes the outbox sender for what a run queued

    async def run_once(self) -> int:
        """Do what is due now; returns how many things were queued."""
        raise NotImplementedError

    async def tick(self) -> None:
        """The scheduler's entry: one bad tick must not stop the job."""
        try:
            await self.run_once()
        except Exception:
            self.log.exception("%s failed", self.what)
