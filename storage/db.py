"""The database: engine, sessions and the declarative base shared by every model.

SQLite is the embedded default and PostgreSQL the production database; the differences
(write locking, pragmas) are settled here once so the rest of the code does not care.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import DateTime, MetaData, event, exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

T = TypeVar("T")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT = 10.0  # seconds to open a connection to a server database (asyncpg waits 60 by default)
POOL_TIMEOUT = 30.0  # seconds to wait for a free pooled connection
# A pooled connection unused for this long is pinged before use (a server restart or an idle timeout may
# have closed it). One in steady use is not: SQLAlchemy's pool_pre_ping costs three round trips (BEGIN,
# ping, ROLLBACK) on every checkout, about 20 of a message's 50, and a connection that died in the last
# seconds fails its statement instead, which every caller already survives (a request answers 503 and is
# retried, a message backs off and is processed again) while the pool reconnects.
IDLE_PING = 5.0
# SQLSTATEs of a PostgreSQL server that is there but will not work now: a connection problem (class 08),
# shutting down or starting up (57P01-57P03), out of resources (class 53), read-only (25006, e.g. a
# standby after a failover). Anything else is about the statement or its data.
_UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "53", "25006")


# What a failure to use the database raises (as opposed to a bug in the code calling it).
DATABASE_ERRORS = (exc.SQLAlchemyError, OSError, TimeoutError)


class DatabaseUnavailable(Exception):
    """The database cannot be reached, does not answer in time, or refuses to write: worth a retry later
    (a request answers 503), unlike an error in a statement or its data."""


def is_unavailable(error: BaseException) -> bool:
    """Whether `error` says the database is unreachable, too slow or read-only (see DatabaseUnavailable)."""
    if isinstance(error, DatabaseUnavailable | TimeoutError | OSError | exc.TimeoutError):
        return True  # connect and command timeouts, refused connections, an exhausted pool
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        return True  # SQLite: cannot open, read-only, locked; a closed connection
    if isinstance(error, exc.DBAPIError):
        sqlstate = getattr(error.orig, "sqlstate", None) or ""
        return error.connection_invalidated or sqlstate.startswith(_UNAVAILABLE_SQLSTATES)
    return False


def describe_error(error: BaseException) -> str:
    """One line saying what went wrong, without SQLAlchemy's statement, parameters and help link."""
    cause = error.orig if isinstance(error, exc.DBAPIError) and error.orig is not None else error
    text = str(cause).strip().splitlines()
    if not text and isinstance(cause, TimeoutError):  # a connect, command or request timeout says nothing
        text = ["no answer in time"]
    return f"{type(cause).__name__}: {text[0]}" if text else type(cause).__name__


def display_url(url: str) -> str:
    """The database URL with any password hidden, for messages."""
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        return "<unparsable database url>"
    return url if parsed.password is None else parsed.render_as_string(hide_password=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC; SQLite has no time zones, so naive values read back are UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: store aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def insert_for(session: AsyncSession) -> Callable[..., Any]:
    """The dialect's INSERT, which has ON CONFLICT (PostgreSQL's and SQLite's spell it alike)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(
    url: str,
    *,
    echo: bool = False,
    connect_args: dict[str, Any] | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    command_timeout: float | None = None,
    pool_timeout: float = POOL_TIMEOUT,
    idle_ping: float = IDLE_PING,
) -> AsyncEngine:
    """An async engine; on SQLite with WAL, a busy timeout and BEGIN IMMEDIATE transactions.

    On a server database a connection attempt gives up after `connect_timeout` seconds and, when
    given, each statement (the pool's liveness ping included) after `command_timeout`: a server that
    accepts connections but never answers then fails calls instead of holding them for minutes.
    One-shot commands leave `command_timeout` unset, so a long migration is not cut short. A pooled
    server connection is pinged before use when it has been idle for `idle_ping` seconds (IDLE_PING).

    Its errors never show a statement's values: they are customers' names, phones and words, and an
    error goes to the log (with its traceback) and to `inbound_message.error`."""
    if not is_sqlite(url):
        args: dict[str, Any] = {"timeout": connect_timeout, "command_timeout": command_timeout}
        engine = create_async_engine(
            url, echo=echo, connect_args=args | (connect_args or {}),
            pool_timeout=pool_timeout, hide_parameters=True,
        )  # fmt: skip
        _hide_row_values(engine)
        _ping_when_idle(engine, idle_ping)
        return engine
    # SQLite has one writer at a time. With a pool of several connections, the losers of the write
    # lock sleep in SQLite's busy handler (in steps of up to 100 ms), which made a burst of callbacks
    # wait for seconds; one connection makes them queue in asyncio instead, in order, with no sleeps.
    engine = create_async_engine(
        url, echo=echo, connect_args=connect_args or {}, pool_size=1, max_overflow=0,
        pool_timeout=pool_timeout, hide_parameters=True,
    )  # fmt: skip
    _tune_sqlite(engine)
    return engine


def _hide_row_values(engine: AsyncEngine) -> None:
    # PostgreSQL's DETAIL quotes the values of the failing row ("Failing row contains (张三, 139…)"), and
    # asyncpg's own exception, chained under SQLAlchemy's, prints it in every traceback. The wrapped
    # error keeps the message (which constraint, which column) and drops the driver's chained one.
    @event.listens_for(engine.sync_engine, "handle_error")
    def _on_error(context: Any) -> None:
        error = context.original_exception
        if error is not None:
            error.__cause__, error.__suppress_context__ = None, True


def _ping_when_idle(engine: AsyncEngine, idle: float) -> None:
    # The info dict lives as long as the DBAPI connection: a fresh connection has no mark and needs no ping.
    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < idle:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as e:  # the pool drops this connection and checks out a new one
            raise exc.DisconnectionError(describe_error(e)) from e


def _tune_sqlite(engine: AsyncEngine) -> None:
    # Deferred BEGIN lets two writers both read, then fail to upgrade their lock ("database is
    # locked"); BEGIN IMMEDIATE takes the write lock up front and waits on the busy timeout instead.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let us issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


async def using_engine(url: str, work: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    """Run `work` with an engine on `url`, disposed of afterwards (for one-shot commands)."""
    engine = create_engine(url)
    try:
        return await work(engine)
    finally:
        await engine.dispose()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def statement_sessions(sessions: async_sessionmaker[AsyncSession]) -> async_sessionmaker[AsyncSession]:
    """Sessions for work whose every statement stands alone: on PostgreSQL each statement commits by
    itself (no BEGIN and COMMIT round trips around it, which cost the caller as much CPU as the statement);
    on SQLite the sessions given, whose BEGIN IMMEDIATE is what serialises writers."""
    engine = sessions.kw.get("bind")
    if not isinstance(engine, AsyncEngine) or engine.dialect.name != "postgresql":
        return sessions
    return async_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
