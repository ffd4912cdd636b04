"""Follow-up records on every database: recording, the last record of a person, amending."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import followups, leads
from storage.models import Person

T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


async def setup(session: AsyncSession) -> tuple[Person, int]:
    person = Person(key="lina", name="李娜", role="rep", cities=[], product_lines=[])
    session.add(person)
    await session.flush()
    lead = await leads.create_lead(session, company="甲", company_key="甲", source="rep", created_at=T0)
    return person, lead.id


async def test_record_and_find_the_last_by_person(session: AsyncSession) -> None:
    person, lead_id = await setup(session)
    assert await followups.last_followup_by(session, person.id) is None
    first = await followups.record_followup(
        session, lead_id=lead_id, person_id=person.id, text="拜访了", kind="visit",
        extracted={"kind": "visit"}, happened_at=T0, created_at=T0, awaiting="next_followup",
    )  # fmt: skip
    second = await followups.record_followup(
        session, lead_id=lead_id, person_id=person.id, text="打了电话", kind="call",
        extracted={}, happened_at=T0 - timedelta(days=1), created_at=T0 + timedelta(minutes=1),
    )  # fmt: skip
    await followups.record_followup(
        session, lead_id=lead_id, person_id=None, text="客户询价", kind="inquiry",
        extracted={}, happened_at=T0, created_at=T0 + timedelta(minutes=2),
    )  # fmt: skip
    assert first.id is not None and first.awaiting == "next_followup"
    assert await followups.last_followup_by(session, person.id) is second
    newest = await followups.list_followups(session, lead_id, limit=2)
    assert [f.kind for f in newest] == ["inquiry", "visit"]


async def test_amend_merges_slots_and_closes_the_question(session: AsyncSession) -> None:
    person, lead_id = await setup(session)
    record = await followups.record_followup(
        session, lead_id=lead_id, person_id=person.id, text="拜访了，预算100万", kind="visit",
        extracted={"kind": "visit", "budget": [1000000, 1000000]}, happened_at=T0, created_at=T0,
        awaiting="next_followup",
    )  # fmt: skip
    later = T0 + timedelta(minutes=3)
    due = T0 + timedelta(days=3)
    await followups.amend_followup(
        session, record, at=later, awaiting=None, extracted={"budget": [2000000, 2000000]},
        next_followup_at=due, note="不对，预算是200万",
    )  # fmt: skip
    await session.commit()
    session.expunge_all()
    again = await followups.last_followup_by(session, person.id)
    assert again is not None
    assert again.extracted == {"kind": "visit", "budget": [2000000, 2000000]}
    assert again.text == "拜访了，预算100万\n不对，预算是200万"
    assert (again.next_followup_at, again.updated_at, again.awaiting) == (due, later, None)
