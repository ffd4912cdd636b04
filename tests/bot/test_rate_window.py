"""WeChat Work's per-member limit counted across instances: the window kept in PostgreSQL hands out the same
times as the in-memory one, two instances reserving for one member at once stay within its limit, and two
clients (two instances) sending 31 messages to one member in a minute deliver 30 and hold the 31st back,
where two in-memory windows let the platform drop one silently."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import CHANNELS, create_app
from bot.channels.ratelimit import MemoryRateWindow, RateWindow
from bot.channels.tokens import MemoryTokenCache
from bot.channels.wecom.channel import WeComChannel
from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.errors import PlatformError
from bot.channels.wecom.ratelimit import MEMBER_LIMITS, MemberRateLimiter
from bot.clock import FixedClock
from bot.config import Config
from bot.core.stores import DatabaseRateWindow
from bot.fakes.wecom import SAMPLE_APP, FakeWeCom, serve_fake_wecom
from storage.db import create_engine, session_factory
from storage.models import SendSlot
from tests.extractors import Extractors

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SMALL = ((timedelta(minutes=1), 3), (timedelta(hours=1), 10))


@pytest.fixture
async def pg(engine: AsyncEngine) -> AsyncEngine:
    if engine.dialect.name != "postgresql":
        pytest.skip("the shared window is PostgreSQL's; SQLite serves one process, which keeps it in memory")
    return engine


@pytest.fixture
async def other(database_url: str, pg: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)  # a second instance's own pool
    try:
        yield engine
    finally:
        await engine.dispose()


async def slots_stored(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(SendSlot)) or 0)


async def test_the_shared_window_hands_out_the_times_the_memory_one_does(pg: AsyncEngine) -> None:
    memory, shared = MemoryRateWindow(SMALL), DatabaseRateWindow(session_factory(pg), SMALL)
    moments = [
        T0,
        T0,
        T0,
        T0,
        T0 + timedelta(seconds=30),
        T0 + timedelta(minutes=3),
        T0 + timedelta(minutes=3),
    ]
    moments += [T0 + timedelta(minutes=4)] * 6 + [T0 + timedelta(hours=2)]
    for window in (memory, shared):
        assert await window.next_slot("a", T0) == T0
    got = [(await memory.reserve("a", now), await shared.reserve("a", now)) for now in moments]
    assert [m for m, _ in got] == [s for _, s in got]
    assert got[3][0] == T0 + timedelta(minutes=1)  # the 4th in a minute waits for the minute
    assert await shared.next_slot("b", T0) == T0  # keys are independent
    assert await slots_stored(pg) == 1  # after two hours, only the last reservation is kept


async def test_only_now_reserves_nothing_when_the_window_is_full(pg: AsyncEngine) -> None:
    shared = DatabaseRateWindow(session_factory(pg), SMALL)
    for _ in range(3):
        assert await shared.reserve("a", T0, only_now=True) == T0
    assert await shared.reserve("a", T0, only_now=True) == T0 + timedelta(minutes=1)
    assert await slots_stored(pg) == 3


async def test_two_instances_reserving_at_once_stay_within_the_member_limit(
    pg: AsyncEngine, other: AsyncEngine
) -> None:
    one, two = (DatabaseRateWindow(session_factory(e), MEMBER_LIMITS) for e in (pg, other))
    slots = await asyncio.gather(*(w.reserve("LiNa", T0) for _ in range(16) for w in (one, two)))
    assert sorted(slots) == [T0] * 30 + [T0 + timedelta(minutes=1)] * 2


async def send_31(windows: tuple[RateWindow, RateWindow]) -> tuple[FakeWeCom, int]:
    """Two clients (two instances) of one app send 31 messages to LiNa at the same minute, as the outbox
    sends (not waiting); returns the fake and how many sends were held back as rate-limited."""
    clock = FixedClock(T0)
    fake = FakeWeCom(SAMPLE_APP, clock, users={"LiNa"})
    held = 0
    async with serve_fake_wecom(fake) as base, aiohttp.ClientSession() as http:
        tokens = MemoryTokenCache()
        config = dataclasses.replace(SAMPLE_APP, api_base=base)
        clients = [WeComClient(config, http, tokens, clock, limiter=w, wait=False) for w in windows]
        for i in range(31):
            try:
                await clients[i % 2].send_text("LiNa", f"#{i}")
            except PlatformError as e:
                assert e.kind == "rate_limited" and e.retry_after == 60.0
                held += 1
    return fake, held


async def test_two_instances_sending_to_one_member_never_get_a_message_dropped(
    pg: AsyncEngine, other: AsyncEngine
) -> None:
    shared = (
        DatabaseRateWindow(session_factory(pg), MEMBER_LIMITS),
        DatabaseRateWindow(session_factory(other), MEMBER_LIMITS),
    )
    fake, held = await send_31(shared)
    assert len(fake.delivered("LiNa")) == 30 and fake.dropped("LiNa") == [] and held == 1
    # What each instance counting alone did: both think there is room, and the platform drops the 31st.
    fake, held = await send_31((MemberRateLimiter(), MemberRateLimiter()))
    assert len(fake.delivered("LiNa")) == 30 and len(fake.dropped("LiNa")) == 1 and held == 0


async def test_the_app_lends_wecom_the_shared_window_on_postgresql_only(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    console = dataclasses.replace(config.console, token="t" * 16)  # a platform on: the console needs one
    config = dataclasses.replace(config, wecom=SAMPLE_APP, console=console)
    client = await aiohttp_client(create_app(config, workers=False, extractor=extractors(config)))
    (wecom,) = [c for c in client.app[CHANNELS] if isinstance(c, WeComChannel)]
    limiter = wecom.client._limiter
    expected = DatabaseRateWindow if engine.dialect.name == "postgresql" else MemoryRateWindow
    assert isinstance(limiter, expected)
