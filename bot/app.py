"""The composition root: `create_app(config)` wires database, organisation, scheduler and routes.

Each resource has one cleanup context that opens it and closes it, in order, so a stop
lets in-flight requests finish, then stops the scheduler, then closes the pool.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock, SystemClock
from bot.config import Config
from storage import migrate
from storage.db import create_engine, is_sqlite, session_factory
from storage.people import sync_org

log = logging.getLogger("salesbot.app")

CONFIG = web.AppKey("config", Config)
CLOCK = web.AppKey("clock", Clock)
ENGINE = web.AppKey("engine", AsyncEngine)
SESSIONS = web.AppKey("sessions", async_sessionmaker[AsyncSession])
SCHEDULER = web.AppKey("scheduler", AsyncIOScheduler)

MAX_BODY = 1024 * 1024  # each endpoint caps its own body lower; this is the server-wide ceiling


class SchemaOutOfDate(Exception):
    """The database schema is older than the code; the message names the command that fixes it."""


def create_app(config: Config, *, clock: Clock | None = None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app[CONFIG] = config
    app[CLOCK] = clock or SystemClock()
    app.cleanup_ctx.append(_database)
    app.cleanup_ctx.append(_scheduler)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    return app


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


async def _scheduler(app: web.Application) -> AsyncIterator[None]:
    # APScheduler only ticks; what is due lives in the database, so coalescing a missed
    # backlog into one run is safe and a second instance cannot double the work.
    scheduler = AsyncIOScheduler(
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
    )
    app[SCHEDULER] = scheduler
    scheduler.start()
    try:
        yield
    finally:
        scheduler.shutdown(wait=False)


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
