"""query_stats: the week by default (Monday first, configured zone), the numbers rendered in Chinese,
the ranking only for managers, a refusal for a rep asking about the team."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import query_stats
from nlp.types import Period
from tests.handlers.query_fixtures import NOW, SHANGHAI, add_followup, add_lead, add_stage, make_ctx, make_org


async def _week(session: AsyncSession):  # type: ignore[no-untyped-def]
    org = await make_org(session)
    monday = datetime(2026, 3, 9, 0, 30, tzinfo=SHANGHAI).astimezone(UTC)  # Sunday in UTC
    a = await add_lead(
        session,
        org.lina,
        "新A",
        source="web",
        city="苏州",
        created_at=monday,
        assigned_at=monday,
        first_response_at=monday + timedelta(minutes=40),
    )
    await add_lead(session, org.wang, "新B", source="wecom", city="无锡", created_at=NOW - timedelta(hours=3))
    await add_lead(session, org.wang, "上周的", source="web", created_at=monday - timedelta(hours=1))
    await add_followup(session, a, org.lina, "电话沟通", monday + timedelta(minutes=40))
    await add_stage(session, a, org.lina, "线索", "初筛", NOW - timedelta(hours=1))
    return org


async def test_manager_week_with_ranking(session: AsyncSession, config: Config) -> None:
    org = await _week(session)
    (reply,) = await query_stats.handle(make_ctx(session, org.manager, config, "query_stats"))
    text = "\n".join(reply.lines)
    assert reply.title == "团队数据 3月9日–3月15日"
    assert reply.lines[0] == "新增线索 2 条"
    assert "来源：官网表单 1、企业微信 1" in text and "城市：无锡 1、苏州 1" in text
    assert "跟进 1 次，涉及 1 个客户" in text
    assert "首次响应中位数 40分钟" in text and "首次响应达标 100%（1/1）" in text  # within the default 2h
    assert "30天内有效跟进 50%（1/2）" in text
    assert "漏斗：线索 2 → 初筛 1(50%) → 需求确认 0(0%)" in text
    assert "1. 李娜 1 / 1 / 0" in text and "2. 王芳 0 / 1 / 0" in text


async def test_rep_sees_own_numbers_without_ranking(session: AsyncSession, config: Config) -> None:
    org = await _week(session)
    (reply,) = await query_stats.handle(make_ctx(session, org.wang, config, "query_stats", scope="me"))
    text = "\n".join(reply.lines)
    assert reply.title == "我的数据 3月9日–3月15日"
    assert reply.lines[0] == "新增线索 1 条" and "跟进 0 次" in text
    assert "排行" not in text and "李娜" not in text


async def test_asked_period_and_refusal(session: AsyncSession, config: Config) -> None:
    org = await _week(session)
    last_week = Period("2026-03-02", "2026-03-08")
    (reply,) = await query_stats.handle(make_ctx(session, org.admin, config, "query_stats", period=last_week))
    assert reply.title == "全部数据 3月2日–3月8日"
    assert reply.lines[0] == "新增线索 1 条"  # 上周的, created Sunday 23:30 local
    (refused,) = await query_stats.handle(make_ctx(session, org.lina, config, "query_stats", scope="team"))
    assert refused.title == "无权查看" and len(refused.lines) == 1
