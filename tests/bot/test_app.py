"""The application factory: start-up wiring, health and readiness."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import nlp.catalog
from bot.app import DIGESTS, ENGINE, SCHEDULER, SESSIONS, SchemaOutOfDate, create_app, ensure_schema
from bot.config import CatalogConfig, Config
from nlp import Catalog, Extractor
from storage import migrate
from storage.db import create_engine
from storage.people import find_person_by_platform_id
from tests.extractors import Extractors


async def test_health_and_readiness(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine
) -> None:
    client = await aiohttp_client(create_app(config))  # the app builds its own extractor
    response = await client.get("/healthz")
    assert response.status == 200 and (await response.json()) == {"status": "ok"}
    response = await client.get("/readyz")
    assert response.status == 200 and (await response.json()) == {"status": "ready"}


async def test_the_server_header_names_no_versions(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    client = await aiohttp_client(create_app(config, extractor=extractors(config)))
    for path in ("/healthz", "/readyz", "/no-such-page", "/api/dashboard"):
        response = await client.get(path)
        assert response.headers["Server"] == "salesbot", path
    assert (await client.post("/healthz")).headers["Server"] == "salesbot"  # 405


async def test_the_sla_scan_is_scheduled_only_with_workers(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    running = await aiohttp_client(create_app(config, extractor=extractors(config)))
    job = running.app[SCHEDULER].get_job("sla_scan")
    assert (
        job is not None and job.trigger.interval.total_seconds() == config.sla.scan_interval.total_seconds()
    )
    assert job.coalesce and job.max_instances == 1
    stepped = await aiohttp_client(create_app(config, workers=False, extractor=extractors(config)))
    assert stepped.app[SCHEDULER].get_job("sla_scan") is None


async def test_org_is_synced_at_start(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    client = await aiohttp_client(create_app(config, extractor=extractors(config)))
    async with client.app[SESSIONS]() as session:
        person = await find_person_by_platform_id(session, "wecom", "LiNa")
    assert person is not None and person.role == "rep" and person.cities == ["苏州", "无锡"]


async def test_readiness_fails_when_schema_falls_behind(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    client = await aiohttp_client(create_app(config, extractor=extractors(config)))
    async with client.app[ENGINE].begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = 'old'"))
    response = await client.get("/readyz")
    assert response.status == 503 and (await response.json()) == {"status": "schema out of date"}


async def test_empty_sqlite_database_is_upgraded_at_start(
    aiohttp_client: type[TestClient], config: Config, extractors: Extractors
) -> None:
    if not config.database.url.startswith("sqlite"):
        pytest.skip("only the embedded SQLite database upgrades itself")
    client = await aiohttp_client(create_app(config, extractor=extractors(config)))
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


async def test_the_app_reads_its_catalog_once_and_shares_it(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    parse = nlp.catalog.parse_catalog

    def counted(text: str, source: str) -> Catalog:
        reads.append(source)
        return parse(text, source)

    monkeypatch.setattr(nlp.catalog, "parse_catalog", counted)
    catalog = Path(__file__).resolve().parents[1] / "fixtures" / "catalog.toml"
    isolated = dataclasses.replace(
        config,
        catalog=CatalogConfig(path=str(catalog)),
        org=dataclasses.replace(config.org, isolate_product_lines=True),
    )
    client = await aiohttp_client(create_app(isolated, workers=False))
    await client.app[DIGESTS].run_once()  # the digests and the dashboard read product lines
    response = await client.get("/api/dashboard", params={"as": "zhangwei"})
    assert response.status == 200
    assert reads == [str(catalog)]


def test_an_extractor_for_another_time_zone_is_refused(config: Config) -> None:
    with pytest.raises(ValueError, match="Asia/Tokyo"):
        create_app(config, extractor=Extractor(Catalog(), "Asia/Tokyo"))
