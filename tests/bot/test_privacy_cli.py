"""`salesbot privacy export|erase`: output, the --yes guard, bad input, and a masked audit line."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli.main import main
from bot.config import Config
from bot.types import Outgoing
from storage.db import create_engine, session_factory
from storage.leads import add_contact, create_lead
from storage.models import Contact
from storage.outbox import enqueue_outbox

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
PHONE = "13953115678"


def prepare(config: Config, tmp_path: Path) -> str:
    """A migrated database holding 张三 on one lead, and the path of a config file pointing at it."""
    path = tmp_path / "cli.toml"
    path.write_text(f'[database]\nurl = "{config.database.url}"\n', encoding="utf-8")
    assert main(["db", "upgrade", "--config", str(path)]) == 0

    async def seed() -> None:
        engine = create_engine(config.database.url)
        try:
            async with session_factory(engine).begin() as session:
                lead = await create_lead(
                    session, company="苏州恒通机械", company_key="恒通机械", source="rep", created_at=NOW
                )
                await add_contact(session, lead.id, now=NOW, name="张三", title="采购经理", phone=PHONE)
                push = Outgoing("wecom", "LiNa", "push", lines=(f"张三 {PHONE}",))
                await enqueue_outbox(session, push, NOW)
        finally:
            await engine.dispose()

    asyncio.run(seed())
    return str(path)


def contact_names(config: Config) -> list[str | None]:
    async def go() -> list[str | None]:
        engine = create_engine(config.database.url)
        try:
            async with session_factory(engine)() as session:
                return [c.name for c in await session.scalars(select(Contact))]
        finally:
            await engine.dispose()

    return asyncio.run(go())


def test_export_writes_the_person_to_a_file(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = prepare(config, tmp_path)
    caplog.set_level(logging.INFO, logger="salesbot.privacy")
    capsys.readouterr()
    out = tmp_path / "export.json"
    assert main(["privacy", "export", "--config", path, "--phone", "139-5311-5678", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "张三" in text  # ensure_ascii=False: readable Chinese, not \u escapes
    data = json.loads(text)
    assert data["phone"] == PHONE and [c["title"] for c in data["contacts"]] == ["采购经理"]
    assert [lead["company"] for lead in data["leads"]] == ["苏州恒通机械"] and len(
        data["outbox_messages"]
    ) == 1
    assert capsys.readouterr().out == ""
    (record,) = [r for r in caplog.records if r.name == "salesbot.privacy"]
    assert record.getMessage() == "privacy export" and record.__dict__["phone"] == "139****5678"
    assert PHONE not in caplog.text and all(PHONE not in str(v) for v in record.__dict__.values())


def test_export_to_stdout(config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = prepare(config, tmp_path)
    capsys.readouterr()
    assert main(["privacy", "export", "--config", path, "--phone", PHONE]) == 0
    assert json.loads(capsys.readouterr().out)["contacts"][0]["name"] == "张三"


def test_erase_asks_for_yes_then_erases(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = prepare(config, tmp_path)
    caplog.set_level(logging.INFO, logger="salesbot.privacy")
    capsys.readouterr()
    assert main(["privacy", "erase", "--config", path, "--phone", PHONE]) == 1
    captured = capsys.readouterr()
    assert "would erase for 139****5678: contacts 1" in captured.out and "outbox messages 1" in captured.out
    assert "re-run with --yes" in captured.err
    assert contact_names(config) == ["张三"]  # the dry run changed nothing

    assert main(["privacy", "erase", "--config", path, "--phone", PHONE, "--yes"]) == 0
    assert "erased for 139****5678: contacts 1" in capsys.readouterr().out
    assert contact_names(config) == ["已删除"]
    records = [r for r in caplog.records if r.name == "salesbot.privacy"]
    assert [(r.getMessage(), r.__dict__["dry_run"], r.__dict__["contacts"]) for r in records] == [
        ("privacy erase", True, 1),
        ("privacy erase", False, 1),
    ]
    assert all(r.__dict__["phone"] == "139****5678" for r in records) and PHONE not in caplog.text

    assert main(["privacy", "erase", "--config", path, "--phone", PHONE, "--yes"]) == 0
    assert "erased for 139****5678: contacts 0" in capsys.readouterr().out


@pytest.mark.parametrize("phone", ["abc", "12345", "139531156789"])
@pytest.mark.parametrize("command", ["export", "erase"])
def test_a_bad_phone_exits_2(
    command: str, phone: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["privacy", command, "--phone", phone, "--config", str(tmp_path / "none.toml")]) == 2
    assert "salesbot privacy: bad --phone" in capsys.readouterr().err
