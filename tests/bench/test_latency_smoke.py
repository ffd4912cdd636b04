"""bench/latency.py at CI size: the bot as a subprocess on SQLite through every phase (warm-up, paced runs,
flat out, the memory fill), and every message answered exactly once. No timing is asserted: the full size
runs by hand (see the README)."""

from __future__ import annotations

import os

import pytest

from bench.latency import parser, run

PG_URL = os.environ.get("SALESBOT_TEST_PG", "")


async def test_every_message_gets_exactly_one_reply() -> None:
    args = parser().parse_args(
        ["--rates", "20", "100", "--seconds", "0.5", "--warmup", "20", "--flat", "40", "--memory", "200",
         "--users", "50", "--window", "16", "--settle", "0.5", "--patience", "60"]
    )  # fmt: skip
    args.db = ["sqlite"]
    [result] = await run(args)
    assert result.messages == 200
    assert [len(p.latencies) for p in result.paced] == [10, 50]
    assert (result.once, result.unshown) == (200, 0), result
    assert sorted(result.rss_kib) == [20, 200]


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: set SALESBOT_TEST_PG")
async def test_two_processes_on_postgresql_answer_every_message_once() -> None:
    # Callbacks go to each process in turn; either may claim and deliver any message, never both.
    args = parser().parse_args(
        ["--rates", "20", "--seconds", "0.5", "--warmup", "20", "--flat", "40", "--memory", "0",
         "--users", "50", "--window", "16", "--settle", "0.5", "--patience", "60", "--processes", "2"]
    )  # fmt: skip
    args.db = [PG_URL]
    [result] = await run(args)
    assert (result.label, result.messages) == ("postgresql×2", 70)
    assert (result.once, result.unshown) == (70, 0), result
