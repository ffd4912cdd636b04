"""What the push platforms' receivers share: the contract each platform module keeps, constant-time
secret and HMAC checks, the form labels every Chinese lead form uses, and reading ids, submit times
and campaign detail out of a payload without ever raising anything but BadCallback.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Protocol

from bot.channels.errors import BadCallback, SignatureError
from bot.config import LeadSourceConfig

from .lead import AdLead, clean

log = logging.getLogger("salesbot.ads")

CHINA = timezone(timedelta(hours=8))  # the time the Chinese platforms write their "yyyy-MM-dd HH:mm:ss" in
MAX_ID = 128  # characters of a platform's lead id; a longer one is not an id
FUTURE_SLACK = timedelta(minutes=5)  # a submit time further ahead than this is a wrong clock, not a time
DETAIL_LIMIT = 200

# A form question's label (as 飞鱼's remark_dict, 百度's form_detail and 小红书's data name it) -> the lead
# field it fills. Every platform's defaults include these, so a form built with the usual questions
# needs no field map.
LABELS: dict[str, str] = {
    **dict.fromkeys(("姓名", "联系人", "称呼", "您的姓名", "联系人姓名"), "contact"),
    **dict.fromkeys(("电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "您的电话"), "phone"),
    **dict.fromkeys(("邮箱", "电子邮箱", "email", "Email"), "email"),
    **dict.fromkeys(("公司", "公司名称", "单位", "单位名称", "企业名称", "医院名称", "机构名称"), "company"),
    **dict.fromkeys(("职位", "职务", "您的职位"), "title"),
    **dict.fromkeys(("城市", "所在城市", "所在地区", "地区", "省市"), "city"),
    **dict.fromkeys(("意向产品", "产品", "感兴趣的产品", "咨询产品", "需求产品"), "product"),
    **dict.fromkeys(("预算", "采购预算", "预算范围", "预算金额"), "budget"),
    **dict.fromkeys(("留言", "备注", "需求", "需求描述", "咨询内容", "其他需求"), "message"),
}


class PushPlatform(Protocol):
    """What each push platform's module (feiyu, baidu, xiaohongshu, generic) exports."""

    DEFAULTS: dict[str, str]
    SUCCESS: dict[str, Any]

    def verify(self, headers: Mapping[str, str], body: bytes, source: LeadSourceConfig) -> None: ...

    def parse(self, data: Any, now: datetime, tz: Any) -> list[AdLead]: ...


def same_secret(given: str, expected: str) -> bool:
    """Constant-time equality of two secrets, on bytes (compare_digest refuses non-ASCII str); an empty
    configured secret never matches (config validation requires one, this is the second lock)."""
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def check_hmac(given: str, key: str, body: bytes, digest: str, prefix: str) -> None:
    """Raise SignatureError unless `given` (hex, optionally after `prefix`) is HMAC(key, body)."""
    text = given.strip()
    if text[: len(prefix)].lower() == prefix:
        text = text[len(prefix) :]
    expected = hmac.new(key.encode("utf-8"), body, digest).hexdigest()
    if not key or not hmac.compare_digest(text.lower().encode("utf-8"), expected.encode("ascii")):
        raise SignatureError("signature does not match the body")


def require_object(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise BadCallback(f"{what} must be a JSON object")
    return data


def lead_id(data: Mapping[str, Any], *keys: str) -> str:
    """The platform's lead id: the first of `keys` present, a string or an integer, printable and short."""
    for key in keys:
        value = data.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise BadCallback(f"field {key!r} must be a string or an integer")
        text = str(value).strip()
        if not text or len(text) > MAX_ID or not text.isprintable():
            raise BadCallback(f"field {key!r} must be 1 to {MAX_ID} printable characters")
        return text
    raise BadCallback(f"the lead's id is missing (field {' or '.join(repr(k) for k in keys)})")


def submit_time(value: Any, now: datetime, tz: Any, field: str) -> datetime:
    """When the customer submitted the form: unix seconds (or milliseconds), "yyyy-MM-dd HH:mm:ss" in
    `tz`, or ISO 8601. Missing → `now`. An unreadable or far-future time is logged and replaced by `now`:
    the lead matters more than its clock, and the platform would resend the same value anyway."""
    if value is None or value == "":
        return now
    try:
        when = _read_time(value, tz)
    except (ValueError, OverflowError, OSError):
        log.warning("unreadable submit time, using the arrival time", extra={"field": field})
        return now
    if when > now + FUTURE_SLACK:
        log.warning("submit time in the future, using the arrival time", extra={"field": field})
        return now
    return when


def _read_time(value: Any, tz: Any) -> datetime:
    if isinstance(value, bool):
        raise ValueError("a boolean is not a time")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 100_000_000_000 else value  # 13 digits: milliseconds
        return datetime.fromtimestamp(seconds, UTC)
    if not isinstance(value, str):
        raise ValueError("not a time")
    text = value.strip().replace("/", "-")
    when = datetime.fromisoformat(text)
    return when if when.tzinfo is not None else when.replace(tzinfo=tz)


def answer_text(value: Any) -> str:
    """A form answer as text: scalars as themselves, a multiple choice joined with "、"."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, list):
        return "、".join(t for t in (answer_text(v) for v in value) if t)
    if isinstance(value, dict):
        return answer_text(value.get("value", value.get("label", "")))
    return str(value).strip()


def labelled(items: Iterable[Any], label_keys: tuple[str, ...], what: str) -> dict[str, str]:
    """Form questions given as [{label, value}, ...]: label -> answer text. A later duplicate label
    keeps the first answer."""
    out: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise BadCallback(f"{what} must be a list of objects")
        label = next((item[k] for k in label_keys if isinstance(item.get(k), str) and item[k].strip()), "")
        text = answer_text(item.get("value"))
        if label and text:
            out.setdefault(label.strip(), text)
    return out


def detail(answers: Mapping[str, str], parts: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    """Where the lead came from, short ("计划 春季CT · 关键词 CT价格"): the first present key of each part."""
    found = []
    for label, keys in parts:
        value = next((clean(answers[k]) for k in keys if clean(answers.get(k, ""))), "")
        if value:
            found.append(f"{label} {value}")
    return " · ".join(found)[:DETAIL_LIMIT]


def prefixed(prefix: str, labels: Mapping[str, str]) -> dict[str, str]:
    return {f"{prefix}{label}": target for label, target in labels.items()}
