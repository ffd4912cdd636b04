"""Leads, their contacts and stage history: the lookups and writes the sales handlers need.

Plain async functions on a session; they flush so ids exist, and leave committing to the caller.
Company keys arrive already folded (the folding lives in nlp, which storage may not import).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlalchemy import ColumnElement, bindparam, event, func, select, text, true
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Delete, Insert, Update

from storage.models import CLOSED_STAGES, STAGES, Contact, Lead, Person, StageChange

T = TypeVar("T")


async def get_lead(session: AsyncSession, lead_id: int) -> Lead | None:
    return await session.get(Lead, lead_id)


# Built once: every message with a phone looks it up, and building and cache-keying cost more than running.
_BY_PHONE = (
    select(Lead)
    .join(Contact, Contact.lead_id == Lead.id)
    .where(Contact.phone == bindparam("phone"))
    .order_by(Lead.id)
    .limit(1)
)


async def find_lead_by_phone(session: AsyncSession, phone: str) -> Lead | None:
    """The oldest lead with a contact at this phone number (digits only)."""
    return (await session.scalars(_BY_PHONE, {"phone": phone})).first()


async def find_lead_by_external_id(session: AsyncSession, external_id: str) -> Lead | None:
    """The oldest lead with a contact who wrote from this chat identity."""
    statement = (
        select(Lead)
        .join(Contact, Contact.lead_id == Lead.id)
        .where(Contact.external_id == external_id)
        .order_by(Lead.id)
    )
    return (await session.scalars(statement.limit(1))).first()


async def find_leads_by_company_key(session: AsyncSession, company_key: str) -> list[Lead]:
    statement = select(Lead).where(Lead.company_key == company_key).order_by(Lead.id)
    return list((await session.scalars(statement)).all())


async def list_company_keys(session: AsyncSession) -> list[tuple[int, str]]:
    """(lead id, company key) of every lead, oldest first: the haystack for near matches."""
    rows = await session.execute(select(Lead.id, Lead.company_key).order_by(Lead.id))
    return [(lead_id, key) for lead_id, key in rows.all()]


async def find_leads_by_contact_name(session: AsyncSession, owner_id: int, name: str) -> list[Lead]:
    """The owner's leads with a contact of this name, most recently contacted first."""
    named = select(Contact.lead_id).where(Contact.name == name)
    statement = (
        select(Lead)
        .where(Lead.owner_id == owner_id, Lead.id.in_(named))
        .order_by(Lead.last_contact_at.desc().nulls_last(), Lead.id.desc())
    )
    return list((await session.scalars(statement)).all())


async def create_lead(
    session: AsyncSession,
    *,
    company: str,
    company_key: str,
    source: str,
    created_at: datetime,
    owner_id: int | None = None,
    team_id: int | None = None,
    city: str | None = None,
    source_detail: str | None = None,
    stage: str = STAGES[0],
) -> Lead:
    lead = Lead(
        company=company,
        company_key=company_key,
        source=source,
        source_detail=source_detail,
        created_at=created_at,
        owner_id=owner_id,
        team_id=team_id,
        city=city,
        stage=stage,
        stage_changed_at=created_at,
        products=[],
        competitors=[],
        tags=[],
    )
    session.add(lead)
    await session.flush()
    return lead


async def list_contacts(session: AsyncSession, lead_id: int) -> list[Contact]:
    statement = select(Contact).where(Contact.lead_id == lead_id).order_by(Contact.id)
    return list((await session.scalars(statement)).all())


async def add_contact(
    session: AsyncSession,
    lead_id: int,
    *,
    now: datetime,
    name: str | None = None,
    title: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    external_id: str | None = None,
) -> Contact:
    """Add a contact, or fill in the one already known by phone, chat or name instead of a twin."""
    existing = await list_contacts(session, lead_id)
    match = next((c for c in existing if phone and c.phone == phone), None)
    if match is None and external_id:
        match = next((c for c in existing if c.external_id == external_id), None)
    if match is None and name:
        match = next((c for c in existing if c.name == name), None)
    contact = match or Contact(lead_id=lead_id, created_at=now)
    fields = {"name": name, "title": title, "phone": phone, "email": email, "external_id": external_id}
    for attr, value in fields.items():
        if value and not (attr == "external_id" and contact.external_id):  # the first chat stays theirs
            setattr(contact, attr, value)
    session.add(contact)
    await session.flush()
    return contact


async def change_stage(
    session: AsyncSession,
    lead: Lead,
    to_stage: str,
    *,
    person_id: int | None,
    at: datetime,
    reason: str | None = None,
    awaiting: str | None = None,
) -> StageChange | None:
    """Move the lead and record who moved it when; None when it already stood there."""
    if to_stage not in STAGES:
        raise ValueError(f"unknown stage {to_stage!r}")
    if lead.stage == to_stage:
        return None
    change = StageChange(
        lead_id=lead.id,
        person_id=person_id,
        from_stage=lead.stage,
        to_stage=to_stage,
        reason=reason,
        awaiting=awaiting,
        changed_at=at,
    )
    reopened = lead.stage in CLOSED_STAGES and to_stage not in CLOSED_STAGES
    lead.stage = to_stage
    lead.stage_changed_at = at
    if to_stage in CLOSED_STAGES:
        # A closed deal is no longer followed up; clearing its due times also keeps it out of the
        # SLA scan's index ranges, which would otherwise grow with every deal ever closed.
        change.cleared_followup_at = lead.next_followup_at
        change.cleared_followup_has_time = lead.next_followup_has_time if lead.next_followup_at else None
        lead.next_followup_at = lead.cold_at = None
    elif reopened:
        await restore_cleared_followup(session, lead)
    session.add(change)
    await session.flush()
    return change


async def change_owner(session: AsyncSession, lead: Lead, owner: Person, at: datetime) -> None:
    """Give the lead to `owner`, in their team; it counts as assigned at `at`, as a new lead does, so a
    customer never contacted yet starts the new owner's first-response clock."""
    lead.owner_id, lead.team_id, lead.assigned_at = owner.id, owner.team_id or lead.team_id, at
    await session.flush()


async def restore_cleared_followup(session: AsyncSession, lead: Lead) -> None:
    """Give a reopened deal back the next follow-up its last move into a closed stage cleared, unless
    a plan was made since (call before that move is deleted or a newer one recorded)."""
    statement = (
        select(StageChange)
        .where(StageChange.lead_id == lead.id, StageChange.to_stage.in_(CLOSED_STAGES))
        .order_by(StageChange.changed_at.desc(), StageChange.id.desc())
    )
    closing = (await session.scalars(statement.limit(1))).first()
    if closing is None or closing.cleared_followup_at is None or lead.next_followup_at is not None:
        return
    lead.next_followup_at = closing.cleared_followup_at
    lead.next_followup_has_time = bool(closing.cleared_followup_has_time)


async def last_stage_change_by(session: AsyncSession, person_id: int) -> StageChange | None:
    statement = (
        select(StageChange)
        .where(StageChange.person_id == person_id)
        .order_by(StageChange.changed_at.desc(), StageChange.id.desc())
    )
    return (await session.scalars(statement.limit(1))).first()


async def open_lead_counts(session: AsyncSession, owner_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Open (not closed) leads per owner; owners with none are absent."""
    statement = (
        select(Lead.owner_id, func.count())
        .where(Lead.owner_id.is_not(None), Lead.stage.not_in(CLOSED_STAGES))
        .group_by(Lead.owner_id)
    )
    if owner_ids is not None:
        statement = statement.where(Lead.owner_id.in_(owner_ids))
    return {owner: count for owner, count in (await session.execute(statement)).all()}


async def last_assignment_times(session: AsyncSession) -> dict[int, datetime]:
    """When each owner was last given a lead, for round-robin among equally loaded reps."""
    statement = (
        select(Lead.owner_id, func.max(Lead.assigned_at))
        .where(Lead.owner_id.is_not(None), Lead.assigned_at.is_not(None))
        .group_by(Lead.owner_id)
    )
    return {owner: at for owner, at in (await session.execute(statement)).all()}


def _chunks(values: Collection[T], size: int = 500) -> Iterator[list[T]]:
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def oldest_leads_by_phone(session: AsyncSession, phones: Collection[str]) -> dict[str, int]:
    """For each phone that a contact has, the oldest lead with it (as `find_lead_by_phone`), in bulk."""
    found: dict[str, int] = {}
    for chunk in _chunks(phones):
        statement = (
            select(Contact.phone, func.min(Contact.lead_id))
            .where(Contact.phone.in_(chunk))
            .group_by(Contact.phone)
        )
        found.update({phone: lead_id for phone, lead_id in (await session.execute(statement)).all()})
    return found


async def leads_by_company_key(session: AsyncSession, keys: Collection[str]) -> dict[str, list[int]]:
    """For each company key leads have, their ids oldest first, in bulk: one brand may be two
    companies in two cities (nlp.company_key.places_differ)."""
    found: dict[str, list[int]] = {}
    for chunk in _chunks(keys):
        statement = select(Lead.company_key, Lead.id).where(Lead.company_key.in_(chunk)).order_by(Lead.id)
        for key, lead_id in (await session.execute(statement)).all():
            found.setdefault(key, []).append(lead_id)
    return found


async def leads_with_contacts(
    session: AsyncSession, lead_ids: Collection[int]
) -> list[tuple[Lead, list[Contact]]]:
    """The leads with these ids and their contacts (oldest first), a few queries for any number."""
    out: list[tuple[Lead, list[Contact]]] = []
    for chunk in _chunks(lead_ids):
        leads = {
            lead.id: (lead, []) for lead in (await session.scalars(select(Lead).where(Lead.id.in_(chunk))))
        }
        statement = select(Contact).where(Contact.lead_id.in_(chunk)).order_by(Contact.id)
        for contact in (await session.scalars(statement)).all():
            leads[contact.lead_id][1].append(contact)
        out += [leads[i] for i in sorted(leads)]
    return out


async def reserve_lead_ids(session: AsyncSession, count: int) -> list[int]:
    """Ids for `count` new leads, ascending, so that they can be inserted in batches: SQLite cannot
    batch an INSERT that returns the ids it made, and one statement per lead is slow."""
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        statement = text("SELECT nextval(pg_get_serial_sequence('lead', 'id')) FROM generate_series(1, :n)")
        return sorted(row[0] for row in (await session.execute(statement, {"n": count})).all())
    # SQLite: the caller's transaction began with BEGIN IMMEDIATE and holds the only write lock, so
    # no other writer can take these ids before they are inserted.
    top = await session.scalar(select(func.max(Lead.id))) or 0
    return list(range(top + 1, top + count + 1))


BookRow = tuple[int, str, str, "str | None", "int | None", list[str]]
ContactRow = tuple[int, "str | None", "str | None", "str | None"]


class BookRows(NamedTuple):
    leads: list[BookRow]
    contacts: list[ContactRow]
    stamp: tuple[object, ...]  # what `book_stamp` says of the rows read


async def book_rows(session: AsyncSession, where: ColumnElement[bool]) -> BookRows:
    """(id, company, key, city, owner id, products) of the leads matching `where`, and (lead id, name,
    title, phone) of their contacts: what linking a message to a lead needs, as plain values; with the
    stamp of what was read, so that a book built from nothing needs no `book_stamp` round trip of its own.
    One round trip: the leads outer-joined to their contacts (a lead's columns repeat with each of its
    few contacts), where a query for the leads and another for their contacts took two on every message
    whose writer's book was not kept."""
    statement = (
        select(
            Lead.id,
            Lead.company,
            Lead.company_key,
            Lead.city,
            Lead.owner_id,
            Lead.products,
            Contact.id,
            Contact.name,
            Contact.title,
            Contact.phone,
        )
        .select_from(Lead)
        .outerjoin(Contact, Contact.lead_id == Lead.id)
        .where(where)
        .order_by(Lead.id, Contact.id)
    )
    leads: list[tuple[object, ...]] = []
    contacts: list[tuple[object, ...]] = []
    top_contact: int | None = None
    for row in (await session.execute(statement)).all():
        if not leads or leads[-1][0] != row[0]:
            leads.append(tuple(row[:6]))
        if row[6] is not None:
            contacts.append((row[0], *row[7:]))
            top_contact = row[6] if top_contact is None else max(top_contact, row[6])
    stamp = (len(leads), leads[-1][0] if leads else None, len(contacts), top_contact)
    return BookRows(leads, contacts, stamp)  # type: ignore[arg-type]


# What linking reads of a lead and of a contact (`book_rows`): a write that changes none of these
# (last_contact_at after every follow-up) leaves every writer's book as it was.
_BOOK_COLUMNS = {
    Lead.__tablename__: frozenset({"company", "company_key", "city", "owner_id", "team_id", "products"}),
    Contact.__tablename__: frozenset({"lead_id", "name", "title", "phone"}),
}
_book_writes = 0


def book_generation() -> int:
    """A number that changes whenever this process writes what `book_rows` reads."""
    return _book_writes


@event.listens_for(Engine, "before_execute")
def _note_book_write(
    _conn: object, statement: object, multiparams: object, params: object, _opts: object
) -> None:
    """Every INSERT or DELETE of a lead or contact, and every UPDATE that sets a column linking
    reads, ORM or not, moves `book_generation` (an UPDATE's parameters name the columns it sets)."""
    global _book_writes
    if not isinstance(statement, Insert | Update | Delete):
        return
    read = _BOOK_COLUMNS.get(statement.table.name)  # type: ignore[attr-defined]
    if read is None:
        return
    if isinstance(statement, Update):
        rows = [*(multiparams if isinstance(multiparams, list) else []), params]
        keys = {key for row in rows if isinstance(row, dict) for key in row}
        keys |= {getattr(column, "key", str(column)) for column in getattr(statement, "_values", None) or {}}
        if not keys & read:
            return
    _book_writes += 1


async def book_stamp(session: AsyncSession, where: ColumnElement[bool]) -> tuple[object, ...]:
    """Counts and top ids of the leads matching `where` and of their contacts: with
    `book_generation`, what tells a kept book is still right (another process's imports add rows)."""
    ids = select(Lead.id).where(where).scalar_subquery()
    leads = select(func.count(Lead.id), func.max(Lead.id)).where(where).subquery()
    contacts = select(func.count(Contact.id), func.max(Contact.id)).where(Contact.lead_id.in_(ids)).subquery()
    both = select(leads, contacts).select_from(leads.join(contacts, true()))  # one round trip, every message
    return tuple((await session.execute(both)).one())
