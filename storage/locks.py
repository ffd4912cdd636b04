"""What keeps several instances on one PostgreSQL from doing one thing twice at once: advisory locks (the
start-up's organisation sync, a job's run, a recipient's send window) and a scheduled job's time slot
claimed in a row, so a second instance that ticks in the same slot (at the same moment or later) does
nothing. SQLite serves one process, which needs none of it (see bot.core.jobs)."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import JobTick


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for a name (the same in every instance and version)."""
    return int.from_bytes(hashlib.sha256(f"salesbot:{name}".encode()).digest()[:8], "big", signed=True)


async def advisory_xact_lock(session: AsyncSession, name: str) -> None:
    """Wait for the transaction-scoped advisory lock for `name` (PostgreSQL; released when the transaction
    ends)."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})


async def try_advisory_xact_lock(session: AsyncSession, name: str) -> bool:
    """Take the transaction-scoped advisory lock for `name` without waiting; released when the transaction
    ends, also when its connection dies with its process."""
    got = await session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": lock_key(name)})
    return bool(got)


async def claim_tick(session: AsyncSession, job: str, slot: int, now: datetime) -> bool:
    """Claim `slot` of `job`: True only for the first claim of a later slot than the last one claimed.
    One statement: of two instances at once, the second waits for the first's row lock, then finds the
    slot taken. The claim is undone if the claiming transaction rolls back (its process died)."""
    statement = insert(JobTick).values(job=job, slot=slot, claimed_at=now)
    statement = statement.on_conflict_do_update(
        index_elements=["job"],
        set_={"slot": statement.excluded.slot, "claimed_at": statement.excluded.claimed_at},
        where=JobTick.slot < statement.excluded.slot,
    ).returning(JobTick.job)
    return (await session.execute(statement)).first() is not None
