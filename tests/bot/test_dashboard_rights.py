"""Rights, property-tested on the dashboard's JSON: for generated organisations and leads, what the app's
/api/dashboard answers each member (?as=, through the console's access rule) names no lead outside their
rights and counts no more leads than they may see. The rule is computed from the generated data alone
(tests.handlers.rights_world)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import create_app
from bot.clock import FixedClock
from storage.db import session_factory
from tests.extractors import Extractors
from tests.handlers.query_fixtures import NOW
from tests.handlers.rights_world import World, config_of, seed, worlds


@pytest.fixture
def clients() -> dict[bool, TestClient]:
    """The test's apps by `isolate_product_lines`, kept across its examples: an app reads the setting and
    its catalog from its config, and who is who from the database, which each example seeds anew."""
    return {}


@settings(
    max_examples=int(os.environ.get("RIGHTS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds())
async def test_the_dashboard_shows_each_viewer_only_the_leads_they_may_see(
    aiohttp_client: Any,
    engine: AsyncEngine,
    database_url: str,
    tmp_path: Path,
    extractors: Extractors,
    clients: dict[bool, TestClient],
    world: World,
) -> None:
    config = config_of(world, database_url, tmp_path)
    if world.isolate not in clients:  # one app per setting, kept across the examples
        app = create_app(config, clock=FixedClock(NOW), workers=False, extractor=extractors(config))
        clients[world.isolate] = await aiohttp_client(app)
    client = clients[world.isolate]
    async with session_factory(engine)() as session:
        ids = await seed(session, world, config)
    companies = {i: c for c, i in ids.items()}
    for member in world.members:
        allowed = {lead.company for lead in world.leads if world.may_see(member.key, lead)}
        for range_key in ("week", "month"):
            response = await client.get("/api/dashboard", params={"as": member.key, "range": range_key})
            assert response.status == 200
            body = await response.json()
            listed = {companies[row["id"]] for row in (*body["overdue"], *body["recent"])}
            named = world.named_in(json.dumps(body, ensure_ascii=False))
            assert listed | named <= allowed, (member, listed | named - allowed)
            assert sum(row["count"] for row in body["stages"]) <= len(allowed), member
            assert body["summary"]["overdue"] <= len(allowed), member
