"""The SLA scan: which leads are in breach now, and who is told at which escalation level.

Rules: first_response (assigned, never contacted within the grade's limit of business time) and
followup_due (the planned follow-up passed with nothing logged since). Each breach alerts the owner
at once, the team manager `escalate_after[0]` of business time later and every admin
`escalate_after[1]` after that, while it stays open. The alert rows' unique key, not this code,
guarantees a notice goes out once; a breach closes by itself when the contact is logged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.types import Button, Reply
from handlers.assignment import team_manager
from handlers.business_time import BusinessCalendar, add_business_time
from handlers.format import fmt_duration
from storage.alerts import active_admins, close_alerts, find_breach_candidates, insert_alert, open_alerts
from storage.models import CLOSED_STAGES, Lead, Person

RULE_LABELS = {"first_response": "首次响应超时", "followup_due": "约定跟进已过"}
LEVEL_TITLES = ("SLA提醒", "SLA升级：团队线索超时", "SLA升级：线索长时间超时")


@dataclass(frozen=True, slots=True)
class Breach:
    lead: Lead
    rule: str
    key: str  # what makes this breach different from a later one of the same rule on the same lead
    breached_at: datetime


def response_limit(limits: Mapping[str, timedelta], grade: str | None) -> timedelta:
    return limits.get(grade or "", limits.get("default", timedelta(hours=2)))


def breaches_of(lead: Lead, config: Config, calendar: BusinessCalendar, now: datetime) -> list[Breach]:
    found: list[Breach] = []
    if lead.stage in CLOSED_STAGES or lead.owner_id is None:
        return found
    if lead.assigned_at is not None and lead.first_response_at is None:
        limit = response_limit(config.sla.first_response, lead.grade)
        due = add_business_time(lead.assigned_at, limit, calendar)
        if due <= now:
            found.append(Breach(lead, "first_response", lead.assigned_at.isoformat(), due))
    planned = lead.next_followup_at
    if planned is not None and (lead.last_contact_at is None or lead.last_contact_at < planned):
        # A follow-up planned for a day with no time of day is late only when that day is over.
        due = planned
        if not lead.next_followup_has_time:
            day = planned.astimezone(calendar.tz).date() + timedelta(days=1)
            due = datetime.combine(day, time(0), calendar.tz)
        if due <= now:
            found.append(Breach(lead, "followup_due", planned.isoformat(), due))
    return found


def is_resolved(rule: str, breach_key: str, lead: Lead) -> bool:
    """Whether the thing a breach asked for has happened (or the breach no longer applies)."""
    if lead.stage in CLOSED_STAGES:
        return True
    if rule == "first_response":
        assigned = lead.assigned_at.isoformat() if lead.assigned_at else None
        return lead.first_response_at is not None or assigned != breach_key
    if rule == "followup_due":
        planned = lead.next_followup_at
        contacted = (
            lead.last_contact_at is not None and planned is not None and lead.last_contact_at >= planned
        )
        return planned is None or planned.isoformat() != breach_key or contacted
    return False


async def scan(session: AsyncSession, config: Config, now: datetime) -> list[Reply]:
    """Close what was resolved, record every newly due notice, and return the replies to send."""
    calendar = BusinessCalendar.from_config(config.sla)
    resolved = [
        alert.id
        for alert, lead in await open_alerts(session)
        if is_resolved(alert.rule, alert.breach_key, lead)
    ]
    await close_alerts(session, resolved, now)
    shortest = min(config.sla.first_response.values(), default=timedelta(0))
    replies: list[Reply] = []
    for lead in await find_breach_candidates(session, now, now - shortest):
        for breach in breaches_of(lead, config, calendar, now):
            replies += await _notify(session, config, calendar, breach, now)
    return replies


async def _notify(
    session: AsyncSession, config: Config, calendar: BusinessCalendar, breach: Breach, now: datetime
) -> list[Reply]:
    lead = breach.lead
    owner = await session.get(Person, lead.owner_id) if lead.owner_id is not None else None
    replies: list[Reply] = []
    level_at = breach.breached_at
    delays = [timedelta(0), *config.sla.escalate_after[:2]]
    for level, delay in enumerate(delays):
        level_at = add_business_time(level_at, delay, calendar)
        if level_at > now:
            break
        recipients = await _recipients(session, lead, level, owner)
        if not recipients:
            continue  # nobody at this level (no manager configured, no admin): the next level may exist
        inserted = await insert_alert(
            session,
            lead_id=lead.id,
            rule=breach.rule,
            breach_key=breach.key,
            level=level,
            person_id=recipients[0].id,
            breached_at=breach.breached_at,
            now=now,
        )
        if inserted:
            replies += [_card(breach, level, who, owner, now) for who in recipients]
    return replies


async def _recipients(session: AsyncSession, lead: Lead, level: int, owner: Person | None) -> list[Person]:
    if level == 0:
        return [owner] if owner is not None and owner.active else []
    if level == 1:
        manager = await team_manager(session, lead.team_id)
        return [manager] if manager is not None else []
    return await active_admins(session)


def _card(breach: Breach, level: int, to: Person, owner: Person | None, now: datetime) -> Reply:
    lead = breach.lead
    lines = [
        f"客户：{lead.company}",
        f"规则：{RULE_LABELS[breach.rule]}",
        f"超时：{fmt_duration(now - breach.breached_at) if now > breach.breached_at else '刚刚'}",
    ]
    buttons: tuple[Button, ...] = ()
    if level == 0:
        buttons = (Button(f"contacted:{lead.id}", "已联系"), Button(f"snooze:{lead.id}", "延后一天"))
    else:
        lines.append(f"负责人：{owner.name if owner else '未分配'}")
    return Reply(to=to.id, title=LEVEL_TITLES[level], lines=tuple(lines), buttons=buttons)
