"""Hostile-input benchmark: thousands of generated bad requests over real HTTP at a running bot, on every
edge it serves (WeChat Work callback GET and POST, DingTalk's HTTP robot, card and event endpoints, the
web-form intake, the console's messages API, the dashboard API, the ad-lead receivers).

The bot runs in this process (aiohttp AppRunner on 127.0.0.1, port 0) with its processor and sender, on
SQLite in a temporary directory, delivering to fake WeChat Work and DingTalk servers. The classes of
input are bench/hostile_kinds.py's. For each class a line: requests sent, answers by status class,
inbound rows stored, outbox rows and pushes caused, the slowest answer, and RSS growth. Target: every
request of a refused class answered 4xx, nothing stored or sent, no 5xx, bounded time and memory; the
accepted classes (odd but authentic) are shown apart.

    python bench/hostile.py [-n 10000] [--seed 17] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import logging
import platform
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from random import Random
from urllib.parse import quote

import aiohttp
from aiohttp import web
from sqlalchemy import func, select
from yarl import URL

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the repository's packages

from bench.hostile_inputs import BODY_EDGES, Attack, Target, hostile_config
from bench.hostile_kinds import ACCEPTED, REFUSED, make
from bot.app import SESSIONS, create_app
from bot.clock import SystemClock
from bot.fakes.dingtalk import FakeDingTalk, serve_fake_dingtalk
from bot.fakes.wecom import FakeWeCom, serve_fake_wecom
from storage.models import InboundMessage, OutboxMessage

SLOW_PIECE, SLOW_PAUSE = 4096, 0.02  # slow bodies: 4 KiB every 20 ms
SETTLE = 10.0  # seconds to wait for the processor and sender after a class
MAX_LATENCY = 5.0  # seconds: the bound on any answer
MAX_RSS_GROWTH = 256.0  # MiB over the whole run


@dataclass
class Tally:
    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)  # 0: no answer (connection error)
    stored: int = 0
    outbox: int = 0
    pushes: int = 0
    max_latency: float = 0.0
    rss_growth: float = 0.0

    def by_class(self, lo: int) -> int:
        return sum(n for status, n in self.statuses.items() if lo <= status < lo + 100)

    def row(self, name: str) -> str:
        errors = self.statuses[0]
        return (
            f"| {name:<19} | {self.sent:>6} | {self.by_class(200):>5} | {self.by_class(400):>6} | "
            f"{self.by_class(500):>4} | {errors:>4} | {self.stored:>6} | {self.outbox:>6} | "
            f"{self.pushes:>6} | {self.max_latency * 1000:>8.1f} | {self.rss_growth:>+7.1f} |"
        )


HEADER = (
    "| class               |   sent |   2xx |    4xx |  5xx |  err | stored | outbox | pushes | max ms   "
    "| RSS MiB |\n|---------------------|-------:|------:|-------:|-----:|-----:|-------:|-------:|-------:|"
    "---------:|--------:|"
)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def plan(count: int) -> dict[str, list[str]]:
    """kind -> the edge of each request to send: `count` in all, the refused classes' cases equally, a
    few slow ones, and the accepted classes apart (about 1% of the run)."""
    rng = Random(0)
    slow = [edge for edge in BODY_EDGES for _ in range(2)]
    accepted = {"bit_flip_echo_head": ["wecom_get"] * max(10, count // 400)}
    accepted["authentic_odd"] = [e for _ in range(max(1, count // 1000)) for e in ACCEPTED["authentic_odd"]]
    fast = [(k, e) for k, edges in REFUSED.items() if k != "slow_oversized" for e in edges]
    left = count - len(slow) - sum(map(len, accepted.values()))
    each, extra = divmod(max(0, left), len(fast))
    out: dict[str, list[str]] = {k: [] for k in REFUSED}
    for i, (kind, edge) in enumerate(fast):
        out[kind] += [edge] * (each + (i < extra))
    out["slow_oversized"] = slow
    for edges in out.values():
        rng.shuffle(edges)
    return out | accepted


async def send(http: aiohttp.ClientSession, base: str, attack: Attack) -> int:
    url = URL(
        base + quote(attack.path, safe="/-_.~") + (f"?{attack.query}" if attack.query else ""), encoded=True
    )
    data: object = io.BytesIO(attack.body) if attack.body else None  # bytes past 1 MiB warn
    if attack.chunked:

        async def pieces() -> object:
            for i in range(0, len(attack.body), 65536):
                yield attack.body[i : i + 65536]

        data = pieces()
    async with http.request(attack.method, url, headers=dict(attack.headers), data=data) as response:
        await response.read()
        return response.status


async def send_slowly(host: str, port: int, attack: Attack) -> int:
    """POST the body in small pieces with pauses, reading the answer meanwhile; stop writing once it came."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        path = quote(attack.path, safe="/-_.~") + (f"?{attack.query}" if attack.query else "")
        head = f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        head += (
            "Transfer-Encoding: chunked\r\n" if attack.chunked else f"Content-Length: {len(attack.body)}\r\n"
        )
        head += "".join(f"{k}: {v}\r\n" for k, v in attack.headers.items())
        writer.write(head.encode("utf-8") + b"\r\n")
        answer = asyncio.ensure_future(reader.readline())
        for i in range(0, len(attack.body), SLOW_PIECE):
            if answer.done():
                break
            piece = attack.body[i : i + SLOW_PIECE]
            writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if attack.chunked else piece)
            await writer.drain()
            await asyncio.sleep(SLOW_PAUSE)
        status_line = await asyncio.wait_for(answer, MAX_LATENCY)
        return int(status_line.split()[1])
    except (ConnectionError, IndexError, ValueError):
        return 0
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


@dataclass
class Bench:
    app: web.Application
    base: str
    port: int
    target: Target
    wecom: FakeWeCom
    dingtalk: FakeDingTalk

    def pushes(self) -> int:
        wecom = sum(map(len, self.wecom.received.values())) + len(self.wecom.webhooks)
        return (
            wecom
            + sum(map(len, self.dingtalk.received.values()))
            + sum(map(len, self.dingtalk.posts.values()))
        )

    async def rows(self) -> tuple[int, int, int]:
        """(inbound rows, of which pending, outbox rows)."""
        async with self.app[SESSIONS]() as session:
            inbound = await session.scalar(select(func.count()).select_from(InboundMessage))
            pending = await session.scalar(
                select(func.count()).select_from(InboundMessage).where(InboundMessage.status == "pending")
            )
            outbox = await session.scalar(select(func.count()).select_from(OutboxMessage))
        return inbound or 0, pending or 0, outbox or 0

    async def settle(self) -> None:
        """Until the processor has nothing pending and no push is still going out (bounded)."""
        deadline, last = time.monotonic() + SETTLE, -1
        while time.monotonic() < deadline:
            _, pending, _ = await self.rows()
            pushes = self.pushes()
            if pending == 0 and pushes == last:
                return
            last = pushes
            await asyncio.sleep(0.3)

    async def run_class(
        self, http: aiohttp.ClientSession, kind: str, edges: list[str], rng: Random, concurrency: int
    ) -> tuple[Tally, Counter[tuple[str, int]]]:
        tally, per_edge = Tally(), Counter[tuple[str, int]]()
        inbound0, _, outbox0 = await self.rows()
        pushes0, rss0 = self.pushes(), rss_mib()
        gate = asyncio.Semaphore(concurrency)
        seeds = [rng.getrandbits(64) for _ in edges]

        async def one(edge: str, seed: int) -> None:
            async with gate:
                attack = make(self.target, kind, edge, Random(seed))  # built just before it is sent
                started = time.perf_counter()
                try:
                    if kind == "slow_oversized":
                        status = await send_slowly("127.0.0.1", self.port, attack)
                    else:
                        status = await asyncio.wait_for(send(http, self.base, attack), 30)
                except (aiohttp.ClientError, TimeoutError, ConnectionError):
                    status = 0
                tally.max_latency = max(tally.max_latency, time.perf_counter() - started)
                tally.sent += 1
                tally.statuses[status] += 1
                per_edge[(edge, status)] += 1

        await asyncio.gather(*(one(edge, seed) for edge, seed in zip(edges, seeds, strict=True)))
        await self.settle()
        inbound1, _, outbox1 = await self.rows()
        tally.stored, tally.outbox, tally.pushes = (
            inbound1 - inbound0,
            outbox1 - outbox0,
            self.pushes() - pushes0,
        )
        tally.rss_growth = rss_mib() - rss0
        return tally, per_edge


async def main(count: int, seed: int, concurrency: int) -> int:
    logging.basicConfig(level=logging.CRITICAL)  # every refusal logs a warning; the table says it all
    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="salesbot-hostile-") as tmp:
        fake_wecom = FakeWeCom(hostile_config("").wecom, clock, users={"LiNa", "ZhangWei"})
        fake_dt = FakeDingTalk.for_config(
            hostile_config("").dingtalk, clock, users={"dt_lina", "dt_zhangwei"}
        )
        async with serve_fake_wecom(fake_wecom) as wecom_api, serve_fake_dingtalk(fake_dt) as dt_api:
            config = hostile_config(f"sqlite+aiosqlite:///{tmp}/hostile.db", wecom_api, dt_api)
            app = create_app(config, clock=clock)
            runner = web.AppRunner(app, shutdown_timeout=2.0)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = runner.addresses[0][1]
            bench = Bench(
                app, f"http://127.0.0.1:{port}", port, Target.of(config, clock), fake_wecom, fake_dt
            )
            try:
                return await report(bench, count, seed, concurrency)
            finally:
                await runner.cleanup()


async def report(bench: Bench, count: int, seed: int, concurrency: int) -> int:
    rng, rss_start, started = Random(seed), rss_mib(), time.perf_counter()
    print(f"salesbot hostile input: {count} requests, seed {seed}, concurrency {concurrency}")
    print(
        f"{platform.node()} · {platform.processor() or platform.machine()} · {_cpus()} CPUs · Python "
        f"{platform.python_version()} · aiohttp {aiohttp.__version__} · "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"
    )
    tallies: dict[str, Tally] = {}
    edges: Counter[tuple[str, int]] = Counter()
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(
        timeout=timeout, connector=aiohttp.TCPConnector(limit=concurrency)
    ) as http:
        for kind, planned in plan(count).items():
            tallies[kind], per_edge = await bench.run_class(http, kind, planned, rng, concurrency)
            edges.update(per_edge)
    print("Refused classes (target: all 4xx, nothing stored, nothing sent)\n" + HEADER)
    print("\n".join(tallies[k].row(k) for k in REFUSED))
    total = Tally()
    for k in REFUSED:
        t = tallies[k]
        total.sent += t.sent
        total.statuses.update(t.statuses)
        total.stored, total.outbox, total.pushes = (
            total.stored + t.stored,
            total.outbox + t.outbox,
            total.pushes + t.pushes,
        )
        total.max_latency = max(total.max_latency, t.max_latency)
    total.rss_growth = rss_mib() - rss_start
    print(total.row("all refused"))
    print(
        "\nAccepted classes (odd but authentic: answered, stored and replied to like any message)\n" + HEADER
    )
    print("\n".join(tallies[k].row(k) for k in ACCEPTED))
    print("\nAnswers per edge (all classes)")
    for edge in sorted({e for e, _ in edges}):
        seen = " ".join(f"{s or 'err'}:{n}" for (e, s), n in sorted(edges.items()) if e == edge)
        print(f"  {edge:<16} {seen}")
    failures = check(tallies, rss_mib() - rss_start)
    seconds = time.perf_counter() - started
    print(
        f"\n{sum(t.sent for t in tallies.values())} requests in {seconds:.1f} s; RSS {rss_mib():.0f} MiB "
        f"(+{rss_mib() - rss_start:.1f} over the run)"
    )
    print("targets met" if not failures else "TARGETS MISSED:\n  " + "\n  ".join(failures))
    return 1 if failures else 0


def check(tallies: dict[str, Tally], rss_growth: float) -> list[str]:
    failures = []
    for kind, t in tallies.items():
        if t.by_class(500) or t.statuses[0]:
            failures.append(f"{kind}: {t.by_class(500)} 5xx, {t.statuses[0]} without an answer")
        if t.max_latency > MAX_LATENCY:
            failures.append(f"{kind}: an answer took {t.max_latency:.1f} s")
        if kind in REFUSED and (t.by_class(200) or t.stored or t.outbox or t.pushes):
            failures.append(
                f"{kind}: {t.by_class(200)} accepted, {t.stored} stored, {t.outbox} outbox rows, "
                f"{t.pushes} pushes"
            )
    if tallies["authentic_odd"].stored == 0:
        failures.append("authentic_odd: nothing stored, so the bot under test accepts nothing at all")
    if rss_growth > MAX_RSS_GROWTH:
        failures.append(f"RSS grew {rss_growth:.0f} MiB")
    return failures


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=10_000, help="requests in all (default 10000)")
    parser.add_argument(
        "--seed", type=int, default=17, help="random seed: the same seed sends the same inputs"
    )
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.count, args.seed, args.concurrency)))
