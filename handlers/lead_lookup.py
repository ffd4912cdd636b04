"""Which lead a rep's message is about, and whether they may write to it.

Order: the contact's phone, then the company (its folded key, then a near match of the key),
then a contact name among the rep's own leads. Writing follows the read rights of
handlers.rights, plus one rule of its own: a rep may take a lead that waits unowned in their
team's queue. Anyone else's customer gets one fixed refusal that shows nothing about it
("重复触达" is what the product exists to stop).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from rapidfuzz import fuzz, process
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rights import can_see
from nlp import Extraction, company_key
from storage.leads import (
    find_lead_by_phone,
    find_leads_by_company_key,
    find_leads_by_contact_name,
    get_lead,
    list_company_keys,
)
from storage.models import Lead, Person

log = logging.getLogger("salesbot.handlers.lead_lookup")

TAKEN = "该客户已由其他同事跟进，请联系你的主管"
# Near-match threshold on fuzz.ratio of folded keys: 金康药房 ~ 金康大药房 (89) match,
# 华顺贸易 ~ 华顺商贸 (75) and 远航物流 ~ 远洋物流 (75) do not.
NEAR_MATCH = 85
NEAR_MIN_LENGTH = 4


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


async def may_change(session: AsyncSession, person: Person, lead: Lead) -> bool:
    """A rep their own leads (or one unowned in their team's queue), a manager the team's, an admin all."""
    if lead.owner_id is None and person.role == "rep":
        return lead.team_id is None or lead.team_id == person.team_id
    return can_see(person, lead, owner_team_id=await owner_team_id(session, lead))


def _prefer(leads: Sequence[Lead], person: Person | None) -> Lead | None:
    """Of several leads of one company, the asker's own first, else the oldest."""
    if not leads:
        return None
    if person is not None:
        own = [lead for lead in leads if lead.owner_id == person.id]
        if own:
            return own[0]
    return leads[0]


async def find_by_company(
    session: AsyncSession, company: str, person: Person | None = None, *, near: bool = True
) -> Lead | None:
    key = company_key(company)
    if not key:
        return None
    lead = _prefer(await find_leads_by_company_key(session, key), person)
    if lead is not None or not near or len(key) < NEAR_MIN_LENGTH:
        return lead
    keys = await list_company_keys(session)
    best = process.extractOne(key, {i: k for i, k in keys}, scorer=fuzz.ratio, score_cutoff=NEAR_MATCH)
    if best is None:
        return None
    _, score, lead_id = best
    log.info("company near match key=%s lead_id=%s score=%.0f", key, lead_id, score)
    return await get_lead(session, lead_id)


async def find_lead(session: AsyncSession, extraction: Extraction, person: Person | None) -> Lead | None:
    """The lead a message names, or None when it names none we know."""
    phone = normalise_phone(extraction.phone)
    if phone:
        lead = await find_lead_by_phone(session, phone)
        if lead is not None:
            return lead
    if extraction.company:
        # A company named but unknown is a new customer: a contact name must not pull in another.
        return await find_by_company(session, extraction.company, person)
    if extraction.contact_name and person is not None:
        return _prefer(await find_leads_by_contact_name(session, person.id, extraction.contact_name), person)
    return None
