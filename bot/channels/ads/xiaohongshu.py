"""小红书 聚光 落地页 数据推送: one form lead per POST, signed `X-Red-Signature: sha1=<hex>` with HMAC-SHA1
of the raw body keyed by the landing page's token. The body is {"data": {leads_id, submitted_time,
campaign_id, unit_id, creative_id, keyword, data: [{label, value}]}, "timestamp", "source"}: the form's
answers are label/value pairs. The platform retries a failed push every 30 s, at most 3 times.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.channels.errors import BadCallback
from bot.config import LeadSourceConfig

from .lead import AdLead, flatten
from .push import CHINA, LABELS, check_hmac, detail, labelled, lead_id, require_object, submit_time

PLATFORM = "xiaohongshu"
SUCCESS: dict[str, Any] = {"code": 0}  # the platform reads only the HTTP status (200 = delivered)
SIGNATURE_HEADER = "X-Red-Signature"

# Answers are the inner object's fields (leads_id, campaign_id, keyword, ...) and the form's labels.
DEFAULTS: dict[str, str] = dict(LABELS)
_DETAIL = (
    ("计划", ("campaign_name", "campaign_id")),
    ("单元", ("unit_name", "unit_id")),
    ("创意", ("creative_name", "creative_id")),
    ("关键词", ("keyword",)),
)


def verify(headers: Mapping[str, str], body: bytes, source: LeadSourceConfig) -> None:
    check_hmac(headers.get(SIGNATURE_HEADER, ""), source.token, body, "sha1", "sha1=")


def parse(data: Any, now: datetime, tz: Any) -> list[AdLead]:
    inner = dict(require_object(require_object(data, "a 小红书 push").get("data"), "field 'data'"))
    form = inner.pop("data", None)
    if form is not None and not isinstance(form, list):
        raise BadCallback("field 'data.data' must be a list of {label, value}")
    answers = flatten(inner)
    for label, value in labelled(form or [], ("label", "name"), "field 'data.data'").items():
        answers.setdefault(label, value)
    return [
        AdLead(
            platform=PLATFORM,
            lead_id=lead_id(inner, "leads_id"),
            submitted_at=submit_time(inner.get("submitted_time"), now, CHINA, "submitted_time"),
            answers=answers,
            detail=detail(answers, _DETAIL),
            raw=dict(data),
        )
    ]
