"""query_lead: the book asked naming no member and not the asker's own ("宁波那边在报价阶段的单子有哪些"):
a manager's question is the team's (what they oversee, their own customers among them), cut to the city and
the stage said; a rep's is their own; a manager saying 我 ("我宁波那几个…", "我名下…") means their own. (The
kind of the held-out conversations eighty-five, hydraulics; here a cold-chain logistics trade's.)"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import query_lead
from storage.models import Person
from tests.handlers.query_fixtures import Org, add_lead, make_ctx, make_org


async def _world(session: AsyncSession) -> Org:
    org = await make_org(session)
    await add_lead(session, org.lina, "杭州鲜丰冷链物流有限公司", city="杭州", stage="报价")
    await add_lead(session, org.lina, "杭州萧山冻品批发市场", city="杭州", stage="谈判")
    await add_lead(session, org.wang, "杭州临平生鲜配送中心", city="杭州", stage="报价")
    await add_lead(session, org.wang, "温州瓯海水产冷库", city="温州", stage="报价")
    await add_lead(session, org.chen, "杭州滨江食品加工厂", city="杭州", stage="报价")  # another team's
    return org


async def _asked(session: AsyncSession, config: Config, person: Person, text: str, **slots: object) -> str:
    """The reply to `text`, with the slots the extractor reads of it (the city; scope "me" for 我)."""
    (reply,) = await query_lead.handle(make_ctx(session, person, config, "query_lead", text=text, **slots))
    return reply.title + "\n" + "\n".join(reply.lines)


async def test_a_manager_s_question_naming_no_one_lists_the_team_s_there_at_the_stage(
    session: AsyncSession, config: Config
) -> None:
    org = await _world(session)
    said = await _asked(session, config, org.manager, "杭州那边现在在报价阶段的单子有哪些", city="杭州")
    assert "鲜丰冷链" in said and "临平生鲜" in said
    assert "萧山冻品" not in said and "瓯海水产" not in said and "滨江食品" not in said
    assert said.startswith("组里杭州的报价阶段的客户 2 个")


async def test_a_manager_s_own_customers_are_among_the_team_s(session: AsyncSession, config: Config) -> None:
    org = await _world(session)
    await add_lead(session, org.manager, "杭州下沙冷冻仓储有限公司", city="杭州", stage="报价")
    said = await _asked(session, config, org.manager, "杭州那边报价阶段的客户有哪些？", city="杭州")
    assert "下沙冷冻" in said and "鲜丰冷链" in said and "临平生鲜" in said and "滨江食品" not in said


async def test_a_manager_saying_my_gets_their_own(session: AsyncSession, config: Config) -> None:
    org = await _world(session)
    await add_lead(session, org.manager, "杭州下沙冷冻仓储有限公司", city="杭州", stage="报价")
    for text, city in (("我杭州那边报价阶段的单子有哪些", "杭州"), ("我名下报价阶段的客户有哪些", None)):
        said = await _asked(session, config, org.manager, text, city=city, scope="me")
        assert "下沙冷冻" in said, text
        assert "鲜丰冷链" not in said and "临平生鲜" not in said, text
        assert said.startswith("你名下"), text


async def test_a_rep_asking_the_same_gets_their_own(session: AsyncSession, config: Config) -> None:
    org = await _world(session)
    said = await _asked(session, config, org.wang, "杭州那边现在在报价阶段的单子有哪些", city="杭州")
    assert "临平生鲜" in said and "鲜丰冷链" not in said and "瓯海水产" not in said
    assert said.startswith("你名下杭州")


async def test_a_manager_s_team_with_none_there_says_so_of_the_team(
    session: AsyncSession, config: Config
) -> None:
    org = await _world(session)
    said = await _asked(session, config, org.manager, "宁波那边在谈判阶段的客户有哪些", city="宁波")
    assert said.startswith("组里宁波还没有谈判阶段的客户")


async def test_another_team_s_manager_sees_only_their_team(session: AsyncSession, config: Config) -> None:
    org = await _world(session)
    said = await _asked(session, config, org.south_manager, "杭州那边报价阶段的单子有哪些", city="杭州")
    assert "滨江食品" in said and "鲜丰冷链" not in said and "临平生鲜" not in said
