"""Shared fixtures: a database of the test's own, on SQLite always and on PostgreSQL when SALESBOT_TEST_PG
names a server; at the latest schema for a test that uses `engine` (a copy of a template migrated once per
session, see tests/databases.py), empty for any other."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.config import Config, load_config
from storage.db import create_engine, session_factory
from tests.databases import ServerDatabases, migrate_sqlite_template
from tests.extractors import Extractors
from tests.redis_server import drop_prefix, new_prefix, require_redis

PG_URL = os.environ.get("SALESBOT_TEST_PG", "")
DATABASES = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@dataclass(frozen=True)
class Templates:
    """The schema, migrated once per session (see tests/databases.py)."""

    sqlite: Path  # a database file, copied for each test
    server: ServerDatabases | None  # on the PG_URL server, when there is one


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    # A loop of its own: this runs once, outside every test's loop.
    loop = asyncio.new_event_loop()
    try:
        sqlite = tmp_path_factory.mktemp("template") / "salesbot.db"
        loop.run_until_complete(migrate_sqlite_template(sqlite))
        server = ServerDatabases(PG_URL) if PG_URL else None
        try:
            if server is not None:
                loop.run_until_complete(server.create_template())
            yield Templates(sqlite, server)
        finally:
            if server is not None:
                loop.run_until_complete(server.drop_all())
    finally:
        loop.close()


@pytest.fixture(params=DATABASES)
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> AsyncIterator[str]:
    """The URL of the test's own database: at the latest schema when the test uses `engine`, else empty
    (the migration tests, the app's own upgrade of SQLite)."""
    migrated = "engine" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "salesbot.db"
        if migrated:
            shutil.copyfile(templates.sqlite, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    server = templates.server
    assert server is not None
    name = await (server.migrated() if migrated else server.empty())
    try:
        yield server.url_of(name)
    finally:
        if migrated:
            server.release(name)
        else:
            await server.drop(name)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database at the latest schema (a copy of the session's template)."""
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with session_factory(engine)() as session:
        yield session


@pytest.fixture
def config(database_url: str, tmp_path: Path) -> Config:
    """A test configuration on the test database with a small organisation."""
    text = f"""
[database]
url = "{database_url}"

[[org.teams]]
name = "华东一组"
manager = "zhangwei"

[[org.people]]
id = "zhangwei"
name = "张伟"
role = "manager"
team = "华东一组"
wecom_userid = "ZhangWei"

[[org.people]]
id = "lina"
name = "李娜"
team = "华东一组"
wecom_userid = "LiNa"
cities = ["苏州", "无锡"]
"""
    path = tmp_path / "test-config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, env={})


@pytest.fixture(scope="session")
def extractors() -> Extractors:
    """The session's extractors, one per catalog and time zone (see tests/extractors.py)."""
    return Extractors()


@pytest.fixture
def redis_url() -> str:
    """The test Redis (tests/redis_server.py); the test is skipped, saying why, when none answers."""
    return require_redis()


@pytest.fixture
async def redis_prefix(redis_url: str) -> AsyncIterator[str]:
    """A key and channel prefix of the test's own; its keys are dropped afterwards."""
    prefix = new_prefix()
    try:
        yield prefix
    finally:
        await drop_prefix(redis_url, prefix)
