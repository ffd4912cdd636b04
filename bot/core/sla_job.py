"""Scheduled work the database says is due: the SLA scan, run by APScheduler or called by tests.

One tick is one transaction: the alert rows and the outbox rows for their notices commit together,
so a crash cannot leave an alert recorded but never sent, nor sent without its record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Config
from bot.core.outgoing import Addressing, card_handled, queue
from handlers import sla

log = logging.getLogger("salesbot.scheduler")


class SlaScanner:
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
        self._on_enqueued = on_enqueued

    async def run_once(self) -> int:
        """Scan once; returns how many notices were queued."""
        now = self._clock.now()
        queued = 0
        async with self._sessions.begin() as session:
            result = await sla.scan(session, self._config, now)
            for notice in result.notices:
                item = await self._addressing.to_person(session, notice.reply)
                queued += await queue(
                    session, item, now, dedupe_key=notice.reply.dedupe_key, alert_id=notice.alert_id
                )
            for card in result.closed_cards:
                update = card_handled(card.platform, card.target, card.handle, card.sent_at)  # type: ignore[arg-type]
                queued += await queue(session, update, now)
        if queued:
            log.info("SLA notices queued", extra={"count": queued})
            self._on_enqueued()
        return queued

    async def tick(self) -> None:
        """The scheduler's entry: a failed tick is logged and the next one tries again."""
        try:
            await self.run_once()
        except Exception:  # one bad tick must not stop the job; the database still says what is due
            log.exception("SLA scan failed")
