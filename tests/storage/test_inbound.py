"""The inbound queue's claim and done mark: the claim reads the sender with the row, and a message's one
reply goes in the same statement as its done mark on PostgreSQL, with the effect of the two in a row; the
statements that store a message and mark it done send the instances' wake-ups with their commit."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.core.notify import asyncpg_dsn
from bot.types import Message, Outgoing
from storage.db import session_factory
from storage.inbound import (
    ClaimedInbound,
    claim_next_inbound,
    finish_inbound,
    record_inbound,
    record_inbound_failure,
)
from storage.models import InboundMessage, OutboxMessage, Person
from storage.outbox import outgoing_of, reply_row
from storage.people import find_person_by_platform_id

NOW = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


def person(key: str, name: str, wecom: str | None = None, dingtalk: str | None = None) -> Person:
    return Person(
        key=key,
        name=name,
        role="rep",
        wecom_userid=wecom,
        dingtalk_userid=dingtalk,
        cities=[],
        product_lines=[],
    )


def text(msg_id: str, platform: str = "wecom", sender: str = "LiNa") -> Message:
    return Message(
        platform=platform, platform_msg_id=msg_id, sender_id=sender, kind="text", text="你好", sent_at=NOW
    )  # type: ignore[arg-type]


async def test_a_claim_brings_its_sender_as_the_lookup_finds_them(session: AsyncSession) -> None:
    """The claim returns the row and its sender together: the same active member
    `find_person_by_platform_id` finds on each platform, none for a stranger, a member who left, a web
    form, or a platform id that is another platform's."""
    gone = person("ql", "钱六", wecom="QianLiu")
    gone.active = False
    session.add_all([person("ww", "王五", wecom="WangWu", dingtalk="ww-d"), gone])
    senders = [("wecom", "WangWu"), ("dingtalk", "ww-d"), ("console", "ww"), ("wecom", "Nobody"),
               ("wecom", "QianLiu"), ("web", "ww"), ("console", "WangWu")]  # fmt: skip
    await record_inbound(session, [text(f"m{i}", p, s) for i, (p, s) in enumerate(senders)], NOW)
    found = []
    for platform, sender in senders:
        claimed = await claim_next_inbound(session, NOW)
        assert isinstance(claimed, ClaimedInbound)
        assert (claimed.row.platform, claimed.row.sender_id) == (platform, sender)
        expected = await find_person_by_platform_id(session, platform, sender)  # type: ignore[arg-type]
        assert claimed.sender is expected, (platform, sender)
        found.append(claimed.sender.key if claimed.sender is not None else None)
        await finish_inbound(session, claimed.row.id, NOW)
    assert await claim_next_inbound(session, NOW) is None
    assert found == ["ww", "ww", "ww", None, None, None, None]


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements sent to the database meanwhile."""
    sent: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        sent.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def _a_failed_attempt_claimed(session: AsyncSession) -> int:
    """A message that failed once (its error set), due again and claimed: what the done mark clears."""
    [inbound_id] = (await record_inbound(session, [text("m1")], NOW)).values()
    await record_inbound_failure(session, inbound_id, "RuntimeError: once", NOW)
    claimed = await claim_next_inbound(session, NOW + timedelta(minutes=1))
    assert claimed is not None and claimed.row.id == inbound_id
    return inbound_id


async def test_one_reply_and_the_done_mark_are_one_statement_on_postgresql(engine: AsyncEngine) -> None:
    """On PostgreSQL the reply row and the mark go in one statement (the mark a data-modifying CTE of the
    INSERT), elsewhere in two; either way the effect is both, in the caller's transaction: the row as
    reply_row made it, and the message done with its error cleared."""
    later = NOW + timedelta(minutes=1)
    async with session_factory(engine)() as session:
        inbound_id = await _a_failed_attempt_claimed(session)
        lina = person("lina", "李娜", wecom="LiNa")
        session.add(lina)
        await session.flush()
        reply = reply_row(Outgoing("wecom", "LiNa", "reply", title="已记录", person_id=lina.id), later)
        with statements(engine) as sent:
            await finish_inbound(session, inbound_id, later, [reply])
        one = engine.dialect.name == "postgresql"
        assert len(sent) == (1 if one else 2), sent
        if one:
            assert sent[0].lstrip().upper().startswith("WITH DONE AS") and "UPDATE inbound_message" in sent[0]
        await session.commit()
    async with session_factory(engine)() as session:
        [row] = (await session.scalars(select(OutboxMessage))).all()
        inbound = await session.get(InboundMessage, inbound_id)
    assert (outgoing_of(row).title, row.person_id, row.status, row.attempts) == (
        "已记录",
        lina.id,
        "pending",
        0,
    )
    assert row.next_attempt_at == later and row.created_at == later
    assert inbound is not None and (inbound.status, inbound.processed_at, inbound.error) == (
        "done",
        later,
        None,
    )
    assert inbound.attempts == 1  # the mark changes only what it says


async def test_the_reply_and_the_mark_roll_back_together(engine: AsyncEngine) -> None:
    """Written in the caller's transaction: rolled back, neither the row nor the mark is left, and the
    message is claimed again."""
    async with session_factory(engine)() as session:
        inbound_id = await _a_failed_attempt_claimed(session)
        await session.commit()
    async with session_factory(engine)() as session:
        claimed = await claim_next_inbound(session, NOW + timedelta(minutes=1))
        assert claimed is not None
        reply = reply_row(Outgoing("wecom", "LiNa", "reply", title="已记录"), NOW)
        await finish_inbound(session, inbound_id, NOW, [reply])
        await session.rollback()
    async with session_factory(engine)() as session:
        assert (await session.scalars(select(OutboxMessage))).all() == []
        claimed = await claim_next_inbound(session, NOW + timedelta(minutes=1))
        assert claimed is not None and claimed.row.id == inbound_id and claimed.row.status == "pending"


async def test_several_replies_are_written_in_order_before_the_mark(engine: AsyncEngine) -> None:
    """Several rows go one statement each, then the mark: the one-statement form is for a single reply."""
    async with session_factory(engine)() as session:
        inbound_id = await _a_failed_attempt_claimed(session)
        replies = [reply_row(Outgoing("wecom", "LiNa", "reply", title=f"回复{i}"), NOW) for i in range(3)]
        with statements(engine) as sent:
            await finish_inbound(session, inbound_id, NOW, replies)
        assert len(sent) == 4
        await session.commit()
    async with session_factory(engine)() as session:
        rows = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
        inbound = await session.get(InboundMessage, inbound_id)
    assert [outgoing_of(r).title for r in rows] == ["回复0", "回复1", "回复2"]
    assert inbound is not None and inbound.status == "done"


async def test_the_statements_send_their_notices_with_their_commit_on_postgresql(
    engine: AsyncEngine, database_url: str
) -> None:
    """A notice given to record_inbound and finish_inbound is sent by the INSERT (once, however many new
    rows; nothing for a retry that stores none) and by the done mark (with a reply in the statement or
    not), each heard only once its transaction commits, never when it rolls back."""
    if engine.dialect.name != "postgresql":
        pytest.skip("pg_notify is PostgreSQL's")
    heard: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    listener = await asyncpg.connect(asyncpg_dsn(database_url))

    async def nothing_more() -> None:
        # A round trip on the listening connection: what was delivered to it before has been read (a
        # notification still on its way would pass unseen; this catches the ones sent too early)
        await listener.execute("SELECT 1")
        assert heard.empty(), heard.get_nowait()

    try:
        for channel in ("inbound_c", "outbox_c"):
            await listener.add_listener(channel, lambda _c, _p, ch, payload: heard.put_nowait((ch, payload)))
        accepted, processed = ("inbound_c", "abc:"), ("outbox_c", "abc:")
        async with session_factory(engine)() as session:
            await record_inbound(session, [text("m1"), text("m2"), text("m3")], NOW, accepted)
            await nothing_more()  # not before the commit
            await session.commit()
        assert await asyncio.wait_for(heard.get(), 10) == accepted
        async with session_factory(engine)() as session:
            assert await record_inbound(session, [text("m1")], NOW, accepted) == {}  # a retry
            await session.commit()
        for replies in ([], [reply_row(Outgoing("wecom", "LiNa", "reply", title="已记录"), NOW)]):
            async with session_factory(engine)() as session:
                claimed = await claim_next_inbound(session, NOW)
                assert claimed is not None
                await finish_inbound(session, claimed.row.id, NOW, replies, processed)
                await session.rollback()
            await nothing_more()
            async with session_factory(engine)() as session:
                claimed = await claim_next_inbound(session, NOW)
                assert claimed is not None
                await finish_inbound(session, claimed.row.id, NOW, replies, processed)
                await session.commit()
            assert await asyncio.wait_for(heard.get(), 10) == processed
        await nothing_more()
    finally:
        await listener.close()
