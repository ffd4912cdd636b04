"""The one path a message takes: accept it durably, then process it off the request path.

`accept` runs on the request path: one short transaction that records the messages (a
platform's retry records nothing new) and commits before the platform is answered.
`run` is the processor: it claims one pending message per transaction, hands it to
`process` (person, extraction, handler, outbox rows: all in that same transaction) and
marks it done, so the handler's writes, its outgoing messages and the done mark commit
together or not at all. Rows left by a crash are still pending and are processed after
restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import log as botlog
from bot.clock import Clock
from bot.core.group_commit import GroupCommit
from bot.types import Message, PermissionDenied
from storage.db import DatabaseUnavailable, describe_error, is_unavailable
from storage.inbound import (
    LOOK_UP_SENDER,
    Notice,
    SenderUnread,
    claim_inbound,
    claim_next_inbound,
    finish_inbound,
    message_of,
    record_inbound_failure,
    replace_inbound,
)
from storage.models import InboundMessage, Person

log = logging.getLogger("salesbot.pipeline")


class Process(Protocol):
    """What processing a claimed message is (bot.core.router.Router.process). `sender` is the member who
    wrote it as the claim read it (None: no member), or LOOK_UP_SENDER when the claim did not read them.
    It raises PermissionDenied when a handler refuses the writer: the pipeline rolls back everything it
    wrote and calls it again on the same message with `refused`, to answer with the refusal alone. What it
    returns are outbox rows for the pipeline to write with the message's done mark, in its transaction."""

    def __call__(
        self,
        session: AsyncSession,
        row: InboundMessage,
        sender: Person | SenderUnread | None,
        refused: PermissionDenied | None = None,
    ) -> Awaitable[Sequence[Mapping[str, Any]] | None]: ...


class Enricher(Protocol):
    """A channel's network work on a message before processing (bot.channels.base.Channel).

    It runs with no transaction open, so a slow platform never holds the database. What it returns
    replaces the stored message, which is then processed as usual (and must not need enriching
    again); None means the channel dealt with it wholly, and the row is done."""

    def needs_enrichment(self, message: Message) -> bool: ...

    async def enrich(self, message: Message) -> Message | None: ...


YIELD_MAX = 0.25  # seconds the processor waits for receiving to pause before taking the next message
# What makes a pause: nothing received for as long as processing the last message took (at least QUIET,
# at most QUIET_MAX seconds). A message is processed to its end once started (milliseconds, and on SQLite
# holding the one write lock), so it is started only when it is likely to end before the next callback
# comes; callbacks that come more often than that are more than the processor could keep up with anyway,
# and it catches up after. In a burst the platform sends the next callbacks as soon as the last were
# answered: the answers to one group commit leave a gap of a fraction of a millisecond, and a message
# processed in it held up the whole next group.
# A pause as long as a message's processing is needed where processing holds what accepting needs: SQLite's
# one connection, which a message being processed keeps until it commits. On a server database with a pool,
# accepting only shares the CPU with processing, whose steps between round trips are short: there a pause of
# QUIET is enough to let a burst's next callbacks in first. (Waiting for a pause as long as a message's
# processing starved it there: at 200 callbacks a second such a pause seldom comes, and replies fell
# seconds behind; not waiting for any pause put the accept p99 at 500/s over 20 ms.)
QUIET = 0.002
QUIET_MAX = 0.05
POLL_INTERVAL = 1.0  # seconds; picks up rows another instance accepted, and retries that backed off
ACCEPT_TIMEOUT = 3.0  # seconds a request waits to store its messages; the platform retries after 5


class Pipeline:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        process: Process,
        poll_interval: float = POLL_INTERVAL,
        enrichers: Mapping[str, Enricher] | None = None,
        on_processed: Callable[[], None] | None = None,
        accept_timeout: float = ACCEPT_TIMEOUT,
        on_accepted: Callable[[], None] | None = None,
        pause_as_long_as_a_step: bool = True,
        accepted_notice: Notice | None = None,
        processed_notice: Notice | None = None,
    ) -> None:
        """`accepted_notice` and `processed_notice` (PostgreSQL): notifications the statement that stores a
        new message, and the one that marks a processed message done, send themselves, delivered with
        their commit (bot.core.notify.statement_notice); `on_accepted` and `on_processed` then need not
        publish them, a round trip each."""
        self._sessions = sessions
        self._clock = clock
        self._process = process
        self._enrichers = dict(enrichers or {})  # by platform
        self.on_processed = on_processed  # e.g. wake the outbox sender for the replies just committed
        self.on_accepted = on_accepted  # e.g. wake the other instances' processors
        self._poll_interval = poll_interval
        self._accept_timeout = accept_timeout
        self._wake = asyncio.Event()
        self._group_commit = GroupCommit(sessions, clock, accepted_notice)
        self._processed_notice = processed_notice
        self._accepting = 0  # requests being received (see receiving); background work gives way
        self._quiet = asyncio.Event()
        self._quiet.set()
        self._received_at = -math.inf  # event loop time the last request finished being received
        self._step = 0.0  # seconds the last message took to process (see give_way)
        self._pause_max = QUIET_MAX if pause_as_long_as_a_step else QUIET  # see QUIET

    async def accept(self, messages: Sequence[Message]) -> list[int]:
        """Store the messages durably; returns the ids of those not seen before.

        Raises DatabaseUnavailable when the database cannot store them within the accept timeout
        (unreachable, not answering, read-only): the request answers 503 and the platform retries,
        instead of holding the request (and those queued behind it) until the platform gives up."""
        try:
            async with asyncio.timeout(self._accept_timeout):
                new = await self._group_commit.record(messages)
        except Exception as e:
            if not is_unavailable(e):
                raise
            log.warning("accept failed: database unavailable", extra={"error": describe_error(e)})
            raise DatabaseUnavailable(describe_error(e)) from e
        new_ids = []
        for message in messages:
            row_id = new.get((message.platform, message.platform_msg_id))
            if row_id is not None:
                new_ids.append(row_id)
            log.info(
                "accepted" if row_id is not None else "duplicate ignored",
                extra={"platform": message.platform, "msg_id": message.platform_msg_id, "kind": message.kind},
            )
        if new_ids:
            self._wake.set()
            if self.on_accepted is not None:
                self.on_accepted()
        return new_ids

    def wake(self) -> None:
        """Look for pending messages now (another instance accepted some)."""
        self._wake.set()

    async def close(self) -> None:
        """Stop the accept path's writer task (the app calls this at shutdown)."""
        await self._group_commit.close()

    @contextlib.contextmanager
    def receiving(self) -> Iterator[None]:
        """Mark a request being received (decrypted, parsed, accepted): the processor gives way."""
        self._accepting += 1
        self._quiet.clear()
        try:
            yield
        finally:
            self._accepting -= 1
            if not self._accepting:
                self._received_at = asyncio.get_running_loop().time()
                self._quiet.set()

    async def give_way(self) -> None:
        """Wait (at most YIELD_MAX) for a pause in receiving: as long as the last message's processing
        took, or with `pause_as_long_as_a_step` False just QUIET (see QUIET); background work calls this
        first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + YIELD_MAX
        while (left := deadline - loop.time()) > 0:
            if self._accepting:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._quiet.wait(), timeout=left)
                continue
            pause = self._received_at + min(max(QUIET, self._step), self._pause_max) - loop.time()
            if pause <= 0:
                return
            await asyncio.sleep(min(pause, left))

    async def process_next(self) -> bool:
        """Process the oldest pending message; False when there is none due."""
        now = self._clock.now()
        inbound_id: int | None = None
        unenriched: tuple[Enricher, Message] | None = None
        started = asyncio.get_running_loop().time()
        try:
            try:
                async with self._sessions.begin() as session:
                    claimed = await claim_next_inbound(session, now)
                    if claimed is None:
                        return False
                    inbound_id = claimed.row.id
                    message = message_of(claimed.row)
                    enricher = self._enrichers.get(message.platform)
                    if enricher is not None and enricher.needs_enrichment(message):
                        unenriched = enricher, message  # leave the transaction, writing nothing: fetch first
                    else:
                        await self._process_claimed(session, claimed.row, claimed.sender, None)
            except PermissionDenied as denied:
                # A handler refused halfway: none of its writes survived the rollback (a savepoint around
                # every message cost two round trips for this rare case). Answered with the refusal alone.
                if inbound_id is None:
                    raise
                async with self._sessions.begin() as session:
                    row = await claim_inbound(session, inbound_id)
                    if row is not None:  # else another instance took it up meanwhile
                        await self._process_claimed(session, row, LOOK_UP_SENDER, denied)
            self._step = asyncio.get_running_loop().time() - started
            if unenriched is not None:
                await self._enrich_one(inbound_id, *unenriched)
                return True
            log.info("processed", extra={"inbound_id": inbound_id})
            if self.on_processed is not None:
                self.on_processed()
            return True
        except Exception as e:  # one bad message must not stop the queue; it backs off and is kept
            if inbound_id is None:
                raise
            log.exception("processing failed", extra={"inbound_id": inbound_id})
            await self._failed(inbound_id, e, now)
            return True

    async def _process_claimed(
        self,
        session: AsyncSession,
        row: InboundMessage,
        sender: Person | SenderUnread | None,
        refused: PermissionDenied | None,
    ) -> None:
        token = botlog.msg_id.set(f"{row.platform}:{row.platform_msg_id}")
        try:
            replies = await (
                self._process(session, row, sender)
                if refused is None
                else self._process(session, row, sender, refused)
            )
            await finish_inbound(session, row.id, self._clock.now(), replies or (), self._processed_notice)
        finally:
            botlog.msg_id.reset(token)

    async def _enrich_one(self, inbound_id: int, enricher: Enricher, message: Message) -> None:
        enriched = await enricher.enrich(message)  # a failure backs off like a failed processing
        async with self._sessions.begin() as session:
            if enriched is None:
                await finish_inbound(session, inbound_id, self._clock.now())
            else:
                await replace_inbound(session, inbound_id, enriched)

    async def _failed(self, inbound_id: int, error: Exception, now: datetime) -> None:
        async with self._sessions.begin() as session:
            status = await record_inbound_failure(
                session, inbound_id, f"{type(error).__name__}: {error}", now
            )
        if status == "failed":
            log.error("message parked after repeated failures", extra={"inbound_id": inbound_id})

    async def drain(self) -> int:
        """Process every message that is due now; returns how many were handled."""
        count = 0
        while await self.process_next():
            count += 1
        return count

    async def run(self) -> None:
        """The processor loop: sweep at start (crash leftovers), then on every accept or poll tick.

        Acknowledging comes first: the platform retries a callback it has no answer to after 5 s,
        while a reply a few seconds late is fine. So while callbacks are being accepted, the processor
        waits for a quiet moment (at most YIELD_MAX) before each message; in a burst it falls behind
        and catches up after, instead of slowing down every acknowledgement."""
        while True:
            try:
                while True:
                    await self.give_way()
                    if not await self.process_next():
                        break
            except Exception:  # e.g. the database is briefly unreachable: keep the loop alive
                log.exception("processor sweep failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._poll_interval)
            self._wake.clear()
