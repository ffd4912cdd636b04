"""Leads import benchmark: generate a realistic 10,000-row spreadsheet and time `salesbot leads import`.

Each run imports the file into a fresh, migrated database (a temporary SQLite file, and PostgreSQL
with --pg), then imports it again (every row found, nothing changed), and prints rows per second
and peak memory. The target is under a minute for 10,000 rows; on SQLite the import holds the
write lock for its whole transaction, so its time is also how long a running bot's writes wait.

    python bench/leads_import.py [--rows 10000] [--format csv|xlsx] [--pg URL]

A tenth of the rows repeat an earlier customer (same phone or same company), so merging is timed too.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Config, load_config  # noqa: E402
from bot.leads_io.imports import run_import  # noqa: E402
from storage import migrate  # noqa: E402
from storage.db import create_engine  # noqa: E402

HEADER = ["公司", "城市", "联系人", "职务", "电话", "产品", "预算", "阶段", "负责人", "下次跟进", "备注"]
CITIES = ["苏州", "无锡", "杭州", "北京", "上海", "南京"]
KINDS = ["机械", "钣金", "科技", "物流", "智能装备", "精密制造"]
SUFFIXES = ["有限公司", "股份有限公司", "", "集团"]
TITLES = ["采购经理", "总经理", "技术主管", "厂长", "设备科长", ""]
PRODUCTS = ["激光切割机", "折弯机", "焊接机", "激光切割机、折弯机", ""]
BUDGETS = ["30-50万", "80万", "不超过20万", "1.2亿", "", "50万"]
STAGES = ["线索", "初筛", "需求确认", "方案演示", "报价", ""]
OWNERS = ["lina", "wangqiang", "李娜", ""]
SURNAMES = "张王李赵刘陈杨黄周吴"


def rows(n: int, seed: int = 7) -> list[list[object]]:
    rng = random.Random(seed)
    out: list[list[object]] = []
    for i in range(n):
        if out and rng.random() < 0.1:  # the same customer again: a merge
            again = list(rng.choice(out))
            again[2], again[4] = f"{rng.choice(SURNAMES)}工", f"139{i:08d}"
            out.append(again)
            continue
        city = rng.choice(CITIES)
        company = f"{city}{i:05d}号{rng.choice(KINDS)}{rng.choice(SUFFIXES)}"
        day = f"2026-04-{rng.randint(1, 28):02d}" + (
            f" {rng.randint(9, 17)}:00" if rng.random() < 0.5 else ""
        )
        out.append(
            [
                company,
                city,
                f"{rng.choice(SURNAMES)}总",
                rng.choice(TITLES),
                f"13{rng.randint(0, 9)}{i:08d}",
                rng.choice(PRODUCTS),
                rng.choice(BUDGETS),
                rng.choice(STAGES),
                rng.choice(OWNERS),
                day if rng.random() < 0.6 else "",
                "老客户，Excel 导入" if rng.random() < 0.3 else "",
            ]
        )
    return out


def write(path: Path, data: list[list[object]]) -> None:
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("客户")
        sheet.append(HEADER)
        for row in data:
            sheet.append(row)
        book.save(path)
        return
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(data)


def config(url: str, directory: Path) -> Config:
    text = f"""
[database]
url = "{url}"
[catalog]
path = "{ROOT / "tests" / "fixtures" / "catalog.toml"}"
[[org.teams]]
name = "华东一组"
manager = "zhangwei"
[[org.people]]
id = "zhangwei"
name = "张伟"
role = "manager"
team = "华东一组"
[[org.people]]
id = "lina"
name = "李娜"
team = "华东一组"
cities = ["苏州", "无锡"]
[[org.people]]
id = "wangqiang"
name = "王强"
team = "华东一组"
cities = ["杭州"]
"""
    path = directory / f"bench-{uuid.uuid4().hex[:6]}.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, env={})


async def run(url: str, file: Path, directory: Path, label: str) -> None:
    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)
        cfg = config(url, directory)
        for attempt in ("first import", "re-import"):
            start = time.perf_counter()
            report = await run_import(engine, cfg, file, dry_run=False, now=datetime.now(UTC))
            took = time.perf_counter() - start
            counts = report.counts()
            rows = sum(counts.values())
            print(
                f"{label:10} {attempt:12} {rows:>7,} rows in {took:6.2f} s = {rows / took:8,.0f} rows/s  "
                + ", ".join(f"{k} {v}" for k, v in counts.items())
            )
    finally:
        await engine.dispose()


async def with_pg_database(base: str, file: Path, directory: Path) -> None:
    import asyncpg

    root, _, _ = base.rpartition("/")
    plain = root.replace("postgresql+asyncpg://", "postgresql://", 1) + "/postgres"
    name = f"salesbot_bench_import_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(plain)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        await run(f"{root}/{name}", file, directory, "postgresql")
    finally:
        admin = await asyncpg.connect(plain)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="xlsx")
    parser.add_argument("--pg", default="", help="a PostgreSQL URL (postgresql+asyncpg://...) to bench too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        file = directory / f"leads.{args.format}"
        start = time.perf_counter()
        write(file, rows(args.rows))
        size, took = file.stat().st_size / 1024 / 1024, time.perf_counter() - start
        print(f"generated {args.rows:,} rows as {file.name} ({size:.1f} MB) in {took:.1f} s")
        asyncio.run(run(f"sqlite+aiosqlite:///{directory / 'bench.db'}", file, directory, "sqlite"))
        if args.pg:
            asyncio.run(with_pg_database(args.pg, file, directory))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
