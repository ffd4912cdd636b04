"""Outbox rows delivered by the real client to the fake WeChat Work, through the database-backed outbox:
rate-limit waits, configuration errors dead at once, 微信客服 replies held until the customer writes again,
and one shared token for every sender."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from typing import Any

import aiohttp
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.core.outbox import Backoff, OutboxSender
from bot.fakes.wecom import FakeWeCom
from bot.types import Button, CardUpdate
from storage.db import session_factory
from storage.outbox import release_held_outbox
from tests.channels.delivery import channel_for, db_client, enqueue, row

SEND = "/cgi-bin/message/send"


CARD: dict[str, Any] = {
    "title": "新线索分配", "lines": ("客户：苏州仁济医院",), "buttons": (Button("contacted:1", "已联系"),)
}  # fmt: skip


async def test_card_is_sent_and_its_response_code_kept(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "LiNa", "push", **CARD)
    await sender.send_due()
    sent = await row(engine, outbox_id)
    assert sent.status == "sent" and sent.card_handle
    assert sent.card_handle in fake.response_codes
    [delivered] = fake.delivered("LiNa")
    assert delivered.msgtype == "template_card"
    assert fake.calls(SEND)[0].body["enable_duplicate_check"] == 1


async def test_45009_waits_out_the_window_without_spending_an_attempt(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "LiNa", "push", **CARD)
    fake.inject(errcode=45009, path=SEND, block=timedelta(seconds=60))
    await sender.send_due()
    waiting = await row(engine, outbox_id)
    assert waiting.status == "pending" and waiting.attempts == 0
    assert waiting.next_attempt_at >= clock.now() + timedelta(seconds=30)
    assert await sender.send_due() == 0  # not due again yet: no hot loop against the platform
    clock.advance(timedelta(seconds=61))
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "sent"
    assert len(fake.delivered("LiNa")) == 1


async def test_a_5xx_is_retried_with_growing_backoff_until_delivered(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "LiNa", "push", **CARD)
    fake.inject(http_status=502, path=SEND, times=2)
    waits = []
    for _ in range(2):
        await sender.send_due()
        failed = await row(engine, outbox_id)
        assert failed.status == "pending" and "502" in (failed.last_error or "")
        waits.append(failed.next_attempt_at - clock.now())
        assert await sender.send_due() == 0  # not before its time
        clock.advance(waits[-1])
    assert timedelta(seconds=1) <= waits[0] < waits[1]  # 2 s, then 4 s, each with jitter
    await sender.send_due()
    delivered = await row(engine, outbox_id)
    assert delivered.status == "sent" and delivered.attempts == 3
    assert len(fake.delivered("LiNa")) == 1


async def test_an_expired_token_is_refreshed_once_and_the_push_still_goes_out(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    first = await enqueue(engine, clock, "LiNa", "push", **CARD)
    await sender.send_due()
    assert len(fake.calls("/cgi-bin/gettoken")) == 1
    fake.revoke_tokens(42001)  # expired early, as WeChat Work may do
    second = await enqueue(engine, clock, "LiNa", "push", **CARD)
    await sender.send_due()
    assert [(await row(engine, i)).status for i in (first, second)] == ["sent", "sent"]
    assert (await row(engine, second)).attempts == 1
    assert len(fake.calls("/cgi-bin/gettoken")) == 2
    assert len(fake.delivered("LiNa")) == 2


async def test_a_push_that_keeps_failing_is_dead_after_the_configured_attempts(
    engine: AsyncEngine,
    api_config: WeComConfig,
    http_session: aiohttp.ClientSession,
    fake: FakeWeCom,
    clock: FixedClock,
) -> None:
    client = db_client(engine, api_config, http_session, clock)
    backoff = Backoff(timedelta(seconds=2), timedelta(seconds=30), max_attempts=3)
    sender = OutboxSender(
        session_factory(engine), clock, {"wecom": channel_for(client, clock)}, backoff, rng=random.Random(1)
    )
    outbox_id = await enqueue(engine, clock, "LiNa", "push", **CARD)
    fake.inject(http_status=503, path=SEND, times=10)
    for _ in range(5):
        await sender.send_due()
        clock.advance(timedelta(seconds=30))
    dead = await row(engine, outbox_id)
    assert dead.status == "dead" and dead.attempts == 3 and "503" in (dead.last_error or "")
    assert len(fake.calls(SEND)) == 3 and fake.delivered("LiNa") == []


async def test_60020_is_a_configuration_problem_not_retried(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "LiNa", "push", **CARD)
    fake.inject(errcode=60020, path=SEND)
    await sender.send_due()
    dead = await row(engine, outbox_id)
    assert dead.status == "dead" and "60020" in (dead.last_error or "")
    assert len(fake.calls(SEND)) == 1


async def test_unknown_recipient_is_dead_at_once(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "Ghost", "push", **CARD)
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "dead"


async def test_kf_reply_outside_the_window_is_held_until_the_customer_writes(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    reply = {"lines": ("您好，已为您安排顾问",), "route": {"open_kfid": "wkKF1"}}
    outbox_id = await enqueue(engine, clock, "wmCust", "reply", **reply)
    await sender.send_due()  # the customer never wrote: 95002
    held = await row(engine, outbox_id)
    assert held.status == "held" and "95002" in (held.last_error or "")
    clock.advance(timedelta(hours=1))
    assert await sender.send_due() == 0  # held rows are not retried on a timer
    fake.customer_writes("wkKF1", "wmCust", "还在吗")
    async with session_factory(engine).begin() as session:
        assert await release_held_outbox(session, "wecom", "wmCust", clock.now()) == 1
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "sent"
    assert [d.payload["content"] for d in fake.delivered("wmCust")] == ["您好，已为您安排顾问"]


async def test_card_update_greys_out_the_button_once(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    first = await enqueue(engine, clock, "LiNa", "push", **CARD)
    await sender.send_due()
    code = (await row(engine, first)).card_handle
    assert code is not None
    update = CardUpdate(code, "已处理", clock.now())
    done = await enqueue(engine, clock, "LiNa", "card_update", update=update)
    again = await enqueue(engine, clock, "LiNa", "card_update", update=update)
    await sender.send_due()
    assert (await row(engine, done)).status == "sent"
    assert (await row(engine, again)).status == "dead"  # a response_code works once
    assert fake.card_updates[0]["button"] == {"replace_name": "已处理"}


async def test_senders_of_two_instances_share_one_token(
    engine: AsyncEngine, fake: FakeWeCom, api_config: WeComConfig, clock: FixedClock
) -> None:
    async with aiohttp.ClientSession() as a, aiohttp.ClientSession() as b:
        one, two = db_client(engine, api_config, a, clock), db_client(engine, api_config, b, clock)
        await asyncio.gather(*(one.send_text("LiNa", f"m{i}") for i in range(25)))
        await asyncio.gather(*(c.send_text("ZhangWei", f"n{i}") for i, c in enumerate([one, two] * 5)))
    # One fetch for 25 concurrent sends; the second instance finds the token in the database.
    assert len(fake.calls("/cgi-bin/gettoken")) == 1
