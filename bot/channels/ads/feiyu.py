"""巨量引擎 飞鱼 线索推送 (设置 > API设置 > 线索推送规则): one form lead per POST, checked by its
`Access-Token` header. The rule chooses the body's keys; the defaults seen in practice: `clue_id` (or
`id`), `name`, `telphone` (sic), `create_time`, `remark_dict` (the form's own questions), `city_name`.

The requests also carry `Signature` and `Timestamp` headers, but the signature's algorithm is not
publicly documented: it is not checked (a guess would refuse every real push). The unguessable path
and the Access-Token header are what authenticate a push.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.channels.body import BadBody, loads_json
from bot.channels.errors import BadCallback, SignatureError
from bot.config import LeadSourceConfig

from .lead import AdLead, flatten
from .push import CHINA, LABELS, detail, lead_id, prefixed, require_object, same_secret, submit_time

PLATFORM = "feiyu"
SUCCESS: dict[str, Any] = {"code": 0, "message": "success"}
TOKEN_HEADER = "Access-Token"

# Contact and phone from the platform's own fields; city and free text from the form's answers first
# (what the customer said), then the platform's guess (city_name comes from the network location).
DEFAULTS: dict[str, str] = {
    "name": "contact",
    "telphone": "phone",
    "telephone": "phone",
    "email": "email",
    **prefixed("remark_dict.", LABELS),
    "city_name": "city",
    "remark": "message",
}
_DETAIL = (
    ("广告", ("promotion_name", "ad_name", "promotion_id", "ad_id")),
    ("创意", ("creative_id",)),
    ("落地页", ("site_name",)),
    ("渠道", ("app_name",)),
)


def verify(headers: Mapping[str, str], body: bytes, source: LeadSourceConfig) -> None:
    if not same_secret(headers.get(TOKEN_HEADER, ""), source.token):
        raise SignatureError(f"missing or wrong {TOKEN_HEADER} header")


def parse(data: Any, now: datetime, tz: Any) -> list[AdLead]:
    payload = dict(require_object(data, "a 飞鱼 push"))
    remarks = payload.get("remark_dict")
    if isinstance(remarks, str) and remarks.strip().startswith("{"):
        # Some rules send the form's answers as a JSON string rather than an object.
        try:  # as strict as the body: json.loads raised RecursionError (a 500) and took NUL and 1e999
            payload["remark_dict"] = loads_json(remarks.encode("utf-8", "surrogatepass"))
        except BadBody as e:
            raise BadCallback(f"field 'remark_dict': {e}") from None
    if "remark_dict" in payload and not isinstance(payload["remark_dict"], dict | str | None):
        raise BadCallback("field 'remark_dict' must be an object")
    answers = flatten(payload)
    return [
        AdLead(
            platform=PLATFORM,
            lead_id=lead_id(payload, "clue_id", "id"),
            submitted_at=submit_time(payload.get("create_time"), now, CHINA, "create_time"),
            answers=answers,
            detail=detail(answers, _DETAIL),
            raw=dict(data),
        )
    ]
