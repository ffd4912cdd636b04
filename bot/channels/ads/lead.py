"""One ad-platform form lead, as every receiver and puller reads it, and the inquiry it becomes.

A platform's payload is flattened into `answers` (the platform's own field names, dotted into
objects, and each form question by its label); a source's field map turns answers into lead
fields, its value map turns a form option into what the company calls it (意向产品 "CT/DR" → the
catalog's "64排CT"). The inquiry is stored and processed like any other (bot.types.Message, kind
"inquiry"), answered nowhere: the customer filled a form on an ad, not a chat.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.config import LEAD_FIELDS, LeadSourceConfig
from bot.types import Message

PLATFORM = "ads"  # Message.platform of every ad lead; platform_msg_id is "<source platform>:<lead id>"
SUPPLEMENT = "supplement"  # the form key of a later push that only adds detail to a lead already sent
_BLANK = re.compile(r"\s+")
ANSWER_LIMIT = 500  # characters of one answer kept (free text goes to the extractor, the rest is short)


@dataclass(frozen=True, slots=True)
class AdLead:
    platform: str  # feiyu | baidu | xiaohongshu | generic | tencent
    lead_id: str  # the platform's own id for the lead: the idempotency key
    submitted_at: datetime  # aware: when the customer submitted the form
    answers: Mapping[str, str]  # flattened payload: platform field names and form question labels
    detail: str = ""  # campaign, unit, keyword: where the lead came from, for source_detail
    supplement: bool = False  # a later push adding detail to a lead sent before (百度's delayed push)
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"{self.platform}:{self.lead_id}"


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """Nested objects as dotted keys ("remark_dict.意向产品"); lists of scalars joined with "、"."""
    out: dict[str, str] = {}
    if isinstance(data, Mapping):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}{key}." if prefix or key else ""))
        return out
    key = prefix.removesuffix(".")
    if isinstance(data, list):
        scalars = [str(v) for v in data if isinstance(v, str | int | float) and not isinstance(v, bool)]
        if scalars:
            out[key] = "、".join(scalars)
        return out
    if data is None or isinstance(data, bool):
        return out
    out[key] = str(data)
    return out


def clean(text: str) -> str:
    return _BLANK.sub(" ", text).strip()[:ANSWER_LIMIT]


def lead_fields(lead: AdLead, source: LeadSourceConfig, defaults: Mapping[str, str]) -> dict[str, str]:
    """The lead fields the answers fill: the source's field map over the platform's defaults, then its
    value map. Two answers for one field (a platform default and a form question) keep the first."""
    mapping = {**defaults, **source.fields}
    fields: dict[str, str] = {}
    for answer, target in mapping.items():
        value = clean(lead.answers.get(answer, ""))
        if value and target in LEAD_FIELDS and target not in fields:
            fields[target] = source.values.get(target, {}).get(value, value)
    return fields


def tags(lead: AdLead, source: LeadSourceConfig, defaults: Mapping[str, str]) -> list[str]:
    """The form's own words worth a tag: the product option chosen ("骨科耗材意向") and a budget range."""
    mapping = {**defaults, **source.fields}
    found = []
    for answer, target in mapping.items():
        value = clean(lead.answers.get(answer, ""))
        if not value:
            continue
        if target == "product":
            found.append(f"{value}意向")
        elif target == "budget":
            found.append(value if value.startswith("预算") else f"预算{value}")
    return list(dict.fromkeys(found))


def to_message(lead: AdLead, source: LeadSourceConfig, defaults: Mapping[str, str]) -> Message:
    """The inquiry a lead becomes. Its text is what the extractor reads (company, product, budget,
    the customer's message), so products, budget and city found there fill what the form did not."""
    fields = lead_fields(lead, source, defaults)
    phones = [p for p in re.split(r"[,，;；/、\s]+", fields.get("phone", "")) if p]
    budget = fields.get("budget", "")
    text = " ".join(
        part
        for part in (
            fields.get("company", ""),
            fields.get("city", ""),
            fields.get("product", ""),
            budget if not budget or budget.startswith("预算") else f"预算{budget}",
            fields.get("message", ""),
        )
        if part
    )
    form = {
        "name": fields.get("contact", ""),
        "title": fields.get("title", ""),
        "company": fields.get("company", ""),
        "phone": phones[0] if phones else "",
        "phone2": phones[1] if len(phones) > 1 else "",
        "email": fields.get("email", ""),
        "city": fields.get("city", ""),
        "product": fields.get("product", ""),
        "message": fields.get("message", ""),
        "source": source.name,
        "source_detail": lead.detail,
        "tags": "、".join(tags(lead, source, defaults)),
        "lead_ref": lead.ref,
        SUPPLEMENT: "1" if lead.supplement else "",
    }
    return Message(
        platform=PLATFORM,
        platform_msg_id=lead.ref + (":supplement" if lead.supplement else ""),
        sender_id=lead.ref,
        kind="inquiry",
        text=text or fields.get("contact", "") or lead.ref,
        sent_at=lead.submitted_at,
        form={k: v for k, v in form.items() if v},
        answered_elsewhere=True,
        raw={
            "source": source.name,
            "platform": lead.platform,
            "answers": dict(lead.answers),
            "payload": dict(lead.raw),
        },
    )
