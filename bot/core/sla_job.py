"""Scheduled work the database says is due: the SLA scan, run by APScheduler or called by tests.

One tick is one transaction: the alert rows (inserted in bulk by the scan) and the outbox rows for
exactly the new ones commit together, so a crash cannot leave an alert recorded but never sent, nor
sent without its record.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.core.jobs import ScheduledJob
from bot.core.outgoing import card_handled, queue
from handlers import sla

log = logging.getLogger("salesbot.scheduler")


class SlaScanner(ScheduledJob):
    log = log
    what = "SLA scan"
    job = "sla_scan"

    @property
    def interval(self) -> timedelta:
        return self._config.sla.scan_interval

    async def run_once(self) -> int:
        """Scan once; returns how many notices were queued."""
        now = self._clock.now()
        queued = 0
        async with self._sessions.begin() as session:
            result = await sla.scan(session, self._config, now)
            # Added here and written together when the tick commits (flush=False): a multi-row
            # INSERT per few hundred notices instead of a round trip each.
            for notice in result.notices:
                to = notice.reply.to
                person = result.people.get(to) if to is not None else None
                item = self._addressing.push_to(person, notice.reply)
                queued += await queue(
                    session,
                    item,
                    now,
                    dedupe_key=notice.reply.dedupe_key,
                    alert_id=notice.alert_id,
                    flush=False,
                )
            for card in result.closed_cards:
                update = card_handled(card.platform, card.target, card.handle, card.sent_at)  # type: ignore[arg-type]
                queued += await queue(session, update, now, flush=False)
        if queued:
            log.info("SLA notices queued", extra={"count": queued})
            self._on_enqueued()
        return queued
