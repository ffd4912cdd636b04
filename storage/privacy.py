"""Personal data (PIPL): find everything held about a person by phone, and erase it.

Erasure blanks what identifies the person (names, phones, e-mails, chat ids, their words) but
keeps the rows, so lead, follow-up and stage counts and the statistics slots stay as they were.
After the rows known to be the person's, a sweep over every text and JSON column of every table
removes the number wherever else it was typed (a rep's note, an error text, a stage reason), so a
column added later is covered without anyone remembering to list it here.
Like the other storage modules it flushes and leaves committing to the caller, who runs it in
one transaction. It is idempotent: a second run finds nothing left to change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text, cast, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Base
from storage.models import Contact, FollowUp, InboundMessage, Lead, OutboxMessage, Person

ERASED_TEXT = "[已删除]"
ERASED_NAME = "已删除"
ERASED_COMPANY = "已删除客户"
ERASED_JSON: dict[str, Any] = {"erased": True}
PERSONAL_SLOTS = ("contact_name", "phone", "email")
# Mirrors nlp/phones.py (storage may not import nlp): the same digits the extractor stores.
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0(?:10|2\d|[3-9]\d{2})\d{7,8}")
_SERVICE = re.compile(r"[48]00(?!0{7})\d{7}")  # a company's 400- / 800- line
_SEPARATORS = re.compile(r"[\s\-－—.()（）+]")
_PERSONAL_COMPANY = re.compile(r"^(?P<name>.+?)\s*(?:[（(]个人[）)]|先生|女士)?$")


@dataclass(frozen=True)
class ErasureReport:
    contacts: int = 0
    leads_renamed: int = 0
    follow_ups: int = 0
    inbound_messages: int = 0
    outbox_messages: int = 0
    other_rows: int = 0  # rows elsewhere whose text or JSON mentioned the phone
    files: int = 0  # exported spreadsheets kept with their messages, which no search can read into

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def normalise_phone(text: str) -> str:
    """Digits only without +86/0086, as the extractor stores it; ValueError when it is no phone."""
    digits = _SEPARATORS.sub("", text)
    if not digits.isdigit() or not digits.isascii():
        raise ValueError("a phone number has only digits, spaces, dashes, brackets and a leading +")
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        digits = digits[2:]
    if not (_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits) or _SERVICE.fullmatch(digits)):
        raise ValueError("not a mainland mobile (11 digits), landline number with area code or 400/800 line")
    return digits


def _mentions(phone: str) -> re.Pattern[str]:
    """The phone as people write it in free text: separators between digits, +86 (or 86, 0086) before
    it, also with nothing between ("+8613953112288")."""
    country = r"(?:(?:\+|00)?86[\s\-－—]?)?"
    return re.compile(r"(?<!\d)" + country + r"[\s\-－—.()（）]?".join(phone) + r"(?!\d)")


def _contains(pattern: re.Pattern[str], value: Any) -> bool:
    if value is None:
        return False
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return bool(pattern.search(text))


def _without(pattern: re.Pattern[str], value: Any) -> Any:
    """`value` with every mention of the phone replaced, inside JSON lists and objects too."""
    if isinstance(value, str):
        return pattern.sub(ERASED_TEXT, value)
    if isinstance(value, list):
        return [_without(pattern, v) for v in value]
    if isinstance(value, dict):
        return {k: _without(pattern, v) for k, v in value.items()}
    return value


@dataclass
class _Found:
    contacts: list[Contact]
    leads: list[Lead]
    follow_ups: list[FollowUp]
    inbound: list[InboundMessage]
    outbox: list[OutboxMessage]


def _chat_ids(contacts: Sequence[Contact]) -> set[tuple[str, str]]:
    """(platform, sender id) pairs from external ids like "wecom:wmBuyer"."""
    pairs = (c.external_id.split(":", 1) for c in contacts if c.external_id and ":" in c.external_id)
    return {(platform, sender) for platform, sender in pairs}


async def _find(session: AsyncSession, phone: str, *, lock: bool = False) -> _Found:
    pattern = _mentions(phone)
    # Prefilter in SQL on the last four digits (contiguous however the number is grouped), then
    # confirm in Python, where separators and JSON can be handled the same way on both databases.
    like = f"%{phone[-4:]}%"
    contacts = list(
        (await session.scalars(select(Contact).where(Contact.phone == phone).order_by(Contact.id))).all()
    )
    contact_ids = {c.id for c in contacts}
    chats = _chat_ids(contacts)

    inbound_query = select(InboundMessage).where(
        or_(
            InboundMessage.text.like(like),
            cast(InboundMessage.raw, Text).like(like),
            cast(InboundMessage.envelope, Text).like(like),
            *(((InboundMessage.platform == p) & (InboundMessage.sender_id == s)) for p, s in chats),
        )
    )
    inbound = [
        m
        for m in (await session.scalars(inbound_query.order_by(InboundMessage.id))).all()
        if (m.platform, m.sender_id) in chats
        or any(_contains(pattern, value) for value in (m.text, m.raw, m.envelope))
    ]
    inbound_ids = {m.id for m in inbound}

    followup_query = select(FollowUp).where(
        or_(
            FollowUp.contact_id.in_(contact_ids),
            FollowUp.inbound_id.in_(inbound_ids),
            FollowUp.text.like(like),
            cast(FollowUp.extracted, Text).like(like),
        )
    )
    follow_ups = [
        f
        for f in (await session.scalars(followup_query.order_by(FollowUp.id))).all()
        if f.contact_id in contact_ids
        or f.inbound_id in inbound_ids
        or _contains(pattern, f.text)
        or _contains(pattern, f.extracted)
    ]

    outbox_query = select(OutboxMessage).where(
        or_(
            cast(OutboxMessage.payload, Text).like(like),
            *(((OutboxMessage.platform == p) & (OutboxMessage.target == s)) for p, s in chats),
        )
    )
    if lock:  # keep the sender from leasing a row while it is being cancelled (skip locked)
        outbox_query = outbox_query.with_for_update()
    outbox = [
        o
        for o in (await session.scalars(outbox_query.order_by(OutboxMessage.id))).all()
        if (o.platform, o.target) in chats or _contains(pattern, o.payload)
    ]

    # A lead is the person's through a contact, or when the phone was typed into its name.
    lead_ids = {c.lead_id for c in contacts}
    lead_query = select(Lead).where(
        or_(Lead.id.in_(lead_ids), Lead.company.like(like), Lead.company_key.like(like))
    )
    leads = [
        lead
        for lead in (await session.scalars(lead_query.order_by(Lead.id))).all()
        if lead.id in lead_ids or _contains(pattern, lead.company) or _contains(pattern, lead.company_key)
    ]
    return _Found(contacts, leads, follow_ups, inbound, outbox)


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


async def collect_personal_data(session: AsyncSession, phone: str) -> dict[str, Any]:
    """Everything held about the person with this phone, as plain JSON-ready data."""
    phone = normalise_phone(phone)
    found = await _find(session, phone)
    owner_ids = {lead.owner_id for lead in found.leads if lead.owner_id is not None}
    owners = dict(
        (await session.execute(select(Person.id, Person.key).where(Person.id.in_(owner_ids)))).all()
    )
    return {
        "phone": phone,
        "contacts": [
            {"id": c.id, "lead_id": c.lead_id, "name": c.name, "title": c.title, "phone": c.phone}
            | {"email": c.email, "external_id": c.external_id, "created_at": _iso(c.created_at)}
            for c in found.contacts
        ],
        "leads": [
            {"id": lead.id, "company": lead.company, "stage": lead.stage, "owner": owners.get(lead.owner_id)}
            | {
                "city": lead.city,
                "source": lead.source,
                "products": lead.products,
                "created_at": _iso(lead.created_at),
            }
            for lead in found.leads
        ],
        "follow_ups": [
            {"id": f.id, "lead_id": f.lead_id, "contact_id": f.contact_id, "kind": f.kind, "text": f.text}
            | {"extracted": f.extracted, "happened_at": _iso(f.happened_at)}
            for f in found.follow_ups
        ],
        "inbound_messages": [
            {"id": m.id, "platform": m.platform, "sender_id": m.sender_id, "text": m.text, "raw": m.raw}
            | {"sent_at": _iso(m.sent_at)}
            for m in found.inbound
        ],
        "outbox_messages": [
            {"id": o.id, "platform": o.platform, "target": o.target, "kind": o.kind, "status": o.status}
            | {"payload": o.payload, "created_at": _iso(o.created_at)}
            for o in found.outbox
        ],
    }


def _is_personal_company(company: str, names: set[str]) -> bool:
    match = _PERSONAL_COMPANY.match(company.strip())
    return bool(match and match.group("name") in names)


async def erase_personal_data(session: AsyncSession, phone: str, now: datetime) -> ErasureReport:
    """Blank the person's personal fields everywhere; returns how many rows were changed."""
    phone = normalise_phone(phone)
    found = await _find(session, phone, lock=True)
    pattern = _mentions(phone)
    names = {c.name for c in found.contacts if c.name and c.name != ERASED_NAME}
    chat_keys = {f"chat:{c.external_id}" for c in found.contacts if c.external_id}
    leads_renamed = 0
    for lead in found.leads:
        # An organisation is not personal data, but a lead named after the person (a private
        # customer, "张三（个人）") or keyed by their phone or chat is.
        personal_key = lead.company_key == f"phone:{phone}" or lead.company_key in chat_keys
        typed_in = _contains(pattern, lead.company) or _contains(pattern, lead.company_key)
        if _is_personal_company(lead.company, names) or personal_key or typed_in:
            lead.company, lead.company_key = ERASED_COMPANY, f"erased:{lead.id}"
            leads_renamed += 1
    for contact in found.contacts:
        # The row stays, with its title and lead, so the decision chain still counts it.
        contact.name, contact.phone, contact.email, contact.external_id = ERASED_NAME, None, None, None
    for followup in found.follow_ups:
        followup.text = ERASED_TEXT
        # products, budget, stage, kind ... stay: they are the statistics, not the person.
        followup.extracted = {k: v for k, v in followup.extracted.items() if k not in PERSONAL_SLOTS}
        followup.updated_at = now
    chats = _chat_ids(found.contacts)
    for message in found.inbound:
        message.text, message.raw, message.envelope = ERASED_TEXT, dict(ERASED_JSON), {}
        # A web form's sender is the customer's own phone (or e-mail), a chat's sender their chat id;
        # a rep who relayed the number stays the sender of their message.
        if message.platform == "web" or (message.platform, message.sender_id) in chats:
            message.sender_id = ERASED_TEXT
        if message.error is not None:  # a failure's text may quote the message's values
            message.error = ERASED_TEXT
    for row in found.outbox:
        if row.status in ("pending", "held"):
            # Delivering it now would disclose what the person asked us to delete: cancel it.
            row.status, row.last_error, row.next_attempt_at = "dead", "cancelled: personal data erased", now
        row.payload = dict(ERASED_JSON)
        if (row.platform, row.target) in chats:
            row.target = ERASED_TEXT
    files = await _drop_files(session, now)
    await session.flush()
    other_rows = await _sweep(session, pattern, f"%{phone[-4:]}%")
    return ErasureReport(
        contacts=len(found.contacts),
        leads_renamed=leads_renamed,
        follow_ups=len(found.follow_ups),
        inbound_messages=len(found.inbound),
        outbox_messages=len(found.outbox),
        other_rows=other_rows,
        files=files,
    )


async def _drop_files(session: AsyncSession, now: datetime) -> int:
    """Remove the bytes of every file the outbox keeps (exports from chat: zipped spreadsheets of many
    customers, the person's among them, that no text search can look into). Their names stay, so a
    history still says that something was sent; one not yet sent is cancelled."""
    rows = (
        await session.scalars(
            select(OutboxMessage).where(cast(OutboxMessage.payload, Text).like('%"file_base64"%'))
        )
    ).all()
    for row in rows:
        row.payload = {k: v for k, v in (row.payload or {}).items() if k != "file_base64"}
        if row.status in ("pending", "held"):
            row.status, row.last_error, row.next_attempt_at = "dead", "cancelled: personal data erased", now
    return len(rows)


async def _sweep(session: AsyncSession, pattern: re.Pattern[str], like: str) -> int:
    """Replace the phone in every text and JSON column of every table; returns the rows changed."""
    changed = 0
    for mapper in sorted(Base.registry.mappers, key=lambda m: m.class_.__name__):
        columns = [
            (attr.key, attr.columns[0])
            for attr in mapper.column_attrs
            if isinstance(attr.columns[0].type, String | JSON)
        ]
        if not columns:
            continue
        # The same prefilter as `_find`: SQL narrows by the last four digits, Python confirms.
        query = select(mapper.class_).where(or_(*(cast(column, Text).like(like) for _, column in columns)))
        for row in (await session.scalars(query)).all():
            hits = [key for key, _ in columns if _contains(pattern, getattr(row, key))]
            for key in hits:
                setattr(row, key, _without(pattern, getattr(row, key)))
            changed += bool(hits)
    await session.flush()
    return changed
