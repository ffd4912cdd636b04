"""Linking benchmark: the time to link one message to a lead of a rep's book, and of a team's.

    python bench/linking.py [--leads 2000] [--team 50000] [--messages 300]

Handlers keep each writer's `LeadBook` built (handlers.lead_lookup) and rebuild it when a write
changed what it holds, so a message costs a freshness check (two aggregate queries) and linking,
and a message after such a write costs a rebuild too (the aliases of each company and contact are
cached by value, as in the bot). Printed, in memory: the first build (cold caches), a rebuild, and
linking per message (median and 95th percentile); then, for the rep, the whole look-up on a SQLite
file: the first load and a message with the book kept; last, a rep naming a team-mate's customer by
its short name: their own book misses, then the team's book is asked about that name. Names are
made up from random characters, so the figures depend on no fixture.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handlers.lead_lookup import load_book  # noqa: E402
from nlp import company_key  # noqa: E402
from nlp.linking import BookContact, BookLead, LeadBook  # noqa: E402
from storage.db import create_engine, session_factory  # noqa: E402
from storage.models import Base, Contact, Lead, Person  # noqa: E402

CHARS = "华康瑞丰信达远航明德金泰鸿博济嘉仁望江楚风星沙岳麓青城缙云朝阳恒昌永安宏图隆盛兴旺富源"
CITIES = ("苏州", "无锡", "南京", "杭州", "合肥", "厦门", "长沙", "成都")
KINDS = ("医药有限公司", "物流有限公司", "医院", "食品有限公司", "大药房连锁有限公司", "商贸有限公司")
START = datetime(2026, 3, 10, tzinfo=UTC)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
TITLES = ("采购经理", "设备科科长", "总经理", "主任", "销售总监")


def make_leads(count: int, rng: random.Random, own: bool) -> list[BookLead]:
    leads = []
    for i in range(count):
        city = rng.choice(CITIES)
        company = f"{city}{''.join(rng.sample(CHARS, 2))}{rng.choice(KINDS)}"
        contact = BookContact(rng.choice(SURNAMES) + "".join(rng.sample(CHARS, 2)), rng.choice(TITLES),
                              f"139{rng.randrange(10**8):08d}")  # fmt: skip
        leads.append(BookLead(i, company, company_key(company), city, own, (contact,)))
    return leads


def messages(leads: list[BookLead], count: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        lead = rng.choice(leads)
        brand = company_key(lead.company)[:2]
        person = lead.contacts[0]
        out.append(
            f"今天下午去{brand}那边见了{person.name[0]}{person.title[-2:]}，想再加两台，预算80来万，下周二再去"
        )
    return out


def run(label: str, leads: list[BookLead], texts: list[str]) -> None:
    t0 = time.perf_counter()
    LeadBook(leads)
    cold = (time.perf_counter() - t0) * 1000
    rebuilds = []
    for _ in range(5):
        t0 = time.perf_counter()
        book = LeadBook(leads)
        rebuilds.append((time.perf_counter() - t0) * 1000)
    per_message = []
    for text in texts:
        t0 = time.perf_counter()
        book.link(text)
        per_message.append((time.perf_counter() - t0) * 1000)
    per_message.sort()
    p95 = per_message[int(len(per_message) * 0.95) - 1]
    print(f"{label}: {len(leads)} leads, first build {cold:.1f} ms (cold caches)")
    print(f"  rebuild after a write: median {statistics.median(rebuilds):.1f} ms")
    print(f"  linking a message: median {statistics.median(per_message):.3f} ms, p95 {p95:.3f} ms")


async def on_sqlite(leads: list[BookLead], texts: list[str]) -> None:
    """The rep's look-up as the handlers do it: the book loaded from the database, then kept."""
    with tempfile.TemporaryDirectory() as directory:
        engine = create_engine(f"sqlite+aiosqlite:///{directory}/bench.db")
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        sessions = session_factory(engine)
        async with sessions() as session, session.begin():
            rep = Person(key="rep", name="rep", role="rep", cities=[], product_lines=[])
            session.add(rep)
            await session.flush()
            for lead in leads:
                row = Lead(company=lead.company, company_key=lead.key, city=lead.city, source="rep",
                           created_at=START, owner_id=rep.id, stage="线索",
                           products=[], competitors=[], tags=[])  # fmt: skip
                session.add(row)
                await session.flush()
                for c in lead.contacts:
                    session.add(Contact(lead_id=row.id, name=c.name, title=c.title, phone=c.phone,
                                        created_at=START))  # fmt: skip
        async with sessions() as session:
            person = await session.get(Person, rep.id)
            assert person is not None
            t0 = time.perf_counter()
            await load_book(session, person)
            first = (time.perf_counter() - t0) * 1000
            per_message = []
            for text in texts:
                t0 = time.perf_counter()
                (await load_book(session, person)).link(text)
                per_message.append((time.perf_counter() - t0) * 1000)
        await engine.dispose()
    per_message.sort()
    p95 = per_message[int(len(per_message) * 0.95) - 1]
    print(f"rep on SQLite: first load {first:.0f} ms; a message, book kept (check + link): "
          f"median {statistics.median(per_message):.2f} ms, p95 {p95:.2f} ms")  # fmt: skip


def own_then_team(own: list[BookLead], team: list[BookLead], count: int, rng: random.Random) -> None:
    """A rep names a team-mate's customer by short name (handlers.lead_lookup.link_in_book): the
    rep's book links nothing, then the team's book is asked about the name the extractor read."""
    mine, theirs = LeadBook(own), LeadBook(team)
    per_message = []
    for _ in range(count):
        lead = rng.choice(team)
        name = company_key(lead.company)[:4]
        text = f"今天顺路去{name}那边坐了坐，想再加两台，下周二再去"
        t0 = time.perf_counter()
        if not mine.link(text, company=name).candidates:
            theirs.link(text, company=name)
        per_message.append((time.perf_counter() - t0) * 1000)
    per_message.sort()
    p95 = per_message[int(len(per_message) * 0.95) - 1]
    print(f"rep naming a team-mate's customer (own book, then the team's): "
          f"median {statistics.median(per_message):.3f} ms, p95 {p95:.3f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--leads", type=int, default=2000)
    parser.add_argument("--team", type=int, default=50000)
    parser.add_argument("--messages", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(16)
    rep = make_leads(args.leads, rng, own=True)
    rep_texts = messages(rep, args.messages, rng)
    run("rep", rep, rep_texts)
    asyncio.run(on_sqlite(rep, rep_texts))
    team = make_leads(args.team, rng, own=False)
    run("team", team, messages(team, max(args.messages // 10, 20), rng))
    own_then_team(rep, team, max(args.messages // 10, 20), rng)


if __name__ == "__main__":
    main()
