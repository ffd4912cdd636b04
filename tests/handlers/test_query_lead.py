"""query_lead: a customer's card for whoever may see it, a refusal without data for anyone else,
"没找到" for nothing, and a list to choose from for several matches."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import query_lead
from nlp import company_key
from tests.handlers.query_fixtures import NOW, Org, add_contact, add_followup, add_lead, make_ctx, make_org


async def _rich_lead(session: AsyncSession) -> Org:
    org = await make_org(session)
    lead = await add_lead(
        session,
        org.lina,
        "苏州仁济医院",
        stage="方案演示",
        grade="A",
        city="苏州",
        budget_min=1_500_000,
        budget_max=1_500_000,
        products=["64排CT"],
        competitors=["西门子"],
        tags=["预算充足", "决策人"],
    )
    await add_contact(session, lead, "王", "主任", "13812345678")
    await add_contact(session, lead, "刘晓明", "采购经理")
    for day in range(6):
        await add_followup(
            session, lead, org.lina, f"第{day}次沟通", NOW - timedelta(days=10 - day), kind="visit"
        )
    return org


async def test_owner_gets_the_card(session: AsyncSession, config: Config) -> None:
    org = await _rich_lead(session)
    (reply,) = await query_lead.handle(
        make_ctx(session, org.lina, config, "query_lead", company="苏州仁济医院")
    )
    text = "\n".join(reply.lines)
    assert reply.title == "苏州仁济医院"
    assert "负责人：李娜（华东一组）" in text and "阶段：方案演示，A级，苏州" in text
    assert "联系人：王主任 13812345678" in text and "联系人：刘晓明采购经理" in text
    assert "预算：150万" in text and "产品：64排CT" in text and "竞品：西门子" in text
    assert "标签：预算充足、决策人" in text
    assert "最近跟进（共 6 次）：" in text
    assert "第5次沟通" in text and "第1次沟通" in text and "第0次沟通" not in text  # last five only
    assert text.index("第5次沟通") < text.index("第1次沟通")


async def test_other_rep_is_refused_without_data(session: AsyncSession, config: Config) -> None:
    org = await _rich_lead(session)
    (reply,) = await query_lead.handle(
        make_ctx(session, org.wang, config, "query_lead", company="苏州仁济医院")
    )
    assert reply.title == "无权查看"
    text = reply.title + "".join(reply.lines)
    for secret in ("李娜", "13812345678", "150万", "方案演示", "王主任"):
        assert secret not in text


async def test_manager_sees_the_teams_lead_by_phone(session: AsyncSession, config: Config) -> None:
    org = await _rich_lead(session)
    (reply,) = await query_lead.handle(
        make_ctx(session, org.manager, config, "query_lead", phone="13812345678")
    )
    assert reply.title == "苏州仁济医院"
    (refused,) = await query_lead.handle(
        make_ctx(session, org.south_manager, config, "query_lead", phone="13812345678")
    )
    assert refused.title == "无权查看"


async def test_group_chat_masks_phones(session: AsyncSession, config: Config) -> None:
    org = await _rich_lead(session)
    ctx = make_ctx(session, org.lina, config, "query_lead", company="苏州仁济医院", chat_id="g1")
    (reply,) = await query_lead.handle(ctx)
    assert "138****5678" in "".join(reply.lines) and "13812345678" not in "".join(reply.lines)


async def test_not_found_several_found_and_nothing_asked(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "仁济医院东院")
    await add_lead(session, org.lina, "仁济医院西院", stage="报价")
    (missing,) = await query_lead.handle(
        make_ctx(session, org.lina, config, "query_lead", company="华山医院")
    )
    assert missing.title == "没找到「华山医院」"
    (several,) = await query_lead.handle(make_ctx(session, org.lina, config, "query_lead", company="仁济"))
    assert several.title == "找到 2 个客户，请说完整名称"
    assert several.lines == ("1. 仁济医院东院（李娜，线索）", "2. 仁济医院西院（李娜，报价）")
    (ask,) = await query_lead.handle(make_ctx(session, org.lina, config, "query_lead"))
    assert ask.title == "想查哪个客户？"


async def test_contact_name_searches_only_visible_leads(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    mine = await add_lead(session, org.lina, "李娜的医院")
    theirs = await add_lead(session, org.wang, "王芳的医院")
    await add_contact(session, mine, "张", "院长")
    await add_contact(session, theirs, "张", "院长")
    ctx = make_ctx(session, org.lina, config, "query_lead", contact_name="张", contact_title="院长")
    (reply,) = await query_lead.handle(ctx)
    assert reply.title == "李娜的医院"


async def test_a_long_legal_name_finds_the_short_one(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "苏州远航物流", company_key=company_key("苏州远航物流"))
    ctx = make_ctx(session, org.lina, config, "query_lead", company="远航物流有限公司")
    (reply,) = await query_lead.handle(ctx)
    assert reply.title == "苏州远航物流"


async def test_a_short_name_or_a_contact_by_surname_and_title_finds_the_card(
    session: AsyncSession, config: Config
) -> None:
    org = await make_org(session)
    mine = await add_lead(
        session, org.lina, "合肥瑞丰食品有限公司", company_key=company_key("合肥瑞丰食品有限公司")
    )
    await add_contact(session, mine, "岑志远", "销售总监")
    theirs = await add_lead(
        session, org.wang, "福州瑞丰电子有限公司", company_key=company_key("福州瑞丰电子有限公司")
    )
    await add_contact(session, theirs, "岑海", "总监")
    # The words name no company the table holds; the rep's own book knows 瑞丰 and 岑总监.
    (short,) = await query_lead.handle(make_ctx(session, org.lina, config, "query_lead", text="查一下瑞丰"))
    (by_contact,) = await query_lead.handle(
        make_ctx(session, org.lina, config, "query_lead", text="岑总监那边怎么样了")
    )
    assert short.title == by_contact.title == "合肥瑞丰食品有限公司"


async def test_a_manager_asking_for_the_team_s_deals_at_a_stage_gets_those_of_the_team(
    session: AsyncSession, config: Config
) -> None:
    # "我们组报价阶段的单子有哪些": the team's book, only the deals at that stage, none of another team's
    org = await make_org(session)
    await add_lead(session, org.lina, "苏州仁济医院", stage="报价")
    await add_lead(session, org.lina, "无锡慈济医院", stage="初筛")
    await add_lead(session, org.wang, "南京鼓楼药房", stage="报价")
    await add_lead(session, org.chen, "广州越秀诊所", stage="报价")
    (reply,) = await query_lead.handle(
        make_ctx(session, org.manager, config, "query_lead", text="我们组报价阶段的单子有哪些", scope="team")
    )
    text = reply.title + "\n".join(reply.lines)
    assert "苏州仁济医院" in text and "南京鼓楼药房" in text
    assert "无锡慈济医院" not in text and "广州越秀诊所" not in text
    assert "2 个" in reply.title


async def test_a_rep_asking_for_the_team_gets_only_their_own_book(
    session: AsyncSession, config: Config
) -> None:
    org = await make_org(session)
    await add_lead(session, org.lina, "苏州仁济医院", stage="谈判")
    await add_lead(session, org.wang, "南京鼓楼药房", stage="谈判")
    (reply,) = await query_lead.handle(
        make_ctx(session, org.lina, config, "query_lead", text="我们组谈判阶段的客户有哪几家", scope="team")
    )
    text = reply.title + "\n".join(reply.lines)
    assert "苏州仁济医院" in text and "南京鼓楼药房" not in text


async def test_a_rep_asking_which_customers_are_at_a_stage_gets_those_of_that_stage(
    session: AsyncSession, config: Config
) -> None:
    # "我手上还有哪些客户在报价阶段？": the question word first, the stage after 在
    org = await make_org(session)
    await add_lead(session, org.lina, "苏州仁济医院", stage="报价")
    await add_lead(session, org.lina, "无锡慈济医院", stage="初筛")
    await add_lead(session, org.wang, "南京鼓楼药房", stage="报价")
    (reply,) = await query_lead.handle(
        make_ctx(session, org.lina, config, "query_lead", text="我手上还有哪些客户在报价阶段？", scope="me")
    )
    text = reply.title + "\n".join(reply.lines)
    assert "苏州仁济医院" in text
    assert "无锡慈济医院" not in text and "南京鼓楼药房" not in text
