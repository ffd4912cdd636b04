"""A retry whose earlier attempt may have been shown (the sender died or hung mid-call, or the call timed
out): the outbox records the attempt before the call and marks the retry uncertain, and each platform's
channel uses what it offers so that the message is shown once. On SQLite and PostgreSQL."""

# ruff: noqa: F811
from __future__ import annotations

import dataclasses
import random
from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.base import DeliveryError, Resources
from bot.channels.dingtalk.channel import DingTalkChannel
from bot.channels.tokens import MemoryTokenCache
from bot.channels.wecom.channel import DUPLICATE_CHECK_MARGIN
from bot.clock import FixedClock
from bot.config import DingTalkConfig, WeComConfig
from bot.core.outbox import OutboxSender, Transport
from bot.fakes.dingtalk import FakeDingTalk
from bot.fakes.wecom import FakeWeCom
from bot.types import Button, Outgoing
from storage.db import session_factory
from storage.outbox import LEASE, claim_due_outbox, enqueue_outbox, reschedule_outbox
from tests.channels.delivery import channel_for, db_client, enqueue, row
from tests.channels.dingtalk_fixtures import dingtalk, dingtalk_config  # noqa: F401

BUTTONS = (Button("contacted:7", "已联系"), Button("snooze:7", "推迟一天"))


class Crash(BaseException):
    """The process dying: nothing after it runs, not even the outcome's commit."""


class Recording:
    """Delivers through `inner` (when given) and records each item; `crash_after` attempts die once the
    platform has taken the message, `fail` raises scripted errors before it is called."""

    def __init__(
        self, inner: Transport | None = None, *, crash_after: int = 0, fail: list[Exception] | None = None
    ):
        self.inner, self.crash_after, self.fail = inner, crash_after, list(fail or [])
        self.items: list[Outgoing] = []

    async def deliver(self, item: Outgoing) -> str | None:
        self.items.append(item)
        if self.fail:
            raise self.fail.pop(0)
        handle = await self.inner.deliver(item) if self.inner is not None else None
        if len(self.items) <= self.crash_after:
            raise Crash()
        return handle


def sender(
    engine: AsyncEngine, clock: FixedClock, transport: Transport, platform: str = "wecom"
) -> OutboxSender:
    return OutboxSender(session_factory(engine), clock, {platform: transport}, rng=random.Random(3))


async def crash_then_retry(outbox: OutboxSender, clock: FixedClock) -> None:
    with pytest.raises(Crash):
        await outbox.send_due()
    assert await outbox.send_due() == 0  # the dead sender's lease still holds the row
    clock.advance(LEASE)
    assert await outbox.send_due() == 1


async def test_a_retry_after_a_crash_mid_call_is_uncertain_and_keeps_its_key(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    started = clock.now()
    outbox_id = await enqueue(engine, clock, "LiNa", "reply", title="没找到「139」")
    transport = Recording(crash_after=1)
    await crash_then_retry(sender(engine, clock, transport), clock)
    first, retry = transport.items
    assert not first.attempt_uncertain and first.uncertain_since is None
    assert retry.attempt_uncertain and retry.uncertain_since == started
    assert first.delivery_key == retry.delivery_key != ""
    sent = await row(engine, outbox_id)
    assert sent.status == "sent" and sent.attempts == 2 and sent.attempt_started_at is None


async def test_only_failures_that_may_have_been_shown_make_later_attempts_uncertain(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    await enqueue(engine, clock, "LiNa", "reply", title="t")
    refused, timed_out = DeliveryError("errcode 60020-like refusal"), DeliveryError("timeout", uncertain=True)
    transport = Recording(fail=[refused, timed_out, DeliveryError("refused again")])
    outbox = sender(engine, clock, transport)
    for _ in range(4):
        await outbox.send_due()
        clock.advance(timedelta(hours=1))
    flags = [item.attempt_uncertain for item in transport.items]
    # A refusal leaves the next attempt certain; after a timeout every later attempt is uncertain.
    assert flags == [False, False, True, True]


async def test_a_hung_senders_late_failure_does_not_touch_the_attempt_that_took_over(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    outbox_id = await enqueue(engine, clock, "LiNa", "reply", title="t")
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        hung = await claim_due_outbox(session, clock.now())
    assert hung is not None and hung.attempt_started_at == clock.now()
    clock.advance(LEASE)
    async with sessions.begin() as session:
        taken = await claim_due_outbox(session, clock.now())
    assert taken is not None and taken.uncertain_since == hung.attempt_started_at
    async with sessions.begin() as session:  # the hung one wakes up and reports a failure
        await reschedule_outbox(session, outbox_id, "late", clock.now(), started_at=hung.attempt_started_at)
    current = await row(engine, outbox_id)
    assert current.attempt_started_at == clock.now() and current.last_error is None


@pytest.mark.parametrize("buttons", [(), BUTTONS], ids=["markdown", "card"])
async def test_wecom_uncertain_retry_asks_for_the_duplicate_check_and_is_shown_once(
    engine: AsyncEngine,
    api_config: WeComConfig,
    http_session: aiohttp.ClientSession,
    clock: FixedClock,
    fake: FakeWeCom,
    buttons: tuple[Button, ...],
) -> None:
    await enqueue(engine, clock, "LiNa", "reply", title="没找到「13900001111」", buttons=buttons)
    channel = channel_for(db_client(engine, api_config, http_session, clock), clock)
    await crash_then_retry(sender(engine, clock, Recording(channel, crash_after=1)), clock)
    first, retry = (r.body for r in fake.calls("/cgi-bin/message/send"))
    assert "enable_duplicate_check" not in first  # a reply's first attempt: no check
    assert retry["enable_duplicate_check"] == 1
    # Back to the uncertain attempt's start, and a margin: not the 4 hours of a push.
    assert retry["duplicate_check_interval"] == LEASE.total_seconds() + DUPLICATE_CHECK_MARGIN
    msgtype = first["msgtype"]
    assert first[msgtype] == retry[msgtype]  # the same message (a card: the same task_id)
    assert len(fake.delivered("LiNa")) == 1
    assert [d.duplicate for d in fake.received["LiNa"]] == [False, True]


async def test_wecom_reply_retried_after_a_refusal_has_no_duplicate_check(
    engine: AsyncEngine,
    api_config: WeComConfig,
    http_session: aiohttp.ClientSession,
    clock: FixedClock,
    fake: FakeWeCom,
) -> None:
    await enqueue(engine, clock, "LiNa", "reply", title="t")
    fake.inject(errcode=-1, path="/cgi-bin/message/send")  # 系统繁忙: may have been carried out
    fake.inject(errcode=45033, path="/cgi-bin/message/send")  # a refusal: nothing was shown
    channel = channel_for(db_client(engine, api_config, http_session, clock), clock)
    outbox = sender(engine, clock, channel)
    for _ in range(3):
        await outbox.send_due()
        clock.advance(timedelta(hours=1))
    bodies = [r.body for r in fake.calls("/cgi-bin/message/send")]
    assert ["enable_duplicate_check" in b for b in bodies] == [False, True, True]


async def test_dingtalk_card_retry_reuses_its_out_track_id(
    engine: AsyncEngine,
    dingtalk_config: DingTalkConfig,
    dingtalk: FakeDingTalk,
    http_session: aiohttp.ClientSession,
    clock: FixedClock,
) -> None:
    config = dataclasses.replace(dingtalk_config, mode="http", card_template_id="tpl.sales")

    async def nothing(messages: object) -> list[int]:
        return []

    channel = DingTalkChannel(config, clock, nothing)
    channel.open(Resources(http_session, MemoryTokenCache(), None))  # type: ignore[arg-type]
    async with session_factory(engine).begin() as session:
        item = Outgoing(
            "dingtalk", "LiNa", "push", title="SLA 超时", lines=("客户：远航物流",), buttons=BUTTONS
        )
        outbox_id = (await enqueue_outbox(session, item, clock.now())).id
    await crash_then_retry(sender(engine, clock, Recording(channel, crash_after=1), "dingtalk"), clock)
    first, retry = (r.body["outTrackId"] for r in dingtalk.calls("/v1.0/card/instances/createAndDeliver"))
    assert first == retry and first.startswith(f"sb_{outbox_id}_")
    assert list(dingtalk.cards) == [first] and len(dingtalk.delivered("LiNa")) == 1
    assert (await row(engine, outbox_id)).card_handle == first


async def test_wecom_kf_reply_names_the_same_msgid_on_every_attempt(
    engine: AsyncEngine,
    api_config: WeComConfig,
    http_session: aiohttp.ClientSession,
    clock: FixedClock,
    fake: FakeWeCom,
) -> None:
    # kf/send_msg refuses a msgid the 客服 account has seen: a retry of one it took cannot show twice.
    fake.customer_writes("wkSales", "wmCustomer1", "在吗")
    outbox_id = await enqueue(
        engine, clock, "wmCustomer1", "reply", title="您好", route={"open_kfid": "wkSales"}
    )
    channel = channel_for(db_client(engine, api_config, http_session, clock), clock)
    await crash_then_retry(sender(engine, clock, Recording(channel, crash_after=1)), clock)
    first, retry = (r.body["msgid"] for r in fake.calls("/cgi-bin/kf/send_msg"))
    assert first == retry and first.startswith(f"sb_{outbox_id}_") and len(first) <= 32
