"""export_leads: the chat command sends the asker an .xlsx of what they may see (a rep their own, a
manager their team's, an admin everything), refuses a rep's team export, refuses a file over the size
limit instead of queuing it, and logs who exported how many leads without a phone number."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import export_leads, help
from nlp import Intent
from storage.leads import add_contact, create_lead
from tests.handlers.sales_fixtures import NOW, World, make_world

PHONE = "13953115678"


@pytest.fixture
async def world(session: AsyncSession, tmp_path: Path) -> World:
    world = await make_world(session, tmp_path)
    for who, company in (
        ("lina", "苏州恒通机械"),
        ("wangqiang", "杭州明德口腔医院"),
        ("zhangwei", "无锡华光电子"),
        ("vip1", "上海瑞金医院"),
    ):
        person = world.people[who]
        lead = await create_lead(
            session, company=company, company_key=company, source="rep", created_at=NOW,
            owner_id=person.id, team_id=person.team_id,
        )  # fmt: skip
        await add_contact(session, lead.id, now=NOW, name="张三", phone=PHONE if who == "lina" else None)
    await session.flush()
    return world


async def export(world: World, who: str, text: str = "导出客户") -> list:  # type: ignore[type-arg]
    return await export_leads.handle(world.ctx(who, text, Intent.OTHER))


def companies(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        leads, followups = book.worksheets
        assert [leads.title, followups.title] == ["客户", "跟进记录"]
        rows = list(leads.iter_rows(values_only=True))
        assert rows[0][:5] == ("公司", "城市", "联系人", "职务", "电话")
        return sorted(str(row[0]) for row in rows[1:])
    finally:
        book.close()


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("lina", "导出客户", ["苏州恒通机械"]),
        ("zhangwei", "导出本组线索", ["无锡华光电子", "杭州明德口腔医院", "苏州恒通机械"]),
        ("zhangwei", "导出客户", ["无锡华光电子", "杭州明德口腔医院", "苏州恒通机械"]),
        ("zhangwei", "导出我的客户", ["无锡华光电子"]),
        ("admin", "导出 全部线索！", ["上海瑞金医院", "无锡华光电子", "杭州明德口腔医院", "苏州恒通机械"]),
    ],
)
async def test_the_file_holds_what_the_asker_may_see(
    world: World, who: str, text: str, expected: list[str]
) -> None:
    summary, sent = await export(world, who, text)
    person = world.people[who]
    assert summary.to == sent.to == person.id and sent.file is not None
    assert summary.title.endswith(f"客户 {len(expected)} 条") and f"文件：{sent.file.name}" in summary.lines
    assert sent.file.name.endswith("-20260310-1000.xlsx")
    assert companies(sent.file.data) == expected


async def test_the_workbook_is_the_command_line_export(world: World) -> None:
    _, sent = await export(world, "lina")
    book = load_workbook(io.BytesIO(sent.file.data), read_only=True)
    try:
        [row] = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    finally:
        book.close()
    assert row[:5] == ("苏州恒通机械", None, "张三", None, PHONE) and row[10] == "lina"


async def test_a_rep_asking_for_the_team_is_refused_and_pointed_to_their_own(world: World) -> None:
    [reply] = await export(world, "lina", "导出本组客户")
    assert reply.file is None and reply.title == "无权导出"
    assert reply.lines == ("你只能查看自己名下的线索；团队数据请找主管查看。", export_leads.OWN_HINT)


async def test_nothing_to_export_sends_no_file(world: World) -> None:
    [reply] = await export(world, "zhaolei")
    assert reply.file is None and reply.title == "没有可导出的客户"


async def test_a_file_over_the_limit_is_refused_not_queued(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_leads, "FILE_MAX_BYTES", 1000)
    [reply] = await export(world, "admin")
    assert reply.file is None and reply.title == "导出文件太大"
    assert "超过了聊天里发送文件 20MB 的上限" in reply.lines[0]


async def test_the_log_says_who_and_how_many_never_a_phone(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="salesbot.handlers.export_leads")
    await export(world, "zhangwei")
    [record] = [r for r in caplog.records if r.getMessage() == "leads exported in chat"]
    assert (record.person, record.role, record.leads) == ("zhangwei", "manager", 3)  # type: ignore[attr-defined]
    everything = " ".join(str(r.__dict__) for r in caplog.records)  # messages and their extra fields
    assert PHONE not in everything and "张三" not in everything and "恒通" not in everything


@pytest.mark.parametrize(
    "text", ["导出客户", " 导出 本组 线索。", "导出我的客户!", "导出全部客户～", "导出团队的线索"]
)
def test_commands_are_recognised_whatever_the_spaces_and_punctuation(text: str) -> None:
    assert export_leads.is_command(text)


@pytest.mark.parametrize(
    "text", ["导出", "怎么导出客户？", "帮我导出苏州恒通的资料", "导出客户" * 11, "客户导出"]
)
def test_other_sentences_are_not_commands(text: str) -> None:
    assert not export_leads.is_command(text)


def test_help_lists_the_command() -> None:
    assert ("导出客户表", "导出客户") in help.capabilities()
