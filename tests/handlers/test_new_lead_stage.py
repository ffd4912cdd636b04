"""The stage a new lead starts at: screened (初筛) when a member reports a contact with the new
customer, the first stage (线索) for an inquiry, a hand-over or a plan only; a said stage moves it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import log_followup, new_lead
from nlp import FollowUpTime, Intent
from tests.handlers.sales_fixtures import make_world

PLAN = FollowUpTime("2026-03-19", None)


async def test_a_call_reported_with_a_new_customer_starts_screened(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    text = "刚和一个新客户通了电话，常州恒发纺织有限公司的钱总，想换一批织机"
    ctx = world.ctx("lina", text, Intent.NEW_LEAD, company="常州恒发纺织有限公司", contact_name="钱",
                    contact_title="总", reported_kind="call")  # fmt: skip
    await new_lead.handle(ctx)
    [lead] = await world.leads()
    assert lead.stage == "初筛" and await world.stage_changes() == []


async def test_a_hand_over_or_a_plan_only_stays_a_lead(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    handed = "新线索：嘉兴禾丰饲料有限公司，采购部沈经理，13700002222，想了解包装线"
    slots = dict(company="嘉兴禾丰饲料有限公司", contact_name="沈", contact_title="经理", phone="13700002222")
    await new_lead.handle(world.ctx("lina", handed, Intent.NEW_LEAD, **slots))
    planned = "下周四去拜访一家新客户，湖州南浔木业有限公司"
    await new_lead.handle(world.ctx("lina", planned, Intent.NEW_LEAD, company="湖州南浔木业有限公司",
                                    next_followup=PLAN))  # fmt: skip
    assert [lead.stage for lead in await world.leads()] == ["线索", "线索"]


async def test_a_follow_up_on_a_customer_new_to_the_crm_starts_screened(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    text = "今天微信上跟绍兴越秀印染有限公司的陶厂长聊了，他们想把染缸的温控都换掉"
    await log_followup.handle(world.ctx("lina", text, company="绍兴越秀印染有限公司", contact_name="陶",
                                        contact_title="厂长", kind="online"))  # fmt: skip
    [lead] = await world.leads()
    assert lead.stage == "初筛" and await world.stage_changes() == []


async def test_a_plan_on_a_customer_new_to_the_crm_stays_a_lead(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    text = "下周四去台州海鸿水产有限公司看看冷库"
    await log_followup.handle(world.ctx("lina", text, company="台州海鸿水产有限公司", next_followup=PLAN))
    [lead] = await world.leads()
    assert lead.stage == "线索"
