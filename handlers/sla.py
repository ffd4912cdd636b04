"""The SLA scan: which leads are in breach now, and who is told at which escalation level.

Each breach (rules in handlers/sla_rules.py) alerts the owner at once, the team manager
`escalate_after[0]` of business time later and every admin `escalate_after[1]` after that, while
it stays open. The alert rows' unique key, not this code, guarantees a notice goes out once. A
breach closes by itself when the thing happens, and its delivered cards are marked handled.
Notices that fell due long before this scan (the bot was down) reach each person as one summary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.types import Button, Reply
from handlers.assignment import team_manager
from handlers.business_time import BusinessCalendar, add_business_time
from handlers.format import fmt_duration, fmt_time
from handlers.sla_rules import ESCALATING, Breach, breaches_of, cold_at, is_resolved
from storage.alerts import (
    SentCard,
    active_admins,
    close_alerts,
    find_breach_candidates,
    insert_alert,
    open_alerts,
    take_alert_cards,
)
from storage.followups import recent_contact_times
from storage.models import Lead, Person

RULE_LABELS = {
    "first_response": "首次响应超时",
    "followup_due": "约定跟进已过",
    "stage_stuck": "阶段停滞",
    "going_cold": "客户渐冷",
}
LEVEL_TITLES = ("SLA提醒", "SLA升级：团队线索超时", "SLA升级：线索长时间超时")
SUMMARY_LIMIT = 10  # lines in a summary; the rest are a query away


@dataclass(frozen=True, slots=True)
class Notice:
    reply: Reply
    alert_id: int | None  # the alert the card announces (to update it when closed); None: a summary


@dataclass(frozen=True, slots=True)
class ScanResult:
    notices: list[Notice]
    closed_cards: list[SentCard]  # delivered cards whose breach closed, to be marked handled


@dataclass(frozen=True, slots=True)
class _Due:
    breach: Breach
    level: int
    to: Person
    owner: Person | None
    alert_id: int
    due_at: datetime  # when this level fell due


async def scan(session: AsyncSession, config: Config, now: datetime) -> ScanResult:
    """Close what was resolved, record every newly due notice, and say what to send."""
    calendar = BusinessCalendar.from_config(config.sla)
    still_open = await open_alerts(session)
    resolved = {a.id for a, lead in still_open if is_resolved(a.rule, a.breach_key, lead)}
    # What was sent and is still open needs no second INSERT to find out: a scan in the steady
    # state (everything due already alerted) writes nothing.
    sent = {(a.lead_id, a.rule, a.breach_key, a.level) for a, _ in still_open if a.id not in resolved}
    closed = await close_alerts(session, resolved, now)
    cards = await take_alert_cards(session, closed)
    shortest = min(config.sla.first_response.values(), default=timedelta(0))
    # Business time never runs faster than the wall clock, so nothing changed later can be due.
    stuck_before = {stage: now - limit for stage, limit in config.sla.stage_stuck.items()}
    due: list[_Due] = []
    recipients = _Recipients(session, sent)
    for lead in await find_breach_candidates(session, now, now - shortest, stuck_before):
        for breach in breaches_of(lead, config, calendar, now):
            due += await _record(session, config, calendar, breach, recipients, now)
    return ScanResult(_notices(due, config, now), cards)


async def refresh_cold_at(session: AsyncSession, lead: Lead, config: Config) -> None:
    """Recompute when the lead goes cold, after a contact was logged (call after flushing it)."""
    times = await recent_contact_times(session, lead.id)
    if lead.last_contact_at is not None:
        times.append(lead.last_contact_at)
    lead.cold_at = cold_at(times, config.sla.going_cold)


async def _record(
    session: AsyncSession,
    config: Config,
    calendar: BusinessCalendar,
    breach: Breach,
    recipients: _Recipients,
    now: datetime,
) -> list[_Due]:
    lead = breach.lead
    owner = await session.get(Person, lead.owner_id) if lead.owner_id is not None else None
    found: list[_Due] = []
    level_at = breach.breached_at
    steps = config.sla.escalate_after[:2] if breach.rule in ESCALATING else []
    for level, delay in enumerate([timedelta(0), *steps]):
        level_at = add_business_time(level_at, delay, calendar)
        if level_at > now:
            break
        if recipients.sent(lead.id, breach.rule, breach.key, level):
            continue
        people = await recipients.at(level, lead, owner)
        if not people:
            continue  # nobody at this level (no manager configured, no admin): the next level may exist
        alert_id = await insert_alert(
            session,
            lead_id=lead.id,
            rule=breach.rule,
            breach_key=breach.key,
            level=level,
            person_id=people[0].id,
            breached_at=breach.breached_at,
            now=now,
        )
        if alert_id is not None:
            found += [_Due(breach, level, who, owner, alert_id, level_at) for who in people]
    if breach.rule == "going_cold" and found:
        lead.cold_at = None  # flagged once; the next logged contact sets a new rhythm
    return found


class _Recipients:
    """Who is told at each level, looked up once per scan rather than once per breach, and which
    notices are out already."""

    def __init__(self, session: AsyncSession, sent: set[tuple[int, str, str, int]]) -> None:
        self._session = session
        self._sent = sent
        self._managers: dict[int | None, Person | None] = {}
        self._admins: list[Person] | None = None

    def sent(self, lead_id: int, rule: str, key: str, level: int) -> bool:
        """Whether this notice went out already (and its alert is open)."""
        return (lead_id, rule, key, level) in self._sent

    async def at(self, level: int, lead: Lead, owner: Person | None) -> list[Person]:
        if level == 0:
            return [owner] if owner is not None and owner.active else []
        if level == 1:
            if lead.team_id not in self._managers:
                self._managers[lead.team_id] = await team_manager(self._session, lead.team_id)
            manager = self._managers[lead.team_id]
            return [manager] if manager is not None else []
        if self._admins is None:
            self._admins = await active_admins(self._session)
        return self._admins


def _notices(due: Sequence[_Due], config: Config, now: datetime) -> list[Notice]:
    """A card per notice, except that a person with several notices that fell due well before
    this scan (missed while the bot was down) gets one summary of them instead of a flood."""
    backlog_before = now - max(3 * config.sla.scan_interval, timedelta(minutes=5))
    missed: dict[int, list[_Due]] = defaultdict(list)
    for item in due:
        if item.due_at < backlog_before:
            missed[item.to.id].append(item)
    notices: list[Notice] = []
    for item in due:
        if len(missed.get(item.to.id, ())) < 2 or item.due_at >= backlog_before:
            notices.append(Notice(_card(item, config, now), item.alert_id))
    for person_id, items in missed.items():
        if len(items) >= 2:
            notices.append(Notice(_summary(person_id, items, now), None))
    return notices


def _overdue(item: _Due, now: datetime) -> str:
    return fmt_duration(now - item.breach.breached_at) if now > item.breach.breached_at else "刚刚"


def _card(item: _Due, config: Config, now: datetime) -> Reply:
    lead, rule = item.breach.lead, item.breach.rule
    lines = [f"客户：{lead.company}", f"规则：{RULE_LABELS[rule]}"]
    if rule == "stage_stuck":
        lines.append(f"阶段：{lead.stage}，已停留{_overdue_since(lead.stage_changed_at, now)}")
    elif rule == "going_cold" and lead.last_contact_at is not None:
        when = fmt_time(lead.last_contact_at, config.tz)
        lines.append(f"上次联系：{when}（{_overdue_since(lead.last_contact_at, now)}前）")
    else:
        lines.append(f"超时：{_overdue(item, now)}")
    buttons: tuple[Button, ...] = ()
    if item.level > 0:
        lines.append(f"负责人：{item.owner.name if item.owner else '未分配'}")
    elif rule in ("first_response", "followup_due"):
        buttons = (Button(f"contacted:{lead.id}", "已联系"), Button(f"snooze:{lead.id}", "延后一天"))
    elif rule == "going_cold":
        buttons = (Button(f"contacted:{lead.id}", "已联系"),)
    title = "客户渐冷提醒" if rule == "going_cold" else LEVEL_TITLES[item.level]
    return Reply(to=item.to.id, title=title, lines=tuple(lines), buttons=buttons)


def _overdue_since(when: datetime | None, now: datetime) -> str:
    return fmt_duration(now - when) if when is not None and now > when else "不久"


def _summary(person_id: int, items: Sequence[_Due], now: datetime) -> Reply:
    ordered = sorted(items, key=lambda i: i.breach.breached_at)
    lines = [
        f"{n}. {i.breach.lead.company} · {RULE_LABELS[i.breach.rule]} · {_overdue(i, now)}"
        + (f" · 负责人{i.owner.name}" if i.level > 0 and i.owner else "")
        for n, i in enumerate(ordered[:SUMMARY_LIMIT], 1)
    ]
    if len(ordered) > SUMMARY_LIMIT:
        lines.append(f"……另有{len(ordered) - SUMMARY_LIMIT}条")
    lines.append("发「我的超时线索」查看详情。")
    return Reply(to=person_id, title=f"错过的SLA提醒（{len(ordered)}条）", lines=tuple(lines))
