"""The outbox: pushes waiting to go out, written in the transaction of the change that caused them.

The sender claims one due row at a time in a short transaction of its own: the attempt is counted, its
start recorded ("sending") and its next attempt pushed past the lease, all committed before the platform
is called; it delivers with no transaction open, then records the outcome at once. A row found due with
an attempt started and no outcome (its sender died or hung mid-call) is an *uncertain* retry: the
platform may have shown it, so `uncertain_since` is kept and the channel asks the platform to drop a
duplicate on every later attempt (see bot.types.Outgoing.uncertain_since).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, bindparam, case, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Update, UpdateBase

from bot.types import Outgoing
from storage.db import UTCDateTime, insert_for
from storage.models import OutboxMessage

LEASE = timedelta(seconds=60)


def outgoing_of(row: OutboxMessage) -> Outgoing:
    """A stored row as the `Outgoing` its channel delivers."""
    return Outgoing.from_json(row.platform, row.target, row.kind, row.payload or {}, row.person_id)  # type: ignore[arg-type]


def _row(item: Outgoing, now: datetime, dedupe_key: str | None, alert_id: int | None) -> dict[str, Any]:
    return {
        "platform": item.platform,
        "target": item.target,
        "kind": item.kind,
        "payload": item.as_json(),
        "person_id": item.person_id,
        "dedupe_key": dedupe_key,
        "alert_id": alert_id,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


async def enqueue_outbox(
    session: AsyncSession,
    item: Outgoing,
    now: datetime,
    *,
    dedupe_key: str | None = None,
    alert_id: int | None = None,
    flush: bool = True,
) -> OutboxMessage:
    """Add the row. flush=False leaves it to the session's next flush, which writes every row added so
    in a few multi-row INSERTs (SQLAlchemy's "insertmanyvalues"), not one round trip each: how a scan
    queues a thousand notices. Its id is then unknown until that flush."""
    row = OutboxMessage(**_row(item, now, dedupe_key, alert_id))
    session.add(row)
    if flush:
        await session.flush()
    return row


_OUTBOX = OutboxMessage.__table__
_ADD = insert(_OUTBOX)


async def add_outbox(
    session: AsyncSession, item: Outgoing, now: datetime, *, alert_id: int | None = None
) -> None:
    """Write the row now, as enqueue_outbox does, without making an object of it: one INSERT built once,
    for every reply, where the unit of work's flush of one new object cost twice the statement. What
    the session holds unwritten is flushed first, so the row's references (an alert) exist."""
    await session.flush()
    await session.execute(_ADD, _row(item, now, None, alert_id))


# The columns `_row` gives a value, in its order.
ROW_COLUMNS = (
    "platform", "target", "kind", "payload", "person_id", "dedupe_key", "alert_id", "status", "attempts",
    "next_attempt_at", "created_at",
)  # fmt: skip


def reply_row(item: Outgoing, now: datetime) -> dict[str, Any]:
    """The outbox row `add_outbox` writes for an item (no dedupe key, no alert), as plain values: for a
    caller that writes it later in the same transaction (storage.inbound.finish_inbound)."""
    return _row(item, now, None, None)


async def take_card_handle(session: AsyncSession, handle: str) -> None:
    """A card's handle has been used (its button was clicked): no later update may reuse it."""
    await session.execute(
        update(OutboxMessage).where(OutboxMessage.card_handle == handle).values(card_handle=None)
    )


async def enqueue_outbox_once(
    session: AsyncSession,
    item: Outgoing,
    now: datetime,
    *,
    dedupe_key: str,
    alert_id: int | None = None,
) -> bool:
    """Queue a push that must go out at most once, ever: False when a row with `dedupe_key` exists.

    INSERT ... ON CONFLICT DO NOTHING on the unique key, so two instances (or a restart) racing to
    queue the same push cannot both succeed: on PostgreSQL the second waits for the first to commit,
    then inserts nothing."""
    statement = (
        insert_for(session)(OutboxMessage)
        .values(**_row(item, now, dedupe_key, alert_id))
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxMessage.id)
    )
    return (await session.execute(statement)).first() is not None


async def existing_dedupe_keys(session: AsyncSession, keys: Collection[str]) -> set[str]:
    """Which of these keys have been queued already (sent or not)."""
    if not keys:
        return set()
    statement = select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(list(keys)))
    return {key for key in (await session.scalars(statement)).all() if key is not None}


async def claim_due_outbox(
    session: AsyncSession, now: datetime, lease: timedelta = LEASE
) -> OutboxMessage | None:
    """Take the next due row for this sender and start an attempt on it, or None when nothing is due.

    FOR UPDATE SKIP LOCKED keeps two senders on PostgreSQL from taking the same row (on SQLite, BEGIN
    IMMEDIATE serialises claims); the lease keeps them from taking it once this commits. The caller must
    commit before calling the platform: the committed `attempt_started_at` is what tells a later claim
    that this attempt's outcome is unknown if the sender never records one."""
    values = {"now": now, "until": now + lease}
    return (await session.scalars(_CLAIM_DUE, values)).one_or_none()


def _claim_due(sent: bool = False) -> UpdateBase:
    """The claim of the next due row; `sent`: with the record of a delivered row before it, as one
    PostgreSQL statement (the record a data-modifying CTE; the claim never takes the row it records, whose
    lease may have run out during a slow call: one statement must not update a row twice)."""
    now = bindparam("now", type_=UTCDateTime)
    due = select(OutboxMessage.id).where(
        OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now
    )
    if sent:
        due = due.where(OutboxMessage.id != bindparam("outbox_id"))
    due_id = (
        due.order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    # One statement: the claim, the attempt's start and, when the last attempt died mid-call (it started
    # and recorded no outcome), that its outcome is unknown. SET reads the row's values before the update.
    started, uncertain = OutboxMessage.attempt_started_at, OutboxMessage.uncertain_since
    died_mid_call = and_(started.is_not(None), uncertain.is_(None))
    claim = update(OutboxMessage)
    if sent:
        claim = claim.add_cte(_mark_sent("delivered_at").cte("sent"))
    return (
        claim.where(OutboxMessage.id == due_id)
        .values(
            uncertain_since=case((died_mid_call, started), else_=uncertain),
            attempts=OutboxMessage.attempts + 1,
            attempt_started_at=now,
            next_attempt_at=bindparam("until", type_=UTCDateTime),
        )
        .returning(OutboxMessage)
        .execution_options(synchronize_session=False, populate_existing=True)
    )


def _mark_sent(sent_at: str) -> Update:
    """A delivery's record; `sent_at` names its time's parameter (in a statement that updates the table
    again, a parameter may not be named after a column)."""
    return (
        update(OutboxMessage)
        .where(OutboxMessage.id == bindparam("outbox_id"))
        .values(
            status="sent",
            sent_at=bindparam(sent_at, type_=UTCDateTime),
            card_handle=bindparam("handle", type_=String),
            last_error=None,
            attempt_started_at=None,
        )
    )


# Built once, as every message's reply is claimed and recorded: building and cache-keying a statement cost
# more than running it.
_CLAIM_DUE = _claim_due()
_SENT_THEN_CLAIM = _claim_due(sent=True)
# "evaluate" (what "auto" picks) reads a bound parameter as its construction-time value (None), so it would
# match no object in the session; RETURNING tells which row changed instead.
_MARK_SENT = _mark_sent("sent_at").execution_options(synchronize_session="fetch")


async def record_sent_and_claim(
    session: AsyncSession,
    sent: tuple[int, str | None] | None,
    now: datetime,
    lease: timedelta = LEASE,
) -> OutboxMessage | None:
    """Record the row delivered (`sent`: its id and card handle), then claim the next due row, as
    `mark_outbox_sent` and `claim_due_outbox` would; on PostgreSQL in one statement (one round trip a
    reply less), which commits both or neither."""
    if sent is None:
        return await claim_due_outbox(session, now, lease)
    outbox_id, handle = sent
    if session.get_bind().dialect.name != "postgresql":
        await mark_outbox_sent(session, outbox_id, now, handle)
        return await claim_due_outbox(session, now, lease)
    values = {"outbox_id": outbox_id, "delivered_at": now, "handle": handle, "now": now, "until": now + lease}
    return (await session.scalars(_SENT_THEN_CLAIM, values)).one_or_none()


def delivery_key(row: OutboxMessage) -> str:
    """The same on every attempt at a row and unique across rows (and, by its creation time, across
    databases), in [0-9A-Za-z_]: what a platform's idempotent send keys on (a card's id, a message id)."""
    return f"{row.id}_{int(row.created_at.timestamp() * 1000)}"


async def _attempt(
    session: AsyncSession, outbox_id: int, started_at: datetime | None
) -> OutboxMessage | None:
    """The row, locked, when the attempt begun at `started_at` is still its current one; None when another
    sender took it over after the lease ran out (this one hung): its outcome is no longer ours to record."""
    row = await session.get(OutboxMessage, outbox_id, with_for_update=True)
    if row is None or (started_at is not None and row.attempt_started_at != started_at):
        return None
    return row


async def mark_outbox_sent(
    session: AsyncSession, outbox_id: int, now: datetime, card_handle: str | None
) -> None:
    """Delivered: recorded whoever holds the row now (a late success is still a success). One UPDATE,
    no read first: it runs for every message."""
    await session.execute(_MARK_SENT, {"outbox_id": outbox_id, "sent_at": now, "handle": card_handle})


async def reschedule_outbox(
    session: AsyncSession,
    outbox_id: int,
    error: str,
    when: datetime,
    *,
    count_attempt: bool = True,
    uncertain: bool = False,
    started_at: datetime | None = None,
) -> None:
    """Try again at `when`; a rate-limit wait does not count as an attempt. `uncertain`: the platform
    may have shown it anyway (a timeout, a dropped connection), so later attempts are uncertain too.
    `started_at`: the attempt this outcome belongs to (ignored when another sender has taken over)."""
    row = await _attempt(session, outbox_id, started_at)
    if row is not None:
        if uncertain and row.uncertain_since is None:
            row.uncertain_since = row.attempt_started_at or when
        row.next_attempt_at, row.last_error, row.attempt_started_at = when, error[:2000], None
        if not count_attempt:
            row.attempts -= 1


async def mark_outbox_dead(
    session: AsyncSession, outbox_id: int, error: str, now: datetime, *, started_at: datetime | None = None
) -> None:
    row = await _attempt(session, outbox_id, started_at)
    if row is not None:
        row.status, row.last_error, row.next_attempt_at = "dead", error[:2000], now
        row.attempt_started_at = None


async def list_outbox(
    session: AsyncSession, status: str | None = None, limit: int = 50
) -> list[OutboxMessage]:
    statement = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    if status:
        statement = statement.where(OutboxMessage.status == status)
    return list((await session.scalars(statement)).all())


async def count_outbox(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
    return {status: int(n) for status, n in rows.all()}


async def hold_outbox(
    session: AsyncSession, outbox_id: int, error: str, now: datetime, *, started_at: datetime | None = None
) -> None:
    """Park a row that cannot go out until something happens (a 微信客服 customer writes again);
    `release_held_outbox` puts it back in the queue."""
    row = await _attempt(session, outbox_id, started_at)
    if row is not None:
        row.status, row.last_error, row.next_attempt_at = "held", error[:2000], now
        row.attempt_started_at = None
        row.attempts -= 1  # waiting for the customer is not a failed attempt


async def release_held_outbox(session: AsyncSession, platform: str, target: str, now: datetime) -> int:
    """Make the held rows for `target` due again; returns how many."""
    rows = (
        await session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == "held",
                OutboxMessage.platform == platform,
                OutboxMessage.target == target,
            )
            .with_for_update()
        )
    ).all()
    for row in rows:
        row.status, row.next_attempt_at = "pending", now
    return len(rows)
