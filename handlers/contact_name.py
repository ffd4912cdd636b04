"""A contact's name completed after the fact ("X那个王老师全名王春燕，刚才没说全", "周主任全名叫周建华").

The rep said a person by surname and title in an earlier report and now gives the full name: that
is a completion of the contact on file, like a correction, not a new contact with the customer. The
stored contact is renamed (the records about them follow it) and no follow-up is added, so the
last record keeps its kind.
"""

from __future__ import annotations

import logging
import re

from bot.types import Reply
from handlers.cards import contact_text
from handlers.context import Context
from nlp import Extraction
from storage.leads import list_contacts
from storage.models import Contact, Lead

log = logging.getLogger("salesbot.handlers.contact_name")

# the clause that gives the name: "全名黄春燕", "全名叫周建华", "大名钱国栋", "名字是…"
_NAMING = re.compile(r"全名|大名|本名|真名|名字(?:是|叫)|全称(?:是|叫)?")
# a clause that only comments on having said it short ("刚才没说全", "之前只说了姓")
_COMMENT = re.compile(
    r"^(?:刚才|刚刚|之前|前面|上面|上次|刚)?(?:没说全|没写全|没说清楚?|没写清楚?|漏了|说漏了|只说了姓|只写了姓|补充一下|补一下)"
    r"[了啊哈呀哦]?$"
)
_CLAUSE = re.compile(r"[^，,。；;！!？?\n\s]+")


def _only_names(text: str, ex: Extraction) -> bool:
    """The message gives a person's full name and nothing else: no contact, product, amount, plan
    or stage, and every other clause only comments on the name said short before."""
    said_more = (
        ex.kind or ex.reported_kind or ex.products or ex.competitors or ex.budget or ex.next_followup
        or ex.stage or ex.phone or ex.email
    )  # fmt: skip
    if said_more or not ex.contact_name or len(ex.contact_name) < 2:
        return False
    clauses = _CLAUSE.findall(text)
    naming = [c for c in clauses if _NAMING.search(c) and ex.contact_name in c]
    return len(naming) == 1 and all(c in naming or _COMMENT.match(c) for c in clauses)


def _said_short(contacts: list[Contact], full: str, title: str | None) -> Contact | None:
    """The one contact on file known by the full name's surname alone (with the title said, if any)."""
    fits = [
        c
        for c in contacts
        if c.name and len(c.name) < len(full) and full.startswith(c.name)
        and (not title or not c.title or c.title == title)
    ]  # fmt: skip
    return fits[0] if len(fits) == 1 else None


async def complete_name(ctx: Context, lead: Lead) -> list[Reply] | None:
    """The reply when the message completes the name of `lead`'s contact; None when it does not."""
    ex, person = ctx.extraction, ctx.member
    if not _only_names(ctx.message.text, ex) or ex.contact_name is None:
        return None
    contact = _said_short(await list_contacts(ctx.session, lead.id), ex.contact_name, ex.contact_title)
    if contact is None:
        return None
    before = contact_text(contact)
    contact.name = ex.contact_name
    await ctx.session.flush()
    log.info("contact name completed lead_id=%s contact_id=%s", lead.id, contact.id)
    lines = (f"客户：{lead.company}", f"联系人：{before} → {contact_text(contact)}")
    return [Reply(to=person.id, title="已更正", lines=lines)]
