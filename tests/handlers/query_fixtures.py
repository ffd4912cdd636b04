"""Shared builders for the query tests: a small organisation, leads and follow-ups made with the ORM,
and a handler Context at a fixed time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FixedClock
from bot.config import Config
from bot.types import Message
from storage.models import Contact, FollowUp, Lead, Person, StageChange, Team

if TYPE_CHECKING:
    from handlers.context import Context


SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 11, 10, 0, tzinfo=SHANGHAI).astimezone(UTC)  # a Wednesday morning


@dataclass
class Org:
    east: Team
    south: Team
    manager: Person  # 张伟, manages 华东一组
    lina: Person  # rep in 华东一组
    wang: Person  # rep in 华东一组
    chen: Person  # rep in 华南组
    south_manager: Person
    admin: Person


async def make_org(session: AsyncSession) -> Org:
    east, south = Team(name="华东一组"), Team(name="华南组")
    session.add_all([east, south])
    await session.flush()

    def person(key: str, name: str, role: str, team: Team | None, lines: Sequence[str] = ()) -> Person:
        return Person(
            key=key, name=name, role=role, team_id=team.id if team else None, product_lines=list(lines)
        )

    org = Org(
        east,
        south,
        person("zhangwei", "张伟", "manager", east, ["影像"]),
        person("lina", "李娜", "rep", east, ["影像"]),
        person("wangfang", "王芳", "rep", east, ["药品"]),
        person("chenjie", "陈杰", "rep", south),
        person("liuyang", "刘洋", "manager", south),
        person("boss", "老板", "admin", None),
    )
    session.add_all([org.manager, org.lina, org.wang, org.chen, org.south_manager, org.admin])
    await session.flush()
    return org


async def add_lead(session: AsyncSession, owner: Person | None, company: str, **fields: Any) -> Lead:
    values: dict[str, Any] = {
        "company_key": company,
        "source": "rep",
        "created_at": NOW - timedelta(days=10),
        "owner_id": owner.id if owner else None,
        "team_id": owner.team_id if owner else None,
        "products": [],
        "competitors": [],
        "tags": [],
    }
    values.update(fields)
    lead = Lead(company=company, **values)
    session.add(lead)
    await session.flush()
    return lead


async def add_contact(
    session: AsyncSession, lead: Lead, name: str, title: str = "", phone: str = ""
) -> Contact:
    contact = Contact(
        lead_id=lead.id, name=name, title=title or None, phone=phone or None, created_at=lead.created_at
    )
    session.add(contact)
    await session.flush()
    return contact


async def add_followup(
    session: AsyncSession, lead: Lead, person: Person | None, text: str, at: datetime, kind: str = "call"
) -> FollowUp:
    f = FollowUp(
        lead_id=lead.id,
        person_id=person.id if person else None,
        kind=kind,
        text=text,
        extracted={},
        happened_at=at,
        created_at=at,
    )
    session.add(f)
    await session.flush()
    return f


async def add_stage(
    session: AsyncSession, lead: Lead, person: Person | None, before: str | None, after: str, at: datetime
) -> None:
    session.add(
        StageChange(
            lead_id=lead.id,
            person_id=person.id if person else None,
            from_stage=before,
            to_stage=after,
            changed_at=at,
        )
    )
    lead.stage = after
    await session.flush()


@dataclass
class Lines:
    """A tiny stand-in for nlp's Catalog: product -> product line."""

    table: dict[str, str] = field(default_factory=dict)

    def line_of(self, product: str) -> str | None:
        return self.table.get(product)


def make_ctx(
    session: AsyncSession,
    person: Person | None,
    config: Config,
    intent: str,
    *,
    text: str = "",
    now: datetime = NOW,
    chat_id: str | None = None,
    catalog: Any = None,
    **slots: Any,
) -> Context:
    # Imported here so the storage tests, which share the builders above, do not depend on nlp.
    from handlers import context
    from nlp import Extraction, Intent

    message = Message(
        platform="wecom",
        platform_msg_id="m1",
        sender_id=person.key if person else "Stranger",
        kind="text",
        text=text,
        sent_at=now,
        chat_id=chat_id,
    )
    return context.Context(
        message=message,
        extraction=Extraction(intent=Intent(intent), **slots),
        person=person,
        session=session,
        clock=FixedClock(now),
        config=config,
        catalog=catalog if catalog is not None else Lines(),
    )
