"""Hostile input, property-tested: hypothesis drives bench/hostile_kinds.py's generators at the whole app
(every edge on: WeChat Work, DingTalk HTTP robot, cards and events, web-form intake, console, dashboard,
ad-lead receivers). Every input of a refused class is answered 4xx, with no inbound row stored and no
outbox row written; the odd-but-authentic control inputs are accepted, so the refusals are not trivial.
bench/hostile.py runs the same generators by the thousand over real HTTP.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from random import Random

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.hostile_inputs import EDGES, Attack, Target, hostile_config
from bench.hostile_kinds import ACCEPTED, REFUSED, make
from bot.app import PIPELINE, SESSIONS, create_app
from bot.clock import FixedClock
from storage.models import InboundMessage, OutboxMessage
from tests.extractors import Extractors

NOW = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
PER_EDGE = 25  # examples per edge: 13 edges, about 325 in all


@dataclass
class Hostile:
    client: TestClient
    target: Target

    async def send(self, attack: Attack) -> int:
        path = attack.path + (f"?{attack.query}" if attack.query else "")
        data: object = io.BytesIO(attack.body) if attack.body else None  # bytes past 1 MiB warn
        if attack.chunked:

            async def pieces() -> AsyncIterator[bytes]:
                yield attack.body

            data = pieces()
        response = await self.client.request(attack.method, path, headers=dict(attack.headers), data=data)
        await response.read()
        return response.status

    async def rows(self) -> tuple[int, int]:
        """(inbound rows, outbox rows), after the processor took whatever was stored."""
        app = self.client.app
        assert app is not None
        await app[PIPELINE].drain()
        async with app[SESSIONS]() as session:
            inbound = await session.scalar(select(func.count()).select_from(InboundMessage))
            outbox = await session.scalar(select(func.count()).select_from(OutboxMessage))
        return inbound or 0, outbox or 0


@pytest.fixture
async def hostile(database_url: str, engine: AsyncEngine, extractors: Extractors) -> AsyncIterator[Hostile]:
    """The bot with every edge on, on the test's database (`engine` migrated it); nothing delivers."""
    config = hostile_config(database_url)
    clock = FixedClock(NOW)
    app = create_app(config, clock=clock, workers=False, extractor=extractors(config))
    client = TestClient(TestServer(app))
    await client.start_server()
    try:
        yield Hostile(client, Target.of(config, clock))
    finally:
        await client.close()


def refused_kinds(edge: str) -> list[str]:
    return [kind for kind, edges in REFUSED.items() if edge in edges and kind != "slow_oversized"]


@pytest.mark.parametrize("edge", EDGES)
@settings(
    max_examples=PER_EDGE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_hostile_input_is_refused_and_nothing_is_stored(
    hostile: Hostile, edge: str, data: st.DataObject
) -> None:
    kind = data.draw(st.sampled_from(refused_kinds(edge)), label="kind")
    rng = data.draw(st.randoms(use_true_random=False), label="rng")
    attack = make(hostile.target, kind, edge, rng)
    status = await hostile.send(attack)
    assert 400 <= status < 500, f"{kind} on {edge}: answered {status} to {attack!r:.600}"
    assert await hostile.rows() == (0, 0), f"{kind} on {edge}: stored {attack!r:.600}"


@pytest.mark.parametrize("edge", EDGES)
async def test_odd_but_authentic_input_is_accepted(hostile: Hostile, edge: str) -> None:
    """The control: the same bot and keys accept an authentic request on every edge."""
    for seed in range(3):
        attack = make(hostile.target, "authentic_odd", edge, Random(seed))
        assert 200 <= await hostile.send(attack) < 300, attack
    inbound, _ = await hostile.rows()
    if edge in ("wecom_get", "dashboard"):
        assert inbound == 0
    else:  # a generic push may hold several leads
        assert inbound >= 3


async def test_a_flipped_echo_head_is_answered_and_nothing_stored(hostile: Hostile) -> None:
    for seed in range(20):
        attack = make(hostile.target, "bit_flip_echo_head", "wecom_get", Random(seed))
        assert await hostile.send(attack) in (200, 400)
    assert await hostile.rows() == (0, 0)


def test_every_class_applies_to_an_edge() -> None:
    assert all(edges for edges in {**REFUSED, **ACCEPTED}.values())
    assert all(refused_kinds(edge) for edge in EDGES)
