"""One instance per scheduled job tick: two instances on one PostgreSQL database tick the digests and the
SLA scan at the same moment and one of them does the work (the other does not even try to queue); a tick
that fails leaves its slot to the next instance; on SQLite (one process) every tick runs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.app import addressing_for
from bot.core import digests_job, sla_job
from bot.core.digests_job import DigestJob
from bot.core.jobs import first_tick, on_server, slot_of
from bot.core.sla_job import SlaScanner
from nlp import Catalog
from storage.db import create_engine, session_factory
from storage.models import OutboxMessage
from tests.bot.test_digests_job import MANAGERS, REPS, TUESDAY, at
from tests.handlers.sales_fixtures import World, make_world


@pytest.fixture
async def world(session: AsyncSession, tmp_path: Path) -> AsyncIterator[World]:
    world = await make_world(session, tmp_path)
    await session.commit()
    yield world


@pytest.fixture
async def other(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A second instance's engine: its own pool and connections on the same database."""
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


def count_calls(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[object]:
    """A spy on `module.name` (an async function): records each call, then calls through."""
    calls: list[object] = []
    real: Callable[..., Awaitable[Any]] = getattr(module, name)

    async def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return await real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


async def rows(engine: AsyncEngine, model: type[Any]) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_two_instances_ticking_the_digests_at_once_queue_them_once_and_try_once(
    engine: AsyncEngine, other: AsyncEngine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    queued = count_calls(monkeypatch, digests_job, "queue")
    composed = count_calls(monkeypatch, digests_job.digests, "compose")
    world.clock.set(at(TUESDAY, "09:00"))  # mornings and the managers' digests are due
    one, two = (
        DigestJob(session_factory(e), world.config, world.clock, addressing_for(world.config), Catalog())
        for e in (engine, other)
    )
    ran = await asyncio.gather(one.tick(), two.tick())
    outbox = await rows(engine, OutboxMessage)
    assert outbox == REPS + MANAGERS and len(queued) >= outbox
    if on_server(session_factory(engine)):
        assert sorted(ran) == [False, True]  # one instance did the tick, the other nothing at all
        assert len(composed) == REPS + MANAGERS and len(queued) == outbox  # no insert even attempted twice
        assert not any(await asyncio.gather(one.tick(), two.tick()))  # the same slot again: done
    else:
        assert ran == [True, True]  # SQLite: one process, every tick runs; the dedupe keys hold
    world.clock.advance(timedelta(minutes=1))  # the next slot is another tick
    assert sum(await asyncio.gather(one.tick(), two.tick())) >= 1
    assert await rows(engine, OutboxMessage) == outbox


async def test_a_tick_running_elsewhere_is_skipped_not_waited_for(
    engine: AsyncEngine, other: AsyncEngine, world: World
) -> None:
    if not on_server(session_factory(engine)):
        pytest.skip("one process on SQLite: nothing runs elsewhere")
    world.clock.set(at(TUESDAY, "09:00"))
    make = lambda e: DigestJob(  # noqa: E731
        session_factory(e), world.config, world.clock, addressing_for(world.config), Catalog()
    )
    one, two = make(engine), make(other)
    inside, release = asyncio.Event(), asyncio.Event()
    real = one.run_once

    async def slow_run(now: Any = None) -> int:
        inside.set()
        await release.wait()  # holds the advisory lock (its transaction is open) until released
        return await real(now)

    one.run_once = slow_run  # type: ignore[method-assign]
    first = asyncio.create_task(one.tick())
    await inside.wait()
    world.clock.advance(timedelta(minutes=1))  # even in a later slot: the lock says it is running
    assert await two.tick() is False and await rows(engine, OutboxMessage) == 0
    release.set()
    assert await first is True
    assert await rows(engine, OutboxMessage) == REPS + MANAGERS


async def test_a_tick_that_fails_leaves_its_slot_to_another_instance(
    engine: AsyncEngine, other: AsyncEngine, world: World
) -> None:
    if not on_server(session_factory(engine)):
        pytest.skip("one process on SQLite")
    world.clock.set(at(TUESDAY, "09:00"))
    make = lambda e: DigestJob(  # noqa: E731
        session_factory(e), world.config, world.clock, addressing_for(world.config), Catalog()
    )
    failing, survivor = make(engine), make(other)

    async def dies(now: Any = None) -> int:
        raise ConnectionResetError("the instance died mid-tick")

    failing.run_once = dies  # type: ignore[method-assign]
    assert await failing.tick() is False
    assert await survivor.tick() is True  # the same slot: the failed claim was rolled back
    assert await rows(engine, OutboxMessage) == REPS + MANAGERS


async def test_two_instances_scanning_at_once_scan_once(
    engine: AsyncEngine, other: AsyncEngine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    scans = count_calls(monkeypatch, sla_job.sla, "scan")
    one, two = (
        SlaScanner(session_factory(e), world.config, world.clock, addressing_for(world.config))
        for e in (engine, other)
    )
    await asyncio.gather(one.tick(), two.tick())
    assert len(scans) == (
        1 if on_server(session_factory(engine)) else 2
    )  # the scan's reads, not only its writes


def test_ticks_start_mid_slot_and_line_up_across_instances() -> None:
    minute = timedelta(minutes=1)
    now = at(date(2026, 3, 10), "09:00") + timedelta(seconds=42)
    start = first_tick(now, minute)
    assert start == at(date(2026, 3, 10), "09:00") + timedelta(seconds=30)
    assert first_tick(now + timedelta(seconds=5), minute) == start  # another instance, a moment later
    assert slot_of(start + timedelta(seconds=29), minute) == slot_of(start, minute)  # a late tick
