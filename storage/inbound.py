"""The inbound queue: every accepted message, unique on (platform, platform message id).

A row is the idempotency record (a platform's retry finds it and changes nothing) and the
durable to-do item the processor claims, so a crash after acceptance loses nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import String, bindparam, func, insert, null, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Message
from storage.db import UTCDateTime, insert_for
from storage.models import FollowUp, InboundMessage, OutboxMessage, Person
from storage.outbox import ROW_COLUMNS
from storage.people import member_who_sent

MAX_ATTEMPTS = 5

# A PostgreSQL notification (channel, payload) for a statement to send itself, delivered to the listeners
# when its transaction commits (bot.core.notify.statement_notice): the wake-up a change owes the other
# instances goes with the change instead of as a round trip of its own after it.
Notice = tuple[str, str]
_NOTIFY = func.pg_notify(bindparam("notify_channel", type_=String), bindparam("notify_payload", type_=String))


async def record_inbound(
    session: AsyncSession, messages: Sequence[Message], received_at: datetime, notice: Notice | None = None
) -> dict[tuple[str, str], int]:
    """Insert the messages not seen before; returns {(platform, platform message id): row id} of the new
    rows (empty for a pure retry). `notice` (PostgreSQL only): sent by the INSERT when it stores a new row,
    with its commit (a retry that stores nothing sends nothing)."""
    if not messages:
        return {}
    rows = [
        {
            "platform": m.platform,
            "platform_msg_id": m.platform_msg_id,
            "sender_id": m.sender_id,
            "chat_id": m.chat_id,
            "kind": m.kind,
            "text": m.text,
            "raw": dict(m.raw),
            "envelope": envelope_of(m),
            "sent_at": m.sent_at,
            "received_at": received_at,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": received_at,
        }
        for m in messages
    ]
    if notice is not None:
        rows = [{**row, "notify_channel": notice[0], "notify_payload": notice[1]} for row in rows]
    # A Core statement on the table, executed with a list of parameter sets: compiled once and cached,
    # and batched by SQLAlchemy into multi-row INSERTs with RETURNING ("insertmanyvalues"). Literal
    # `.values(rows)` built, cache-keyed and compiled a new statement for every batch, which cost more
    # than the database's work.
    return {
        (platform, msg_id): row_id
        for row_id, platform, msg_id, *_ in (
            await session.execute(_insert_statement(session, notice is not None), rows)
        ).all()
    }


_INBOUND = InboundMessage.__table__


def _insert_statement(session: AsyncSession, notify: bool) -> Any:
    insert = insert_for(session)
    returned = [_INBOUND.c.id, _INBOUND.c.platform, _INBOUND.c.platform_msg_id]
    # pg_notify for each new row: PostgreSQL delivers a channel's identical notifications of one transaction
    # once, and a conflicting row returns nothing, so it calls none.
    return (
        insert(_INBOUND)
        .on_conflict_do_nothing(index_elements=["platform", "platform_msg_id"])
        .returning(*returned, *([_NOTIFY] if notify else []))
    )


# Built once: a statement built anew for each message cost more to build and cache-key than to run. The
# sender comes with the claim (the one row locked is the message's): a lookup of its own was a round trip
# on every message.
_CLAIM_NEXT = (
    select(InboundMessage, Person)
    .outerjoin(Person, member_who_sent(InboundMessage.platform, InboundMessage.sender_id))
    .where(InboundMessage.status == "pending", InboundMessage.next_attempt_at <= bindparam("now"))
    .order_by(InboundMessage.id)
    .limit(1)
    .with_for_update(skip_locked=True, of=InboundMessage)
)


@dataclass(frozen=True, slots=True)
class ClaimedInbound:
    """A message `claim_next_inbound` locked, with its sender read in the same statement: the active
    member who wrote it, or None (a customer, a stranger, a member who left, a web form)."""

    row: InboundMessage
    sender: Person | None


class SenderUnread(enum.Enum):
    """The sender of a message claimed without reading them (`claim_inbound`): whoever processes it looks
    them up. A member of its own, so that `is` tells it from None, which means no member wrote."""

    LOOK_UP = "not read with the claim: look the sender up"


LOOK_UP_SENDER: Final = SenderUnread.LOOK_UP


async def claim_next_inbound(session: AsyncSession, now: datetime) -> ClaimedInbound | None:
    """Lock the oldest pending message for this transaction, and read its sender with it. On PostgreSQL
    other workers skip it (only the message's row is locked, never the person's); SQLite has no row
    locks, but BEGIN IMMEDIATE serialises writers, so one claim runs at a time."""
    found = (await session.execute(_CLAIM_NEXT, {"now": now})).first()
    if found is None:
        return None
    row, sender = found
    return ClaimedInbound(row, sender)


_CLAIM_ONE = (
    select(InboundMessage)
    .where(InboundMessage.id == bindparam("inbound_id"), InboundMessage.status == "pending")
    .with_for_update(skip_locked=True)
)


async def claim_inbound(session: AsyncSession, inbound_id: int) -> InboundMessage | None:
    """Lock this message again for processing, as `claim_next_inbound` would, due or not; None when it
    is no longer pending or another worker holds it. Its sender is not read (LOOK_UP_SENDER): this
    claim is the rare one, a refusal's second pass."""
    return await session.scalar(_CLAIM_ONE, {"inbound_id": inbound_id})


# Built once: every message ends with it, and the unit of work's flush of the changed row cost twice this.
_DONE = (
    update(InboundMessage.__table__)
    .where(InboundMessage.__table__.c.id == bindparam("inbound_id"))
    .values(status="done", processed_at=bindparam("processed_at", type_=UTCDateTime), error=None)
)
_DONE_NOTIFY = _DONE.returning(_NOTIFY)  # the mark, with the notice it owes the other instances
_OUTBOX = OutboxMessage.__table__


def _done_with_reply() -> Any:
    """A message's one reply row and its done mark in one statement, on PostgreSQL: the INSERT of the row,
    with the mark's UPDATE as a data-modifying CTE of it.

    Why: most messages end with exactly one reply, and the row and the mark were two round trips to the
    server where one does the same. PostgreSQL runs a data-modifying WITH exactly once and to completion
    whether or not the outer statement reads its output; both parts see the same snapshot and write
    different tables, and the inbound row is already locked by the claim: the effect is that of the two
    statements one after the other, in the same transaction. Not on SQLite, whose WITH admits only a
    SELECT, and where a statement is a call within the process, not a round trip."""
    table = InboundMessage.__table__
    done = (
        update(table)
        .where(table.c.id == bindparam("done_inbound_id"))
        .values(
            status=bindparam("done_status", type_=String),
            processed_at=bindparam("done_processed_at", type_=UTCDateTime),
            error=null(),
        )
        .cte("done")
    )
    # No parameter may be named after a column of either table: SQLAlchemy would SET it in the UPDATE too.
    row = {column: bindparam(f"reply_{column}", type_=_OUTBOX.c[column].type) for column in ROW_COLUMNS}
    return insert(_OUTBOX).values(row).add_cte(done)


_DONE_WITH_REPLY = _done_with_reply()
_DONE_WITH_REPLY_NOTIFY = _DONE_WITH_REPLY.returning(_NOTIFY)


async def finish_inbound(
    session: AsyncSession,
    inbound_id: int,
    now: datetime,
    replies: Sequence[Mapping[str, Any]] = (),
    notice: Notice | None = None,
) -> None:
    """Mark the row done: processed, or dealt with wholly by its channel. One UPDATE, which locks the
    row as a claim would; a caller's object of the row is not changed. `replies`: outbox rows
    (storage.outbox.reply_row) written first, in order, in this transaction, after what the session
    holds unwritten (their references exist); on PostgreSQL a single one goes in the same statement
    as the mark (one round trip a message less). `notice` (PostgreSQL only): sent by the mark's
    statement, so with the transaction's commit."""
    notify = {} if notice is None else {"notify_channel": notice[0], "notify_payload": notice[1]}
    if replies:
        await session.flush()
        # One reply only: several (a click's reply and its card's update) go one by one, then the mark;
        # this statement run for each row would mark the message once per row.
        if len(replies) == 1 and session.get_bind().dialect.name == "postgresql":
            values = {"done_inbound_id": inbound_id, "done_status": "done", "done_processed_at": now}
            reply = {f"reply_{column}": value for column, value in replies[0].items()}
            statement = _DONE_WITH_REPLY if notice is None else _DONE_WITH_REPLY_NOTIFY
            await session.execute(statement, {**reply, **values, **notify})
            return
        for reply in replies:
            await session.execute(insert(_OUTBOX), dict(reply))
    statement = _DONE if notice is None else _DONE_NOTIFY
    await session.execute(statement, {"inbound_id": inbound_id, "processed_at": now, **notify})


async def record_inbound_failure(session: AsyncSession, inbound_id: int, error: str, now: datetime) -> str:
    """Count a failed attempt and back off; after MAX_ATTEMPTS the message is parked as failed, kept
    with its error for an operator to inspect."""
    row = await session.get(InboundMessage, inbound_id, with_for_update=True)
    if row is None:
        raise LookupError(f"no inbound message {inbound_id}")
    row.attempts += 1
    row.error = error[:2000]
    row.next_attempt_at = now + timedelta(seconds=2**row.attempts)
    if row.attempts >= MAX_ATTEMPTS:
        row.status, row.processed_at = "failed", now
    return row.status


async def count_inbound(session: AsyncSession, status: str) -> int:
    statement = select(func.count()).select_from(InboundMessage).where(InboundMessage.status == status)
    return int(await session.scalar(statement) or 0)


def envelope_of(message: Message) -> dict[str, object]:
    """The typed fields of a message beyond its columns, as stored (only those that are set)."""
    envelope: dict[str, object] = {}
    if message.reply_route:
        envelope["reply_route"] = dict(message.reply_route)
    if message.card_handle:
        envelope["card_handle"] = message.card_handle
    if message.form:
        envelope["form"] = dict(message.form)
    if message.answered_elsewhere:
        envelope["answered_elsewhere"] = True
    return envelope


def message_of(row: InboundMessage) -> Message:
    """The stored row as the `Message` the channel accepted."""
    envelope = row.envelope or {}
    return Message(
        platform=row.platform,  # type: ignore[arg-type]  # only platforms in PLATFORMS are ever stored
        platform_msg_id=row.platform_msg_id,
        sender_id=row.sender_id,
        kind=row.kind,  # type: ignore[arg-type]
        text=row.text,
        sent_at=row.sent_at,
        chat_id=row.chat_id,
        reply_route={str(k): str(v) for k, v in (envelope.get("reply_route") or {}).items()},
        card_handle=envelope.get("card_handle"),
        form={str(k): str(v) for k, v in (envelope.get("form") or {}).items()},
        answered_elsewhere=bool(envelope.get("answered_elsewhere")),
        raw=dict(row.raw or {}),
    )


async def replace_inbound(session: AsyncSession, inbound_id: int, message: Message) -> None:
    """Store the message a channel's enrichment made of a row (e.g. a new contact event that became
    an inquiry once the customer's profile was fetched); its platform and id stay the row's."""
    row = await session.get(InboundMessage, inbound_id, with_for_update=True)
    if row is not None:
        row.sender_id, row.chat_id, row.kind, row.text = (
            message.sender_id,
            message.chat_id,
            message.kind,
            message.text,
        )
        row.raw, row.envelope = dict(message.raw), envelope_of(message)


async def find_inbound(session: AsyncSession, platform: str, platform_msg_id: str) -> InboundMessage | None:
    return await session.scalar(
        select(InboundMessage).where(
            InboundMessage.platform == platform, InboundMessage.platform_msg_id == platform_msg_id
        )
    )


async def inquiry_outcome(session: AsyncSession, inbound_id: int) -> dict[str, object] | None:
    """For the web-form API: whether a web inquiry was processed, which lead it became, and whether
    that lead existed before it (a duplicate). None when there is no such web inquiry."""
    row = await session.get(InboundMessage, inbound_id)
    if row is None or row.platform != "web":
        return None
    if row.status != "done":
        return {
            "status": "failed" if row.status == "failed" else "pending",
            "lead_id": None,
            "duplicate": None,
        }
    followup = await session.scalar(
        select(FollowUp).where(FollowUp.inbound_id == inbound_id).order_by(FollowUp.id).limit(1)
    )
    if followup is None:
        return {"status": "done", "lead_id": None, "duplicate": None}
    earlier = await session.scalar(
        select(func.count())
        .select_from(FollowUp)
        .where(FollowUp.lead_id == followup.lead_id, FollowUp.id < followup.id)
    )
    return {"status": "done", "lead_id": followup.lead_id, "duplicate": bool(earlier)}


# How many rows back the writer's previous message is looked for: inbound_message has no index on
# its sender, and the previous message matters only when it is minutes old, so the scan is bounded
# by id (the busiest minutes of a large organisation stay well below this).
PREVIOUS_REACH = 5000


async def previous_message(
    session: AsyncSession, inbound_id: int, platform: str, sender_id: str
) -> InboundMessage | None:
    """The sender's message received just before `inbound_id`, if among the last PREVIOUS_REACH."""
    stmt = (
        select(InboundMessage)
        .where(
            InboundMessage.id < inbound_id,
            InboundMessage.id >= inbound_id - PREVIOUS_REACH,
            InboundMessage.platform == platform,
            InboundMessage.sender_id == sender_id,
        )
        .order_by(InboundMessage.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()
