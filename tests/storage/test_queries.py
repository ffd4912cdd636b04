"""The read-only queries: overdue leads, due follow-ups, lookups, the lead card and period statistics,
with rights given as an SQL condition so every test also shows what stays out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import true
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Lead
from storage.queries import (
    compute_stats,
    find_due_followups,
    find_leads_by_company,
    find_leads_by_contact,
    find_leads_by_phone,
    find_overdue_leads,
    funnel_of,
    latest_followups,
    load_lead_card,
    response_limit,
)
from tests.handlers.query_fixtures import (
    NOW,
    SHANGHAI,
    add_contact,
    add_followup,
    add_lead,
    add_stage,
    make_org,
)

LIMITS = {"A": timedelta(minutes=30), "default": timedelta(hours=2)}
H = timedelta(hours=1)
D = timedelta(days=1)


def test_response_limit_falls_back_to_default() -> None:
    assert response_limit(LIMITS, "A") == timedelta(minutes=30)
    assert response_limit(LIMITS, "C") == timedelta(hours=2)
    assert response_limit(LIMITS, None) == timedelta(hours=2)


async def test_overdue_orders_by_lateness_and_skips_what_was_followed_up(session: AsyncSession) -> None:
    org = await make_org(session)
    late = await add_lead(
        session, org.lina, "一天前该跟", next_followup_at=NOW - D, next_followup_has_time=True
    )
    later = await add_lead(
        session, org.lina, "三天前该跟", next_followup_at=NOW - 3 * D, next_followup_has_time=True
    )
    await add_lead(session, org.lina, "还没到", next_followup_at=NOW + H, next_followup_has_time=True)
    await add_lead(
        session,
        org.lina,
        "已经跟过",
        next_followup_at=NOW - D,
        next_followup_has_time=True,
        last_contact_at=NOW - H,
    )
    await add_lead(
        session, org.lina, "已输单", stage="输单", next_followup_at=NOW - D, next_followup_has_time=True
    )
    await add_lead(session, org.wang, "别人的", next_followup_at=NOW - 5 * D, next_followup_has_time=True)
    await add_followup(session, later, org.lina, "客户说下周再联系", NOW - 4 * D)

    found = await find_overdue_leads(session, Lead.owner_id == org.lina.id, NOW, LIMITS, SHANGHAI)

    assert [o.lead.company for o in found] == ["三天前该跟", "一天前该跟"]
    assert found[0].overdue == 3 * D and found[0].rule == "followup_due"
    assert found[0].last_note is not None and found[0].last_note.text == "客户说下周再联系"
    assert found[1].lead.id == late.id and found[1].last_note is None


async def test_overdue_first_response_by_grade(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "A级没回", grade="A", assigned_at=NOW - timedelta(minutes=45))
    await add_lead(session, org.lina, "C级还在时限内", grade="C", assigned_at=NOW - timedelta(minutes=45))
    await add_lead(session, org.lina, "已回复", grade="A", assigned_at=NOW - 2 * H, first_response_at=NOW - H)

    found = await find_overdue_leads(session, true(), NOW, LIMITS, SHANGHAI)

    assert [(o.lead.company, o.rule, o.overdue) for o in found] == [
        ("A级没回", "first_response", timedelta(minutes=15))
    ]


async def test_a_date_only_followup_is_late_only_after_its_day(session: AsyncSession) -> None:
    org = await make_org(session)
    # 9:00 local today with no time said: still due today, not late at 10:00.
    await add_lead(session, org.lina, "今天", next_followup_at=NOW - H, next_followup_has_time=False)
    await add_lead(session, org.lina, "昨天", next_followup_at=NOW - D - H, next_followup_has_time=False)

    found = await find_overdue_leads(session, true(), NOW, LIMITS, SHANGHAI)

    assert [o.lead.company for o in found] == ["昨天"]
    assert found[0].overdue == 10 * H  # since local midnight


async def test_due_followups_in_window_with_contact_and_last_note(session: AsyncSession) -> None:
    org = await make_org(session)
    first = await add_lead(
        session, org.lina, "仁济医院", next_followup_at=NOW + H, next_followup_has_time=True
    )
    second = await add_lead(
        session, org.lina, "华山医院", next_followup_at=NOW - H, next_followup_has_time=True
    )
    await add_lead(session, org.lina, "明天的", next_followup_at=NOW + D, next_followup_has_time=True)
    await add_lead(session, org.wang, "别人的", next_followup_at=NOW + H, next_followup_has_time=True)
    await add_contact(session, first, "王", "主任")
    await add_contact(session, first, "刘晓明", "采购经理", "13812345678")
    await add_followup(session, first, org.lina, "旧的", NOW - 3 * D)
    await add_followup(session, first, org.lina, "新的", NOW - 2 * D)

    found = await find_due_followups(session, Lead.owner_id == org.lina.id, NOW - 2 * H, NOW + 2 * H)

    assert [d.lead.id for d in found] == [second.id, first.id]
    assert found[1].contact is not None and found[1].contact.name == "刘晓明"  # the one with a phone
    assert found[1].last_note is not None and found[1].last_note.text == "新的"
    assert found[0].contact is None and found[0].owner_name == "李娜"


async def test_latest_followups_picks_newest_per_lead(session: AsyncSession) -> None:
    org = await make_org(session)
    a = await add_lead(session, org.lina, "甲")
    b = await add_lead(session, org.lina, "乙")
    await add_followup(session, a, org.lina, "a1", NOW - 2 * D)
    await add_followup(session, a, org.lina, "a2", NOW - D)
    await add_followup(session, b, org.lina, "b1", NOW - 3 * D)
    notes = await latest_followups(session, [a.id, b.id])
    assert {k: v.text for k, v in notes.items()} == {a.id: "a2", b.id: "b1"}


async def test_company_lookup_exact_then_key_then_partial(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "苏州仁济医院", company_key="仁济医院")
    await add_lead(session, org.wang, "仁济医院东院", company_key="仁济医院东院")
    await add_lead(session, org.chen, "华顺贸易有限公司", company_key="华顺贸易")

    exact = await find_leads_by_company(session, "苏州仁济医院")
    assert [r.lead.company for r in exact] == ["苏州仁济医院"] and exact[0].owner_team_id == org.east.id
    by_key = await find_leads_by_company(session, "仁济医院有限公司", key="仁济医院")
    assert [r.lead.company for r in by_key] == ["苏州仁济医院"]
    partial = await find_leads_by_company(session, "仁济")
    assert sorted(r.lead.company for r in partial) == ["仁济医院东院", "苏州仁济医院"]
    longer = await find_leads_by_company(session, "杭州华顺贸易有限公司")  # the stored name is inside it
    assert [r.owner_name for r in longer] == ["陈杰"]
    assert await find_leads_by_company(session, "100%") == []  # LIKE wildcards are escaped


async def test_phone_and_contact_lookups(session: AsyncSession) -> None:
    org = await make_org(session)
    mine = await add_lead(session, org.lina, "仁济医院")
    theirs = await add_lead(session, org.wang, "华山医院")
    await add_contact(session, mine, "张", "院长", "13912345678")
    await add_contact(session, theirs, "张", "院长", "13900000000")

    assert [r.lead.id for r in await find_leads_by_phone(session, "13912345678")] == [mine.id]
    found = await find_leads_by_contact(session, Lead.owner_id == org.lina.id, "张")
    assert [r.lead.id for r in found] == [mine.id]


async def test_lead_card(session: AsyncSession) -> None:
    org = await make_org(session)
    lead = await add_lead(session, org.lina, "仁济医院")
    await add_contact(session, lead, "王", "主任", "13812345678")
    for day in range(7):
        await add_followup(session, lead, org.lina, f"第{day}次", NOW - timedelta(days=10 - day))
    (ref,) = await find_leads_by_company(session, "仁济医院")
    card = await load_lead_card(session, ref)
    assert card.team_name == "华东一组" and card.owner_name == "李娜"
    assert [c.name for c in card.contacts] == ["王"]
    assert [f.text for f in card.recent] == ["第6次", "第5次", "第4次", "第3次", "第2次"]
    assert card.followup_count == 7


def test_funnel_counts_every_step_up_to_the_furthest() -> None:
    steps = funnel_of([["线索"], ["初筛", "线索"], ["报价", "线索", "初筛"], ["输单", "线索", "需求确认"]])
    reached = {s.stage: s.reached for s in steps}
    assert reached["线索"] == 4 and reached["初筛"] == 3 and reached["需求确认"] == 2
    assert reached["方案演示"] == 1 and reached["报价"] == 1 and reached["签约"] == 0
    assert steps[0].conversion is None and steps[1].conversion == pytest.approx(0.75)
    assert steps[-1].conversion is None  # nothing reached 签约, so 交付 has no base


async def test_period_stats(session: AsyncSession) -> None:
    org = await make_org(session)
    start, end = NOW - 2 * D, NOW + D
    web = await add_lead(
        session,
        org.lina,
        "官网来的",
        source="web",
        city="苏州",
        grade="A",
        created_at=NOW - D,
        assigned_at=NOW - D,
        first_response_at=NOW - D + timedelta(minutes=20),
    )
    slow = await add_lead(
        session,
        org.wang,
        "慢回复",
        source="web",
        city="无锡",
        created_at=NOW - D,
        assigned_at=NOW - D,
        first_response_at=NOW - D + 3 * H,
    )
    await add_lead(session, org.wang, "没回复", source="wecom", created_at=NOW - D, assigned_at=NOW - D)
    await add_lead(
        session, org.wang, "刚分配", source="wecom", created_at=NOW, assigned_at=NOW - timedelta(minutes=5)
    )
    old = await add_lead(session, org.lina, "老客户", created_at=NOW - 40 * D)
    await add_lead(session, org.chen, "别组的", source="web", created_at=NOW - D)
    await add_followup(session, web, org.lina, "电话", NOW - D + timedelta(minutes=20))
    await add_followup(session, old, org.lina, "回访", NOW - H)
    await add_followup(session, old, org.lina, "再回访", NOW - H / 2)
    await add_followup(session, slow, org.wang, "拜访", NOW - 3 * D)  # before the period
    await add_stage(session, web, org.lina, "线索", "初筛", NOW - H)
    await add_stage(session, old, org.lina, "谈判", "签约", NOW - H)

    east = Lead.team_id == org.east.id
    stats = await compute_stats(session, east, start, end, NOW, LIMITS, rank=True)

    assert stats.new_leads == 4
    assert stats.by_source == (("web", 2), ("wecom", 2))
    assert dict(stats.by_city) == {"苏州": 1, "无锡": 1, "未知": 2}
    assert (stats.followups, stats.leads_followed) == (3, 2)
    assert stats.median_first_response == (timedelta(minutes=20) + 3 * H) / 2
    assert (stats.sla_met, stats.sla_base) == (1, 3)  # 刚分配 is still inside its limit
    assert (stats.effective, stats.effective_base) == (2, 4)
    assert (stats.won, stats.lost) == (1, 0)
    assert [s.reached for s in stats.funnel][:3] == [4, 1, 0]
    assert [(r.name, r.followups, r.new_leads, r.won) for r in stats.ranking] == [
        ("李娜", 3, 1, 1),
        ("王芳", 0, 3, 0),
    ]

    only_lina = await compute_stats(
        session, east, start, end, NOW, LIMITS, keep=lambda lead: lead.owner_id == org.lina.id
    )
    assert only_lina.new_leads == 1 and only_lina.followups == 3 and only_lina.ranking == ()
