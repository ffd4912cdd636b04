"""A small sales organisation in the database, a catalog and a clock, and handler Contexts built on
them, for the tests of the sales workflows (log_followup, new_lead, update_stage, buttons)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FixedClock
from bot.config import Config, load_config
from bot.types import Message, MessageKind
from handlers.context import Context
from nlp import Catalog, Entry, Extraction, FollowUpTime, Intent
from storage.models import FollowUp, Lead, Person, StageChange
from storage.people import sync_org

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI).astimezone(UTC)  # a Tuesday morning

ORG = """
[[org.teams]]
name = "华东一组"
manager = "zhangwei"

[[org.teams]]
name = "VIP组"
manager = "sunli"

[[org.people]]
id = "zhangwei"
name = "张伟"
role = "manager"
team = "华东一组"

[[org.people]]
id = "sunli"
name = "孙丽"
role = "manager"
team = "VIP组"

[[org.people]]
id = "lina"
name = "李娜"
team = "华东一组"
cities = ["苏州", "无锡"]
product_lines = ["超声"]

[[org.people]]
id = "wangqiang"
name = "王强"
team = "华东一组"
cities = ["杭州"]
product_lines = ["激光"]

[[org.people]]
id = "zhaolei"
name = "赵磊"
team = "华东一组"
cities = ["杭州"]
product_lines = ["激光", "超声"]

[[org.people]]
id = "vip1"
name = "周敏"
team = "VIP组"

[[org.people]]
id = "admin"
name = "管理员"
role = "admin"

[grading]
default = "C"
ample_budget = 1000000

[[grading.rules]]
grade = "A"
min_budget = 2000000

[[grading.rules]]
grade = "B"
min_budget = 500000

[assignment]
grade_teams = { A = "VIP组" }
capacity = 10
queue_team = "华东一组"
"""

CATALOG = Catalog.build(
    [
        Entry("product", "64排CT", ("64排",), "影像"),
        Entry("product", "激光治疗仪", ("激光仪",), "激光"),
        Entry("product", "台式彩超", ("彩超",), "超声"),
    ],
    [Entry("competitor", "GE医疗", ("GE",)), Entry("competitor", "西门子医疗", ("西门子",))],
)

_ids = itertools.count(1)


def when(date: str, time: str | None = None) -> FollowUpTime:
    return FollowUpTime(date, time)


@dataclass
class World:
    session: AsyncSession
    config: Config
    clock: FixedClock
    people: dict[str, Person]

    def ctx(
        self,
        who: str | None,
        text: str,
        intent: Intent = Intent.LOG_FOLLOWUP,
        *,
        msg_kind: MessageKind = "text",
        form: Mapping[str, str] | None = None,
        answered_elsewhere: bool = False,
        sent_at: datetime | None = None,
        **slots: Any,
    ) -> Context:
        person = self.people[who] if who else None
        message = Message(
            platform="wecom",
            platform_msg_id=f"m{next(_ids)}",
            sender_id=person.key if person else "wm-customer-1",
            kind=msg_kind,
            text=text,
            sent_at=sent_at or self.clock.now(),
            form=dict(form or {}),
            answered_elsewhere=answered_elsewhere,
        )
        extraction = Extraction(intent=intent, **slots)
        return Context(message, extraction, person, self.session, self.clock, self.config, CATALOG)

    def later(self, **delta: float) -> None:
        self.clock.advance(timedelta(**delta))

    async def leads(self) -> list[Lead]:
        return list((await self.session.scalars(select(Lead).order_by(Lead.id))).all())

    async def followups(self) -> list[FollowUp]:
        return list((await self.session.scalars(select(FollowUp).order_by(FollowUp.id))).all())

    async def stage_changes(self) -> list[StageChange]:
        return list((await self.session.scalars(select(StageChange).order_by(StageChange.id))).all())


async def make_world(session: AsyncSession, tmp_path: Path, extra: str = "") -> World:
    path = tmp_path / "sales.toml"
    path.write_text(ORG + extra, encoding="utf-8")
    config = load_config(path, env={})
    await sync_org(session, config.org.teams, config.org.people)
    people = {p.key: p for p in (await session.scalars(select(Person))).all()}
    return World(session, config, FixedClock(NOW), people)
