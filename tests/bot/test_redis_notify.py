"""Wake-ups and live updates between instances through Redis pub/sub (`[database] redis_url`), on a real
Redis: what one notifier publishes the others hear and it does not, a subscriber connection killed by the
server is reconnected and its listeners told to look, another prefix is another bot; then two apps: a
message accepted by one wakes the other's processor, and a console reply delivered by one reaches a
browser connected to the other."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import NOTIFIER, PIPELINE, SENDER
from bot.cli.demo import demo_config
from bot.config import Config
from bot.core.notify import CONSOLE, INBOUND, OUTBOX
from bot.core.redis_notify import RedisNotifier
from tests.bot.test_notify import BOUND, Heard, no_sleep, spy_wake, two_apps
from tests.extractors import Extractors


@pytest.fixture
async def pair(redis_url: str, redis_prefix: str) -> AsyncIterator[tuple[RedisNotifier, RedisNotifier]]:
    one, two = (RedisNotifier(redis_url, prefix=redis_prefix, sleep=no_sleep) for _ in range(2))
    try:
        yield one, two
    finally:
        await asyncio.gather(one.close(), two.close())


async def started(*notifiers: RedisNotifier) -> None:
    for notifier in notifiers:
        await notifier.start()
    async with asyncio.timeout(BOUND):
        await asyncio.gather(*(n.listening.wait() for n in notifiers))


async def test_what_one_instance_publishes_the_others_hear_and_it_does_not(
    pair: tuple[RedisNotifier, RedisNotifier],
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


async def test_a_channel_listened_to_after_start_is_heard(pair: tuple[RedisNotifier, RedisNotifier]) -> None:
    one, two = pair
    await started(one, two)
    heard = Heard()
    two.listen(INBOUND, heard)
    async with asyncio.timeout(BOUND):
        await two.listening.wait()
    one.publish(INBOUND, "x")
    assert await heard.next() == "x"


async def test_a_killed_connection_is_reconnected_and_its_listeners_told_to_look(
    pair: tuple[RedisNotifier, RedisNotifier], redis_url: str
) -> None:
    one, two = pair
    heard = Heard()
    two.listen(OUTBOX, heard)
    await started(one, two)
    admin = Redis.from_url(redis_url, decode_responses=True)
    try:  # the server ends the instance's connections (a restart, a failover, an idle-killer)
        ids = [c["id"] for c in await admin.client_list() if c["name"] == two.client_name]
        assert ids
        for id_ in ids:
            assert await admin.client_kill_filter(_id=id_) == 1
    finally:
        await admin.aclose()
    assert await heard.next() == ""  # reconnected: what was missed meanwhile, go and look
    assert two.connections == 2
    async with asyncio.timeout(BOUND):
        await two.listening.wait()
    one.publish(OUTBOX, "after")
    assert await heard.next() == "after"


async def test_another_prefix_is_another_bot(
    pair: tuple[RedisNotifier, RedisNotifier], redis_url: str, redis_prefix: str
) -> None:
    _, two = pair
    heard = Heard()
    two.listen(OUTBOX, heard)
    await started(two)
    raw = Redis.from_url(redis_url)
    try:  # one connection: Redis delivers in the order published
        await raw.publish(f"other-{redis_prefix}{OUTBOX}", "someone:1")
        await raw.publish(f"{redis_prefix}{OUTBOX}", "someone:2")
    finally:
        await raw.aclose()
    assert await heard.next() == "2" and heard.payloads == []


def test_a_payload_must_stay_small() -> None:
    notifier = RedisNotifier("redis://127.0.0.1:1")
    with pytest.raises(ValueError, match="publish ids"):
        notifier.publish(CONSOLE, "x" * 8000)


# -- two apps, one Redis ------------------------------------------------------------------------------------


@pytest.fixture
def redis_config(config: Config, redis_url: str, redis_prefix: str) -> Config:
    database = dataclasses.replace(config.database, redis_url=redis_url, redis_prefix=redis_prefix)
    return demo_config(dataclasses.replace(config, database=database))


async def test_a_message_accepted_by_one_instance_wakes_the_other_s_processor_and_its_reply_the_senders(
    aiohttp_client: type[TestClient], redis_config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    one, two = await two_apps(aiohttp_client, redis_config, extractors)
    assert isinstance(one.app[NOTIFIER], RedisNotifier)
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
    aiohttp_client: type[TestClient], redis_config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    one, two = await two_apps(aiohttp_client, redis_config, extractors)
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
    stream.close()
