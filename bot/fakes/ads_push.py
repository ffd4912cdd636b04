"""Signed push drivers for the ad platforms' lead forms, for tests and the demo console: each builds
what that platform POSTs to /leads/{platform}/{path_token} for one submitted form, as (headers, body),
authenticated the way the platform does it (or deliberately not, to test refusals).

The payloads carry the fields the platforms are known to send (see bot/channels/ads/*); ids of ads,
plans and creatives are made up.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.channels.ads import baidu, feiyu, xiaohongshu
from bot.channels.ads.push import CHINA
from bot.config import LeadSourceConfig

Push = tuple[dict[str, str], bytes]
JSON = {"Content-Type": "application/json"}


def _body(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _china(when: datetime) -> str:
    return when.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def _hmac(key: str, body: bytes, digest: str) -> str:
    return hmac.new(key.encode("utf-8"), body, digest).hexdigest()


def headers_for(source: LeadSourceConfig, body: bytes, *, wrong: bool = False) -> dict[str, str]:
    """The headers that authenticate `body` as `source`'s platform sends it (a wrong key if `wrong`);
    百度's token is inside the body, so its headers authenticate nothing."""
    key = "not-the-token" if wrong else source.token
    if source.platform == "feiyu":
        return {**JSON, feiyu.TOKEN_HEADER: key}
    if source.platform == "xiaohongshu":
        return {**JSON, xiaohongshu.SIGNATURE_HEADER: "sha1=" + _hmac(key, body, "sha1")}
    if source.platform == "generic":
        return {**JSON, source.signature_header: "sha256=" + _hmac(key, body, "sha256")}
    return dict(JSON)


def feiyu_push(
    source: LeadSourceConfig,
    *,
    clue_id: str,
    name: str,
    phone: str,
    answers: Mapping[str, str],
    created_at: datetime,
    bad_token: bool = False,
    city: str = "",
) -> Push:
    """A 飞鱼 线索推送 rule's POST: the form's questions in `remark_dict`, `create_time` in unix seconds."""
    payload = {
        "clue_id": clue_id,
        "name": name,
        "telphone": phone,
        "create_time": int(created_at.timestamp()),
        "remark_dict": dict(answers),
        "ad_id": 1790001234567890,
        "promotion_id": 7301234567890123456,
        "promotion_name": "CT春季投放",
        "creative_id": 1790009876543210,
        "site_name": "CT询价落地页",
        "province_name": "四川省" if city else "",
        "city_name": city,
        "clue_source": 1,
        "clue_type": 0,
    }
    body = _body(payload)
    # The Signature header's algorithm is undocumented: the receiver does not check it, the fake omits it.
    timestamp = str(int(created_at.timestamp()))
    return {**headers_for(source, body, wrong=bad_token), "Timestamp": timestamp}, body


def baidu_push(
    source: LeadSourceConfig,
    *,
    clue_id: str,
    name: str,
    phone: str,
    answers: Mapping[str, str],
    created_at: datetime,
    delayed: bool = False,
    bad_token: bool = False,
    keyword: str = "CT机价格",
    form_as_string: bool = False,
) -> Push:
    """A 百度 线索 API push (`delayed`: the second push, 20 minutes on, adding plan, unit and keyword)."""
    form = [
        {"name": "姓名", "type": "name", "value": name},
        {"name": "电话", "type": "phone", "value": phone.split(",")[0]},
        *({"name": label, "type": "text", "value": value} for label, value in answers.items()),
    ]
    payload: dict[str, Any] = {
        baidu.TOKEN_FIELD: "not-the-token" if bad_token else source.token,
        "clue_id": clue_id,
        "clue_phone_number": phone,
        "form_detail": json.dumps(form, ensure_ascii=False) if form_as_string else form,
        "commit_time": _china(created_at),
        "solution_type_name": "表单",
        "flow_channel_name": "百度搜索",
        "site_name": "CT询价",
        "url": "https://aisite.baidu.example/ct",
    }
    if delayed:
        payload |= {
            "push_delay": "延迟20分钟",
            "plan_name": "CT-华西",
            "unit_name": "CT价格词",
            "keyword": keyword,
            "search_word": f"{keyword}多少钱",
        }
    return dict(JSON), _body(payload)


def xiaohongshu_push(
    source: LeadSourceConfig,
    *,
    clue_id: str,
    name: str,
    phone: str,
    answers: Mapping[str, str],
    created_at: datetime,
    bad_signature: bool = False,
) -> Push:
    """A 聚光 落地页 数据推送: label/value answers, `submitted_time` in UTC+8, signed HMAC-SHA1."""
    form = [{"label": "姓名", "value": name}, {"label": "手机号", "value": phone}]
    form += [{"label": label, "value": value} for label, value in answers.items()]
    payload = {
        "data": {
            "leads_id": clue_id,
            "submitted_time": _china(created_at),
            "campaign_id": "6612f0a1000000000a01",
            "unit_id": "6612f0b2000000000b02",
            "creative_id": "6612f0c3000000000c03",
            "keyword": "CT设备",
            "data": form,
        },
        "timestamp": int(created_at.timestamp() * 1000),
        "source": "聚光",
    }
    body = _body(payload)
    return headers_for(source, body, wrong=bad_signature), body


def generic_push(
    source: LeadSourceConfig,
    *,
    clue_id: str,
    name: str,
    phone: str,
    answers: Mapping[str, str],
    created_at: datetime,
    bad_signature: bool = False,
) -> Push:
    """A company's own landing page: fields, the form's `answers`, hex HMAC-SHA256 in its header."""
    payload = {
        "lead_id": clue_id,
        "submitted_at": created_at.isoformat(),
        "name": name,
        "phone": phone,
        "answers": dict(answers),
        "utm_source": "wechat",
        "utm_campaign": "ct-2026",
    }
    body = _body(payload)
    return headers_for(source, body, wrong=bad_signature), body


def signed_push(
    source: LeadSourceConfig,
    *,
    clue_id: str,
    name: str,
    phone: str,
    answers: Mapping[str, str],
    created_at: datetime,
) -> Push:
    """The push of `source`'s platform for one form (the demo's "simulate a form lead" button)."""
    drivers = {"feiyu": feiyu_push, "baidu": baidu_push, "xiaohongshu": xiaohongshu_push,
               "generic": generic_push}  # fmt: skip
    if source.platform not in drivers:
        raise ValueError(f"{source.platform!r} has no push")
    driver: Any = drivers[source.platform]
    return driver(source, clue_id=clue_id, name=name, phone=phone, answers=answers, created_at=created_at)


def path(source: LeadSourceConfig) -> str:
    """Where `source`'s platform posts its leads."""
    return f"/leads/{source.platform}/{source.path_token}"
