"""Fixtures for the WeChat Work channel tests: a config, a fixed clock, the fake server and a client on it."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.tokens import MemoryTokenCache
from bot.channels.wecom.client import WeComClient
from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.core.outbox import OutboxSender
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver, FakeWeCom, serve_fake_wecom
from tests.channels.delivery import db_client, sender_for

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class RecordingSleep:
    """An injected sleep: records each wait and moves the fixed clock instead of waiting (for sequential
    sends; concurrent sleepers need virtual time, see test_concurrent_sends_to_one_member_queue_in_order)."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock = clock
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)


@pytest.fixture
def wecom_config() -> WeComConfig:
    return SAMPLE_APP


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def sleep(clock: FixedClock) -> RecordingSleep:
    return RecordingSleep(clock)


@pytest.fixture
def fake(wecom_config: WeComConfig, clock: FixedClock) -> FakeWeCom:
    fake = FakeWeCom(wecom_config, clock, users={"LiNa", "ZhangWei"}, webhook_keys={"team-key"})
    fake.contacts["wmCustomer1"] = {
        "external_contact": {"external_userid": "wmCustomer1", "name": "王总", "type": 1},
        "follow_user": [{"userid": "LiNa", "state": "expo2026"}],
    }
    return fake


@pytest.fixture
async def api_config(fake: FakeWeCom, wecom_config: WeComConfig) -> AsyncIterator[WeComConfig]:
    async with serve_fake_wecom(fake) as base:
        yield dataclasses.replace(wecom_config, api_base=base)


@pytest.fixture
async def http_session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
def client(
    api_config: WeComConfig, http_session: aiohttp.ClientSession, clock: FixedClock, sleep: RecordingSleep
) -> WeComClient:
    return WeComClient(api_config, http_session, MemoryTokenCache(), clock, sleep, timeout=0.5)


@pytest.fixture
def driver(wecom_config: WeComConfig, clock: FixedClock) -> CallbackDriver:
    return CallbackDriver(wecom_config, clock)


@pytest.fixture
def sender(
    engine: AsyncEngine, api_config: WeComConfig, http_session: aiohttp.ClientSession, clock: FixedClock
) -> OutboxSender:
    return sender_for(engine, db_client(engine, api_config, http_session, clock), clock)
