"""`salesbot leads import` on both databases: encodings, xlsx cells, dedupe and merge, owners, one
transaction per file (a crash or a dry run leaves nothing), re-import, SLA clocks, summary pushes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.leads_io import imports
from bot.leads_io.imports import ImportFileError, run_import
from handlers import sla
from storage.db import session_factory
from storage.followups import record_followup
from storage.leads import add_contact, create_lead
from storage.models import Contact, Lead, Person
from tests.bot.leads_io_helpers import NOW, counts, jsonl, leads_config, outbox_lines

HEADER = "公司,城市,联系人,职务,电话,邮箱,产品,预算,阶段,负责人,来源,等级,下次跟进,备注"
ROWS = [
    "苏州恒通机械有限公司,苏州,张三,采购经理,139-5311-5678,zs@hengtong.cn,激光切割机、大族,30-50万,"
    "需求确认,lina,展会,A,2026-03-18 14:00,老客户，去年询过价",
    "杭州明德科技,杭州,陈总,总经理,+86 136 0000 1111,,折弯机；焊接机,80万,,王强,,,2026-03-20,",
    "北京远航钣金,北京,刘工,,010-6288 1234转8001,,数控折弯机,不超过20万,线索,,,,,",
]


@pytest.fixture
def cfg(database_url: str, tmp_path: Path) -> Config:
    return leads_config(database_url, tmp_path)


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


async def test_a_utf8_bom_csv_imports_every_column_as_chat_reads_it(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "leads.csv", [HEADER, *ROWS])
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert report.encoding == "utf-8-sig"
    assert report.counts() == {"imported": 3, "merged": 0, "unchanged": 0, "refused": 0}
    first, second, third = await jsonl(engine, cfg)
    assert first == {
        "company": "苏州恒通机械有限公司",
        "city": "苏州",
        "owner": "lina",
        "stage": "需求确认",
        "grade": "A",
        "source": "展会",
        "products": ["光纤激光切割机", "大族"],
        "competitors": [],
        "budget": [300000, 500000],
        "tags": ["预算30-50万", "意向:激光"],
        "next_followup": "2026-03-18T14:00",
        "contacts": [
            {"name": "张三", "title": "采购经理", "phone": "13953115678", "email": "zs@hengtong.cn"}
        ],
        "followups": [
            {
                "at": "2026-03-10T10:00",
                "by": None,
                "kind": "note",
                "contact": None,
                "text": "老客户，去年询过价",
            }
        ],
        "entered": None,
    }
    # 大族 is a competitor in the catalog, not a product: kept as written and reported
    assert (2, "product '大族' is not in the catalog, kept as written") in report.warnings
    assert second["owner"] == "wangqiang" and second["products"] == ["数控折弯机", "激光焊接机"]
    assert second["contacts"][0]["phone"] == "13600001111" and second["next_followup"] == "2026-03-20"
    assert second["budget"] == [800000, 800000] and "决策人" in second["tags"]
    # no owner column: the rules place it (city 北京, line 钣金 -> 刘洋), and the report says why
    assert third["owner"] == "liuyang" and third["budget"] == [None, 200000]
    assert third["contacts"][0]["phone"] == "01062881234"  # the extension is left out, as in chat
    (outcome,) = [o for o in report.outcomes if o.row == 4]
    assert "by the rules: 按城市=北京、产品线=钣金" in outcome.detail


async def test_a_gbk_csv_is_detected_and_unknown_columns_are_reported(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "gbk.csv", ["电话,微信号,Company,Owner", "13953115678,wx_zs,恒通机械,李娜"], "gbk"
    )
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert report.encoding == "gb18030" and report.unknown_columns == ["微信号"]
    assert report.counts()["imported"] == 1
    (lead,) = await jsonl(engine, cfg)
    assert lead["company"] == "恒通机械" and lead["owner"] == "lina"
    assert "unknown columns ignored: 微信号" in report.lines()


async def test_a_file_in_no_known_encoding_is_refused_naming_the_encodings(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("公司,电话\r\n".encode() + b"\x80\xff\xfe,1\r\n")
    with pytest.raises(ImportFileError, match=r"tried UTF-8 \(with or without BOM\) and GB18030"):
        await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert (await counts(engine))["lead"] == 0


async def test_an_xlsx_with_dates_numbers_and_formulas_as_cells(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["下次跟进", "company", "phone", "budget", "备注"])
    sheet.append([datetime(2026, 3, 18, 14, 30), "恒通机械", 13953115678, 500000, "'=1+1"])
    sheet.append([date(2026, 3, 19), "明德科技", None, "1.2亿", None])
    sheet.append([datetime(2026, 3, 20, 0, 0), "远航物流", None, None, None])  # how Excel stores a date
    path = tmp_path / "leads.xlsx"
    book.save(path)
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert report.counts()["imported"] == 3
    first, second, third = await jsonl(engine, cfg)
    assert first["next_followup"] == "2026-03-18T14:30" and first["contacts"][0]["phone"] == "13953115678"
    assert first["budget"] == [500000, 500000] and first["followups"][0]["text"] == "=1+1"
    assert second["next_followup"] == "2026-03-19" and second["budget"] == [120000000, 120000000]
    assert third["next_followup"] == "2026-03-20"


async def test_duplicates_merge_within_the_file_and_with_the_database_and_nothing_is_overwritten(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    async with session_factory(engine).begin() as session:  # a lead reported in chat before
        lead = await create_lead(
            session, company="恒通机械", company_key="恒通机械", source="rep", created_at=NOW, city="无锡"
        )
        await add_contact(session, lead.id, now=NOW, name="张三", title="经理", phone="13953115678")
        known_id = lead.id
    path = write_csv(
        tmp_path / "dups.csv",
        [
            "公司,城市,联系人,职务,电话,预算",
            "苏州恒通机械有限公司,苏州,张三,采购总监,,50万",  # same folded company: merges
            "某某机械,,李四,工程师,13953115678,",  # 张三's phone: the same customer, whatever the name
            "明德科技,杭州,陈总,,13600001111,",
            "杭州明德科技有限公司,,王工,,13600002222,",  # same company as the row above
            "明德科技,,陈总,,13600001111,",  # exactly the row of line 4 again
        ],
    )
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert report.counts() == {"imported": 1, "merged": 2, "unchanged": 2, "refused": 0}
    details = {o.row: o.detail for o in report.outcomes}
    assert details[2] == f"into lead #{known_id} 恒通机械: added budget"
    # a phone is one person (as in chat): 李四 is not added as a second name for 张三's number
    assert details[3] == f"already in lead #{known_id} 恒通机械"
    assert (3, "contact 李四 has the phone of 张三: 张三 kept") in report.warnings
    assert details[5] == "into the lead of row 4: added a contact"
    assert details[6] == "already in the lead of row 4"
    known, new = await jsonl(engine, cfg)
    assert known["city"] == "无锡" and known["budget"] == [500000, 500000]  # the city was not overwritten
    assert [(c["name"], c["title"]) for c in known["contacts"]] == [("张三", "经理")]  # 经理 not overwritten
    assert [c["name"] for c in new["contacts"]] == ["陈总", "王工"]


async def test_reimporting_the_same_file_changes_nothing(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "leads.csv", [HEADER, *ROWS])
    await run_import(engine, cfg, path, dry_run=False, now=NOW)
    before, rows_before = await jsonl(engine, cfg), await counts(engine)
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW + timedelta(days=1))
    assert report.counts() == {"imported": 0, "merged": 0, "unchanged": 3, "refused": 0}
    assert await jsonl(engine, cfg) == before and await counts(engine) == rows_before  # no second push either


async def test_rows_are_refused_with_their_number_and_reason_and_the_rest_imported(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        [
            "公司,联系人,电话,负责人,下次跟进,阶段,预算",
            ",王五,,,,,",
            "恒通机械,,,孙悟空,,,",
            "明德科技,,,,下周吧,,",
            "远航物流,,12345,,,,",
            "华顺贸易,,,,,成交了,",
            "金康药房,,,,,,很多",
            "永辉超市,,,李娜,,,",
        ],
    )
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    refused = {o.row: o.detail for o in report.outcomes if o.status == "refused"}
    assert refused == {
        2: "neither company nor phone",
        3: "unknown owner '孙悟空': not an active [org] id or name",
        4: "next_followup '下周吧' is not a date (e.g. 2026-03-18 or 2026-03-18 14:00)",
        5: "phone '12345' is not a mobile or a landline with its area code",
        6: "unknown stage '成交了' (one of 线索、初筛、需求确认、方案演示、报价、谈判、签约、交付、输单)",
        7: "budget '很多' is not an amount (e.g. 80万, 30-50万, 1.2亿, 不超过20万)",
    }
    assert [lead["company"] for lead in await jsonl(engine, cfg)] == ["永辉超市"]
    assert "row 3: refused: unknown owner '孙悟空': not an active [org] id or name" in report.lines()


async def test_a_dry_run_reports_exactly_and_writes_nothing(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "leads.csv", [HEADER, *ROWS, ROWS[0]])
    dry = await run_import(engine, cfg, path, dry_run=True, now=NOW)
    assert await counts(engine) == {"lead": 0, "contact": 0, "follow_up": 0, "outbox_message": 0}
    real = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert dry.outcomes == real.outcomes and dry.counts()["imported"] == 3
    assert dry.lines()[-1] == "dry run: nothing was written"


async def test_a_crash_mid_import_leaves_nothing(
    engine: AsyncEngine, cfg: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "FLUSH_EVERY", 1)  # the leads are flushed one by one before the crash

    async def crash(self: object) -> None:
        raise RuntimeError("killed")

    monkeypatch.setattr(imports._Importer, "tell_owners", crash)
    path = write_csv(tmp_path / "leads.csv", [HEADER, *ROWS])
    with pytest.raises(RuntimeError, match="killed"):
        await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert await counts(engine) == {"lead": 0, "contact": 0, "follow_up": 0, "outbox_message": 0}


async def test_each_owner_gets_one_summary_push_and_the_queue_manager_one_too(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    rows = [f"客户{i}号公司,无锡,,,,,,,,lina,,,," for i in range(5)] + ["某某公司,拉萨,,,,,,,,,,,,"]
    path = write_csv(tmp_path / "leads.csv", [HEADER, *rows])
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert report.owners == {"李娜 (lina)": 5} and report.pushes == 2
    assert await outbox_lines(engine) == {
        "lina": ["客户导入", "导入了 5 条客户到你名下。", "发「今天要跟进哪些客户」看今天的安排。"],
        "zhangwei": ["导入客户待分配", "导入了 1 条客户，没有匹配的分配规则，待你指定负责人。"],
    }


async def test_imported_leads_start_no_first_response_clock_but_keep_their_followup_due(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "leads.csv",
        [HEADER, "恒通机械,,,,,,,,,lina,,,2026-03-09 15:00,", "明德科技,,,,,,,,,lina,,,2026-03-30,"],
    )
    await run_import(engine, cfg, path, dry_run=False, now=NOW)
    async with session_factory(engine)() as session:
        leads = (await session.scalars(select(Lead).order_by(Lead.id))).all()
        assert all(lead.assigned_at is None and lead.first_response_at is None for lead in leads)
        result = await sla.scan(session, cfg, NOW + timedelta(days=3))
    # days later: no first-response alert for either; the follow-up planned before the import is due
    # (to its owner, then escalated as any other)
    assert {n.reply.lines[:2] for n in result.notices} == {("客户：恒通机械", "规则：约定跟进已过")}
    assert await person_id(engine, "lina") in {n.reply.to for n in result.notices}


async def person_id(engine: AsyncEngine, key: str) -> int:
    async with session_factory(engine)() as session:
        found = await session.scalar(select(Person.id).where(Person.key == key))
    assert found is not None
    return found


async def test_a_note_already_on_the_lead_is_not_added_again(
    engine: AsyncEngine, cfg: Config, tmp_path: Path
) -> None:
    async with session_factory(engine).begin() as session:
        lead = await create_lead(
            session, company="恒通机械", company_key="恒通机械", source="rep", created_at=NOW
        )
        contact = await add_contact(session, lead.id, now=NOW, name="张三", phone="13953115678")
        await record_followup(
            session, lead_id=lead.id, person_id=None, text="老客户", kind="note", extracted={},
            happened_at=NOW, created_at=NOW, contact_id=contact.id,
        )  # fmt: skip
    path = write_csv(tmp_path / "leads.csv", ["电话,备注", "13953115678,老客户"])
    report = await run_import(engine, cfg, path, dry_run=False, now=NOW)
    assert report.counts()["unchanged"] == 1
    async with session_factory(engine)() as session:
        assert len((await session.scalars(select(Contact))).all()) == 1
