"""Message → reply latency and memory: how long a text callback takes to come back as a reply shown by the
(fake) platform, what one process sustains end to end, and whether its memory stays put.

The bot (`python -m bot.cli run`, WeChat Work enabled) runs as a subprocess against the fake WeChat Work
served in this process, which notes the moment each reply arrives. Each message is "查一下<number>" with a
number of its own that no customer has, so its reply, "没找到「<number>」", names it (as bench/crash.py
does). Per database, one bot process gets, in order:

1. `--warmup` messages (1,000) flat out, then its RSS is read from /proc/<pid>/status;
2. paced runs at each `--rates` (20, 100, 200 messages a second) for `--seconds` each: send → reply
   delivered, p50, p99 and max (target: p99 < 100 ms at 200/s on PostgreSQL);
3. `--flat` messages flat out, `--window` in flight at a time (a closed loop: each reply lets the next
   message go): the rate one process sustains end to end;
4. more of the same until `--memory` messages (100,000) were processed in all, then its RSS again
   (target: within 1.2× of the RSS after the first 1,000).

At the end every message must have been answered exactly once.

`--processes N` runs N bot processes on one PostgreSQL database (several instances, as in production),
callbacks sent to each in turn as a round-robin load balancer would; any process may process and
deliver any message. CPU is summed over them, RSS is the first one's; the rows read "postgresql×N".

    python bench/latency.py [--db sqlite] [--db postgresql+asyncpg://postgres@127.0.0.1:5432/test]
                            [--memory 100000] [--seconds 20] [--users 2000] [--processes 1]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from crash import users_of  # noqa: E402
from ingest import PATH, WECOM, database, free_port, wait_healthy  # noqa: E402

from bot.clock import SystemClock  # noqa: E402
from bot.fakes.wecom import CallbackDriver, Delivered, FakeWeCom, bot_config, serve_fake_wecom  # noqa: E402
from storage.db import create_engine  # noqa: E402
from storage.models import InboundMessage  # noqa: E402

NUMBER = re.compile(r"「(139\d{8})」")
NUMBER_IN_TEXT = re.compile(r"(139\d{8})")
TARGET_P99_MS, TARGET_RATE, TARGET_RSS_RATIO = 100.0, 200.0, 1.2

# The scheduled digests off: on a working morning or evening each of the 2,000 reps' digest went out in
# the middle of a run (a fresh database has sent none today), so the figures said what time it was.
DIGESTS_OFF = "[digests]\nenabled = false\n"


@dataclass
class Paced:
    rate: float
    latencies: list[float]  # seconds, send → reply delivered, in the order sent
    first: int  # the sequence number of its first message
    stages: dict[str, list[float]] = field(default_factory=dict)  # stage -> seconds, per message

    def ms(self, q: float) -> float:
        return _q(self.latencies, q)


@dataclass
class Result:
    database: str
    processes: int = 1  # bot processes sharing the database
    paced: list[Paced] = field(default_factory=list)
    flat: tuple[int, float, float] = (0, 0.0, 0.0)  # messages, seconds, the bots' CPU seconds (all processes)
    fill: tuple[int, float, float] = (0, 0.0, 0.0)  # the same for the messages sent up to --memory
    rss_kib: dict[int, int] = field(default_factory=dict)  # processed messages -> RSS (the first process)
    messages: int = 0
    once: int = 0  # messages answered exactly once
    refused: int = 0  # callbacks answered other than 200 (each sent again until 200)
    unshown: int = 0  # replies the fake dropped (member limit) or suppressed (duplicate check)
    load: list[float] = field(default_factory=list)  # the machine's 1-minute load average, before and after

    @property
    def label(self) -> str:
        return self.database if self.processes == 1 else f"{self.database}×{self.processes}"

    @property
    def exactly_once(self) -> bool:
        return self.once == self.messages and not self.unshown


class Replies:
    """The replies the fake shows, timed as they arrive, by the number they name."""

    def __init__(self, fake: FakeWeCom) -> None:
        self.at: dict[str, list[float]] = {}
        self.unshown = 0
        self._waiting: dict[str, asyncio.Future[float]] = {}
        fake.on_delivered = self._seen

    def _seen(self, user: str, delivered: Delivered) -> None:
        now = time.perf_counter()
        if delivered.dropped or delivered.duplicate:
            self.unshown += 1
            return
        for key in NUMBER.findall(str(delivered.payload)):
            self.at.setdefault(key, []).append(now)
            waiter = self._waiting.pop(key, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(now)

    def expect(self, key: str) -> asyncio.Future[float]:
        """A future for the arrival time of the first reply naming `key` (registered before sending)."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if key in self.at:
            future.set_result(self.at[key][0])
        else:
            self._waiting[key] = future
        return future


class Load:
    """Sends "查一下<number>" callbacks, a number and a MsgId of their own each, from `users` in turn."""

    def __init__(
        self,
        urls: list[str],
        users: list[str],
        http: aiohttp.ClientSession,
        replies: Replies,
        patience: float,
    ) -> None:
        self.urls, self.users, self.http, self.replies = urls, users, http, replies
        self.patience = patience  # seconds a reply may take before the run fails
        self.driver = CallbackDriver(WECOM, SystemClock())
        self.sent = 0
        self.refused = 0
        self.sent_at: dict[str, float] = {}  # key -> wall-clock time of its first send

    async def one(self) -> float:
        """Send the next message until it gets a 200 (as WeChat Work retries); returns send → reply."""
        seq = self.sent
        self.sent += 1
        key = f"139{seq:08d}"
        reply = self.replies.expect(key)
        started = time.perf_counter()
        self.sent_at[key] = time.time()
        while True:
            params, body = self.driver.text(
                self.users[seq % len(self.users)], f"查一下{key}", 8 * 10**9 + seq
            )
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                # Several bot processes: each takes its turn, as behind a round-robin load balancer.
                url = self.urls[seq % len(self.urls)]
                async with self.http.post(url, params=params, data=body) as response:
                    await response.read()
                    if response.status == 200:
                        break
            self.refused += 1
            await asyncio.sleep(0.2)
        return await asyncio.wait_for(reply, self.patience) - started

    async def paced(self, rate: float, count: int) -> Paced:
        """Open loop: message i leaves at start + i / rate, whatever the earlier ones are doing."""
        start, first = time.perf_counter(), self.sent
        tasks = []
        for i in range(count):
            if (delay := start + i / rate - time.perf_counter()) > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(self.one()))
        return Paced(rate, list(await asyncio.gather(*tasks)), first)

    async def flat_out(self, count: int, window: int) -> float:
        """Closed loop: `window` messages in flight, each reply letting the next one go; returns seconds."""
        left = count
        start = time.perf_counter()

        async def worker() -> None:
            nonlocal left
            while left > 0:
                left -= 1
                await self.one()

        await asyncio.gather(*(worker() for _ in range(min(window, count))))
        return time.perf_counter() - start


def cpu_seconds(pid: int) -> float:
    """User and system time the process has used (/proc/<pid>/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measured(load: Load, count: int, window: int, pids: list[int]) -> tuple[int, float, float]:
    cpu = sum(map(cpu_seconds, pids))
    seconds = await load.flat_out(count, window)
    return count, seconds, sum(map(cpu_seconds, pids)) - cpu


async def split_stages(db_url: str, load: Load, runs: list[Paced]) -> None:
    """Where each paced message's time went, from the bot's own timestamps (same machine, same clock):
    accept (send → stored), process (stored → processed: waiting for the processor, then its
    transaction) and deliver (processed → shown: commit, the sender's claim, token and send window
    reads, the platform call)."""
    engine = create_engine(db_url)
    try:
        async with engine.connect() as conn:
            query = select(InboundMessage.text, InboundMessage.received_at, InboundMessage.processed_at)
            stored = {NUMBER_IN_TEXT.search(t)[1]: (r, p) for t, r, p in (await conn.execute(query)).all()}
    finally:
        await engine.dispose()
    for run in runs:
        run.stages = {"accept": [], "process": [], "deliver": []}
        for i, latency in enumerate(run.latencies):
            key = f"139{run.first + i:08d}"
            sent, (received, processed) = load.sent_at[key], stored[key]
            run.stages["accept"].append(received.timestamp() - sent)
            run.stages["process"].append(processed.timestamp() - received.timestamp())
            run.stages["deliver"].append(sent + latency - processed.timestamp())


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))


async def run_one(db: str, args: argparse.Namespace) -> Result:
    users = users_of(args.users)
    fake = FakeWeCom(
        WECOM, SystemClock(), users={*users, "Boss"}, member_limit=10**9, member_hour_limit=10**9
    )
    replies = Replies(fake)
    result = Result("sqlite" if db == "sqlite" else "postgresql", load=[os.getloadavg()[0]])
    tmp = Path(tempfile.mkdtemp(prefix="salesbot-latency-"))
    processes = 1 if db == "sqlite" else args.processes  # SQLite is one process's database
    result.processes = processes
    async with serve_fake_wecom(fake) as api_base, database(db) as db_url:
        path = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))
        ports, bots = [free_port() for _ in range(processes)], []
        try:
            for i, port in enumerate(ports):
                config = tmp / f"config{i}.toml"
                config.write_text(
                    bot_config(db_url, api_base, users, port=port, sections=DIGESTS_OFF), encoding="utf-8"
                )
                env = {**os.environ, "SALESBOT_CONFIG": str(config), "PYTHONPATH": path}
                if i == 0:
                    upgrade = [sys.executable, "-m", "bot.cli", "db", "upgrade"]
                    subprocess.run(upgrade, env=env, cwd=ROOT, check=True, capture_output=True)
                profile = ["-m", "cProfile", "-o", f"{args.profile}.{result.database}{i or ''}"]
                with (tmp / f"bot{i}.log").open("wb") as log:
                    bots.append(subprocess.Popen(
                        [sys.executable, *(profile if args.profile else []), "-m", "bot.cli", "run"],
                        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                    ))  # fmt: skip
            for port, bot in zip(ports, bots, strict=True):
                await wait_healthy(f"http://127.0.0.1:{port}/healthz", bot)
            pids = [bot.pid for bot in bots]
            timeout = aiohttp.ClientTimeout(total=5)  # WeChat Work waits 5 s for an answer
            connector = aiohttp.TCPConnector(limit=max(64, args.window))
            async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
                urls = [f"http://127.0.0.1:{port}{PATH}" for port in ports]
                load = Load(urls, users, http, replies, args.patience)
                await load.flat_out(args.warmup, args.window)
                result.rss_kib[load.sent] = rss_kib(pids[0])
                for rate in args.rates:
                    result.paced.append(await load.paced(rate, max(1, int(rate * args.seconds))))
                result.flat = await measured(load, args.flat, args.window, pids)
                if (rest := args.memory - load.sent) > 0:
                    result.fill = await measured(load, rest, args.window, pids)
                result.rss_kib[load.sent] = rss_kib(pids[0])
                await asyncio.sleep(args.settle)  # time for a reply shown twice to show up
                result.messages, result.refused = load.sent, load.refused
        finally:
            for bot in bots:
                bot.terminate()
            for bot in bots:
                bot.wait(timeout=30)
        await split_stages(db_url, load, result.paced)
    result.load.append(os.getloadavg()[0])
    result.once = sum(1 for shown in replies.at.values() if len(shown) == 1)
    result.unshown = replies.unshown
    return result


async def run(args: argparse.Namespace) -> list[Result]:
    return [await run_one(db, args) for db in args.db]


def table(results: list[Result], args: argparse.Namespace) -> str:
    lines = [
        f"send → reply delivered, {args.users} users, database and bot on one machine "
        f"({os.cpu_count()} CPUs), {time.strftime('%Y-%m-%d')}",
        f"{'database':<13} {'load':<20} {'messages':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  target",
    ]
    for r in results:
        for p in r.paced:
            target = ""
            if p.rate == TARGET_RATE and r.database == "postgresql":
                met = "met" if p.ms(0.99) < TARGET_P99_MS else "MISSED"
                target = f"p99 < {TARGET_P99_MS:.0f} ms: {met}"
            median = statistics.median(p.latencies) * 1000
            lines.append(
                f"{r.label:<13} {f'paced {p.rate:.0f}/s':<20} {len(p.latencies):>8} {median:>8.1f}"
                f" {p.ms(0.99):>8.1f} {max(p.latencies) * 1000:>8.1f}  {target}"
            )
        for label, (n, seconds, cpu) in (("flat out", r.flat), ("flat out, to memory", r.fill)):
            if n:
                lines.append(f"{r.label:<13} {label:<20} {n:>8} {n / seconds:>8.0f} msg/s sustained"
                             f" ({args.window} in flight); bot CPU {cpu / n * 1000:.1f} ms a message,"
                             f" {cpu / seconds:.0%} of a core")  # fmt: skip
    lines.append(f"where the time went, p50 / p99 ms: {'accept':>15} {'process':>15} {'deliver':>15}")
    for r in results:
        for p in r.paced:
            cells = " ".join(f"{_q(v, 0.5):>7.1f} /{_q(v, 0.99):>6.1f}" for v in p.stages.values())
            lines.append(f"{r.label:<13} {f'paced {p.rate:.0f}/s':<22} {cells}")
    lines.append(f"{'database':<13} {'RSS after':>20} {'RSS after':>20} {'ratio':>7}  target")
    for r in results:
        (n1, a), (n2, b) = min(r.rss_kib.items()), max(r.rss_kib.items())
        met = "met" if b / a <= TARGET_RSS_RATIO else "MISSED"
        first, last = f"{n1:,}: {a / 1024:.1f} MiB", f"{n2:,}: {b / 1024:.1f} MiB"
        lines.append(f"{r.label:<13} {first:>20} {last:>20} {b / a:>7.2f}  ≤ {TARGET_RSS_RATIO}×: {met}")
    for r in results:
        once = "every message answered exactly once" if r.exactly_once else "NOT every message answered once"
        lines.append(f"{r.label}: {r.messages} messages, {r.once} answered once, {r.unshown} replies not"
                     f" shown, {r.refused} callbacks refused and resent -> {once}; machine load"
                     f" {r.load[0]:.1f} before, {r.load[-1]:.1f} after")  # fmt: skip
    return "\n".join(lines)


def _q(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000 if ordered else float("nan")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "--db", action="append", help='"sqlite" (the default) or a PostgreSQL server URL; repeatable'
    )
    p.add_argument("--rates", type=float, nargs="*", default=[20.0, 100.0, 200.0], help="paced rates, msg/s")
    p.add_argument("--seconds", type=float, default=20.0, help="length of each paced run")
    p.add_argument("--warmup", type=int, default=1000, help="messages before the first RSS reading")
    p.add_argument("--flat", type=int, default=5000, help="messages of the flat-out run")
    p.add_argument(
        "--memory", type=int, default=100_000, help="messages in all before the second RSS reading"
    )
    p.add_argument("--window", type=int, default=64, help="messages in flight when flat out")
    p.add_argument("--users", type=int, default=2000, help="senders, so no one passes 30 replies a minute")
    p.add_argument("--patience", type=float, default=600.0, help="seconds a reply may take")
    p.add_argument("--profile", metavar="PATH", help="run the bot under cProfile, saved to PATH.<database>")
    p.add_argument("--settle", type=float, default=2.0, help="seconds to wait for late duplicates")
    p.add_argument(
        "--processes", type=int, default=1,
        help="bot processes on one PostgreSQL database, callbacks sent to each in turn (SQLite: always 1)",
    )  # fmt: skip
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.db = args.db or ["sqlite"]
    results = asyncio.run(run(args))
    print(table(results, args))
    return 0 if all(r.exactly_once for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
