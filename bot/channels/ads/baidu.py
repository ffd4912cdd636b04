"""百度营销 线索 API 推送: one form lead per POST, authenticated by the `token` inside its JSON body (so
`verify` reads the JSON before anything else does). The form's questions come as `form_detail`, a list
of {name, type, value} (sometimes as a JSON string); `clue_phone_number` may hold two numbers.

Each lead can arrive twice: a second push about 20 minutes later (its `push_delay` says 延迟20分钟) adds
the plan, unit, keyword and search words. It becomes a supplement of the same lead (AdLead.supplement),
never a second lead. The token is dropped from what is kept of the payload: it is the source's secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.channels.body import BadBody, loads_json
from bot.channels.errors import BadCallback, SignatureError
from bot.config import LeadSourceConfig

from .lead import AdLead, flatten
from .push import CHINA, LABELS, detail, labelled, lead_id, require_object, same_secret, submit_time

PLATFORM = "baidu"
SUCCESS: dict[str, Any] = {"code": 0}  # 百度 documents no answer body publicly; HTTP 200 is what it reads
TOKEN_FIELD = "token"
_NOT_DELAYED = {"", "0", "否", "false", "实时", "不延迟"}

DEFAULTS: dict[str, str] = {"clue_phone_number": "phone", **LABELS}
_DETAIL = (
    ("计划", ("plan_name", "plan", "campaign_name", "plan_id")),
    ("单元", ("unit_name", "unit", "unit_id")),
    ("关键词", ("keyword", "keyword_name", "keyword_id")),
    ("搜索词", ("search_word", "query")),
    ("渠道", ("flow_channel_name",)),
    ("站点", ("site_name",)),
)


def verify(headers: Mapping[str, str], body: bytes, source: LeadSourceConfig) -> None:
    """The body's `token` equals the source's token. A body that is not a JSON object cannot be
    checked: BadCallback (400), which tells a sender no more than 401 would."""
    try:
        data = loads_json(body)
    except BadBody as e:
        raise BadCallback(str(e)) from None
    token = require_object(data, "a 百度 push").get(TOKEN_FIELD)
    if not isinstance(token, str) or not same_secret(token, source.token):
        raise SignatureError(f"missing or wrong {TOKEN_FIELD!r} in the body")


def parse(data: Any, now: datetime, tz: Any) -> list[AdLead]:
    payload = {k: v for k, v in require_object(data, "a 百度 push").items() if k != TOKEN_FIELD}
    form = payload.pop("form_detail", None)
    if isinstance(form, str):
        try:  # as strict as the body: json.loads raised RecursionError (a 500) and took NUL and 1e999
            form = loads_json(form.encode("utf-8", "surrogatepass")) if form.strip() else []
        except BadBody as e:
            raise BadCallback(f"field 'form_detail': {e}") from None
    if form is not None and not isinstance(form, list):
        raise BadCallback("field 'form_detail' must be a list of {name, type, value}")
    answers = flatten(payload)
    for label, value in labelled(form or [], ("name", "label"), "field 'form_detail'").items():
        answers.setdefault(label, value)
    delay = payload.get("push_delay")
    supplement = delay is not None and str(delay).strip().lower() not in _NOT_DELAYED
    return [
        AdLead(
            platform=PLATFORM,
            lead_id=lead_id(payload, "clue_id"),
            submitted_at=submit_time(payload.get("commit_time"), now, CHINA, "commit_time"),
            answers=answers,
            detail=detail(answers, _DETAIL),
            supplement=supplement,
            raw={**payload, "form_detail": form or []},
        )
    ]
