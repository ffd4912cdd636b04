"""Platform access tokens and feed cursors kept in the database, shared across bot instances."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import insert_for
from storage.models import AccessToken, SyncCursor


async def get_token(session: AsyncSession, key: str) -> tuple[str, datetime] | None:
    row = await session.get(AccessToken, key)
    return None if row is None else (row.token, row.expires_at)


async def put_token(session: AsyncSession, key: str, token: str, expires_at: datetime) -> None:
    # An upsert: two instances that fetched a token at the same moment must not fail on the key.
    insert = insert_for(session)
    statement = insert(AccessToken).values(key=key, token=token, expires_at=expires_at)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["key"], set_={"token": token, "expires_at": expires_at}
        ).execution_options(synchronize_session=False)
    )
    session.expire_all()


async def drop_token(session: AsyncSession, key: str, token: str) -> None:
    """Forget the token only if it is still the one that failed: another instance may have refreshed it."""
    await session.execute(delete(AccessToken).where(AccessToken.key == key, AccessToken.token == token))


async def replace_token(
    session: AsyncSession, key: str, old: str | None, new: str, expires_at: datetime
) -> bool:
    """Compare-and-set: store `new` only if the stored token is still `old` (None: no row yet); False when
    another instance changed it first. One statement either way, so two instances cannot both win."""
    if old is None:
        # The key is the primary key: of two inserts at once, one does nothing.
        insert = insert_for(session)
        statement = insert(AccessToken).values(key=key, token=new, expires_at=expires_at)
        result = await session.execute(statement.on_conflict_do_nothing(index_elements=["key"]))
    else:
        result = await session.execute(
            update(AccessToken)
            .where(AccessToken.key == key, AccessToken.token == old)
            .values(token=new, expires_at=expires_at)
            .execution_options(synchronize_session=False)
        )
    session.expire_all()
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def get_cursor(session: AsyncSession, key: str) -> str | None:
    return await session.scalar(select(SyncCursor.cursor).where(SyncCursor.key == key))


async def put_cursor(session: AsyncSession, key: str, cursor: str, now: datetime) -> None:
    row = await session.get(SyncCursor, key, with_for_update=True)
    if row is None:
        session.add(SyncCursor(key=key, cursor=cursor, updated_at=now))
    else:
        row.cursor, row.updated_at = cursor, now
    await session.flush()
