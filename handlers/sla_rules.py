"""The SLA rules: when a lead is in breach of each, what tells one breach from the next, and when a
breach is over. Pure functions of a lead, the configuration and the time.

- first_response: assigned and not contacted within the grade's limit of business time.
- followup_due: the planned follow-up passed with nothing logged since.
- stage_stuck: in the same stage longer than that stage's limit of business time.
- going_cold: no contact for several times the lead's own usual interval (owner only, once).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol

from bot.config import Config
from handlers.business_time import BusinessCalendar, add_business_time
from storage.models import CLOSED_STAGES, Lead

RULES = ("first_response", "followup_due", "stage_stuck", "going_cold")
# Rules that escalate past the owner; going cold is a nudge, not a failure to report upwards.
ESCALATING = frozenset({"first_response", "followup_due", "stage_stuck"})
# A rhythm of contacts minutes apart says nothing about how often the customer is called.
MIN_RHYTHM = timedelta(days=1)
RHYTHM_CONTACTS = 6  # the usual interval is the median of the last five gaps


@dataclass(frozen=True, slots=True)
class Breach:
    lead: Lead
    rule: str
    key: str  # what makes this breach different from a later one of the same rule on the same lead
    breached_at: datetime


def response_limit(limits: Mapping[str, timedelta], grade: str | None) -> timedelta:
    return limits.get(grade or "", limits.get("default", timedelta(hours=2)))


def breach_of(rule: str, lead: Lead, config: Config, calendar: BusinessCalendar) -> Breach | None:
    """The lead's breach of one rule, if it has one pending (its `breached_at` may still be ahead):
    the scan asks this of the few leads its query for the rule found, not of every lead."""
    if lead.stage in CLOSED_STAGES or lead.owner_id is None:
        return None
    if rule == "first_response":
        return _first_response(lead, config, calendar)
    if rule == "followup_due":
        return _followup_due(lead, calendar)
    if rule == "stage_stuck":
        return _stage_stuck(lead, config, calendar)
    return _going_cold(lead)


def _first_response(lead: Lead, config: Config, calendar: BusinessCalendar) -> Breach | None:
    if lead.assigned_at is None or lead.first_response_at is not None:
        return None
    due = add_business_time(lead.assigned_at, response_limit(config.sla.first_response, lead.grade), calendar)
    return Breach(lead, "first_response", lead.assigned_at.isoformat(), due)


def _followup_due(lead: Lead, calendar: BusinessCalendar) -> Breach | None:
    planned = lead.next_followup_at
    if planned is None or (lead.last_contact_at is not None and lead.last_contact_at >= planned):
        return None
    due = planned
    if not lead.next_followup_has_time:
        # A follow-up planned for a day with no time of day is late only when that day is over.
        day = planned.astimezone(calendar.tz).date() + timedelta(days=1)
        due = datetime.combine(day, time(0), calendar.tz)
    return Breach(lead, "followup_due", planned.isoformat(), due)


def _stage_stuck(lead: Lead, config: Config, calendar: BusinessCalendar) -> Breach | None:
    limit = config.sla.stage_stuck.get(lead.stage)
    if limit is None or lead.stage_changed_at is None:
        return None
    due = add_business_time(lead.stage_changed_at, limit, calendar)
    return Breach(lead, "stage_stuck", stuck_key(lead), due)


def _going_cold(lead: Lead) -> Breach | None:
    if lead.cold_at is None or lead.last_contact_at is None:
        return None
    return Breach(lead, "going_cold", lead.last_contact_at.isoformat(), lead.cold_at)


class LeadClocks(Protocol):
    """What is_resolved reads of a lead: a Lead, or a row of these columns (storage.alerts.open_alerts
    reads rows, not tracked objects)."""

    @property
    def stage(self) -> str: ...
    @property
    def assigned_at(self) -> datetime | None: ...
    @property
    def first_response_at(self) -> datetime | None: ...
    @property
    def last_contact_at(self) -> datetime | None: ...
    @property
    def next_followup_at(self) -> datetime | None: ...
    @property
    def stage_changed_at(self) -> datetime | None: ...


def stuck_key(lead: LeadClocks) -> str:
    changed = lead.stage_changed_at.isoformat() if lead.stage_changed_at else ""
    return f"{lead.stage}@{changed}"


def is_resolved(rule: str, breach_key: str, lead: LeadClocks) -> bool:
    """Whether the thing a breach asked for has happened (or the breach no longer applies)."""
    if lead.stage in CLOSED_STAGES:
        return True
    if rule == "first_response":
        assigned = lead.assigned_at.isoformat() if lead.assigned_at else None
        return lead.first_response_at is not None or assigned != breach_key
    if rule == "followup_due":
        planned = lead.next_followup_at
        if planned is None or planned.isoformat() != breach_key:
            return True
        return lead.last_contact_at is not None and lead.last_contact_at >= planned
    if rule == "stage_stuck":
        return stuck_key(lead) != breach_key
    if rule == "going_cold":
        last = lead.last_contact_at.isoformat() if lead.last_contact_at else None
        return last != breach_key
    return False


def cold_at(contacts: Sequence[datetime], factor: int) -> datetime | None:
    """When a lead contacted at these times goes cold: the last contact plus `factor` times the
    median gap between recent contacts. None without a rhythm (fewer than three contacts) or when
    the flag is off."""
    times = sorted(set(contacts))[-RHYTHM_CONTACTS:]
    if factor <= 0 or len(times) < 3:
        return None
    usual = statistics.median(b - a for a, b in itertools.pairwise(times))
    return times[-1] + factor * max(usual, MIN_RHYTHM)
