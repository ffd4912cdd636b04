"""The dashboard's aggregates on a seeded world, each seen by a rep, their manager and an admin through
the same rights condition the chat uses, so every test also shows what stays out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rights import line_filter, visible_leads
from storage.dashboard import active_people, count_by_stage, find_recent_leads, rep_activity, sla_by_week
from storage.models import Alert, Lead, Person
from tests.handlers.query_fixtures import (
    NOW,
    SHANGHAI,
    Lines,
    Org,
    add_contact,
    add_followup,
    add_lead,
    make_org,
)

H = timedelta(hours=1)
D = timedelta(days=1)
MONDAY = date(2026, 3, 9)  # the week of NOW


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


async def add_alert(
    session: AsyncSession, lead: Lead, rule: str, breached_at: datetime, level: int = 0
) -> None:
    session.add(
        Alert(
            lead_id=lead.id,
            rule=rule,
            breach_key=f"{rule}-{breached_at.isoformat()}",
            level=level,
            person_id=lead.owner_id,
            breached_at=breached_at,
            sent_at=breached_at,
        )
    )
    await session.flush()


async def test_stage_counts_keep_every_stage_and_follow_rights(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "线索一")
    await add_lead(session, org.lina, "报价一", stage="报价")
    await add_lead(session, org.wang, "报价二", stage="报价")
    await add_lead(session, None, "排队中", team_id=org.east.id)
    await add_lead(session, org.chen, "别组签约", stage="签约")

    async def counts(viewer: Person) -> dict[str, int]:
        return dict(await count_by_stage(session, visible_leads(viewer)))

    mine = await count_by_stage(session, visible_leads(org.lina))
    assert [stage for stage, _ in mine][:3] == ["线索", "初筛", "需求确认"] and len(mine) == 9
    assert dict(mine) == {**dict.fromkeys(dict(mine), 0), "线索": 1, "报价": 1}
    team = await counts(org.manager)
    assert (team["线索"], team["报价"], team["签约"]) == (2, 2, 0)
    everything = await counts(org.admin)
    assert (everything["线索"], everything["报价"], everything["签约"]) == (2, 2, 1)


async def test_stage_counts_apply_product_line_isolation(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.wang, "药品客户", products=["注射液"], stage="报价")
    await add_lead(session, org.lina, "影像客户", products=["CT"], stage="报价")
    await add_lead(session, org.wang, "没说产品")
    keep = line_filter(org.manager, True, Lines({"注射液": "药品", "CT": "影像"}))

    counts = dict(await count_by_stage(session, visible_leads(org.manager), keep))

    assert (counts["报价"], counts["线索"]) == (1, 1)  # the 药品 lead is another line's


async def test_recent_leads_newest_activity_first_with_contact(session: AsyncSession) -> None:
    org = await make_org(session)
    old = await add_lead(session, org.lina, "老客户", created_at=NOW - 30 * D, last_contact_at=NOW - 2 * H)
    await add_contact(session, old, "王主任", "主任", "13912345678")
    await add_lead(session, org.lina, "新来的", created_at=NOW - 5 * H)
    await add_lead(session, org.wang, "同组的", created_at=NOW - H)
    await add_lead(session, org.chen, "别组的", created_at=NOW)

    mine = await find_recent_leads(session, visible_leads(org.lina))
    assert [r.lead.company for r in mine] == ["老客户", "新来的"]
    assert mine[0].active_at == NOW - 2 * H and mine[1].active_at == NOW - 5 * H
    assert mine[0].contact is not None and mine[0].contact.name == "王主任" and mine[1].contact is None
    team = await find_recent_leads(session, visible_leads(org.manager), limit=2)
    assert [(r.lead.company, r.owner_name) for r in team] == [("同组的", "王芳"), ("老客户", "李娜")]
    everything = await find_recent_leads(session, visible_leads(org.admin))
    assert [r.lead.company for r in everything] == ["别组的", "同组的", "老客户", "新来的"]


async def test_recent_leads_cut_after_the_product_line_check(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "影像一", products=["CT"], created_at=NOW - 3 * H)
    for i in range(3):
        await add_lead(session, org.wang, f"药品{i}", products=["注射液"], created_at=NOW - i * H)
    keep = line_filter(org.manager, True, Lines({"注射液": "药品", "CT": "影像"}))

    found = await find_recent_leads(session, visible_leads(org.manager), keep, limit=1)

    assert [r.lead.company for r in found] == ["影像一"]


async def seed_sla(session: AsyncSession, org: Org) -> None:
    last_week = MONDAY - timedelta(weeks=1)
    # last week: three of 李娜's assigned, one breached; one of them breached before a reassignment only
    late = await add_lead(session, org.lina, "超时", assigned_at=local(last_week, 10))
    await add_alert(session, late, "first_response", local(last_week, 10, 30))
    await add_alert(session, late, "first_response", local(last_week, 11, 30), level=1)
    await add_lead(session, org.lina, "按时", assigned_at=local(last_week, 14))
    moved = await add_lead(session, org.lina, "改派后按时", assigned_at=local(last_week + 2 * D, 9))
    await add_alert(session, moved, "first_response", local(last_week + D, 18))  # the earlier owner's
    # this week: 王芳 (same team) one breached of one; a planned follow-up went late twice at two levels
    wang = await add_lead(session, org.wang, "王芳超时", assigned_at=local(MONDAY, 9))
    await add_alert(session, wang, "first_response", local(MONDAY, 11))
    await add_alert(session, wang, "followup_due", local(MONDAY + D, 0))
    await add_alert(session, wang, "followup_due", local(MONDAY + D, 2), level=1)
    # the local week starts at midnight in Shanghai: Sunday 23:30 is last week, Monday 00:10 this one
    await add_lead(session, org.lina, "周日深夜", assigned_at=local(MONDAY - D, 23, 30))
    await add_lead(session, org.lina, "周一凌晨", assigned_at=local(MONDAY, 0, 10))
    # another team's, and one too old for the window
    chen = await add_lead(session, org.chen, "别组", assigned_at=local(MONDAY, 9))
    await add_alert(session, chen, "first_response", local(MONDAY, 10))
    await add_lead(session, org.lina, "太早", assigned_at=local(MONDAY - timedelta(weeks=3), 9))


async def test_sla_weeks_read_first_response_breaches_from_alerts(session: AsyncSession) -> None:
    org = await make_org(session)
    await seed_sla(session, org)

    weeks = await sla_by_week(session, visible_leads(org.manager), MONDAY, 3, SHANGHAI)

    assert [w.monday for w in weeks] == [MONDAY - timedelta(weeks=2), MONDAY - timedelta(weeks=1), MONDAY]
    assert [(w.assigned, w.breached, w.followup_breaches) for w in weeks] == [(0, 0, 0), (4, 1, 0), (2, 1, 1)]
    assert weeks[0].met_share is None and weeks[1].met_share == 0.75 and weeks[2].met_share == 0.5


async def test_sla_weeks_follow_rights(session: AsyncSession) -> None:
    org = await make_org(session)
    await seed_sla(session, org)

    mine = await sla_by_week(session, visible_leads(org.lina), MONDAY, 2, SHANGHAI)
    everything = await sla_by_week(session, visible_leads(org.admin), MONDAY, 2, SHANGHAI)

    assert [(w.assigned, w.breached, w.followup_breaches) for w in mine] == [(4, 1, 0), (1, 0, 0)]
    assert [(w.assigned, w.breached, w.followup_breaches) for w in everything] == [(4, 1, 0), (3, 2, 1)]


async def test_rep_activity_per_local_day_with_silent_members(session: AsyncSession) -> None:
    org = await make_org(session)
    mine = await add_lead(session, org.lina, "李娜的")
    theirs = await add_lead(session, org.wang, "王芳的")
    other = await add_lead(session, org.chen, "别组的")
    await add_followup(session, mine, org.lina, "周一上午", local(MONDAY, 9))
    await add_followup(session, mine, org.lina, "周一深夜", local(MONDAY, 23, 50))
    await add_followup(session, mine, org.lina, "周二凌晨", local(MONDAY + D, 0, 5))
    await add_followup(session, theirs, org.lina, "帮同事跟", local(MONDAY + D, 15))
    await add_followup(session, mine, org.lina, "上周日", local(MONDAY - D, 22))
    await add_followup(session, mine, None, "客户留言", local(MONDAY, 10), kind="inquiry")
    await add_followup(session, other, org.chen, "别组", local(MONDAY, 10))
    members = await active_people(session, org.east.id)

    team = await rep_activity(
        session, visible_leads(org.manager), MONDAY, MONDAY + 6 * D, SHANGHAI, members=members
    )
    assert [(r.name, r.per_day, r.total) for r in team] == [
        ("李娜", (2, 2, 0, 0, 0, 0, 0), 4),
        ("张伟", (0,) * 7, 0),
        ("王芳", (0,) * 7, 0),
    ]
    alone = await rep_activity(session, visible_leads(org.lina), MONDAY, MONDAY + D, SHANGHAI)
    assert [(r.name, r.per_day) for r in alone] == [("李娜", (2, 1))]
    everything = await rep_activity(session, visible_leads(org.admin), MONDAY, MONDAY, SHANGHAI)
    assert [(r.name, r.per_day) for r in everything] == [("李娜", (2,)), ("陈杰", (1,))]


async def test_active_people_of_a_team_or_all(session: AsyncSession) -> None:
    org = await make_org(session)
    org.wang.active = False
    await session.flush()

    assert [p.name for p in await active_people(session, org.east.id)] == ["张伟", "李娜"]
    assert {p.name for p in await active_people(session)} == {"张伟", "李娜", "陈杰", "刘洋"}
