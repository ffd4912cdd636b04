"""The SLA rules beyond first response: a public holiday stops the clock, a stuck stage and a lead
going cold alert at the right moment, a backlog after downtime arrives as one summary per person,
and a closed breach hands back its delivered cards once."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Outgoing
from handlers.sla import refresh_cold_at, scan
from handlers.sla_rules import MIN_RHYTHM, cold_at
from storage.models import Alert, FollowUp, Lead, OutboxMessage
from storage.outbox import enqueue_outbox
from tests.handlers.sales_fixtures import NOW, SHANGHAI, World, make_world
from tests.handlers.test_sla import add_lead, alerts, scan_at, to


def local(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


async def test_the_national_day_holiday_stops_the_clock(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await add_lead(world, assigned_at=local(9, 30, 17, 50))  # Wednesday before 1–7 October
    assert await scan_at(world, local(10, 7, 23, 0)) == []  # the last day of the holiday
    assert await scan_at(world, local(10, 8, 9, 19)) == []
    assert to(world, await scan_at(world, local(10, 8, 9, 20))) == ["lina"]


async def test_a_stage_held_past_its_limit_alerts_and_moving_on_closes_it(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await add_lead(
        world, stage="报价", stage_changed_at=NOW, first_response_at=NOW, last_contact_at=NOW
    )
    # 报价 = "5d": five working days after Tuesday 10:00 is the next Tuesday 10:00.
    assert await scan_at(world, local(3, 17, 9, 59)) == []
    [card] = await scan_at(world, local(3, 17, 10, 0))
    assert to(world, [card]) == ["lina"] and "规则：阶段停滞" in card.lines
    assert any(line.startswith("阶段：报价，已停留") for line in card.lines)
    [manager] = await scan_at(world, local(3, 17, 11, 0))
    assert to(world, [manager]) == ["zhangwei"]
    lead.stage, lead.stage_changed_at = "谈判", local(3, 17, 15, 0)
    assert await scan_at(world, local(3, 25, 10, 0)) == []  # 谈判 has no limit configured
    assert [(a.rule, a.closed_at is not None) for a in await alerts(world)] == [("stage_stuck", True)] * 2


async def test_a_stage_without_a_limit_never_alerts(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await add_lead(world, stage="需求确认", stage_changed_at=NOW, first_response_at=NOW, last_contact_at=NOW)
    assert await scan_at(world, NOW + timedelta(days=60)) == []


def test_going_cold_needs_a_rhythm_of_its_own() -> None:
    week = timedelta(days=7)
    assert cold_at([NOW, NOW + week], 3) is None  # two contacts are no rhythm
    assert cold_at([NOW, NOW + week, NOW + 2 * week], 0) is None  # the flag is off
    assert cold_at([NOW, NOW + week, NOW + 2 * week], 3) == NOW + 5 * week
    # The median gap, so one long silence does not stretch the rhythm.
    times = [NOW, NOW + week, NOW + 2 * week, NOW + 10 * week]
    assert cold_at(times, 3) == NOW + 10 * week + 3 * week
    hours = [NOW, NOW + timedelta(hours=1), NOW + timedelta(hours=2)]
    assert cold_at(hours, 3) == NOW + timedelta(hours=2) + 3 * MIN_RHYTHM


async def log_contact(world: World, lead: Lead, at: datetime) -> None:
    follow_up = FollowUp(
        lead_id=lead.id, person_id=lead.owner_id, text="电话沟通", kind="电话", happened_at=at, created_at=at
    )
    world.session.add(follow_up)
    lead.last_contact_at = at
    await world.session.flush()
    await refresh_cold_at(world.session, lead, world.config)


async def test_a_lead_going_cold_is_flagged_to_its_owner_once(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await add_lead(world, first_response_at=NOW)
    for week in range(3):
        await log_contact(world, lead, NOW + timedelta(days=7 * week))
    assert lead.cold_at == NOW + timedelta(days=14 + 21)
    assert await scan_at(world, lead.cold_at - timedelta(minutes=1)) == []
    [card] = await scan_at(world, NOW + timedelta(days=35))
    assert card.title == "客户渐冷提醒" and to(world, [card]) == ["lina"]
    assert [b.label for b in card.buttons] == ["已联系"]
    assert lead.cold_at is None  # flagged: no longer read by every scan
    assert await scan_at(world, NOW + timedelta(days=60)) == []  # no escalation, no repeat
    await log_contact(world, lead, NOW + timedelta(days=61))
    assert await scan_at(world, NOW + timedelta(days=61, minutes=1)) == []
    [alert] = await alerts(world)
    assert alert.rule == "going_cold" and alert.level == 0 and alert.closed_at is not None


async def test_a_backlog_after_downtime_arrives_as_one_summary_per_person(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    for name in ("苏州恒通精密", "无锡华康医药", "常州瑞丰农机"):
        lead = await add_lead(world)
        lead.company = name
    # The bot was down from before the breaches until Thursday afternoon: every level is due.
    replies = await scan_at(world, local(3, 12, 15, 0))
    assert sorted(to(world, replies)) == ["admin", "lina", "zhangwei"]
    owner = next(r for r in replies if to(world, [r]) == ["lina"])
    assert owner.title == "错过的SLA提醒（3条）"
    assert [line.split(" · ")[0] for line in owner.lines[:3]] == [
        "1. 苏州恒通精密",
        "2. 无锡华康医药",
        "3. 常州瑞丰农机",
    ]
    assert len(await alerts(world)) == 9  # each notice is still recorded once, per lead and level
    assert await scan_at(world, local(3, 12, 15, 1)) == []


async def test_a_single_missed_notice_is_still_a_card(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await add_lead(world)
    [card] = await scan_at(world, NOW + timedelta(minutes=30 + 45))  # 45 minutes late, alone
    assert card.title == "SLA提醒" and [b.label for b in card.buttons] == ["已联系", "延后一天"]


async def test_a_closed_breach_hands_back_its_delivered_cards_once(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await add_lead(world)
    result = await scan(session, world.config, NOW + timedelta(minutes=31))
    [notice] = result.notices
    assert notice.alert_id is not None
    card = await enqueue_outbox(session, Outgoing("wecom", "LiNa", "push"), NOW, alert_id=notice.alert_id)
    card.status, card.sent_at, card.card_handle = "sent", NOW + timedelta(minutes=32), "RC1"
    lead.first_response_at = lead.last_contact_at = NOW + timedelta(minutes=40)
    closed = await scan(session, world.config, NOW + timedelta(minutes=41))
    assert [(c.platform, c.target, c.handle, c.sent_at) for c in closed.closed_cards] == [
        ("wecom", "LiNa", "RC1", NOW + timedelta(minutes=32))
    ]
    assert (
        await session.scalar(select(OutboxMessage.card_handle).where(OutboxMessage.id == card.id))
    ) is None
    again = await scan(session, world.config, NOW + timedelta(minutes=42))
    assert again.closed_cards == [] and again.notices == []
    assert (await session.scalar(select(Alert.closed_at))) == NOW + timedelta(minutes=41)
