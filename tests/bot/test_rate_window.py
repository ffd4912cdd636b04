"""WeChat Work's per-member limit counted across instances, for each shared store (PostgreSQL, and Redis
when configured): the shared window hands out the same times as the in-memory one, two instances
reserving for one member at once stay within its limit, and two clients (two instances) sending 31
messages to one member in a minute deliver 30 and hold the 31st back, where two in-memory windows let the
platform drop one silently."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import CHANNELS, create_app
from bot.channels.ratelimit import Limits, MemoryRateWindow, RateWindow
from bot.channels.tokens import MemoryTokenCache
from bot.channels.wecom.channel import WeComChannel
from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.errors import PlatformError
from bot.channels.wecom.ratelimit import MEMBER_LIMITS, MemberRateLimiter
from bot.clock import FixedClock
from bot.config import Config
from bot.core.redis_windows import RedisRateWindow
from bot.core.stores import DatabaseRateWindow
from bot.fakes.wecom import SAMPLE_APP, FakeWeCom, serve_fake_wecom
from storage.db import create_engine, session_factory
from storage.models import SendSlot
from tests.conftest import Templates
from tests.extractors import Extractors
from tests.redis_server import drop_prefix, keys_under, new_prefix, require_redis

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SMALL = ((timedelta(minutes=1), 3), (timedelta(hours=1), 10))


@dataclass(frozen=True)
class Shared:
    """One shared store of windows as two instances see it."""

    window: Callable[[int, Limits], RateWindow]  # instance 0 or 1's window with these limits
    stored: Callable[[], Awaitable[int]]  # how many reservations the store keeps


@pytest.fixture(params=["postgresql", "redis"])
async def shared(request: pytest.FixtureRequest, templates: Templates) -> AsyncIterator[Shared]:
    """The database's windows (PostgreSQL) or Redis's, each instance with a pool of its own."""
    if request.param == "postgresql":
        server = templates.server
        if server is None:
            pytest.skip("the database's shared window is PostgreSQL's; SALESBOT_TEST_PG is not set")
        name = await server.migrated()
        engines = [create_engine(server.url_of(name)) for _ in range(2)]
        try:
            yield Shared(
                lambda i, limits: DatabaseRateWindow(session_factory(engines[i]), limits),
                lambda: slots_stored(engines[0]),
            )
        finally:
            for engine in engines:
                await engine.dispose()
            server.release(name)
        return
    url, prefix = require_redis(), new_prefix()
    clients = [Redis.from_url(url) for _ in range(2)]
    try:
        yield Shared(
            lambda i, limits: RedisRateWindow(clients[i], limits, prefix=prefix),
            lambda: reservations_in_redis(clients[0], prefix),
        )
    finally:
        for client in clients:
            await client.aclose()
        await drop_prefix(url, prefix)


async def slots_stored(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(SendSlot)) or 0)


async def reservations_in_redis(client: Redis, prefix: str) -> int:
    return sum([await client.zcard(key) for key in await keys_under(client, prefix)])


async def test_the_shared_window_hands_out_the_times_the_memory_one_does(shared: Shared) -> None:
    memory, window = MemoryRateWindow(SMALL), shared.window(0, SMALL)
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
    for each in (memory, window):
        assert await each.next_slot("a", T0) == T0
    got = [(await memory.reserve("a", now), await window.reserve("a", now)) for now in moments]
    assert [m for m, _ in got] == [s for _, s in got]
    assert got[3][0] == T0 + timedelta(minutes=1)  # the 4th in a minute waits for the minute
    assert await window.next_slot("b", T0) == T0  # keys are independent
    assert await shared.stored() == 1  # after two hours, only the last reservation is kept


async def test_only_now_reserves_nothing_when_the_window_is_full(shared: Shared) -> None:
    window = shared.window(0, SMALL)
    for _ in range(3):
        assert await window.reserve("a", T0, only_now=True) == T0
    assert await window.reserve("a", T0, only_now=True) == T0 + timedelta(minutes=1)
    assert await shared.stored() == 3


async def test_two_instances_reserving_at_once_stay_within_the_member_limit(shared: Shared) -> None:
    one, two = (shared.window(i, MEMBER_LIMITS) for i in range(2))
    slots = await asyncio.gather(*(w.reserve("LiNa", T0) for _ in range(16) for w in (one, two)))
    assert sorted(slots) == [T0] * 30 + [T0 + timedelta(minutes=1)] * 2


async def test_a_recipient_s_redis_set_expires_once_its_newest_time_left_the_longest_window(
    redis_url: str, redis_prefix: str
) -> None:
    hour = 3_600_000  # milliseconds
    client = Redis.from_url(redis_url)
    try:
        window = RedisRateWindow(client, SMALL, prefix=redis_prefix)
        await window.reserve("a", T0)
        (key,) = await keys_under(client, redis_prefix)
        assert key == f"{redis_prefix}send_slot:a".encode()
        assert 0 < await client.pttl(key) <= hour + 1  # forgotten once an hour has passed
        for _ in range(10):
            slot = await window.reserve("a", T0)
        assert slot == T0 + timedelta(hours=1)  # the 11th in an hour waits for the hour
        assert hour + 1 < await client.pttl(key) <= 2 * hour + 1  # kept an hour past that one
    finally:
        await client.aclose()


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


async def test_two_instances_sending_to_one_member_never_get_a_message_dropped(shared: Shared) -> None:
    fake, held = await send_31((shared.window(0, MEMBER_LIMITS), shared.window(1, MEMBER_LIMITS)))
    assert len(fake.delivered("LiNa")) == 30 and fake.dropped("LiNa") == [] and held == 1
    # What each instance counting alone did: both think there is room, and the platform drops the 31st.
    fake, held = await send_31((MemberRateLimiter(), MemberRateLimiter()))
    assert len(fake.delivered("LiNa")) == 30 and len(fake.dropped("LiNa")) == 1 and held == 0


async def wecom_limiter(aiohttp_client: type[TestClient], config: Config, extractors: Extractors) -> object:
    console = dataclasses.replace(config.console, token="t" * 16)  # a platform on: the console needs one
    config = dataclasses.replace(config, wecom=SAMPLE_APP, console=console)
    client = await aiohttp_client(create_app(config, workers=False, extractor=extractors(config)))
    (wecom,) = [c for c in client.app[CHANNELS] if isinstance(c, WeComChannel)]
    return wecom.client._limiter


async def test_the_app_lends_wecom_the_shared_window_on_postgresql_only(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    limiter = await wecom_limiter(aiohttp_client, config, extractors)
    expected = DatabaseRateWindow if engine.dialect.name == "postgresql" else MemoryRateWindow
    assert isinstance(limiter, expected)


async def test_with_redis_configured_the_app_lends_wecom_redis_s_window(
    aiohttp_client: type[TestClient],
    config: Config,
    engine: AsyncEngine,
    extractors: Extractors,
    redis_url: str,
    redis_prefix: str,
) -> None:
    database = dataclasses.replace(config.database, redis_url=redis_url, redis_prefix=redis_prefix)
    limiter = await wecom_limiter(aiohttp_client, dataclasses.replace(config, database=database), extractors)
    assert isinstance(limiter, RedisRateWindow)
