"""The sales workflows end to end: encrypted messages in through the WeChat Work callback, replies and
pushes out to the fake WeChat Work, state in the real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import CatalogConfig, Config, IntakeConfig, OrgConfig, PersonConfig, TeamConfig
from storage.leads import add_contact, create_lead
from storage.models import Contact, FollowUp, Lead, Person
from tests.e2e.harness import FIXTURES, INTAKE_TOKEN, PLATFORMS, START, Bot, running
from tests.extractors import Extractors

ORG = OrgConfig(
    teams=[TeamConfig(name="华东一组", manager="zhangwei"), TeamConfig(name="华东二组", manager="sunli")],
    people=[
        PersonConfig(id="zhangwei", name="张伟", role="manager", team="华东一组", wecom_userid="ZhangWei"),
        PersonConfig(id="lina", name="李娜", team="华东一组", wecom_userid="LiNa", cities=["苏州", "无锡"]),
        PersonConfig(
            id="wangqiang",
            name="王强",
            team="华东一组",
            wecom_userid="WangQiang",
            cities=["杭州"],
            product_lines=["激光"],
        ),
        PersonConfig(
            id="zhaomin",
            name="赵敏",
            team="华东一组",
            wecom_userid="ZhaoMin",
            cities=["杭州"],
            product_lines=["激光"],
        ),
        PersonConfig(id="sunli", name="孙丽", role="manager", team="华东二组", wecom_userid="SunLi"),
        PersonConfig(id="chenjie", name="陈杰", team="华东二组", wecom_userid="ChenJie", cities=["南京"]),
    ],
)
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(params=PLATFORMS)
async def team(
    request: pytest.FixtureRequest, config: Config, engine: AsyncEngine, extractors: Extractors
) -> AsyncIterator[Bot]:
    """Two teams on each platform: the same conversations over WeChat Work and DingTalk (Stream and HTTP)."""
    team_config = dataclasses.replace(
        config,
        org=ORG,
        catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")),
        intake=IntakeConfig(token=INTAKE_TOKEN),
    )
    async with running(team_config, request.param, extractors) as bot:
        yield bot


async def leads(bot: Bot) -> list[Lead]:
    async with bot.sessions() as session:
        return list((await session.scalars(select(Lead).order_by(Lead.id))).all())


async def followups(bot: Bot) -> list[FollowUp]:
    async with bot.sessions() as session:
        return list((await session.scalars(select(FollowUp).order_by(FollowUp.id))).all())


def last(bot: Bot, user: str) -> str:
    inbox = bot.inbox(user)
    assert inbox, f"{user} received nothing"
    return inbox[-1]


async def test_a_followup_from_free_text_updates_the_right_lead(team: Bot) -> None:
    await team.say(
        "lina",
        "今天拜访了苏州仁济医院设备科王主任，电话13812345678，对64排CT很感兴趣，预算大概150万，下周三下午2点再去演示",
    )
    await team.say("lina", "新线索：无锡华康医药，刘经理，13900001111")
    await team.say("lina", "刚给仁济医院王主任打了电话，他们在和大族比较，报价下周五前发过去")
    [renji, huakang] = await leads(team)
    assert renji.company == "苏州仁济医院" and huakang.company.endswith("华康医药")
    assert renji.budget_max == 1_500_000 and "64排CT" in renji.products
    assert "大族激光" in renji.competitors
    history = [f.lead_id for f in await followups(team)]
    assert history.count(renji.id) == 2, "the call went to the lead it named, not a new one"
    async with team.sessions() as session:
        contacts = (await session.scalars(select(Contact).where(Contact.lead_id == renji.id))).all()
    assert [(c.name, c.title, c.phone) for c in contacts] == [("王", "主任", "13812345678")]
    assert "仁济医院" in last(team, "lina")


async def test_a_missing_next_step_is_asked_for_once_and_the_answer_completes_the_record(team: Bot) -> None:
    await team.say("lina", "今天拜访了苏州仁济医院王主任，聊了64排CT的配置")
    assert "下次什么时候跟进" in last(team, "lina")
    await team.say("lina", "周五下午3点")
    [record] = await followups(team)
    [lead] = await leads(team)
    assert record.next_followup_at is not None and lead.next_followup_at == record.next_followup_at
    assert lead.next_followup_at.astimezone(START.tzinfo).hour == 7  # 15:00 in Shanghai
    await team.say("lina", "今天又给苏州仁济医院王主任打了电话")
    asked = [text for text in team.inbox("lina") if "下次什么时候跟进" in text]
    assert len(asked) == 2 and len(await followups(team)) == 2  # once per record, never twice for one


async def test_a_correction_amends_the_last_record(team: Bot) -> None:
    await team.say("lina", "今天拜访了苏州仁济医院王主任，预算大概150万，下周三下午2点再去演示")
    await team.say("lina", "不对，预算是200万")
    [record] = await followups(team)
    [lead] = await leads(team)
    assert lead.budget_max == 2_000_000 and lead.budget_min == 2_000_000
    assert record.extracted.get("budget") == [2_000_000, 2_000_000]


async def test_a_duplicate_inquiry_does_not_create_a_second_lead_and_the_owner_is_told(team: Bot) -> None:
    await team.say("lina", "新线索：无锡华康医药，刘经理，13900001111，想要移动DR")
    before = len(team.inbox("lina"))
    await team.inquiry(name="刘经理", company="华康医药", phone="13900001111", message="DR的报价什么时候给")
    assert len(await leads(team)) == 1
    assert len(team.inbox("lina")) == before + 1 and "再次咨询" in last(team, "lina")
    for other in {p.id for p in ORG.people} - {"lina"}:
        assert not any("华康医药" in text for text in team.inbox(other)), other


async def test_assignment_follows_territory_product_line_and_load(team: Bot) -> None:
    # 杭州 + 激光: 王强 and 赵敏 both qualify; the one with fewer open leads gets each new one.
    await team.say("wangqiang", "新线索：杭州东方机械厂，周总，13500000001，要激光切割机")
    assert [lead.owner_id for lead in await leads(team)]  # a rep's own find stays theirs
    await team.inquiry(message="杭州明德钣金有限公司，想了解光纤激光切割机", phone="13600000002")
    await team.inquiry(message="南京天宇机电，需要数控折弯机", phone="13600000003")
    own, hangzhou, nanjing = await leads(team)
    async with team.sessions() as session:
        from storage.models import Person

        keys = {p.id: p.key for p in (await session.scalars(select(Person))).all()}
    assert keys[own.owner_id] == "wangqiang"
    assert keys[hangzhou.owner_id] == "zhaomin", "territory and product line, then the lighter load"
    assert keys[nanjing.owner_id] == "chenjie", "territory: 南京 belongs to 陈杰"
    notice = last(team, "zhaomin")
    assert "明德钣金" in notice and "杭州" in notice


async def test_a_customer_handed_over_in_chat_reaches_its_new_owner(team: Bot) -> None:
    await team.say("lina", "今天拜访了苏州仁济医院王主任，电话13812345678，下周三再联系")
    await team.say("zhangwei", "仁济医院转给王强跟吧")
    [renji] = await leads(team)
    async with team.sessions() as session:
        wang = await session.scalar(select(Person).where(Person.key == "wangqiang"))
    assert wang is not None and renji.owner_id == wang.id
    assert "苏州仁济医院现在由王强负责" in last(team, "zhangwei")
    assert "转交给你" in last(team, "wangqiang") and "苏州仁济医院" in last(team, "wangqiang")
    assert "已由张伟转给王强" in last(team, "lina")
    # The new owner writes to it as to any customer of theirs; the former owner may no longer.
    await team.say("wangqiang", "刚给仁济医院王主任打了电话，下周四上午过去")
    await team.say("lina", "刚给仁济医院王主任打了电话，下周五过去")
    assert "其他同事" in last(team, "lina")
    assert [f.person_id for f in await followups(team)][1:] == [wang.id]


async def test_a_rep_cannot_see_another_reps_lead(team: Bot) -> None:
    await team.say("lina", "今天拜访了苏州仁济医院王主任，电话13812345678，下周三再联系")
    await team.say("chenjie", "查一下仁济医院")
    answer = last(team, "chenjie")
    assert "13812345678" not in answer and "王主任" not in answer
    await team.say("chenjie", "今天拜访了苏州仁济医院王主任")
    assert "其他同事" in last(team, "chenjie")
    assert len(await leads(team)) == 1
    async with team.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(FollowUp)) == 1


async def test_a_managers_team_query_works(team: Bot) -> None:
    await team.say("lina", "今天拜访了苏州仁济医院王主任，下周三下午2点再去")
    await team.say("wangqiang", "今天拜访了杭州东方机械厂周总，明天上午再联系")
    await team.say("zhangwei", "我们组明天要跟进哪些客户")
    await team.say("zhangwei", "本周团队漏斗")
    tomorrow, funnel = team.inbox("zhangwei")[-2:]
    assert "东方机械厂（王强）" in tomorrow and "仁济医院" not in tomorrow
    assert "新增线索 2 条" in funnel and "李娜" in funnel and "王强" in funnel
    await team.say("lina", "本周团队漏斗")
    assert "无权" in last(team, "lina") and "李娜" not in last(team, "lina")


async def test_a_message_the_words_leave_unclear_is_read_by_the_customer_it_names(team: Bot) -> None:
    async with team.sessions() as session, session.begin():
        lina = (await session.scalars(select(Person).where(Person.key == "lina"))).one()
        lead = await create_lead(
            session, company="合肥瑞丰食品有限公司", company_key="瑞丰食品", source="rep",
            created_at=START, owner_id=lina.id, team_id=lina.team_id, city="合肥",
        )  # fmt: skip
        await add_contact(session, lead.id, now=START, name="岑志远", title="总经理", phone="13700001111")
    # No customer word the extractor knows: the short name and the contact make it a report on the lead.
    await team.say("lina", "瑞丰岑总 预算八十来万 后天下午三点去他们总部")
    [record] = await followups(team)
    [linked] = await leads(team)
    assert record.lead_id == linked.id and linked.budget_max == 800_000
    assert linked.next_followup_at is not None and "合肥瑞丰食品有限公司" in last(team, "lina")
    async with team.sessions() as session:
        contacts = (await session.scalars(select(Contact).where(Contact.lead_id == linked.id))).all()
    assert [(c.name, c.title) for c in contacts] == [("岑志远", "总经理")]
    # Naming it alone asks for its card.
    await team.say("lina", "查一下瑞丰")
    assert last(team, "lina").replace("**", "").startswith("合肥瑞丰食品有限公司\n负责人：李娜")


async def _lina_s_leads(team: Bot) -> tuple[int, int]:
    """Two of 李娜's customers in 嘉兴, the first with two known contacts."""
    async with team.sessions() as session, session.begin():
        lina = (await session.scalars(select(Person).where(Person.key == "lina"))).one()
        ids = []
        for company, key in (("嘉兴秀禾五金有限公司", "秀禾五金"), ("嘉兴明远机电有限公司", "明远机电")):
            lead = await create_lead(
                session, company=company, company_key=key, source="rep", created_at=START,
                owner_id=lina.id, team_id=lina.team_id, city="嘉兴",
            )  # fmt: skip
            ids.append(lead.id)
        await add_contact(session, ids[0], now=START, name="邵建华", title="采购经理", phone="13700003333")
        await add_contact(session, ids[0], now=START, name="闻立", title="设备主管")
    return ids[0], ids[1]


async def _lead(team: Bot, lead_id: int) -> Lead:
    async with team.sessions() as session:
        lead = await session.get(Lead, lead_id)
    assert lead is not None
    return lead


REPORT = "今天拜访了嘉兴秀禾五金邵经理，想要数控折弯机，预算60万，下周二下午两点再去"


async def test_corrections_change_the_day_budget_contact_and_kind_and_show_old_and_new(team: Bot) -> None:
    xiuhe, _ = await _lina_s_leads(team)
    await team.say("lina", REPORT)
    await team.say("lina", "不对，是下周四不是下周二")
    # (a correction that names only the day keeps the time planned, as one naming the weekday does)
    assert "下次跟进：3月17日(周二) 14:00 → 3月19日(周四) 14:00" in last(team, "lina")
    lead = await _lead(team, xiuhe)
    assert lead.next_followup_at is not None and lead.next_followup_at.astimezone(SHANGHAI).day == 19
    await team.say("lina", "预算说错了，是90万")
    assert "预算：60万 → 90万" in last(team, "lina")
    await team.say("lina", "联系人是闻主管不是邵经理")
    assert "联系人：邵建华 采购经理 13700003333 → 闻立 设备主管" in last(team, "lina")
    await team.say("lina", "改成电话沟通")
    assert "方式：拜访 → 电话" in last(team, "lina")
    await team.say("lina", "时间错了 是下午四点")
    assert "下次跟进：3月19日(周四) 14:00 → 3月19日(周四) 16:00" in last(team, "lina")
    await team.say("lina", "不对，是激光焊接机不是折弯机")
    assert "产品：数控折弯机 → 激光焊接机" in last(team, "lina")
    [record] = await followups(team)
    lead = await _lead(team, xiuhe)
    assert record.kind == "call" and lead.budget_max == 900_000 and lead.products == ["激光焊接机"]
    async with team.sessions() as session:
        contact = await session.get(Contact, record.contact_id)
        names = (await session.scalars(select(Contact.name).where(Contact.lead_id == xiuhe))).all()
    assert contact is not None and contact.name == "闻立" and sorted(names) == ["邵建华", "闻立"]


async def test_a_correction_s_reason_changes_nothing_else(team: Bot) -> None:
    xiuhe, _ = await _lina_s_leads(team)
    await team.say("lina", REPORT)
    await team.say("lina", "不对 是下周三上午 周二他们要开董事会")
    reply = last(team, "lina")
    assert "下次跟进：3月17日(周二) 14:00 → 3月18日(周三)" in reply and "联系人" not in reply
    [record] = await followups(team)
    lead = await _lead(team, xiuhe)
    assert lead.next_followup_at is not None and lead.next_followup_at.astimezone(SHANGHAI).day == 18
    async with team.sessions() as session:
        contact = await session.get(Contact, record.contact_id)
    assert contact is not None and (contact.name, contact.title) == ("邵建华", "采购经理")


async def test_a_wrong_customer_is_corrected_by_moving_the_record(team: Bot) -> None:
    xiuhe, mingyuan = await _lina_s_leads(team)
    await team.say("lina", "今天去秀禾五金拜访了，数控折弯机预算60万，后天上午再去")
    await team.say("lina", "说错了 刚才那个不是秀禾 是明远")
    assert "客户：嘉兴秀禾五金有限公司 → 嘉兴明远机电有限公司" in last(team, "lina")
    [record] = await followups(team)
    wrong, right = await _lead(team, xiuhe), await _lead(team, mingyuan)
    assert record.lead_id == mingyuan and record.kind == "visit"
    assert right.budget_max == 600_000 and "数控折弯机" in right.products
    assert right.next_followup_at is not None and wrong.next_followup_at is None


async def test_a_customer_corrected_to_one_the_crm_does_not_know_is_the_rep_s_new_lead(team: Bot) -> None:
    xiuhe, _ = await _lina_s_leads(team)
    await team.say("lina", "今天去秀禾五金拜访了，数控折弯机预算60万，后天上午再去")
    await team.say("lina", "不对，客户是嘉兴恒信机电，不是秀禾")
    [record] = await followups(team)
    new = await _lead(team, record.lead_id)
    assert new.id != xiuhe and new.company == "嘉兴恒信机电" and new.city == "嘉兴"
    assert new.budget_max == 600_000 and new.next_followup_at is not None
    assert "→ 嘉兴恒信机电" in last(team, "lina") and len(await leads(team)) == 3


async def test_a_message_naming_no_customer_continues_the_last_report_for_a_few_minutes(team: Bot) -> None:
    xiuhe, _ = await _lina_s_leads(team)
    await team.say("lina", REPORT)
    await team.say("lina", "对了 他们还想看看激光焊接机")
    reply = last(team, "lina")
    assert "嘉兴秀禾五金有限公司" in reply and "产品：+激光焊接机" in reply and "改一下" in reply
    await team.say("lina", "预算可能再加20万")
    assert "预算：60万 → 80万" in last(team, "lina")
    await team.say("lina", "他说下周给答复")
    assert "备注：他说下周给答复" in last(team, "lina")
    # An afterthought with a fact is one more follow-up on the lead, of the visit's kind and with its
    # contact; a budget said alone ("预算可能再加20万") or a remark with none ("他说下周给答复") is kept
    # with the last record, no contact of its own.
    visit, *more = await followups(team)
    lead = await _lead(team, xiuhe)
    assert lead.products == ["数控折弯机", "激光焊接机"] and lead.budget_max == 800_000
    assert [r.text for r in more] == ["对了 他们还想看看激光焊接机\n预算可能再加20万\n他说下周给答复"]
    assert all((r.lead_id, r.kind, r.contact_id) == (xiuhe, "visit", visit.contact_id) for r in more)
    assert more[0].extracted["products"] == ["激光焊接机"] and visit.contact_id is not None
    team.clock.advance(timedelta(minutes=10))
    await team.say("lina", "对了 他们还想看看激光切割机")
    assert "嘉兴秀禾五金" not in last(team, "lina")  # too late to be the same conversation
    assert "光纤激光切割机" not in (await _lead(team, xiuhe)).products


async def test_a_message_naming_another_customer_does_not_continue_the_last(team: Bot) -> None:
    xiuhe, mingyuan = await _lina_s_leads(team)
    await team.say("lina", REPORT)
    await team.say("lina", "明远那边他们也想看看激光焊接机")
    records = await followups(team)
    assert [r.lead_id for r in records] == [xiuhe, mingyuan]
    assert "激光焊接机" not in (await _lead(team, xiuhe)).products


async def test_the_amend_button_makes_the_next_message_a_correction(team: Bot) -> None:
    xiuhe, _ = await _lina_s_leads(team)
    await team.say("lina", REPORT)
    await team.click("lina", "改一下")
    assert "要改什么" in last(team, "lina")
    await team.say("lina", "下周五上午十点")
    assert "→ 3月20日(周五) 10:00" in last(team, "lina")
    assert len(await followups(team)) == 1
    assert (await _lead(team, xiuhe)).next_followup_at == datetime(2026, 3, 20, 10, 0, tzinfo=SHANGHAI)
