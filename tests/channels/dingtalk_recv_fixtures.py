"""Shared pieces of the DingTalk receiving tests: an app config, a recording `accept` that stores each
platform_msg_id once (as the inbound table's unique key does) and can fail or hold, an injected sleep, and
the fake Stream gateway served on 127.0.0.1 port 0 with a StreamClient running against it."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.channels.dingtalk.stream import StreamClient
from bot.clock import FixedClock
from bot.fakes.dingtalk import SAMPLE_DINGTALK
from bot.fakes.dingtalk_stream import FakeStreamGateway
from bot.types import Message

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CONFIG = dataclasses.replace(SAMPLE_DINGTALK, mode="http")


class Recorder:
    """An `accept` that stores each platform_msg_id once, like the inbound table; `fail` makes the next
    calls raise (a database outage); `hold`, when set, keeps each call waiting until it is set again."""

    def __init__(self) -> None:
        self.stored: dict[str, Message] = {}
        self.calls = 0
        self.fail = 0
        self.hold: asyncio.Event | None = None
        self.entered = asyncio.Event()

    async def __call__(self, messages: Sequence[Message]) -> list[int]:
        self.calls += 1
        self.entered.set()
        if self.hold is not None:
            await self.hold.wait()
        if self.fail:
            self.fail -= 1
            raise RuntimeError("database is down")
        for m in messages:
            self.stored.setdefault(m.platform_msg_id, m)
        keys = list(self.stored)
        return [keys.index(m.platform_msg_id) + 1 for m in messages]

    @property
    def messages(self) -> list[Message]:
        return list(self.stored.values())


class RecordingSleep:
    """An injected sleep that records each wait and only yields to the loop."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        await asyncio.sleep(0)


@dataclasses.dataclass
class StreamRig:
    gateway: FakeStreamGateway
    client: StreamClient
    recorder: Recorder
    sleep: RecordingSleep
    clock: FixedClock
    task: asyncio.Task[None]


@asynccontextmanager
async def serve_gateway(gateway: FakeStreamGateway) -> AsyncIterator[str]:
    app = web.Application()
    gateway.add_routes(app)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


@asynccontextmanager
async def stream_rig(*, secret: str | None = None, heartbeat: float = 30.0) -> AsyncIterator[StreamRig]:
    """The fake gateway on port 0 and a StreamClient running against it (with `secret` if given), cancelled
    and awaited on exit."""
    clock = FixedClock(START)
    gateway = FakeStreamGateway(CONFIG.app_key, CONFIG.app_secret, clock)
    recorder, sleep = Recorder(), RecordingSleep()
    async with serve_gateway(gateway) as base, aiohttp.ClientSession() as http:
        config = dataclasses.replace(
            CONFIG, mode="stream", api_base=base, app_secret=secret or CONFIG.app_secret
        )
        client = StreamClient(
            config, http, recorder, sleep=sleep, random=lambda: 1.0, clock=clock, heartbeat=heartbeat,
            local_ip="127.0.0.1",
        )  # fmt: skip
        task = asyncio.create_task(client.run())
        try:
            yield StreamRig(gateway, client, recorder, sleep, clock, task)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
