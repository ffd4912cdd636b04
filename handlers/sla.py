"""The SLA scan: which leads are in breach now, and who is told at which escalation level.

Each breach (rules in handlers/sla_rules.py) alerts the owner at once, the team manager
`escalate_after[0]` of business time later and every admin `escalate_after[1]` after that, while
it stays open. The alert rows' unique key, not this code, guarantees a notice goes out once. A
breach closes by itself when the thing happens, and its delivered cards are marked handled.
Notices that fell due long before this scan (the bot was down) reach each person as one summary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.types import Button, Reply
from handlers.business_time import BusinessCalendar, add_business_time, least_elapsed
from handlers.format import fmt_duration, fmt_time
from handlers.sla_rules import ESCALATING, RULES, Breach, breach_of, cold_at, is_resolved
from storage.alerts import (
    AlertKey,
    Recipients,
    SentCard,
    alert_recipients,
    close_alerts,
    followups_passed,
    gone_cold,
    held_since,
    insert_alerts,
    open_alerts,
    plan_for_few_rows,
    take_alert_cards,
    unanswered_since,
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
    people: Mapping[int, Person] = field(default_factory=dict)  # who the notices go to, by id


@dataclass(frozen=True, slots=True)
class _Level:
    """An escalation level of a breach that fell due and has not been recorded."""

    breach: Breach
    level: int
    people: list[Person]  # who is told; the alert row names the first
    due_at: datetime  # when this level fell due

    @property
    def key(self) -> AlertKey:
        return (self.breach.lead.id, self.breach.rule, self.breach.key, self.level)


@dataclass(frozen=True, slots=True)
class _Due:
    breach: Breach
    level: int
    to: Person
    owner: Person | None
    alert_id: int
    due_at: datetime  # when this level fell due


async def scan(session: AsyncSession, config: Config, now: datetime) -> ScanResult:
    """Close what was resolved, record every newly due notice, and say what to send.

    Set-based: one query per rule reads the leads that can be in breach of it (a bound in SQL, as
    business time is not), the few found are checked here with the business calendar, and the alerts
    of every level due are inserted together; the notices are for exactly the rows that were new."""
    calendar = BusinessCalendar.from_config(config.sla)
    await plan_for_few_rows(session)
    still_open = await open_alerts(session)
    resolved = {a.id for a, lead in still_open if is_resolved(a.rule, a.breach_key, lead)}
    # What was sent and is still open needs no INSERT to find out: a scan in the steady state
    # (everything due already alerted) writes nothing.
    sent = {(a.lead_id, a.rule, a.breach_key, a.level) for a, _ in still_open if a.id not in resolved}
    closed = await close_alerts(session, resolved, now)
    cards = await take_alert_cards(session, closed)
    recipients = await alert_recipients(session)
    levels: list[_Level] = []
    for rule in RULES:
        for lead in await _candidates(session, rule, config, calendar, now):
            breach = breach_of(rule, lead, config, calendar)
            if breach is not None and breach.breached_at <= now:
                levels += _levels_due(breach, config, calendar, recipients, sent, now)
    # In the order a lead-by-lead scan would tell them: by lead, then rule, then level.
    levels.sort(key=lambda item: (item.breach.lead.id, RULES.index(item.breach.rule), item.level))
    new = await insert_alerts(session, [_alert_row(item, now) for item in levels])
    due: list[_Due] = []
    for item in levels:
        alert_id = new.get(item.key)
        if alert_id is None:
            continue  # recorded before, by another instance
        lead = item.breach.lead
        if item.breach.rule == "going_cold":
            lead.cold_at = None  # flagged once; the next logged contact sets a new rhythm
        owner = recipients.people.get(lead.owner_id) if lead.owner_id is not None else None
        due += [_Due(item.breach, item.level, who, owner, alert_id, item.due_at) for who in item.people]
    return ScanResult(_notices(due, config, now), cards, recipients.people)


async def refresh_cold_at(session: AsyncSession, lead: Lead, config: Config) -> None:
    """Recompute when the lead goes cold, after a contact was logged (call after flushing it)."""
    times = await recent_contact_times(session, lead.id)
    if lead.last_contact_at is not None:
        times.append(lead.last_contact_at)
    lead.cold_at = cold_at(times, config.sla.going_cold)


async def _candidates(
    session: AsyncSession, rule: str, config: Config, calendar: BusinessCalendar, now: datetime
) -> list[Lead]:
    """The leads that can be in breach of `rule` now and still have a level to hear of, read by that
    rule's query. A clock started less than `least_elapsed(limit)` ago cannot have run out, whatever
    the calendar says."""
    levels = 1 + len(config.sla.escalate_after[:2]) if rule in ESCALATING else 1
    if rule == "first_response":
        limits = config.sla.first_response.values()
        shortest = min((least_elapsed(limit, calendar) for limit in limits), default=timedelta(0))
        return await unanswered_since(session, now - shortest, levels)
    if rule == "followup_due":
        return await followups_passed(session, now, levels)  # due at the planned time or later
    if rule == "stage_stuck":
        stuck = config.sla.stage_stuck.items()
        bounds = {stage: now - least_elapsed(limit, calendar) for stage, limit in stuck}
        return await held_since(session, bounds, levels)
    return await gone_cold(session, now, levels)


def _levels_due(
    breach: Breach,
    config: Config,
    calendar: BusinessCalendar,
    recipients: Recipients,
    sent: set[AlertKey],
    now: datetime,
) -> list[_Level]:
    """The levels of an open breach that fell due by `now` and were not sent, with who is told."""
    found: list[_Level] = []
    level_at = breach.breached_at
    steps = config.sla.escalate_after[:2] if breach.rule in ESCALATING else []
    for level, delay in enumerate([timedelta(0), *steps]):
        level_at = add_business_time(level_at, delay, calendar)
        if level_at > now:
            break
        if (breach.lead.id, breach.rule, breach.key, level) in sent:
            continue
        people = _told_at(level, breach.lead, recipients)
        if people:  # nobody at this level (no manager configured, no admin): the next level may exist
            found.append(_Level(breach, level, people, level_at))
    return found


def _told_at(level: int, lead: Lead, recipients: Recipients) -> list[Person]:
    if level == 0:
        owner = recipients.people.get(lead.owner_id) if lead.owner_id is not None else None
        return [owner] if owner is not None and owner.active else []
    if level == 1:
        manager = recipients.managers.get(lead.team_id) if lead.team_id is not None else None
        return [manager] if manager is not None else []
    return recipients.admins


def _alert_row(item: _Level, now: datetime) -> dict[str, object]:
    lead_id, rule, key, level = item.key
    row: dict[str, object] = {"lead_id": lead_id, "rule": rule, "breach_key": key, "level": level}
    return row | {"person_id": item.people[0].id, "breached_at": item.breach.breached_at, "sent_at": now}


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
