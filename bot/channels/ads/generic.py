"""Leads from a landing page a company builds itself: JSON signed with hex HMAC-SHA256 of the raw body
(keyed by the source's token) in the source's `signature_header`, "sha256=" prefix optional.

The body is one lead or a list of up to 100: an object with `lead_id` (or `id`), optionally
`submitted_at` (ISO 8601, unix seconds, or "yyyy-MM-dd HH:mm:ss" in the configured timezone), any
fields of its own (name, phone, company, city, product, budget, message, ... map by default), and
optionally `answers`: the form's questions, {label: value} or [{label, value}].
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.channels.errors import BadCallback
from bot.config import LEAD_FIELDS, LeadSourceConfig

from .lead import AdLead, flatten
from .push import LABELS, check_hmac, detail, labelled, lead_id, require_object, submit_time

PLATFORM = "generic"
SUCCESS: dict[str, Any] = {"code": 0}
MAX_LEADS = 100

DEFAULTS: dict[str, str] = {
    **{name: name for name in LEAD_FIELDS},
    "name": "contact",
    "mobile": "phone",
    "remark": "message",
    **LABELS,
}
_DETAIL = (
    ("来源", ("utm_source", "channel")),
    ("计划", ("campaign", "utm_campaign")),
    ("关键词", ("keyword", "utm_term")),
)


def verify(headers: Mapping[str, str], body: bytes, source: LeadSourceConfig) -> None:
    check_hmac(headers.get(source.signature_header, ""), source.token, body, "sha256", "sha256=")


def parse(data: Any, now: datetime, tz: Any) -> list[AdLead]:
    items = data if isinstance(data, list) else [data]
    if not items or len(items) > MAX_LEADS:
        raise BadCallback(f"a push holds 1 to {MAX_LEADS} leads")
    return [_lead(require_object(item, "a lead"), now, tz) for item in items]


def _lead(item: Mapping[str, Any], now: datetime, tz: Any) -> AdLead:
    fields = dict(item)
    form = fields.pop("answers", None)
    if isinstance(form, dict):
        form = [{"label": k, "value": v} for k, v in form.items()]
    if form is not None and not isinstance(form, list):
        raise BadCallback("field 'answers' must be an object or a list of {label, value}")
    answers = flatten(fields)
    for label, value in labelled(form or [], ("label", "name"), "field 'answers'").items():
        answers.setdefault(label, value)
    return AdLead(
        platform=PLATFORM,
        lead_id=lead_id(fields, "lead_id", "id"),
        submitted_at=submit_time(fields.get("submitted_at"), now, tz, "submitted_at"),
        answers=answers,
        detail=detail(answers, _DETAIL),
        raw=dict(item),
    )
