"""The organisation syncs from config into the tables and is found by platform user id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Lead, Person, Team
from storage.people import find_person_by_key, find_person_by_platform_id, sync_org


@dataclass
class T:
    name: str
    manager: str = ""
    group_webhook: str = ""


@dataclass
class P:
    id: str
    name: str
    role: str = "rep"
    team: str = ""
    wecom_userid: str = ""
    dingtalk_userid: str = ""
    cities: list[str] = field(default_factory=list)
    product_lines: list[str] = field(default_factory=list)


async def test_sync_inserts_then_updates(session: AsyncSession) -> None:
    manager = P("zw", "张伟", "manager", "华东一组", "ZhangWei")
    teams = [T("华东一组", "zw")]
    await sync_org(
        session, teams, [manager, P("lina", "李娜", team="华东一组", wecom_userid="LiNa", cities=["苏州"])]
    )
    await session.commit()
    lina = await find_person_by_platform_id(session, "wecom", "LiNa")
    assert lina is not None and lina.name == "李娜" and lina.cities == ["苏州"]
    team = await session.scalar(select(Team).where(Team.name == "华东一组"))
    assert team is not None and lina.team_id == team.id and team.manager_key == "zw"

    await sync_org(session, teams, [manager, P("lina", "李娜娜", team="华东一组", wecom_userid="LiNa2")])
    await session.commit()
    assert await find_person_by_platform_id(session, "wecom", "LiNa") is None
    renamed = await find_person_by_platform_id(session, "wecom", "LiNa2")
    assert renamed is not None and renamed.id == lina.id and renamed.name == "李娜娜"


async def test_people_swapping_platform_ids(session: AsyncSession) -> None:
    await sync_org(session, [], [P("a", "A", wecom_userid="u1"), P("b", "B", wecom_userid="u2")])
    await sync_org(session, [], [P("a", "A", wecom_userid="u2"), P("b", "B", wecom_userid="u1")])
    await session.commit()
    person = await find_person_by_platform_id(session, "wecom", "u1")
    assert person is not None and person.key == "b"


async def test_removed_person_is_deactivated_not_deleted(session: AsyncSession) -> None:
    await sync_org(session, [], [P("a", "A", dingtalk_userid="d1"), P("b", "B")])
    await sync_org(session, [], [P("b", "B")])
    await session.commit()
    gone = await find_person_by_key(session, "a")
    assert gone is not None and not gone.active
    assert await find_person_by_platform_id(session, "dingtalk", "d1") is None
    assert await find_person_by_platform_id(session, "console", "b") is not None
    assert len((await session.scalars(select(Person))).all()) == 2


async def test_times_round_trip_as_aware_utc(session: AsyncSession) -> None:
    shanghai = timezone(timedelta(hours=8))
    created = datetime(2026, 3, 10, 9, 30, tzinfo=shanghai)
    session.add(Lead(company="苏州仁济医院", company_key="仁济医院", source="console", created_at=created))
    await session.commit()
    session.expunge_all()
    lead = await session.scalar(select(Lead))
    assert lead is not None
    assert lead.created_at == created and lead.created_at.tzinfo == UTC
    assert lead.created_at.hour == 1


async def test_naive_datetimes_are_refused(session: AsyncSession) -> None:
    session.add(Lead(company="x", company_key="x", source="console", created_at=datetime(2026, 1, 1)))
    with pytest.raises(Exception, match="naive datetime"):
        await session.flush()
