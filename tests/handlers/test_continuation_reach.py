"""handlers.continuation: the phone of the person just reported on, said after the report with their
name ("骆经理电话139…"), is a detail of that contact, not a second follow-up."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import log_followup
from nlp import Intent
from storage.leads import create_lead, list_contacts
from tests.handlers.sales_fixtures import NOW, World, make_world, when

COMPANY = "杭州星河物业服务有限公司"
REPORT = "今天去星河物业见了骆建国经理，要换三十把办公椅，下周一下午再去"


async def _reported(world: World) -> World:
    """The world after a whole report on a lead of lina's, a minute later."""
    person = world.people["lina"]
    await create_lead(world.session, company=COMPANY, company_key="星河物业", source="web",
                      created_at=NOW - timedelta(days=3), owner_id=person.id,
                      team_id=person.team_id)  # fmt: skip
    await world.session.flush()
    await log_followup.handle(
        world.ctx("lina", REPORT, company="星河物业", contact_name="骆建国", contact_title="经理",
                  kind="visit", products=("办公椅",), next_followup=when("2026-03-16"))
    )  # fmt: skip
    world.later(minutes=1)
    return world


async def test_the_named_contact_s_phone_after_a_report_is_no_second_follow_up(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await _reported(await make_world(session, tmp_path))
    said = "骆经理电话13912345678"
    [reply] = await log_followup.handle(
        world.ctx("lina", said, Intent.LOG_FOLLOWUP, contact_name="骆", contact_title="经理",
                  phone="13912345678")
    )  # fmt: skip
    assert reply.title == "已补充联系人" and reply.lines[0] == f"客户：{COMPANY}"
    [visit] = await world.followups()
    [contact] = await list_contacts(session, visit.lead_id)
    assert (contact.name, contact.phone, visit.contact_id) == ("骆建国", "13912345678", contact.id)


async def test_the_phone_with_news_of_the_deal_is_one_more_follow_up(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await _reported(await make_world(session, tmp_path))
    said = "骆经理电话13912345678，他们还要两张会议桌"
    await log_followup.handle(
        world.ctx("lina", said, Intent.LOG_FOLLOWUP, contact_name="骆", contact_title="经理",
                  phone="13912345678", products=("会议桌",))
    )  # fmt: skip
    assert len(await world.followups()) == 2


async def test_a_plan_naming_someone_the_report_told_of_sets_its_plan(
    session: AsyncSession, tmp_path: Path
) -> None:
    """ "钟主管那边先报数量" names a person the report already brought in: the plan of that record, not a
    second contact with the customer."""
    world = await make_world(session, tmp_path)
    person = world.people["lina"]
    await create_lead(world.session, company=COMPANY, company_key="星河物业", source="web",
                      created_at=NOW - timedelta(days=3), owner_id=person.id,
                      team_id=person.team_id)  # fmt: skip
    await world.session.flush()
    report = "今天去星河物业见了骆建国经理，行政的钟主管也在，要换三十把办公椅"
    await log_followup.handle(
        world.ctx("lina", report, company="星河物业", contact_name="骆建国", contact_title="经理",
                  kind="visit", products=("办公椅",))
    )  # fmt: skip
    world.later(minutes=1)
    said = "下周一下午再过去一趟，钟主管那边先报个数量"
    [reply] = await log_followup.handle(
        world.ctx("lina", said, Intent.LOG_FOLLOWUP, contact_name="钟", contact_title="主管",
                  next_followup=when("2026-03-16"))
    )  # fmt: skip
    [visit] = await world.followups()
    assert reply.title == "已更新下次跟进" and visit.next_followup_at is not None
