"""log_followup: finding the lead, rights, what is stored, the question asked once, corrections."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import log_followup
from handlers.lead_lookup import TAKEN
from nlp import Intent
from storage.leads import add_contact, create_lead, list_contacts
from storage.models import Lead
from tests.handlers.sales_fixtures import NOW, SHANGHAI, World, make_world, when

VISIT = (
    "今天上午拜访了苏州仁济医院设备科王主任，电话13812345678，对64排CT很感兴趣，预算150万，"
    "在和GE比较，下周三下午2点再去演示"
)
VISIT_SLOTS = dict(
    company="苏州仁济医院", contact_name="王", contact_title="主任", phone="13812345678",
    products=("64排CT",), competitors=("GE医疗",), budget=(1_500_000, 1_500_000), city="苏州",
    kind="visit", stage="需求确认", next_followup=when("2026-03-18", "14:00"),
)  # fmt: skip


async def lead_of(world: World, who: str, company: str, **fields: object) -> Lead:
    person = world.people[who]
    lead = await create_lead(world.session, company=company, company_key=fields.pop("key", company),
                             source="web", created_at=NOW - timedelta(days=3), owner_id=person.id,
                             team_id=person.team_id)  # fmt: skip
    for name, value in fields.items():
        setattr(lead, name, value)
    await world.session.flush()
    return lead


async def test_a_visit_to_a_new_customer_creates_the_rep_s_lead(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lina = world.people["lina"]
    replies = await log_followup.handle(world.ctx("lina", VISIT, **VISIT_SLOTS))

    [lead] = await world.leads()
    assert (lead.company, lead.company_key, lead.owner_id, lead.team_id) == (
        "苏州仁济医院", "仁济医院", lina.id, lina.team_id)  # fmt: skip
    assert (lead.source, lead.assigned_at, lead.grade) == ("rep", NOW, "B")
    assert (lead.products, lead.competitors, lead.city, lead.product_line) == (
        ["64排CT"],
        ["GE医疗"],
        "苏州",
        "影像",
    )
    assert (lead.budget_min, lead.budget_max, lead.stage) == (1_500_000, 1_500_000, "需求确认")
    assert lead.last_contact_at == NOW and lead.first_response_at == NOW
    assert lead.next_followup_at == datetime(2026, 3, 18, 14, 0, tzinfo=SHANGHAI)
    assert lead.next_followup_has_time is True
    assert lead.tags == ["预算充足", "预算150万", "竞品对比中:GE医疗", "意向:影像", "决策人"]
    [contact] = await list_contacts(session, lead.id)
    assert (contact.name, contact.title, contact.phone) == ("王", "主任", "13812345678")
    [record] = await world.followups()
    assert (record.person_id, record.kind, record.text, record.awaiting) == (lina.id, "visit", VISIT, None)
    assert record.extracted["budget"] == [1_500_000, 1_500_000] and record.contact_id == contact.id
    assert record.happened_at == NOW and record.next_followup_at == lead.next_followup_at
    [change] = await world.stage_changes()
    assert (change.from_stage, change.to_stage, change.person_id) == (
        "初筛",
        "需求确认",
        lina.id,
    )  # a met new customer starts screened

    [reply] = replies
    assert reply.to == lina.id and reply.title == "已记录跟进"
    assert reply.lines == ("客户：苏州仁济医院", "联系人：王主任 13812345678", "方式：拜访", "阶段：需求确认",
                           "预算：150万", "下次跟进：3月18日(周三) 14:00")  # fmt: skip


async def test_lead_found_by_phone_then_company_then_contact_name(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    by_phone = await lead_of(world, "lina", "无锡华光电子有限公司", key="华光电子")
    await add_contact(session, by_phone.id, now=NOW, name="陈", phone="13900002222")
    by_name = await lead_of(world, "lina", "金康大药房")
    await add_contact(session, by_name.id, now=NOW, name="刘晓明")
    # The phone wins over a company spelled differently.
    await log_followup.handle(
        world.ctx("lina", "给陈总打了电话", company="华光", phone="13900002222", kind="call")
    )
    await log_followup.handle(
        world.ctx("lina", "华光电子有限公司回电", company="华光电子有限公司", kind="call")
    )
    await log_followup.handle(
        world.ctx("lina", "金康药房李总微信聊了", company="金康药房", kind="online")
    )  # near
    await log_followup.handle(world.ctx("lina", "刘晓明那边发了报价", contact_name="刘晓明", kind="online"))
    assert len(await world.leads()) == 2
    assert [f.lead_id for f in await world.followups()] == [by_phone.id, by_phone.id, by_name.id, by_name.id]
    assert by_phone.last_contact_at == NOW and by_phone.first_response_at == NOW


async def test_another_rep_s_customer_is_refused_without_data(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    theirs = await lead_of(world, "wangqiang", "杭州明德口腔医院", key="明德口腔医院", budget_max=800_000)
    [reply] = await log_followup.handle(world.ctx("lina", "拜访了明德口腔医院", company="明德口腔医院"))
    assert reply.to == world.people["lina"].id and reply.lines == (TAKEN,)
    assert "王强" not in repr(reply) and "80" not in repr(reply)
    assert await world.followups() == [] and theirs.last_contact_at is None
    # Their manager may log against it, another team's manager may not, an admin may.
    [ok] = await log_followup.handle(world.ctx("zhangwei", "陪同拜访明德口腔医院", company="明德口腔医院"))
    [no] = await log_followup.handle(world.ctx("sunli", "拜访明德口腔医院", company="明德口腔医院"))
    [admin] = await log_followup.handle(world.ctx("admin", "拜访明德口腔医院", company="明德口腔医院"))
    assert ok.title == "已记录跟进" and no.lines == (TAKEN,) and admin.title == "已记录跟进"
    assert theirs.owner_id == world.people["wangqiang"].id


async def test_a_queued_lead_is_taken_by_the_rep_who_contacts_it(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    queued = await lead_of(world, "lina", "远航物流", owner_id=None, assigned_at=None)
    await log_followup.handle(world.ctx("lina", "远航物流打了电话", company="远航物流", kind="call"))
    assert (queued.owner_id, queued.assigned_at) == (world.people["lina"].id, NOW)


async def test_an_unnamed_customer_is_asked_for(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    [reply] = await log_followup.handle(world.ctx("lina", "今天打了三个电话", kind="call"))
    assert reply.title == "是哪个客户？"
    assert await world.leads() == [] and await world.followups() == []


async def test_missing_next_step_is_asked_once_and_the_answer_completes_the_record(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    [asked] = await log_followup.handle(
        world.ctx("lina", "远航物流李总来电询价", company="远航物流", kind="call")
    )
    assert asked.lines[-1] == log_followup.ASK_NEXT and "下次跟进：未定" in asked.lines
    [record] = await world.followups()
    assert record.awaiting == "next_followup"

    world.later(hours=1)
    answer = world.ctx("lina", "周五下午", Intent.OTHER, next_followup=when("2026-03-13"))
    assert await log_followup.continues_last(answer)
    [done] = await log_followup.handle(answer)
    assert done.title == "已更新下次跟进" and "下次跟进：3月13日(周五)" in done.lines
    assert log_followup.ASK_NEXT not in done.lines
    [record] = await world.followups()
    [lead] = await world.leads()
    local_nine = datetime(2026, 3, 13, 9, 0, tzinfo=SHANGHAI)
    assert (record.awaiting, record.next_followup_at, record.updated_at) == (
        None,
        local_nine,
        world.clock.now(),
    )
    assert (lead.next_followup_at, lead.next_followup_has_time) == (local_nine, False)
    assert record.extracted["next_followup"] == {"date": "2026-03-13", "time": None}

    # Answered: another bare time is no longer an answer, and nothing asks again.
    world.later(hours=1)
    assert not await log_followup.continues_last(world.ctx("lina", "周六", next_followup=when("2026-03-14")))


async def test_an_answer_long_after_is_not_taken(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", "远航物流李总来电", company="远航物流", kind="call"))
    world.later(hours=13)
    assert not await log_followup.continues_last(world.ctx("lina", "周五", next_followup=when("2026-03-13")))
    other = world.ctx("wangqiang", "周五", next_followup=when("2026-03-13"))
    assert not await log_followup.continues_last(other)  # someone else's question


async def test_a_correction_amends_the_last_record_and_the_lead(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", VISIT, **VISIT_SLOTS))
    world.later(minutes=5)
    fix = world.ctx("lina", "不对，预算是200万", Intent.LOG_FOLLOWUP, budget=(2_000_000, 2_000_000))
    assert await log_followup.continues_last(fix)
    [reply] = await log_followup.handle(fix)
    assert reply.title == "已更正" and reply.lines == ("客户：苏州仁济医院", "预算：150万 → 200万")
    [lead] = await world.leads()
    [record] = await world.followups()
    assert (lead.budget_min, lead.budget_max) == (2_000_000, 2_000_000)
    assert "预算200万" in lead.tags and "预算150万" not in lead.tags
    assert record.extracted["budget"] == [2_000_000, 2_000_000] and record.text.endswith("不对，预算是200万")

    world.later(minutes=4)
    await log_followup.handle(world.ctx("lina", "电话错了，是13900001111", phone="13900001111"))
    world.later(minutes=4)
    await log_followup.handle(
        world.ctx("lina", "改成下周四上午10点", next_followup=when("2026-03-19", "10:00"))
    )
    [contact] = await list_contacts(session, lead.id)
    assert contact.phone == "13900001111"
    assert lead.next_followup_at == datetime(2026, 3, 19, 10, 0, tzinfo=SHANGHAI)
    assert len(await world.followups()) == 1


async def test_corrections_are_only_early_recent_and_about_the_same_customer(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", VISIT, **VISIT_SLOTS))
    world.later(minutes=3)
    news = "拜访了金康大药房，店长说之前的报价不对，要重新算"
    assert not await log_followup.continues_last(world.ctx("lina", news, company="金康大药房"))
    elsewhere = world.ctx("lina", "不对，远航物流预算是50万", company="远航物流", budget=(500_000, 500_000))
    assert not await log_followup.continues_last(elsewhere)
    same = world.ctx("lina", "不对，仁济医院预算是50万", company="仁济医院", budget=(500_000, 500_000))
    assert await log_followup.continues_last(same)
    [asks] = await log_followup.handle(world.ctx("lina", "不对"))
    assert asks.title == "要改什么？"
    world.later(minutes=11)
    assert not await log_followup.continues_last(
        world.ctx("lina", "不对，预算是200万", budget=(2_000_000, 2_000_000))
    )


async def test_a_short_name_or_the_contact_links_the_rep_s_lead_and_its_known_contact(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    ruifeng = await lead_of(world, "lina", "合肥瑞丰食品有限公司", key="瑞丰食品", city="合肥")
    known = await add_contact(session, ruifeng.id, now=NOW, name="岑志远", title="销售总监")
    [reply] = await log_followup.handle(
        world.ctx("lina", "刚跟瑞丰的岑总监通了电话", contact_name="岑", contact_title="总监", kind="call")
    )
    assert reply.title == "已记录跟进" and "合肥瑞丰食品有限公司" in repr(reply)
    # The contact named by surname and title is the known one, not a nameless twin.
    assert [(c.id, c.name, c.title) for c in await list_contacts(session, ruifeng.id)] == [
        (known.id, "岑志远", "销售总监")
    ]
    await log_followup.handle(world.ctx("lina", "岑总监那边说下周给答复", kind="call"))
    assert [(f.lead_id, f.contact_id) for f in await world.followups()] == [(ruifeng.id, known.id)] * 2
    assert len(await world.leads()) == 1


async def test_two_leads_of_one_short_name_are_asked_about_never_guessed(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "lina", "福州华信电子有限公司", key="华信电子", city="福州")
    xiamen = await lead_of(world, "lina", "厦门华信物流有限公司", key="华信物流", city="厦门")
    [reply] = await log_followup.handle(world.ctx("lina", "华信那边今天见了一面", kind="visit"))
    assert reply.title == "是哪个客户？"
    assert "1. 福州华信电子有限公司" in reply.lines[0] and "2. 厦门华信物流有限公司" in reply.lines[1]
    assert await world.followups() == []
    # The city said in the message settles it.
    await log_followup.handle(world.ctx("lina", "厦门华信那边今天见了一面", kind="visit", city="厦门"))
    assert [f.lead_id for f in await world.followups()] == [xiamen.id]


async def test_a_colleague_s_lead_is_not_linked_by_its_short_name(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "wangqiang", "合肥瑞丰食品有限公司", key="瑞丰食品")
    [reply] = await log_followup.handle(world.ctx("lina", "瑞丰那边今天见了一面", kind="visit"))
    assert reply.title == "是哪个客户？" and "瑞丰" not in repr(reply.lines)
    assert await world.followups() == []


async def test_the_writer_s_book_is_rebuilt_after_a_write(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "lina", "合肥瑞丰食品有限公司", key="瑞丰食品")
    await log_followup.handle(world.ctx("lina", "瑞丰那边今天见了一面", kind="visit"))
    qinghe = await lead_of(world, "lina", "南昌青禾农业有限公司", key="青禾农业")
    await log_followup.handle(world.ctx("lina", "青禾那边今天见了一面", kind="visit"))
    await add_contact(session, qinghe.id, now=NOW, name="甘露", title="采购经理")
    await log_followup.handle(world.ctx("lina", "甘经理说下周给答复", kind="call"))
    assert [f.lead_id for f in await world.followups()][1:] == [qinghe.id, qinghe.id]


async def test_leads_another_process_added_reach_the_kept_book(
    session: AsyncSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process's writes do not move this process's write counter: the book's counts must.
    monkeypatch.setattr("handlers.lead_lookup.book_generation", lambda: 0)
    world = await make_world(session, tmp_path)
    await lead_of(world, "lina", "合肥瑞丰食品有限公司", key="瑞丰食品")
    await log_followup.handle(world.ctx("lina", "瑞丰那边今天见了一面", kind="visit"))
    qinghe = await lead_of(world, "lina", "南昌青禾农业有限公司", key="青禾农业")
    await log_followup.handle(world.ctx("lina", "青禾那边今天见了一面", kind="visit"))
    assert [f.lead_id for f in await world.followups()][1:] == [qinghe.id]


WINDOWS = [("", 4, True), ("", 6, False), ('"15m"', 12, True), ('"0s"', 1, False)]


@pytest.mark.parametrize(("window", "after", "continues"), WINDOWS)
async def test_a_message_naming_no_customer_continues_the_last_record_within_the_configured_window(
    session: AsyncSession, tmp_path: Path, window: str, after: int, continues: bool
) -> None:
    extra = f"\n[conversation]\ncontext_window = {window}\n" if window else ""
    world = await make_world(session, tmp_path, extra)
    await log_followup.handle(world.ctx("lina", VISIT, **VISIT_SLOTS))
    world.later(minutes=after)
    more = world.ctx("lina", "对了他们还想看看DR", Intent.OTHER, products=("DR",))
    assert await log_followup.continues_last(more) is continues
    if continues:
        [reply] = await log_followup.handle(more)
        assert reply.lines[:2] == ("客户：苏州仁济医院", "产品：+DR") and reply.buttons[0].label == "改一下"
        # One more follow-up on the same lead, of the same kind and with the same contact.
        visit, more_record = await world.followups()
        assert more_record.lead_id == visit.lead_id and more_record.extracted["products"] == ["DR"]
        assert (more_record.kind, more_record.contact_id) == (visit.kind, visit.contact_id)
        assert visit.kind == "visit" and visit.contact_id is not None


async def test_an_open_when_next_question_moves_to_the_follow_on_record(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", "远航物流李总来电询价", company="远航物流", kind="call"))
    world.later(minutes=1)
    await log_followup.handle(world.ctx("lina", "对了他们还要冷柜", Intent.OTHER, products=("冷柜",)))
    call, more = await world.followups()
    assert (call.awaiting, more.awaiting, more.kind) == (None, "next_followup", "call")
    world.later(minutes=1)
    answer = world.ctx("lina", "周五下午", Intent.OTHER, next_followup=when("2026-03-13"))
    [done] = await log_followup.handle(answer)
    assert done.title == "已更新下次跟进"
    call, more = await world.followups()  # the answer completes the newest record, no third one
    assert more.awaiting is None and more.next_followup_at is not None


async def test_a_team_mate_s_customer_said_by_short_name_is_refused_as_its_full_name_is(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    theirs = await lead_of(world, "wangqiang", "宁波鑫源包装材料有限公司", key="鑫源包装材料", city="宁波")
    [reply] = await log_followup.handle(
        world.ctx("lina", "顺路去鑫源包装坐了坐，下周再去", company="鑫源包装", kind="visit")
    )
    assert reply.lines == (TAKEN,) and "鑫源" not in repr(reply)
    assert await world.followups() == [] and len(await world.leads()) == 1
    assert theirs.last_contact_at is None


async def test_another_team_s_customer_or_a_word_outside_the_customer_s_name_is_not_the_team_s(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "vip1", "宁波鑫源包装材料有限公司", key="鑫源包装材料", city="宁波")
    await lead_of(world, "wangqiang", "杭州恒通汽配有限公司", key="恒通汽配", city="杭州")
    # Another team's customer said by short name: not the rep's team's, so a lead of their own.
    [reply] = await log_followup.handle(
        world.ctx("lina", "顺路去鑫源包装坐了坐，下周再去", company="鑫源包装", kind="visit")
    )
    assert reply.title == "已记录跟进"
    # A team-mate's brand said beside the customer ("照着恒通那套做"), not as the customer.
    [reply] = await log_followup.handle(
        world.ctx("lina", "给华晨机电打了电话，照着恒通那套做方案", company="华晨机电", kind="call")
    )
    assert reply.title == "已记录跟进"
    assert sorted(lead.company for lead in await world.leads()) == [
        "华晨机电", "宁波鑫源包装材料有限公司", "杭州恒通汽配有限公司", "鑫源包装",
    ]  # fmt: skip


async def test_a_plan_naming_another_customer_by_short_name_and_contact_is_not_the_last_record_s(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    ruifeng = await lead_of(world, "lina", "合肥瑞丰食品有限公司", key="合肥瑞丰食品", city="合肥")
    await add_contact(session, ruifeng.id, now=NOW, name="岑志远", title="销售总监")
    await log_followup.handle(world.ctx("lina", "远航物流李总来电询价", company="远航物流", kind="call"))
    [call] = await world.followups()
    world.later(minutes=1)
    # The short name glued to the other lead's contact: news of 瑞丰, not 远航's plan.
    other = world.ctx(
        "lina", "瑞丰岑总微信回了，样品他们还在检测，下周三我再问问", Intent.OTHER,
        kind="online", next_followup=when("2026-03-18"),
    )  # fmt: skip
    [reply] = await log_followup.handle(other)
    assert reply.title == "已记录跟进" and "合肥瑞丰食品有限公司" in repr(reply)
    call, news = await world.followups()
    assert (call.next_followup_at, news.lead_id) == (None, ruifeng.id)
    # A plan naming the last record's own contact (or nobody) still answers that record.
    world.later(minutes=1)
    [done] = await log_followup.handle(
        world.ctx("lina", "瑞丰岑总监说周五再约", Intent.OTHER, next_followup=when("2026-03-13"))
    )
    assert done.title == "已更新下次跟进" and len(await world.followups()) == 2
