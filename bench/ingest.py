"""Accept-path benchmark: signed, encrypted text callbacks fired at the running bot over loopback.

Prints accepted messages per second and p50/p99 acknowledgement latency, first at a fixed offered rate
(the target: p99 under 50 ms at 500 messages a second) and then flat out, beside a bare aiohttp handler
that only answers 200, measured the same way in the same run, and their ratio. Then it waits for the
processor and checks that every message was processed exactly once (one inbound row, done, one reply).

    python bench/ingest.py [-n 3000] [--rate 500] [--concurrency 64] [--db sqlite|postgresql+asyncpg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import tempfile
import time

import aiohttp
from aiohttp import web
from sqlalchemy import func, select

from bot.app import ENGINE, create_app
from bot.clock import SystemClock
from bot.config import Config, OrgConfig, PersonConfig, TeamConfig, WeComConfig, load_config
from bot.fakes.wecom import CallbackDriver, FakeWeCom, serve_fake_wecom
from storage.models import InboundMessage, OutboxMessage

WECOM = WeComConfig(
    enabled=True,
    corp_id="ww1436e0e65a779aee",
    agent_id=1000002,
    secret="bench",
    token="hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
    encoding_aes_key="6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
)
PATH = "/wecom/callback"


@dataclasses.dataclass
class Run:
    label: str
    latencies: list[float]
    seconds: float
    failures: int

    def line(self) -> str:
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        rate = len(lat) / self.seconds
        return (
            f"{self.label:<28} {rate:7.0f} msg/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms"
            f"   failures {self.failures}"
        )

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds


async def fire(
    url: str, callbacks: list[tuple[dict[str, str], bytes]], concurrency: int, rate: float | None
) -> Run:
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[tuple[int, tuple[dict[str, str], bytes]]] = asyncio.Queue()
    for item in enumerate(callbacks):
        queue.put_nowait(item)
    start = time.perf_counter()
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def worker() -> None:
            nonlocal failures
            while not queue.empty():
                i, (params, body) = queue.get_nowait()
                if rate is not None:  # open-loop pacing: message i is due at start + i / rate
                    delay = start + i / rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                sent = time.perf_counter()
                async with http.post(url, params=params, data=body) as response:
                    await response.read()
                    if response.status != 200:
                        failures += 1
                latencies.append(time.perf_counter() - sent)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Run("", latencies, time.perf_counter() - start, failures)


async def bare_server() -> tuple[web.AppRunner, str]:
    async def ok(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text="")

    app = web.Application()
    app.router.add_post(PATH, ok)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}{PATH}"


def bench_config(db_url: str, api_base: str) -> Config:
    base = load_config(None, env={})
    return dataclasses.replace(
        base,
        database=dataclasses.replace(base.database, url=db_url),
        wecom=dataclasses.replace(WECOM, api_base=api_base),
        org=OrgConfig(
            teams=[TeamConfig(name="华东一组", manager="zhangwei")],
            people=[
                PersonConfig(
                    id="zhangwei", name="张伟", role="manager", team="华东一组", wecom_userid="ZhangWei"
                ),
                PersonConfig(id="lina", name="李娜", team="华东一组", wecom_userid="LiNa"),
            ],
        ),
    )


async def main(args: argparse.Namespace) -> int:
    clock = SystemClock()
    tmp = tempfile.mkdtemp(prefix="salesbot-bench-")
    db_url = f"sqlite+aiosqlite:///{tmp}/bench.db" if args.db == "sqlite" else args.db
    fake = FakeWeCom(WECOM, clock, users={"LiNa", "ZhangWei"}, member_limit=10**9, member_hour_limit=10**9)
    driver = CallbackDriver(WECOM, clock)
    paced = [driver.text("LiNa", "帮助") for _ in range(args.n)]
    flat = [driver.text("LiNa", "帮助") for _ in range(args.n)]
    bare_paced = [driver.text("LiNa", "帮助") for _ in range(args.n)]
    bare_flat = [driver.text("LiNa", "帮助") for _ in range(args.n)]

    async with serve_fake_wecom(fake) as api_base:
        app = create_app(bench_config(db_url, api_base), clock=clock)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        url = f"http://127.0.0.1:{runner.addresses[0][1]}{PATH}"
        bare_runner, bare_url = await bare_server()
        try:
            runs = [
                ("bare aiohttp, paced", await fire(bare_url, bare_paced, args.concurrency, args.rate)),
                ("salesbot accept, paced", await fire(url, paced, args.concurrency, args.rate)),
                ("bare aiohttp, flat out", await fire(bare_url, bare_flat, args.concurrency, None)),
                ("salesbot accept, flat out", await fire(url, flat, args.concurrency, None)),
            ]
            print(
                f"{args.n} callbacks per run, {args.concurrency} connections, database {db_url.split(':')[0]}"
            )
            print(f"paced runs offer {args.rate:.0f} msg/s")
            for label, run in runs:
                run.label = label
                print(run.line())
            print(f"accept-path throughput / bare server: {runs[3][1].rate / runs[2][1].rate:.2f}")

            total = 2 * args.n
            deadline = time.perf_counter() + args.timeout
            while True:
                async with app[ENGINE].connect() as conn:
                    done = await conn.scalar(
                        select(func.count())
                        .select_from(InboundMessage)
                        .where(InboundMessage.status == "done")
                    )
                    rows = await conn.scalar(select(func.count()).select_from(InboundMessage))
                    replies = await conn.scalar(select(func.count()).select_from(OutboxMessage))
                if done == total or time.perf_counter() > deadline:
                    break
                await asyncio.sleep(0.5)
            delivered = len(fake.delivered("LiNa"))
            once = rows == total and done == total and replies == total
            print(
                f"processed: {done}/{total} done, {rows} inbound rows, {replies} replies queued, "
                f"{delivered} delivered so far -> {'exactly once' if once else 'NOT exactly once'}"
            )
            return 0 if once else 1
        finally:
            await bare_runner.cleanup()
            await runner.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=3000, help="callbacks per run")
    parser.add_argument("--rate", type=float, default=500.0, help="offered rate of the paced runs, msg/s")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--db", default="sqlite", help="sqlite (a temporary file) or a database URL")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for processing")
    sys.exit(asyncio.run(main(parser.parse_args())))
