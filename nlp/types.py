"""Typed results of the extractor: the intent enum, time value objects and the `Extraction` record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class Intent(StrEnum):
    """What a message asks for; the values are the corpus labels, and beyond them what the bot does
    that the corpus format has no label for (`corpus_label` says how such a message is scored)."""

    LOG_FOLLOWUP = "log_followup"
    NEW_LEAD = "new_lead"
    UPDATE_STAGE = "update_stage"
    QUERY_OVERDUE = "query_overdue"
    QUERY_TODAY = "query_today"
    QUERY_LEAD = "query_lead"
    QUERY_STATS = "query_stats"
    HELP = "help"
    OTHER = "other"
    # Not a corpus label: a customer handed to another member ("X转给小王跟吧"); scored as `other`.
    REASSIGN_LEAD = "reassign_lead"

    @property
    def corpus_label(self) -> str:
        """The corpus label of a message of this intent: an intent the corpus format lacks is `other`."""
        return self.value if self is not Intent.REASSIGN_LEAD else Intent.OTHER.value


class Stage(StrEnum):
    """Where a deal stands; the values are exactly the corpus labels. The pipeline runs in this order,
    输单 (lost) stands outside it."""

    SCREENING = "初筛"
    NEEDS = "需求确认"
    DEMO = "方案演示"
    QUOTE = "报价"
    NEGOTIATION = "谈判"
    WON = "签约"
    DELIVERED = "交付"
    LOST = "输单"


@dataclass(frozen=True, slots=True)
class FollowUpTime:
    """The rep's next planned contact: ISO date and optional HH:MM time."""

    date: str
    time: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive date range asked about, as ISO dates."""

    start: str
    end: str


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """A person named besides the contact (a colleague brought in, the one the customer refers the rep
    to), with the phone written next to them."""

    name: str
    title: str | None = None
    phone: str | None = None


_EMPTY: Mapping[str, tuple[int, int]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything understood from one message; `None` / empty means not mentioned."""

    intent: Intent
    company: str | None = None
    contact_name: str | None = None
    contact_title: str | None = None
    phone: str | None = None
    email: str | None = None
    products: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    budget: tuple[int | None, int | None] | None = None
    city: str | None = None
    kind: str | None = None
    stage: str | None = None
    next_followup: FollowUpTime | None = None
    scope: str | None = None
    period: Period | None = None
    # How a contact that a new-lead message also reports happened ("今天拜访了一家新客户 X"): the
    # corpus keeps `kind` for log_followup, but the lead's first record is that contact.
    reported_kind: str | None = None
    # The other people named with a name, in text order; a phone written next to one of them is
    # theirs, not the contact's.
    others: tuple[NamedPerson, ...] = ()
    # The message says a number changed ("换号了", "新号码"): a stored phone may then be replaced.
    phone_changed: bool = False
    # log_followup: the rep only says when they will contact the customer ("明天上午我先给祁总打个电话"):
    # no contact that happened, no news of the deal. It plans a follow-up; it is none.
    plan_alone: bool = False
    # reassign_lead: the member the customer is handed to, as written ("许婷", "小王", "lina").
    assignee: str | None = None
    # Character spans [start, end) in the original text of what was found, keyed by slot name.
    spans: Mapping[str, tuple[int, int]] = field(default_factory=lambda: _EMPTY)

    def to_slots(self) -> dict[str, Any]:
        """The slots in the corpus JSON shape; absent keys mean "not mentioned"."""
        out: dict[str, Any] = {}
        for key in ("company", "contact_name", "contact_title", "phone", "email"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.products:
            out["products"] = list(self.products)
        if self.competitors:
            out["competitors"] = list(self.competitors)
        if self.budget is not None:
            out["budget"] = list(self.budget)
        for key in ("city", "kind", "stage"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.next_followup is not None:
            out["next_followup"] = {"date": self.next_followup.date, "time": self.next_followup.time}
        if self.scope:
            out["scope"] = self.scope
        if self.period is not None:
            out["period"] = {"start": self.period.start, "end": self.period.end}
        return out
