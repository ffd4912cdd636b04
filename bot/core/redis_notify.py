"""The Notifier (bot.core.notify) over Redis pub/sub, used instead of PostgreSQL LISTEN/NOTIFY when
`[database] redis_url` is set: the same channels, payloads and guarantees (a hint, never the record;
an instance never hears its own; after a reconnect every listener is told to look).

The app owns one subscriber connection, reconnected when it drops; publishing goes over a second
connection of the same client (a subscribed Redis connection may only subscribe and ping). Channel names
carry `[database] redis_prefix`, so deployments (or test runs) sharing one Redis never hear each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from bot.core.notify import ConnectedNotifier

log = logging.getLogger("salesbot.notify")

DEFAULT_PREFIX = "salesbot:"


class RedisNotifier(ConnectedNotifier):
    """Redis pub/sub on one subscriber connection (and a second for publishing: a subscribed Redis
    connection cannot publish)."""

    LOST = (OSError, TimeoutError, RedisError)

    def __init__(self, url: str, *, prefix: str = DEFAULT_PREFIX, **options: Any) -> None:
        super().__init__(**options)
        self._url, self._prefix = url, prefix
        self.client_name = f"salesbot-notify-{self.instance}"  # how its connections show in CLIENT LIST

    async def _session(self) -> None:
        # No retries inside redis-py: it would reconnect and resubscribe silently, and the listeners
        # would never learn that notifications were missed meanwhile.
        client = Redis.from_url(
            self._url,
            decode_responses=True,
            client_name=self.client_name,
            socket_connect_timeout=self._connect_timeout,
            retry=Retry(NoBackoff(), 0),
        )
        pubsub = client.pubsub()
        try:
            await client.ping()
            await pubsub.connect()
            self.connections += 1
            self.connected.set()
            if self.connections > 1:  # notifications sent while it was down are gone: everyone, look
                for channel in self._listeners.channels:
                    self._listeners.call(channel, "")
            tasks = [
                asyncio.create_task(self._read(pubsub)),
                asyncio.create_task(self._write(client, pubsub)),
            ]
            try:
                done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            for task in done:
                task.result()  # the error that ended the session
            raise ConnectionError("the notification connection was closed")
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(pubsub.aclose(), self._connect_timeout)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.aclose(), self._connect_timeout)

    async def _write(self, client: Redis, pubsub: PubSub) -> None:
        """Subscribe to new channels and send what is pending, each time there is something."""
        subscribed: set[str] = set()
        while True:
            self._wake.clear()
            new = sorted(self._listeners.channels - subscribed)
            if new:
                await pubsub.subscribe(*(self._prefix + channel for channel in new))
                subscribed.update(new)
            if not subscribed:  # nothing to listen to: nothing to wait for either
                self.listening.set()
            while self._pending:
                channel, wire = next(iter(self._pending))
                await client.publish(self._prefix + channel, wire)
                self._pending.pop((channel, wire), None)  # sent: only now, so a failure keeps it for later
            await self._wake.wait()

    async def _read(self, pubsub: PubSub) -> None:
        """Hand what arrives to the listeners; a quiet connection is pinged, and one that does not answer
        within another keep-alive period is taken for lost."""
        confirmed: set[str] = set()
        pinged = False
        while True:
            message: dict[str, Any] | None = await pubsub.get_message(timeout=self._keepalive)
            if message is None:
                if pinged:
                    raise TimeoutError("no answer to PING on the notification connection")
                await pubsub.ping()
                pinged = True
                continue
            pinged = False
            kind, channel = message["type"], str(message["channel"] or "").removeprefix(self._prefix)
            if kind == "subscribe":  # only a confirmed subscription hears what is published after it
                confirmed.add(channel)
                if confirmed >= self._listeners.channels:
                    self.listening.set()
            elif kind == "message":
                instance, _, payload = str(message["data"]).partition(":")
                if instance != self.instance:
                    self._listeners.call(channel, payload)
