"""Wake-ups and live updates between the instances of one bot: a message accepted by one wakes the
others' processors, an outbox row written by one wakes the others' senders, a console reply delivered by
one reaches the browsers connected to another.

On PostgreSQL through LISTEN/NOTIFY, on one connection the app owns, reconnected when it drops; SQLite
serves one process, where the in-process notifier reaches only notifiers on the same LocalBus (tests run
several apps in one process); with `[database] redis_url` set, Redis pub/sub carries them instead
(bot.core.redis_notify.RedisNotifier, the same interface). What is published is small (ids, never rows:
a NOTIFY payload must stay under 8,000 bytes), and a listener never hears what its own instance
published: the instance acts on that directly. A notification is a hint, never the record: the database
says what is due, and every worker still polls, so one lost while the connection was down costs a poll
interval, no more.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger("salesbot.notify")

INBOUND = "salesbot_inbound"  # a message was accepted: processors, look
OUTBOX = "salesbot_outbox"  # outbox rows were written: senders, look
CONSOLE = "salesbot_console"  # a console item was delivered: {"id": outbox id, "target": person key}

MAX_PAYLOAD = 7900  # bytes; PostgreSQL refuses a NOTIFY payload of 8,000 or more
MAX_PENDING = 1000  # notifications waiting for the connection to come back; the oldest are dropped
KEEPALIVE = 30.0  # seconds of quiet after which the listening connection is checked
RECONNECT_DELAY = 1.0  # seconds between attempts to reconnect
APPLICATION_NAME = "salesbot notify"  # how the listening connections show in pg_stat_activity

Listener = Callable[[str], None]
Sleep = Callable[[float], Awaitable[object]]


class Notifier(Protocol):
    def publish(self, channel: str, payload: str = "") -> None:
        """Tell the other instances (never blocks; sent in the background)."""
        ...

    def listen(self, channel: str, listener: Listener) -> None:
        """Call `listener(payload)` for what other instances publish on `channel`; after a reconnect,
        with "" (something may have been missed)."""
        ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...


class Listeners:
    def __init__(self) -> None:
        self._by_channel: dict[str, list[Listener]] = {}

    def add(self, channel: str, listener: Listener) -> None:
        self._by_channel.setdefault(channel, []).append(listener)

    @property
    def channels(self) -> set[str]:
        return set(self._by_channel)

    def call(self, channel: str, payload: str) -> None:
        for listener in self._by_channel.get(channel, ()):
            try:
                listener(payload)
            except Exception:  # one listener's bug must not silence the others
                log.exception("notification listener failed", extra={"channel": channel})


class LocalBus:
    """Notifiers in one process that hear each other (one app alone has a bus of its own)."""

    def __init__(self) -> None:
        self.members: list[LocalNotifier] = []


class LocalNotifier:
    """The in-process Notifier (SQLite: one instance)."""

    def __init__(self, bus: LocalBus | None = None) -> None:
        self._bus = bus or LocalBus()
        self._listeners = Listeners()

    def publish(self, channel: str, payload: str = "") -> None:
        loop = asyncio.get_running_loop()
        for other in self._bus.members:
            if other is not self:
                loop.call_soon(other._listeners.call, channel, payload)

    def listen(self, channel: str, listener: Listener) -> None:
        self._listeners.add(channel, listener)

    async def start(self) -> None:
        self._bus.members.append(self)

    async def close(self) -> None:
        if self in self._bus.members:
            self._bus.members.remove(self)


class ConnectedNotifier:
    """What a notifier on a server connection does whatever the server: queue what to publish (the
    newest kept when the connection is down for long), keep the listeners, and run one session after
    another, reconnecting after `reconnect_delay`. A session (`_session`, the server's own part) ends by
    raising one of `LOST`; payloads on the wire carry the instance's id, so its own come back and are
    dropped."""

    LOST: tuple[type[BaseException], ...] = (OSError, TimeoutError)

    def __init__(
        self,
        *,
        connect_timeout: float = 5.0,
        reconnect_delay: float = RECONNECT_DELAY,
        keepalive: float = KEEPALIVE,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._connect_timeout, self._reconnect_delay = connect_timeout, reconnect_delay
        self._keepalive = keepalive
        self._sleep = sleep
        self.instance = uuid.uuid4().hex[:12]
        self._listeners = Listeners()
        self._pending: dict[tuple[str, str], None] = {}  # in order; the same notification twice is one
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()  # set while connected (tests wait on it; /healthz could say it)
        self.listening = asyncio.Event()  # set while every channel listened to is subscribed
        self.connections = 0  # how many times it connected (1 + reconnects)

    def publish(self, channel: str, payload: str = "") -> None:
        wire = self.wire(payload)
        self._pending[(channel, wire)] = None
        while len(self._pending) > MAX_PENDING:  # the connection is down for long: keep the newest
            del self._pending[next(iter(self._pending))]
        self._wake.set()

    def wire(self, payload: str) -> str:
        """The payload as sent: with this instance's id, by which it knows (and drops) its own."""
        wire = f"{self.instance}:{payload}"
        if len(wire.encode()) > MAX_PAYLOAD:  # PostgreSQL's bound, kept on Redis too: either may serve
            raise ValueError(f"notification payload of {len(wire.encode())} bytes; publish ids, not rows")
        return wire

    def listen(self, channel: str, listener: Listener) -> None:
        self._listeners.add(channel, listener)
        self.listening.clear()
        self._wake.set()  # a running connection subscribes to a new channel

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            try:
                await self._session()
            except self.LOST as e:
                error = f"{type(e).__name__}: {e}"
                log.warning("notification connection lost, reconnecting", extra={"error": error})
            finally:
                self.connected.clear()
                self.listening.clear()
            await self._sleep(self._reconnect_delay)

    async def _session(self) -> None:
        raise NotImplementedError


class PostgresNotifier(ConnectedNotifier):
    """LISTEN/NOTIFY on one dedicated asyncpg connection, which also sends this instance's notifications
    (one task does both, in order)."""

    LOST = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)

    def __init__(self, url: str, **options: Any) -> None:
        super().__init__(**options)
        self._dsn = asyncpg_dsn(url)

    async def _session(self) -> None:
        conn: Any = await asyncpg.connect(
            self._dsn, timeout=self._connect_timeout, server_settings={"application_name": APPLICATION_NAME}
        )
        lost = asyncio.Event()
        conn.add_termination_listener(lambda _conn: lost.set())
        subscribed: set[str] = set()
        try:
            self.connections += 1
            await self._subscribe(conn, subscribed)
            self.connected.set()
            if self.connections > 1:  # notifications sent while it was down are gone: everyone, look
                for channel in self._listeners.channels:
                    self._listeners.call(channel, "")
            while not lost.is_set():
                await self._subscribe(conn, subscribed)
                await self._send_pending(conn)
                if not await self._wait(lost):
                    await conn.execute("SELECT 1", timeout=self._connect_timeout)  # quiet: still there?
            raise ConnectionError("the notification connection was closed")
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), self._connect_timeout)

    async def _subscribe(self, conn: Any, subscribed: set[str]) -> None:
        for channel in sorted(self._listeners.channels - subscribed):
            await conn.add_listener(channel, self._received)
            subscribed.add(channel)
        if subscribed >= self._listeners.channels:
            self.listening.set()

    async def _send_pending(self, conn: Any) -> None:
        self._wake.clear()
        while self._pending:
            channel, wire = next(iter(self._pending))
            await conn.execute("SELECT pg_notify($1, $2)", channel, wire)
            self._pending.pop((channel, wire), None)  # sent: only now, so a failure keeps it for later

    async def _wait(self, lost: asyncio.Event) -> bool:
        """Wait for something to send, a lost connection or the keep-alive; False on the keep-alive."""
        waiters = [asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(lost.wait())]
        try:
            done, _ = await asyncio.wait(
                waiters, timeout=self._keepalive, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            for waiter in waiters:
                waiter.cancel()
        return bool(done)

    def _received(self, _conn: object, _pid: int, channel: str, wire: str) -> None:
        instance, _, payload = wire.partition(":")
        if instance != self.instance:
            self._listeners.call(channel, payload)


def statement_notice(notifier: Notifier, channel: str, payload: str = "") -> tuple[str, str] | None:
    """What a statement on the database sends to publish `payload` on `channel` itself (pg_notify with its
    commit, as `publish` would after it), when the notifier is the database's LISTEN/NOTIFY; else None, and
    the notification is published as usual.

    Why: a NOTIFY of its own after every accepted and every processed message was two round trips a
    message on the notifier's connection, a fifth of all the bot sent; carried by the INSERT or UPDATE that
    makes it true it costs none, and it reaches the listeners exactly when that commits."""
    if not isinstance(notifier, PostgresNotifier):
        return None
    return channel, notifier.wire(payload)


def asyncpg_dsn(url: str) -> str:
    """asyncpg's DSN for a SQLAlchemy URL (postgresql+asyncpg://... -> postgresql://...)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def notifier_for(url: str, connect_timeout: float) -> Notifier:
    """LISTEN/NOTIFY on PostgreSQL; on SQLite (one process) the in-process notifier."""
    if url.startswith("sqlite"):
        return LocalNotifier()
    return PostgresNotifier(url, connect_timeout=connect_timeout)
