"""Rights: a rep sees their own leads, a manager their team's, an admin everything; a rep's team query
is refused; product-line isolation narrows what reps and managers see."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import PermissionDenied
from handlers import rights
from storage.models import Lead
from tests.handlers.query_fixtures import Lines, add_lead, make_org


async def _visible(session: AsyncSession, condition: object) -> set[str]:
    return set(await session.scalars(select(Lead.company).where(condition)))  # type: ignore[arg-type]


async def test_who_sees_which_leads(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "李娜的")
    await add_lead(session, org.wang, "王芳的")
    await add_lead(session, org.chen, "华南的")
    # Owned by a team member but filed under no team: the manager still sees it through the owner.
    await add_lead(session, org.wang, "没记组的", team_id=None)
    await add_lead(session, None, "华东待分配", team_id=org.east.id)

    assert await _visible(session, rights.visible_leads(org.lina)) == {"李娜的"}
    assert await _visible(session, rights.visible_leads(org.manager)) == {
        "李娜的",
        "王芳的",
        "没记组的",
        "华东待分配",
    }
    assert await _visible(session, rights.visible_leads(org.south_manager)) == {"华南的"}
    assert len(await _visible(session, rights.visible_leads(org.admin))) == 5


async def test_scopes(session: AsyncSession) -> None:
    org = await make_org(session)
    await add_lead(session, org.manager, "主管自己的")
    await add_lead(session, org.lina, "李娜的")

    with pytest.raises(PermissionDenied) as denied:
        rights.scope_leads(org.lina, "team")
    assert "团队" in str(denied.value)
    assert await _visible(session, rights.scope_leads(org.lina, None)) == {"李娜的"}
    assert await _visible(session, rights.scope_leads(org.manager, "me")) == {"主管自己的"}
    assert await _visible(session, rights.scope_leads(org.manager, None)) == {"主管自己的", "李娜的"}
    assert rights.scope_label(org.manager, "team") == "团队" and rights.scope_label(org.admin, None) == "全部"


async def test_check_can_see_matches_the_sql(session: AsyncSession) -> None:
    org = await make_org(session)
    theirs = await add_lead(session, org.wang, "王芳的", team_id=None)
    rights.check_can_see(org.wang, theirs)
    rights.check_can_see(org.admin, theirs)
    rights.check_can_see(org.manager, theirs, owner_team_id=org.east.id)
    with pytest.raises(PermissionDenied):
        rights.check_can_see(org.lina, theirs, owner_team_id=org.east.id)
    with pytest.raises(PermissionDenied):
        rights.check_can_see(org.south_manager, theirs, owner_team_id=org.east.id)
    with pytest.raises(PermissionDenied):
        rights.check_can_see(org.manager, theirs)  # nothing ties it to the team


async def test_product_line_isolation(session: AsyncSession) -> None:
    org = await make_org(session)
    catalog = Lines({"64排CT": "影像", "阿莫西林": "药品"})
    ct = await add_lead(session, org.wang, "要CT的", products=["64排CT"])
    drug = await add_lead(session, org.wang, "要药的", products=["阿莫西林"])
    unknown = await add_lead(session, org.wang, "没说产品的")

    keep = rights.line_filter(org.manager, True, catalog)  # 张伟 sells 影像
    assert (keep(ct), keep(drug), keep(unknown)) == (True, False, True)
    assert rights.line_filter(org.manager, False, catalog)(drug)  # isolation off
    assert rights.line_filter(org.admin, True, catalog)(drug)
    with pytest.raises(PermissionDenied):
        rights.check_can_see(org.manager, drug, owner_team_id=org.east.id, keep=keep)
