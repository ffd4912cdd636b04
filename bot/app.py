"""The composition root: `create_app(config)` wires database, organisation, scheduler and routes.

Each resource has one cleanup context that opens it and closes it, in order, so a stop
lets in-flight requests finish, then stops the scheduler, then closes the pool.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

import aiohttp
from aiohttp import web
from aiohttp.typedefs import Handler
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.channels.console import ConsoleChannel, ConsoleHub, ConsoleTransport
from bot.channels.wecom.callback import WeComCallback
from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.kf import KfPuller
from bot.channels.wecom.prepare import WeComPreparer
from bot.channels.wecom.transport import WeComTransport
from bot.clock import Clock, SystemClock
from bot.config import Config
from bot.console import console_reads
from bot.console_access import console_enabled, install_access
from bot.dashboard import Dashboard
from bot.digests_job import DigestJob
from bot.intake import Intake
from bot.outbox import Backoff, OutboxSender, Transport
from bot.pipeline import Pipeline, Prepare
from bot.router import Router
from bot.scheduler import SlaScanner
from bot.token_store import DatabaseCursors, DatabaseTokenCache
from bot.types import Message
from nlp import Catalog, Extractor, load_catalog
from storage import migrate
from storage.db import create_engine, is_sqlite, session_factory
from storage.inbound import find_inbound, inquiry_outcome
from storage.people import sync_org

log = logging.getLogger("salesbot.app")

CONFIG = web.AppKey("config", Config)
CLOCK = web.AppKey("clock", Clock)
ENGINE = web.AppKey("engine", AsyncEngine)
SESSIONS = web.AppKey("sessions", async_sessionmaker[AsyncSession])
SCHEDULER = web.AppKey("scheduler", AsyncIOScheduler)
PIPELINE = web.AppKey("pipeline", Pipeline)
SENDER = web.AppKey("sender", OutboxSender)
SLA = web.AppKey("sla", SlaScanner)
DIGESTS = web.AppKey("digests", DigestJob)
CONSOLE_HUB = web.AppKey("console_hub", ConsoleHub)  # present when the console is served

DIGEST_TICK = 60  # seconds; digest times are set to the minute
MAX_BODY = 1024 * 1024  # each endpoint caps its own body lower; this is the server-wide ceiling


class SchemaOutOfDate(Exception):
    """The database schema is older than the code; the message names the command that fixes it."""


def create_app(
    config: Config, *, clock: Clock | None = None, workers: bool = True, extractor: Extractor | None = None
) -> web.Application:
    """The bot. `workers=False` leaves the processor and the sender to the caller (tests drive them
    step by step through app[PIPELINE] and app[SENDER]). `extractor`, when given, must be built from
    the config's catalog and [sla] timezone (tests share one across apps); by default the app builds it.
    Its catalog is the app's: the router, the digests and the dashboard read that one."""
    if extractor is None:
        extractor = build_extractor(config)
    elif extractor.tz != config.tz:  # dates in messages would be read in another zone than the config's
        raise ValueError(f"the extractor reads times in {extractor.tz}, the config in {config.tz}")
    app = web.Application(client_max_size=MAX_BODY, middlewares=[_acknowledge_first])
    app[CONFIG] = config
    app[CLOCK] = clock or SystemClock()
    app.cleanup_ctx.append(_database)
    app.cleanup_ctx.append(_processing(workers, extractor))
    app.cleanup_ctx.append(_scheduler(workers, extractor.catalog))
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    install_access(app, config)  # the console's and the dashboard's access rule
    if console_enabled(config):
        app[CONSOLE_HUB] = ConsoleHub()
        people, history = console_reads(lambda: app[SESSIONS])
        ConsoleChannel(app[CLOCK], app[CONSOLE_HUB], _accept(app), people, history).add_routes(app)
    if config.wecom.enabled:
        WeComCallback(config.wecom, app[CLOCK], _accept(app)).add_routes(app)
    if config.intake.token:
        Intake(config.intake, app[CLOCK], _store_inquiry(app), _inquiry_status(app)).add_routes(app)
    # Read-only and behind the console's access rule, so served even where the console (which writes)
    # is off; `[console] enabled = "off"` turns every browser page off.
    if config.console.enabled != "off":
        Dashboard(config, app[CLOCK], lambda: app[SESSIONS], extractor.catalog).add_routes(app)
    return app


def build_extractor(config: Config) -> Extractor:
    """The extractor for the config's catalog and [sla] timezone; jieba loads on first use (at start-up)."""
    catalog = load_catalog(config.catalog.path) if config.catalog.path else Catalog()
    return Extractor(catalog, config.sla.timezone)


async def _database(app: web.Application) -> AsyncIterator[None]:
    config = app[CONFIG]
    engine = create_engine(config.database.url, echo=config.database.echo)
    try:
        await ensure_schema(engine, config)
        sessions = session_factory(engine)
        async with sessions.begin() as session:
            await sync_org(session, config.org.teams, config.org.people)
        app[ENGINE], app[SESSIONS] = engine, sessions
        yield
    finally:
        await engine.dispose()


@web.middleware
async def _acknowledge_first(request: web.Request, handler: Handler) -> web.StreamResponse:
    """While a platform callback or an inquiry is being received, the processor waits (see Pipeline.run):
    every acknowledgement is due within seconds, a reply can come a moment later."""
    pipeline = request.app.get(PIPELINE)
    if request.method != "POST" or pipeline is None:
        return await handler(request)
    with pipeline.receiving():
        return await handler(request)


def _processing(workers: bool, extractor: Extractor) -> Callable[[web.Application], AsyncIterator[None]]:
    async def processing(app: web.Application) -> AsyncIterator[None]:
        config, clock, sessions = app[CONFIG], app[CLOCK], app[SESSIONS]
        extractor.extract("", clock.now())  # load the dictionaries now, not on the first rep's message
        router = Router(config, clock, extractor, extractor.catalog)
        transports: dict[str, Transport] = {}
        prepare: Prepare | None = None
        if CONSOLE_HUB in app:
            transports["console"] = ConsoleTransport(app[CONSOLE_HUB], clock)
        async with aiohttp.ClientSession() as http:
            if config.wecom.enabled:
                client = WeComClient(config.wecom, http, DatabaseTokenCache(sessions), clock)
                transports["wecom"] = WeComTransport(client)
                kf = KfPuller(client, config.wecom.corp_id, DatabaseCursors(sessions, clock), _accept(app))
                prepare = WeComPreparer(client, kf)
            pipeline = Pipeline(sessions, clock, router.process, prepare=prepare)
            retries = config.outbox
            backoff = Backoff(retries.retry_base, retries.retry_cap, retries.max_attempts)
            sender = OutboxSender(sessions, clock, transports, backoff, give_way=pipeline.give_way)
            pipeline.on_processed = sender.wake
            app[SENDER], app[PIPELINE] = sender, pipeline
            tasks = (
                [asyncio.create_task(pipeline.run()), asyncio.create_task(sender.run())] if workers else []
            )
            try:
                yield
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    return processing


def _accept(app: web.Application) -> Callable[[Sequence[Message]], Awaitable[list[int]]]:
    async def accept(messages: Sequence[Message]) -> list[int]:
        return await app[PIPELINE].accept(messages)

    return accept


def _store_inquiry(app: web.Application) -> Callable[[Message], Awaitable[int]]:
    async def store(message: Message) -> int:
        new = await app[PIPELINE].accept([message])
        if new:
            return new[0]
        async with app[SESSIONS]() as session:  # a resend: the first inquiry's id
            row = await find_inbound(session, message.platform, message.platform_msg_id)
        assert row is not None, "an inquiry that conflicted on insert exists"
        return row.id

    return store


def _inquiry_status(app: web.Application) -> Callable[[int], Awaitable[dict[str, object] | None]]:
    async def status(inquiry_id: int) -> dict[str, object] | None:
        async with app[SESSIONS]() as session:
            return await inquiry_outcome(session, inquiry_id)

    return status


async def ensure_schema(engine: AsyncEngine, config: Config) -> None:
    """Upgrade an embedded SQLite database by itself; refuse to run on an out-of-date server database,
    where a migration is an operator's decision (backups, several instances)."""
    current, head = await migrate.current_revision(engine), migrate.head_revision()
    if current == head:
        return
    if is_sqlite(config.database.url):
        log.info("upgrading database schema", extra={"from_revision": current, "to_revision": head})
        await migrate.upgrade(engine)
        return
    raise SchemaOutOfDate(
        f"the database schema is at revision {current or 'empty'} but this version needs {head}; "
        f"run: salesbot db upgrade --config {config.source}"
    )


def _scheduler(workers: bool, catalog: Catalog) -> Callable[[web.Application], AsyncIterator[None]]:
    async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
        # APScheduler only ticks; what is due lives in the database, so coalescing a missed
        # backlog into one run is safe and a second instance cannot double the work.
        scheduler = AsyncIOScheduler(
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        )
        config = app[CONFIG]
        sla = SlaScanner(app[SESSIONS], config, app[CLOCK], on_enqueued=app[SENDER].wake)
        app[SCHEDULER], app[SLA] = scheduler, sla
        app[DIGESTS] = DigestJob(app[SESSIONS], config, app[CLOCK], catalog, on_enqueued=app[SENDER].wake)
        if workers:  # without workers tests call app[SLA].run_once() with their own clock
            seconds = config.sla.scan_interval.total_seconds()
            scheduler.add_job(sla.tick, "interval", seconds=seconds, id="sla_scan")
            if config.digests.enabled:  # each minute; the outbox's dedupe keys say what already went out
                scheduler.add_job(app[DIGESTS].tick, "interval", seconds=DIGEST_TICK, id="digests")
        scheduler.start()
        try:
            yield
        finally:
            scheduler.shutdown(wait=False)

    return scheduler_ctx


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    engine = request.app[ENGINE]
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        current = await migrate.is_current(engine)
    except Exception as e:  # any failure to reach the database means not ready
        log.warning("readiness check failed", extra={"error": str(e)})
        return web.json_response({"status": "database unreachable"}, status=503)
    if not current:
        return web.json_response({"status": "schema out of date"}, status=503)
    return web.json_response({"status": "ready"})
