"""The digest tick against the database (SQLite, and PostgreSQL when configured): a digest goes out once per
person and day however often the tick runs, after a restart, and with two instances ticking at the same
moment; only on working days; a missed digest of today goes out late once, a past day's never."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import logging
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.app import DIGESTS, SCHEDULER, addressing_for, create_app
from bot.channels.wecom.channel import webhook_key
from bot.config import Config, ConfigError, DigestsConfig, load_config
from bot.core.digests_job import DigestJob
from bot.types import Outgoing, Reply
from nlp import Catalog
from storage.db import create_engine, session_factory
from storage.models import OutboxMessage, Team
from tests.extractors import Extractors
from tests.handlers.sales_fixtures import SHANGHAI, World, make_world

REPS, MANAGERS = 4, 2  # in sales_fixtures: 李娜, 王强, 赵磊, 周敏; 张伟 and 孙丽 manage their teams


def at(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime(day.year, day.month, day.day, int(hours), int(minutes), tzinfo=SHANGHAI)


TUESDAY = date(2026, 3, 10)


@pytest.fixture
async def world(session: AsyncSession, tmp_path: Path) -> AsyncIterator[World]:
    world = await make_world(session, tmp_path)
    await session.commit()  # the jobs read through sessions of their own
    yield world


def job(engine: AsyncEngine, world: World) -> DigestJob:
    return DigestJob(
        session_factory(engine), world.config, world.clock, addressing_for(world.config), Catalog()
    )


async def digest_keys(engine: AsyncEngine) -> list[str]:
    async with session_factory(engine)() as session:
        keys = await session.scalars(select(OutboxMessage.dedupe_key).order_by(OutboxMessage.id))
        return [key for key in keys.all() if key is not None]


def kinds_of(keys: list[str]) -> list[str]:
    return sorted({key.split(":")[1] for key in keys})


async def test_a_digest_goes_out_once_however_often_the_tick_runs(engine: AsyncEngine, world: World) -> None:
    ticking = job(engine, world)
    assert await ticking.run_once(at(TUESDAY, "08:29")) == 0
    assert await ticking.run_once(at(TUESDAY, "08:30")) == REPS
    assert await ticking.run_once(at(TUESDAY, "08:31")) == 0
    assert await job(engine, world).run_once(at(TUESDAY, "08:45")) == 0  # after a restart too
    keys = await digest_keys(engine)
    lina = world.people["lina"].id
    assert len(keys) == REPS and f"digest:morning:{lina}:2026-03-10" in keys
    assert await ticking.run_once(at(TUESDAY, "09:00")) == MANAGERS  # the manager digest's time
    assert await ticking.run_once(at(date(2026, 3, 11), "08:30")) == REPS  # the next day is another day


async def test_two_instances_ticking_at_once_send_each_digest_once(
    engine: AsyncEngine, database_url: str, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    other = create_engine(database_url)  # a second instance: its own engine and connections
    try:
        one, two = (
            job(engine, world),
            DigestJob(
                session_factory(other), world.config, world.clock, addressing_for(world.config), Catalog()
            ),
        )
        ticks = [
            (at(TUESDAY, "09:00"), REPS + MANAGERS),  # mornings and the managers' digests
            (at(TUESDAY, "17:30"), REPS),  # evening drafts
            (at(date(2026, 3, 11), "18:00"), 2 * REPS + MANAGERS),  # a whole day at once
        ]
        for when, digests in ticks:
            counts = await asyncio.gather(one.run_once(when), two.run_once(when), one.run_once(when))
            assert sum(counts) == digests  # each digest queued by exactly one of them
    finally:
        await other.dispose()
    keys = await digest_keys(engine)
    # Per day: each rep's morning digest, evening draft and its confirm card; each manager's digest.
    assert len(keys) == len(set(keys)) == 2 * (3 * REPS + MANAGERS)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "no instance failed to send"


async def test_no_digest_on_weekends_and_public_holidays_but_on_make_up_days(
    engine: AsyncEngine, world: World
) -> None:
    ticking = job(engine, world)
    assert await ticking.run_once(at(date(2026, 3, 14), "18:00")) == 0  # Saturday
    assert await ticking.run_once(at(date(2026, 10, 1), "18:00")) == 0  # National Day
    assert await ticking.run_once(at(date(2026, 5, 9), "18:00")) == 2 * REPS + MANAGERS  # make-up Saturday
    assert kinds_of(await digest_keys(engine)) == ["evening", "manager_daily", "morning"]


async def test_after_downtime_today_s_digests_go_out_once_and_a_past_day_s_never(
    engine: AsyncEngine, world: World
) -> None:
    ticking = job(engine, world)
    # Down from before 08:30 until 15:00: the morning and manager digests go out once, late.
    assert await ticking.run_once(at(TUESDAY, "15:00")) == REPS + MANAGERS
    assert await ticking.run_once(at(TUESDAY, "15:01")) == 0
    # Down from 15:01 until after midnight: Tuesday's evening draft is not sent on Wednesday.
    assert await ticking.run_once(at(date(2026, 3, 11), "00:05")) == 0
    assert not [k for k in await digest_keys(engine) if k.startswith("digest:evening")]


async def test_the_group_copy_needs_wecom_and_goes_to_the_robot_s_key(
    engine: AsyncEngine, world: World
) -> None:
    assert webhook_key("team-key") == "team-key"
    assert webhook_key("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123") == "abc-123"
    async with session_factory(engine).begin() as session:
        team = await session.get(Team, world.people["zhangwei"].team_id)
        assert team is not None
        team.group_webhook = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123"
    assert await job(engine, world).run_once(at(TUESDAY, "09:00")) == REPS + MANAGERS
    # [wecom] is off in this world: everyone is reached on the console, and the group is not.
    async with session_factory(engine)() as session:
        rows = (await session.scalars(select(OutboxMessage))).all()
    assert {row.platform for row in rows} == {"console"}
    assert not [row for row in rows if row.kind == "group"]


async def test_the_tick_is_scheduled_with_workers_and_reachable_without(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    running = await aiohttp_client(create_app(config, extractor=extractors(config)))
    scheduled = running.app[SCHEDULER].get_job("digests")
    assert scheduled is not None and scheduled.trigger.interval.total_seconds() == 60
    assert scheduled.coalesce and scheduled.max_instances == 1
    assert isinstance(running.app[DIGESTS], DigestJob)
    stepped = await aiohttp_client(create_app(config, workers=False, extractor=extractors(config)))
    assert stepped.app[SCHEDULER].get_job("digests") is None
    assert await stepped.app[DIGESTS].run_once(at(date(2026, 3, 14), "10:00")) == 0
    off = dataclasses.replace(config, digests=DigestsConfig(enabled=False))
    quiet = await aiohttp_client(create_app(off, extractor=extractors(off)))
    assert quiet.app[SCHEDULER].get_job("digests") is None


def test_digest_times_are_checked_when_the_config_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[digests]\nrep_morning = "7:30"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r'\[digests\] rep_morning: must be a time like "08:30"'):
        load_config(path, env={})
    path.write_text('[digests]\nmanager_weekly = "monday 9am"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[digests\] manager_weekly: must be a weekday and a time"):
        load_config(path, env={})
    path.write_text('[digests]\nenabled = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[digests\] enabled: expected true or false"):
        load_config(path, env={})
    path.write_text('[digests]\nrep_evening = ""\nmanager_weekly = "fri 16:30"\n', encoding="utf-8")
    loaded = load_config(path, env={"SALESBOT_DIGESTS_REP_MORNING": "07:45"}).digests
    assert loaded == DigestsConfig(rep_morning="07:45", rep_evening="", manager_weekly="fri 16:30")


def test_a_picture_is_kept_in_the_row_under_one_key_whatever_the_platform() -> None:
    png = b"\x89PNG\r\n\x1a\nnot really"
    reply = Reply(to=1, title="华东一组 周报", image=png, dedupe_key="digest:weekly:1:2026-03-09:chart")
    for platform, target in (("wecom", "ZhangWei"), ("console", "zhangwei")):
        item = Outgoing.of(platform, target, "push", reply, 1)  # type: ignore[arg-type]
        row = item.as_json()
        assert row["title"] == "华东一组 周报" and base64.b64decode(row["image_png_base64"]) == png
        assert Outgoing.from_json(platform, target, "push", row, 1) == item  # type: ignore[arg-type]
    plain = Outgoing.of("console", "zhangwei", "push", Reply(to=1, title="日报"), 1).as_json()
    assert "image_png_base64" not in plain
