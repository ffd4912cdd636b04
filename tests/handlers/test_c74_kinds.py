"""Kinds of failure seen on the conversations seventy-four (packaging machinery), tested with customers of
other trades: the book asked at two stages at once, and a listed customer told apart by what its trade
is said to do ("做鞋的那家")."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import clarify_answer, log_followup, query_lead
from tests.handlers.query_fixtures import add_lead, make_ctx, make_org
from tests.handlers.sales_fixtures import NOW, make_world
from tests.handlers.test_clarify import (
    REPORT,
    REPORT_SLOTS,
    answer,
    assert_everything_recorded_on,
    said,
    two_haichen,
)

# ---- the team's deals at either of two stages -----------------------------------------------------------


async def test_the_team_s_deals_at_either_stage_asked(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "杭州顺达物流有限公司", stage="报价")
    await add_lead(session, org.wang, "宁波恒通冷链有限公司", stage="谈判")
    await add_lead(session, org.lina, "嘉兴万家超市有限公司", stage="初筛")
    await add_lead(session, org.chen, "广州南粤快运有限公司", stage="谈判")  # another team's
    text = "现在组里有哪些单子在报价或者谈判阶段？"
    (reply,) = await query_lead.handle(
        make_ctx(session, org.manager, config, "query_lead", text=text, scope="team")
    )
    said_back = reply.title + "\n".join(reply.lines)
    assert "顺达物流" in said_back and "恒通冷链" in said_back
    assert "万家超市" not in said_back and "南粤快运" not in said_back
    assert reply.title == "组里的报价、谈判阶段的客户 2 个"


async def test_the_stages_said_before_the_deals_are_both_kept(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "杭州顺达物流有限公司", stage="方案演示")
    await add_lead(session, org.lina, "宁波恒通冷链有限公司", stage="签约")
    await add_lead(session, org.lina, "嘉兴万家超市有限公司", stage="报价")
    text = "我方案演示和报价的客户有哪些"
    (reply,) = await query_lead.handle(make_ctx(session, org.lina, config, "query_lead", text=text))
    said_back = reply.title + "\n".join(reply.lines)
    assert "顺达物流" in said_back and "万家超市" in said_back and "恒通冷链" not in said_back


# ---- a listed customer told apart by what it does ("做鞋的那家") -----------------------------------------


async def test_an_answer_naming_the_trade_by_what_they_do_picks_that_customer(
    session: AsyncSession, tmp_path: Path
) -> None:
    for how, which in (("做鞋的那家", 1), ("搞纺织的那个", 0), ("卖鞋的那个", 1)):
        world = await make_world(session, tmp_path)
        leads = await two_haichen(world)
        await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
        world.later(minutes=1)
        [reply] = await answer(world, how)
        assert reply.title == "已记录跟进", how
        await assert_everything_recorded_on(world, leads[which], NOW)
        await session.rollback()


async def test_a_trade_neither_candidate_has_is_no_answer(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=1)
    assert not await clarify_answer.continues_last(said(world, "lina", "做饮料的那家"))
