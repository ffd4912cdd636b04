"""Bringing what a message says into the lead: contact, products, competitors, budget, city, tags,
and turning a spoken next follow-up (date, maybe a time) into an aware datetime.

Also the lead a rep's report creates for a customer the CRM does not know yet.

Shared by logging, corrections and inquiries, so a fact lands in the lead the same way whichever
path it came by.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.context import Context
from handlers.grading import LeadFacts, grade_lead
from handlers.lead_lookup import normalise_phone
from handlers.tags import LineLookup, derived_tags, merge_tags
from nlp import Extraction, company_key
from nlp.types import FollowUpTime
from storage.leads import add_contact, create_lead, list_contacts
from storage.models import STAGES, Contact, Lead, Person

log = logging.getLogger("salesbot.handlers.lead_facts")

DEFAULT_HOUR = time(9, 0)  # a day without a time means the start of that working day
# A demo held (演示, 讲了方案, 试用) is the demo step of the deal reached, though no stage word is said.
DEMO_STAGE = "方案演示"
# How a rep can have been in touch with a customer: a new lead reported with one of these starts
# screened (初筛), since the rep has already talked to them; an inquiry, a hand-over or a plan
# only is a lead (线索) nobody has talked to yet.
CONTACT_KINDS = frozenset({"visit", "call", "online", "demo"})
SCREENED_STAGE = STAGES[1]  # 初筛


def reached_stage(lead: Lead, ex: Extraction) -> str | None:
    """The stage a report moves the lead to: the one it says, else the demo step when it reports a
    demo held on a deal still before it (a deal already further on stays where it is)."""
    if ex.stage and ex.stage in STAGES:
        return ex.stage
    if ex.kind == "demo" and lead.stage in STAGES and STAGES.index(lead.stage) < STAGES.index(DEMO_STAGE):
        return DEMO_STAGE
    return None


def first_stage(ex: Extraction) -> str:
    """The stage a member's new lead starts at: screened when the report says a contact with the
    customer happened, else the first stage. A stage the message says is a move made after, as on
    any report (reached_stage), so it shows among the day's stage moves."""
    return SCREENED_STAGE if (ex.kind or ex.reported_kind) in CONTACT_KINDS else STAGES[0]


def followup_at(when: FollowUpTime, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    """(aware datetime, whether a time of day was said); None when the values are not a date."""
    try:
        day = date.fromisoformat(when.date)
        clock = time.fromisoformat(when.time) if when.time else DEFAULT_HOUR
    except ValueError:
        log.warning("unusable next_followup date=%r time=%r", when.date, when.time)
        return None
    return datetime.combine(day, clock, tzinfo=tz), when.time is not None


def set_next_followup(lead: Lead, when: FollowUpTime | None, tz: ZoneInfo) -> datetime | None:
    """Put the planned next contact on the lead; returns it (None when nothing usable was said)."""
    if when is None:
        return None
    parsed = followup_at(when, tz)
    if parsed is None:
        return None
    lead.next_followup_at, lead.next_followup_has_time = parsed
    return lead.next_followup_at


def _extend(current: Sequence[str] | None, new: Sequence[str]) -> list[str]:
    out = list(current or [])
    out += [item for item in new if item not in out]
    return out


def _contact_phone(ex: Extraction, known: Sequence[Contact]) -> str | None:
    """The message's phone when it is the contact's: not one written next to another person, and
    not a silent replacement of the number on file for that contact (unless the message says the
    number changed)."""
    phone = normalise_phone(ex.phone)
    if phone is None or any(normalise_phone(o.phone) == phone for o in ex.others):
        return None
    same = next((c for c in known if ex.contact_name and c.name == ex.contact_name), None)
    if same is not None and same.phone and same.phone != phone and not ex.phone_changed:
        log.info("phone differs from the one on file, kept contact_id=%s", same.id)
        return None
    return phone


def phone_kept_aside(ex: Extraction, contact: Contact | None) -> str | None:
    """The contact's new-looking number the message gave without saying it changed: the number on
    file stays (a stored phone is replaced only on 换号), the new one stays on the follow-up's slots
    and the reply says so, rather than losing it silently."""
    phone = normalise_phone(ex.phone)
    if phone is None or contact is None or not contact.phone or contact.phone == phone or ex.phone_changed:
        return None
    return None if any(normalise_phone(o.phone) == phone for o in ex.others) else phone


async def save_contact(session: AsyncSession, lead: Lead, ex: Extraction, now: datetime) -> Contact | None:
    """Add or update the contact the message names; None when it names nobody."""
    if not (ex.contact_name or ex.contact_title or ex.phone or ex.email):
        return None
    phone = _contact_phone(ex, await list_contacts(session, lead.id))
    if ex.contact_title and not (ex.contact_name or phone or ex.email):
        # A role alone ("跟他们的仓储主管聊了聊") names no one: the known contact of that title, else
        # nobody when the customer has people on file (a nameless twin per mention would pile up);
        # for a customer with none, the role is all there is to keep.
        known = await list_contacts(session, lead.id)
        if known:
            return titled(known, ex.contact_title)
    return await add_contact(
        session, lead.id, now=now, name=ex.contact_name, title=ex.contact_title, phone=phone, email=ex.email
    )


def titled(known: Sequence[Contact], title: str) -> Contact | None:
    """The known contact a title said alone names: the one of that stored title, else the one contact
    whose longer title it is short for (书记 for a 党委副书记, 董 for a 董事长, 经理 for a 采购经理);
    none when several share it."""
    same = next((c for c in known if c.title == title), None)
    if same is not None:
        return same
    ending = [c for c in known if c.title and _short_for(c.title, title)]
    return ending[0] if len(ending) == 1 else None


def _short_for(stored: str, said: str) -> bool:
    return stored.endswith(said) or (said == "董" and "董事" in stored)


async def save_others(session: AsyncSession, lead: Lead, ex: Extraction, now: datetime) -> None:
    """The other people the message names join the lead's contacts (the decision chain): a colleague
    brought in, the person the customer hands the rep to. One already on file (by name, or by the
    surname a title was said with) only gets a phone it lacks; a rep of our own is no contact."""
    for other in ex.others:
        known = await list_contacts(session, lead.id)
        phone = normalise_phone(other.phone)
        same = next((c for c in known if c.name and _same_name(c.name, other.name)), None)
        if same is not None:
            if phone and not same.phone:
                same.phone = phone
            continue
        if len(other.name) < 2 and not phone:
            continue  # a surname with a title and nothing else ("钱总说…"): too little to file
        ours = await session.scalar(select(Person.id).where(Person.name == other.name).limit(1))
        if ours is None:
            await add_contact(session, lead.id, now=now, name=other.name, title=other.title, phone=phone)
    await session.flush()


def _same_name(stored: str, said: str) -> bool:
    """The stored name is the one said, or its surname said alone ("钱总" for 钱立新)."""
    return stored == said or (len(said) == 1 and stored.startswith(said))


def apply_scalars(lead: Lead, ex: Extraction, catalog: LineLookup) -> None:
    """Products and competitors accumulate; a budget replaces the old one; city and line fill gaps."""
    lead.products = _extend(lead.products, ex.products)
    lead.competitors = _extend(lead.competitors, ex.competitors)
    if ex.budget is not None:
        lead.budget_min, lead.budget_max = ex.budget
    if ex.city and not lead.city:
        lead.city = ex.city
    if not lead.product_line:
        lead.product_line = first_line(lead.products, catalog)


def first_line(products: Sequence[str], catalog: LineLookup) -> str | None:
    return next((line for p in products if (line := catalog.line_of(p))), None)


async def refresh_tags(session: AsyncSession, lead: Lead, catalog: LineLookup, ample_budget: int) -> None:
    contacts = await list_contacts(session, lead.id)
    derived = derived_tags(
        budget=(lead.budget_min, lead.budget_max),
        competitors=lead.competitors or [],
        products=lead.products or [],
        titles=[c.title for c in contacts],
        catalog=catalog,
        ample_budget=ample_budget,
    )
    lead.tags = merge_tags(lead.tags or [], derived)
    await session.flush()


async def apply_extraction(
    session: AsyncSession,
    lead: Lead,
    ex: Extraction,
    catalog: LineLookup,
    *,
    now: datetime,
    ample_budget: int,
) -> Contact | None:
    """Everything a message says about the customer, except stage and times; returns the contact."""
    contact = await save_contact(session, lead, ex, now)
    await save_others(session, lead, ex, now)
    apply_scalars(lead, ex, catalog)
    await refresh_tags(session, lead, catalog, ample_budget)
    return contact


async def card_contact(session: AsyncSession, lead: Lead, contact_id: int | None) -> Contact | None:
    """The contact a record was about, else the lead's first one, for the confirmation card."""
    if contact_id is not None:
        contact = await session.get(Contact, contact_id)
        if contact is not None:
            return contact
    contacts = await list_contacts(session, lead.id)
    return contacts[0] if contacts else None


async def create_rep_lead(ctx: Context, person: Person, company: str) -> Lead:
    """A customer the rep found themself: theirs, and the first-response clock starts now."""
    ex, now = ctx.extraction, ctx.clock.now()
    lead = await create_lead(
        ctx.session,
        company=company,
        company_key=company_key(company) or company,
        source="rep",
        created_at=now,
        owner_id=person.id,
        team_id=person.team_id,
        city=ex.city,
        stage=first_stage(ex),
    )
    lead.assigned_at = now
    line = first_line(ex.products, ctx.catalog)
    lead.grade = grade_lead(LeadFacts(ex.budget, line, "rep", ex.city), ctx.config.grading)
    log.info("lead created from a follow-up lead_id=%s person_id=%s", lead.id, person.id)
    return lead
