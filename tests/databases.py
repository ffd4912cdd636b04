"""The tests' databases: the schema is migrated once per session into a template, and each test that wants
a migrated database gets a copy of it instead of running every migration.

On SQLite the template is a file, copied for each test. On PostgreSQL (SALESBOT_TEST_PG) it is a database
that each test's database is created from; when the test is over its database is kept, and handed to a
later test emptied (every table truncated, identities restarted) once its schema is checked to be the
template's, since creating and dropping a database costs a second or more on a busy server.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import asyncpg

from storage import migrate
from storage.db import create_engine

# The schema of the public namespace, as text: any DDL or a changed alembic_version changes it.
_SCHEMA = """
SELECT coalesce(string_agg(line, E'\\n' ORDER BY line), '') FROM (
    SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default)
        FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT format('constraint %s %s', conrelid::regclass, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT format('trigger %s %s', tgrelid::regclass, tgname) FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'version ' || version_num FROM alembic_version
) AS schema(line)
"""
_TABLES = """
SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'
"""
_LEFT_CONNECTED = (
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()"
)


async def migrate_url(url: str) -> None:
    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def migrate_sqlite_template(path: Path) -> None:
    """Migrate the SQLite template file, which each test then copies."""
    await migrate_url(f"sqlite+aiosqlite:///{path}")
    # Closing the last connection checkpoints the WAL into the file: the file alone is the database.
    assert not path.with_name(path.name + "-wal").exists(), "the template's WAL was not checkpointed"


class ServerDatabases:
    """Databases on the PostgreSQL server at `url` (a SQLAlchemy asyncpg URL), one test at a time."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.template = f"salesbot_template_{uuid.uuid4().hex[:12]}"
        self.schema = ""
        self._used: list[str] = []  # migrated databases of finished tests, to be emptied before reuse

    def url_of(self, name: str) -> str:
        base, _, _ = self.url.rpartition("/")
        return f"{base}/{name}"

    async def _admin(self, sql: str, *args: object) -> None:
        admin = await asyncpg.connect(_plain(self.url))
        try:
            await admin.execute(sql, *args)
        finally:
            await admin.close()

    async def create_template(self) -> None:
        await self._admin(f'CREATE DATABASE "{self.template}"')
        await migrate_url(self.url_of(self.template))
        conn = await asyncpg.connect(_plain(self.url_of(self.template)))
        try:
            self.schema = await conn.fetchval(_SCHEMA)
        finally:
            await conn.close()

    async def empty(self) -> str:
        name = f"salesbot_test_{uuid.uuid4().hex[:12]}"
        await self._admin(f'CREATE DATABASE "{name}"')
        return name

    async def migrated(self) -> str:
        """A database at the template's schema with no rows: a used one emptied, or a new copy."""
        while self._used:
            name = self._used.pop()
            if await self._reset(name):
                return name
            await self.drop(name)
        name = f"salesbot_test_{uuid.uuid4().hex[:12]}"
        await self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return name

    def release(self, name: str) -> None:
        """A migrated database whose test is over. It is emptied when handed out again, not now: the test's
        app may still be stopping, and a last write of its workers would outlive an emptying done now."""
        self._used.append(name)

    async def _reset(self, name: str) -> bool:
        """Empty a used database; False when its schema is no longer the template's (or it is unreachable)."""
        await self._admin(_LEFT_CONNECTED, name)  # a leaked connection must not hold a lock or write later
        try:
            conn = await asyncpg.connect(_plain(self.url_of(name)))
        except (OSError, asyncpg.PostgresError):
            return False
        try:
            await conn.execute("SET lock_timeout = '10s'")
            if await conn.fetchval(_SCHEMA) != self.schema:
                return False
            tables = [row[0] for row in await conn.fetch(_TABLES)]
            await conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
            return True
        except asyncpg.PostgresError:
            return False
        finally:
            await conn.close()

    async def drop(self, name: str) -> None:
        await self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    async def drop_all(self) -> None:
        for name in [*self._used, self.template]:
            await self.drop(name)
        self._used.clear()


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)
