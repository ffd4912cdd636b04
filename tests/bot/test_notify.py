"""Wake-ups and live updates between instances: the notifiers themselves (PostgreSQL LISTEN/NOTIFY with
its reconnection, and the in-process bus), then two apps on one database: a message accepted by one wakes
the other's processor, an outbox row written by one wakes the other's sender, and a console reply
delivered by one reaches a browser connected to the other."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import NOTIFIER, PIPELINE, SENDER, create_app
from bot.cli.demo import demo_config
from bot.clock import FixedClock
from bot.config import Config
from bot.core.notify import (
    APPLICATION_NAME,
    CONSOLE,
    INBOUND,
    OUTBOX,
    LocalBus,
    LocalNotifier,
    PostgresNotifier,
    asyncpg_dsn,
)
from tests.extractors import Extractors

START = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
BOUND = 10  # seconds: a bound on waiting for what must happen, never a timing assertion


class Heard:
    """What a listener heard, and a way to wait for the next thing."""

    def __init__(self) -> None:
        self.payloads: list[str] = []
        self._new = asyncio.Event()

    def __call__(self, payload: str) -> None:
        self.payloads.append(payload)
        self._new.set()

    async def next(self) -> str:
        async with asyncio.timeout(BOUND):
            while not self.payloads:
                self._new.clear()
                await self._new.wait()
        return self.payloads.pop(0)


def pg_only(url: str) -> None:
    if url.startswith("sqlite"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite serves one process")


async def no_sleep(_: float) -> None:
    await asyncio.sleep(0)


@pytest.fixture
async def pair(database_url: str) -> AsyncIterator[tuple[PostgresNotifier, PostgresNotifier]]:
    pg_only(database_url)
    one, two = (PostgresNotifier(database_url, sleep=no_sleep) for _ in range(2))
    try:
        yield one, two
    finally:
        await asyncio.gather(one.close(), two.close())


async def started(*notifiers: PostgresNotifier) -> None:
    for notifier in notifiers:
        await notifier.start()
    async with asyncio.timeout(BOUND):
        await asyncio.gather(*(n.listening.wait() for n in notifiers))


async def test_what_one_instance_publishes_the_others_hear_and_it_does_not(
    pair: tuple[PostgresNotifier, PostgresNotifier],
) -> None:
    one, two = pair
    heard_one, heard_two = Heard(), Heard()
    one.listen(OUTBOX, heard_one)
    two.listen(OUTBOX, heard_two)
    await started(one, two)
    one.publish(OUTBOX, "7")
    assert await heard_two.next() == "7"
    two.publish(OUTBOX, "8")
    assert await heard_one.next() == "8"
    assert heard_one.payloads == [] and heard_two.payloads == []  # nobody heard its own


async def test_a_channel_listened_to_after_start_is_heard(
    pair: tuple[PostgresNotifier, PostgresNotifier],
) -> None:
    one, two = pair
    await started(one, two)
    heard = Heard()
    two.listen(INBOUND, heard)
    async with asyncio.timeout(BOUND):
        await two.listening.wait()
    one.publish(INBOUND, "x")
    assert await heard.next() == "x"


async def test_a_dropped_connection_is_reconnected_and_its_listeners_told_to_look(
    pair: tuple[PostgresNotifier, PostgresNotifier], database_url: str
) -> None:
    one, two = pair
    heard = Heard()
    two.listen(OUTBOX, heard)
    await started(one, two)
    admin = await asyncpg.connect(asyncpg_dsn(database_url))
    try:  # the server ends the listening connection (a restart, a failover, an idle-killer)
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1"
            " AND datname = current_database()",
            APPLICATION_NAME,
        )
    finally:
        await admin.close()
    assert await heard.next() == ""  # reconnected: what was missed meanwhile, go and look
    assert two.connections == 2
    one.publish(OUTBOX, "after")
    assert await heard.next() == "after"


def test_a_payload_must_stay_small() -> None:
    notifier = PostgresNotifier("postgresql+asyncpg://x@127.0.0.1/none")
    with pytest.raises(ValueError, match="publish ids"):
        notifier.publish(CONSOLE, "x" * 8000)


async def test_the_in_process_bus_reaches_the_others_on_it_only() -> None:
    bus = LocalBus()
    one, two, alone = LocalNotifier(bus), LocalNotifier(bus), LocalNotifier()
    heard = {n: Heard() for n in (one, two, alone)}
    for notifier, listener in heard.items():
        notifier.listen(OUTBOX, listener)
        await notifier.start()
    one.publish(OUTBOX, "1")
    assert await heard[two].next() == "1"
    await asyncio.sleep(0)  # let any other call_soon run
    assert heard[one].payloads == [] and heard[alone].payloads == []
    await two.close()
    one.publish(OUTBOX, "2")
    await asyncio.sleep(0)
    assert heard[two].payloads == []


# -- two apps on one database ----------------------------------------------------------------------------


@pytest.fixture
def console_config(config: Config) -> Config:
    return demo_config(config)


async def two_apps(
    aiohttp_client: type[TestClient], config: Config, extractors: Extractors
) -> tuple[TestClient, TestClient]:
    clock = FixedClock(START)
    one = await aiohttp_client(create_app(config, clock=clock, workers=False, extractor=extractors(config)))
    two = await aiohttp_client(create_app(config, clock=clock, workers=False, extractor=extractors(config)))
    async with asyncio.timeout(BOUND):
        for client in (one, two):
            await client.app[NOTIFIER].listening.wait()  # type: ignore[attr-defined]
    return one, two


def spy_wake(target: object) -> asyncio.Event:
    woken = asyncio.Event()
    real = target.wake  # type: ignore[attr-defined]

    def wake() -> None:
        woken.set()
        real()

    target.wake = wake  # type: ignore[attr-defined]
    return woken


async def test_a_message_accepted_by_one_instance_wakes_the_other_s_processor_and_its_reply_the_senders(
    aiohttp_client: type[TestClient], console_config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    pg_only(console_config.database.url)
    one, two = await two_apps(aiohttp_client, console_config, extractors)
    processor, sender = spy_wake(two.app[PIPELINE]), spy_wake(one.app[SENDER])
    body = {"as": "lina", "id": "m1", "text": "今天拜访了苏州仁济医院王主任，下周三再联系"}
    assert (await one.post("/console/api/messages", json=body)).status == 202
    async with asyncio.timeout(BOUND):
        await processor.wait()  # accepted by the first, the second's processor looks
    assert await two.app[PIPELINE].drain() == 1
    async with asyncio.timeout(BOUND):
        await sender.wait()  # the reply the second wrote: the first's sender looks
    assert await one.app[SENDER].send_due() == 1


async def test_a_console_reply_delivered_by_one_instance_reaches_a_browser_on_the_other(
    aiohttp_client: type[TestClient], console_config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    pg_only(console_config.database.url)
    one, two = await two_apps(aiohttp_client, console_config, extractors)
    stream = await two.get("/console/api/events", params={"as": "lina"})  # the browser is on the second
    assert await stream.content.readline() == b"event: ready\n"
    await stream.content.readline(), await stream.content.readline()
    body = {"as": "lina", "id": "m1", "text": "今天拜访了苏州仁济医院王主任，下周三再联系"}
    assert (await one.post("/console/api/messages", json=body)).status == 202
    assert await one.app[PIPELINE].drain() == 1
    assert await one.app[SENDER].send_due() == 1  # the first instance delivers the reply
    async with asyncio.timeout(BOUND):
        line = await stream.content.readline()
    event = json.loads(line.removeprefix(b"data: "))
    assert event["kind"] == "reply" and event["payload"]["title"] == "已记录跟进"
    assert event["handle"].startswith("console-")
    stream.close()
