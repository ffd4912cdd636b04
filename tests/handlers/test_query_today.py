"""query_today: today's (or the asked day's) follow-ups in the configured time zone, with contact,
phone and last note; phones masked when the question came from a group chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import query_today
from nlp.types import Period
from tests.handlers.query_fixtures import (
    NOW,
    SHANGHAI,
    add_contact,
    add_followup,
    add_lead,
    make_ctx,
    make_org,
)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def test_today_in_local_time_with_contact_and_last_note(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    lead = await add_lead(
        session, org.lina, "仁济医院", next_followup_at=local(11, 14, 30), next_followup_has_time=True
    )
    await add_contact(session, lead, "王", "主任", "13812345678")
    await add_followup(session, lead, org.lina, "演示效果不错，客户想看报价单" * 3, NOW - timedelta(days=2))
    # 00:30 on the 12th in Shanghai is still the 11th in UTC: it belongs to tomorrow.
    await add_lead(
        session, org.lina, "明天凌晨", next_followup_at=local(12, 0, 30), next_followup_has_time=True
    )
    await add_lead(session, org.wang, "别人的", next_followup_at=local(11, 15), next_followup_has_time=True)

    (reply,) = await query_today.handle(make_ctx(session, org.lina, config, "query_today"))

    assert reply.title == "我的3月11日待跟进 1 个客户"
    (line,) = reply.lines
    assert line.startswith("1. 14:30 仁济医院")
    assert "王主任 13812345678" in line and "上次：演示效果不错" in line and line.endswith("…")


async def test_asked_period_and_group_masking(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    lead = await add_lead(
        session, org.wang, "华山医院", next_followup_at=local(13, 9), next_followup_has_time=False
    )
    await add_contact(session, lead, "刘晓明", "", "13912345678")

    ctx = make_ctx(
        session,
        org.manager,
        config,
        "query_today",
        chat_id="group-1",
        period=Period("2026-03-13", "2026-03-13"),
    )
    (reply,) = await query_today.handle(ctx)

    assert reply.title == "团队3月13日待跟进 1 个客户"
    assert "华山医院（王芳）" in reply.lines[0]
    assert "139****5678" in reply.lines[0] and "13912345678" not in reply.lines[0]


async def test_nothing_due_and_rep_team_refusal(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    await add_lead(session, org.wang, "王芳的", next_followup_at=local(11, 15), next_followup_has_time=True)
    (empty,) = await query_today.handle(make_ctx(session, org.lina, config, "query_today"))
    assert empty.title == "3月11日没有待跟进的客户"
    (refused,) = await query_today.handle(make_ctx(session, org.lina, config, "query_today", scope="team"))
    assert refused.title == "无权查看" and "王芳的" not in "".join(refused.lines)
