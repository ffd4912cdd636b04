"""What the ad-pull tests share: an accept that dedupes like the pipeline, cursors in a dict, a token store
that says when it changed (so a waiting instance wakes on the other's refresh, not on wall-clock time),
and a puller for a fake platform."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

import aiohttp

from bot.channels.ads.lead import AdLead, to_message
from bot.channels.ads.oceanengine import OceanEngineClient
from bot.channels.ads.pull import LeadApi, Puller
from bot.channels.ads.tencent import DEFAULTS as TENCENT_DEFAULTS
from bot.channels.ads.tencent import TencentAdsClient
from bot.channels.tokens import Cursors, MemoryTokenCache, TokenCache
from bot.clock import FixedClock
from bot.config import LeadSourceConfig
from bot.types import Message

# What the 飞鱼 push maps by default (its receiver owns the real table): the pull answers to the same names.
FEIYU_DEFAULTS = {
    "name": "contact",
    "telphone": "phone",
    "city_name": "city",
    "remark_dict.意向产品": "product",
}


class RecordingAccept:
    """The pipeline's accept as far as the pull sees it: unique on (platform, platform_msg_id), returning
    the ids of the rows it inserted."""

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], Message] = {}
        self.calls = 0
        self.arrived = asyncio.Event()  # set once something new was stored

    async def __call__(self, messages: Sequence[Message]) -> list[int]:
        self.calls += 1
        new = []
        for message in messages:
            key = (message.platform, message.platform_msg_id)
            if key not in self.stored:
                self.stored[key] = message
                new.append(len(self.stored))
                self.arrived.set()
        return new

    def refs(self) -> set[str]:
        return {m.platform_msg_id for m in self.stored.values()}


class DictCursors:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def put(self, key: str, cursor: str) -> None:
        self.values[key] = cursor


class SignallingTokens(MemoryTokenCache):
    """A memory token store that wakes `wait_for_change` whenever a compare-and-set succeeds."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = asyncio.Condition()

    async def replace(self, key: str, old: str | None, new: str, expires_at: datetime) -> bool:
        done = await super().replace(key, old, new, expires_at)
        if done:
            async with self.changed:
                self.changed.notify_all()
        return done

    async def wait_for_change(self, seconds: float) -> None:
        async with asyncio.timeout(5), self.changed:  # a safety net only: a change comes within ms
            await self.changed.wait()


class ClockSleep:
    """An injected sleep that moves the fixed clock and records the wait."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock, self.calls = clock, []  # type: list[float]

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)


def puller(
    source: LeadSourceConfig,
    client: LeadApi,
    clock: FixedClock,
    *,
    tokens: TokenCache | None = None,
    cursors: Cursors | None = None,
    accept: RecordingAccept | None = None,
    sleep: object = None,
) -> Puller:
    defaults = TENCENT_DEFAULTS if source.platform == "tencent" else FEIYU_DEFAULTS

    def message(lead: AdLead) -> Message:
        return to_message(lead, source, defaults)

    return Puller(
        source,
        client,
        tokens if tokens is not None else MemoryTokenCache(),
        cursors if cursors is not None else DictCursors(),
        accept if accept is not None else RecordingAccept(),
        clock,
        to_message=message,
        sleep=sleep if sleep is not None else ClockSleep(clock),  # type: ignore[arg-type]
    )


def oceanengine(
    source: LeadSourceConfig, http: aiohttp.ClientSession, clock: FixedClock, **kw: int
) -> OceanEngineClient:
    return OceanEngineClient(source, http, clock, timeout=2.0, **kw)


def tencent(
    source: LeadSourceConfig, http: aiohttp.ClientSession, clock: FixedClock, **kw: int
) -> TencentAdsClient:
    return TencentAdsClient(source, http, clock, timeout=2.0, **kw)
