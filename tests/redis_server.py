"""The Redis the tests use (127.0.0.1:6379 here and on CI, or SALESBOT_TEST_REDIS): skipped with the reason
when none answers, and a random key prefix per test, dropped afterwards, so parallel runs never meet."""

from __future__ import annotations

import os
import socket
import uuid
from urllib.parse import urlsplit

import pytest
from redis.asyncio import Redis

REDIS_URL = os.environ.get("SALESBOT_TEST_REDIS", "redis://127.0.0.1:6379/0")


def require_redis() -> str:
    """The test Redis's URL; skips the test when nothing listens there."""
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1):
            pass
    except OSError as e:
        pytest.skip(f"no Redis at {parts.hostname}:{parts.port} ({e}); start one or set SALESBOT_TEST_REDIS")
    return REDIS_URL


def new_prefix() -> str:
    return f"salesbot-test-{uuid.uuid4().hex[:12]}:"


async def keys_under(client: Redis, prefix: str) -> list[bytes]:
    return [key async for key in client.scan_iter(match=f"{prefix}*")]


async def drop_prefix(url: str, prefix: str) -> None:
    client = Redis.from_url(url)
    try:
        keys = await keys_under(client, prefix)
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
