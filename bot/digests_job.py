"""The digest tick: run by APScheduler every minute, or called by tests with their own time.

Each digest is composed from a read, then all its outbox rows are queued in one transaction with their
dedupe keys. The first row's INSERT ... ON CONFLICT DO NOTHING is the claim: when another tick, a restart
or a second instance queued the digest first, nothing of it is written again (handlers/digests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.wecom.render import render_webhook
from bot.clock import Clock
from bot.config import Config
from bot.router import Outgoing, outgoing_for, queue
from handlers import digests
from nlp import Catalog

log = logging.getLogger("salesbot.digests")


def webhook_key(webhook: str) -> str:
    """A group robot's key, from the key itself or from its webhook URL (…/webhook/send?key=…)."""
    webhook = webhook.strip()
    if "?" in webhook or "://" in webhook:
        keys = parse_qs(urlsplit(webhook).query).get("key")
        return keys[0] if keys else ""
    return webhook


def group_outgoing(post: digests.GroupPost) -> Outgoing:
    return Outgoing("wecom", webhook_key(post.webhook), "webhook", render_webhook(post.reply), None)


class DigestJob:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        config: Config,
        clock: Clock,
        catalog: Catalog,  # the app's, for [org] isolate_product_lines
        on_enqueued: Callable[[], None] = lambda: None,
    ) -> None:
        self._sessions, self._config, self._clock = sessions, config, clock
        self._catalog = catalog
        self._on_enqueued = on_enqueued

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
                written = await queue(session, await outgoing_for(session, self._config, reply), reply, now)
                if i == 0 and not written:  # queued before, by another tick or instance: add nothing
                    log.debug("digest queued elsewhere", extra={"key": reply.dedupe_key})
                    return False
            for post in digest.group:
                if not self._config.wecom.enabled:
                    log.warning("a team group_webhook needs [wecom] enabled; group copy not sent")
                    break
                await queue(session, group_outgoing(post), post.reply, now)
        return True

    async def tick(self) -> None:
        """The scheduler's entry: a failed tick is logged and the next one tries again."""
        try:
            await self.run_once()
        except Exception:  # the database still says what is due
            log.exception("digest tick failed")
