"""The scheduled pull that reconciles an ad platform's leads with what its push delivered: every
pull_interval, every lead submitted since the last pull (minus pull_overlap) is handed to the pipeline,
whose unique (platform, platform_msg_id) keeps only what the push missed.

The window ends `settle` before now, because some fields of a lead (巨量: about ten minutes) arrive late and
a lead accepted early would be stored without them. The cursor (where the last pull ended) moves only
after a whole window went in, so a failed pull is covered by the next one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.channels.ads.api import AccessToken, PullError, RefreshRefused
from bot.channels.ads.lead import AdLead
from bot.channels.ads.oauth import OAuthTokens, TokenPair
from bot.channels.base import Accept
from bot.channels.tokens import Cursors, TokenCache
from bot.clock import Clock
from bot.config import LeadSourceConfig
from bot.types import Message

log = logging.getLogger("salesbot.ads")

Sleep = Callable[[float], Awaitable[object]]
ToMessage = Callable[[AdLead], Message]
SETTLE = timedelta(minutes=10)


class LeadApi(Protocol):
    """A platform's pull API (OceanEngineClient, TencentAdsClient)."""

    platform: str

    async def refresh(self, refresh_token: str) -> TokenPair: ...

    def pages(self, access: AccessToken, start: datetime, end: datetime) -> AsyncIterator[list[AdLead]]: ...


class Puller:
    """One lead source's pull. `stopped` says why it no longer pulls (None while it does)."""

    def __init__(
        self,
        source: LeadSourceConfig,
        client: LeadApi,
        tokens: TokenCache,
        cursors: Cursors,
        accept: Accept,
        clock: Clock,
        *,
        to_message: ToMessage,
        sleep: Sleep = asyncio.sleep,
        settle: timedelta = SETTLE,
    ) -> None:
        self.source, self._client, self._cursors, self._accept = source, client, cursors, accept
        self._clock, self._to_message, self._sleep, self._settle = clock, to_message, sleep, settle
        self.cursor_key = f"ads:{source.name}:pulled_until"
        self.oauth = OAuthTokens(
            key=f"ads:{source.name}:oauth",
            source=source.name,
            seed=source.refresh_token,
            refresh=client.refresh,
            tokens=tokens,
            clock=clock,
            sleep=sleep,
        )
        self.stopped: str | None = None

    async def run(self) -> None:
        """Pull every pull_interval until cancelled; a refused refresh token ends it, said once at ERROR."""
        while True:
            try:
                await self.pull_once()
            except RefreshRefused as e:
                self.stopped = str(e)
                log.error("ads pull stopped: %s", e, extra={"source": self.source.name, "detail": e.detail})
                return
            except PullError as e:
                log.warning(
                    "ads pull failed, retried next time", extra={"source": self.source.name, "error": str(e)}
                )
            except Exception:
                log.exception("ads pull failed, retried next time", extra={"source": self.source.name})
            await self._sleep(self.source.pull_interval.total_seconds())

    async def pull_once(self) -> int:
        """One window from the stored cursor to now (less the settle time); the number of new messages."""
        end = self._clock.now() - self._settle
        start = (await self._since(end)) - self.source.pull_overlap
        if start >= end:
            return 0
        new = 0
        async for page in self._client.pages(self.oauth.access_token, start, end):
            if page:
                new += len(await self._accept([self._to_message(lead) for lead in page]))
        await self._cursors.put(self.cursor_key, end.isoformat())
        log.info(
            "ads pull done",
            extra={"source": self.source.name, "new": new, "from": start.isoformat(), "to": end.isoformat()},
        )
        return new

    async def _since(self, end: datetime) -> datetime:
        stored = await self._cursors.get(self.cursor_key)
        try:
            since = datetime.fromisoformat(stored) if stored else end
        except ValueError:
            log.warning(
                "unreadable pull cursor ignored", extra={"source": self.source.name, "cursor": stored}
            )
            since = end
        return min(since, end)
