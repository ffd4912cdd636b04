"""deploy/compose.yaml at CI size, with processes on this machine: `salesbot db upgrade` once, then two
`salesbot run` instances on one PostgreSQL database, a fake WeChat Work in the test process, callbacks
spread over both (a callback the instance does not answer goes to the other, as the reverse proxy and the
platform's retries do), one instance killed with SIGKILL mid-run. Every message must be answered exactly
once (each reply names the phone number its message carried), nothing shown twice to anyone (replies,
digests, alerts), and the survivor finishes: every inbound row done, every outbox row sent.

It needs a PostgreSQL server (SALESBOT_TEST_PG). The outbox lease is 5 s here, so a reply the killed
instance was sending is the survivor's within seconds."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest

from bot.clock import SystemClock
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver, FakeWeCom, bot_config, serve_fake_wecom

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("SALESBOT_TEST_PG", "")
REPS, PER_REP = 16, 6  # 96 messages; each rep gets 6 replies (and a digest or two), under 30 a minute
KILL_AFTER = 30  # callbacks answered before one instance is killed
BOUND = 150.0  # seconds: a bound on the whole run, never an assertion

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: set SALESBOT_TEST_PG")

SURNAMES = "张王李赵刘陈杨黄"


def messages() -> list[tuple[str, str, str]]:
    """(rep's WeChat Work id, text, the phone its reply must name), each a new lead of its own: a private
    customer known by phone (companies would meet the bot's near-duplicate check)."""
    out = []
    for n in range(REPS * PER_REP):
        phone = f"139{n:08d}"
        out.append((f"Rep{n % REPS:02d}", f"记一下：新客户{SURNAMES[n % 8]}总 电话{phone} 想要超声", phone))
    return out


SECTIONS = """
[log]
format = "json"
[sla]
scan_interval = "5s"
[outbox]
lease = "5s"  # a reply the killed instance was sending is the survivor's within seconds
[console]
token = "a-console-token-of-32-characters"
"""


def config_text(database_url: str, api_base: str) -> str:
    return bot_config(database_url, api_base, [f"Rep{i:02d}" for i in range(REPS)], sections=SECTIONS)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@pytest.fixture
async def database() -> AsyncIterator[str]:
    """A database of this test's own on the SALESBOT_TEST_PG server, dropped afterwards."""
    name = f"salesbot_multi_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(plain(PG_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield PG_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        admin = await asyncpg.connect(plain(PG_URL))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


class Instance:
    def __init__(self, name: str, config: Path, logs: Path) -> None:
        self.name, self.port = name, free_port()
        self.log = logs / f"{name}.log"
        env = {**os.environ, "SALESBOT_SERVER_PORT": str(self.port), "PYTHONPATH": str(ROOT)}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run", "--config", str(config)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"

    async def ready(self, http: aiohttp.ClientSession) -> None:
        while True:
            assert self.process.poll() is None, f"{self.name} exited:\n{self.log.read_text()[-3000:]}"
            try:
                async with http.get(self.url + "/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)  # a subprocess starting: polled, never asserted on

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def instances() -> Iterator[list[Instance]]:
    started: list[Instance] = []
    yield started
    for instance in started:
        instance.stop()


async def post(
    http: aiohttp.ClientSession, instance: Instance, callback: tuple[dict[str, str], bytes]
) -> bool:
    params, body = callback
    try:
        async with http.post(instance.url + SAMPLE_APP.callback_path, params=params, data=body) as response:
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def test_two_instances_one_killed_every_message_answered_once(
    database: str, instances: list[Instance], tmp_path: Path
) -> None:
    clock = SystemClock()
    users = {f"Rep{i:02d}" for i in range(REPS)} | {"Boss"}
    fake = FakeWeCom(SAMPLE_APP, clock, users=users)
    sent = messages()
    async with serve_fake_wecom(fake) as api_base, aiohttp.ClientSession() as http:
        config = tmp_path / "config.toml"
        config.write_text(config_text(database, api_base), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        upgrade = subprocess.run(
            [sys.executable, "-m", "bot.cli", "db", "upgrade", "--config", str(config)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert upgrade.returncode == 0, upgrade.stderr
        instances += [Instance("one", config, tmp_path), Instance("two", config, tmp_path)]
        async with asyncio.timeout(60):
            await asyncio.gather(*(i.ready(http) for i in instances))

        driver = CallbackDriver(SAMPLE_APP, clock)
        callbacks = [driver.text(rep, text) for rep, text, _ in sent]
        answered = 0
        alive = list(instances)
        gate = asyncio.Semaphore(8)

        async def deliver(n: int) -> None:
            nonlocal answered
            async with gate:
                for attempt in range(20):  # the proxy / the platform's retries: the next instance
                    if await post(http, alive[(n + attempt) % len(alive)], callbacks[n]):
                        answered += 1
                        if answered == KILL_AFTER:
                            instances[1].process.send_signal(signal.SIGKILL)
                            alive.remove(instances[1])
                        return
                    await asyncio.sleep(0.1)  # a retry's back-off, not a timing assertion
                raise AssertionError(f"callback {n} never answered")

        try:
            async with asyncio.timeout(BOUND):
                await asyncio.gather(*(deliver(n) for n in range(len(callbacks))))
                while not all_answered(fake, sent) or await unfinished(database):
                    assert instances[0].process.poll() is None, instances[0].log.read_text()[-3000:]
                    await asyncio.sleep(0.5)  # waiting for the survivor, bounded above
        except TimeoutError:
            missing = [phone for rep, _, phone in sent if not any(phone in s for s in shown_to(fake, rep))]
            detail = await statuses(database)
            raise AssertionError(
                f"not finished: {answered} callbacks answered, {len(missing)} replies missing, {detail}; "
                f"logs in {tmp_path}; Rep00 was shown {shown_to(fake, 'Rep00')[:3]}"
            ) from None

    assert instances[1].process.wait() == -signal.SIGKILL
    replies = Counter(phone for rep, _, phone in sent for shown in shown_to(fake, rep) if phone in shown)
    assert replies == Counter(phone for _, _, phone in sent), "every message answered exactly once"
    doubled = {
        (user, text): n for user in users for text, n in Counter(shown_to(fake, user)).items() if n > 1
    }
    assert doubled == {}, "nothing shown twice to anyone"
    assert sum(fake.dropped(user) != [] for user in users) == 0
    assert instances[0].process.poll() is None  # the survivor is still serving


def shown_to(fake: FakeWeCom, user: str) -> list[str]:
    return [
        json.dumps(d.payload, ensure_ascii=False, sort_keys=True)
        for d in fake.received.get(user, [])
        if not d.dropped and not d.duplicate
    ]


def all_answered(fake: FakeWeCom, sent: list[tuple[str, str, str]]) -> bool:
    return all(any(phone in shown for shown in shown_to(fake, rep)) for rep, _, phone in sent)


async def unfinished(database: str) -> int:
    """Inbound rows not done and outbox rows not sent (dead included: none should be)."""
    conn = await asyncpg.connect(plain(database))
    try:
        inbound = await conn.fetchval("SELECT count(*) FROM inbound_message WHERE status <> 'done'")
        outbox = await conn.fetchval("SELECT count(*) FROM outbox_message WHERE status <> 'sent'")
        return int(inbound) + int(outbox)
    finally:
        await conn.close()


async def statuses(database: str) -> dict[str, object]:
    conn = await asyncpg.connect(plain(database))
    try:
        inbound = await conn.fetch("SELECT status, count(*) FROM inbound_message GROUP BY status")
        outbox = await conn.fetch("SELECT status, count(*) FROM outbox_message GROUP BY status")
        errors = await conn.fetch(
            "SELECT DISTINCT last_error FROM outbox_message WHERE last_error IS NOT NULL"
        )
        return {
            "inbound": dict(map(tuple, inbound)),
            "outbox": dict(map(tuple, outbox)),
            "errors": [e[0][:200] for e in errors][:5],
        }
    finally:
        await conn.close()
