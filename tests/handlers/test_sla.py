"""The SLA scan against the database (SQLite, and PostgreSQL when configured): a breach alerts once,
escalates once per level after business time, and closes by itself when the contact is logged."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Reply
from handlers.sla import scan
from storage.alerts import close_alerts_for_lead, insert_alert
from storage.models import Alert, Lead
from tests.handlers.sales_fixtures import NOW, SHANGHAI, World, make_world


async def add_lead(world: World, *, grade: str = "A", assigned_at: datetime = NOW, **fields: object) -> Lead:
    owner = world.people["lina"]
    lead = Lead(
        company="苏州恒通精密",
        company_key="苏州恒通精密",
        source="web",
        grade=grade,
        owner_id=owner.id,
        team_id=owner.team_id,
        created_at=assigned_at,
        assigned_at=assigned_at,
        **fields,
    )
    world.session.add(lead)
    await world.session.flush()
    return lead


async def scan_at(world: World, when: datetime) -> list[Reply]:
    world.clock.set(when)
    return [notice.reply for notice in (await scan(world.session, world.config, when)).notices]


def to(world: World, replies: list[Reply]) -> list[str]:
    keys = {p.id: p.key for p in world.people.values()}
    return [keys[r.to] for r in replies if r.to is not None]


async def alerts(world: World) -> list[Alert]:
    return list((await world.session.scalars(select(Alert).order_by(Alert.id))).all())


async def test_a_first_response_breach_alerts_the_owner_once(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await add_lead(world)  # grade A: 30 minutes
    assert await scan_at(world, NOW + timedelta(minutes=29)) == []
    [reply] = await scan_at(world, NOW + timedelta(minutes=31))
    assert to(world, [reply]) == ["lina"]
    assert "客户：苏州恒通精密" in reply.lines and "规则：首次响应超时" in reply.lines
    assert [b.key for b in reply.buttons] == [f"contacted:{lead.id}", f"snooze:{lead.id}"]
    assert [b.label for b in reply.buttons] == ["已联系", "延后一天"]
    assert await scan_at(world, NOW + timedelta(minutes=40)) == []
    [alert] = await alerts(world)
    assert (alert.rule, alert.level, alert.breach_key) == ("first_response", 0, NOW.isoformat())
    assert alert.breached_at == NOW + timedelta(minutes=30)


async def test_the_clock_stops_over_the_weekend(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await add_lead(world, assigned_at=datetime(2026, 3, 13, 17, 50, tzinfo=SHANGHAI))  # a Friday
    assert await scan_at(world, datetime(2026, 3, 16, 9, 19, tzinfo=SHANGHAI)) == []
    assert len(await scan_at(world, datetime(2026, 3, 16, 9, 20, tzinfo=SHANGHAI))) == 1


async def test_an_open_breach_escalates_once_per_level(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await add_lead(world)
    breach = NOW + timedelta(minutes=30)  # Tuesday 10:30
    assert to(world, await scan_at(world, breach)) == ["lina"]
    assert await scan_at(world, breach + timedelta(minutes=59)) == []
    [manager] = await scan_at(world, breach + timedelta(hours=1))
    assert to(world, [manager]) == ["zhangwei"] and "负责人：李娜" in manager.lines and not manager.buttons
    assert await scan_at(world, breach + timedelta(hours=2)) == []
    # "1d" more is one working day after Tuesday 11:30: Wednesday 11:30.
    assert await scan_at(world, datetime(2026, 3, 11, 11, 29, tzinfo=SHANGHAI)) == []
    assert to(world, await scan_at(world, datetime(2026, 3, 11, 11, 30, tzinfo=SHANGHAI))) == ["admin"]
    assert await scan_at(world, datetime(2026, 3, 20, 11, 0, tzinfo=SHANGHAI)) == []
    assert [a.level for a in await alerts(world)] == [0, 1, 2]


async def test_a_logged_contact_closes_the_breach_and_stops_escalation(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await add_lead(world)
    assert len(await scan_at(world, NOW + timedelta(minutes=31))) == 1
    contacted = NOW + timedelta(minutes=35)
    lead.first_response_at = lead.last_contact_at = contacted
    assert await scan_at(world, NOW + timedelta(hours=3)) == []
    [alert] = await alerts(world)
    assert alert.closed_at == NOW + timedelta(hours=3)


async def test_a_missed_followup_alerts_until_the_contact_is_logged(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    planned = NOW + timedelta(hours=1)
    lead = await add_lead(
        world,
        first_response_at=NOW,
        last_contact_at=NOW,
        next_followup_at=planned,
        next_followup_has_time=True,
    )
    assert await scan_at(world, planned) == []
    [reply] = await scan_at(world, planned + timedelta(minutes=1))
    assert "规则：约定跟进已过" in reply.lines
    lead.last_contact_at = planned + timedelta(minutes=5)
    assert await scan_at(world, planned + timedelta(hours=3)) == []
    [alert] = await alerts(world)
    assert alert.rule == "followup_due" and alert.closed_at is not None


async def test_a_followup_planned_for_a_day_is_due_when_the_day_ends(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await add_lead(world, first_response_at=NOW, next_followup_at=NOW, next_followup_has_time=False)
    assert await scan_at(world, datetime(2026, 3, 10, 23, 59, tzinfo=SHANGHAI)) == []
    assert len(await scan_at(world, datetime(2026, 3, 11, 0, 0, tzinfo=SHANGHAI))) == 1


async def test_the_database_refuses_a_second_alert_for_the_same_breach_and_level(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await add_lead(world)
    fields = {"lead_id": lead.id, "rule": "first_response", "breach_key": "k", "person_id": None}
    assert await insert_alert(session, level=0, breached_at=NOW, now=NOW, **fields)  # type: ignore[arg-type]
    assert not await insert_alert(session, level=0, breached_at=NOW, now=NOW, **fields)  # type: ignore[arg-type]
    assert await insert_alert(session, level=1, breached_at=NOW, now=NOW, **fields)  # type: ignore[arg-type]
    await close_alerts_for_lead(session, lead.id, NOW)
    assert all(a.closed_at == NOW for a in await alerts(world))
