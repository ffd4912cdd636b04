"""Outbox rows delivered by the real WeChat Work channel to the fake server, through the database:
the helpers the delivery tests share (the `sender` fixture is in conftest)."""

from __future__ import annotations

import random
from typing import Any

import aiohttp
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.wecom.channel import WeComChannel
from bot.channels.wecom.client import WeComClient
from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.core.outbox import OutboxSender
from bot.core.stores import DatabaseTokenCache
from bot.types import Outgoing, OutgoingKind
from storage.db import session_factory
from storage.models import OutboxMessage
from storage.outbox import enqueue_outbox


async def enqueue(
    engine: AsyncEngine, clock: FixedClock, target: str, kind: OutgoingKind, **neutral: Any
) -> int:
    async with session_factory(engine).begin() as session:
        row = await enqueue_outbox(session, Outgoing("wecom", target, kind, **neutral), clock.now())
        return row.id


async def row(engine: AsyncEngine, outbox_id: int) -> OutboxMessage:
    async with session_factory(engine)() as session:
        found = await session.scalar(select(OutboxMessage).where(OutboxMessage.id == outbox_id))
        assert found is not None
        return found


def channel_for(client: WeComClient, clock: FixedClock) -> WeComChannel:
    async def accept(messages: Any) -> list[int]:
        return []

    return WeComChannel(client.config, clock, accept, client=client)


def sender_for(engine: AsyncEngine, client: WeComClient, clock: FixedClock) -> OutboxSender:
    return OutboxSender(
        session_factory(engine), clock, {"wecom": channel_for(client, clock)}, rng=random.Random(1)
    )


def db_client(
    engine: AsyncEngine, api_config: WeComConfig, http: aiohttp.ClientSession, clock: FixedClock
) -> WeComClient:
    return WeComClient(api_config, http, DatabaseTokenCache(session_factory(engine)), clock, timeout=0.5)
