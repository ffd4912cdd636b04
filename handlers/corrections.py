"""Quick corrections of the last record ("不对，预算是200万", "改成下周四", "电话错了，是139…").

A correction replaces what the record said instead of adding to it: the corrected budget
replaces the budget, a corrected phone replaces that contact's phone, corrected products
replace the ones the record had brought in. The record keeps the correction's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.types import Reply
from handlers.cards import followup_card
from handlers.context import Context
from handlers.lead_facts import card_contact, first_line, refresh_tags, save_contact, set_next_followup
from handlers.lead_lookup import normalise_phone
from storage.followups import amend_followup
from storage.leads import change_stage, get_lead
from storage.models import STAGES, Contact, FollowUp, Person

_MARKERS = re.compile(r"不对|改成|改为|更正|错了|应该是")
# The marker must come early: "客户说之前的方案不对，…" is news about the customer, not a correction.
MARKER_REACH = 8

ASK_WHAT = ("请直接说正确的内容，例如「不对，预算是200万」或「改成下周四」。",)


def is_correction_text(text: str) -> bool:
    found = _MARKERS.search(text)
    return found is not None and found.start() < MARKER_REACH


def _replace(current: Sequence[str] | None, old: Sequence[str], new: Sequence[str]) -> list[str]:
    kept = [item for item in current or [] if item not in old]
    return kept + [item for item in new if item not in kept]


async def correct_followup(ctx: Context, person: Person, followup: FollowUp) -> list[Reply]:
    ex, session, tz, now = ctx.extraction, ctx.session, ctx.config.tz, ctx.clock.now()
    slots = ex.to_slots()
    slots.pop("company", None)  # the same customer, as checked before coming here
    if not slots:
        return [Reply(to=person.id, title="要改什么？", lines=ASK_WHAT)]
    lead = await get_lead(session, followup.lead_id)
    assert lead is not None  # follow-ups cascade with their lead

    phone = normalise_phone(ex.phone)
    contact = await session.get(Contact, followup.contact_id) if followup.contact_id else None
    if ex.contact_name or ex.contact_title or phone or ex.email:
        if contact is None:
            contact = await save_contact(session, lead, ex, now)
            followup.contact_id = contact.id if contact is not None else None
        else:
            for attr, value in (("name", ex.contact_name), ("title", ex.contact_title), ("phone", phone),
                                ("email", ex.email)):  # fmt: skip
                if value:
                    setattr(contact, attr, value)

    before = followup.extracted
    if ex.products:
        lead.products = _replace(lead.products, before.get("products", []), ex.products)
        lead.product_line = first_line(lead.products, ctx.catalog) or lead.product_line
    if ex.competitors:
        lead.competitors = _replace(lead.competitors, before.get("competitors", []), ex.competitors)
    if ex.budget is not None:
        lead.budget_min, lead.budget_max = ex.budget
    if ex.city:
        lead.city = ex.city
    if ex.kind:
        followup.kind = ex.kind
    if ex.stage and ex.stage in STAGES:
        await change_stage(session, lead, ex.stage, person_id=person.id, at=ctx.message.sent_at,
                           reason=ctx.message.text)  # fmt: skip
    due = set_next_followup(lead, ex.next_followup, tz)
    await refresh_tags(session, lead, ctx.catalog, ctx.config.grading.ample_budget)
    await amend_followup(
        session,
        followup,
        at=now,
        awaiting=None if due is not None else followup.awaiting,
        extracted=slots,
        next_followup_at=due,
        note=ctx.message.text,
    )
    shown = contact or await card_contact(session, lead, followup.contact_id)
    return [followup_card("已更正", person.id, lead, shown, followup.kind, tz)]
