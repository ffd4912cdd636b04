"""Shared fixtures: a fresh database per test, on SQLite always and on PostgreSQL when SALESBOT_TEST_PG
names a server (each test gets a database of its own there).

The schema is migrated once per session into a template (a SQLite file, a PostgreSQL database) that each
test using `engine` gets a copy of; a test that does not use `engine` gets an empty database."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.config import Config, load_config
from storage import migrate
from storage.db import create_engine, session_factory
from tests.extractors import Extractors

PG_URL = os.environ.get("SALESBOT_TEST_PG", "")
DATABASES = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@dataclass(frozen=True)
class Templates:
    """Databases migrated to the latest schema once per session, copied for each test."""

    sqlite: Path  # a database file
    postgresql: str  # a database name on the PG_URL server, "" without one


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def _admin(sql: str) -> None:
    admin = await asyncpg.connect(_plain(PG_URL))
    try:
        await admin.execute(sql)
    finally:
        await admin.close()


def _on_server(name: str) -> str:
    base, _, _ = PG_URL.rpartition("/")
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    # A loop of its own: this runs once, outside every test's loop.
    loop = asyncio.new_event_loop()
    try:
        sqlite = tmp_path_factory.mktemp("template") / "salesbot.db"
        loop.run_until_complete(_migrate(f"sqlite+aiosqlite:///{sqlite}"))
        # Closing the last connection checkpoints the WAL into the file: the file alone is the database.
        assert not sqlite.with_name(sqlite.name + "-wal").exists()
        postgresql = f"salesbot_template_{uuid.uuid4().hex[:12]}" if PG_URL else ""
        if postgresql:
            loop.run_until_complete(_admin(f'CREATE DATABASE "{postgresql}"'))
            loop.run_until_complete(_migrate(_on_server(postgresql)))
        try:
            yield Templates(sqlite, postgresql)
        finally:
            if postgresql:
                loop.run_until_complete(_admin(f'DROP DATABASE IF EXISTS "{postgresql}" WITH (FORCE)'))
    finally:
        loop.close()


@pytest.fixture(params=DATABASES)
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> AsyncIterator[str]:
    """The URL of the test's database: migrated when the test uses `engine`, else empty (the migration
    tests, the app's own upgrade of SQLite)."""
    migrated = "engine" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "salesbot.db"
        if migrated:
            shutil.copyfile(templates.sqlite, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    name = f"salesbot_test_{uuid.uuid4().hex[:12]}"
    template = f' TEMPLATE "{templates.postgresql}"' if migrated else ""
    await _admin(f'CREATE DATABASE "{name}"{template}')
    try:
        yield _on_server(name)
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
