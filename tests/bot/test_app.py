"""The application factory: start-up wiring, health and readiness."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import text

from bot.app import ENGINE, SCHEDULER, SESSIONS, SchemaOutOfDate, create_app, ensure_schema
from bot.config import Config
from storage import migrate
from storage.db import create_engine
from storage.people import find_person_by_platform_id


async def migrated(config: Config) -> None:
    engine = create_engine(config.database.url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def test_health_and_readiness(aiohttp_client: type[TestClient], config: Config) -> None:
    await migrated(config)
    client = await aiohttp_client(create_app(config))
    response = await client.get("/healthz")
    assert response.status == 200 and (await response.json()) == {"status": "ok"}
    response = await client.get("/readyz")
    assert response.status == 200 and (await response.json()) == {"status": "ready"}


async def test_the_server_header_names_no_versions(aiohttp_client: type[TestClient], config: Config) -> None:
    await migrated(config)
    client = await aiohttp_client(create_app(config))
    for path in ("/healthz", "/readyz", "/no-such-page", "/api/dashboard"):
        response = await client.get(path)
        assert response.headers["Server"] == "salesbot", path
    assert (await client.post("/healthz")).headers["Server"] == "salesbot"  # 405


async def test_the_sla_scan_is_scheduled_only_with_workers(
    aiohttp_client: type[TestClient], config: Config
) -> None:
    await migrated(config)
    running = await aiohttp_client(create_app(config))
    job = running.app[SCHEDULER].get_job("sla_scan")
    assert (
        job is not None and job.trigger.interval.total_seconds() == config.sla.scan_interval.total_seconds()
    )
    assert job.coalesce and job.max_instances == 1
    stepped = await aiohttp_client(create_app(config, workers=False))
    assert stepped.app[SCHEDULER].get_job("sla_scan") is None


async def test_org_is_synced_at_start(aiohttp_client: type[TestClient], config: Config) -> None:
    await migrated(config)
    client = await aiohttp_client(create_app(config))
    async with client.app[SESSIONS]() as session:
        person = await find_person_by_platform_id(session, "wecom", "LiNa")
    assert person is not None and person.role == "rep" and person.cities == ["苏州", "无锡"]


async def test_readiness_fails_when_schema_falls_behind(
    aiohttp_client: type[TestClient], config: Config
) -> None:
    await migrated(config)
    client = await aiohttp_client(create_app(config))
    async with client.app[ENGINE].begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = 'old'"))
    response = await client.get("/readyz")
    assert response.status == 503 and (await response.json()) == {"status": "schema out of date"}


async def test_empty_sqlite_database_is_upgraded_at_start(
    aiohttp_client: type[TestClient], config: Config
) -> None:
    if not config.database.url.startswith("sqlite"):
        pytest.skip("only the embedded SQLite database upgrades itself")
    client = await aiohttp_client(create_app(config))
    assert (await client.get("/readyz")).status == 200
    assert await migrate.is_current(client.app[ENGINE])


async def test_server_database_out_of_date_refuses_to_start(config: Config) -> None:
    if config.database.url.startswith("sqlite"):
        pytest.skip("a server database is never migrated behind the operator's back")
    engine = create_engine(config.database.url)
    try:
        with pytest.raises(SchemaOutOfDate, match="run: salesbot db upgrade --config"):
            await ensure_schema(engine, config)
        assert await migrate.current_revision(engine) is None
    finally:
        await engine.dispose()
