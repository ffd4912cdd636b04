"""The composition root: `create_app(config)` wires database, organisation, scheduler and routes.

Each resource has one cleanup context that opens it and closes it, in order, so a stop
lets in-flight requests finish, then stops the scheduler, then closes the pool.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

import aiohttp
from aiohttp import web
from aiohttp.typedefs import Handler
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.channels.ads.channel import AdSourcesChannel
from bot.channels.base import Channel, Resources
from bot.channels.console.channel import ConsoleChannel, ConsoleHub, Simulation
from bot.channels.dingtalk.channel import DingTalkChannel
from bot.channels.dingtalk.groups import group_target, webhook_secrets
from bot.channels.ratelimit import memory_windows
from bot.channels.web.intake import Intake, Store
from bot.channels.wecom.channel import WeComChannel, webhook_key
from bot.clock import Clock, SystemClock
from bot.config import Config, configured_catalog
from bot.core.digests_job import TICK as DIGEST_TICK
from bot.core.digests_job import DigestJob
from bot.core.jobs import ScheduledJob, first_tick, on_server
from bot.core.notify import INBOUND, OUTBOX, Notifier, notifier_for, statement_notice
from bot.core.outbox import Backoff, OutboxSender
from bot.core.outgoing import Addressing, GroupTarget
from bot.core.pipeline import Pipeline
from bot.core.redis_notify import RedisNotifier
from bot.core.redis_windows import redis_client, redis_windows
from bot.core.router import Router
from bot.core.sla_job import SlaScanner
from bot.core.stores import DatabaseCursors, DatabaseTokenCache, database_windows
from bot.fakes.ads_demo import FormLeadSimulator
from bot.types import Message, Platform
from bot.web.access import console_enabled, install_access
from bot.web.console_live import ConsoleRelay
from bot.web.console_reads import console_reads
from bot.web.dashboard import Dashboard
from nlp import Catalog, Extractor
from storage import migrate
from storage.db import (
    DATABASE_ERRORS,
    DatabaseUnavailable,
    create_engine,
    describe_error,
    display_url,
    is_sqlite,
    session_factory,
)
from storage.inbound import find_inbound, inquiry_outcome
from storage.locks import advisory_xact_lock
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
NOTIFIER = web.AppKey("notifier", Notifier)  # wake-ups and live updates between instances
CHANNELS = web.AppKey("channels", tuple[Channel, ...])
CATALOG = web.AppKey("catalog", Catalog)
EXTRACTOR = web.AppKey("extractor", Extractor)
ADDRESSING = web.AppKey("addressing", Addressing)
# Readiness probes that outlived their request: cancelling a call into a stalled database returns only
# when the driver's own clean-up gives up, so /readyz answers without waiting and shutdown awaits them.
PROBES = web.AppKey("probes", set[asyncio.Task[str]])

MAX_BODY = 1024 * 1024  # each endpoint caps its own body lower; this is the server-wide ceiling


class StartupError(Exception):
    """The bot cannot start; the message is one line naming what and where (`salesbot run` prints it)."""


class SchemaOutOfDate(StartupError):
    """The database schema is older than the code; the message names the command that fixes it."""


def create_app(
    config: Config,
    *,
    clock: Clock | None = None,
    workers: bool = True,
    extractor: Extractor | None = None,
) -> web.Application:
    """The bot. `workers=False` leaves the processor and the sender to the caller (tests drive them
    step by step through app[PIPELINE] and app[SENDER]). `extractor`, when given, must be built from
    the config's catalog and [sla] timezone (tests share one across apps); by default the app builds it.
    Its catalog is the app's: the router, the digests and the dashboard read that one."""
    if extractor is None:
        extractor = build_extractor(config)
    elif extractor.tz != config.tz:  # dates in messages would be read in another zone than the config's
        raise ValueError(f"the extractor reads times in {extractor.tz}, the config in {config.tz}")
    app = web.Application(client_max_size=MAX_BODY, middlewares=[_database_unavailable, _acknowledge_first])
    app[CONFIG] = config
    app[CLOCK] = clock or SystemClock()
    app[PROBES] = set()
    app.on_response_prepare.append(_server_header)
    app[EXTRACTOR], app[CATALOG] = extractor, extractor.catalog
    app.cleanup_ctx.append(_database)
    app.cleanup_ctx.append(_notifications)
    app.cleanup_ctx.append(_processing(workers))
    app.cleanup_ctx.append(_scheduler(workers))
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    install_access(app, config)  # the console's and the dashboard's access rule
    app[CHANNELS] = _channels(app, config)
    for channel in app[CHANNELS]:
        channel.add_routes(app)
    # Read-only and behind the console's access rule, so served even where the console (which writes)
    # is off; `[console] enabled = "off"` turns every browser page off.
    if config.console.enabled != "off":
        Dashboard(config, app[CLOCK], lambda: app[SESSIONS], extractor.catalog).add_routes(app)
    return app


def addressing_for(config: Config) -> Addressing:
    """Where people and team groups are reached: the enabled chat platforms, in the order a push
    prefers them, and the group robots each one has (the console is everyone's last resort)."""
    platforms: list[Platform] = []
    groups: dict[Platform, GroupTarget] = {}
    # DingTalk's group addresses first: they have a recognisable form, and WeChat Work takes any bare key.
    if config.dingtalk.enabled:
        groups["dingtalk"] = group_target
    if config.wecom.enabled:
        platforms.append("wecom")
        groups["wecom"] = webhook_key
    if config.dingtalk.enabled:
        platforms.append("dingtalk")
    return Addressing(platforms, groups)


def _channels(app: web.Application, config: Config) -> tuple[Channel, ...]:
    """The enabled channels. With addressing_for, the one place that names the platforms."""
    channels: list[Channel] = []
    if config.wecom.enabled:
        channels.append(WeComChannel(config.wecom, app[CLOCK], _accept(app)))
    if config.dingtalk.enabled:
        secrets = webhook_secrets((t.group_webhook, t.group_secret) for t in config.org.teams)
        channels.append(DingTalkChannel(config.dingtalk, app[CLOCK], _accept(app), webhook_secrets=secrets))
    if console_enabled(config):
        app[CONSOLE_HUB] = ConsoleHub()
        people, history = console_reads(lambda: app[SESSIONS])
        console = ConsoleChannel(
            app[CLOCK], app[CONSOLE_HUB], _accept(app), people, history, _ad_lead_simulation(app, config)
        )
        channels.append(console)
    if config.intake.token:
        channels.append(Intake(config.intake, app[CLOCK], _store_inquiry(app), _inquiry_status(app)))
    if config.lead_sources:
        channels.append(AdSourcesChannel(config.lead_sources, app[CLOCK], _accept(app), config.tz))
    return tuple(channels)


def _ad_lead_simulation(app: web.Application, config: Config) -> Simulation:
    """The console's button that makes an ad platform's form lead, for trying the bot with no account."""
    products = [p.name for p in app[CATALOG].products]
    cities = list(dict.fromkeys(city for person in config.org.people for city in person.cities))
    simulator = FormLeadSimulator(config.lead_sources, app[CLOCK], _accept(app), config.tz, products, cities)
    return simulator.label, simulator


def build_extractor(config: Config) -> Extractor:
    """The extractor for the config's catalog and [sla] timezone; jieba loads on first use (at start-up)."""
    return Extractor(configured_catalog(config), config.sla.timezone)


async def _database(app: web.Application) -> AsyncIterator[None]:
    config = app[CONFIG]
    db = config.database
    engine = create_engine(
        db.url,
        echo=db.echo,
        connect_timeout=db.connect_timeout.total_seconds(),
        command_timeout=db.command_timeout.total_seconds(),
        pool_timeout=db.pool_timeout.total_seconds(),
    )
    try:
        sessions = session_factory(engine)
        try:
            await ensure_schema(engine, config)
            async with sessions.begin() as session:
                if not is_sqlite(db.url):  # instances starting together sync one at a time
                    await advisory_xact_lock(session, "sync_org")
                await sync_org(session, config.org.teams, config.org.people)
        except DATABASE_ERRORS as e:  # unreachable, read-only, not a database: one line, not a traceback
            raise StartupError(f"database {display_url(db.url)}: {describe_error(e)}") from e
        app[ENGINE], app[SESSIONS] = engine, sessions
        yield
    finally:
        await asyncio.gather(*app[PROBES], return_exceptions=True)
        await engine.dispose()


async def _server_header(request: web.Request, response: web.StreamResponse) -> None:
    # aiohttp's default names its version and Python's, which tells a scanner which advisories to try.
    response.headers["Server"] = "salesbot"


@web.middleware
async def _database_unavailable(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A request that could not store what it received answers 503, so the sender retries later."""
    try:
        return await handler(request)
    except DatabaseUnavailable:  # logged where it was raised
        return web.json_response(
            {"error": "database unavailable, retry later"}, status=503, headers={"Retry-After": "5"}
        )


@web.middleware
async def _acknowledge_first(request: web.Request, handler: Handler) -> web.StreamResponse:
    """While a platform callback or an inquiry is being received, the processor waits (see Pipeline.run):
    every acknowledgement is due within seconds, a reply can come a moment later."""
    pipeline = request.app.get(PIPELINE)
    if request.method != "POST" or pipeline is None:
        return await handler(request)
    with pipeline.receiving():
        return await handler(request)


def _processing(workers: bool) -> Callable[[web.Application], AsyncIterator[None]]:
    async def processing(app: web.Application) -> AsyncIterator[None]:
        config, clock, sessions = app[CONFIG], app[CLOCK], app[SESSIONS]
        app[EXTRACTOR].extract("", clock.now())  # load the dictionaries now, not on the first rep's message
        channels = {channel.platform: channel for channel in app[CHANNELS]}
        addressing = addressing_for(config)
        router = Router(config, clock, app[EXTRACTOR], app[CATALOG], addressing)
        notifier = app[NOTIFIER]
        # Per-member send windows: shared by every instance through Redis when configured, else on
        # PostgreSQL; this process's own on SQLite.
        db = config.database
        redis = redis_client(db.redis_url, db.connect_timeout, db.command_timeout) if db.redis_url else None
        if redis is not None:
            windows = redis_windows(redis, db.redis_prefix)
        else:
            windows = database_windows(sessions) if on_server(sessions) else memory_windows
        async with aiohttp.ClientSession() as http:
            tokens, cursors = DatabaseTokenCache(sessions), DatabaseCursors(sessions, clock)
            resources = Resources(http, tokens, cursors, windows=windows)
            for channel in channels.values():
                channel.open(resources)
            # On PostgreSQL's LISTEN/NOTIFY, the statements that store a message and mark one processed
            # send these wake-ups themselves, with their commit; otherwise they are published after it.
            accepted, processed = statement_notice(notifier, INBOUND), statement_notice(notifier, OUTBOX)
            pipeline = Pipeline(
                sessions, clock, router.process, enrichers=channels,
                accept_timeout=config.database.request_timeout.total_seconds(),
                pause_as_long_as_a_step=is_sqlite(config.database.url),
                accepted_notice=accepted, processed_notice=processed,
            )  # fmt: skip
            retries = config.outbox
            backoff = Backoff(retries.retry_base, retries.retry_cap, retries.max_attempts)
            sender = OutboxSender(
                sessions, clock, channels, backoff, give_way=pipeline.give_way, lease=retries.lease
            )
            app[SENDER], app[PIPELINE], app[ADDRESSING] = sender, pipeline, addressing
            # Across instances: an accepted message wakes every processor, a written outbox row every
            # sender, a console item delivered here the browsers watching elsewhere.
            pipeline.on_accepted = None if accepted else lambda: notifier.publish(INBOUND)
            pipeline.on_processed = _outbox_written(app, publish=processed is None)
            notifier.listen(INBOUND, lambda _: pipeline.wake())
            notifier.listen(OUTBOX, lambda _: sender.wake())
            relay = ConsoleRelay(lambda: sessions, app[CONSOLE_HUB], notifier) if CONSOLE_HUB in app else None
            sender.on_sent = relay.sent if relay is not None else None
            jobs = [pipeline.run, sender.run] if workers else []
            jobs += [task for channel in channels.values() for task in channel.tasks()]
            tasks = [asyncio.create_task(job()) for job in jobs]
            try:
                yield
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                await pipeline.close()
                if relay is not None:
                    await relay.close()
                if redis is not None:
                    await redis.aclose()

    return processing


async def _notifications(app: web.Application) -> AsyncIterator[None]:
    db = app[CONFIG].database
    timeout = db.connect_timeout.total_seconds()
    if db.redis_url:  # Redis pub/sub when configured, else LISTEN/NOTIFY (in-process on SQLite)
        notifier: Notifier = RedisNotifier(db.redis_url, prefix=db.redis_prefix, connect_timeout=timeout)
    else:
        notifier = notifier_for(db.url, timeout)
    app[NOTIFIER] = notifier
    await notifier.start()  # on PostgreSQL it connects in the background; until then, workers poll
    try:
        yield
    finally:
        await notifier.close()


def _outbox_written(app: web.Application, publish: bool = True) -> Callable[[], None]:
    """What follows a commit that wrote outbox rows: this instance's sender, and the others', look now
    (`publish` False: the commit told the others itself)."""

    def written() -> None:
        app[SENDER].wake()
        if publish:
            app[NOTIFIER].publish(OUTBOX)

    return written


def _accept(app: web.Application) -> Callable[[Sequence[Message]], Awaitable[list[int]]]:
    async def accept(messages: Sequence[Message]) -> list[int]:
        return await app[PIPELINE].accept(messages)

    return accept


def _store_inquiry(app: web.Application) -> Store:
    async def store(message: Message) -> tuple[int, Mapping[str, object] | None]:
        new = await app[PIPELINE].accept([message])
        if new:
            return new[0], None
        async with app[SESSIONS]() as session:  # a resend: the first inquiry's id, and what it was
            row = await find_inbound(session, message.platform, message.platform_msg_id)
        assert row is not None, "an inquiry that conflicted on insert exists"
        return row.id, dict(row.raw or {})

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


def _scheduler(workers: bool) -> Callable[[web.Application], AsyncIterator[None]]:
    async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
        # APScheduler only ticks; what is due lives in the database, so coalescing a missed
        # backlog into one run is safe and a second instance cannot double the work.
        scheduler = AsyncIOScheduler(
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        )
        config, sessions, clock, addressing = app[CONFIG], app[SESSIONS], app[CLOCK], app[ADDRESSING]
        written = _outbox_written(app)
        sla = SlaScanner(sessions, config, clock, addressing, on_enqueued=written)
        app[SCHEDULER], app[SLA] = scheduler, sla
        app[DIGESTS] = DigestJob(sessions, config, clock, addressing, app[CATALOG], on_enqueued=written)
        if workers:  # without workers tests call app[SLA].run_once() with their own clock
            # Ticks in the middle of each slot of the interval, lined up across instances: one instance
            # does each slot's work (bot.core.jobs).
            jobs: list[tuple[ScheduledJob, timedelta]] = [(sla, config.sla.scan_interval)]
            if config.digests.enabled:  # each minute; the outbox's dedupe keys say what already went out
                jobs.append((app[DIGESTS], DIGEST_TICK))
            for job, interval in jobs:
                start = first_tick(datetime.now(UTC), interval)  # APScheduler runs on the wall clock
                scheduler.add_job(
                    job.tick, "interval", seconds=interval.total_seconds(), start_date=start, id=job.job
                )
        scheduler.start()
        try:
            yield
        finally:
            scheduler.shutdown(wait=False)

    return scheduler_ctx


async def healthz(request: web.Request) -> web.Response:
    """Alive; and what a channel cannot do right now (a platform's quota used up), said loudly."""
    problems = {c.platform: p for c in request.app[CHANNELS] if (p := c.health()) is not None}
    return web.json_response({"status": "ok", "channels": problems} if problems else {"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Ready when the database answers within the request timeout, has the current schema and writes."""
    app = request.app
    timeout = app[CONFIG].database.request_timeout.total_seconds()
    probe = asyncio.create_task(_database_status(app[ENGINE]))
    app[PROBES].add(probe)
    probe.add_done_callback(app[PROBES].discard)
    try:
        status = await asyncio.wait_for(asyncio.shield(probe), timeout)
    except Exception as e:  # any failure to reach the database in time means not ready
        if not probe.done():
            probe.cancel()  # finishes in the background (see PROBES)
        log.warning("readiness check failed", extra={"error": describe_error(e)})
        status = "database unreachable"
    return web.json_response({"status": status}, status=200 if status == "ready" else 503)


async def _database_status(engine: AsyncEngine) -> str:
    if not await migrate.is_current(engine):
        return "schema out of date"
    # Reading is not enough: a database that went read-only (a file or disk turned read-only, a
    # PostgreSQL standby after a failover) still answers SELECT but refuses every message. So write,
    # and roll back: a no-op update of the schema's version row (present: the schema is current).
    async with engine.connect() as conn:
        try:
            await conn.execute(text("UPDATE alembic_version SET version_num = version_num"))
        except DBAPIError as e:
            log.warning("readiness check failed: database refuses writes", extra={"error": describe_error(e)})
            return "database refuses writes"
        finally:
            await conn.rollback()
    return "ready"
