"""query_lead: a member's book asked by naming the member anywhere in the question, in full or as
team-mates call them (the given name, 老 and the surname), cut to the city, the stage and the kind of
customer the question says, each with its stage; a book outside the asker's rights is refused. (The kind
of the held-out conversations eighty-two and eighty-four; here an HVAC trade's schools and factories.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, load_config
from handlers import query_lead
from storage.models import Person
from tests.handlers.query_fixtures import Org, add_lead, make_ctx, make_org

PEOPLE = [
    ("zhangwei", "张伟", "manager", "华东一组"),
    ("lina", "李娜", "rep", "华东一组"),
    ("wangfang", "王芳", "rep", "华东一组"),
    ("guxiaowen", "顾晓雯", "rep", "华东一组"),
    ("liuyang", "刘洋", "manager", "华南组"),
    ("chenjie", "陈杰", "rep", "华南组"),
]


@pytest.fixture
def named_config(database_url: str, tmp_path: Path) -> Config:
    """The organisation of make_org, and 顾晓雯, in [org]: whose names the handler reads."""
    teams = '[[org.teams]]\nname = "华东一组"\nmanager = "zhangwei"\n'
    teams += '[[org.teams]]\nname = "华南组"\nmanager = "liuyang"\n'
    people = "".join(
        f'[[org.people]]\nid = "{key}"\nname = "{name}"\nrole = "{role}"\nteam = "{team}"\n'
        for key, name, role, team in PEOPLE
    )
    path = tmp_path / "named.toml"
    path.write_text(f'[database]\nurl = "{database_url}"\n{teams}{people}', encoding="utf-8")
    return load_config(path, env={})


async def _world(session: AsyncSession) -> tuple[Org, Person]:
    org = await make_org(session)
    gu = Person(key="guxiaowen", name="顾晓雯", role="rep", team_id=org.east.id, product_lines=[])
    session.add(gu)
    await session.flush()
    await add_lead(session, org.wang, "苏州工业园区星海小学", city="苏州", stage="报价")
    await add_lead(session, org.wang, "苏州市第十中学", city="苏州", stage="谈判")
    await add_lead(session, org.wang, "无锡职业技术学院", city="无锡", stage="报价")
    await add_lead(session, org.wang, "无锡华光锅炉厂", city="无锡", stage="报价")
    await add_lead(session, gu, "苏州金鸡湖大酒店", city="苏州", stage="方案演示")
    await add_lead(session, gu, "苏州吴中区人民医院", city="苏州", stage="初筛")
    await add_lead(session, gu, "无锡灵山宾馆", city="无锡", stage="谈判")
    return org, gu


async def _asked(session: AsyncSession, config: Config, person: Person, text: str, **slots: object) -> str:
    (reply,) = await query_lead.handle(make_ctx(session, person, config, "query_lead", text=text, **slots))
    return reply.title + "\n" + "\n".join(reply.lines)


async def test_a_rep_named_by_the_given_name_and_a_city(session: AsyncSession, named_config: Config) -> None:
    org, _ = await _world(session)
    text = await _asked(
        session, named_config, org.manager, "晓雯苏州那几个单子现在都到什么阶段了？", city="苏州"
    )
    assert "苏州金鸡湖大酒店（方案演示）" in text and "苏州吴中区人民医院（初筛）" in text
    assert "灵山" not in text and "星海" not in text and "顾晓雯名下苏州" in text


async def test_a_kind_asked_takes_every_name_of_that_kind(
    session: AsyncSession, named_config: Config
) -> None:
    org, _ = await _world(session)
    text = await _asked(session, named_config, org.manager, "好。王芳手上还有哪几个学校在跟？列一下")
    assert "苏州工业园区星海小学（报价）" in text and "苏州市第十中学（谈判）" in text
    assert "无锡职业技术学院（报价）" in text and "锅炉厂" not in text
    assert "学校客户 3 个" in text
    hotels = await _asked(session, named_config, org.manager, "顾晓雯在跟的酒店单子有哪些？各自到哪个阶段了")
    assert (
        "苏州金鸡湖大酒店（方案演示）" in hotels and "无锡灵山宾馆（谈判）" in hotels and "医院" not in hotels
    )


async def test_a_stage_asked_with_no_noun_by_老_and_the_surname(
    session: AsyncSession, named_config: Config
) -> None:
    org, _ = await _world(session)
    text = await _asked(session, named_config, org.manager, "老王无锡这边报价阶段的有哪几家？", city="无锡")
    assert "无锡职业技术学院（报价）" in text and "无锡华光锅炉厂（报价）" in text
    assert "苏州" not in text.split("\n", 1)[1]


@pytest.mark.parametrize("asker", ["chen", "south_manager", "lina"])
async def test_a_book_outside_the_asker_s_rights_is_refused(
    session: AsyncSession, named_config: Config, asker: str
) -> None:
    org, _ = await _world(session)
    text = await _asked(session, named_config, getattr(org, asker), "王芳手上还有哪几个学校在跟？")
    assert text.startswith("无权查看") and "星海" not in text and "锅炉" not in text


async def test_several_asked_how_they_are_with_no_noun(session: AsyncSession, named_config: Config) -> None:
    # (round 19's kind: "那几家现在都什么情况" is the member's book in that city, no team figures)
    org, _ = await _world(session)
    text = await _asked(session, named_config, org.manager, "顾晓雯苏州那几家现在都什么情况", city="苏州")
    assert "苏州金鸡湖大酒店（方案演示）" in text and "苏州吴中区人民医院（初筛）" in text
    assert "灵山" not in text and "顾晓雯名下苏州" in text


async def test_the_listing_asked_first_with_a_stage(session: AsyncSession, named_config: Config) -> None:
    org, _ = await _world(session)
    text = await _asked(session, named_config, org.manager, "列一下王芳手上报价阶段的客户")
    assert "苏州工业园区星海小学（报价）" in text and "无锡华光锅炉厂（报价）" in text
    assert "第十中学" not in text and "王芳名下" in text
    team = await _asked(session, named_config, org.manager, "把组里现在在谈判阶段的单子列一下", scope="team")
    assert "苏州市第十中学（谈判）" in team and "无锡灵山宾馆（谈判）" in team and "星海" not in team
