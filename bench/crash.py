"""Crash benchmark: text callbacks at the bot, killed with SIGKILL at random moments and restarted, and
every message must be answered exactly once.

The bot (`python -m bot.cli run`, WeChat Work enabled) runs as a subprocess against the fake WeChat Work
served here, which records every message shown. `--users` reps each send their share of `-n` messages,
"查一下<phone>" with a number of its own per message that no customer has, so that the reply,
"没找到「<phone>」", is attributable to its message; all at once over `--concurrency` connections. What
gets no 200 is sent again with the same MsgId until it does, as WeChat Work retries (WeChat Work gives
up after three retries; here it never does, so that "unanswered" measures the bot alone). The bot is
killed when the replies shown reach random points of the run (`--kills` of them) and restarted at once.
Then it runs until nothing is pending, and each message's replies are counted: the ones the fake showed,
not the ones its duplicate check (enable_duplicate_check) dropped.

    python bench/crash.py [-n 10000] [--users 500] [--kills 5] [--db sqlite|URL] [--lease 60s]

--db: "sqlite" (a temporary file, the default) or a PostgreSQL server URL such as
postgresql+asyncpg://postgres@127.0.0.1:5432/test (a database of its own is created there and dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import database  # noqa: E402
from bot.clock import SystemClock  # noqa: E402
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver, FakeWeCom, bot_config, serve_fake_wecom  # noqa: E402
from storage.db import create_engine  # noqa: E402
from storage.models import InboundMessage, OutboxMessage  # noqa: E402

PATH = "/wecom/callback"


@dataclasses.dataclass(frozen=True)
class Sent:
    user: str
    msg_id: int
    key: str  # what its reply names
    text: str


@dataclasses.dataclass
class Result:
    database: str
    messages: int
    once: int
    twice: int  # twice or more
    unanswered: int
    kills: int
    seconds: float
    suppressed: int  # replies the fake's duplicate check dropped
    uncertain: int  # outbox rows retried after an attempt with an unknown outcome

    def table(self) -> str:
        head = f"{'database':<10} {'messages':>8} {'once':>6} {'twice+':>6} {'unanswered':>10} {'kills':>5}"
        head += f" {'dup-dropped':>11} {'uncertain':>9} {'time':>7}"
        row = f"{self.database:<10} {self.messages:>8} {self.once:>6} {self.twice:>6} {self.unanswered:>10}"
        row += f" {self.kills:>5} {self.suppressed:>11} {self.uncertain:>9} {self.seconds:>6.0f}s"
        return f"{head}\n{row}"

    @property
    def exactly_once(self) -> bool:
        return self.once == self.messages


def users_of(count: int) -> list[str]:
    return [f"Rep{i:03d}" for i in range(count)]


def messages(n: int, users: list[str], rng: random.Random) -> list[Sent]:
    """`n` look-ups of a phone number each, spread over `users`: no customer has those numbers, so each
    reply is "没找到「<number>」", attributable to its message, and no message changes what another
    one finds."""
    phones = [f"139{number:08d}" for number in rng.sample(range(10**8), n)]
    return [
        Sent(users[i % len(users)], 8_000_000_000 + i, phone, f"查一下{phone}")
        for i, phone in enumerate(phones)
    ]


def config_text(db_url: str, port: int, api_base: str, users: list[str], lease: str) -> str:
    lease_section = f'[outbox]\nlease = "{lease}"\n' if lease != "60s" else ""  # the default, said by no line
    return bot_config(db_url, api_base, users, port=port, sections=lease_section)


class Bot:
    """The bot as a subprocess: started, killed with SIGKILL, started again."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env, self.port, self.log = env, port, log
        self.process: subprocess.Popen[bytes] | None = None
        self.kills = 0

    async def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run"], env=self.env, cwd=ROOT, stdout=out, stderr=out
            )
        async with aiohttp.ClientSession() as http:
            for _ in range(600):
                if self.process.poll() is not None:
                    raise RuntimeError(f"the bot exited with {self.process.returncode}; see {self.log}")
                with contextlib.suppress(aiohttp.ClientError):
                    async with http.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                        if response.status == 200:
                            return
                await asyncio.sleep(0.05)
        raise RuntimeError("the bot never became healthy")

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.kills += 1

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


async def deliver_callbacks(url: str, driver: CallbackDriver, sent: list[Sent], concurrency: int) -> None:
    """Each message until it gets a 200, the same MsgId every time, as WeChat Work retries."""
    queue = list(reversed(sent))
    timeout = aiohttp.ClientTimeout(total=5)  # WeChat Work waits 5 s for an answer
    async with aiohttp.ClientSession(timeout=timeout) as http:

        async def worker() -> None:
            while queue:
                m = queue.pop()
                while True:
                    params, body = driver.text(m.user, m.text, msg_id=m.msg_id)
                    with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                        async with http.post(url, params=params, data=body) as response:
                            await response.read()
                            if response.status == 200:
                                break
                    await asyncio.sleep(0.2)

        await asyncio.gather(*(worker() for _ in range(concurrency)))


def shown(fake: FakeWeCom, sent: list[Sent]) -> tuple[Counter[int], int]:
    """How many replies naming each message's number were shown to its sender, and how many the
    duplicate check dropped."""
    by_user: dict[str, list[Sent]] = {}
    for m in sent:
        by_user.setdefault(m.user, []).append(m)
    counts: Counter[int] = Counter()
    suppressed = 0
    for user, mine in by_user.items():
        for delivered in fake.received.get(user, []):
            if delivered.duplicate:
                suppressed += 1
                continue
            text = str(delivered.payload)
            for m in mine:
                if f"「{m.key}」" in text:
                    counts[m.msg_id] += 1
    return counts, suppressed


async def settled(db_url: str, n: int, deadline: float) -> int:
    """Wait until every message is stored and processed and nothing waits in the outbox; returns how many
    outbox rows were retried after an attempt with an unknown outcome."""
    engine = create_engine(db_url)
    try:
        while True:
            async with engine.connect() as conn:
                done = await conn.scalar(
                    select(func.count()).select_from(InboundMessage).where(InboundMessage.status == "done")
                )
                waiting = await conn.scalar(
                    select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
                )
                uncertain = await conn.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.uncertain_since.is_not(None))
                )
            if (done or 0) >= n and not waiting:
                return int(uncertain or 0)
            if time.monotonic() > deadline:
                raise TimeoutError(f"not settled: {done}/{n} processed, {waiting} outbox rows pending")
            await asyncio.sleep(0.5)
    finally:
        await engine.dispose()


async def run(
    n: int = 10_000,
    users: int = 500,
    kills: int = 5,
    db: str = "sqlite",
    concurrency: int = 64,
    lease: str = "60s",
    seed: int = 1,
    timeout: float = 1800.0,
) -> Result:
    rng = random.Random(seed)
    clock = SystemClock()
    who = users_of(users)
    fake = FakeWeCom(SAMPLE_APP, clock, users={*who, "Boss"}, member_limit=10**9, member_hour_limit=10**9)
    driver = CallbackDriver(SAMPLE_APP, clock)
    sent = messages(n, who, rng)
    # The bot is killed when this many replies have been shown: random points of the run.
    thresholds = sorted(rng.sample(range(max(1, n // 20), max(2, n * 19 // 20)), kills))
    tmp = Path(tempfile.mkdtemp(prefix="salesbot-crash-"))
    started = time.monotonic()
    async with serve_fake_wecom(fake) as api_base, database(db, tmp, prefix="salesbot_crash") as db_url:
        port = _free_port()
        config = tmp / "config.toml"
        config.write_text(config_text(db_url, port, api_base, who, lease), encoding="utf-8")
        env = {**os.environ, "SALESBOT_CONFIG": str(config), "PYTHONPATH": str(ROOT)}
        upgrade = [sys.executable, "-m", "bot.cli", "db", "upgrade"]
        done = subprocess.run(upgrade, env=env, cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"salesbot db upgrade failed: {done.stderr or done.stdout}")
        bot = Bot(env, port, tmp / "bot.log")
        await bot.start()
        try:
            load = asyncio.create_task(
                deliver_callbacks(f"http://127.0.0.1:{port}{PATH}", driver, sent, concurrency)
            )
            for threshold in thresholds:
                while sum(len(r) for u, r in fake.received.items() if u != "Boss") < threshold:
                    await asyncio.sleep(0.001 + rng.random() * 0.01)
                bot.kill()
                await bot.start()
            await load
            uncertain = await settled(db_url, n, started + timeout)
        finally:
            bot.stop()
    counts, suppressed = shown(fake, sent)
    once = sum(1 for m in sent if counts[m.msg_id] == 1)
    twice = sum(1 for m in sent if counts[m.msg_id] >= 2)
    name = "sqlite" if db == "sqlite" else "postgresql"
    return Result(name, n, once, twice, n - once - twice, bot.kills, time.monotonic() - started,
                  suppressed, uncertain)  # fmt: skip


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=10_000, help="messages")
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--db", default="sqlite", help='"sqlite" or a PostgreSQL server URL')
    parser.add_argument("--concurrency", type=int, default=64, help="callbacks in flight")
    parser.add_argument("--lease", default="60s", help="[outbox] lease of the bot")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds for the whole run")
    a = parser.parse_args()
    result = asyncio.run(run(a.n, a.users, a.kills, a.db, a.concurrency, a.lease, a.seed, a.timeout))
    print(f"{a.n} text callbacks from {a.users} users, {a.concurrency} at a time; SIGKILL {a.kills} times")
    print(result.table())
    print("every message answered exactly once" if result.exactly_once else "NOT every message answered once")
    sys.exit(0 if result.exactly_once else 1)
