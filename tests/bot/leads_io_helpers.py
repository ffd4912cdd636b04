"""Shared by the leads import/export tests: a config with a catalog and two teams, a second empty
database for round trips, and small readers of what a database holds."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli.leads import export_to
from bot.config import Config, load_config
from storage import migrate
from storage.db import create_engine, session_factory
from storage.models import Contact, FollowUp, Lead, OutboxMessage

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "tests" / "fixtures" / "catalog.toml"
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, a Tuesday


def leads_config(database_url: str, tmp_path: Path) -> Config:
    """Two teams: 华东一组 (manager 张伟, reps 李娜 in 苏州/无锡 and 王强 in 杭州) and 华北组 (manager
    赵敏, rep 刘洋 selling 钣金); assignment by city and product line."""
    text = f"""
[database]
url = "{database_url}"

[catalog]
path = "{CATALOG}"

[[org.teams]]
name = "华东一组"
manager = "zhangwei"

[[org.teams]]
name = "华北组"
manager = "zhaomin"

[[org.people]]
id = "zhangwei"
name = "张伟"
role = "manager"
team = "华东一组"

[[org.people]]
id = "lina"
name = "李娜"
team = "华东一组"
cities = ["苏州", "无锡"]

[[org.people]]
id = "wangqiang"
name = "王强"
team = "华东一组"
cities = ["杭州"]

[[org.people]]
id = "zhaomin"
name = "赵敏"
role = "manager"
team = "华北组"

[[org.people]]
id = "liuyang"
name = "刘洋"
team = "华北组"
cities = ["北京"]
product_lines = ["钣金"]

[[org.people]]
id = "boss"
name = "老板"
role = "admin"
"""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "leads-config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, env={})


@asynccontextmanager
async def second_database(database_url: str, tmp_path: Path) -> AsyncIterator[str]:
    """Another empty database of the same kind, for importing into a fresh database."""
    if database_url.startswith("sqlite"):
        yield f"sqlite+aiosqlite:///{tmp_path / f'fresh-{uuid.uuid4().hex[:6]}.db'}"
        return
    base, _, _ = database_url.rpartition("/")
    plain = base.replace("postgresql+asyncpg://", "postgresql://", 1) + "/postgres"
    name = f"salesbot_fresh_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(plain)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield f"{base}/{name}"
    finally:
        admin = await asyncpg.connect(plain)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@asynccontextmanager
async def migrated(url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(url)
    await migrate.upgrade(engine)
    try:
        yield engine
    finally:
        await engine.dispose()


async def jsonl(engine: AsyncEngine, config: Config, as_person: str | None = None) -> list[dict[str, Any]]:
    out = StringIO()
    async with session_factory(engine)() as session:
        await export_to(session, config, "jsonl", None, as_person, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


async def counts(engine: AsyncEngine) -> dict[str, int]:
    async with session_factory(engine)() as session:
        return {
            model.__tablename__: await session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Lead, Contact, FollowUp, OutboxMessage)
        }


async def outbox_lines(engine: AsyncEngine) -> dict[str, list[str]]:
    """Each queued push's target -> its lines (console payloads, as the test config has no platform)."""
    async with session_factory(engine)() as session:
        rows = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    return {row.target: [row.payload["title"], *row.payload["lines"]] for row in rows}
