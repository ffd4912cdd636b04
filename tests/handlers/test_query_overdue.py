"""query_overdue through the handler: own leads for a rep, the team for a manager, a refusal for a rep
asking about the team, most overdue first, cut to ten."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import query_overdue
from tests.handlers.query_fixtures import NOW, Lines, add_followup, add_lead, make_ctx, make_org

D, H = timedelta(days=1), timedelta(hours=1)


async def test_rep_sees_only_own_overdue_leads(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    lead = await add_lead(
        session, org.lina, "仁济医院", next_followup_at=NOW - 2 * D - 3 * H, next_followup_has_time=True
    )
    await add_followup(session, lead, org.lina, "王主任说等预算批下来再谈", NOW - 5 * D)
    await add_lead(session, org.wang, "王芳的客户", next_followup_at=NOW - 9 * D, next_followup_has_time=True)

    (reply,) = await query_overdue.handle(make_ctx(session, org.lina, config, "query_overdue", scope="me"))

    assert reply.to == org.lina.id
    assert reply.title == "我的超时线索 1 条"
    text = "\n".join(reply.lines)
    assert "仁济医院" in text and "超时 2天3小时" in text and "王主任说等预算" in text
    assert "王芳的客户" not in text and "李娜" not in text  # no owner column for one's own list


async def test_rep_asking_for_the_team_is_refused(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    await add_lead(session, org.wang, "王芳的客户", next_followup_at=NOW - D, next_followup_has_time=True)
    (reply,) = await query_overdue.handle(make_ctx(session, org.lina, config, "query_overdue", scope="team"))
    assert reply.title == "无权查看"
    assert "王芳的客户" not in "".join(reply.lines) and "主管" in "".join(reply.lines)


async def test_manager_team_query_shows_owners_most_overdue_first(
    session: AsyncSession, config: Config
) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "晚一天", next_followup_at=NOW - D, next_followup_has_time=True)
    await add_lead(session, org.wang, "晚三天", next_followup_at=NOW - 3 * D, next_followup_has_time=True)
    await add_lead(session, org.wang, "没首次联系", grade="A", assigned_at=NOW - 2 * H)
    await add_lead(session, org.chen, "华南的", next_followup_at=NOW - 4 * D, next_followup_has_time=True)

    (reply,) = await query_overdue.handle(
        make_ctx(session, org.manager, config, "query_overdue", scope="team")
    )

    assert reply.title == "团队超时线索 3 条"
    assert [line.split(" ")[0] for line in reply.lines] == ["1.", "2.", "3."]
    assert "晚三天（王芳）" in reply.lines[0]
    assert "晚一天（李娜）" in reply.lines[1]
    assert "没首次联系（王芳） 超时 1小时30分" in reply.lines[2] and "首次联系" in reply.lines[2]
    assert all("华南的" not in line for line in reply.lines)


async def test_nothing_overdue_and_long_lists_are_cut(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    (empty,) = await query_overdue.handle(make_ctx(session, org.lina, config, "query_overdue"))
    assert empty.title == "没有超时的线索"
    for i in range(13):
        await add_lead(
            session, org.lina, f"客户{i}", next_followup_at=NOW - (i + 1) * H, next_followup_has_time=True
        )
    (reply,) = await query_overdue.handle(make_ctx(session, org.lina, config, "query_overdue"))
    assert reply.title == "我的超时线索 13 条"
    assert len(reply.lines) == 11 and reply.lines[-1] == "还有 3 条"
    assert reply.lines[0].startswith("1. 客户12 ")


async def test_product_line_isolation_narrows_a_managers_team_view(
    session: AsyncSession, config: Config
) -> None:
    org = await make_org(session)  # 张伟 sells 影像
    await add_lead(
        session,
        org.wang,
        "要CT的",
        products=["64排CT"],
        next_followup_at=NOW - D,
        next_followup_has_time=True,
    )
    await add_lead(
        session,
        org.wang,
        "要药的",
        products=["阿莫西林"],
        next_followup_at=NOW - D,
        next_followup_has_time=True,
    )
    catalog = Lines({"64排CT": "影像", "阿莫西林": "药品"})
    isolated = dataclasses.replace(config, org=dataclasses.replace(config.org, isolate_product_lines=True))

    (open_view,) = await query_overdue.handle(
        make_ctx(session, org.manager, config, "query_overdue", catalog=catalog)
    )
    (narrow,) = await query_overdue.handle(
        make_ctx(session, org.manager, isolated, "query_overdue", catalog=catalog)
    )

    assert open_view.title == "团队超时线索 2 条"
    assert narrow.title == "团队超时线索 1 条" and "要CT的" in narrow.lines[0]
