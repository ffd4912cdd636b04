"""Lead lookups and writes on every database: dedupe by phone and company key, contacts, stages, load."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import leads
from storage.models import Lead, Person, StageChange, Team

T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


async def people(session: AsyncSession) -> tuple[Person, Person]:
    team = Team(name="华东一组")
    session.add(team)
    await session.flush()
    a = Person(key="lina", name="李娜", role="rep", team_id=team.id, cities=[], product_lines=[])
    b = Person(key="wq", name="王强", role="rep", team_id=team.id, cities=[], product_lines=[])
    session.add_all([a, b])
    await session.flush()
    return a, b


async def test_find_by_phone_and_company_key(session: AsyncSession) -> None:
    first = await leads.create_lead(session, company="苏州远航物流有限公司", company_key="远航物流",
                                    source="rep", created_at=T0)  # fmt: skip
    other = await leads.create_lead(session, company="远洋物流", company_key="远洋物流", source="web",
                                    created_at=T0)  # fmt: skip
    await leads.add_contact(session, first.id, now=T0, name="王", title="总监", phone="13812345678")
    assert first.stage == "线索" and first.products == []
    assert await leads.find_lead_by_phone(session, "13812345678") is first
    assert await leads.find_lead_by_phone(session, "13900000000") is None
    await leads.add_contact(session, other.id, now=T0, external_id="wecom:wmBuyer")
    assert await leads.find_lead_by_external_id(session, "wecom:wmBuyer") is other
    assert await leads.find_lead_by_external_id(session, "wecom:wmOther") is None
    assert await leads.find_leads_by_company_key(session, "远航物流") == [first]
    assert await leads.find_leads_by_company_key(session, "远航") == []
    assert await leads.list_company_keys(session) == [(first.id, "远航物流"), (other.id, "远洋物流")]
    assert (await leads.get_lead(session, other.id)) is other


async def test_add_contact_merges_by_phone_then_name(session: AsyncSession) -> None:
    lead = await leads.create_lead(session, company="仁济医院", company_key="仁济医院", source="rep",
                                   created_at=T0)  # fmt: skip
    wang = await leads.add_contact(session, lead.id, now=T0, name="王", title="主任")
    same = await leads.add_contact(session, lead.id, now=T0, name="王", phone="13812345678")
    assert same.id == wang.id and same.title == "主任" and same.phone == "13812345678"
    by_phone = await leads.add_contact(session, lead.id, now=T0, phone="13812345678", email="w@x.cn")
    assert by_phone.id == wang.id and by_phone.email == "w@x.cn"
    chat = await leads.add_contact(session, lead.id, now=T0, phone="13812345678", external_id="wecom:a")
    again = await leads.add_contact(session, lead.id, now=T0, name="小王", external_id="wecom:b")
    assert chat.id == wang.id and chat.external_id == "wecom:a"
    assert again.id != wang.id and again.external_id == "wecom:b"  # a new chat is a new contact
    li = await leads.add_contact(session, lead.id, now=T0, name="李", title="院长")
    assert [c.name for c in await leads.list_contacts(session, lead.id)] == ["王", "小王", "李"]
    assert li.id != wang.id


async def test_contact_name_lookup_is_limited_to_the_owner(session: AsyncSession) -> None:
    a, b = await people(session)
    mine = await leads.create_lead(session, company="甲", company_key="甲", source="rep", created_at=T0,
                                   owner_id=a.id)  # fmt: skip
    theirs = await leads.create_lead(session, company="乙", company_key="乙", source="rep", created_at=T0,
                                     owner_id=b.id)  # fmt: skip
    await leads.add_contact(session, mine.id, now=T0, name="刘晓明")
    await leads.add_contact(session, theirs.id, now=T0, name="刘晓明")
    assert await leads.find_leads_by_contact_name(session, a.id, "刘晓明") == [mine]
    assert await leads.find_leads_by_contact_name(session, b.id, "刘晓明") == [theirs]
    assert await leads.find_leads_by_contact_name(session, a.id, "刘") == []


async def test_change_stage_records_who_when_and_skips_no_moves(session: AsyncSession) -> None:
    a, _ = await people(session)
    lead = await leads.create_lead(session, company="甲", company_key="甲", source="rep", created_at=T0)
    later = T0 + timedelta(days=2)
    change = await leads.change_stage(session, lead, "报价", person_id=a.id, at=later)
    assert change is not None and (change.from_stage, change.to_stage) == ("线索", "报价")
    assert lead.stage == "报价" and lead.stage_changed_at == later
    assert await leads.change_stage(session, lead, "报价", person_id=a.id, at=later) is None
    lost = await leads.change_stage(session, lead, "输单", person_id=a.id, at=later, awaiting="reason")
    assert await leads.last_stage_change_by(session, a.id) is lost
    rows = (await session.scalars(select(StageChange).order_by(StageChange.id))).all()
    assert [(r.to_stage, r.awaiting) for r in rows] == [("报价", None), ("输单", "reason")]
    with pytest.raises(ValueError):
        await leads.change_stage(session, lead, "成交", person_id=a.id, at=later)


async def test_open_lead_counts_and_last_assignment(session: AsyncSession) -> None:
    a, b = await people(session)
    for i, (owner, stage) in enumerate([(a, "线索"), (a, "报价"), (a, "输单"), (b, "交付"), (b, "谈判")]):
        lead = await leads.create_lead(session, company=f"c{i}", company_key=f"c{i}", source="web",
                                       created_at=T0, owner_id=owner.id)  # fmt: skip
        lead.stage = stage
        lead.assigned_at = T0 + timedelta(hours=i)
    await session.flush()
    assert await leads.open_lead_counts(session) == {a.id: 2, b.id: 1}
    assert await leads.open_lead_counts(session, [b.id]) == {b.id: 1}
    times = await leads.last_assignment_times(session)
    assert times == {a.id: T0 + timedelta(hours=2), b.id: T0 + timedelta(hours=4)}


async def test_closing_a_deal_clears_its_planned_follow_up(session: AsyncSession) -> None:
    lead = await leads.create_lead(
        session, company="苏州恒通精密", company_key="苏州恒通精密", source="rep", created_at=T0
    )
    lead.next_followup_at, lead.cold_at = T0 + timedelta(days=3), T0 + timedelta(days=20)
    await leads.change_stage(session, lead, "报价", person_id=None, at=T0)
    assert lead.next_followup_at is not None and lead.cold_at is not None
    await leads.change_stage(session, lead, "输单", person_id=None, at=T0 + timedelta(days=1))
    assert lead.next_followup_at is None and lead.cold_at is None


async def test_reserved_lead_ids_are_never_given_out_again(session: AsyncSession) -> None:
    first = await leads.create_lead(session, company="甲", company_key="甲", source="rep", created_at=T0)
    ids = await leads.reserve_lead_ids(session, 3)
    assert ids == sorted(ids) and len(set(ids)) == 3 and min(ids) > first.id
    for lead_id in ids:  # inserted with the reserved ids, as the leads import does
        session.add(
            Lead(id=lead_id, company="乙", company_key="乙", source="import", created_at=T0, stage="线索")
        )
    await session.flush()
    later = await leads.create_lead(session, company="丙", company_key="丙", source="rep", created_at=T0)
    assert later.id > max(ids)
    assert await leads.reserve_lead_ids(session, 0) == []


async def test_bulk_lookups_find_the_oldest_lead_as_the_single_ones_do(session: AsyncSession) -> None:
    old = await leads.create_lead(session, company="恒通", company_key="恒通", source="rep", created_at=T0)
    new = await leads.create_lead(
        session, company="恒通机械", company_key="恒通", source="rep", created_at=T0
    )
    await leads.add_contact(session, new.id, now=T0, name="张三", phone="13953115678")
    await leads.add_contact(session, old.id, now=T0, name="李四", phone="13953115678")
    assert await leads.oldest_leads_by_phone(session, ["13953115678", "13900000000"]) == {
        "13953115678": old.id
    }
    assert await leads.leads_by_company_key(session, ["恒通", "远航"]) == {"恒通": [old.id, new.id]}
    found = await leads.find_lead_by_phone(session, "13953115678")
    assert found is not None and found.id == old.id
    loaded = await leads.leads_with_contacts(session, [new.id, old.id])
    assert [(lead.id, [c.name for c in contacts]) for lead, contacts in loaded] == [
        (old.id, ["李四"]),
        (new.id, ["张三"]),
    ]


async def test_the_book_generation_moves_with_writes_linking_reads_and_only_those(
    session: AsyncSession,
) -> None:
    a, _ = await people(session)
    before = leads.book_generation()
    lead = await leads.create_lead(session, company="合肥瑞丰食品有限公司", company_key="瑞丰食品",
                                   source="rep", created_at=T0, owner_id=a.id)  # fmt: skip
    contact = await leads.add_contact(session, lead.id, now=T0, name="岑志远")
    assert leads.book_generation() == before + 2
    lead.last_contact_at, lead.grade = T0, "A"
    await session.flush()
    assert leads.book_generation() == before + 2  # nothing linking reads
    contact.title = "销售总监"
    await session.flush()
    lead.city = "合肥"
    await session.flush()
    assert leads.book_generation() == before + 4
    rows, people_rows, read = await leads.book_rows(session, Lead.owner_id == a.id)
    assert rows == [(lead.id, "合肥瑞丰食品有限公司", "瑞丰食品", "合肥", a.id, [])]
    assert people_rows == [(lead.id, "岑志远", "销售总监", None)]
    assert await leads.book_stamp(session, Lead.owner_id == a.id) == (1, lead.id, 1, contact.id) == read
    assert (await leads.book_rows(session, Lead.owner_id == -1)).stamp == await leads.book_stamp(
        session, Lead.owner_id == -1
    )  # nothing read: the stamp of an empty book
