"""Group commit: a burst shares transactions, a duplicate is new once, a bad message fails alone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FixedClock
from bot.core.group_commit import GroupCommit, Key
from bot.types import Message
from storage.db import session_factory
from storage.inbound import count_inbound

T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


def message(msg_id: str) -> Message:
    return Message(
        platform="wecom", platform_msg_id=msg_id, sender_id="LiNa", kind="text", text="hi", sent_at=T0
    )


class CountingCommit(GroupCommit):
    """Counts transactions, and refuses any containing a poisoned message, as a database would."""

    transactions = 0

    async def _insert(self, messages: list[Message]) -> dict[Key, int]:
        self.transactions += 1
        if any(m.platform_msg_id == "poison" for m in messages):
            raise ValueError("value too long for type character varying(200)")
        return await super()._insert(messages)


async def test_a_burst_shares_transactions(engine: AsyncEngine) -> None:
    commit = CountingCommit(session_factory(engine), FixedClock(T0))
    results = await asyncio.gather(*(commit.record([message(f"m{i}")]) for i in range(50)))
    assert [len(r) for r in results] == [1] * 50
    assert len({next(iter(r.values())) for r in results}) == 50
    assert commit.transactions < 10


async def test_a_duplicate_in_the_same_batch_is_new_to_one_request(engine: AsyncEngine) -> None:
    commit = GroupCommit(session_factory(engine), FixedClock(T0))
    results = await asyncio.gather(*(commit.record([message("same")]) for _ in range(5)))
    assert sorted(len(r) for r in results) == [0, 0, 0, 0, 1]


async def test_a_bad_message_fails_alone(engine: AsyncEngine) -> None:
    commit = CountingCommit(session_factory(engine), FixedClock(T0))
    good = [commit.record([message(f"g{i}")]) for i in range(5)]
    results = await asyncio.gather(*good, commit.record([message("poison")]), return_exceptions=True)
    assert isinstance(results[-1], ValueError)
    assert all(isinstance(r, dict) and len(r) == 1 for r in results[:-1])
    async with session_factory(engine)() as session:
        assert await count_inbound(session, "pending") == 5


async def test_the_database_being_down_fails_every_waiting_request(engine: AsyncEngine) -> None:
    await engine.dispose()
    broken = session_factory(engine)

    class Down(GroupCommit):
        async def _insert(self, messages: list[Message]) -> dict[Key, int]:
            raise ConnectionError("database unreachable")

    commit = Down(broken, FixedClock(T0))
    results = await asyncio.gather(
        *(commit.record([message(f"m{i}")]) for i in range(3)), return_exceptions=True
    )
    assert all(isinstance(r, ConnectionError) for r in results)
    with pytest.raises(ConnectionError):
        await commit.record([message("later")])


class StalledCommit(GroupCommit):
    """Each transaction ends in a timeout, as with a database that stopped answering."""

    transactions = 0

    async def _insert(self, messages: list[Message]) -> dict[Key, int]:
        self.transactions += 1
        await asyncio.sleep(0.01)
        raise TimeoutError


async def test_an_unavailable_database_fails_the_batch_at_once(engine: AsyncEngine) -> None:
    """Retrying each message alone would multiply the wait by the batch size for those behind it."""
    commit = StalledCommit(session_factory(engine), FixedClock(T0))
    results = await asyncio.gather(
        *(commit.record([message(f"m{i}")]) for i in range(6)), return_exceptions=True
    )
    assert all(isinstance(r, TimeoutError) for r in results)
    assert commit.transactions <= 2  # the first message alone, then the five that queued meanwhile


async def test_a_request_that_gave_up_is_not_written(engine: AsyncEngine) -> None:
    commit = GroupCommit(session_factory(engine), FixedClock(T0))
    gave_up = asyncio.ensure_future(commit.record([message("gave-up")]))
    await asyncio.sleep(0)  # it is queued for the writer
    gave_up.cancel()  # e.g. its accept timeout ran out: the platform was told 503 and will retry
    assert len(await commit.record([message("kept")])) == 1
    async with session_factory(engine)() as session:
        assert await count_inbound(session, "pending") == 1
