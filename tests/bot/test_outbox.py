"""The outbox sender: delivery, backoff with jitter, rate-limit waits, dead letters, leases."""

from __future__ import annotations

import asyncio
import base64
import logging
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.wecom.channel import webhook_key
from bot.clock import FixedClock
from bot.core.outbox import Backoff, DeliveryError, OutboxSender
from bot.core.outgoing import Addressing
from bot.types import FILE_MAX_BYTES, Attachment, Outgoing, Platform, Reply
from storage.db import session_factory
from storage.models import OutboxMessage
from storage.outbox import LEASE, count_outbox, enqueue_outbox, outgoing_of

T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


class Script:
    """A transport that fails as scripted, then succeeds, recording every attempt."""

    def __init__(self, *failures: BaseException) -> None:
        self.failures = list(failures)
        self.sent: list[tuple[str, str]] = []
        self.attempts = 0

    async def deliver(self, item: Outgoing) -> str | None:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((item.target, item.title))
        return f"code-{len(self.sent)}"


async def enqueue(engine: AsyncEngine, n: int = 1, platform: Platform = "wecom") -> None:
    async with session_factory(engine).begin() as session:
        for i in range(n):
            await enqueue_outbox(session, Outgoing(platform, f"u{i}", "reply", title=f"t{i}"), T0)


async def rows(engine: AsyncEngine) -> list[OutboxMessage]:
    async with session_factory(engine)() as session:
        return list((await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all())


def sender(engine: AsyncEngine, clock: FixedClock, transport: Script, **kw: Any) -> OutboxSender:
    return OutboxSender(session_factory(engine), clock, {"wecom": transport}, rng=random.Random(7), **kw)


async def test_delivers_and_keeps_the_handle(engine: AsyncEngine) -> None:
    transport = Script()
    await enqueue(engine)
    assert await sender(engine, FixedClock(T0), transport).send_due() == 1
    [row] = await rows(engine)
    assert row.status == "sent" and row.card_handle == "code-1" and row.sent_at == T0
    assert transport.sent == [("u0", "t0")]


async def test_retries_with_growing_jittered_backoff(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    transport = Script(DeliveryError("errcode -1"), ConnectionResetError("peer"), DeliveryError("5xx"))
    outbox = sender(engine, clock, transport)
    await enqueue(engine)
    waits = []
    for _ in range(3):
        assert await outbox.send_due() == 1
        [row] = await rows(engine)
        waits.append(row.next_attempt_at - clock.now())
        assert await outbox.send_due() == 0  # not due again yet: no hot loop
        clock.set(row.next_attempt_at)
    assert await outbox.send_due() == 1
    [row] = await rows(engine)
    assert row.status == "sent" and row.attempts == 4
    assert timedelta(seconds=1) <= waits[0] <= timedelta(seconds=2)
    assert timedelta(seconds=2) <= waits[1] <= timedelta(seconds=4)
    assert timedelta(seconds=4) <= waits[2] <= timedelta(seconds=8)


def test_backoff_is_capped_and_jittered() -> None:
    backoff = Backoff(base=timedelta(seconds=2), cap=timedelta(minutes=10))
    rng = random.Random(1)
    delays = {backoff.delay(30, rng) for _ in range(20)}
    assert all(timedelta(minutes=5) <= d <= timedelta(minutes=10) for d in delays)
    assert len(delays) > 1


async def test_dead_after_max_attempts(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    transport = Script(*[DeliveryError("errcode -1")] * 10)
    outbox = sender(engine, clock, transport, backoff=Backoff(max_attempts=3))
    await enqueue(engine)
    for _ in range(5):
        await outbox.send_due()
        clock.advance(timedelta(hours=1))
    [row] = await rows(engine)
    assert row.status == "dead" and row.attempts == 3 and row.last_error == "errcode -1"
    assert transport.attempts == 3


async def test_configuration_errors_are_not_retried(engine: AsyncEngine) -> None:
    transport = Script(DeliveryError("60020 not allow to access from your ip", retry=False))
    await enqueue(engine)
    await sender(engine, FixedClock(T0), transport).send_due()
    [row] = await rows(engine)
    assert row.status == "dead" and "60020" in (row.last_error or "") and transport.attempts == 1


async def test_rate_limit_waits_its_window_without_spending_an_attempt(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    transport = Script(DeliveryError("45009", wait=timedelta(minutes=1)))
    outbox = sender(engine, clock, transport)
    await enqueue(engine)
    await outbox.send_due()
    [row] = await rows(engine)
    assert row.next_attempt_at == T0 + timedelta(minutes=1) and row.attempts == 0
    clock.advance(timedelta(seconds=59))
    assert await outbox.send_due() == 0
    clock.advance(timedelta(seconds=1))
    assert await outbox.send_due() == 1
    assert (await rows(engine))[0].status == "sent"


async def test_platform_without_a_channel_is_dead_at_once(engine: AsyncEngine) -> None:
    await enqueue(engine, platform="dingtalk")
    await sender(engine, FixedClock(T0), Script()).send_due()
    [row] = await rows(engine)
    assert row.status == "dead" and "no channel is enabled for platform 'dingtalk'" in (row.last_error or "")


async def test_a_sender_that_dies_mid_delivery_is_retried_after_the_lease(engine: AsyncEngine) -> None:
    class Dies(BaseException):
        pass

    clock = FixedClock(T0)
    await enqueue(engine)
    dying = Script(Dies())
    with pytest.raises(Dies):
        await sender(engine, clock, dying).send_due()
    survivor = Script()
    outbox = sender(engine, clock, survivor)
    assert await outbox.send_due() == 0  # leased by the dead sender
    clock.advance(LEASE)
    assert await outbox.send_due() == 1
    assert len(survivor.sent) == 1 and (await rows(engine))[0].status == "sent"


async def test_concurrent_senders_deliver_each_row_once(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    await enqueue(engine, n=30)
    transport = Script()
    senders = [sender(engine, clock, transport) for _ in range(3)]
    await asyncio.gather(*(s.send_due() for s in senders for _ in range(3)))
    assert sorted(t for t, _ in transport.sent) == sorted(f"u{i}" for i in range(30))
    async with session_factory(engine)() as session:
        assert await count_outbox(session) == {"sent": 30}


async def test_a_group_robot_delivery_logs_its_team_not_its_webhook_key(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    key = "6b1c2e0a-secret-robot-key"
    addressing = Addressing(["wecom"], {"wecom": webhook_key})
    async with session_factory(engine).begin() as session:
        for webhook, team in ((f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={key}", "华东一组"),):
            await enqueue_outbox(session, addressing.to_group(webhook, team, Reply(None, "日报")), T0)  # type: ignore[arg-type]
        await enqueue_outbox(session, Outgoing("wecom", "unknown-robot-key", "group", title="日报"), T0)
    transport = Script()
    with caplog.at_level(logging.DEBUG, logger="salesbot.outbox"):
        assert await sender(engine, FixedClock(T0), transport).send_due() == 2
    assert [target for target, _ in transport.sent] == [key, "unknown-robot-key"]  # still sent to the key
    delivered = [r for r in caplog.records if r.getMessage() == "delivered"]
    assert [r.__dict__["target"] for r in delivered] == ["team 华东一组", "group robot of no configured team"]
    assert key not in caplog.text and "unknown-robot-key" not in caplog.text


async def test_a_file_survives_the_outbox_row(engine: AsyncEngine) -> None:
    sheet = Attachment("我的客户-20260310-0930.xlsx", bytes(range(256)) * 40)
    item = Outgoing.of("wecom", "LiNa", "reply", Reply(to=1, title="", file=sheet), person_id=None)
    async with session_factory(engine).begin() as session:
        await enqueue_outbox(session, item, T0)
    [row] = await rows(engine)
    assert row.payload["file_name"] == sheet.name
    assert base64.b64decode(row.payload["file_base64"]) == sheet.data
    assert outgoing_of(row) == item
    assert "file_base64" not in Outgoing("wecom", "LiNa", "reply", title="t").as_json()


@pytest.mark.parametrize("name", ["", "a/b.xlsx", "a\\b.xlsx", 'a"b.xlsx', "a\nb.xlsx"])
def test_a_file_has_one_plain_name(name: str) -> None:
    with pytest.raises(ValueError, match="not a plain file name"):
        Attachment(name, b"PK\x03\x04")


def test_a_file_over_the_limit_cannot_be_made() -> None:
    assert len(Attachment("a.xlsx", bytes(FILE_MAX_BYTES)).data) == FILE_MAX_BYTES
    with pytest.raises(ValueError, match="over the"):
        Attachment("a.xlsx", bytes(FILE_MAX_BYTES + 1))


class Checking(Script):
    """Records, at each call, how many rows the database already holds as sent."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__()
        self.engine = engine
        self.sent_before: list[int] = []

    async def deliver(self, item: Outgoing) -> str | None:
        self.sent_before.append(sum(row.status == "sent" for row in await rows(self.engine)))
        return await super().deliver(item)


async def test_each_delivery_is_recorded_before_the_next_call_in_the_next_claim(engine: AsyncEngine) -> None:
    transport = Checking(engine)
    await enqueue(engine, 3)
    commits = 0

    def committed(_connection: Any) -> None:
        nonlocal commits
        commits += 1

    event.listen(engine.sync_engine, "commit", committed)
    try:
        assert await sender(engine, FixedClock(T0), transport).send_due() == 3
    finally:
        event.remove(engine.sync_engine, "commit", committed)
    # At most one row is ever in flight with an unknown outcome: each call finds the ones before it sent.
    assert transport.sent_before == [0, 1, 2]
    assert [row.status for row in await rows(engine)] == ["sent"] * 3
    # Claims 1-3 (each but the first also recording the one before), the empty claim recording the third.
    assert commits == 4


async def test_a_delivery_slower_than_its_lease_is_recorded_not_claimed_again(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)

    class Slow(Script):
        async def deliver(self, item: Outgoing) -> str | None:
            clock.advance(LEASE + timedelta(seconds=1))  # the lease ran out during the call
            return await super().deliver(item)

    transport = Slow()
    await enqueue(engine, 2)
    assert await sender(engine, clock, transport).send_due() == 2
    # The record of the first and the claim of the next are one statement on PostgreSQL: the first,
    # due again by its lease, is recorded sent, never claimed and called a second time.
    assert transport.sent == [("u0", "t0"), ("u1", "t1")]
    assert [(row.status, row.attempts) for row in await rows(engine)] == [("sent", 1), ("sent", 1)]
