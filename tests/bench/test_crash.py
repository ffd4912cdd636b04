"""bench/crash.py at CI size: the bot as a subprocess on SQLite, killed twice mid-run with SIGKILL and
restarted, and every message answered exactly once (the full size runs by hand; see the README)."""

from __future__ import annotations

from bench.crash import run


async def test_every_message_is_answered_exactly_once_through_two_kills() -> None:
    # A short lease, so that a row whose sender was killed mid-call is retried within seconds.
    result = await run(n=300, users=30, kills=2, db="sqlite", concurrency=32, lease="2s", seed=7, timeout=120)
    assert result.kills == 2
    assert (result.once, result.twice, result.unanswered) == (300, 0, 0), result.table()
