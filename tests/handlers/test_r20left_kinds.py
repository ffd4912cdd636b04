"""Kinds of failure seen on the held-out conversations eighty-eight and ninety (study_r20left), with
made-up messages of other trades: a budget said alone after a whole report joins that report; a
correction whose new words name another customer of the book moves the report there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import log_followup
from nlp import Intent
from storage.leads import add_contact, create_lead
from storage.models import Lead
from tests.handlers.sales_fixtures import NOW, World, make_world, when

FURNITURE = "苏州恒泰家具有限公司"
CATERING = "苏州宏远餐饮管理有限公司"


async def _book(world: World, company: str, key: str, name: str, title: str) -> Lead:
    person = world.people["lina"]
    lead = await create_lead(world.session, company=company, company_key=key, source="web", city="苏州",
                             created_at=NOW - timedelta(days=3), owner_id=person.id,
                             team_id=person.team_id)  # fmt: skip
    await add_contact(world.session, lead.id, now=NOW - timedelta(days=3), name=name, title=title)
    return lead


async def _whole_report(world: World) -> None:
    whole = "今天去恒泰家具见了晏经理，要换三十把办公椅，下周三再去"
    await log_followup.handle(
        world.ctx("lina", whole, company="恒泰家具", contact_name="晏", contact_title="经理", kind="visit",
                  next_followup=when("2026-03-18"))
    )  # fmt: skip


# ---- a budget said alone after a whole report is that report's, no second follow-up ----


async def test_a_budget_said_alone_after_a_whole_report_joins_that_report(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await _book(world, FURNITURE, "恒泰家具", "晏志华", "行政经理")
    await _whole_report(world)
    world.later(minutes=1)
    [reply] = await log_followup.handle(world.ctx("lina", "预算大概十二到十五万", Intent.OTHER,
                                                  budget=(120_000, 150_000)))  # fmt: skip
    assert (reply.title, *reply.lines) == ("已补充跟进", f"客户：{FURNITURE}", "预算：未定 → 12-15万")
    [visit] = await world.followups()
    assert visit.kind == "visit" and visit.extracted["budget"] == [120_000, 150_000]
    assert visit.text.splitlines()[-1] == "预算大概十二到十五万"
    assert (lead.budget_min, lead.budget_max) == (120_000, 150_000)
    # an amount added to it later still adds, on the same record
    world.later(minutes=1)
    more = "他说还能再加3万"
    await log_followup.handle(world.ctx("lina", more, Intent.OTHER, budget=(30_000, 30_000),
                                        spans={"budget": (more.index("3"), len(more))}))  # fmt: skip
    assert len(await world.followups()) == 1
    assert (lead.budget_min, lead.budget_max) == (150_000, 180_000)


async def test_a_budget_told_with_a_contact_of_its_own_is_still_one_more_follow_up(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await _book(world, FURNITURE, "恒泰家具", "晏志华", "行政经理")
    await _whole_report(world)
    world.later(minutes=1)
    await log_followup.handle(world.ctx("lina", "刚又打了个电话 预算定在十五万", Intent.LOG_FOLLOWUP,
                                        kind="call", budget=(150_000, 150_000)))  # fmt: skip
    assert [f.kind for f in await world.followups()] == ["visit", "call"]


# ---- a correction naming another customer of the book as its new value moves the report ----


async def _call_on_furniture(world: World) -> None:
    said = "恒泰家具晏经理电话里说食堂要配四十套餐桌椅 预算6万"
    await log_followup.handle(
        world.ctx("lina", said, company="恒泰家具", contact_name="晏", contact_title="经理", kind="call",
                  budget=(60_000, 60_000))
    )  # fmt: skip
    world.later(minutes=2)


async def test_a_correction_naming_another_customer_moves_the_report_and_what_it_set(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    furniture = await _book(world, FURNITURE, "恒泰家具", "晏志华", "行政经理")
    catering = await _book(world, CATERING, "宏远餐饮管理", "柯建平", "总经理")
    await _call_on_furniture(world)
    fixed = "搞错了，是宏远那边柯总说的，恒泰今天没联系"
    fix = world.ctx("lina", fixed, contact_name="柯", contact_title="总")
    assert await log_followup.continues_last(fix)
    [reply] = await log_followup.handle(fix)
    assert reply.title == "已更正" and reply.lines[0] == f"客户：{FURNITURE} → {CATERING}"
    [call] = await world.followups()
    assert (call.lead_id, call.kind) == (catering.id, "call")
    assert (catering.budget_min, catering.budget_max) == (60_000, 60_000)
    assert furniture.next_followup_at is None


async def test_a_correction_naming_the_record_s_own_customer_keeps_it_there(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    furniture = await _book(world, FURNITURE, "恒泰家具", "晏志华", "行政经理")
    await _book(world, CATERING, "宏远餐饮管理", "柯建平", "总经理")
    await _call_on_furniture(world)
    fix = world.ctx("lina", "不对，是恒泰的柯主管说的", contact_name="柯", contact_title="主管")
    [reply] = await log_followup.handle(fix)
    assert reply.title == "已更正" and reply.lines[0] == f"客户：{FURNITURE}"
    [call] = await world.followups()
    assert call.lead_id == furniture.id


async def test_a_budget_said_as_an_afterthought_is_one_more_follow_up(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await _book(world, FURNITURE, "恒泰家具", "晏志华", "行政经理")
    await _whole_report(world)
    world.later(minutes=1)
    said = "对了她说今年办公家具还有十万预算"
    await log_followup.handle(world.ctx("lina", said, Intent.OTHER, budget=(100_000, 100_000)))
    assert len(await world.followups()) == 2


async def test_a_field_of_another_customer_corrected_does_not_move_the_report(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    furniture = await _book(world, FURNITURE, "恒泰家具", "晏志华", "行政经理")
    await _book(world, CATERING, "宏远餐饮管理", "柯建平", "总经理")
    await _call_on_furniture(world)
    await log_followup.handle(world.ctx("lina", "不对，宏远的预算是八万", budget=(80_000, 80_000)))
    [call] = await world.followups()
    assert call.lead_id == furniture.id
