"""What the dashboard shows, as one JSON-ready dict: the chat's own queries (overdue leads, the period's
numbers and funnel) plus storage.dashboard's aggregates, over the leads the viewer may see.

Text a person reads (dates, durations, labels) is rendered here in Chinese with the chat's helpers, so the
page and the chat say the same thing the same way; the page only draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import rights
from handlers.cards import contact_text, local_time, source_text
from handlers.format import fmt_days, fmt_duration, local_day_bounds, period_days, truncate
from handlers.sla import RULE_LABELS
from storage.dashboard import (
    RepActivity,
    active_people,
    count_by_stage,
    find_recent_leads,
    rep_activity,
    sla_by_week,
)
from storage.models import Person
from storage.queries import PeriodStats, compute_stats, find_overdue_leads

Range = Literal["week", "month"]
RANGES: dict[str, str] = {"week": "本周", "month": "本月"}
SLA_WEEKS = 8
LIST_LIMIT = 50  # rows per table: enough for a team, short enough for a phone


def range_days(key: Range, now: datetime, config: Config) -> tuple[date, date]:
    """本周 is Monday to Sunday, 本月 the calendar month, both in the configured zone."""
    if key == "week":
        return period_days(None, now, config.tz, "week")
    today = now.astimezone(config.tz).date()
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


async def members_of(session: AsyncSession, person: Person) -> list[Person]:
    """Whose activity rows a viewer sees even when empty: a manager their team, an admin everyone."""
    if person.role == "admin":
        return await active_people(session)
    if person.role == "manager" and person.team_id is not None:
        return await active_people(session, person.team_id)
    return [person]


async def dashboard_data(
    session: AsyncSession,
    person: Person,
    config: Config,
    catalog: rights.ProductLines | None,
    now: datetime,
    key: Range,
) -> dict[str, Any]:
    """Everything the page draws for `person`, over the range `key` (the SLA chart always spans
    the last SLA_WEEKS weeks: one week says nothing about a trend)."""
    tz = config.tz
    seen = rights.visibility(person, None, config.org.isolate_product_lines, catalog)
    first, last = range_days(key, now, config)
    start, end = local_day_bounds(first, last, tz)
    limits = config.sla.first_response
    stats = await compute_stats(session, seen.where, start, end, now, limits, seen.keep, rank=True)
    overdue = await find_overdue_leads(session, seen.where, now, limits, tz, seen.keep)
    recent = await find_recent_leads(session, seen.where, seen.keep, limit=LIST_LIMIT)
    stages = await count_by_stage(session, seen.where, seen.keep)
    this_monday = now.astimezone(tz).date() - timedelta(days=now.astimezone(tz).weekday())
    weeks = await sla_by_week(session, seen.where, this_monday, SLA_WEEKS, tz, seen.keep)
    members = await members_of(session, person)
    activity = await rep_activity(session, seen.where, first, last, tz, seen.keep, members)

    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return {
        "viewer": {"name": person.name, "role": person.role, "scope": rights.scope_label(person, None)},
        "range": {
            "key": key,
            "name": RANGES[key],
            "label": fmt_days(first, last),
            "days": [f"{d.month}/{d.day}" for d in days],
        },
        "generated": local_time(now, tz),
        "summary": _summary(stats, len(overdue)),
        "funnel": [
            {"stage": s.stage, "reached": s.reached, "conversion": s.conversion} for s in stats.funnel
        ],
        "stages": [{"stage": stage, "count": n} for stage, n in stages],
        "sla_weeks": [
            {
                "week": f"{w.monday.month}/{w.monday.day}",
                "assigned": w.assigned,
                "breached": w.breached,
                "met_share": w.met_share,
                "followup_breaches": w.followup_breaches,
            }
            for w in weeks
        ],
        "by_city": [{"name": name, "count": n} for name, n in stats.by_city],
        "by_source": [{"name": source_text(name), "count": n} for name, n in stats.by_source],
        "reps": _reps(stats, activity, len(days)),
        "overdue": [
            {
                "id": item.lead.id,
                "company": item.lead.company,
                "owner": item.owner_name or "未分配",
                "stage": item.lead.stage,
                "rule": RULE_LABELS[item.rule],
                "due": local_time(item.due_at, tz),
                "overdue": fmt_duration(item.overdue),
                "last_note": truncate(item.last_note.text, 40) if item.last_note else "",
            }
            for item in overdue[:LIST_LIMIT]
        ],
        "overdue_total": len(overdue),
        "recent": [
            {
                "id": r.lead.id,
                "company": r.lead.company,
                "city": r.lead.city or "",
                "source": source_text(r.lead.source),
                "stage": r.lead.stage,
                "owner": r.owner_name or "未分配",
                "contact": contact_text(r.contact, masked=True),  # a dashboard is often on a shared screen
                "active": local_time(r.active_at, tz),
                "next_followup": local_time(
                    r.lead.next_followup_at, tz, with_time=r.lead.next_followup_has_time
                ),
            }
            for r in recent
        ],
    }


def _summary(stats: PeriodStats, overdue: int) -> dict[str, Any]:
    median = stats.median_first_response
    return {
        "new_leads": stats.new_leads,
        "followups": stats.followups,
        "leads_followed": stats.leads_followed,
        "won": stats.won,
        "lost": stats.lost,
        "overdue": overdue,
        "sla_met": stats.sla_met,
        "sla_base": stats.sla_base,
        "median_first_response": fmt_duration(median) if median is not None else None,
    }


def _reps(stats: PeriodStats, activity: Sequence[RepActivity], days: int) -> list[dict[str, Any]]:
    """The day-by-day follow-ups joined with the chat ranking's new leads and deals won per person."""
    ranked = {r.person_id: r for r in stats.ranking}
    rows = []
    for a in activity:
        r = ranked.pop(a.person_id, None)
        rows.append(
            {
                "name": a.name,
                "per_day": list(a.per_day),
                "followups": a.total,
                "new_leads": r.new_leads if r else 0,
                "won": r.won if r else 0,
            }
        )
    for r in ranked.values():  # owned new leads or won deals but logged nothing in the range
        rows.append(
            {"name": r.name, "per_day": [0] * days, "followups": 0, "new_leads": r.new_leads, "won": r.won}
        )
    return rows
