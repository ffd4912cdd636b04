"""Pooled PostgreSQL connections: one idle for long is checked before use and replaced when the server
closed it; one in steady use is not (no ping round trips on the hot path), and when the server closed it
its statement fails as unavailable, once, and the pool reconnects."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine, is_unavailable
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs SALESBOT_TEST_PG")


async def _backend(engine_url: str, idle_ping: float) -> tuple[AsyncEngine, int]:
    engine = create_engine(engine_url, idle_ping=idle_ping)
    async with engine.connect() as conn:
        pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    return engine, pid


async def _terminate(url: str, pid: int) -> None:
    admin = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await admin.close()


async def _statement_count(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT 1"))).scalar_one())


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_connection_idle_past_the_limit_is_pinged_and_replaced(database_url: str) -> None:
    engine, pid = await _backend(database_url, idle_ping=0.0)
    try:
        await _terminate(database_url, pid)
        assert await _statement_count(engine) == 1  # the ping found it closed: a new connection served
    finally:
        await engine.dispose()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_connection_in_steady_use_is_not_pinged(database_url: str) -> None:
    engine, pid = await _backend(database_url, idle_ping=3600.0)
    try:
        await _terminate(database_url, pid)
        with pytest.raises(Exception) as failed:  # no ping: the statement itself meets the closed connection
            await _statement_count(engine)
        assert is_unavailable(failed.value)
        assert await _statement_count(engine) == 1  # and the pool reconnected
    finally:
        await engine.dispose()
