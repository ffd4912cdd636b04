"""Generated organisations and leads for the property tests of rights, with the rule computed here from
the generated data alone (never with handlers.rights): who may see a lead, who may write to it, and
whether a text, a button or a file names a lead.

The rule: an admin sees everything; anyone sees the leads they own; a manager sees their team's (in its
queue or owned by one of its members), and with `[org] isolate_product_lines` only those of their own
product lines. Two documented allowances of the code are taken as allowed, not as leaks: a lead whose
products have no known line stays visible to the team, and so does everything to a person with no lines
configured; a rep may write to (take) an unowned lead waiting in their team's queue or in no team.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, load_config
from bot.types import Reply
from nlp import company_key
from storage.db import Base
from storage.leads import add_contact, create_lead
from storage.models import Alert, FollowUp, Person
from storage.people import sync_org
from tests.handlers.query_fixtures import NOW

CATALOG = Path(__file__).parents[1] / "fixtures" / "catalog.toml"
LINES = {"光纤激光切割机": "激光", "激光焊接机": "激光", "数控折弯机": "钣金", "64排CT": "影像"}
PRODUCTS = (*LINES, "液压剪板机")  # the last is in no catalog: a lead of no known line
TEAMS = ("华东一组", "华南组", "华北组")
NAMES = ("张伟", "李娜", "王强", "赵磊", "周敏", "孙丽", "陈杰", "刘洋", "吴静", "郑浩", "冯超", "何平")
CITIES = ("苏州", "无锡", "杭州", "成都")
BRANDS = ("恒通机械", "华信物流", "明德电子", "瑞丰钢构")
CONTACTS = ("钱建国", "楚风兰", "戴琳", "曾伟光", "邱明远", "马骏", "韩梅", "欧阳青", "蒋文涛", "沈一鸣")
STAGES = ("线索", "初筛", "需求确认", "报价", "签约", "输单")
H, D = timedelta(hours=1), timedelta(days=1)


@dataclass(frozen=True)
class Member:
    key: str
    name: str
    role: str  # rep, manager, admin
    team: str | None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class LeadSpec:
    company: str
    brand: str
    city: str
    owner: str | None  # a member's key; None: waiting in `team`'s queue (or in none)
    team: str | None
    products: tuple[str, ...]
    stage: str
    contact: str
    phone: str
    overdue: bool  # never answered, assigned a day ago: an SLA breach with an open alert
    due_today: bool  # a follow-up planned for this afternoon


@dataclass(frozen=True)
class World:
    isolate: bool
    teams: tuple[str, ...]
    members: tuple[Member, ...]
    leads: tuple[LeadSpec, ...]

    def member(self, key: str) -> Member:
        return next(m for m in self.members if m.key == key)

    def lead(self, company: str) -> LeadSpec:
        return next(lead for lead in self.leads if lead.company == company)

    def lead_teams(self, lead: LeadSpec) -> set[str]:
        owner = self.member(lead.owner) if lead.owner else None
        return {t for t in (lead.team, owner and owner.team) if t}

    def may_see(self, key: str, lead: LeadSpec) -> bool:
        m = self.member(key)
        if m.role == "admin" or lead.owner == key:
            return True
        if m.role != "manager" or m.team not in self.lead_teams(lead):
            return False
        lines = {LINES[p] for p in lead.products if p in LINES}
        return not self.isolate or not m.lines or not lines or bool(lines & set(m.lines))

    def may_write(self, key: str, lead: LeadSpec) -> bool:
        m = self.member(key)
        queued = lead.owner is None and lead.team in (None, m.team)
        return self.may_see(key, lead) or (m.role == "rep" and queued)

    def named_in(self, text: str, said: str = "") -> set[str]:
        """The companies of the leads `text` names by company, contact or phone, leaving out what the
        asker said themselves (`said`): an echo of one's own words tells nothing."""
        return {
            lead.company
            for lead in self.leads
            if any(word in text and word not in said for word in (lead.company, lead.contact, lead.phone))
        }


@st.composite
def worlds(draw: st.DrawFn) -> World:
    teams = TEAMS[: draw(st.integers(2, 3))]
    names = iter(draw(st.permutations(NAMES)))
    line_sets = st.lists(st.sampled_from(sorted(set(LINES.values()))), max_size=2, unique=True).map(tuple)
    members = [Member("boss", next(names), "admin", None)]
    for t, team in enumerate(teams):
        members.append(Member(f"m{t}", next(names), "manager", team, draw(line_sets)))
        for r in range(draw(st.integers(1, 2))):
            members.append(Member(f"r{t}{r}", next(names), "rep", team, draw(line_sets)))
    places = draw(
        st.lists(
            st.tuples(st.sampled_from(CITIES), st.sampled_from(BRANDS)), min_size=3, max_size=7, unique=True
        )
    )
    contacts = draw(st.permutations(CONTACTS))
    owners = [m for m in members if m.role != "admin"]
    leads = []
    for i, (city, brand) in enumerate(places):
        owner = draw(st.sampled_from(owners) | st.none())
        team = owner.team if owner else draw(st.sampled_from(teams) | st.none())
        leads.append(
            LeadSpec(
                company=f"{city}{brand}有限公司",
                brand=brand,
                city=city,
                owner=owner.key if owner else None,
                team=team,
                products=tuple(draw(st.lists(st.sampled_from(PRODUCTS), max_size=2, unique=True))),
                stage=draw(st.sampled_from(STAGES)),
                contact=contacts[i],
                phone=f"1391234{i:04d}",
                overdue=draw(st.booleans()),
                due_today=draw(st.booleans()),
            )
        )
    return World(draw(st.booleans()), teams, tuple(members), tuple(leads))


def config_of(world: World, database_url: str, tmp_path: Path) -> Config:
    lines = [f'[database]\nurl = "{database_url}"\n', f'[catalog]\npath = "{CATALOG}"\n']
    lines.append(f"[org]\nisolate_product_lines = {str(world.isolate).lower()}\n")
    for t, team in enumerate(world.teams):
        lines.append(f'[[org.teams]]\nname = "{team}"\nmanager = "m{t}"\ngroup_webhook = "group-{t}"\n')
    for m in world.members:
        team = f'team = "{m.team}"\n' if m.team else ""
        lines.append(
            f'[[org.people]]\nid = "{m.key}"\nname = "{m.name}"\nrole = "{m.role}"\n{team}'
            f'wecom_userid = "{m.key.upper()}"\nproduct_lines = {list(m.lines)!r}\n'.replace("'", '"')
        )
    path = tmp_path / "rights.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return load_config(path, env={})


async def wipe(session: AsyncSession) -> None:
    """Every row of every table: each example starts from an empty database at the latest schema."""
    for table in reversed(Base.metadata.sorted_tables):
        await session.execute(delete(table))


async def seed(session: AsyncSession, world: World, config: Config) -> dict[str, int]:
    """The world in the database (committed, for the app's own sessions); lead ids by company."""
    await wipe(session)
    await sync_org(session, config.org.teams, config.org.people)
    people = {p.key: p for p in await session.scalars(select(Person))}
    team_ids = {m.team: people[m.key].team_id for m in world.members if m.team}
    ids: dict[str, int] = {}
    for spec in world.leads:
        owner = people[spec.owner] if spec.owner else None
        assigned = NOW - D if spec.overdue else NOW - 5 * D
        lead = await create_lead(
            session,
            company=spec.company,
            company_key=company_key(spec.company),
            city=spec.city,
            source="rep",
            created_at=assigned,
            owner_id=owner.id if owner else None,
            team_id=team_ids.get(spec.team) if spec.team else None,
        )
        lead.products = list(spec.products)
        lead.product_line = next((LINES[p] for p in spec.products if p in LINES), None)
        lead.stage, lead.assigned_at = spec.stage, assigned
        lead.first_response_at = None if spec.overdue else assigned + H
        lead.next_followup_at = NOW + 4 * H if spec.due_today else NOW - 2 * D
        lead.next_followup_has_time = True
        await add_contact(session, lead.id, now=assigned, name=spec.contact, title="经理", phone=spec.phone)
        session.add(
            FollowUp(
                lead_id=lead.id,
                person_id=owner.id if owner else None,
                kind="call",
                text=f"和{spec.contact}通了电话",
                extracted={},
                happened_at=NOW - 2 * D,
                created_at=NOW - 2 * D,
            )
        )
        if spec.overdue:
            session.add(
                Alert(
                    lead_id=lead.id,
                    rule="first_response",
                    breach_key="first",
                    level=0,
                    person_id=owner.id if owner else None,
                    breached_at=assigned + 2 * H,
                    sent_at=assigned + 2 * H,
                )
            )
        ids[spec.company] = lead.id
    await session.commit()
    return ids


def reply_text(reply: Reply) -> str:
    """Everything a reply shows a person, but for a file (read apart)."""
    return "\n".join((reply.title, *reply.lines, *(b.label for b in reply.buttons)))


def button_leads(reply: Reply) -> set[int]:
    """The lead ids the reply's buttons act on ("contacted:7", "pick:7", "reassign:7")."""
    ids = set()
    for button in reply.buttons:
        _, _, tail = button.key.partition(":")
        if tail.isdigit() and not button.key.startswith("report:"):
            ids.add(int(tail))
    return ids


def xlsx_companies(data: bytes) -> set[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {
            str(row[0]) for sheet in book.worksheets for row in sheet.iter_rows(min_row=2, values_only=True)
        }
    finally:
        book.close()


def leaks(
    world: World, ids: dict[str, int], reply: Reply, reader: str, said: str = "", wrote: bool = False
) -> set[str]:
    """The companies `reply` shows `reader` (a member's key) that they may not see: named in its text or
    file, or acted on by its buttons. `wrote`: the reader is the writer, whose answer may name a lead
    they may write to (a rep's click on a lead of their team's queue takes it)."""
    shown = world.named_in(reply_text(reply), said)
    if reply.file is not None:
        shown |= xlsx_companies(reply.file.data)
    by_id = {i: c for c, i in ids.items()}
    shown |= {by_id[i] for i in button_leads(reply) if i in by_id}
    allowed = world.may_write if wrote else world.may_see
    return {c for c in shown if not allowed(reader, world.lead(c))}
