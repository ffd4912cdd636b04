"""The demo: an organisation, a catalog and a few weeks of leads from `bot/cli/demo_data/`, so a newcomer
can chat with the bot in the console without any platform account.

The data files live in the package (they ship with `pip install .`); dates in them are offsets in
days from the moment the demo is loaded, so it always looks current. Loading is idempotent: the
demo's leads carry `source = "demo"` and are written in one transaction, all or none.
"""

from __future__ import annotations

import dataclasses
import logging
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import CatalogConfig, Config, load_config
from nlp import company_key
from storage import migrate
from storage.db import session_factory
from storage.followups import record_followup
from storage.leads import add_contact, change_stage, create_lead
from storage.models import Lead, Person

log = logging.getLogger("salesbot.demo")

DEMO_DIR = Path(str(files("bot.cli") / "demo_data"))
DEMO_SOURCE = "demo"


def demo_config(base: Config) -> Config:
    """`base` (server, database, log, SLA settings) with the demo's organisation, assignment rules and
    catalog, and the console on."""
    demo = load_config(DEMO_DIR / "config.toml", env={})
    return dataclasses.replace(
        base,
        org=demo.org,
        assignment=demo.assignment,
        catalog=CatalogConfig(path=str(DEMO_DIR / "catalog.toml")),
        console=dataclasses.replace(base.console, enabled="on"),
    )


@dataclass(frozen=True, slots=True)
class DemoClock:
    """Turns the data files' day offsets into aware datetimes around `now`, in the business time zone."""

    now: datetime
    tz: ZoneInfo

    def at(self, day: int, hhmm: str = "10:00") -> datetime:
        """Day `day` at `hhmm`; what happened today is never later than now, however early it is."""
        hour, minute = (int(part) for part in hhmm.split(":"))
        date = self.now.astimezone(self.tz).date() + timedelta(days=day)
        when = datetime.combine(date, time(hour, minute), self.tz).astimezone(UTC)
        return min(when, self.now - timedelta(minutes=1)) if day <= 0 else when


def demo_leads() -> list[dict[str, Any]]:
    data = tomllib.loads((DEMO_DIR / "leads.toml").read_text(encoding="utf-8"))
    leads: list[dict[str, Any]] = data["leads"]
    return leads


async def demo_loaded(session: AsyncSession) -> bool:
    return await session.scalar(select(Lead.id).where(Lead.source == DEMO_SOURCE).limit(1)) is not None


async def load_demo(
    sessions: async_sessionmaker[AsyncSession], config: Config, now: datetime | None = None
) -> int:
    """Write the demo's leads, contacts, follow-ups and stage changes unless they are there already;
    returns how many leads were written (0 the second time). The organisation comes from
    `demo_config` and is synced by the app at start-up, so the app must have started once."""
    clock = DemoClock(now or datetime.now(UTC), config.tz)
    async with sessions.begin() as session:
        if await demo_loaded(session):
            return 0
        people = {p.key: p for p in (await session.scalars(select(Person))).all()}
        leads = demo_leads()
        for spec in leads:
            owner = people.get(spec["owner"])
            if owner is None:
                raise ValueError(
                    f"demo lead {spec['id']}: no person {spec['owner']!r}; start with demo_config"
                )
            await _load_lead(session, spec, owner, clock)
    log.info("demo data loaded", extra={"leads": len(leads)})
    return len(leads)


async def _load_lead(session: AsyncSession, spec: dict[str, Any], owner: Person, clock: DemoClock) -> None:
    created = clock.at(spec["created"], spec.get("at", "10:00"))
    lead = await create_lead(
        session,
        company=spec["company"],
        company_key=company_key(spec["company"]) or spec["company"],
        source=DEMO_SOURCE,
        source_detail=spec["id"],
        created_at=created,
        owner_id=owner.id,
        team_id=owner.team_id,
        city=spec.get("city"),
    )
    lead.grade = spec.get("grade")
    lead.product_line = spec.get("product_line")
    lead.products = list(spec.get("products", []))
    lead.competitors = list(spec.get("competitors", []))
    lead.tags = list(spec.get("tags", []))
    lead.budget_min, lead.budget_max = spec.get("budget", [None, None])
    lead.assigned_at = created
    person = spec.get("contact", {})
    contact = await add_contact(session, lead.id, now=created, **person) if person else None
    happened: list[datetime] = []
    for note in spec.get("followups", []):
        at = clock.at(note["day"], note.get("at", "10:00"))
        await record_followup(
            session,
            lead_id=lead.id,
            person_id=owner.id,
            text=note["text"],
            kind=note.get("kind"),
            extracted={},
            happened_at=at,
            created_at=at,
            contact_id=contact.id if contact else None,
        )
        happened.append(at)
    if happened and spec.get("answered", True):
        lead.first_response_at, lead.last_contact_at = min(happened), max(happened)
    for stage, day in spec.get("stages", []):
        await change_stage(session, lead, stage, person_id=owner.id, at=clock.at(day))
    if "next_followup" in spec:  # a day, no time of day
        lead.next_followup_at = clock.at(spec["next_followup"])
        lead.next_followup_has_time = False
    await session.flush()


async def database_state(engine: AsyncEngine) -> Literal["empty", "demo", "own"]:
    """What a database holds before the app starts: nothing yet, the demo, or someone's own organisation
    (people the demo does not have), which the demo must never mix with. Leads are not looked at: those
    a newcomer makes by chatting in the demo are still the demo's."""
    if await migrate.current_revision(engine) is None:
        return "empty"
    demo_people = {p.id for p in load_config(DEMO_DIR / "config.toml", env={}).org.people}
    async with session_factory(engine)() as session:
        keys = set((await session.scalars(select(Person.key))).all())
        demo = await demo_loaded(session)
    if keys - demo_people:
        return "own"
    return "demo" if demo or keys else "empty"
