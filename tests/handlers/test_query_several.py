"""query_lead on several customers named side by side in one question ("X和Y这两个现在怎样了"): a card
for each when each name is one customer the asker may see, else the message is looked up as before."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import query_lead
from nlp import company_key
from tests.handlers.query_fixtures import Org, add_lead, make_ctx, make_org


async def _two_customers(session: AsyncSession) -> Org:
    org = await make_org(session)
    for name, stage in (("合肥瑞丰食品有限公司", "报价"), ("南京德信机械有限公司", "谈判")):
        await add_lead(session, org.lina, name, company_key=company_key(name), stage=stage)
    return org


async def test_a_manager_asking_about_two_customers_gets_both_cards(
    session: AsyncSession, config: Config
) -> None:
    org = await _two_customers(session)
    ctx = make_ctx(
        session,
        org.manager,
        config,
        "query_lead",
        text="李娜，瑞丰和德信这两家现在怎么样了？",
        company="瑞丰和德信",
    )
    replies = await query_lead.handle(ctx)
    assert [r.title for r in replies] == ["合肥瑞丰食品有限公司", "南京德信机械有限公司"]
    assert "阶段：谈判" in "\n".join(replies[1].lines)


async def test_a_listed_pair_in_the_other_order_keeps_the_order_asked(
    session: AsyncSession, config: Config
) -> None:
    org = await _two_customers(session)
    ctx = make_ctx(session, org.lina, config, "query_lead", text="德信、瑞丰两家到哪一步了")
    assert [r.title for r in await query_lead.handle(ctx)] == ["南京德信机械有限公司", "合肥瑞丰食品有限公司"]


async def test_a_name_that_is_no_customer_leaves_the_question_as_one(
    session: AsyncSession, config: Config
) -> None:
    org = await _two_customers(session)
    ctx = make_ctx(session, org.lina, config, "query_lead", text="瑞丰和华山现在怎么样了", company="瑞丰")
    (reply,) = await query_lead.handle(ctx)
    assert reply.title == "合肥瑞丰食品有限公司"


async def test_a_customer_outside_one_s_rights_shows_no_card_of_it(
    session: AsyncSession, config: Config
) -> None:
    org = await _two_customers(session)
    await add_lead(session, org.wang, "福州宏泰电子有限公司", company_key=company_key("福州宏泰电子有限公司"))
    ctx = make_ctx(session, org.lina, config, "query_lead", text="瑞丰和宏泰现在怎么样了", company="宏泰")
    replies = await query_lead.handle(ctx)
    assert all(r.title != "福州宏泰电子有限公司" for r in replies)
    assert "福州宏泰" not in "".join(line for r in replies for line in r.lines)
