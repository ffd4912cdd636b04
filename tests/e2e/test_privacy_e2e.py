"""PIPL erasure after real web inquiries: afterwards no column of any table holds the person's phone."""

from __future__ import annotations

import json
import re

from sqlalchemy import JSON, String, select

from storage.db import Base
from storage.inbound import record_inbound_failure
from storage.models import InboundMessage
from storage.privacy import erase_personal_data
from tests.e2e.harness import INTAKE_TOKEN, Bot

AUTH = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
PHONE = "13953112288"
# Separators people put between digits; the scan looks for the digits however they are grouped.
_SEPARATORS = re.compile(r"[\s\-－—.()（）+]")


async def inquire(bot: Bot, form: dict[str, str]) -> int:
    assert bot.client is not None
    response = await bot.client.post("/api/inquiries", json=form, headers=AUTH)
    assert response.status == 202
    return int((await response.json())["id"])


async def holding_the_phone(bot: Bot) -> list[str]:
    """Every text or JSON value (as "table.column #id"), in every table of the metadata, holding PHONE."""
    found: list[str] = []
    async with bot.sessions() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | JSON)]
            key = next(iter(table.primary_key.columns))
            for row in (await session.execute(select(key, *columns))).all():
                for column, value in zip(columns, row[1:], strict=True):
                    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    if PHONE in _SEPARATORS.sub("", text or ""):
                        found.append(f"{table.name}.{column.name} #{row[0]}")
    return found


async def test_erasure_leaves_the_phone_in_no_column_of_any_table(bot: Bot) -> None:
    # The phone in its field (the web sender), in the company field and in the message text.
    form = {"name": "张三", "company": "张三 139 5311 2288", "phone": "139-5311-2288", "message": "要焊接机"}
    await inquire(bot, form)
    await bot.settle()
    await inquire(bot, {"phone": f"+86 {PHONE}", "message": f"报价出来了吗？我的电话{PHONE}"})
    await bot.settle()
    # A message whose processing failed keeps the error, which rendered the phone as a parameter.
    failing = await inquire(bot, {"phone": f"+86{PHONE}", "message": f"再问一次，或打0086{PHONE}"})
    async with bot.sessions.begin() as session:
        error = f"IntegrityError: [parameters: ('张三', '{PHONE}')]"
        await record_inbound_failure(session, failing, error, bot.clock.now())
    assert len(await holding_the_phone(bot)) > 5, "the scenario stores the phone in many places"

    async with bot.sessions.begin() as session:
        report = await erase_personal_data(session, PHONE, bot.clock.now())
    assert report.inbound_messages == 3
    left = await holding_the_phone(bot)
    assert left == [], left
    async with bot.sessions() as session:
        senders = (await session.scalars(select(InboundMessage.sender_id))).all()
    assert senders and all(PHONE not in s for s in senders)
