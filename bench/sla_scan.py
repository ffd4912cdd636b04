"""SLA scan benchmark: how long one scan tick takes with many leads and few of them due.

Each database is seeded with a realistic book of leads (mostly contacted open leads and closed
deals, a few fresh or queued ones) of which a given share is in breach now (half first_response,
half followup_due), then `SlaScanner(...).run_once()` is timed:

- first tick: everything due is new, so the tick inserts its alert and outbox rows (they are
  deleted again between repetitions, outside the timing);
- steady tick: everything due was alerted already, so the tick finds it and sends nothing.

Sizes above the smallest are measured twice on PostgreSQL: with 0.1% due (the due count grows
with the leads), and with the same due count as the smallest size (`--fixed-due`, 100). The tick
must grow with the number due, not with the number of leads: the second comparison is the one
whose 1M/100k ratio must stay near 1. The per-statement times of each untimed warm-up tick and the
EXPLAIN (ANALYZE) of the scan-wide queries at the largest size show which query is to blame if not.

Each measurement is repeated with the code of `--baseline` (a git revision: the lead-by-lead scan
before issue 18) on the same seeded database, in a subprocess importing that revision's code from a
`git archive` of it, so each figure is printed beside its baseline from the same run.

    python bench/sla_scan.py [--sizes 100000,1000000] [--sqlite-sizes 100000] [--pg URL] [--repeat 5]

--pg "" skips PostgreSQL. Each PostgreSQL size gets a database salesbot_bench_<n>, dropped at the end;
SQLite ones are temporary files. A median is over `--repeat` ticks, or three once `--budget` seconds
were spent: with a thousand leads due one tick takes seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import delete, event, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

ROOT = Path(__file__).resolve().parents[1]
# The code measured: this tree, or (in the baseline's subprocess) a git archive of an older revision.
sys.path.insert(0, os.environ.get("SLA_BENCH_CODE", str(ROOT)))

from bot.app import addressing_for  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.config import Config, load_config  # noqa: E402
from bot.core.sla_job import SlaScanner  # noqa: E402
from storage import migrate  # noqa: E402
from storage.db import create_engine, session_factory  # noqa: E402
from storage.models import CLOSED_STAGES, Alert, Lead, OutboxMessage, Person  # noqa: E402
from storage.people import sync_org  # noqa: E402

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
BASELINE = "a529d2e"  # the last revision whose scan worked lead by lead
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
CHUNK = 10_000
POOL = 50_000
DUE_SOURCE = "bench-due"  # marks the seeded breaches, so some can be resolved for the fixed-due run
OPEN_STAGES = ("线索", "初筛", "需求确认", "方案演示", "报价", "谈判", "签约")
STUCK_STAGES = ("方案演示", "报价")  # [sla] stage_stuck keys: leads there moved recently, so are not due
CITIES = ("苏州", "无锡", "杭州", "上海", "南京", "宁波")
SOURCES = ("web", "wecom", "dingtalk", "rep")

# Around the clock with no holidays, so "due" is exactly what was seeded, whatever the weekday.
CONFIG = """
[sla]
timezone = "Asia/Shanghai"
business_hours = ["00:00-24:00"]
business_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
holidays = "none"
first_response = { A = "30m", B = "2h", C = "1d", default = "2h" }
escalate_after = ["1h", "1d"]

[[org.teams]]
name = "华东一组"
manager = "m1"

[[org.teams]]
name = "华东二组"
manager = "m2"

[[org.people]]
id = "admin"
name = "管理员"
role = "admin"
"""

COLUMNS = (
    "company",
    "company_key",
    "city",
    "source",
    "grade",
    "stage",
    "owner_id",
    "team_id",
    "products",
    "competitors",
    "tags",
    "created_at",
    "assigned_at",
    "first_response_at",
    "last_contact_at",
    "next_followup_at",
    "next_followup_has_time",
    "stage_changed_at",
    "cold_at",
)


def bench_config(directory: Path) -> Config:
    people = []
    for t, team in enumerate(("华东一组", "华东二组"), 1):
        people.append(f'[[org.people]]\nid = "m{t}"\nname = "经理{t}"\nrole = "manager"\nteam = "{team}"\n')
        people += [
            f'[[org.people]]\nid = "r{t}_{i}"\nname = "销售{t}{i}"\nteam = "{team}"\n' for i in range(8)
        ]
    path = directory / "sla_bench.toml"
    path.write_text(CONFIG + "\n".join(people), encoding="utf-8")
    return load_config(path, env={})


@dataclasses.dataclass(frozen=True)
class Mix:
    """How many leads of each kind a database holds; only the first two kinds are due."""

    due_first: int
    due_followup: int
    fresh: int  # assigned minutes ago, not contacted yet: within every limit
    queued: int  # in a manager's queue, no owner
    closed: int  # delivered or lost; some never contacted, some with a follow-up that never came
    open: int  # contacted; next follow-up in the future or none

    @classmethod
    def of(cls, n: int, due: int, closed_share: float) -> Mix:
        fresh, queued, closed = round(n * 0.001), round(n * 0.005), round(n * closed_share)
        return cls(due - due // 2, due // 2, fresh, queued, closed, n - due - fresh - queued - closed)

    def kinds(self, rng: random.Random) -> list[str]:
        # Shuffled, so due rows are spread over the table as they would be, not packed at one end.
        kinds = [k for f in dataclasses.fields(self) for k in [f.name] * getattr(self, f.name)]
        rng.shuffle(kinds)
        return kinds


def lead_clocks(
    kind: str, rng: random.Random, reps: list[tuple[int, int]], teams: list[int]
) -> tuple[Any, ...]:
    """One lead of a kind: (source, grade, stage, owner_id, team_id) and its clocks in COLUMNS order."""

    def between(a: datetime, b: datetime) -> datetime:
        return a + (b - a) * rng.random()

    owner_id, team = rng.choice(reps)
    grade, stage, source = rng.choice("ABC"), "线索", rng.choice(SOURCES)
    assigned: datetime | None = None
    first = last = planned = cold = None
    has_time = False
    if kind == "open":
        assigned = NOW - DAY * rng.uniform(1, 700)
        first = assigned + MINUTE * rng.uniform(5, 25)
        last = between(first, NOW - HOUR)
        if rng.random() < 0.6:  # the app clears a plan once its contact is logged: none is past
            planned, has_time = NOW + HOUR * rng.uniform(1, 720), rng.random() < 0.5
        stage = rng.choice(OPEN_STAGES)
        changed = max(assigned, NOW - HOUR * rng.uniform(0, 48)) if stage in STUCK_STAGES else last
        cold = NOW + DAY * rng.uniform(1, 60) if rng.random() < 0.7 else None
    elif kind == "closed":
        stage, assigned = rng.choice(CLOSED_STAGES), NOW - DAY * rng.uniform(60, 1000)
        changed = assigned + DAY * rng.uniform(0, 30)
        r = rng.random()
        if r < 0.2:  # junk: lost before anyone called
            stage = "输单"
        else:
            first = assigned + MINUTE * rng.uniform(5, 25)
            last = between(first, NOW - 40 * DAY)
            changed = between(last, NOW - HOUR)
            # Closing a deal clears its planned follow-up (storage.leads.change_stage), so closed
            # leads carry none.
    elif kind == "due_first":
        assigned = NOW - DAY * rng.uniform(3, 10)  # past the limit and both escalations
        changed, source = assigned, DUE_SOURCE
    elif kind == "due_followup":
        assigned = NOW - DAY * rng.uniform(30, 300)
        first = assigned + 10 * MINUTE
        planned, has_time = NOW - DAY * rng.uniform(2, 5), True
        last = planned - DAY * rng.uniform(3, 14)
        stage, changed, source = rng.choice(("初筛", "需求确认", "谈判")), first, DUE_SOURCE
    elif kind == "fresh":
        assigned = NOW - MINUTE * rng.uniform(0, 25)  # inside even grade A's 30 minutes
        changed = assigned
    else:  # queued
        owner_id, team = None, rng.choice(teams)
        changed = NOW - DAY * rng.uniform(0, 3)
    created = (assigned or changed) - MINUTE * rng.uniform(0, 5)
    return (
        source,
        grade,
        stage,
        owner_id,
        team,
        created,
        assigned,
        first,
        last,
        planned,
        has_time,
        changed,
        cold,
    )


def lead_rows(
    mix: Mix, reps: list[tuple[int, int]], teams: list[int], json_text: bool, seed: int = 7
) -> Iterator[list[tuple[Any, ...]]]:
    """The leads as tuples in COLUMNS order, in chunks; JSON as text for COPY, as lists otherwise.

    Leads that are not due are drawn from a pool of POOL generated ones per kind: a million leads
    built one by one take Python half a minute, and repeated timestamps do not change the plans."""
    rng = random.Random(seed)
    pools: dict[str, list[tuple[Any, ...]]] = {}
    empty: Any = "[]" if json_text else []
    chunk: list[tuple[Any, ...]] = []
    for i, kind in enumerate(mix.kinds(rng)):
        pool = pools.setdefault(kind, [])
        if kind.startswith("due") or len(pool) < POOL:  # every due lead is one of its own
            clocks = lead_clocks(kind, rng, reps, teams)
            pool.append(clocks)
        else:
            clocks = pool[rng.randrange(POOL)]
        source, grade, stage, owner_id, team, *times = clocks
        company = f"{CITIES[i % len(CITIES)]}客户{i}"
        facts = (company, company, CITIES[i * 7 % len(CITIES)], source, grade, stage, owner_id, team)
        chunk.append((*facts, empty, empty, empty, *times))
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextlib.asynccontextmanager
async def database(kind: str, n: int, pg: str, tmp: Path) -> AsyncIterator[str]:
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp / f'sla_bench_{n}.db'}"
        return
    plain, name = pg.replace("postgresql+asyncpg://", "postgresql://", 1), f"salesbot_bench_{n}"
    admin = await asyncpg.connect(plain)
    try:  # a database left by an interrupted run is dropped first
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield f"{pg.rpartition('/')[0]}/{name}"
    finally:
        admin = await asyncpg.connect(plain)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def seed(engine: AsyncEngine, url: str, config: Config, mix: Mix) -> float:
    """Migrate, sync the organisation, load the leads and ANALYZE; returns the seconds it took."""
    started = time.perf_counter()
    await migrate.upgrade(engine)
    async with session_factory(engine).begin() as session:
        await sync_org(session, config.org.teams, config.org.people)
        people = (await session.scalars(select(Person).where(Person.role == "rep"))).all()
    reps = [(p.id, p.team_id) for p in people if p.team_id is not None]
    teams = sorted({team for _, team in reps})
    if engine.dialect.name == "postgresql":
        # COPY loads a million rows in seconds; row-by-row ORM inserts would take minutes.
        conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
        try:
            # Building the secondary indexes once afterwards, and skipping the foreign key triggers
            # (the rows are consistent by construction), loads several times faster than COPY into
            # a fully indexed table; the definitions come from the schema, whatever it holds now.
            indexes = await conn.fetch(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'lead' AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint)"
            )
            for index in indexes:
                await conn.execute(f'DROP INDEX "{index["indexname"]}"')
            await conn.execute("SET session_replication_role = replica")
            for chunk in lead_rows(mix, reps, teams, json_text=True):
                await conn.copy_records_to_table("lead", records=chunk, columns=COLUMNS)
            await conn.execute("SET session_replication_role = DEFAULT")
            await conn.execute("SET maintenance_work_mem = '256MB'")
            for index in indexes:
                await conn.execute(index["indexdef"])
            await conn.execute("ANALYZE")
        finally:
            await conn.close()
    else:
        for chunk in lead_rows(mix, reps, teams, json_text=False):
            async with engine.begin() as conn:
                await conn.execute(insert(Lead), [dict(zip(COLUMNS, row, strict=True)) for row in chunk])
        async with engine.begin() as conn:
            await conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


async def resolve_due(engine: AsyncEngine, keep: int) -> int:
    """Log the contact on all but `keep` of the due leads (as a rep would); returns how many stay due."""
    async with engine.begin() as conn:
        ids = (await conn.scalars(select(Lead.id).where(Lead.source == DUE_SOURCE).order_by(Lead.id))).all()
        done = list(ids[keep:])
        for start in range(0, len(done), CHUNK):
            await conn.execute(
                update(Lead)
                .where(Lead.id.in_(done[start : start + CHUNK]))
                .values(
                    first_response_at=func.coalesce(Lead.first_response_at, Lead.assigned_at),
                    last_contact_at=NOW - HOUR,
                    next_followup_at=None,
                )
            )
    return min(keep, len(ids))


async def reset_alerts(engine: AsyncEngine) -> None:
    """Forget every alert and queued notice, so the next tick finds all that is due new again."""
    async with engine.begin() as conn:
        await conn.execute(delete(OutboxMessage))
        await conn.execute(delete(Alert))


@dataclasses.dataclass
class Profile:
    """Per-statement count and time of the SQL an engine runs, grouped by statement text."""

    calls: dict[str, int] = dataclasses.field(default_factory=dict)
    seconds: dict[str, float] = dataclasses.field(default_factory=dict)
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @contextlib.contextmanager
    def on(self, engine: AsyncEngine) -> Iterator[None]:
        def before(conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
            conn.info["bench_started"] = time.perf_counter()

        def after(conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
            sql = re.sub(r"\s+", " ", statement).strip()
            self.calls[sql] = self.calls.get(sql, 0) + 1
            took = time.perf_counter() - conn.info.pop("bench_started")
            self.seconds[sql] = self.seconds.get(sql, 0.0) + took
            self.params[sql] = params

        target = engine.sync_engine
        event.listen(target, "before_cursor_execute", before)
        event.listen(target, "after_cursor_execute", after)
        try:
            yield
        finally:
            event.remove(target, "before_cursor_execute", before)
            event.remove(target, "after_cursor_execute", after)

    def scan_wide(self) -> list[str]:
        """The SELECTs over leads, alerts and the outbox that do not look rows up by id: the ones
        that can read a whole table as it grows."""
        return [
            sql
            for sql in self.calls
            if sql.startswith("SELECT")
            and re.search(r"FROM (lead|alert|outbox_message)\b", sql)
            and not re.search(r"\.(id|lead_id) = (\$\d+|\?)", sql)
        ]


def short(sql: str, width: int = 140) -> str:
    """A statement without its column list, so what tells statements apart fits on a line."""
    sql = re.sub(r"^SELECT .+? FROM ", "SELECT … FROM ", sql)
    sql = re.sub(r"^INSERT INTO (\w+) \(.+?\) VALUES \(.+?\)", r"INSERT INTO \1 … VALUES …", sql)
    return sql if len(sql) <= width else sql[: width - 1] + "…"


@dataclasses.dataclass
class Result:
    database: str
    leads: int
    due: int
    alerted: int  # distinct leads with an alert after a first tick: must equal `due`
    queued: int  # notices the first tick queued
    ticks: int  # first ticks timed (as many steady ones)
    first_ms: float
    steady_ms: float
    profile: Profile  # of a first tick
    code: str = "now"  # "now": this tree; else the baseline revision
    steady_profile: Profile = dataclasses.field(default_factory=Profile)

    def line(self) -> str:
        statements = sum(self.profile.calls.values())
        return (
            f"{self.database:<11}{self.code:<9}{self.leads:>10,}{self.due:>7,}{self.alerted:>9,}{self.queued:>8,}"
            f"{self.ticks:>6}{statements:>7}{self.first_ms:>12.1f}{self.steady_ms:>12.1f}"
            f"{self.first_ms / max(self.due, 1):>11.2f}"
        )

    def as_json(self) -> str:
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if "profile" not in f.name}
        return json.dumps(fields | {"calls": self.profile.calls, "seconds": self.profile.seconds})

    @classmethod
    def from_json(cls, text: str, code: str) -> Result:
        fields = json.loads(text)
        profile = Profile(fields.pop("calls"), fields.pop("seconds"))
        return cls(**(fields | {"profile": profile, "code": code}))


HEADER = (
    f"{'database':<11}{'code':<9}{'leads':>10}{'due':>7}{'alerted':>9}{'queued':>8}{'ticks':>6}{'stmts':>7}"
    f"{'first ms':>12}{'steady ms':>12}{'first/due':>11}"
)


async def timed(scanner: SlaScanner) -> tuple[float, int]:
    started = time.perf_counter()
    queued = await scanner.run_once()
    return (time.perf_counter() - started) * 1000, queued


async def measure(
    engine: AsyncEngine, config: Config, leads: int, due: int, args: argparse.Namespace
) -> Result:
    """Median first and steady ticks: `--repeat` of each, or at least three once `--budget` seconds
    are spent (a tick with a thousand due leads takes seconds on a busy 2-core machine)."""
    scanner = SlaScanner(session_factory(engine), config, FixedClock(NOW), addressing_for(config))
    profile = Profile()
    with profile.on(engine):  # the untimed warm-up tick: caches, prepared statements; and a profile
        await scanner.run_once()
    steady = Profile()
    with steady.on(engine):  # and the steady tick after it, which reads the open alerts' leads too
        await scanner.run_once()

    def more(times: list[float]) -> bool:
        spent = sum(times) / 1000
        return len(times) < args.repeat and (len(times) < min(3, args.repeat) or spent < args.budget)

    firsts: list[float] = []
    queued = 0
    while more(firsts):
        await reset_alerts(engine)  # outside the timing, in its own transaction
        ms, queued = await timed(scanner)
        firsts.append(ms)
    async with engine.connect() as conn:
        alerted = await conn.scalar(select(func.count(func.distinct(Alert.lead_id))))
    steadies: list[float] = []
    while more(steadies):
        steadies.append((await timed(scanner))[0])
    median = statistics.median
    return Result(
        engine.dialect.name,
        leads,
        due,
        alerted or 0,
        queued,
        len(firsts),
        median(firsts),
        median(steadies),
        profile,
        steady_profile=steady,
    )


async def explain(engine: AsyncEngine, profiles: list[Profile], title: str) -> list[str]:
    """EXPLAIN (ANALYZE on PostgreSQL, QUERY PLAN on SQLite) of each scan-wide query of the ticks
    profiled, run with the parameters they last used."""
    pg = engine.dialect.name == "postgresql"
    out = [f"\n{'EXPLAIN ANALYZE' if pg else 'EXPLAIN QUERY PLAN'} of the scan-wide queries, {title}:"]
    params_of = {sql: profile.params[sql] for profile in profiles for sql in profile.scan_wide()}
    for sql, used in params_of.items():
        params = tuple(used)
        prefix = "EXPLAIN (ANALYZE, BUFFERS)" if pg else "EXPLAIN QUERY PLAN"
        async with engine.connect() as conn:
            if pg:  # as the scan runs them (storage.alerts.plan_for_few_rows)
                await conn.exec_driver_sql("SET jit = off")
            rows = (await conn.exec_driver_sql(f"{prefix} {sql}", params)).all()
        out.append(f"\n{short(sql, 10_000)}")
        out.append(f"  parameters: {json.dumps([str(p) for p in params], ensure_ascii=False)}")
        out += [f"  {row[0]}" if pg else f"  {row[1]:>3} {row[2]:>3}  {row[3]}" for row in rows]
    return out


async def run_size(
    kind: str, n: int, args: argparse.Namespace, config: Config, tmp: Path, plans: list[str] | None
) -> list[Result]:
    """Seed one database and measure it; with `plans`, append the EXPLAIN of its ticks' queries to it."""
    due = round(n * args.due_share)
    mix = Mix.of(n, due, args.closed_share)
    results: list[Result] = []
    async with database(kind, n, args.pg, tmp) as url:
        engine = create_engine(url)
        try:
            seconds = await seed(engine, url, config, mix)
            print(f"# {kind} {n:,} leads seeded in {seconds:.1f} s: {mix}", file=sys.stderr)
            results.append(await measure(engine, config, n, due, args))
            if plans is not None:  # before the baseline's run, while this tree's alerts are open
                title = f"{kind}, {n:,} leads, {due} due (all alerted: the steady state)"
                plans += await explain(engine, [results[-1].profile, results[-1].steady_profile], title)
            results += await baseline(engine, url, n, due, args)
            if kind == "postgresql" and due > args.fixed_due:
                await reset_alerts(engine)
                kept = await resolve_due(engine, args.fixed_due)
                async with engine.begin() as conn:
                    await conn.exec_driver_sql("ANALYZE lead")
                results.append(await measure(engine, config, n, kept, args))
                results += await baseline(engine, url, n, kept, args)
        finally:
            await engine.dispose()
    return results


async def baseline(engine: AsyncEngine, url: str, n: int, due: int, args: argparse.Namespace) -> list[Result]:
    """The same measurement with the baseline revision's code, on this database as it is now (with
    this tree's schema: the baseline's scan is timed with any index added since)."""
    if not args.baseline_code:
        return []
    await reset_alerts(engine)  # its warm-up tick is a first tick too
    command = [sys.executable, __file__, "--measure-only", url, "--leads", str(n), "--due", str(due)]
    command += ["--repeat", str(args.repeat), "--budget", str(args.budget)]
    env = os.environ | {"SLA_BENCH_CODE": args.baseline_code, "PYTHONPATH": args.baseline_code}
    done = await asyncio.to_thread(subprocess.run, command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the baseline's run failed:\n{done.stderr}")
    await reset_alerts(engine)
    return [Result.from_json(done.stdout.strip().splitlines()[-1], args.baseline)]


async def measure_only(args: argparse.Namespace) -> int:
    """The baseline's side: measure the scan of the code on sys.path on a seeded database."""
    with tempfile.TemporaryDirectory(prefix="salesbot-sla-bench-") as directory:
        config = bench_config(Path(directory))
        engine = create_engine(args.measure_only)
        try:
            print(Result.as_json(await measure(engine, config, args.leads, args.due, args)))
        finally:
            await engine.dispose()
    return 0


def baseline_tree(revision: str, tmp: Path) -> str:
    """A checkout of `revision`'s code (git archive, no work tree needed)."""
    tree = tmp / "baseline"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return str(tree)


def ratio(results: list[Result], keep: Callable[[Result], bool], label: str) -> None:
    for code in dict.fromkeys(r.code for r in results):
        pg = [r for r in results if r.database == "postgresql" and r.code == code and keep(r)]
        pg.sort(key=lambda r: r.leads)
        if len(pg) < 2 or pg[0].leads == pg[-1].leads:
            continue
        small, big = pg[0], pg[-1]
        first, steady = big.first_ms / small.first_ms, big.steady_ms / small.steady_ms
        print(
            f"PostgreSQL {code:<8} {big.leads:,}/{small.leads:,} leads, {label}, {small.due:,} -> "
            f"{big.due:,} due: first tick x{first:.2f}, steady tick x{steady:.2f}"
        )


def beside(results: list[Result]) -> None:
    """Each measurement of this tree beside the baseline's on the same database: how many times faster."""
    print("\nThis tree against the baseline, same database and run (baseline ms / now ms):")
    for now in (r for r in results if r.code == "now"):
        for old in results:
            if old.code != "now" and (old.database, old.leads, old.due) == (now.database, now.leads, now.due):
                print(
                    f"{now.database:<11}{now.leads:>10,} leads{now.due:>7,} due: "
                    f"first {old.first_ms:>9.1f} -> {now.first_ms:>7.1f} ms "
                    f"(x{old.first_ms / now.first_ms:.1f}), "
                    f"steady {old.steady_ms:>8.1f} -> {now.steady_ms:>7.1f} ms "
                    f"(x{old.steady_ms / now.steady_ms:.1f})"
                )


def breakdown(results: list[Result]) -> None:
    """The statements of each PostgreSQL warm-up tick, slowest first: what grows shows per query."""
    pg = sorted(
        (r for r in results if r.database == "postgresql" and r.code == "now"), key=lambda r: (r.leads, r.due)
    )
    if not pg:
        return
    big = max(pg, key=lambda r: (r.leads, -r.due)).profile
    print("\nOne first tick (the warm-up) by statement, PostgreSQL: calls and ms at each leads/due")
    print("".join(f"{f'{r.leads:,}/{r.due:,}':>18}" for r in pg) + "   statement")
    for sql in sorted(big.seconds, key=big.seconds.__getitem__, reverse=True)[:10]:
        cells = (f"{r.profile.calls.get(sql, 0):>7}{r.profile.seconds.get(sql, 0) * 1000:>11.1f}" for r in pg)
        print("".join(cells) + f"   {short(sql)}")
    totals = (
        f"{sum(r.profile.calls.values()):>7}{sum(r.profile.seconds.values()) * 1000:>11.1f}" for r in pg
    )
    print("".join(totals) + "   all statements")


async def main(args: argparse.Namespace) -> int:
    sizes = [("postgresql", int(s)) for s in args.sizes.split(",") if s] if args.pg else []
    sizes += [("sqlite", int(s)) for s in args.sqlite_sizes.split(",") if s]
    largest = {kind: max(n for k, n in sizes if k == kind) for kind, _ in sizes}
    results: list[Result] = []
    plans: list[str] = []
    with tempfile.TemporaryDirectory(prefix="salesbot-sla-bench-") as directory:
        tmp = Path(directory)
        config = bench_config(tmp)
        args.baseline_code = baseline_tree(args.baseline, tmp) if args.baseline else ""
        for kind, n in sizes:
            explained = plans if args.explain and n == largest[kind] else None
            results += await run_size(kind, n, args, config, tmp, explained)
    print(
        f"One SLA scan tick (SlaScanner.run_once), median of `ticks`; {args.closed_share:.0%} of leads "
        "closed.\nfirst: every due lead new (alerts and notices inserted); steady: all alerted already; "
        "queued: notices of a first tick."
    )
    print(HEADER)
    for result in results:
        print(result.line())
    beside(results)
    print()
    fixed = min((r.due for r in results if r.database == "postgresql"), default=0)
    ratio(results, lambda r: r.due == fixed, "same due count (must stay near 1)")
    share = args.due_share
    ratio(results, lambda r: r.due == round(r.leads * share), f"{share:.1%} due (grows with the due count)")
    breakdown(results)
    print("\n".join(plans))
    wrong = [r for r in results if r.alerted != r.due and r.code == "now"]
    for r in wrong:
        print(f"WARNING: {r.database} {r.leads:,}: {r.alerted} leads alerted, {r.due} seeded as due")
    return 1 if wrong else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,1000000", help="PostgreSQL lead counts, comma separated")
    parser.add_argument("--sqlite-sizes", default="100000", help="SQLite lead counts, comma separated")
    parser.add_argument(
        "--pg", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test", help='"" skips it'
    )
    parser.add_argument("--repeat", type=int, default=5, help="ticks per median (default 5)")
    parser.add_argument("--budget", type=float, default=30, help="seconds per median before stopping at 3")
    parser.add_argument("--due-share", type=float, default=0.001, help="share of leads due (default 0.001)")
    parser.add_argument("--fixed-due", type=int, default=100, help="due count of the same-due comparison")
    parser.add_argument("--closed-share", type=float, default=0.4, help="share of leads closed (default 0.4)")
    parser.add_argument("--no-explain", dest="explain", action="store_false", help="skip the EXPLAIN output")
    parser.add_argument(
        "--baseline",
        default=BASELINE,
        help=f'git revision timed beside this tree (default {BASELINE}; "" skips)',
    )
    parser.add_argument("--measure-only", default="", help=argparse.SUPPRESS)  # the baseline's subprocess
    parser.add_argument("--leads", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--due", type=int, default=0, help=argparse.SUPPRESS)
    parsed = parser.parse_args()
    sys.exit(asyncio.run(measure_only(parsed) if parsed.measure_only else main(parsed)))
