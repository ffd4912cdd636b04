"""The tests' own databases: a test using `engine` gets the latest schema and no rows, whichever test used the
database before; one that does not gets an empty database."""

from __future__ import annotations

import os

import asyncpg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate
from storage.db import create_engine, session_factory
from storage.models import Team
from tests.databases import ServerDatabases

PG_URL = os.environ.get("SALESBOT_TEST_PG", "")
pg_only = pytest.mark.skipif(not PG_URL, reason="SALESBOT_TEST_PG names no PostgreSQL server")


async def test_a_test_using_engine_gets_the_latest_schema_and_no_rows(engine: AsyncEngine) -> None:
    assert await migrate.is_current(engine)
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count(Team.id))) == 0


async def test_a_test_without_engine_gets_an_empty_database(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        assert await migrate.current_revision(engine) is None
    finally:
        await engine.dispose()


async def teams(databases: ServerDatabases, name: str, add: str = "") -> list[tuple[int, str]]:
    conn = await asyncpg.connect(databases.url_of(name).replace("+asyncpg", ""))
    try:
        if add:
            await conn.execute("INSERT INTO team (name) VALUES ($1)", add)
        return [(row["id"], row["name"]) for row in await conn.fetch("SELECT id, name FROM team ORDER BY id")]
    finally:
        await conn.close()


@pg_only
async def test_a_used_server_database_is_emptied_before_it_is_handed_out_again() -> None:
    databases = ServerDatabases(PG_URL)
    await databases.create_template()
    try:
        first = await databases.migrated()
        assert await teams(databases, first, add="华东一组") == [(1, "华东一组")]
        leftover = await asyncpg.connect(databases.url_of(first).replace("+asyncpg", ""))  # a leaked one
        databases.release(first)
        assert await databases.migrated() == first
        assert leftover.is_closed() or not await _alive(leftover)
        assert await teams(databases, first) == []
        assert await teams(databases, first, add="华南组") == [(1, "华南组")]  # identities restart too
        databases.release(first)
    finally:
        await databases.drop_all()


@pg_only
async def test_a_server_database_whose_schema_changed_is_not_handed_out_again() -> None:
    databases = ServerDatabases(PG_URL)
    await databases.create_template()
    try:
        first = await databases.migrated()
        engine = create_engine(databases.url_of(first))
        try:
            async with engine.begin() as conn:
                await conn.execute(text("UPDATE alembic_version SET version_num = 'old'"))
        finally:
            await engine.dispose()
        databases.release(first)
        second = await databases.migrated()
        assert second != first
        engine = create_engine(databases.url_of(second))
        try:
            assert await migrate.is_current(engine)
        finally:
            await engine.dispose()
        admin = await asyncpg.connect(PG_URL.replace("+asyncpg", ""))
        try:
            assert await admin.fetchval("SELECT count(*) FROM pg_database WHERE datname = $1", first) == 0
        finally:
            await admin.close()
        databases.release(second)
    finally:
        await databases.drop_all()


async def _alive(conn: asyncpg.Connection) -> bool:
    try:
        await conn.fetchval("SELECT 1")
        return True
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
        return False
