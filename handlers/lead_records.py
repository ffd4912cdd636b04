"""Taking the leads out: every lead (or what one person may see) with its contacts and follow-ups,
as JSONL records (a contract other tools and tests compare against), CSV or XLSX rows.

Leads are read a page at a time, so an export of a large book holds one page in memory, not all.
Times are written in [sla] timezone to the minute: "YYYY-MM-DDTHH:MM", or "YYYY-MM-DD" for a next
follow-up that was planned for a day without a time of day.

`salesbot leads export` and the chat command (handlers/export_leads) both write through this module;
it sits among the handlers because it reads through their rights (handlers.rights), and handlers
import nothing of bot/ beyond its plain types.
"""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.lead_columns import FOLLOWUP_HEADERS, FOLLOWUP_SHEET, HEADERS, escape_cell
from handlers.rights import Keep, visibility
from handlers.tags import merge_tags
from nlp import Catalog
from storage.models import Contact, FollowUp, Lead, Person

PAGE = 1000
NOTE = "note"  # the follow-up kind of a spreadsheet's 备注, kept as the lead's first note
# The record a member's "新客户 …" leaves when it reports no contact (a plan alone, a hand-over): the
# lead's entry, kept for its history, the daily report's 新录入线索 and a correction of it, but no
# contact with the customer, so the JSONL lists it as the lead's entry, not among its follow-ups.
ENTERED = "lead"
# Companies keyed by something other than their name (a phone-only or chat-only customer) are
# exported with an empty 公司 cell, so an import names them again the way chat does.
_NOT_A_COMPANY_KEY = ("phone:", "chat:")


@dataclass(frozen=True, slots=True)
class ExportedLead:
    lead: Lead
    contacts: list[Contact]
    followups: list[FollowUp]
    keys: dict[int, str]  # person id -> [org] id, shared by every lead of one export

    @property
    def owner_key(self) -> str | None:
        return self.keys.get(self.lead.owner_id) if self.lead.owner_id is not None else None


def local_minute(when: datetime, tz: ZoneInfo) -> str:
    return when.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def next_followup_value(lead: Lead, tz: ZoneInfo) -> str | None:
    if lead.next_followup_at is None:
        return None
    local = lead.next_followup_at.astimezone(tz)
    return local.strftime("%Y-%m-%dT%H:%M") if lead.next_followup_has_time else local.strftime("%Y-%m-%d")


def budget_value(lead: Lead) -> list[int | None] | None:
    if lead.budget_min is None and lead.budget_max is None:
        return None
    return [lead.budget_min, lead.budget_max]


async def iter_leads(
    session: AsyncSession,
    viewer: Person | None,
    *,
    isolate: bool,
    catalog: Catalog,
    scope: str | None = None,
) -> AsyncIterator[ExportedLead]:
    """Every lead `viewer` may see (None: every lead), oldest first, a page of queries at a time.
    `scope` narrows it as in chat questions ("me": their own); PermissionDenied as rights.scope_leads."""
    where, keep = (None, None)
    if viewer is not None:
        seen = visibility(viewer, scope, isolate, catalog)
        where, keep = seen.where, seen.keep
    keys = {pid: key for pid, key in (await session.execute(select(Person.id, Person.key))).all()}
    after = 0
    while True:
        statement = select(Lead).where(Lead.id > after).order_by(Lead.id).limit(PAGE)
        if where is not None:
            statement = statement.where(where)
        page = list((await session.scalars(statement)).all())
        if not page:
            return
        after = page[-1].id
        for item in await _with_details(session, page, keys, keep):
            yield item


async def _with_details(
    session: AsyncSession, page: Sequence[Lead], keys: dict[int, str], keep: Keep | None
) -> list[ExportedLead]:
    leads = [lead for lead in page if keep is None or keep(lead)]
    ids = [lead.id for lead in leads]
    contacts: dict[int, list[Contact]] = {i: [] for i in ids}
    for contact in (
        await session.scalars(select(Contact).where(Contact.lead_id.in_(ids)).order_by(Contact.id))
    ).all():
        contacts[contact.lead_id].append(contact)
    followups: dict[int, list[FollowUp]] = {i: [] for i in ids}
    statement = select(FollowUp).where(FollowUp.lead_id.in_(ids)).order_by(FollowUp.happened_at, FollowUp.id)
    for followup in (await session.scalars(statement)).all():
        followups[followup.lead_id].append(followup)
    return [ExportedLead(lead, contacts[lead.id], followups[lead.id], keys) for lead in leads]


def record(item: ExportedLead, tz: ZoneInfo) -> dict[str, Any]:
    """The JSONL contract for one lead."""
    lead, keys = item.lead, item.keys
    by_id = {c.id: c for c in item.contacts}
    followups = []
    entered = None
    for f in item.followups:
        if f.kind == ENTERED:
            entered = {
                "at": local_minute(f.happened_at, tz),
                "by": keys.get(f.person_id or 0),
                "text": f.text,
            }
            continue
        contact = by_id.get(f.contact_id or 0)
        followups.append(
            {
                "at": local_minute(f.happened_at, tz),
                "by": keys.get(f.person_id or 0),
                "kind": f.kind,
                "contact": {"name": contact.name, "title": contact.title} if contact is not None else None,
                "text": f.text,
            }
        )
    return {
        "company": lead.company,
        "city": lead.city,
        "owner": item.owner_key,
        "stage": lead.stage,
        "grade": lead.grade,
        "source": lead.source,
        "products": list(lead.products or []),
        "competitors": list(lead.competitors or []),
        "budget": budget_value(lead),
        "tags": list(lead.tags or []),
        "next_followup": next_followup_value(lead, tz),
        "contacts": [
            {"name": c.name, "title": c.title, "phone": c.phone, "email": c.email} for c in item.contacts
        ],
        "followups": followups,
        "entered": entered,
    }


def budget_cell(low: int | None, high: int | None) -> str:
    """A budget as import reads it back exactly: 80万, 30万-50万, 不超过20万, 至少5万, 12345元."""

    def amount(yuan: int) -> str:
        return f"{yuan // 10_000}万" if yuan % 10_000 == 0 else f"{yuan}元"

    if low is not None and high is not None:
        return amount(low) if low == high else f"{amount(low)}-{amount(high)}"
    if high is not None:
        return f"不超过{amount(high)}"
    return f"至少{amount(low)}" if low is not None else ""


def lead_rows(item: ExportedLead, tz: ZoneInfo) -> list[list[str]]:
    """The lead's spreadsheet row, then a row per further contact or note with the company (on import
    they merge into the same lead: the contact is added, the note kept after the first)."""
    lead = item.lead
    company = "" if lead.company_key.startswith(_NOT_A_COMPANY_KEY) else lead.company
    notes = [f.text for f in item.followups if f.kind == NOTE]
    when = next_followup_value(lead, tz)
    row = {
        "公司": company,
        "城市": lead.city,
        "产品": "、".join(lead.products or []),
        "竞品": "、".join(lead.competitors or []),
        "预算": budget_cell(lead.budget_min, lead.budget_max),
        "阶段": lead.stage,
        "负责人": item.owner_key,
        "来源": lead.source,
        "等级": lead.grade,
        "标签": "、".join(merge_tags(lead.tags or [], [])),  # hand-made tags: import derives the rest
        "下次跟进": when.replace("T", " ") if when else None,
    }
    rows = []
    for i in range(max(len(item.contacts), len(notes), 1)):
        cells = dict(row) if i == 0 else {"公司": company}
        if i < len(item.contacts):
            contact = item.contacts[i]
            cells |= {
                "联系人": contact.name,
                "职务": contact.title,
                "电话": contact.phone,
                "邮箱": contact.email,
            }
        if i < len(notes):
            cells["备注"] = notes[i]
        rows.append([escape_cell(cells.get(h) or "") for h in HEADERS])
    return rows


def followup_rows(item: ExportedLead, tz: ZoneInfo) -> list[list[str]]:
    keys = item.keys
    by_id = {c.id: c for c in item.contacts}
    rows = []
    for f in item.followups:
        contact = by_id.get(f.contact_id or 0)
        cells = [
            item.lead.company,
            local_minute(f.happened_at, tz).replace("T", " "),
            keys.get(f.person_id or 0, ""),
            f.kind or "",
            contact.name or "" if contact is not None else "",
            f.text,
        ]
        rows.append([escape_cell(c) for c in cells])
    return rows


class CsvWriter:
    """CSV as Excel opens it: the caller opens the stream with utf-8-sig (a byte order mark), CRLF lines."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._writer.writerow(HEADERS)

    def add(self, item: ExportedLead, tz: ZoneInfo) -> None:
        self._writer.writerows(lead_rows(item, tz))


class XlsxWriter:
    """A two-sheet workbook written as a stream (openpyxl write_only): 客户, then 跟进记录."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self._book = Workbook(write_only=True)
        self._leads = self._book.create_sheet("客户")
        self._leads.append(list(HEADERS))
        self._followups = self._book.create_sheet(FOLLOWUP_SHEET)
        self._followups.append(list(FOLLOWUP_HEADERS))

    def add(self, item: ExportedLead, tz: ZoneInfo) -> None:
        for row in lead_rows(item, tz):
            self._leads.append(row)
        for row in followup_rows(item, tz):
            self._followups.append(row)

    def save(self, out: BinaryIO) -> None:
        self._book.save(out)
