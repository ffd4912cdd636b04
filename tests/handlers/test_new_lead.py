"""new_lead: dedupe by phone and company, grading, assignment by rules, notices and acknowledgements."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Button
from handlers import new_lead
from handlers.context import Context
from handlers.lead_lookup import TAKEN
from nlp import FollowUpTime, Intent
from storage.leads import add_contact, create_lead, list_contacts
from tests.handlers.sales_fixtures import NOW, SHANGHAI, World, make_world

FORM = {
    "name": "陈女士", "company": "杭州明德口腔医院", "phone": "136-0000-1111", "email": "Chen@MD.cn",
    "city": "杭州市", "product": "激光仪", "message": "想了解激光治疗仪的价格", "source": "web",
}  # fmt: skip


async def give(world: World, who: str, count: int, *, hours_ago: int = 1) -> None:
    """`count` open leads owned by `who`, the last assigned `hours_ago` hours before now."""
    person = world.people[who]
    for i in range(count):
        lead = await create_lead(world.session, company=f"{who}{i}", company_key=f"{who}{i}", source="web",
                                 created_at=NOW, owner_id=person.id, team_id=person.team_id)  # fmt: skip
        lead.assigned_at = NOW - timedelta(hours=hours_ago + count - 1 - i)
    await world.session.flush()


def inquiry(
    world: World,
    text: str = "想了解激光治疗仪的价格",
    form: dict[str, str] | None = None,
    *,
    chat: bool = False,
    **slots: object,
) -> Context:
    """A customer's inquiry: a web form's fields, or (chat=True) a message in the customer's own chat."""
    fields = dict(FORM if form is None else form)
    return world.ctx(
        None, text, Intent.NEW_LEAD, msg_kind="inquiry", form=fields, answered_elsewhere=not chat, **slots
    )


async def test_a_web_inquiry_is_graded_assigned_and_acknowledged(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await give(world, "wangqiang", 3)
    await give(world, "zhaolei", 5)
    replies = await new_lead.handle(inquiry(world))

    lead = (await world.leads())[-1]
    wang = world.people["wangqiang"]
    assert (lead.company, lead.company_key, lead.city, lead.source) == (
        "杭州明德口腔医院",
        "明德口腔医院",
        "杭州",
        "web",
    )
    assert (lead.products, lead.product_line, lead.grade) == (["激光治疗仪"], "激光", "C")
    assert (lead.owner_id, lead.team_id, lead.assigned_at) == (wang.id, wang.team_id, NOW)
    assert lead.first_response_at is None
    [contact] = await list_contacts(session, lead.id)
    assert (contact.name, contact.phone, contact.email) == ("陈女士", "13600001111", "chen@md.cn")
    [record] = [f for f in await world.followups() if f.lead_id == lead.id]
    assert (record.kind, record.person_id, record.text) == ("inquiry", None, "想了解激光治疗仪的价格")

    ack, notice = replies
    assert ack.to is None and ack.title == "您好，已收到您的咨询"
    assert notice.to == wang.id and notice.title == "新线索分配给你"
    assert notice.lines[:4] == ("客户：杭州明德口腔医院", "来源：官网表单", "需求：激光治疗仪",
                                "分配原因：按城市=杭州、产品线=激光、负载 4/10")  # fmt: skip
    assert notice.buttons == (
        Button(f"contacted:{lead.id}", "已联系"),
        Button(f"reassign:{lead.id}", "转给别人"),
    )


async def test_a_repeat_inquiry_goes_to_the_owner_instead_of_a_twin(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    first = await new_lead.handle(inquiry(world))
    owner = first[1].to
    [lead] = await world.leads()
    world.later(days=2)
    by_phone = {"name": "陈女士", "phone": "13600001111", "message": "报价什么时候发？"}
    again = await new_lead.handle(inquiry(world, "报价什么时候发？", by_phone))
    by_company = {"company": "明德口腔医院", "phone": "13700002222", "name": "周医生"}
    third = await new_lead.handle(inquiry(world, "我们还想要彩超", by_company, products=("台式彩超",)))
    assert await world.leads() == [lead]
    for replies in (again, third):
        ack, notice = replies
        assert ack.to is None and notice.to == owner and notice.title == "老客户再次咨询，请尽快回复"
        assert notice.lines[0] == "客户：杭州明德口腔医院"
    assert "本次需求：台式彩超" in third[1].lines
    assert [f.kind for f in await world.followups()] == ["inquiry"] * 3
    assert {c.phone for c in await list_contacts(session, lead.id)} == {"13600001111", "13700002222"}
    assert (
        lead.products == ["激光治疗仪", "台式彩超"] and lead.assigned_at == NOW
    )  # the clock is not restarted


async def test_grade_a_goes_to_the_vip_team(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    raw = {"company": "苏州远航物流有限公司", "phone": "13900001111", "city": "苏州"}
    _, notice = await new_lead.handle(inquiry(world, "预算300万", raw, budget=(3_000_000, 3_000_000)))
    [lead] = await world.leads()
    assert lead.grade == "A" and notice.to == world.people["vip1"].id == lead.owner_id
    assert "分配原因：按等级=A→VIP组、负载 1/10" in notice.lines
    assert "预算充足" in lead.tags


async def test_no_matching_rule_queues_for_the_manager(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    raw = {"company": "成都华西贸易有限公司", "phone": "13900003333", "city": "成都"}
    _, notice = await new_lead.handle(inquiry(world, "想了解一下", raw))
    [lead] = await world.leads()
    manager = world.people["zhangwei"]
    assert (lead.owner_id, lead.team_id, lead.assigned_at) == (None, manager.team_id, None)
    assert notice.to == manager.id and notice.title == "新线索待分配"
    assert "原因：没有匹配的分配规则" in notice.lines
    assert notice.buttons == (Button(f"reassign:{lead.id}", "转给别人"),)


async def test_ties_go_round_robin_and_full_reps_are_skipped(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await give(world, "wangqiang", 2, hours_ago=1)
    await give(world, "zhaolei", 2, hours_ago=5)  # equally loaded, waited longer
    raw = {"company": "杭州甲公司", "phone": "13900000001", "city": "杭州"}
    _, first = await new_lead.handle(inquiry(world, "咨询", raw))
    assert first.to == world.people["zhaolei"].id
    raw = {"company": "杭州乙公司", "phone": "13900000002", "city": "杭州"}
    _, second = await new_lead.handle(inquiry(world, "咨询", raw))
    assert second.to == world.people["wangqiang"].id


async def test_everyone_full_queues(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await give(world, "wangqiang", 10)
    await give(world, "zhaolei", 10)
    raw = {"company": "杭州丙公司", "phone": "13900000003", "city": "杭州"}
    _, notice = await new_lead.handle(inquiry(world, "咨询", raw))
    assert notice.to == world.people["zhangwei"].id and "没有可分配的销售" in notice.lines[4]


async def test_a_chat_inquiry_without_company_or_phone_is_one_lead_per_sender(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await new_lead.handle(
        inquiry(world, "你好，彩超多少钱", {}, chat=True, products=("台式彩超",), city="无锡")
    )
    await new_lead.handle(inquiry(world, "能便宜点吗", {}, chat=True))
    [lead] = await world.leads()
    assert (lead.company, lead.company_key) == ("未留名客户", "chat:wecom:wm-customer-1")
    assert lead.owner_id == world.people["lina"].id  # 无锡 + 超声
    assert len(await world.followups()) == 2
    [contact] = await list_contacts(session, lead.id)
    assert contact.external_id == "wecom:wm-customer-1"


async def test_a_chat_customer_is_known_by_their_chat_after_giving_a_name(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await new_lead.handle(inquiry(world, "我们是杭州金鼎涂料，电话13600001111", {}, chat=True,
                                  company="杭州金鼎涂料", phone="13600001111"))  # fmt: skip
    ack, notice = await new_lead.handle(inquiry(world, "另外焊接机也想看看", {}, chat=True))
    [lead] = await world.leads()
    assert ack.to is None and notice.title == "老客户再次咨询，请尽快回复"
    assert len(await world.followups()) == 2
    [contact] = await list_contacts(session, lead.id)
    assert (contact.phone, contact.external_id) == ("13600001111", "wecom:wm-customer-1")
    # A web form from the same phone is the same customer; a form never claims the chat identity.
    await new_lead.handle(inquiry(world, "想要报价", {"phone": "13600001111"}))
    assert [c.external_id for c in await list_contacts(session, lead.id)] == ["wecom:wm-customer-1"]
    assert len(await world.leads()) == 1


async def test_form_fields_of_the_wrong_type_are_ignored(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    raw: dict[str, object] = {"company": ["x"], "phone": 13900000004, "name": None, "city": {"a": 1}}
    replies = await new_lead.handle(inquiry(world, "你好", raw, company="无锡华光电子", phone="13900000005"))
    [lead] = await world.leads()
    assert lead.company == "无锡华光电子" and replies[0].to is None


async def test_a_rep_s_own_lead_stays_with_the_rep(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lina = world.people["lina"]
    text = "新线索：杭州明德口腔医院，陈院长，13600001111，想了解激光治疗仪"
    [reply] = await new_lead.handle(world.ctx("lina", text, Intent.NEW_LEAD, company="杭州明德口腔医院",
                                              contact_name="陈", contact_title="院长", phone="13600001111",
                                              products=("激光治疗仪",), city="杭州"))  # fmt: skip
    [lead] = await world.leads()
    assert (lead.owner_id, lead.source, lead.assigned_at) == (lina.id, "rep", NOW)
    assert reply.to == lina.id and reply.title == "新线索已录入，归你跟进"
    assert "联系人：陈院长 13600001111" in reply.lines and "标签：意向:激光、决策人" in reply.lines
    [record] = await world.followups()
    assert (record.kind, record.person_id) == ("lead", lina.id)

    # Someone else reporting the same customer is refused; the owner hears of it.
    refused, told = await new_lead.handle(world.ctx("wangqiang", "新线索 明德口腔医院 13600001111",
                                                    Intent.NEW_LEAD, company="明德口腔医院"))  # fmt: skip
    assert refused.to == world.people["wangqiang"].id and refused.lines == (TAKEN,)
    assert told.to == lina.id and "王强也报备了这个客户，已拦截重复录入。" in told.lines
    assert len(await world.leads()) == 1


async def test_a_rep_reporting_their_own_customer_again_updates_it(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lina = world.people["lina"]
    lead = await create_lead(session, company="远航物流", company_key="远航物流", source="rep",
                             created_at=NOW, owner_id=lina.id, team_id=lina.team_id)  # fmt: skip
    await add_contact(session, lead.id, now=NOW, name="李", title="经理")
    [reply] = await new_lead.handle(world.ctx("lina", "新客户 苏州远航物流有限公司 李总 预算60万",
                                              Intent.NEW_LEAD, company="苏州远航物流有限公司",
                                              budget=(600_000, 600_000)))  # fmt: skip
    assert reply.title == "客户已在系统中，信息已更新" and "预算：60万" in reply.lines
    assert len(await world.leads()) == 1


async def test_a_manager_s_lead_is_assigned_by_the_rules(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    notice, told = await new_lead.handle(world.ctx("zhangwei", "新线索 无锡华光电子 13900000006 要彩超",
                                                   Intent.NEW_LEAD, company="无锡华光电子", city="无锡",
                                                   phone="13900000006", products=("台式彩超",)))  # fmt: skip
    assert notice.to == world.people["lina"].id and notice.title == "新线索分配给你"
    assert told.to == world.people["zhangwei"].id and "分配给：李娜" in told.lines


async def test_a_rep_must_name_the_customer(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    [reply] = await new_lead.handle(world.ctx("lina", "有个新线索", Intent.NEW_LEAD))
    assert reply.title == "缺少客户信息" and await world.leads() == []


async def test_a_customer_a_rep_added_stays_with_the_rep_with_its_source(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    raw = {"source": "wecom_contact", "source_detail": "展会", "name": "周先生", "company": "无锡华光电子"}
    ctx = world.ctx("wangqiang", "无锡华光电子 周先生", Intent.NEW_LEAD, msg_kind="inquiry", form=raw)
    [reply] = await new_lead.handle(ctx)
    [lead] = await world.leads()
    assert (lead.owner_id, lead.source, lead.source_detail) == (
        world.people["wangqiang"].id,
        "wecom_contact",
        "展会",
    )
    assert reply.title == "新线索已录入，归你跟进"


async def test_a_rep_naming_a_customer_of_their_book_by_short_name_gets_no_twin(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lina = world.people["lina"]

    async def mine(company: str, key: str, city: str) -> None:
        await create_lead(session, company=company, company_key=key, source="rep", created_at=NOW,
                          owner_id=lina.id, team_id=lina.team_id, city=city)  # fmt: skip

    await mine("合肥瑞丰食品有限公司", "瑞丰食品", "合肥")
    said = world.ctx("lina", "瑞丰那边来了个新对接人", Intent.NEW_LEAD, company="瑞丰")
    [known] = await new_lead.handle(said)
    assert known.title == "客户已在系统中，信息已更新" and len(await world.leads()) == 1
    await mine("厦门瑞丰物流有限公司", "瑞丰物流", "厦门")
    said = world.ctx("lina", "瑞丰那边来了个新对接人", Intent.NEW_LEAD, company="瑞丰")
    [asked] = await new_lead.handle(said)
    assert asked.title == "是哪个客户？" and len(asked.lines) == 3 and len(await world.leads()) == 2
    # Another kind of organisation with the same brand is a new customer.
    said = world.ctx("lina", "新客户 合肥瑞丰医院", Intent.NEW_LEAD, company="合肥瑞丰医院")
    [new] = await new_lead.handle(said)
    assert new.title == "新线索已录入，归你跟进" and len(await world.leads()) == 3


async def test_a_first_visit_to_a_new_customer_is_logged_as_the_visit_with_its_plan(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    text = "今天拜访了一家新客户 宁波甬江食品有限公司 见了物流部的包经理 下周五上午十点带方案过去"
    plan = FollowUpTime("2026-03-20", "10:00")
    ctx = world.ctx("lina", text, Intent.NEW_LEAD, company="宁波甬江食品有限公司", contact_name="包",
                    contact_title="经理", next_followup=plan, reported_kind="visit")  # fmt: skip
    await new_lead.handle(ctx)
    [lead] = await world.leads()
    [record] = await world.followups()
    assert record.kind == "visit" and record.lead_id == lead.id  # the contact that happened, not "lead"
    assert lead.next_followup_at is not None and lead.next_followup_has_time
    assert lead.next_followup_at.astimezone(SHANGHAI).strftime("%m-%d %H:%M") == "03-20 10:00"


async def test_a_team_mate_s_customer_reported_new_by_short_name_is_refused_and_its_owner_told(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    wangqiang = world.people["wangqiang"]
    await create_lead(session, company="绍兴瑞祥纺织印染有限公司", company_key="瑞祥纺织印染", city="绍兴",
                      source="rep", created_at=NOW, owner_id=wangqiang.id,
                      team_id=wangqiang.team_id)  # fmt: skip
    refused, told = await new_lead.handle(world.ctx("lina", "新客户 瑞祥印染 钱经理 13600002222",
                                                    Intent.NEW_LEAD, company="瑞祥印染"))  # fmt: skip
    assert refused.to == world.people["lina"].id and refused.lines == (TAKEN,)
    assert told.to == wangqiang.id and "李娜也报备了这个客户，已拦截重复录入。" in told.lines
    assert len(await world.leads()) == 1
