"""`salesbot leads export` on both databases: the JSONL contract, rights with --as, formula escaping,
the round trip export → import into a fresh database → the same export, and the command line."""

from __future__ import annotations

import csv
import io
import json
import logging
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import CONSOLE_HUB, SENDER, create_app
from bot.cli.leads import export_to
from bot.cli.main import main
from bot.clock import FixedClock
from bot.config import Config
from bot.leads_io.imports import run_import
from storage.db import session_factory
from storage.followups import record_followup
from storage.leads import add_contact, create_lead
from storage.models import OutboxMessage, Person
from storage.people import sync_org
from tests.bot.leads_io_helpers import NOW, ROOT, jsonl, leads_config, migrated, second_database

EXAMPLE = ROOT / "examples" / "leads.csv"


@pytest.fixture
def cfg(database_url: str, tmp_path: Path) -> Config:
    return leads_config(database_url, tmp_path)


async def people(engine: AsyncEngine, cfg: Config) -> dict[str, int]:
    async with session_factory(engine).begin() as session:
        await sync_org(session, cfg.org.teams, cfg.org.people)
        return {p.key: p.id for p in (await session.scalars(select(Person))).all()}


async def seed_chat_leads(engine: AsyncEngine, cfg: Config) -> None:
    """Leads as chat makes them: lina's with two contacts and a logged visit, and wangqiang's."""
    ids = await people(engine, cfg)
    async with session_factory(engine).begin() as session:
        lead = await create_lead(
            session, company="苏州恒通机械", company_key="恒通机械", source="rep", created_at=NOW, city="苏州"
        )
        lead.owner_id, lead.team_id, lead.grade, lead.stage = ids["lina"], 1, "A", "方案演示"
        lead.products, lead.competitors, lead.tags = (
            ["光纤激光切割机"],
            ["大族激光"],
            ["预算50-80万", "老客户"],
        )
        lead.budget_min, lead.budget_max = 500_000, 800_000
        lead.next_followup_at, lead.next_followup_has_time = datetime.fromisoformat("2026-03-12T06:30Z"), True
        zhang = await add_contact(
            session, lead.id, now=NOW, name="张三", title="采购经理", phone="13953115678"
        )
        await add_contact(session, lead.id, now=NOW, name="李总", email="li@ht.cn")
        await record_followup(
            session, lead_id=lead.id, person_id=ids["lina"], text="拜访张三，演示切割效果", kind="visit",
            extracted={}, happened_at=NOW - timedelta(hours=3), created_at=NOW, contact_id=zhang.id,
        )  # fmt: skip
        other = await create_lead(
            session,
            company='=HYPERLINK("http://evil")',
            company_key="=hyperlink",
            source="web",
            created_at=NOW,
        )
        other.owner_id, other.team_id = ids["wangqiang"], 1
        other.next_followup_at = datetime.fromisoformat("2026-03-13T01:00Z")  # a day, no time said
        await add_contact(session, other.id, now=NOW, phone="13900000000")
        await record_followup(
            session, lead_id=other.id, person_id=None, text="-20% 折扣", kind="inquiry", extracted={},
            happened_at=NOW, created_at=NOW,
        )  # fmt: skip


async def test_jsonl_is_the_contract(engine: AsyncEngine, cfg: Config) -> None:
    await seed_chat_leads(engine, cfg)
    first, second = await jsonl(engine, cfg)
    assert first == {
        "company": "苏州恒通机械",
        "city": "苏州",
        "owner": "lina",
        "stage": "方案演示",
        "grade": "A",
        "source": "rep",
        "products": ["光纤激光切割机"],
        "competitors": ["大族激光"],
        "budget": [500000, 800000],
        "tags": ["预算50-80万", "老客户"],
        "next_followup": "2026-03-12T14:30",  # in [sla] timezone
        "contacts": [
            {"name": "张三", "title": "采购经理", "phone": "13953115678", "email": None},
            {"name": "李总", "title": None, "phone": None, "email": "li@ht.cn"},
        ],
        "followups": [
            {
                "at": "2026-03-10T07:00",
                "by": "lina",
                "kind": "visit",
                "contact": {"name": "张三", "title": "采购经理"},
                "text": "拜访张三，演示切割效果",
            }
        ],
        "entered": None,
    }
    assert (
        second["next_followup"] == "2026-03-13"
        and second["budget"] is None
        and second["owner"] == "wangqiang"
    )
    assert second["followups"] == [
        {"at": "2026-03-10T10:00", "by": None, "kind": "inquiry", "contact": None, "text": "-20% 折扣"}
    ]


async def test_as_a_person_exports_what_they_may_see(engine: AsyncEngine, cfg: Config) -> None:
    await seed_chat_leads(engine, cfg)
    assert [x["owner"] for x in await jsonl(engine, cfg, "lina")] == ["lina"]
    assert [x["owner"] for x in await jsonl(engine, cfg, "zhangwei")] == ["lina", "wangqiang"]
    assert await jsonl(engine, cfg, "zhaomin") == []  # another team's manager
    assert len(await jsonl(engine, cfg, "boss")) == 2
    with pytest.raises(LookupError, match="not an active person"):
        await jsonl(engine, cfg, "nobody")


async def test_csv_and_xlsx_escape_formulas_and_list_followups(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    await seed_chat_leads(engine, cfg)
    out = io.StringIO()
    async with session_factory(engine)() as session:
        await export_to(session, cfg, "csv", None, None, out)
        await export_to(session, cfg, "xlsx", str(tmp_path / "x.xlsx"), None, io.StringIO())
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:5] == ["公司", "城市", "联系人", "职务", "电话"]
    assert rows[1][:5] == ["苏州恒通机械", "苏州", "张三", "采购经理", "13953115678"]
    assert rows[1][8:] == ["50万-80万", "方案演示", "lina", "rep", "A", "老客户", "2026-03-12 14:30", ""]
    assert rows[2][:6] == ["苏州恒通机械", "", "李总", "", "", "li@ht.cn"]  # a further contact, its own row
    assert rows[3][0] == '\'=HYPERLINK("http://evil")' and rows[3][14] == "2026-03-13"
    book = load_workbook(tmp_path / "x.xlsx", read_only=True)
    try:
        leads_sheet, followups = book.worksheets
        cells = [list(r) for r in leads_sheet.iter_rows(values_only=True)]
        assert cells[3][0] == '\'=HYPERLINK("http://evil")'  # text, not a formula
        assert [list(r) for r in followups.iter_rows(values_only=True)][1:] == [
            ["苏州恒通机械", "2026-03-10 07:00", "lina", "visit", "张三", "拜访张三，演示切割效果"],
            ['\'=HYPERLINK("http://evil")', "2026-03-10 10:00", None, "inquiry", None, "'-20% 折扣"],
        ]
    finally:
        book.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_round_trip_export_import_into_a_fresh_database_export_equal(
    engine: AsyncEngine, cfg: Config, tmp_path: Path, database_url: str, fmt: str
) -> None:
    await run_import(engine, cfg, EXAMPLE, dry_run=False, now=NOW)
    before = await jsonl(engine, cfg)
    assert len(before) >= 8 and any(len(x["contacts"]) > 1 and len(x["followups"]) > 1 for x in before)
    assert any(x["company"].endswith("（个人）") for x in before)  # a customer known by phone only
    path = tmp_path / f"out.{fmt}"
    async with session_factory(engine)() as session:
        stream = path.open("w", encoding="utf-8-sig", newline="") if fmt == "csv" else io.StringIO()
        with stream:
            await export_to(session, cfg, fmt, str(path) if fmt == "xlsx" else None, None, stream)
    async with second_database(database_url, tmp_path) as url, migrated(url) as fresh:
        fresh_cfg = leads_config(url, tmp_path / "fresh")
        report = await run_import(fresh, fresh_cfg, path, dry_run=False, now=NOW)
        assert report.counts()["refused"] == 0
        assert await jsonl(fresh, fresh_cfg) == before


def prepare(cfg: Config, tmp_path: Path) -> str:
    """A config file for the command line, and its freshly upgraded database."""
    assert main(["db", "upgrade", "--config", cfg.source]) == 0
    return cfg.source


def test_the_command_line_imports_reports_and_exports_a_private_file(
    cfg: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = prepare(cfg, tmp_path)
    caplog.set_level(logging.INFO, logger="salesbot.leads")
    capsys.readouterr()
    assert main(["leads", "import", str(EXAMPLE), "--dry-run", "--config", path]) == 0
    dry = capsys.readouterr().out
    assert dry.splitlines()[-1] == "dry run: nothing was written"
    assert main(["leads", "import", str(EXAMPLE), "--config", path]) == 0
    report = capsys.readouterr().out.splitlines()
    assert report[0].startswith("leads.csv (utf-8-sig): ") and report[0].endswith(" refused")
    assert report[:-1] == dry.splitlines()[:-1]  # the dry run said exactly what happened
    out = tmp_path / "all.jsonl"
    assert main(["leads", "export", "--config", path, "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    companies = [json.loads(line)["company"] for line in out.read_text("utf-8").splitlines()]
    assert "苏州恒通机械有限公司" in companies
    # the log holds counts, never a phone number
    assert "13953115678" not in caplog.text and "139****" not in caplog.text
    assert main(["leads", "export", "--format", "xlsx", "--config", path]) == 2
    assert "--format xlsx needs --out FILE" in capsys.readouterr().err


def test_a_refused_file_exits_1_with_the_reason(
    cfg: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = prepare(cfg, tmp_path)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["leads", "import", str(bad), "--config", path]) == 1
    assert "bad.xlsx: not an .xlsx file (an .xlsx is a zip archive" in capsys.readouterr().err


def test_leads_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["leads", "import", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "公司/company" in out and "--dry-run" in out and "one transaction" in out


async def test_an_import_while_the_bot_runs_is_delivered_by_the_running_bot(
    aiohttp_client: object, engine: AsyncEngine, cfg: Config
) -> None:
    clock = FixedClock(NOW)
    client: TestClient = await aiohttp_client(create_app(cfg, clock=clock, workers=False))  # type: ignore[operator]
    app = client.server.app
    # the bot runs on its own engine; the command uses another one (`engine`), as a separate process would
    report = await run_import(engine, cfg, EXAMPLE, dry_run=False, now=NOW)
    assert report.pushes >= 1
    seen: list[dict[str, object]] = []
    app[CONSOLE_HUB].publish = lambda target, event: seen.append({"to": target, **event})  # type: ignore[method-assign]
    assert await app[SENDER].send_due() == report.pushes
    assert any(e["to"] == "lina" and "到你名下" in json.dumps(e, ensure_ascii=False) for e in seen)
    async with session_factory(engine)() as session:
        statuses = set((await session.scalars(select(OutboxMessage.status))).all())
    assert statuses == {"sent"}
