"""handlers.continuation: a report typed in fragments is one follow-up; an afterthought, a contact of its
own or news after a whole report is one more."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import log_followup
from nlp import Intent
from storage.leads import create_lead
from storage.models import Lead
from tests.handlers.sales_fixtures import NOW, World, make_world, when

COMPANY = "杭州星河物业服务有限公司"


async def _book(world: World) -> Lead:
    person = world.people["lina"]
    lead = await create_lead(world.session, company=COMPANY, company_key="星河物业", source="web",
                             created_at=NOW - timedelta(days=3), owner_id=person.id,
                             team_id=person.team_id)  # fmt: skip
    await world.session.flush()
    return lead


async def _say(world: World, text: str, intent: Intent = Intent.OTHER, **slots: object) -> tuple[str, ...]:
    world.later(minutes=1)
    [reply] = await log_followup.handle(world.ctx("lina", text, intent, **slots))
    assert reply.buttons[0].label == "改一下"
    return (reply.title, *reply.lines)


async def test_a_visit_typed_in_fragments_is_one_follow_up_with_every_fact(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await _book(world)
    await log_followup.handle(world.ctx("lina", "下午去了趟星河物业", company="星河物业", kind="visit"))
    met = await _say(world, "见了骆经理", kind="visit", contact_name="骆", contact_title="经理")
    assert met[:2] == ("已补充跟进", f"客户：{COMPANY}")
    chairs = await _say(world, "他们要换三十把办公椅", products=("办公椅",))
    assert chairs[:3] == ("已补充跟进", f"客户：{COMPANY}", "产品：+办公椅")
    cap = await _say(world, "总价压在六万以内", budget=(None, 60_000))
    assert cap[:2] == ("已补充跟进", f"客户：{COMPANY}") and cap[2].startswith("预算：未定 → ")
    [record] = await world.followups()
    assert (record.lead_id, record.kind, record.extracted["products"]) == (lead.id, "visit", ["办公椅"])
    assert record.contact_id is not None and record.extracted["budget"] == [None, 60_000]
    said = ["下午去了趟星河物业", "见了骆经理", "他们要换三十把办公椅", "总价压在六万以内"]
    assert record.text.splitlines() == said
    assert (lead.products, lead.budget_max) == (["办公椅"], 60_000)


@pytest.mark.parametrize(
    "afterthought",
    [
        "对了他们还想加两张会议桌",
        "另外会议室也要配两张桌子",
        "哦还有，会议桌也要两张",
        "oh and they want two desks too",
    ],
)
async def test_an_afterthought_after_a_report_in_parts_is_one_more_follow_up(
    session: AsyncSession, tmp_path: Path, afterthought: str
) -> None:
    world = await make_world(session, tmp_path)
    await _book(world)
    await log_followup.handle(
        world.ctx("lina", "给星河物业骆经理打了个电话", company="星河物业", contact_name="骆",
                  contact_title="经理", kind="call")
    )  # fmt: skip
    await _say(world, afterthought, products=("会议桌",))
    call, more = await world.followups()
    assert (more.kind, more.contact_id, more.extracted["products"]) == ("call", call.contact_id, ["会议桌"])


async def test_a_fragment_after_a_pause_is_one_more_follow_up(session: AsyncSession, tmp_path: Path) -> None:
    # Inside the context window (15 minutes here) but long after the report: news of its own.
    world = await make_world(session, tmp_path, '\n[conversation]\ncontext_window = "15m"\n')
    await _book(world)
    await log_followup.handle(world.ctx("lina", "下午去了趟星河物业", company="星河物业", kind="visit"))
    world.later(minutes=7)
    await _say(world, "他们要换三十把办公椅", products=("办公椅",))
    assert len(await world.followups()) == 2


async def test_news_after_a_whole_report_is_one_more_follow_up(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await _book(world)
    whole = "今天去星河物业见了骆经理，要换三十把办公椅，预算六万，下周三再去"
    await log_followup.handle(
        world.ctx("lina", whole, company="星河物业", contact_name="骆", contact_title="经理", kind="visit",
                  products=("办公椅",), budget=(60_000, 60_000), next_followup=when("2026-03-18"))
    )  # fmt: skip
    await _say(world, "他们还要两张会议桌", products=("会议桌",))
    visit, more = await world.followups()
    assert (visit.extracted["products"], more.extracted["products"]) == (["办公椅"], ["会议桌"])


async def test_another_contact_after_a_call_in_parts_is_its_own_follow_up(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await _book(world)
    await log_followup.handle(world.ctx("lina", "给星河物业打了个电话", company="星河物业", kind="call"))
    # A call is told with whom it was: a person said with a kind after it is another contact.
    again = "刚又跟他们骆经理通了电话 要办公椅"
    await _say(world, again, kind="call", contact_name="骆", contact_title="经理", products=("办公椅",))
    # A visit said after the call is another contact too, whoever it names.
    await _say(world, "下午又过去见了采购的苗主管", kind="visit", contact_name="苗", contact_title="主管")
    assert [f.kind for f in await world.followups()] == ["call", "call", "visit"]
