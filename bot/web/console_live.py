"""The console's live stream across instances: a reply one instance delivers on the console reaches the
browsers connected to every other one.

The instance that delivers it hands it to its own browsers (ConsoleChannel.deliver), then, once the row
is recorded sent, publishes its outbox id and target (never the row: a notification is small). Every
other instance with a browser watching that target reads the row and hands it to its own. The page drops
an item it already has by its handle, so a double (a history read racing the stream) shows once.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.console.channel import ConsoleHub
from bot.core.notify import CONSOLE, Notifier
from bot.web.console_reads import console_event

log = logging.getLogger("salesbot.console")

Sessions = Callable[[], async_sessionmaker[AsyncSession]]


class ConsoleRelay:
    def __init__(self, sessions: Sessions, hub: ConsoleHub, notifier: Notifier) -> None:
        self._sessions, self._hub, self._notifier = sessions, hub, notifier
        self._reads: set[asyncio.Task[None]] = set()
        notifier.listen(CONSOLE, self.received)

    def sent(self, outbox_id: int, platform: str, target: str) -> None:
        """The outbox sender recorded a row sent (OutboxSender.on_sent): tell the other instances."""
        if platform == "console":
            self._notifier.publish(CONSOLE, json.dumps({"id": outbox_id, "target": target}))

    def received(self, payload: str) -> None:
        """Another instance delivered a console item: read it if someone here watches its target."""
        try:
            data = json.loads(payload) if payload else None
            outbox_id, target = int(data["id"]), str(data["target"])  # type: ignore[index]
        except (ValueError, TypeError, KeyError):
            return  # "" after a reconnect (what was missed is in the page's history), or not ours
        if not self._hub.watching(target):
            return
        read = asyncio.create_task(self._forward(outbox_id))
        self._reads.add(read)
        read.add_done_callback(self._reads.discard)

    async def _forward(self, outbox_id: int) -> None:
        try:
            async with self._sessions()() as session:
                found = await console_event(session, outbox_id)
        except Exception:  # the database hiccuped: the page shows it from its history on reload
            log.warning("console item from another instance not read", exc_info=True, extra={"id": outbox_id})
            return
        if found is not None:
            self._hub.publish(*found)

    async def close(self) -> None:
        for read in list(self._reads):
            read.cancel()
        await asyncio.gather(*self._reads, return_exceptions=True)
