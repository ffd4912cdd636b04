"""new_lead for an ad platform's form: counted from when the customer sent it, the platform's delay
said on the card, tags from the options chosen, a second phone kept, a later push merged silently."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import new_lead
from handlers.context import Context
from nlp import Intent
from storage.leads import list_contacts
from tests.handlers.sales_fixtures import NOW, World, make_world

FORM = {
    "name": "周医生", "title": "科室主任", "company": "杭州明德口腔医院", "phone": "13600001111",
    "phone2": "057188880000", "city": "杭州", "product": "激光治疗仪", "source": "抖音表单",
    "source_detail": "计划 口腔春季", "tags": "激光治疗仪意向、预算50-80万", "lead_ref": "feiyu:7001",
}  # fmt: skip


def ad_form(world: World, form: dict[str, str] = FORM, *, minutes_ago: int = 0) -> Context:
    text, sent = "杭州明德口腔医院 激光治疗仪 预算50-80万", NOW - timedelta(minutes=minutes_ago)
    ctx = world.ctx(
        None, text, Intent.NEW_LEAD, msg_kind="inquiry", form=form, answered_elsewhere=True, sent_at=sent
    )
    ref = form["lead_ref"]
    message = dataclasses.replace(ctx.message, platform="ads", sender_id=ref, platform_msg_id=ref)
    return dataclasses.replace(ctx, message=message)


async def test_a_late_ad_lead_counts_from_its_submission_and_says_how_late(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    replies = await new_lead.handle(ad_form(world, minutes_ago=12))
    [lead] = await world.leads()
    submitted = NOW - timedelta(minutes=12)
    assert (lead.source, lead.created_at, lead.assigned_at) == ("抖音表单", submitted, submitted)
    assert lead.source_detail == "计划 口腔春季"
    assert {"激光治疗仪意向", "预算50-80万"} <= set(lead.tags)
    contacts = await list_contacts(session, lead.id)
    assert [(c.name, c.title, c.phone) for c in contacts] == [
        ("周医生", "科室主任", "13600001111"),
        ("周医生", None, "057188880000"),
    ]
    [notice] = [r for r in replies if r.to is not None]
    assert notice.lines[1] == "来源：抖音表单（平台延迟 12 分钟送达）"


async def test_an_ad_lead_on_time_says_nothing_of_delay(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    replies = await new_lead.handle(ad_form(world, minutes_ago=1))
    [notice] = [r for r in replies if r.to is not None]
    assert notice.lines[1] == "来源：抖音表单"


async def test_a_later_push_about_the_same_lead_adds_its_detail_and_tells_nobody(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await new_lead.handle(ad_form(world))
    later = {**FORM, "supplement": "1", "source_detail": "关键词 口腔激光 搜索词 激光治疗仪多少钱"}
    assert await new_lead.handle(ad_form(world, later)) == []
    [lead] = await world.leads()
    assert lead.source_detail == "计划 口腔春季；关键词 口腔激光 搜索词 激光治疗仪多少钱"
    assert len(await world.followups()) == 1


async def test_a_later_push_whose_first_was_lost_is_the_lead_itself(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    replies = await new_lead.handle(ad_form(world, {**FORM, "supplement": "1"}))
    [lead] = await world.leads()
    assert lead.company == "杭州明德口腔医院" and any(r.title == "新线索分配给你" for r in replies)
