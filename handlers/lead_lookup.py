"""Which lead a rep's message is about, and whether they may write to it.

Order: the contact's phone, then the company (its folded key, then a near match of the key),
then the writer's book (nlp.linking: short names, the contact, a phone among the leads they may
see, their own first), then for a rep the customer's name among their team's leads (a team-mate's
customer said by short name is found as its full name is, and refused the same way), then a
contact name among the rep's own leads. Several candidates that
nothing in the message settles are returned as such, for the handler to ask which one.
Writing follows the read rights of handlers.rights, plus one rule of its own: a rep may take a
lead that waits unowned in their team's queue. Anyone else's customer gets one fixed refusal
that shows nothing about it ("重复触达" is what the product exists to stop).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rights import Keep, can_see, keep_all, visible_leads
from nlp import Extraction, Intent, company_key
from nlp.company_key import company_places, places_differ, short_city
from nlp.lexicon import surnames
from nlp.linking import BookContact, BookLead, LeadBook, is_away
from storage.leads import (
    BookRow,
    ContactRow,
    book_generation,
    book_rows,
    book_stamp,
    find_lead_by_phone,
    find_leads_by_company_key,
    find_leads_by_contact_name,
    get_lead,
    list_company_keys,
    list_contacts,
)
from storage.models import Lead, Person

log = logging.getLogger("salesbot.handlers.lead_lookup")

TAKEN = "该客户已由其他同事跟进，请联系你的主管"
# Near-match threshold on fuzz.ratio of folded keys: 金康药房 ~ 金康大药房 (89) match,
# 华顺贸易 ~ 华顺商贸 (75) and 远航物流 ~ 远洋物流 (75) do not.
NEAR_MATCH = 85
NEAR_MIN_LENGTH = 4
# Writers' books kept built, by database and person, with the stamp they were built at: this
# process's writes to what linking reads (storage.leads.book_generation), and the count and top id
# of the book's leads and contacts (rows another process added or deleted). A message with the same
# stamp reuses the book: two small aggregate queries and linking, instead of loading every lead.
BOOKS_KEPT = 256
_BOOKS: dict[tuple[object, ...], tuple[tuple[object, ...], LeadBook]] = {}


def normalise_phone(text: str | None) -> str | None:
    """Digits only, without a +86 / 0086 prefix, as the extractor and contacts store phones."""
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits or None


async def owner_team_id(session: AsyncSession, lead: Lead) -> int | None:
    if lead.owner_id is None:
        return None
    owner = await session.get(Person, lead.owner_id)
    return owner.team_id if owner is not None else None


async def may_change(session: AsyncSession, person: Person, lead: Lead, keep: Keep = keep_all) -> bool:
    """A rep their own leads (or one unowned in their team's queue), a manager the team's, an admin all.
    `keep`: the person's product-line check (rights.lines_for), which a manager's team leads must pass
    too when lines are isolated; one's own leads are one's own whatever their line."""
    if lead.owner_id == person.id:
        return True
    if lead.owner_id is None and person.role == "rep":
        return lead.team_id is None or lead.team_id == person.team_id
    return can_see(person, lead, owner_team_id=await owner_team_id(session, lead), keep=keep)


def _prefer(leads: Sequence[Lead], person: Person | None) -> Lead | None:
    """Of several leads of one company, the asker's own first, else the oldest."""
    if not leads:
        return None
    if person is not None:
        own = [lead for lead in leads if lead.owner_id == person.id]
        if own:
            return own[0]
    return leads[0]


def _same_company(leads: Sequence[Lead], company: str, city: str | None) -> list[Lead]:
    """Of the leads sharing a name's key, those it may be: not one whose name says another place
    (绵阳华信物流 is not 成都华信物流); of several left, those in the city the message says, when
    some are."""
    places = company_places(company)
    kept = [lead for lead in leads if not places_differ(places, company_places(lead.company))]
    said = short_city(city)
    if len(kept) > 1 and said:
        there = [
            lead for lead in kept if said in company_places(lead.company) or short_city(lead.city) == said
        ]
        kept = there or kept
    return kept


async def company_leads(session: AsyncSession, company: str, city: str | None = None) -> list[Lead]:
    """The leads a company name (full or folded) is, oldest first; several when one brand is
    customers in several cities and neither the name nor `city` settles which."""
    key = company_key(company)
    if not key:
        return []
    return _same_company(await find_leads_by_company_key(session, key), company, city)


async def find_by_company(
    session: AsyncSession,
    company: str,
    person: Person | None = None,
    *,
    near: bool = True,
    city: str | None = None,
) -> Lead | None:
    key = company_key(company)
    if not key:
        return None
    same_key = await find_leads_by_company_key(session, key)
    lead = _prefer(_same_company(same_key, company, city), person)
    if lead is not None or same_key or not near or len(key) < NEAR_MIN_LENGTH:
        return lead  # a key known only in another city names a new customer, not a near one
    keys = await list_company_keys(session)
    best = process.extractOne(key, {i: k for i, k in keys}, scorer=fuzz.ratio, score_cutoff=NEAR_MATCH)
    if best is None or not _near_after_place(key, best[0]):
        return None
    _, score, lead_id = best
    log.info("company near match key=%s lead_id=%s score=%.0f", key, lead_id, score)
    return await get_lead(session, lead_id)


# The district, county, town or subdistrict a key may start with (文家街道郭家庄…): shared by two names of one
# place, it is no likeness of the names.
_PLACE_HEAD = re.compile(r"(?:[\u4e00-\u9fff]{2,5}?(?:新区|区|县|镇|街道|乡))+")


def in_other_district(company: str, lead: Lead) -> bool:
    """Whether a name said in full after its district (梧州市长洲区城市管理和综合执法局) is of another
    district than the lead's (梧州市龙圩区城市管理局): another customer, whatever else the names share."""
    said, theirs = _PLACE_HEAD.match(company_key(company)), _PLACE_HEAD.match(lead.company_key)
    return said is not None and theirs is not None and said.group() != theirs.group()


def _near_after_place(key: str, other: str) -> bool:
    """Whether two near keys are still near without the place both start with: 文家街道郭家庄蔬菜专业合作社
    and 文家街道桑家村蔬菜专业合作社 are two cooperatives of one subdistrict, not a slip."""
    head = _PLACE_HEAD.match(key)
    if head is None or not other.startswith(head.group()):
        return True
    return fuzz.ratio(key[head.end() :], other[head.end() :]) >= NEAR_MATCH


@dataclass(frozen=True, slots=True)
class Resolved:
    """The lead a message is about (None: none, or several `candidates` to ask about), and the
    extraction with the contact linked to the lead's known one (钱经理 → 钱建国, 采购经理)."""

    lead: Lead | None
    extraction: Extraction
    candidates: tuple[Lead, ...] = ()
    # The other leads of the name, set aside because only `lead` holds a product the message names.
    set_aside: tuple[Lead, ...] = ()


async def load_book(session: AsyncSession, person: Person) -> LeadBook:
    """The leads `person` may write about: what they see, and for a rep their team's unowned queue."""
    where = visible_leads(person)
    if person.role == "rep" and person.team_id is not None:
        where = or_(where, and_(Lead.owner_id.is_(None), Lead.team_id == person.team_id))
    return await _kept_book(session, where, (str(session.get_bind().url), person.id), person.id)


def _team_leads(team_id: int) -> ColumnElement[bool]:
    """The leads of a team: in its queue or owned by one of its members (what its manager sees)."""
    members = select(Person.id).where(Person.team_id == team_id).scalar_subquery()
    return or_(Lead.team_id == team_id, Lead.owner_id.in_(members))


async def load_team_book(session: AsyncSession, team_id: int) -> LeadBook:
    """The leads of a rep's team, none of them counted as anyone's own: one book kept per team,
    shared by its reps, for the names their own book does not know."""
    kept_as = (str(session.get_bind().url), "team", team_id)
    return await _kept_book(session, _team_leads(team_id), kept_as, None)


async def _kept_book(
    session: AsyncSession, where: ColumnElement[bool], kept_as: tuple[object, ...], own: int | None
) -> LeadBook:
    """The book of the leads matching `where`, kept under `kept_as` while nothing it holds changed;
    `own`: the person whose leads are their own in it."""
    generation = book_generation()
    cached = _BOOKS.get(kept_as)
    if cached is not None and cached[0] == (generation, *await book_stamp(session, where)):
        return cached[1]  # nothing the book holds has been written since it was built
    leads, contacts, read = await book_rows(session, where)
    book = _build_book(own, leads, contacts)
    stamp = (generation, *read)
    if len(_BOOKS) >= BOOKS_KEPT:
        _BOOKS.pop(next(iter(_BOOKS)))
    _BOOKS[kept_as] = (stamp, book)
    return book


def _build_book(own: int | None, leads: Sequence[BookRow], contacts: Sequence[ContactRow]) -> LeadBook:
    people: dict[int, list[BookContact]] = {}
    for lead_id, name, title, phone in contacts:
        people.setdefault(lead_id, []).append(BookContact(name, title, phone))
    return LeadBook(
        BookLead(
            id=lead_id,
            company=company,
            key=key,
            city=city,
            own=own is not None and owner_id == own,
            contacts=tuple(people.get(lead_id, ())),
            products=tuple(products or ()),
        )
        for lead_id, company, key, city, owner_id, products in leads
    )


async def _book_of(session: AsyncSession, lead: Lead) -> LeadBook:
    contacts = await list_contacts(session, lead.id)
    people = tuple(BookContact(c.name, c.title, c.phone) for c in contacts)
    return LeadBook([BookLead(lead.id, lead.company, lead.company_key, lead.city, contacts=people)])


def with_contact(ex: Extraction, contact: BookContact | None, text: str = "") -> Extraction:
    """The extraction naming the known contact, unless the message names another person in full or
    introduces them ("碰到他们老板了 姓阮"). One only called by surname and title in `text` ("彭总…见了戴
    科长") is someone the book does not know: the known contact the message also names is the one met."""
    if contact is None or not contact.name:
        return ex
    glued = bool(ex.contact_name) and ex.contact_name[-1] == contact.name[0]  # "楚风兰主管": brand + 兰
    if ex.contact_name and not (contact.name.startswith(ex.contact_name) or glued or _called_only(ex, text)):
        return ex  # someone new ("新来的采购叫戴琳"), not the known contact

    return dataclasses.replace(ex, contact_name=contact.name, contact_title=contact.title or ex.contact_title)


def _called_only(ex: Extraction, text: str) -> bool:
    """Whether the person the extraction names is said in `text` as a surname and a title, nothing more
    ("彭总", "周经理"): not a full name, not introduced ("姓阮")."""
    span = ex.spans.get("contact_name")
    if span is None or not ex.contact_title or ex.contact_name not in surnames():
        return False
    return text[span[0] : span[1]] == f"{ex.contact_name}{ex.contact_title}"


def present(ex: Extraction, text: str) -> Extraction:
    """The extraction without the person it names when the text says they were away ("马总不在，跟
    仓储主管聊了聊"): the record is not about them."""
    span = ex.spans.get("contact_name") or ex.spans.get("contact_title")
    if span is None or not (ex.contact_name or ex.contact_title) or span[1] > len(text):
        return ex
    if not is_away(text, *span):
        return ex
    return dataclasses.replace(ex, contact_name=None, contact_title=None)


def no_customer_as_person(ex: Extraction, book: LeadBook) -> Extraction:
    """The extraction without a "person" that is the customer's own name ("鲜果汇那边" read as 鲜果汇)."""
    if ex.contact_name and not ex.contact_title and book.names_customer(ex.contact_name):
        return dataclasses.replace(ex, contact_name=None)
    return ex


async def link_contact(session: AsyncSession, lead: Lead, ex: Extraction, text: str) -> Extraction:
    """The extraction naming the lead's known contact that `text` names (钱经理 → 钱建国, 采购经理)."""
    ex = present(ex, text)
    book = await _book_of(session, lead)
    ex = no_customer_as_person(ex, book)
    return with_contact(ex, book.contact_in(lead.id, text, ex.contact_name, ex.contact_title), text)


async def lead_named_by(session: AsyncSession, lead: Lead, words: str) -> bool:
    """Whether `words`, given by the writer as a customer's name ("不是望江"), name this lead."""
    book = await _book_of(session, lead)
    return lead.id in book.link(words, company=words).candidates


async def resolve_lead(session: AsyncSession, ex: Extraction, person: Person, text: str) -> Resolved:
    """The lead a message names, by its words as the CRM knows them; see the module docstring."""
    linked: Resolved | None = None
    if ex.company and not ex.phone and len(await company_leads(session, ex.company, ex.city)) > 1:
        # One brand, several customers (cities) that the name does not tell apart: the book settles
        # by what else the message says, or they are asked about.
        linked = await link_in_book(session, ex, person, text)
        if linked.lead is not None or linked.candidates:
            return linked
    elif ex.company and not ex.phone and not company_places(ex.company):
        # A short name that is one customer's whole key and the start of another's (悦汇酒店: 佛山悦汇酒店
        # and 天河悦汇酒店管理) is no exact match: the book settles it or both are asked about.
        linked = await link_in_book(session, ex, person, text)
        if linked.candidates or linked.set_aside:
            return linked  # (settled by a product only the one holds: the others are shown with it)
    lead = await find_lead(session, ex, person)
    seen = present(ex, text)  # found by a person away, the record is still not about them
    if lead is not None:
        return Resolved(lead, await link_contact(session, lead, seen, text))
    if linked is not None and seen is ex:
        return linked  # the book was asked the same question above
    return await link_in_book(session, seen, person, text)


async def link_in_book(session: AsyncSession, ex: Extraction, person: Person, text: str) -> Resolved:
    """The lead the message names among the writer's book only (short names, contacts, phones)."""
    book = await load_book(session, person)
    ex = no_customer_as_person(ex, book)
    link = book.link(
        text,
        company=ex.company,
        city=ex.city,
        phone=normalise_phone(ex.phone),
        contact_name=ex.contact_name,
        contact_title=ex.contact_title,
        products=ex.products,
    )
    if not link.candidates:
        return await _link_in_team(session, ex, person, text)
    if link.lead_id is None:
        found = [await get_lead(session, lead_id) for lead_id in link.candidates]
        log.info("message names several leads person_id=%s leads=%s", person.id, link.candidates)
        return Resolved(None, ex, tuple(lead for lead in found if lead is not None))
    linked = await get_lead(session, link.lead_id)
    log.info("message linked to lead_id=%s person_id=%s", link.lead_id, person.id)
    aside = [await get_lead(session, lead_id) for lead_id in link.set_aside]
    contact = link.contacts.get(link.lead_id)
    return Resolved(
        linked, with_contact(ex, contact, text), set_aside=tuple(lead for lead in aside if lead is not None)
    )


async def _link_in_team(session: AsyncSession, ex: Extraction, person: Person, text: str) -> Resolved:
    """A customer's name the rep's own book does not know, looked up among their team's leads: a
    team-mate's customer said by short name is theirs as when said in full (`find_by_company`), so
    no second lead is made of it and the caller refuses it (`may_change`). Only the span the
    extractor read as a company is looked up, as for a full name: a team's book holds many more
    names than a rep's, and a word elsewhere in the message is no customer of the writer's."""
    if not ex.company or person.role != "rep" or person.team_id is None:
        return Resolved(None, ex)
    book = await load_team_book(session, person.team_id)
    link = book.link(text, company=ex.company, city=ex.city)
    if not link.candidates:
        return Resolved(None, ex)
    # Several are all someone else's: the oldest, as `find_by_company` takes of one name's leads;
    # the refusal shows nothing of it either way.
    lead = await get_lead(session, link.candidates[0])
    log.info("short name of a team-mate's lead person_id=%s lead_id=%s", person.id, link.candidates[0])
    return Resolved(lead, ex)


async def find_lead(session: AsyncSession, extraction: Extraction, person: Person | None) -> Lead | None:
    """The lead a message names by its full name, phone or a contact's full name; None otherwise."""
    phone = normalise_phone(extraction.phone)
    if phone:
        lead = await find_lead_by_phone(session, phone)
        if lead is not None:
            return lead
    if extraction.company:
        # A company named but unknown is a new customer: a contact name must not pull in another.
        return await find_by_company(session, extraction.company, person, city=extraction.city)
    if extraction.contact_name and person is not None:
        return _prefer(await find_leads_by_contact_name(session, person.id, extraction.contact_name), person)
    return None


async def names_a_lead(session: AsyncSession, ex: Extraction, person: Person, text: str) -> bool:
    """Whether the message names a lead of the writer's book (one, or several to ask about)."""
    found = await resolve_lead(session, ex, person, text)
    return found.lead is not None or bool(found.candidates)


def intent_of_named(report: Extraction) -> Intent:
    """The intent of a message whose words alone gave none but which names a customer, read as a
    report (`report`): it reports when it says something about the customer (a kind of contact,
    a time, a budget, products, competitors; a stage alone moves it), else asks for its card
    ("查一下X" with X a short name)."""
    if report.kind or report.next_followup or report.budget or report.products or report.competitors:
        return Intent.LOG_FOLLOWUP
    return Intent.UPDATE_STAGE if report.stage else Intent.QUERY_LEAD
