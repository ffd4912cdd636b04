"""Accept-path benchmark: signed, encrypted text callbacks fired at a running bot over loopback.

The bot (`salesbot run`, WeChat Work enabled, talking to the fake WeChat Work served here) and a bare
aiohttp server that only answers 200 each run in a process of their own; this process generates the
load. For each it prints accepted messages per second and p50/p99 acknowledgement latency, first at a
fixed offered rate (the target: p99 under 50 ms at 500 messages a second) and then flat out, and the
ratio of the flat-out throughputs. Then it waits for the processor and checks that every message was
processed exactly once: one inbound row each, all done, one reply each.

    python bench/ingest.py [-n 3000] [--rate 500] [--concurrency 64] [--db URL] [--profile FILE]

--db: "sqlite" (a temporary file, the default) or a PostgreSQL server URL such as
postgresql+asyncpg://postgres@127.0.0.1:5432/test (a temporary database is created on it and dropped).
--profile: run the bot under cProfile and write its stats to FILE (read them with `python -m pstats`);
--bot-prefix: a command to run the bot under instead, e.g. "py-spy record -o bot.txt --format raw --".
Either way the bot is stopped with SIGINT, which lets the profiler write its file.

The processing rate is what the bot sustains end to end once the load stops: messages marked done
(extracted, handled, replies committed to the outbox) per second until the backlog is gone.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import asyncpg
from aiohttp import web
from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver, FakeWeCom, bot_config, serve_fake_wecom
from storage.db import create_engine
from storage.models import InboundMessage, OutboxMessage

WECOM = SAMPLE_APP
PATH = "/wecom/callback"
Callback = tuple[dict[str, str], bytes]


@dataclasses.dataclass
class Run:
    label: str
    latencies: list[float]
    seconds: float
    failures: int
    cpu: float | None = None  # seconds of the server process's CPU time during the run (Linux only)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def line(self) -> str:
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        cpu = f"   cpu {self.cpu * 1000 / len(lat):5.2f} ms/msg" if self.cpu is not None else ""
        return (
            f"{self.label:<26} {self.rate:7.0f} msg/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms"
            f"{cpu}   failures {self.failures}"
        )


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far (from /proc; None where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def fire(
    label: str, url: str, callbacks: list[Callback], concurrency: int, rate: float | None, pid: int
) -> Run:
    """Send the callbacks; the server's CPU time per message is read from `pid` (it is the busy
    resource when flat out, and, unlike wall time, barely moved by other work on the machine)."""
    cpu_before = cpu_seconds(pid)
    latencies: list[float] = []
    failures = 0
    queue = list(enumerate(callbacks))[::-1]
    start = time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def worker() -> None:
            nonlocal failures
            while queue:
                i, (params, body) = queue.pop()
                if rate is not None:  # open loop: message i is due at start + i / rate
                    delay = start + i / rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                sent = time.perf_counter()
                async with http.post(url, params=params, data=body) as response:
                    await response.read()
                    failures += response.status != 200
                latencies.append(time.perf_counter() - sent)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    seconds, cpu_after = time.perf_counter() - start, cpu_seconds(pid)
    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return Run(label, latencies, seconds, failures, cpu)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url) as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} never became healthy")


@contextlib.asynccontextmanager
async def database(
    choice: str, directory: Path | None = None, prefix: str = "salesbot_bench"
) -> AsyncIterator[str]:
    """A SQLite file (in `directory`, else a new temporary one), or a database of its own on the
    PostgreSQL server `choice`, dropped afterwards."""
    if choice == "sqlite":
        yield f"sqlite+aiosqlite:///{directory or tempfile.mkdtemp(prefix='salesbot-bench-')}/bench.db"
        return
    plain = choice.replace("postgresql+asyncpg://", "postgresql://", 1)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(plain)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        yield f"{choice.rpartition('/')[0]}/{name}"
    finally:
        admin = await asyncpg.connect(plain)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def config_text(db_url: str, port: int, api_base: str) -> str:
    return bot_config(db_url, api_base, ["LiNa"], port=port)


def serve_bare(port: int) -> None:
    async def ok(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text="")

    app = web.Application()
    app.router.add_post(PATH, ok)
    app.router.add_get("/healthz", ok)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


def spawn(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, *args], stdout=out, stderr=subprocess.STDOUT)


async def main(args: argparse.Namespace) -> int:
    clock = SystemClock()
    fake = FakeWeCom(WECOM, clock, users={"LiNa", "Boss"}, member_limit=10**9, member_hour_limit=10**9)
    driver = CallbackDriver(WECOM, clock)
    # Built up front, so encryption is not part of the measurement; timestamps stay inside the window.
    loads = {name: [driver.text("LiNa", "帮助") for _ in range(args.n)] for name in ("bp", "sp", "bf", "sf")}
    tmp = Path(tempfile.mkdtemp(prefix="salesbot-bench-"))
    async with serve_fake_wecom(fake) as api_base, database(args.db) as db_url:
        bot_port, bare_port = free_port(), free_port()
        config = tmp / "config.toml"
        config.write_text(config_text(db_url, bot_port, api_base), encoding="utf-8")
        env = {**os.environ, "SALESBOT_CONFIG": str(config)}
        if not db_url.startswith("sqlite"):
            subprocess.run(
                [sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, check=True, capture_output=True
            )
        command = [sys.executable, "-m", "bot.cli", "run"]
        if args.profile:
            command[1:1] = ["-m", "cProfile", "-o", str(Path(args.profile).resolve())]
        bot = subprocess.Popen(
            [*shlex.split(args.bot_prefix or ""), *command],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp / "bot.log").open("wb"),
        )
        bare = spawn([__file__, "--bare-server", str(bare_port)], tmp / "bare.log")
        try:
            await wait_healthy(f"http://127.0.0.1:{bot_port}/healthz", bot)
            await wait_healthy(f"http://127.0.0.1:{bare_port}/healthz", bare)
            bot_url, bare_url = f"http://127.0.0.1:{bot_port}{PATH}", f"http://127.0.0.1:{bare_port}{PATH}"
            runs = [
                await fire(
                    "bare aiohttp, paced", bare_url, loads["bp"], args.concurrency, args.rate, bare.pid
                ),
                await fire(
                    "salesbot accept, paced", bot_url, loads["sp"], args.concurrency, args.rate, bot.pid
                ),
                await fire("bare aiohttp, flat out", bare_url, loads["bf"], args.concurrency, None, bare.pid),
                await fire(
                    "salesbot accept, flat out", bot_url, loads["sf"], args.concurrency, None, bot.pid
                ),
            ]
            print(
                f"{args.n} callbacks per run, {args.concurrency} connections, database {db_url.split(':')[0]}"
            )
            print(
                f"paced runs offer {args.rate:.0f} msg/s; bot and bare server each in a process of their own"
            )
            for run in runs:
                print(run.line())
            print(f"accept-path throughput / bare server (flat out): {runs[3].rate / runs[2].rate:.2f}")

            total = 2 * args.n
            engine = create_engine(db_url)
            started, deadline = time.perf_counter(), time.perf_counter() + args.timeout
            first: tuple[float, int] | None = None  # (when, how many were done) at the first look
            try:
                while True:
                    async with engine.connect() as conn:
                        rows = await conn.scalar(select(func.count()).select_from(InboundMessage))
                        done = await conn.scalar(
                            select(func.count())
                            .select_from(InboundMessage)
                            .where(InboundMessage.status == "done")
                        )
                        replies = await conn.scalar(select(func.count()).select_from(OutboxMessage))
                    if first is None:
                        first = time.perf_counter(), done
                    if done == total or time.perf_counter() > deadline:
                        break
                    await asyncio.sleep(0.5)
            finally:
                await engine.dispose()
            once = rows == total and done == total and replies == total
            print(
                f"processed: {done}/{total} done ({time.perf_counter() - started:.1f} s after the load), "
                f"{rows} inbound rows, {replies} replies -> {'exactly once' if once else 'NOT exactly once'}"
            )
            assert first is not None
            backlog, seconds = done - first[1], time.perf_counter() - first[0]
            if backlog > 0:
                print(
                    f"processing rate: {backlog / seconds:.0f} msg/s end to end "
                    f"({backlog} left after the load, worked off in {seconds:.1f} s)"
                )
            return 0 if once else 1
        finally:
            profiled = bool(args.profile or args.bot_prefix)
            for process in (bot, bare):
                if profiled and process is bot:
                    process.send_signal(signal.SIGINT)
                else:
                    process.terminate()
                process.wait(timeout=60)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=3000, help="callbacks per run")
    parser.add_argument("--rate", type=float, default=500.0, help="offered rate of the paced runs, msg/s")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--db", default="sqlite", help='"sqlite" or a PostgreSQL server URL')
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for processing")
    parser.add_argument("--profile", metavar="FILE", help="write the bot's cProfile stats to FILE")
    parser.add_argument(
        "--bot-prefix", metavar="CMD", help='run the bot under CMD, e.g. "py-spy record ... --"'
    )
    parser.add_argument("--bare-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.bare_server:
        serve_bare(options.bare_server)
        sys.exit(0)
    sys.exit(asyncio.run(main(options)))
