"""The database: engine, sessions and the declarative base shared by every model.

SQLite is the embedded default and PostgreSQL the production database; the differences
(write locking, pragmas) are settled here once so the rest of the code does not care.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
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


def create_engine(url: str, *, echo: bool = False, connect_args: dict[str, Any] | None = None) -> AsyncEngine:
    """An async engine; on SQLite with WAL, a busy timeout and BEGIN IMMEDIATE transactions.

    Its errors never show a statement's values: they are customers' names, phones and words, and an
    error goes to the log (with its traceback) and to `inbound_message.error`."""
    if not is_sqlite(url):
        engine = create_async_engine(
            url, echo=echo, connect_args=connect_args or {}, pool_pre_ping=True, hide_parameters=True
        )
        _hide_row_values(engine)
        return engine
    # SQLite has one writer at a time. With a pool of several connections, the losers of the write
    # lock sleep in SQLite's busy handler (in steps of up to 100 ms), which made a burst of callbacks
    # wait for seconds; one connection makes them queue in asyncio instead, in order, with no sleeps.
    engine = create_async_engine(
        url,
        echo=echo,
        connect_args=connect_args or {},
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
        hide_parameters=True,
    )
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
