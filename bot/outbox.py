"""The sender: delivers due outbox rows through each platform's transport, with retries.

Backoff is exponential with jitter; a rate limit waits out its window without counting as an
attempt; a configuration problem (untrusted IP, unknown recipient) is not retried; after
`max_attempts` a row is dead, kept with its last error for `salesbot outbox` to show.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from storage.models import Team
from storage.outbox import (
    hold_outbox,
    lease_due_outbox,
    mark_outbox_dead,
    mark_outbox_sent,
    reschedule_outbox,
)

log = logging.getLogger("salesbot.outbox")


class DeliveryError(Exception):
    """A failed delivery and what to do about it: retry later, wait a window out, hold, or give up."""

    def __init__(
        self, message: str, *, retry: bool = True, wait: timedelta | None = None, hold: bool = False
    ) -> None:
        super().__init__(message)
        self.retry = retry
        self.wait = wait
        self.hold = hold  # cannot go out until the recipient acts; see release_held_outbox


class Transport(Protocol):
    async def deliver(self, target: str, kind: str, payload: Mapping[str, Any]) -> str | None:
        """Send one message; returns the platform's handle for updating it later (or None).
        Raises DeliveryError; any other exception counts as a retryable failure."""
        ...


@dataclass(frozen=True)
class Backoff:
    base: timedelta = timedelta(seconds=2)
    cap: timedelta = timedelta(minutes=10)
    max_attempts: int = 8

    def delay(self, attempts: int, rng: random.Random) -> timedelta:
        """Full-ish jitter: a random point in the upper half of the exponential step, so a burst of
        failures does not come back as a burst."""
        step = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return step * rng.uniform(0.5, 1.0)


class OutboxSender:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        transports: Mapping[str, Transport],
        backoff: Backoff = Backoff(),
        rng: random.Random | None = None,
        poll_interval: float = 1.0,
        give_way: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._transports = transports
        self._backoff = backoff
        self._rng = rng or random.Random()
        self._poll_interval = poll_interval
        self._wake = asyncio.Event()
        self._give_way = give_way  # lets acknowledging inbound callbacks go first (Pipeline.give_way)

    def wake(self) -> None:
        self._wake.set()

    async def send_due(self) -> int:
        """One pass over what is due now; returns how many rows were attempted."""
        async with self._sessions.begin() as session:
            leased = await lease_due_outbox(session, self._clock.now())
            jobs = [(r.id, r.platform, r.target, r.kind, dict(r.payload), r.attempts) for r in leased]
            robots = await _group_robots(session) if any(r.kind == "webhook" for r in leased) else {}
        for outbox_id, platform, target, kind, payload, attempts in jobs:
            if self._give_way is not None:
                await self._give_way()
            # A group robot's target is its webhook key, a secret: anyone holding it posts to the group.
            shown = robots.get(target, "group robot of no configured team") if kind == "webhook" else target
            await self._deliver_one(outbox_id, platform, target, kind, payload, attempts, shown)
        return len(jobs)

    async def _deliver_one(
        self,
        outbox_id: int,
        platform: str,
        target: str,
        kind: str,
        payload: dict[str, Any],
        attempts: int,
        shown: str,
    ) -> None:
        context = {"outbox_id": outbox_id, "platform": platform, "target": shown, "attempt": attempts}
        transport = self._transports.get(platform)
        try:
            if transport is None:
                raise DeliveryError(f"no channel is enabled for platform {platform!r}", retry=False)
            handle = await transport.deliver(target, kind, payload)
        except DeliveryError as e:
            if e.hold:
                async with self._sessions.begin() as session:
                    await hold_outbox(session, outbox_id, str(e), self._clock.now())
                log.info("held until the recipient writes again", extra={**context, "error": str(e)})
                return
            await self._failed(outbox_id, str(e), attempts, retry=e.retry, wait=e.wait, context=context)
            return
        except Exception as e:  # network trouble, a bug in a transport: retry with backoff
            log.warning("delivery raised", exc_info=True, extra=context)
            await self._failed(outbox_id, f"{type(e).__name__}: {e}", attempts, True, None, context)
            return
        async with self._sessions.begin() as session:
            await mark_outbox_sent(session, outbox_id, self._clock.now(), handle)
        log.info("delivered", extra=context)

    async def _failed(
        self,
        outbox_id: int,
        error: str,
        attempts: int,
        retry: bool,
        wait: timedelta | None,
        context: dict[str, object],
    ) -> None:
        now = self._clock.now()
        async with self._sessions.begin() as session:
            if wait is not None:
                await reschedule_outbox(session, outbox_id, error, now + wait, count_attempt=False)
                log.warning("rate limited, waiting", extra={**context, "wait_s": wait.total_seconds()})
            elif not retry:
                await mark_outbox_dead(session, outbox_id, error, now)
                log.error("undeliverable: check the configuration", extra={**context, "error": error})
            elif attempts >= self._backoff.max_attempts:
                await mark_outbox_dead(session, outbox_id, error, now)
                log.error("dead after repeated failures", extra={**context, "error": error})
            else:
                when = now + self._backoff.delay(attempts, self._rng)
                await reschedule_outbox(session, outbox_id, error, when)
                log.warning(
                    "delivery failed, will retry", extra={**context, "error": error, "retry_at": when}
                )

    async def run(self) -> None:
        while True:
            try:
                while await self.send_due():
                    pass
            except Exception:  # keep the sender alive through a database hiccup
                log.exception("outbox pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._poll_interval)
            self._wake.clear()


async def _group_robots(session: AsyncSession) -> dict[str, str]:
    """What to log for a group robot's webhook key: "team <name>", for the keys of the configured teams
    (configured as the key itself or as the robot's URL, …/webhook/send?key=<key>)."""
    from bot.digests_job import webhook_key  # imported here: the digest job imports the handlers

    rows = (await session.execute(select(Team.name, Team.group_webhook))).all()
    return {webhook_key(webhook): f"team {name}" for name, webhook in rows if webhook}
