"""The digest tick: run by APScheduler every minute, or called by tests with their own time.

Each digest is composed from a read, then all its outbox rows are queued in one transaction with their
dedupe keys. The first row's INSERT ... ON CONFLICT DO NOTHING is the claim: when another tick, a restart
or a second instance queued the digest first, nothing of it is written again (handlers/digests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Config
from bot.core.jobs import ScheduledJob
from bot.core.outgoing import Addressing, queue
from handlers import digests
from nlp import Catalog

log = logging.getLogger("salesbot.digests")

TICK = timedelta(minutes=1)  # digest times are set to the minute


class DigestJob(ScheduledJob):
    log = log
    what = "digest tick"
    job = "digests"

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        config: Config,
        clock: Clock,
        addressing: Addressing,
        catalog: Catalog,  # for [org] isolate_product_lines
        on_enqueued: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(sessions, config, clock, addressing, on_enqueued)
        self._catalog = catalog

    @property
    def interval(self) -> timedelta:
        return TICK

    async def run_once(self, now: datetime | None = None) -> int:
        """Queue every digest due at `now` (default: the clock's now) that has not gone out; returns
        how many digests this call queued."""
        now = now or self._clock.now()
        async with self._sessions() as session:
            due = await digests.pending(session, self._config, now)
        queued = 0
        for item in due:
            try:
                queued += await self._send(item, now)
            except Exception:  # one recipient's failure must not hold back everyone else's digest
                log.exception("digest failed", extra={"kind": item.kind, "person_id": item.person_id})
        if queued:
            log.info("digests queued", extra={"count": queued})
            self._on_enqueued()
        return queued

    async def _send(self, due: digests.Due, now: datetime) -> bool:
        # Read, draw, then write: no transaction stays open while a chart is drawn (on SQLite an open
        # transaction holds the one connection every callback needs).
        async with self._sessions() as session:
            digest = await digests.compose(session, self._config, due, now, self._catalog)
        if digest is None:
            return False
        digest = await digests.drawn(digest)
        async with self._sessions.begin() as session:
            for i, reply in enumerate(digest.replies):
                item = await self._addressing.to_person(session, reply)
                written = await queue(session, item, now, dedupe_key=reply.dedupe_key)
                if i == 0 and not written:  # queued before, by another tick or instance: add nothing
                    log.debug("digest queued elsewhere", extra={"key": reply.dedupe_key})
                    return False
            for post in digest.group:
                item = self._addressing.to_group(post.webhook, post.team, post.reply)
                if item is None:
                    log.warning("no enabled channel has group robots like a team's group_webhook; not sent")
                    break
                await queue(session, item, now, dedupe_key=post.reply.dedupe_key)
        return True
