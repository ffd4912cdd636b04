"""微信客服 pull: every customer message accepted once, the cursor persisted and honoured after a restart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import aiohttp
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.kf import KfPuller, customer_message
from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.core.stores import DatabaseCursors, DatabaseTokenCache
from bot.fakes.wecom import FakeWeCom
from bot.types import Message
from storage.db import session_factory
from storage.inbound import record_inbound
from storage.models import InboundMessage
from storage.tokens import get_cursor


class Accepted:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def __call__(self, messages: Sequence[Message]) -> None:
        self.messages.extend(messages)


def puller(
    engine: AsyncEngine, config: WeComConfig, http: aiohttp.ClientSession, clock: FixedClock, accept: Accepted
) -> KfPuller:
    sessions = session_factory(engine)
    client = WeComClient(config, http, DatabaseTokenCache(sessions), clock, timeout=0.5)
    return KfPuller(client, config.corp_id, DatabaseCursors(sessions, clock), accept)


async def test_pull_pages_through_and_survives_a_restart(
    engine: AsyncEngine, fake: FakeWeCom, api_config: WeComConfig, clock: FixedClock
) -> None:
    for i in range(3):
        fake.customer_writes("wkKF1", f"wmCust{i}", f"想了解一下报价 {i}")
    accepted = Accepted()
    async with aiohttp.ClientSession() as http:
        assert await puller(engine, api_config, http, clock, accepted).pull("wkKF1", "tok") == 3
    assert [m.text for m in accepted.messages] == [f"想了解一下报价 {i}" for i in range(3)]
    first = accepted.messages[0]
    assert (first.kind, first.sender_id, first.chat_id) == ("inquiry", "wmCust0", "wkKF1")
    assert first.raw["source"] == "wecom_kf"

    # A new process: the cursor comes from the database, so only the new message is read.
    fake.customer_writes("wkKF1", "wmCust9", "明天能来演示吗")
    again = Accepted()
    async with aiohttp.ClientSession() as http:
        assert await puller(engine, api_config, http, clock, again).pull("wkKF1", "tok2") == 1
    assert [m.text for m in again.messages] == ["明天能来演示吗"]
    sync_calls = fake.calls("/cgi-bin/kf/sync_msg")
    assert sync_calls[-1].body["cursor"] == "c3"
    async with session_factory(engine)() as session:
        assert await get_cursor(session, f"wecom:kf:{api_config.corp_id}:wkKF1") == "c4"


async def test_many_messages_come_in_pages(
    engine: AsyncEngine, fake: FakeWeCom, api_config: WeComConfig, clock: FixedClock
) -> None:
    for i in range(2500):
        fake.customer_writes("wkKF2", f"wm{i % 7}", f"消息{i}")
    accepted = Accepted()
    async with aiohttp.ClientSession() as http:
        assert await puller(engine, api_config, http, clock, accepted).pull("wkKF2", "tok") == 2500
    assert len(fake.calls("/cgi-bin/kf/sync_msg")) == 3
    assert len({m.platform_msg_id for m in accepted.messages}) == 2500


def test_only_customers_text_becomes_an_inquiry() -> None:
    base = {"msgid": "m1", "open_kfid": "wk", "external_userid": "wm", "send_time": 1700000000}
    assert customer_message({**base, "origin": 3, "msgtype": "text", "text": {"content": "你好"}}) is not None
    assert customer_message({**base, "origin": 4, "msgtype": "event", "event": {}}) is None
    assert customer_message({**base, "origin": 5, "msgtype": "text", "text": {"content": "客服回复"}}) is None
    assert customer_message({**base, "origin": 3, "msgtype": "image", "image": {"media_id": "x"}}) is None
    assert customer_message({**base, "origin": 3, "msgtype": "text", "text": {"content": "  "}}) is None
    assert (
        customer_message(
            {**base, "send_time": "soon", "origin": 3, "msgtype": "text", "text": {"content": "a"}}
        )
        is None
    )


async def test_a_nul_in_a_customers_message_does_not_hold_the_queue(
    engine: AsyncEngine, fake: FakeWeCom, api_config: WeComConfig, clock: FixedClock
) -> None:
    """PostgreSQL cannot store a NUL: the message would fail its insert on every pull, and the cursor
    and every message after it would wait for ever. The customer's words are kept without it."""
    sessions = session_factory(engine)

    async def store(messages: Sequence[Message]) -> None:
        async with sessions.begin() as session:
            await record_inbound(session, messages, clock.now())

    fake.customer_writes("wkKF3", "wmCust1", "报价\x00多少")
    fake.customer_writes("wkKF3", "wmCust2", "明天能来演示吗")
    async with aiohttp.ClientSession() as http:
        client = WeComClient(api_config, http, DatabaseTokenCache(sessions), clock, timeout=0.5)
        assert (
            await KfPuller(client, api_config.corp_id, DatabaseCursors(sessions, clock), store).pull(
                "wkKF3", "tok"
            )
            == 2
        )
    async with sessions() as session:
        texts = (await session.scalars(select(InboundMessage.text).order_by(InboundMessage.id))).all()
    assert texts == ["报价多少", "明天能来演示吗"]


def test_a_lone_surrogate_in_a_customers_message_is_replaced() -> None:
    item: dict[str, Any] = {
        "msgid": "m1",
        "open_kfid": "wk",
        "external_userid": "wm",
        "send_time": 1700000000,
    }
    item |= {"origin": 3, "msgtype": "text", "text": {"content": "你\ud800好\x00"}}
    message = customer_message(item)
    assert message is not None and message.text == "你\ufffd好"
    message.text.encode("utf-8")  # storable
