"""Fixtures for the DingTalk sending tests: the fake server, a config pointing at it and a client on it.

Import the fixtures a test module uses from here (tests/channels/conftest.py is shared); `clock` and
`http_session` come from that conftest.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.channels.dingtalk.client import DingTalkClient
from bot.channels.tokens import MemoryTokenCache
from bot.clock import FixedClock
from bot.config import DingTalkConfig
from bot.fakes.dingtalk import SAMPLE_DINGTALK, FakeDingTalk, serve_fake_dingtalk

USERS = {"LiNa", "ZhangWei"}
ROBOT_TOKEN, ROBOT_SECRET = "team-robot-token", "SEC-team-robot-secret"
PLAIN_ROBOT = "plain-robot-token"  # a custom robot with no 加签 (keyword or IP rule instead)


@pytest.fixture
def dingtalk(clock: FixedClock) -> FakeDingTalk:
    return FakeDingTalk.for_config(
        SAMPLE_DINGTALK, clock, users=set(USERS), webhooks={ROBOT_TOKEN: ROBOT_SECRET, PLAIN_ROBOT: ""}
    )


@pytest.fixture
async def dingtalk_config(dingtalk: FakeDingTalk) -> AsyncIterator[DingTalkConfig]:
    async with serve_fake_dingtalk(dingtalk) as base:
        yield dataclasses.replace(SAMPLE_DINGTALK, api_base=base, oapi_base=base)


@pytest.fixture
def dingtalk_tokens() -> MemoryTokenCache:
    return MemoryTokenCache()


@pytest.fixture
def dingtalk_client(
    dingtalk_config: DingTalkConfig,
    http_session: aiohttp.ClientSession,
    dingtalk_tokens: MemoryTokenCache,
    clock: FixedClock,
) -> DingTalkClient:
    return DingTalkClient(dingtalk_config, http_session, dingtalk_tokens, clock, timeout=0.5)
