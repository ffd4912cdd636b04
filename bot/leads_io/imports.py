"""`salesbot leads import`: a company's existing customers into the book, as one transaction per file.

A row is the same customer as a lead already known exactly when a new lead from chat would be
(handlers/new_lead.find_existing): the same contact phone, else the same folded company key, the
oldest such lead winning, unless the names start with different places (成都华信物流 and
绵阳华信物流 share the key 华信物流 but are two customers: nlp.company_key.places_differ); a city
column alone does not split a company (a branch, or the rep's city). It then merges: a new contact
is added, empty fields are filled, nothing is overwritten, and a note already on the lead is not
added again, so importing a file twice changes nothing. The lookups run in bulk against the
database and then in memory (rows of the same file find each other too), so 10,000 rows take
seconds, not the minutes of a query per row.

Imported leads are not new inquiries. They get no assignment card (each owner gets one summary
push) and no first-response clock: `assigned_at` stays empty, so the first-response rule, the
response-time statistics and the unanswered list leave them out. Their planned follow-up
(下次跟进) is kept and the follow-up-due rule applies from it as for any lead; one already past
shows up at the next SLA scan, a batch of them as one summary per person (handlers/sla). Their
stage clock (stage_stuck) starts at the import: when the stage was really entered is not known,
and no stage_change row is written, so conversion statistics count only moves made in the bot.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.app import addressing_for
from bot.config import Config, configured_catalog
from bot.core.outgoing import queue
from bot.leads_io.files import ImportFileError, read_table
from bot.leads_io.rows import LeadRow, RowError, read_row
from bot.types import CLOSED_STAGES, STAGES, Reply
from handlers.assignment import Candidate, choose_owner, load_candidates, load_teams, team_manager
from handlers.grading import LeadFacts, grade_lead
from handlers.lead_facts import first_line, followup_at
from handlers.tags import derived_tags, merge_tags
from nlp import Catalog
from nlp.company_key import company_places, places_differ
from storage.db import session_factory
from storage.followups import followup_texts
from storage.leads import (
    leads_by_company_key,
    leads_with_contacts,
    oldest_leads_by_phone,
    reserve_lead_ids,
)
from storage.models import Contact, FollowUp, Lead, Person
from storage.people import sync_org

__all__ = ["ImportFileError", "ImportReport", "import_rows", "run_import"]

SOURCE = "import"  # a row without a 来源 cell
NOTE = "note"  # the follow-up kind of a row's 备注
FLUSH_EVERY = 1000


@dataclass(frozen=True, slots=True)
class Outcome:
    row: int
    status: str  # imported, merged, unchanged, refused
    detail: str = ""


@dataclass
class ImportReport:
    file: str
    dry_run: bool = False
    encoding: str | None = None
    unknown_columns: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    owners: dict[str, int] = field(default_factory=dict)  # "李娜 (lina)" -> leads now theirs
    pushes: int = 0  # summary pushes queued

    def counts(self) -> dict[str, int]:
        counted = Counter(o.status for o in self.outcomes)
        return {s: counted.get(s, 0) for s in ("imported", "merged", "unchanged", "refused")}

    def lines(self) -> list[str]:
        """The printed report: totals, then every merge, refusal and warning by row number."""
        counts = self.counts()
        encoding = f" ({self.encoding})" if self.encoding else ""
        out = [f"{self.file}{encoding}: " + ", ".join(f"{n} {s}" for s, n in counts.items())]
        if self.unknown_columns:
            out.append("unknown columns ignored: " + ", ".join(self.unknown_columns))
        out += [f"row {o.row}: {o.status}: {o.detail}" for o in self.outcomes if o.status != "unchanged"]
        out += [f"row {row}: warning: {text}" for row, text in self.warnings]
        if self.owners:
            out.append("leads per owner: " + ", ".join(f"{who} {n}" for who, n in self.owners.items()))
        out.append(
            "dry run: nothing was written" if self.dry_run else f"done: {self.pushes} summary pushes queued"
        )
        return out


@dataclass
class _Target:
    """A lead this import writes to: new in this file, or known before and merged into."""

    lead: Lead
    row: int | None  # the row that created it; None for a lead known before
    contacts: list[Contact]
    texts: set[str]  # the lead's history texts, so a note is added once
    notes: list[str] = field(default_factory=list)
    new_contacts: list[Contact] = field(default_factory=list)
    assigned: str = ""  # how a new lead got its owner

    @property
    def places(self) -> frozenset[str]:
        return company_places(self.lead.company)

    def label(self) -> str:
        if self.row is not None:
            return f"the lead of row {self.row}"
        return f"lead #{self.lead.id} {self.lead.company}"


class _People:
    """[org] people by id and by name, for the 负责人 column."""

    def __init__(self, people: list[Person]) -> None:
        self.by_key = {p.key: p for p in people}
        self.by_name: dict[str, list[Person]] = {}
        for p in people:
            self.by_name.setdefault(p.name, []).append(p)

    def key_of(self, person_id: int | None) -> str | None:
        return next((p.key for p in self.by_key.values() if p.id == person_id), None)

    def find(self, text: str) -> Person:
        if text in self.by_key:
            return self.by_key[text]
        named = self.by_name.get(text, [])
        if len(named) == 1:
            return named[0]
        if named:
            raise RowError(f"owner {text!r} names {len(named)} people: write their [org] id instead")
        raise RowError(f"unknown owner {text!r}: not an active [org] id or name")


async def run_import(
    engine: AsyncEngine, config: Config, path: Path, *, dry_run: bool, now: datetime
) -> ImportReport:
    """Read and check the file, then import it in one transaction (rolled back for a dry run)."""
    catalog = configured_catalog(config)
    table = read_table(path)
    report = ImportReport(path.name, dry_run, table.encoding, table.unknown)
    rows: list[LeadRow] = []
    for number, cells in table.rows:  # a refused file raises here, before anything is written
        try:
            rows.append(read_row(number, cells, catalog))
        except RowError as e:
            report.outcomes.append(Outcome(number, "refused", str(e)))
    # One transaction: an error anywhere (or a crash) leaves nothing of the file behind. A dry run
    # does the real import and rolls it back, so its report is exact.
    async with session_factory(engine)() as session:
        await sync_org(session, config.org.teams, config.org.people)
        await import_rows(session, config, catalog, rows, report, now)
        await (session.rollback() if dry_run else session.commit())
    report.outcomes.sort(key=lambda o: o.row)
    report.warnings.sort(key=lambda w: w[0])
    return report


async def import_rows(
    session: AsyncSession,
    config: Config,
    catalog: Catalog,
    rows: list[LeadRow],
    report: ImportReport,
    now: datetime,
) -> None:
    """Write the rows' leads into the open transaction (flushing, never committing) and queue one
    summary push per owner."""
    importer = _Importer(session, config, catalog, report, now)
    await importer.prepare(rows)
    for row in rows:
        try:
            importer.add(row)
        except RowError as e:
            report.outcomes.append(Outcome(row.number, "refused", str(e)))
    await importer.write()
    await importer.tell_owners()


class _Importer:
    def __init__(
        self, session: AsyncSession, config: Config, catalog: Catalog, report: ImportReport, now: datetime
    ) -> None:
        self.session, self.config, self.catalog, self.report, self.now = session, config, catalog, report, now
        self.addressing = addressing_for(config)
        self.by_phone: dict[str, _Target] = {}
        self.by_key: dict[str, list[_Target]] = {}  # oldest first
        self.targets: list[_Target] = []  # the new leads, in row order
        self.changed: dict[int, _Target] = {}  # by id(): every lead a row added to or filled in
        self.gained: Counter[int] = Counter()  # owner id -> leads that became theirs
        self.queued: Counter[int | None] = Counter()  # team id -> leads left in its queue
        self.candidates: dict[int, Candidate] = {}
        self.teams: dict[str, int] = {}
        self.people = _People([])
        self.tick = 0  # orders this import's assignments for the rules' round-robin

    async def prepare(self, rows: list[LeadRow]) -> None:
        """Load, in bulk, every known lead a row can merge into, and the people and rules."""
        session = self.session
        active = await session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.id))
        self.people = _People(list(active.all()))
        self.teams = {t.name: t.id for t in await load_teams(session)}
        self.candidates = {c.person_id: c for c in await load_candidates(session)}
        phones = {r.phone for r in rows if r.phone}
        keys = {k for r in rows if (k := self.identity(r))}
        by_phone = await oldest_leads_by_phone(session, phones)
        by_key = await leads_by_company_key(session, keys)
        ids = set(by_phone.values()) | {i for found in by_key.values() for i in found}
        texts = await followup_texts(session, ids)
        known = {
            lead.id: _Target(lead, None, contacts, texts[lead.id])
            for lead, contacts in await leads_with_contacts(session, ids)
        }
        self.by_phone = {phone: known[i] for phone, i in by_phone.items()}
        self.by_key = {key: [known[i] for i in found] for key, found in by_key.items()}

    @staticmethod
    def identity(row: LeadRow) -> str:
        """The lead's company key as chat makes it (handlers/new_lead.identity_key)."""
        return row.company_key or f"phone:{row.phone}"

    def find(self, row: LeadRow) -> _Target | None:
        if row.phone and (target := self.by_phone.get(row.phone)) is not None:
            return target
        if not row.company_key:
            return None
        places = company_places(row.company)
        same = (t for t in self.by_key.get(row.company_key, ()) if not places_differ(places, t.places))
        return next(same, None)

    def add(self, row: LeadRow) -> None:
        owner = self.people.find(row.owner) if row.owner else None
        target = self.find(row)
        self.report.warnings += [(row.number, w) for w in row.warnings]
        if target is None:
            target = self.create(row, owner)
            owner_key = self.people.key_of(target.lead.owner_id)
            detail = f"{target.lead.company}, owner {owner_key or '(team queue)'} {target.assigned}"
            self.report.outcomes.append(Outcome(row.number, "imported", detail))
            self.changed[id(target)] = target
        elif self.merge(target, row, owner):
            self.changed[id(target)] = target
        if row.phone:
            self.by_phone.setdefault(row.phone, target)
        same_key = self.by_key.setdefault(target.lead.company_key, [])
        if all(t is not target for t in same_key):
            same_key.append(target)

    def create(self, row: LeadRow, owner: Person | None) -> _Target:
        name = row.company or (f"{row.contact}（个人）" if row.contact else "未留名客户")
        lead = Lead(
            company=name[:200],
            company_key=self.identity(row)[:200],
            source=row.source or SOURCE,
            created_at=self.now,
            city=row.city,
            stage=row.stage or STAGES[0],
            stage_changed_at=self.now,
            products=list(row.products),
            competitors=list(row.competitors),
            tags=list(row.tags),
            next_followup_has_time=False,
        )
        if row.budget is not None:
            lead.budget_min, lead.budget_max = row.budget
        lead.product_line = first_line(lead.products, self.catalog)
        self.plan_followup(lead, row)
        facts = LeadFacts(row.budget, lead.product_line, lead.source, lead.city)
        lead.grade = row.grade or grade_lead(facts, self.config.grading)
        if owner is not None:
            self.own(lead, owner.id, owner.team_id)
            assigned = "from the file"
        else:
            choice = choose_owner(
                facts, lead.grade, list(self.candidates.values()), self.config.assignment, self.teams
            )
            lead.team_id = choice.team_id
            if choice.owner_id is not None:
                self.own(lead, choice.owner_id, choice.team_id)
            else:
                self.queued[choice.team_id] += 1
            assigned = f"by the rules: {choice.reason}"
        target = _Target(lead, row.number, [], set(), assigned=assigned)
        self.targets.append(target)
        self.add_contact(target, row)
        self.add_note(target, row)
        return target

    def plan_followup(self, lead: Lead, row: LeadRow) -> None:
        if row.next_followup is None or lead.stage in CLOSED_STAGES:
            return  # a closed deal is not followed up (storage.leads.change_stage clears it too)
        planned = followup_at(row.next_followup, self.config.tz)
        if planned is not None:  # rows.read_when let only real dates through
            lead.next_followup_at, lead.next_followup_has_time = planned

    def own(self, lead: Lead, owner_id: int, team_id: int | None) -> None:
        """Give the lead to an owner (no assigned_at: see the module docstring) and keep the rules'
        load counts current for the rows that follow."""
        lead.owner_id, lead.team_id = owner_id, team_id or lead.team_id
        self.gained[owner_id] += 1
        candidate = self.candidates.get(owner_id)
        if candidate is not None and lead.stage not in CLOSED_STAGES:
            self.tick += 1
            later = self.now + timedelta(microseconds=self.tick)
            self.candidates[owner_id] = dataclasses.replace(
                candidate, open_leads=candidate.open_leads + 1, last_assigned_at=later
            )

    def merge(self, target: _Target, row: LeadRow, owner: Person | None) -> bool:
        """Fill in what the lead lacks; whether anything changed."""
        lead = target.lead
        filled: list[str] = []
        for attr, value in (("city", row.city), ("grade", row.grade)):
            if value and not getattr(lead, attr):
                setattr(lead, attr, value)
                filled.append(attr)
        for attr, values in (
            ("products", row.products),
            ("competitors", row.competitors),
            ("tags", row.tags),
        ):
            current = list(getattr(lead, attr) or [])
            more = [v for v in values if v not in current]
            if more:
                setattr(lead, attr, current + more)
                filled.append(attr)
        if not lead.product_line and (line := first_line(lead.products or [], self.catalog)):
            lead.product_line = line
        if row.budget is not None and lead.budget_min is None and lead.budget_max is None:
            lead.budget_min, lead.budget_max = row.budget
            filled.append("budget")
        if (
            row.next_followup is not None
            and lead.next_followup_at is None
            and lead.stage not in CLOSED_STAGES
        ):
            self.plan_followup(lead, row)
            filled.append("next_followup")
        if owner is not None and lead.owner_id is None:
            self.own(lead, owner.id, owner.team_id)
            filled.append("owner")
        elif owner is not None and lead.owner_id != owner.id:
            self.report.warnings.append((row.number, f"owner kept as it was ({owner.key} not applied)"))
        if row.stage and row.stage != lead.stage:
            self.report.warnings.append((row.number, f"stage kept as {lead.stage} ({row.stage} not applied)"))
        filled += self.add_contact(target, row)
        filled += self.add_note(target, row)
        if filled:
            detail = f"into {target.label()}: added {', '.join(filled)}"
            self.report.outcomes.append(Outcome(row.number, "merged", detail))
        else:
            self.report.outcomes.append(Outcome(row.number, "unchanged", f"already in {target.label()}"))
        return bool(filled)

    def add_contact(self, target: _Target, row: LeadRow) -> list[str]:
        """Add the row's contact, or fill the empty fields of the same person (by phone, else by a
        name whose phone does not differ); nothing known is overwritten."""
        values = {"name": row.contact, "title": row.title, "phone": row.phone, "email": row.email}
        if not any(values.values()):
            return []
        match = next((c for c in target.contacts if row.phone and c.phone == row.phone), None)
        if match is None and row.contact:
            same_name = (c for c in target.contacts if c.name == row.contact)
            match = next((c for c in same_name if not (row.phone and c.phone)), None)
        if match is None:
            contact = Contact(created_at=self.now, **values)
            target.contacts.append(contact)
            target.new_contacts.append(contact)
            return ["a contact"]
        if row.contact and match.name and match.name != row.contact:
            self.report.warnings.append(
                (row.number, f"contact {row.contact} has the phone of {match.name}: {match.name} kept")
            )
        filled = []
        for attr, value in values.items():
            if value and not getattr(match, attr):
                setattr(match, attr, value)
                filled.append(f"contact's {attr}")
        return filled

    def add_note(self, target: _Target, row: LeadRow) -> list[str]:
        if not row.notes or row.notes in target.texts:
            return []
        target.texts.add(row.notes)
        target.notes.append(row.notes)
        return ["a note"]

    async def write(self) -> None:
        """Insert the new leads, then every new contact and note, in batches (executemany, no
        statement per row); derive the tags of every lead that changed."""
        session = self.session
        contacts: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        for target, lead_id in zip(
            self.targets, await reserve_lead_ids(session, len(self.targets)), strict=True
        ):
            target.lead.id = lead_id
        for target in self.changed.values():
            lead = target.lead
            derived = derived_tags(
                budget=(lead.budget_min, lead.budget_max),
                competitors=lead.competitors or [],
                products=lead.products or [],
                titles=[c.title for c in target.contacts],
                catalog=self.catalog,
                ample_budget=self.config.grading.ample_budget,
            )
            tags = merge_tags(lead.tags or [], derived)
            if tags != list(lead.tags or []):
                lead.tags = tags
            contacts += [
                {"lead_id": lead.id, "name": c.name, "title": c.title, "phone": c.phone, "email": c.email}
                | {"external_id": None, "created_at": self.now}
                for c in target.new_contacts
            ]
            notes += [
                {"lead_id": lead.id, "person_id": None, "kind": NOTE, "text": note, "extracted": {}}
                | {"happened_at": self.now, "created_at": self.now}
                for note in target.notes
            ]
        for start in range(0, len(self.targets), FLUSH_EVERY):
            session.add_all([t.lead for t in self.targets[start : start + FLUSH_EVERY]])
            await session.flush()
        # Core inserts: the ORM's bulk insert splits rows by which values are None, statement by statement.
        for table, rows in ((Contact.__table__, contacts), (FollowUp.__table__, notes)):
            for start in range(0, len(rows), FLUSH_EVERY):
                await session.execute(insert(table), rows[start : start + FLUSH_EVERY])
        await session.flush()

    async def push(self, reply: Reply) -> None:
        item = await self.addressing.to_person(self.session, reply)
        if await queue(self.session, item, self.now, dedupe_key=reply.dedupe_key):
            self.report.pushes += 1

    async def tell_owners(self) -> None:
        """One push per owner instead of a card per lead."""
        people = {p.id: p for p in self.people.by_key.values()}
        for owner_id, count in sorted(self.gained.items()):
            person = people.get(owner_id)
            if person is None:
                continue
            self.report.owners[f"{person.name} ({person.key})"] = count
            lines = (f"导入了 {count} 条客户到你名下。", "发「今天要跟进哪些客户」看今天的安排。")
            reply = Reply(to=owner_id, title="客户导入", lines=lines)
            await self.push(reply)
        for team_id, count in sorted(self.queued.items(), key=lambda item: item[0] or 0):
            manager = await team_manager(self.session, team_id)
            if manager is None:
                continue
            lines = (f"导入了 {count} 条客户，没有匹配的分配规则，待你指定负责人。",)
            await self.push(Reply(to=manager.id, title="导入客户待分配", lines=lines))
