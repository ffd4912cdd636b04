"""The sender: delivers due outbox rows through each platform's transport, with retries.

One row at a time: claim it and record the attempt's start (committed), call the platform, record the
outcome (committed), with nothing batched in between, so that a crash leaves at most the row in flight
with an unknown outcome. Its retry goes to the channel marked uncertain (`Outgoing.uncertain_since`),
and the channel uses what its platform offers to keep it from being shown twice.

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
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import DeliveryError
from bot.clock import Clock
from bot.types import Outgoing
from storage.db import statement_sessions
from storage.models import OutboxMessage
from storage.outbox import (
    LEASE,
    delivery_key,
    hold_outbox,
    mark_outbox_dead,
    mark_outbox_sent,
    outgoing_of,
    record_sent_and_claim,
    reschedule_outbox,
)

log = logging.getLogger("salesbot.outbox")


class Transport(Protocol):
    async def deliver(self, item: Outgoing) -> str | None:
        """Send one item; returns the platform's handle for updating it later (or None).
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


@dataclass(frozen=True)
class _Delivered:
    """A row the platform took, to be recorded sent."""

    outbox_id: int
    handle: str | None
    platform: str
    target: str
    context: dict[str, object]


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
        lease: timedelta = LEASE,
    ) -> None:
        self._sessions = sessions
        # Recording a delivery and claiming the next row are one statement each and need no transaction
        # around them: the record and the claim commit before the platform is called either way.
        self._claims = statement_sessions(sessions)
        self._clock = clock
        self._transports = transports
        self._backoff = backoff
        self._rng = rng or random.Random()
        self._poll_interval = poll_interval
        self._wake = asyncio.Event()
        self._give_way = give_way  # lets acknowledging inbound callbacks go first (Pipeline.give_way)
        self._lease = lease
        # Told (outbox id, platform, target) once a row is recorded sent, e.g. to relay a console item
        # to the browsers connected to other instances.
        self.on_sent: Callable[[int, str, str], None] | None = None

    def wake(self) -> None:
        self._wake.set()

    async def send_due(self, limit: int = 20) -> int:
        """Deliver what is due now, a row at a time, at most `limit` rows; returns how many were tried.

        A delivered row is recorded sent just before the next one is claimed, in the same session; the
        record still commits before the next platform call, so at most one row is ever in flight with an
        unknown outcome."""
        attempted = 0
        delivered: _Delivered | None = None
        try:
            while attempted < limit:
                if self._give_way is not None:  # before the claim: nothing waits between claim and call
                    await self._give_way()
                sent = None if delivered is None else (delivered.outbox_id, delivered.handle)
                async with self._claims.begin() as session:
                    row = await record_sent_and_claim(session, sent, self._clock.now(), self._lease)
                recorded, delivered = delivered, None  # committed: never recorded again below
                self._recorded(recorded)
                if row is None:
                    break
                attempted += 1
                delivered = await self._deliver_one(row)
        finally:
            if delivered is not None:  # the last one, or one before a failure: recorded on its own
                async with self._claims.begin() as session:
                    await self._record(session, delivered)
                self._recorded(delivered)
        return attempted

    async def _record(self, session: AsyncSession, delivered: _Delivered | None) -> None:
        if delivered is not None:
            await mark_outbox_sent(session, delivered.outbox_id, self._clock.now(), delivered.handle)

    def _recorded(self, delivered: _Delivered | None) -> None:
        """Say so once the record committed."""
        if delivered is None:
            return
        log.info("delivered", extra=delivered.context)
        if self.on_sent is not None:
            self.on_sent(delivered.outbox_id, delivered.platform, delivered.target)

    async def _deliver_one(self, row: OutboxMessage) -> _Delivered | None:
        """Call the platform for `row`; a failure is recorded here, a delivery is returned to record."""
        outbox_id, attempts, started = row.id, row.attempts, row.attempt_started_at
        context = {
            "outbox_id": outbox_id,
            "platform": row.platform,
            # A group robot's target is its webhook key, a secret: anyone holding it posts to the group.
            "target": row.target if row.kind != "group" else _team_of(row),
            "attempt": attempts,
            "uncertain": row.uncertain_since is not None,
        }
        try:
            item = replace(
                outgoing_of(row), delivery_key=delivery_key(row), uncertain_since=row.uncertain_since
            )
        except (KeyError, TypeError, ValueError) as e:  # a row no code can deliver: never retried
            await self._failed(
                outbox_id, f"unreadable outbox row: {e}", attempts, False, None, context, started
            )
            return None
        transport = self._transports.get(item.platform)
        try:
            if transport is None:
                raise DeliveryError(f"no channel is enabled for platform {item.platform!r}", retry=False)
            handle = await transport.deliver(item)
        except DeliveryError as e:
            if e.hold:
                async with self._sessions.begin() as session:
                    await hold_outbox(session, outbox_id, str(e), self._clock.now(), started_at=started)
                log.info("held until the recipient writes again", extra={**context, "error": str(e)})
                return None
            await self._failed(
                outbox_id, str(e), attempts, e.retry, e.wait, context, started, uncertain=e.uncertain
            )
            return None
        except Exception as e:  # network trouble, a bug in a transport: retry with backoff, maybe shown
            log.warning("delivery raised", exc_info=True, extra=context)
            await self._failed(
                outbox_id, f"{type(e).__name__}: {e}", attempts, True, None, context, started, uncertain=True
            )
            return None
        return _Delivered(outbox_id, handle, item.platform, item.target, context)

    async def _failed(
        self,
        outbox_id: int,
        error: str,
        attempts: int,
        retry: bool,
        wait: timedelta | None,
        context: dict[str, object],
        started: datetime | None,
        *,
        uncertain: bool = False,
    ) -> None:
        now = self._clock.now()
        async with self._sessions.begin() as session:
            if wait is not None:
                await reschedule_outbox(
                    session, outbox_id, error, now + wait, count_attempt=False, started_at=started
                )
                log.warning("rate limited, waiting", extra={**context, "wait_s": wait.total_seconds()})
            elif not retry:
                await mark_outbox_dead(session, outbox_id, error, now, started_at=started)
                log.error("undeliverable: check the configuration", extra={**context, "error": error})
            elif attempts >= self._backoff.max_attempts:
                await mark_outbox_dead(session, outbox_id, error, now, started_at=started)
                log.error("dead after repeated failures", extra={**context, "error": error})
            else:
                when = now + self._backoff.delay(attempts, self._rng)
                await reschedule_outbox(
                    session, outbox_id, error, when, uncertain=uncertain, started_at=started
                )
                log.warning(
                    "delivery failed, will retry", extra={**context, "error": error, "retry_at": when}
                )

    async def run(self, limit: int = 20) -> None:
        while True:
            try:
                # A pass that tried fewer than `limit` rows found none due after them: another pass now
                # would claim nothing (a round trip a reply) until the next wake-up or poll.
                while await self.send_due(limit) >= limit:
                    pass
            except Exception:  # keep the sender alive through a database hiccup
                log.exception("outbox pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._poll_interval)
            self._wake.clear()


def _team_of(row: OutboxMessage) -> str:
    """What to log for a group post: its team, never the robot's key."""
    team = (row.payload or {}).get("route", {}).get("team")
    return f"team {team}" if team else "group robot of no configured team"
