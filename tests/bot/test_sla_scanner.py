"""The scheduled SLA scan against a real database: two instances scanning at once send each notice
once, a tick that dies half-way leaves nothing half-sent, and a closed breach updates its card once."""

from __future__ import annotations

import asyncio
import dataclasses
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

import bot.core.sla_job
from bot.app import addressing_for
from bot.clock import FixedClock
from bot.config import Config
from bot.core.sla_job import SlaScanner
from bot.types import CardUpdate
from storage.db import create_engine, session_factory
from storage.models import Alert, Lead, OutboxMessage, Person
from storage.outbox import outgoing_of
from storage.people import sync_org

ASSIGNED = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Shanghai
LEADS = 30


@pytest.fixture
def config(config: Config) -> Config:
    """The test organisation, reached on WeChat Work (where sent cards can be updated)."""
    return dataclasses.replace(config, wecom=dataclasses.replace(config.wecom, enabled=True))


async def seed(engine: AsyncEngine, config: Config, n: int = LEADS) -> list[int]:
    """`n` grade-A leads of 李娜's, assigned at ASSIGNED and never contacted."""
    async with session_factory(engine).begin() as session:
        await sync_org(session, config.org.teams, config.org.people)
        lina = await session.scalar(select(Person).where(Person.key == "lina"))
        assert lina is not None
        leads = [
            Lead(
                company=f"客户{i:02d}",
                company_key=f"客户{i:02d}",
                source="web",
                grade="A",
                owner_id=lina.id,
                team_id=lina.team_id,
                created_at=ASSIGNED,
                assigned_at=ASSIGNED,
            )
            for i in range(n)
        ]
        session.add_all(leads)
        await session.flush()
        return [lead.id for lead in leads]


async def outbox(engine: AsyncEngine) -> list[OutboxMessage]:
    async with session_factory(engine)() as session:
        return list((await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all())


async def alert_rows(engine: AsyncEngine) -> list[Alert]:
    async with session_factory(engine)() as session:
        return list((await session.scalars(select(Alert).order_by(Alert.id))).all())


async def test_two_instances_scanning_together_send_each_notice_once(
    engine: AsyncEngine, config: Config, database_url: str
) -> None:
    await seed(engine, config)
    other = create_engine(database_url)  # a second bot process: its own pool on the same database
    try:
        clock = FixedClock(ASSIGNED)
        first = SlaScanner(session_factory(engine), config, clock, addressing_for(config))
        second = SlaScanner(session_factory(other), config, clock, addressing_for(config))
        # Owner level at 10:30, manager level at 11:30; scan each minute across both, in parallel.
        for minute in range(25, 100, 5):
            clock.set(ASSIGNED + timedelta(minutes=minute))
            await asyncio.gather(first.run_once(), second.run_once(), first.run_once())
    finally:
        await other.dispose()
    alerts = await alert_rows(engine)
    assert Counter(a.level for a in alerts) == {0: LEADS, 1: LEADS}
    rows = await outbox(engine)
    assert len(rows) == 2 * LEADS
    assert Counter(r.alert_id for r in rows) == {a.id: 1 for a in alerts}
    assert Counter(r.target for r in rows) == {"LiNa": LEADS, "ZhangWei": LEADS}


async def test_a_tick_that_dies_half_way_sends_nothing_and_the_next_one_sends_all(
    engine: AsyncEngine, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(engine, config)
    clock = FixedClock(ASSIGNED + timedelta(minutes=31))
    real_queue = bot.core.sla_job.queue
    calls = 0

    async def crashing_queue(*args: object, **kw: object) -> bool:
        nonlocal calls
        calls += 1
        if calls == LEADS // 2:
            raise ConnectionResetError("the database went away")
        return await real_queue(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.core.sla_job, "queue", crashing_queue)
    with pytest.raises(ConnectionResetError):
        await SlaScanner(session_factory(engine), config, clock, addressing_for(config)).run_once()
    assert await alert_rows(engine) == [] and await outbox(engine) == []

    monkeypatch.setattr(bot.core.sla_job, "queue", real_queue)
    restarted = SlaScanner(session_factory(engine), config, clock, addressing_for(config))
    assert await restarted.run_once() == LEADS
    assert await restarted.run_once() == 0
    assert len(await outbox(engine)) == LEADS == len(await alert_rows(engine))


async def test_a_closed_breach_greys_out_its_delivered_card_once(engine: AsyncEngine, config: Config) -> None:
    [lead_id] = await seed(engine, config, 1)
    clock = FixedClock(ASSIGNED + timedelta(minutes=31))
    scanner = SlaScanner(session_factory(engine), config, clock, addressing_for(config))
    assert await scanner.run_once() == 1
    async with session_factory(engine).begin() as session:
        [card] = (await session.scalars(select(OutboxMessage))).all()
        card.status, card.sent_at, card.card_handle = "sent", clock.now(), "RESPONSE-1"
        lead = await session.get(Lead, lead_id)
        assert lead is not None
        lead.first_response_at = lead.last_contact_at = clock.now()
    clock.set(clock.now() + timedelta(minutes=1))
    assert await scanner.run_once() == 1
    assert await scanner.run_once() == 0
    update = (await outbox(engine))[-1]
    assert update.kind == "card_update" and update.target == "LiNa"
    assert outgoing_of(update).update == CardUpdate(
        "RESPONSE-1", "已处理", clock.now() - timedelta(minutes=1)
    )
    [alert] = await alert_rows(engine)
    assert alert.closed_at == clock.now()
