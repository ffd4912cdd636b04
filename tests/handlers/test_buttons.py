"""Button clicks: contacted stops the first-response clock, snooze skips to the next business day,
reassign goes through the manager; only the owner, their manager or an admin may click."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import buttons
from handlers.context import Context
from handlers.lead_lookup import TAKEN
from nlp import Intent
from storage.leads import create_lead
from storage.models import Lead
from tests.handlers.sales_fixtures import NOW, SHANGHAI, World, make_world


async def lead_of(world: World, who: str | None, company: str = "明德口腔医院", **fields: object) -> Lead:
    person = world.people[who] if who else None
    lead = await create_lead(world.session, company=company, company_key=company, source="web",
                             created_at=NOW, owner_id=person.id if person else None,
                             team_id=person.team_id if person else None, city="杭州")  # fmt: skip
    for name, value in fields.items():
        setattr(lead, name, value)
    await world.session.flush()
    return lead


def click(world: World, who: str, key: str) -> Context:
    return world.ctx(who, key, Intent.OTHER, msg_kind="button")


@pytest.mark.parametrize("key", ["contacted:x", "nope:1", "contacted", "", "snooze:" + "9" * 30])
def test_bad_keys_are_not_parsed(key: str) -> None:
    assert buttons.parse_key(key) is None


def test_next_business_day_keeps_the_time_and_skips_the_weekend() -> None:
    config = Config()
    friday = datetime(2026, 3, 13, 15, 30, tzinfo=SHANGHAI)
    assert buttons.next_business_day(friday, config) == datetime(2026, 3, 16, 15, 30, tzinfo=SHANGHAI)
    tuesday = datetime(2026, 3, 10, 9, 0, tzinfo=SHANGHAI)
    assert buttons.next_business_day(tuesday, config) == datetime(2026, 3, 11, 9, 0, tzinfo=SHANGHAI)


def test_next_business_day_skips_public_holidays_and_keeps_make_up_days() -> None:
    config = Config()
    before_national_day = datetime(2026, 9, 30, 15, 30, tzinfo=SHANGHAI)
    assert buttons.next_business_day(before_national_day, config) == datetime(
        2026, 10, 8, 15, 30, tzinfo=SHANGHAI
    )
    friday = datetime(2026, 10, 9, 15, 30, tzinfo=SHANGHAI)  # Saturday 10 October is a make-up working day
    assert buttons.next_business_day(friday, config) == datetime(2026, 10, 10, 15, 30, tzinfo=SHANGHAI)


async def test_contacted_by_the_owner_stops_the_clock_once(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "wangqiang", assigned_at=NOW - timedelta(minutes=20))
    [reply] = await buttons.handle(click(world, "wangqiang", f"contacted:{lead.id}"))
    assert reply.title == "已记录联系" and reply.to == world.people["wangqiang"].id
    assert lead.first_response_at == NOW == lead.last_contact_at
    world.later(hours=2)
    await buttons.handle(click(world, "zhangwei", f"contacted:{lead.id}"))  # their manager may
    assert lead.first_response_at == NOW and lead.last_contact_at == world.clock.now()


async def test_others_may_not_click(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "wangqiang")
    for who in ("lina", "sunli"):
        [reply] = await buttons.handle(click(world, who, f"contacted:{lead.id}"))
        assert reply.lines == (TAKEN,)
    assert lead.first_response_at is None
    [gone] = await buttons.handle(click(world, "lina", "contacted:99999"))
    assert gone.title == "按钮已失效"


async def test_snooze_moves_one_business_day(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    friday = datetime(2026, 3, 13, 14, 0, tzinfo=SHANGHAI)
    lead = await lead_of(world, "lina", next_followup_at=friday, next_followup_has_time=True)
    [reply] = await buttons.handle(click(world, "lina", f"snooze:{lead.id}"))
    assert lead.next_followup_at == datetime(2026, 3, 16, 14, 0, tzinfo=SHANGHAI)
    assert reply.lines[-1] == "下次跟进：3月16日(周一) 14:00"


async def test_a_rep_s_reassign_goes_to_the_manager_with_a_suggestion(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "wangqiang", product_line="激光", grade="C")
    mine, manager = await buttons.handle(click(world, "wangqiang", f"reassign:{lead.id}"))
    assert mine.to == world.people["wangqiang"].id and "已通知张伟。" in mine.lines
    assert manager.to == world.people["zhangwei"].id and manager.title == "王强请求转交线索"
    assert "建议：赵磊（按城市=杭州、产品线=激光、负载 1/10）" in manager.lines
    assert lead.owner_id == world.people["wangqiang"].id  # nothing moves until the manager says so

    done, card, told = await buttons.handle(click(world, "zhangwei", f"reassign:{lead.id}"))
    zhao = world.people["zhaolei"]
    assert (lead.owner_id, lead.assigned_at) == (zhao.id, NOW)
    assert done.lines == ("客户：明德口腔医院", "新负责人：赵磊")
    assert card.to == zhao.id and card.title == "新线索分配给你"
    assert told.to == world.people["wangqiang"].id and told.title == "线索已转交"


async def test_reassign_with_nobody_left(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", city="成都")
    [reply] = await buttons.handle(click(world, "admin", f"reassign:{lead.id}"))
    assert reply.title == "无法转交" and lead.owner_id == world.people["lina"].id


async def test_a_rep_may_not_ask_to_reassign_a_lead_that_is_not_theirs(
    session: AsyncSession, tmp_path: Path
) -> None:
    # A lead waiting in no team's queue: a rep may take it, but asking to reassign it would show it
    # to their manager, who may not see it (found by tests/handlers/test_rights_properties.py).
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, None)
    replies = await buttons.handle(click(world, "wangqiang", f"reassign:{lead.id}"))
    assert [(r.to, r.title) for r in replies] == [(world.people["wangqiang"].id, "无法转交")]
    assert lead.company not in replies[0].lines[0] and lead.owner_id is None


async def test_a_manager_s_click_on_a_lead_of_another_product_line_is_refused_when_lines_are_isolated(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    org = dataclasses.replace(world.config.org, isolate_product_lines=True)
    world.config = dataclasses.replace(world.config, org=org)
    world.people["zhangwei"].product_lines = ["超声"]
    lead = await lead_of(world, "wangqiang", products=["激光治疗仪"], product_line="激光")
    for action in ("contacted", "snooze", "reassign"):
        [reply] = await buttons.handle(click(world, "zhangwei", f"{action}:{lead.id}"))
        assert (reply.title, reply.lines) == ("无法操作", (TAKEN,))
    assert lead.first_response_at is None and lead.owner_id == world.people["wangqiang"].id
    # the owner's own click is theirs whatever the line
    world.people["wangqiang"].product_lines = ["超声"]
    [mine] = await buttons.handle(click(world, "wangqiang", f"contacted:{lead.id}"))
    assert mine.title == "已记录联系"
