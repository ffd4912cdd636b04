"""What the scheduled jobs share: APScheduler only calls `tick`; the database says what is due, so a
failed tick is logged and the next one finds the same work.

Several instances on one PostgreSQL each tick, and one of them does each tick's work: time is cut into
slots of the job's interval, and a tick runs only if it takes the job's advisory lock (no other instance
is running it) and claims its slot (no instance ran it yet). Both live in one transaction held for the
run, so an instance that dies mid-run leaves the slot to the next instance that ticks. The unique keys
of alerts and outbox rows stay the guarantee; this keeps the others from redoing the reads and the
drawing. SQLite serves one process, where APScheduler's max_instances=1 is all it takes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Config
from bot.core.outgoing import Addressing
from storage.locks import claim_tick, try_advisory_xact_lock


class ScheduledJob:
    log = logging.getLogger("salesbot.jobs")
    what = "scheduled job"  # for the log: "<what> failed"
    job = "job"  # its name in the job_tick table and its advisory lock

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
        self._on_enqueued = on_enqueued  # wakes the outbox senders for what a run queued

    @property
    def interval(self) -> timedelta:
        """How often the scheduler ticks this job: the length of its slots."""
        raise NotImplementedError

    async def run_once(self) -> int:
        """Do what is due now; returns how many things were queued."""
        raise NotImplementedError

    async def tick(self) -> bool:
        """The scheduler's entry: one bad tick must not stop the job. False when another instance has
        this tick (or it failed)."""
        try:
            if not on_server(self._sessions):
                await self.run_once()
                return True
            now = self._clock.now()
            slot = slot_of(now, self.interval)
            async with self._sessions.begin() as session:
                mine = await try_advisory_xact_lock(session, self.job)
                if not mine or not await claim_tick(session, self.job, slot, now):
                    self.log.debug("tick done by another instance", extra={"job": self.job, "slot": slot})
                    return False
                await self.run_once()
            return True
        except Exception:
            self.log.exception("%s failed", self.what)
            return False


def on_server(sessions: async_sessionmaker[AsyncSession]) -> bool:
    """Whether the sessions are on PostgreSQL (where several instances may share the database)."""
    bind = sessions.kw.get("bind")
    return bind is not None and bind.dialect.name == "postgresql"


def slot_of(now: datetime, interval: timedelta) -> int:
    return int(now.timestamp() // interval.total_seconds())


def first_tick(now: datetime, interval: timedelta) -> datetime:
    """Where a job's ticks start: in the middle of a slot, so a tick a little late (a busy loop) still
    falls in its own slot and every instance's ticks line up on the same slots."""
    seconds = interval.total_seconds()
    return datetime.fromtimestamp((slot_of(now, interval) + 0.5) * seconds, UTC)
