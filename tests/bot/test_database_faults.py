"""A database that stops answering or refuses writes: requests answer 503 quickly, /readyz says why.

The stalled database is a TCP proxy in front of the test's PostgreSQL that, once told to stall, still
accepts connections and reads what it is sent but never answers (the way a hung server or a black-holed
network looks to the bot); before that it forwards faithfully, so the app starts as usual.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator, Awaitable
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import CONFIG, ENGINE, PROBES, create_app, readyz
from bot.clock import FixedClock
from bot.config import Config, IntakeConfig
from bot.core.pipeline import Pipeline
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver
from storage import migrate
from storage.db import DatabaseUnavailable, create_engine, session_factory
from tests.bot.test_pipeline import T0, Recorder, message

INTAKE_TOKEN = "form-token-123"
FORM = {"name": "王总", "company": "苏州精工", "phone": "13912345678", "message": "想了解报价"}
WECOM_DEADLINE = 5.0  # seconds WeChat Work waits for an answer before it retries


class StallingProxy:
    """Forwards TCP to `upstream` until `stall()`; from then on it answers nothing, on the connections
    it already has and on new ones (which it accepts and reads, like a hung server)."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.stalled = False
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    def stall(self) -> None:
        self.stalled = True

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._writers:
            writer.close()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.append(writer)
        try:
            if self.stalled:
                await self._swallow(reader)
                return
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
            self._writers.append(up_writer)
            await asyncio.gather(self._pump(reader, up_writer), self._pump(up_reader, writer))
        except (ConnectionError, OSError):
            pass

    async def _swallow(self, reader: asyncio.StreamReader) -> None:
        while await reader.read(65536):
            pass

    async def _pump(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        while data := await source.read(65536):
            if not self.stalled:
                sink.write(data)
        sink.close()


def with_database(config: Config, **changes: Any) -> Config:
    return dataclasses.replace(config, database=dataclasses.replace(config.database, **changes))


@pytest.fixture
async def proxied_config(config: Config, engine: AsyncEngine) -> AsyncIterator[tuple[Config, StallingProxy]]:
    """The test config on PostgreSQL through a StallingProxy, with WeChat Work and the intake on and the
    timeouts at their defaults."""
    if config.database.url.startswith("sqlite"):
        pytest.skip("a stalled database server needs PostgreSQL (SQLite has no connection to stall)")
    url = make_url(config.database.url)
    proxy = StallingProxy(url.host or "127.0.0.1", url.port or 5432)
    port = await proxy.start()
    proxied = url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    wecom = dataclasses.replace(SAMPLE_APP, api_base="http://127.0.0.1:9")  # nothing is sent here
    try:
        yield (
            dataclasses.replace(
                with_database(config, url=proxied), wecom=wecom, intake=IntakeConfig(token=INTAKE_TOKEN)
            ),
            proxy,
        )
    finally:
        await proxy.close()


async def timed(request: Awaitable[aiohttp.ClientResponse]) -> tuple[int, float]:
    """The answer's status and how long it took."""
    started = time.monotonic()
    response = await request
    return response.status, time.monotonic() - started


async def test_a_stalled_database_gets_503_well_inside_the_platform_deadline(
    aiohttp_client: type[TestClient], proxied_config: tuple[Config, StallingProxy]
) -> None:
    config, proxy = proxied_config
    client = await aiohttp_client(create_app(config, clock=FixedClock(T0)))
    driver = CallbackDriver(config.wecom, FixedClock(T0))
    assert (await client.get("/readyz")).status == 200  # the pool holds live connections now
    proxy.stall()
    path, auth = config.wecom.callback_path, {"Authorization": f"Bearer {INTAKE_TOKEN}"}
    callbacks = [driver.text("LiNa", f"消息{i}") for i in range(5)]  # a burst: those behind the first too
    results = await asyncio.wait_for(
        asyncio.gather(
            *(timed(client.post(path, params=params, data=body)) for params, body in callbacks),
            timed(client.post("/api/inquiries", json=FORM, headers=auth)),
            timed(client.get("/readyz")),
        ),
        timeout=30,  # before the fix they hung for minutes
    )
    assert [status for status, _ in results] == [503] * 7
    slowest = max(seconds for _, seconds in results)
    assert slowest < WECOM_DEADLINE - 1, f"slowest answer took {slowest:.1f}s"
    # A request that arrives while the first ones are still stuck is not queued behind them.
    params, body = driver.text("LiNa", "又一条")
    status, seconds = await asyncio.wait_for(timed(client.post(path, params=params, data=body)), timeout=30)
    assert status == 503 and seconds < WECOM_DEADLINE - 1


async def test_accept_and_readiness_give_up_on_a_server_that_never_answers(
    aiohttp_client: type[TestClient],
) -> None:
    """The same without a PostgreSQL server: the pieces on an engine whose server never says a word."""
    server = StallingProxy("127.0.0.1", 9)  # stalled from the start: it never forwards a byte
    server.stall()
    url = f"postgresql+asyncpg://salesbot@127.0.0.1:{await server.start()}/salesbot"
    config = with_database(Config(), url=url, request_timeout=timedelta(seconds=1))
    engine = create_engine(url)  # the one-shot defaults: a 10 s connect timeout, no command timeout
    pipeline = Pipeline(session_factory(engine), FixedClock(T0), Recorder(), accept_timeout=1.0)
    app = web.Application()
    app[CONFIG], app[ENGINE], app[PROBES] = config, engine, set()
    app.router.add_get("/readyz", readyz)
    try:
        started = time.monotonic()
        burst = (pipeline.accept([message(f"m{i}")]) for i in range(5))
        results = await asyncio.gather(*burst, return_exceptions=True)
        assert all(isinstance(r, DatabaseUnavailable) for r in results), results
        assert time.monotonic() - started < 3
        client = await aiohttp_client(app)
        started = time.monotonic()
        response = await client.get("/readyz")
        assert response.status == 503 and await response.json() == {"status": "database unreachable"}
        assert time.monotonic() - started < 3
    finally:
        await asyncio.gather(*app[PROBES], return_exceptions=True)
        await pipeline.close()
        await engine.dispose()
        await server.close()


async def refuse_writes(app_engine: AsyncEngine, config: Config) -> None:
    """Turn the database read-only under the running app, then let its pool reconnect: SQLite's file
    opens read-only from then on (as after a chmod or a read-only remount; chmod itself cannot show it
    here, the tests run as root), PostgreSQL's database turns read-only (as a standby after a failover)."""
    url = make_url(config.database.url)
    if url.get_backend_name() == "sqlite":

        @event.listens_for(app_engine.sync_engine, "do_connect")
        def read_only(
            dialect: object, record: object, cargs: list[object], cparams: dict[str, object]
        ) -> None:
            cargs[0] = f"file:{url.database}?mode=ro"
            cparams["uri"] = True

    else:
        admin = create_engine(config.database.url)
        try:
            async with admin.connect() as conn:
                await conn.execute(text("COMMIT"))
                await conn.execute(
                    text(f'ALTER DATABASE "{url.database}" SET default_transaction_read_only = on')
                )
        finally:
            await admin.dispose()
    await app_engine.dispose()


async def test_readiness_fails_when_the_database_refuses_writes(
    aiohttp_client: type[TestClient], config: Config
) -> None:
    engine = create_engine(config.database.url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()
    client = await aiohttp_client(create_app(config, workers=False))
    assert (await client.get("/readyz")).status == 200
    await refuse_writes(client.app[ENGINE], config)
    response = await client.get("/readyz")
    assert response.status == 503 and (await response.json()) == {"status": "database refuses writes"}
