"""Soak: a running bot under a steady load for a long time, sampled each minute, to show that nothing
grows without bound. The bot (`salesbot run`, WeChat Work enabled against the fake served here, SLA
scans every 10 s) runs in a process of its own; this process sends paced text callbacks from many
reps (reports on customers of their own, so leads, follow-ups, replies and SLA alerts accumulate)
and, each minute, samples the bot's RSS and open file descriptors from /proc, its database
connections (PostgreSQL: pg_stat_activity; SQLite: the files it holds open), and the event loop's
responsiveness as the round trip of GET /healthz probed ten times a second (over loopback, so it is
the loop's lag plus a fraction of a millisecond). At the end it checks every message was processed
once and prints the table and the growth after warm-up.

    python bench/soak.py [--minutes 30] [--rate 50] [--db sqlite|postgresql+asyncpg://...]

Targets: RSS, descriptors and connections flat after warm-up (growth under 10% from the first
sampled minute after warm-up to the last), loop-lag p99 under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import asyncpg
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import PATH, WECOM, config_text, database, free_port, wait_healthy

from bot.clock import SystemClock
from bot.fakes.wecom import CallbackDriver, FakeWeCom, serve_fake_wecom
from storage.db import create_engine
from storage.models import InboundMessage

REPS = 50
CITIES = ("苏州", "无锡", "杭州", "南京", "宁波")
KINDS = ("今天拜访了", "刚给", "上午去了")
NEXT = ("下周三下午2点再联系", "明天上午回访", "下周五前发报价", "周四再去演示")


@dataclass
class Sample:
    minute: int
    sent: int
    rss_mb: float
    fds: int
    connections: int
    lag_p50_ms: float
    lag_p99_ms: float

    def line(self) -> str:
        return (
            f"{self.minute:>6} {self.sent:>8} {self.rss_mb:>9.1f} {self.fds:>6} {self.connections:>6}"
            f" {self.lag_p50_ms:>9.1f} {self.lag_p99_ms:>9.1f}"
        )


def org_text(reps: int) -> str:
    people = [
        '[[org.teams]]\nname = "华东一组"\nmanager = "zhangwei"\n',
        '[[org.people]]\nid = "zhangwei"\nname = "张伟"\nrole = "manager"\nteam = "华东一组"\n'
        'wecom_userid = "ZhangWei"\n',
    ]
    for i in range(reps):
        people.append(
            f'[[org.people]]\nid = "rep{i}"\nname = "销售{i}"\nteam = "华东一组"\nwecom_userid = "Rep{i}"\n'
            f'cities = ["{CITIES[i % len(CITIES)]}"]\n'
        )
    return "\n".join(people)


def message(rng: random.Random, rep: int, n: int) -> str:
    """A report on one of the rep's own twenty customers: the book grows, then stays the same size."""
    city = CITIES[rep % len(CITIES)]
    company = f"{city}第{rep}号{rng.randrange(20)}精密机械有限公司"
    return f"{rng.choice(KINDS)}{company}王经理，聊了激光切割机，{rng.choice(NEXT)}"


def proc_stats(pid: int) -> tuple[float, int]:
    status = Path(f"/proc/{pid}/status").read_text()
    rss_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return rss_kb / 1024, len(os.listdir(f"/proc/{pid}/fd"))


async def db_connections(db_url: str, pid: int) -> int:
    if db_url.startswith("sqlite"):  # the database and WAL files the bot holds open
        return sum(
            1 for fd in os.listdir(f"/proc/{pid}/fd")
            if ".db" in os.readlink(f"/proc/{pid}/fd/{fd}")
        )  # fmt: skip
    plain = db_url.replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(plain)
    try:
        name = plain.rpartition("/")[2]
        return int(await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = $1", name) - 1)
    finally:
        await conn.close()


async def probe_lag(url: str, lags: list[float], stop: asyncio.Event) -> None:
    async with aiohttp.ClientSession() as http:
        while not stop.is_set():
            started = time.perf_counter()
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url) as response:
                    await response.read()
            lags.append(time.perf_counter() - started)
            await asyncio.sleep(0.1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000 if ordered else 0.0


async def main(args: argparse.Namespace) -> int:
    clock = SystemClock()
    users = {f"Rep{i}" for i in range(REPS)} | {"ZhangWei"}
    fake = FakeWeCom(WECOM, clock, users=users, member_limit=10**9, member_hour_limit=10**9)
    driver = CallbackDriver(WECOM, clock)
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="salesbot-soak-"))
    async with serve_fake_wecom(fake) as api_base, database(args.db) as db_url:
        port = free_port()
        config = tmp / "config.toml"
        base = config_text(db_url, port, api_base)
        base = base[: base.index("[[org.teams]]")] + '[sla]\nscan_interval = "10s"\n' + org_text(REPS)
        config.write_text(base, encoding="utf-8")
        env = {**os.environ, "SALESBOT_CONFIG": str(config)}
        if not db_url.startswith("sqlite"):
            subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, check=True)
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"], env=env, stdout=subprocess.DEVNULL,
            stderr=(tmp / "bot.log").open("wb"),
        )  # fmt: skip
        samples: list[Sample] = []
        failures = sent = 0
        try:
            await wait_healthy(f"http://127.0.0.1:{port}/healthz", bot)
            url = f"http://127.0.0.1:{port}{PATH}"
            lags: list[float] = []
            stop = asyncio.Event()
            prober = asyncio.create_task(probe_lag(f"http://127.0.0.1:{port}/healthz", lags, stop))
            start = time.perf_counter()
            total = int(args.minutes * 60 * args.rate)
            async with aiohttp.ClientSession() as http:
                next_sample = start + 60
                for i in range(total):
                    due = start + i / args.rate
                    if (delay := due - time.perf_counter()) > 0:
                        await asyncio.sleep(delay)
                    rep = i % REPS
                    params, body = driver.text(f"Rep{rep}", message(rng, rep, i))
                    with contextlib.suppress(aiohttp.ClientError):
                        async with http.post(url, params=params, data=body) as response:
                            await response.read()
                            failures += response.status != 200
                            sent += 1
                    if time.perf_counter() >= next_sample:
                        rss, fds = proc_stats(bot.pid)
                        window, lags[:] = lags[:], []
                        connections = await db_connections(db_url, bot.pid)
                        lag = percentile(window, 0.5), percentile(window, 0.99)
                        samples.append(Sample(len(samples) + 1, sent, rss, fds, connections, *lag))
                        print(samples[-1].line(), flush=True) if args.verbose else None
                        next_sample += 60
            stop.set()
            await prober
            processed = await wait_processed(db_url, sent, args.drain)
        finally:
            bot.terminate()
            bot.wait(timeout=60)
    report(args, samples, sent, failures, processed)
    return 0


async def wait_processed(db_url: str, sent: int, seconds: float) -> int:
    engine = create_engine(db_url)
    try:
        deadline = time.perf_counter() + seconds
        while True:
            async with engine.connect() as conn:
                done = int(await conn.scalar(
                    select(func.count()).select_from(InboundMessage).where(InboundMessage.status == "done")
                ) or 0)  # fmt: skip
            if done >= sent or time.perf_counter() > deadline:
                return done
            await asyncio.sleep(1)
    finally:
        await engine.dispose()


def growth(samples: list[Sample], attr: str, warmup: int) -> float:
    after = samples[warmup:] or samples
    first, last = getattr(after[0], attr), getattr(after[-1], attr)
    return (last - first) / first if first else 0.0


def report(args: argparse.Namespace, samples: list[Sample], sent: int, failures: int, processed: int) -> None:
    db = args.db.split(":")[0]
    print(f"soak: {args.minutes} min at {args.rate:.0f} msg/s from {REPS} reps, SLA scan every 10 s, "
          f"database {db}, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs")  # fmt: skip
    print(f"{'minute':>6} {'sent':>8} {'RSS MB':>9} {'fds':>6} {'db':>6} {'lag p50':>9} {'lag p99':>9}")
    for sample in samples:
        print(sample.line())
    warmup = min(args.warmup, max(len(samples) - 1, 0))
    if samples:
        rss, fds, db_growth = (growth(samples, attr, warmup) for attr in ("rss_mb", "fds", "connections"))
        print(f"growth after {warmup} min warm-up: RSS {rss:+.1%}, fds {fds:+.1%}, db {db_growth:+.1%}")
        lag99 = max(s.lag_p99_ms for s in samples[warmup:] or samples)
        print(f"worst minute's loop-lag p99 after warm-up: {lag99:.1f} ms (target < 50 ms)")
    print(f"messages: {sent} sent, {failures} refused, {processed} processed"
          f" -> {'all processed' if processed >= sent else 'NOT all processed'}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=50.0, help="messages a second")
    parser.add_argument("--warmup", type=int, default=5, help="minutes left out of the growth figures")
    parser.add_argument("--db", default="sqlite", help='"sqlite" or a PostgreSQL server URL')
    parser.add_argument(
        "--drain", type=float, default=300.0, help="seconds to wait for processing at the end"
    )
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each minute as it is sampled")
    sys.exit(asyncio.run(main(parser.parse_args())))
