"""update_stage: stage moves with who and when, rights, and a lost deal's reason asked once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import update_stage
from handlers.lead_lookup import TAKEN
from nlp import Intent
from storage.leads import create_lead
from storage.models import Lead
from tests.handlers.sales_fixtures import NOW, World, make_world, when

STAGE = Intent.UPDATE_STAGE


async def lead_of(world: World, who: str, company: str) -> Lead:
    person = world.people[who]
    lead = await create_lead(world.session, company=company, company_key=company, source="rep",
                             created_at=NOW - timedelta(days=9), owner_id=person.id,
                             team_id=person.team_id)  # fmt: skip
    lead.next_followup_at = NOW + timedelta(days=1)
    await world.session.flush()
    return lead


async def test_a_move_is_recorded_with_who_and_when(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "海润商贸")
    [reply] = await update_stage.handle(world.ctx("lina", "青岛海润商贸的阶段更新到报价", STAGE,
                                                  company="青岛海润商贸", stage="报价"))  # fmt: skip
    assert reply.title == "阶段已更新" and reply.lines == ("客户：海润商贸", "阶段：线索 → 报价")
    [change] = await world.stage_changes()
    assert (change.from_stage, change.to_stage, change.person_id) == ("线索", "报价", world.people["lina"].id)
    assert (change.changed_at, change.reason, change.awaiting) == (NOW, "青岛海润商贸的阶段更新到报价", None)
    assert (lead.stage, lead.stage_changed_at) == ("报价", NOW)
    [same] = await update_stage.handle(
        world.ctx("lina", "海润商贸报价了", STAGE, company="海润商贸", stage="报价")
    )
    assert same.title == "阶段未变" and len(await world.stage_changes()) == 1


async def test_no_stage_no_lead_and_someone_else_s_lead(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "wangqiang", "明德口腔医院")
    await lead_of(world, "lina", "海润商贸")
    [which] = await update_stage.handle(world.ctx("lina", "海润商贸推进一下", STAGE, company="海润商贸"))
    assert which.title == "要改到哪个阶段？" and "当前阶段：线索" in which.lines
    [unknown] = await update_stage.handle(
        world.ctx("lina", "华光签约了", STAGE, company="华光电子", stage="签约")
    )
    assert unknown.title == "没找到这个客户"
    [refused] = await update_stage.handle(world.ctx("lina", "明德口腔医院签约了", STAGE,
                                                    company="明德口腔医院", stage="签约"))  # fmt: skip
    assert refused.lines == (TAKEN,)
    [manager] = await update_stage.handle(world.ctx("zhangwei", "明德口腔医院签约了", STAGE,
                                                    company="明德口腔医院", stage="签约"))  # fmt: skip
    assert manager.title == "阶段已更新"
    assert [c.person_id for c in await world.stage_changes()] == [world.people["zhangwei"].id]


async def test_a_lost_deal_with_its_reason_is_not_asked(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "妇婴医院")
    text = "妇婴医院 钼靶项目 丢单 原因：价格高于GE"
    [reply] = await update_stage.handle(world.ctx("lina", text, STAGE, company="妇婴医院", stage="输单",
                                                  competitors=("GE医疗",)))  # fmt: skip
    assert update_stage.ASK_REASON not in reply.lines
    [change] = await world.stage_changes()
    assert (change.reason, change.awaiting) == (text, None)
    assert lead.next_followup_at is None and lead.competitors == ["GE医疗"]


async def test_a_lost_deal_s_reason_is_asked_once(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "lina", "金康大药房")
    [asked] = await update_stage.handle(world.ctx("lina", "金康大药房那单丢了", STAGE, company="金康大药房",
                                                  stage="输单"))  # fmt: skip
    assert asked.lines[-1] == update_stage.ASK_REASON
    world.later(minutes=20)
    assert not await update_stage.continues_last(world.ctx("lina", "今天要跟进哪些客户", Intent.QUERY_TODAY))
    assert not await update_stage.continues_last(world.ctx("lina", "周五", next_followup=when("2026-03-13")))
    assert not await update_stage.continues_last(world.ctx("wangqiang", "老板不批", Intent.OTHER))
    answer = world.ctx("lina", "老板不批，项目黄了", Intent.OTHER)
    assert await update_stage.continues_last(answer)
    [done] = await update_stage.handle(answer)
    assert done.title == "已记录输单原因" and done.lines == ("客户：金康大药房", "原因：老板不批，项目黄了")
    [change] = await world.stage_changes()
    assert (change.reason, change.awaiting) == ("老板不批，项目黄了", None)
    assert not await update_stage.continues_last(world.ctx("lina", "还有别的", Intent.OTHER))


async def test_a_late_reason_is_not_taken(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "lina", "金康大药房")
    await update_stage.handle(world.ctx("lina", "金康大药房丢了", STAGE, company="金康大药房", stage="输单"))
    world.later(hours=13)
    assert not await update_stage.continues_last(world.ctx("lina", "太贵了", Intent.OTHER))
