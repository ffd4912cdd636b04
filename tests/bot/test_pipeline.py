"""Accept durably, process once: retries change nothing, failures back off, crashes lose nothing."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.clock import FixedClock
from bot.core.pipeline import Pipeline
from bot.types import Message, Outgoing, PermissionDenied
from storage.db import session_factory
from storage.inbound import LOOK_UP_SENDER, MAX_ATTEMPTS, SenderUnread, count_inbound, message_of
from storage.models import InboundMessage, Lead, OutboxMessage, Person
from storage.outbox import outgoing_of, reply_row

T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)

Sender = Person | SenderUnread | None  # what the pipeline hands processing as the message's sender


def message(msg_id: str, text: str = "你好") -> Message:
    return Message(
        platform="wecom", platform_msg_id=msg_id, sender_id="LiNa", kind="text", text=text, sent_at=T0
    )


class Recorder:
    """A process step that writes a lead per message, so atomicity with the done mark is visible."""

    def __init__(self, fail_times: int = 0) -> None:
        self.seen: list[str] = []
        self.fail_times = fail_times

    async def __call__(self, session: AsyncSession, row: InboundMessage, sender: Sender) -> None:
        self.seen.append(row.platform_msg_id)
        session.add(Lead(company=row.text, company_key=row.text, source="wecom", created_at=T0))
        await session.flush()
        if self.fail_times:
            self.fail_times -= 1
            raise RuntimeError("handler broke")


async def leads(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(Lead)) or 0)


async def test_retried_message_is_accepted_once_and_processed_once(engine: AsyncEngine) -> None:
    recorder = Recorder()
    pipeline = Pipeline(session_factory(engine), FixedClock(T0), recorder)
    first = await pipeline.accept([message("m1")])
    for _ in range(3):  # the platform's three retries
        assert await pipeline.accept([message("m1")]) == []
    assert len(first) == 1
    assert await pipeline.drain() == 1
    assert await pipeline.drain() == 0
    assert recorder.seen == ["m1"] and await leads(engine) == 1


async def test_concurrent_duplicates_store_one_row(engine: AsyncEngine) -> None:
    pipeline = Pipeline(session_factory(engine), FixedClock(T0), Recorder())
    results = await asyncio.gather(*(pipeline.accept([message("same")]) for _ in range(8)))
    assert sum(len(r) for r in results) == 1
    async with session_factory(engine)() as session:
        assert await count_inbound(session, "pending") == 1


async def test_failure_rolls_back_the_handlers_writes_and_backs_off(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    recorder = Recorder(fail_times=1)
    pipeline = Pipeline(session_factory(engine), clock, recorder)
    await pipeline.accept([message("m1")])
    assert await pipeline.process_next() is True
    assert await leads(engine) == 0  # the failed attempt's lead was rolled back with it
    assert await pipeline.process_next() is False  # backing off, not hot-looping
    clock.advance(timedelta(seconds=2))
    assert await pipeline.process_next() is True
    assert await leads(engine) == 1 and recorder.seen == ["m1", "m1"]
    async with session_factory(engine)() as session:
        row = await session.scalar(select(InboundMessage))
        assert row is not None and row.status == "done" and row.attempts == 1


async def test_repeated_failure_parks_the_message_and_the_queue_goes_on(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    recorder = Recorder(fail_times=MAX_ATTEMPTS)
    pipeline = Pipeline(session_factory(engine), clock, recorder)
    await pipeline.accept([message("poison")])
    for _ in range(MAX_ATTEMPTS):
        assert await pipeline.process_next() is True
        clock.advance(timedelta(minutes=10))
    await pipeline.accept([message("next", "仁济医院")])
    assert await pipeline.drain() == 1
    async with session_factory(engine)() as session:
        assert await count_inbound(session, "failed") == 1
        assert await count_inbound(session, "done") == 1
        poison = await session.scalar(
            select(InboundMessage).where(InboundMessage.platform_msg_id == "poison")
        )
        assert poison is not None and poison.error == "RuntimeError: handler broke"


async def test_crash_after_accept_is_processed_after_restart(engine: AsyncEngine) -> None:
    class Crash(BaseException):
        """Stands for the process dying mid-handler: nothing after it runs."""

    async def crashing(session: AsyncSession, row: InboundMessage, sender: Sender) -> None:
        session.add(Lead(company="half", company_key="half", source="wecom", created_at=T0))
        await session.flush()
        raise Crash

    before = Pipeline(session_factory(engine), FixedClock(T0), crashing)
    await before.accept([message("m1")])
    with pytest.raises(Crash):
        await before.process_next()

    recorder = Recorder()
    after = Pipeline(session_factory(engine), FixedClock(T0), recorder)  # the restarted app
    assert await after.drain() == 1
    assert recorder.seen == ["m1"] and await leads(engine) == 1


async def test_run_loop_processes_what_accept_wakes_it_for(engine: AsyncEngine) -> None:
    recorder = Recorder()
    pipeline = Pipeline(session_factory(engine), FixedClock(T0), recorder, poll_interval=3600)
    task = asyncio.create_task(pipeline.run())
    try:
        await pipeline.accept([message("m1")])
        for _ in range(500):  # bounded; the loop wakes on accept, not on the hour-long poll
            if recorder.seen:
                break
            await asyncio.sleep(0.01)
        assert recorder.seen == ["m1"]
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_concurrent_processors_handle_each_message_once(engine: AsyncEngine) -> None:
    recorder = Recorder()
    sessions = session_factory(engine)
    workers = [Pipeline(sessions, FixedClock(T0), recorder) for _ in range(4)]
    await workers[0].accept([message(f"m{i}", f"客户{i}") for i in range(40)])
    counts = await asyncio.gather(*(w.drain() for w in workers))
    assert sum(counts) == 40
    assert sorted(recorder.seen) == sorted(f"m{i}" for i in range(40))
    assert await leads(engine) == 40


class Fetcher:
    """A channel's enrichment: fails as scripted, then makes an inquiry of each message that needs it,
    with the profile it fetched; "pull" messages are dealt with wholly (nothing left to process)."""

    def __init__(self, fail_times: int = 0) -> None:
        self.calls: list[str] = []
        self.fail_times = fail_times

    def needs_enrichment(self, m: Message) -> bool:
        return m.kind == "text" and m.text in ("needs", "pull")

    async def enrich(self, m: Message) -> Message | None:
        self.calls.append(m.platform_msg_id)
        if self.fail_times:
            self.fail_times -= 1
            raise ConnectionError("platform unreachable")
        if m.text == "pull":
            return None
        form = {"name": f"profile of {m.platform_msg_id}"}
        return dataclasses.replace(m, kind="inquiry", text="enriched", form=form)


async def test_enriched_messages_are_stored_before_processing(engine: AsyncEngine) -> None:
    seen: list[object] = []

    async def process(session: AsyncSession, row: InboundMessage, sender: Sender) -> None:
        seen.append((row.kind, message_of(row).form.get("name")))

    fetcher = Fetcher()
    pipeline = Pipeline(session_factory(engine), FixedClock(T0), process, enrichers={"wecom": fetcher})
    await pipeline.accept([message("m1", "needs"), message("m2", "plain"), message("m3", "pull")])
    assert await pipeline.drain() == 4  # enrich m1, process m1, process m2, enrich m3 (done)
    assert await pipeline.drain() == 0
    assert seen == [("inquiry", "profile of m1"), ("text", None)]
    assert fetcher.calls == ["m1", "m3"]  # only what needs fetching is fetched
    async with session_factory(engine)() as session:
        statuses = (await session.scalars(select(InboundMessage.status).order_by(InboundMessage.id))).all()
    assert statuses == ["done", "done", "done"]


async def test_failed_enrichment_backs_off_and_is_retried(engine: AsyncEngine) -> None:
    clock = FixedClock(T0)
    processed: list[str] = []

    async def process(session: AsyncSession, row: InboundMessage, sender: Sender) -> None:
        processed.append(str(message_of(row).form.get("name")))

    pipeline = Pipeline(session_factory(engine), clock, process, enrichers={"wecom": Fetcher(fail_times=1)})
    await pipeline.accept([message("m1", "needs")])
    await pipeline.drain()
    assert processed == []  # not processed without its details
    async with session_factory(engine)() as session:
        row = await session.scalar(select(InboundMessage))
        assert row is not None and row.attempts == 1 and "ConnectionError" in (row.error or "")
    clock.advance(timedelta(seconds=5))
    await pipeline.drain()
    assert processed == ["profile of m1"]


async def test_a_failed_statement_s_values_stay_out_of_the_log_and_the_error_column(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """The database error of a failed statement names what failed, not the customer's name and phone."""

    async def failing(session: AsyncSession, row: InboundMessage, sender: Sender) -> None:
        session.add(Lead(company=row.text, company_key=None, source="wecom", created_at=T0))  # NOT NULL
        await session.flush()

    pipeline = Pipeline(session_factory(engine), FixedClock(T0), failing)
    await pipeline.accept([message("m1", "客户张三 13953112288 要报价")])
    with caplog.at_level(logging.INFO):
        assert await pipeline.process_next() is True
    [failure] = [r for r in caplog.records if r.getMessage() == "processing failed"]
    assert failure.exc_info is not None and "IntegrityError" in caplog.text
    async with session_factory(engine)() as session:
        row = await session.scalar(select(InboundMessage))
    assert row is not None and row.error is not None and "IntegrityError" in row.error
    for text in (caplog.text, row.error):
        assert "13953112288" not in text and "张三" not in text


async def _done_soon(task: asyncio.Task[None]) -> bool:
    for _ in range(5):  # a few turns of the loop, no timer
        await asyncio.sleep(0)
    return task.done()


@pytest.mark.parametrize("pause_as_long_as_a_step", [True, False])
async def test_background_work_waits_while_a_request_is_received(
    engine: AsyncEngine, pause_as_long_as_a_step: bool
) -> None:
    pipeline = Pipeline(
        session_factory(engine), FixedClock(T0), Recorder(), pause_as_long_as_a_step=pause_as_long_as_a_step
    )
    with pipeline.receiving():
        waiting = asyncio.create_task(pipeline.give_way())
        assert not await _done_soon(waiting)
    waiting.cancel()


async def test_on_a_pooled_database_the_pause_after_receiving_does_not_grow_with_the_last_step(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No minimum pause, and the last message took a minute: only the policy decides whether work waits.
    monkeypatch.setattr("bot.core.pipeline.QUIET", 0.0)
    monkeypatch.setattr("bot.core.pipeline.YIELD_MAX", 3600.0)
    pooled = Pipeline(session_factory(engine), FixedClock(T0), Recorder(), pause_as_long_as_a_step=False)
    single = Pipeline(session_factory(engine), FixedClock(T0), Recorder(), pause_as_long_as_a_step=True)
    for pipeline in (pooled, single):
        pipeline._step = 60.0  # what processing the last message took, as process_next measures it
        with pipeline.receiving():
            pass
    pooled_task = asyncio.create_task(pooled.give_way())
    single_task = asyncio.create_task(single.give_way())
    assert await _done_soon(pooled_task)
    assert not single_task.done()  # SQLite: waits for a pause as long as the last message took (capped)
    single_task.cancel()


class Refuser:
    """A process step whose handler writes a lead, then refuses the writer (as a rights check found
    halfway through a handler does); called again with the refusal, it writes only that."""

    def __init__(self) -> None:
        self.refused: list[str] = []
        self.senders: list[Sender] = []

    async def __call__(
        self,
        session: AsyncSession,
        row: InboundMessage,
        sender: Sender,
        refused: PermissionDenied | None = None,
    ) -> None:
        self.senders.append(sender)
        if refused is not None:
            self.refused.append(str(refused))
            session.add(Lead(company="refusal sent", company_key="refusal", source="wecom", created_at=T0))
            return
        session.add(Lead(company=row.text, company_key=row.text, source="wecom", created_at=T0))
        await session.flush()
        raise PermissionDenied("not yours")


async def test_a_refusal_halfway_keeps_none_of_the_handlers_writes_and_answers_once(
    engine: AsyncEngine,
) -> None:
    refuser = Refuser()
    pipeline = Pipeline(session_factory(engine), FixedClock(T0), refuser)
    await pipeline.accept([message("m1", "别人的客户")])
    assert await pipeline.drain() == 1
    assert refuser.refused == ["not yours"]
    # The first pass has the sender read with the claim (no member here); the second, claimed again
    # without reading them, is told to look them up.
    assert refuser.senders == [None, LOOK_UP_SENDER]
    async with session_factory(engine)() as session:
        assert list(await session.scalars(select(Lead.company))) == ["refusal sent"]
        row = await session.scalar(select(InboundMessage))
        assert row is not None and row.status == "done" and row.attempts == 0


@pytest.mark.parametrize("count", [1, 2])
async def test_reply_rows_returned_by_processing_commit_with_the_done_mark(
    engine: AsyncEngine, count: int
) -> None:
    """Rows the processing leaves to the pipeline are written in order with the message's done mark
    (one of them in the same statement on PostgreSQL), or not at all."""
    now = T0

    async def process(
        session: AsyncSession, row: InboundMessage, sender: Sender, refused: PermissionDenied | None = None
    ) -> list[dict[str, object]]:
        items = [Outgoing("wecom", row.sender_id, "reply", title=f"回复{i}") for i in range(count)]
        return [reply_row(item, now) for item in items]

    pipeline = Pipeline(session_factory(engine), FixedClock(T0), process)
    await pipeline.accept([message("m1")])
    assert await pipeline.drain() == 1
    async with session_factory(engine)() as session:
        rows = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
        inbound = (await session.scalars(select(InboundMessage))).one()
    titles = [outgoing_of(r).title for r in rows]
    assert titles == [f"回复{i}" for i in range(count)] and {(r.status, r.attempts) for r in rows} == {
        ("pending", 0)
    }
    assert inbound.status == "done" and inbound.processed_at is not None


async def test_processing_is_handed_the_sender_read_with_the_claim(engine: AsyncEngine) -> None:
    """The member who wrote comes with the claim, as an argument (None for someone who is not one); the
    refusal's second pass, whose claim reads no sender, is handed LOOK_UP_SENDER."""
    async with session_factory(engine).begin() as session:
        session.add(
            Person(key="lina", name="李娜", role="rep", wecom_userid="LiNa", cities=[], product_lines=[])
        )
    seen: list[tuple[str, str | SenderUnread | None]] = []

    async def process(
        session: AsyncSession, row: InboundMessage, sender: Sender, refused: PermissionDenied | None = None
    ) -> None:
        seen.append((row.platform_msg_id, sender.key if isinstance(sender, Person) else sender))
        if row.platform_msg_id == "m2" and refused is None:
            raise PermissionDenied("not yours")

    pipeline = Pipeline(session_factory(engine), FixedClock(T0), process)
    stranger = dataclasses.replace(message("m3"), sender_id="Nobody")
    await pipeline.accept([message("m1"), message("m2"), stranger])
    assert await pipeline.drain() == 3
    assert seen == [("m1", "lina"), ("m2", "lina"), ("m2", LOOK_UP_SENDER), ("m3", None)]
