"""Shared fixtures: a fresh, migrated database per test, on SQLite always and on PostgreSQL when
SALESBOT_TEST_PG names a server (each test gets a database of its own there)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
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


@pytest.fixture(params=DATABASES)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'salesbot.db'}"
        return
    name = f"salesbot_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_plain(PG_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base, _, _ = PG_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        admin = await asyncpg.connect(_plain(PG_URL))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database migrated to the latest schema."""
    engine = create_engine(database_url)
    await migrate.upgrade(engine)
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
