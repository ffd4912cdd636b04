"""Turn what DingTalk pushes (a robot message, an interactive card's button click, an org event) into a
`bot.types.Message`. Pure: no I/O, no clock; the Stream client and the HTTP callbacks share it.

Every missing or malformed field raises `BadCallback`; what the platform sends that we cannot store
(NUL, lone surrogates) was refused already by `bot.channels.body.loads_json`, and a card's content (JSON
inside a string) is read by it too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.channels.body import BadBody, loads_json
from bot.channels.errors import BadCallback
from bot.types import Message

MAX_KEY_CHARS = 200  # the inbound table's platform_msg_id column
MAX_ID_CHARS = 128  # its sender_id column
SINGLE, GROUP = "1", "2"  # conversationType
# The card's button carries our Button.key in its callback params under this name (render sends it so).
CARD_KEY_PARAM = "key"


def robot_message(payload: Mapping[str, Any]) -> Message:
    """A message a member sent the robot (机器人接收消息), from Stream or the HTTP callback.

    In a group the robot only sees messages that @ it; DingTalk removes the mention itself and leaves
    the space (sometimes U+2005) that followed it, which `strip` removes."""
    msg_id = _text(payload, "msgId", MAX_KEY_CHARS)
    sender = _text(payload, "senderStaffId", MAX_ID_CHARS)
    conversation_type = payload.get("conversationType")
    if conversation_type not in (SINGLE, GROUP):
        raise BadCallback("conversationType is neither '1' (single chat) nor '2' (group)")
    chat_id = _text(payload, "conversationId", MAX_ID_CHARS) if conversation_type == GROUP else None
    sent_at = _millis(payload.get("createAt"), "createAt")
    webhook = payload.get("sessionWebhook") or ""
    expires = payload.get("sessionWebhookExpiredTime") or 0
    if not isinstance(webhook, str):
        raise BadCallback("sessionWebhook is not a string")
    route = {
        "session_webhook": webhook,
        "session_webhook_expires": str(_int(expires, "sessionWebhookExpiredTime")),
        "conversation_type": conversation_type,
    }
    msgtype = payload.get("msgtype")
    if not isinstance(msgtype, str) or not msgtype:
        raise BadCallback("robot message has no msgtype")
    if msgtype == "text":
        text = payload.get("text")
        content = text.get("content") if isinstance(text, Mapping) else None
        if not isinstance(content, str) or not content.strip():
            raise BadCallback("text message has no text.content")
        kind, body = "text", content.strip()
    else:
        # picture, richText, audio, video, file...: the router answers that the bot reads text only
        kind, body = "event", f"unsupported:{msgtype[:40]}"
    return Message(
        platform="dingtalk",
        platform_msg_id=msg_id,
        sender_id=sender,
        kind=kind,
        text=body,
        sent_at=sent_at,
        chat_id=chat_id,
        reply_route=route,
        raw=dict(payload),
    )


def card_callback(payload: Mapping[str, Any], at: datetime) -> Message:
    """A button click on an interactive card (互动卡片 回传请求), received at `at` (the callback has no time).

    The clicked button is read from `content` (a JSON string): cardPrivateData.params["key"] when the
    button's callback params carry it (how render sends our buttons), else cardPrivateData.actionIds[0].
    The platform gives a click no id of its own, so the idempotency key is card + user + button: a
    re-pushed callback, or the same button tapped twice on one card, is stored once (a card's button is
    used once; the card is then updated in place)."""
    track_id = _text(payload, "outTrackId", MAX_KEY_CHARS)
    user = _text(payload, "userId", MAX_ID_CHARS)
    content = payload.get("content")
    if not isinstance(content, str):
        raise BadCallback("card callback has no content string")
    try:
        # surrogatepass: a lone surrogate reaches loads_json, which refuses it (as NUL, deep nesting, 1e999)
        data = loads_json(content.encode("utf-8", "surrogatepass"))
    except BadBody as e:
        raise BadCallback(f"card callback content: {e}") from None
    private = data.get("cardPrivateData") if isinstance(data, dict) else None
    if not isinstance(private, dict):
        raise BadCallback("card callback content has no cardPrivateData")
    key = button_key(private)
    group = payload.get("spaceType") == "IM_GROUP" and isinstance(payload.get("spaceId"), str)
    return Message(
        platform="dingtalk",
        platform_msg_id=_key("card", track_id, user, key),
        sender_id=user,
        kind="button",
        text=key,
        sent_at=at.astimezone(UTC),
        chat_id=str(payload["spaceId"])[:MAX_ID_CHARS] if group else None,
        card_handle=track_id,
        raw=dict(payload),
    )


def button_key(private: Mapping[str, Any]) -> str:
    params = private.get("params")
    if isinstance(params, Mapping):
        value = params.get(CARD_KEY_PARAM)
        if isinstance(value, str) and value:
            return value
    ids = private.get("actionIds")
    if isinstance(ids, list) and ids and isinstance(ids[0], str) and ids[0]:
        return ids[0]
    raise BadCallback("card callback names no button (params.key or actionIds)")


def event(fields: Mapping[str, Any], data: Mapping[str, Any]) -> Message:
    """An org event (通讯录 changes and others): `fields` are the Stream frame's headers (eventType,
    eventId, eventBornTime), `data` its parsed body. Recorded; nobody wrote anything to answer."""
    event_type = _text(fields, "eventType", 64)
    event_id = _text(fields, "eventId", MAX_KEY_CHARS)
    born = fields.get("eventBornTime")
    sent_at = (
        _millis(born, "eventBornTime")
        if born not in (None, "")
        else _millis(data.get("timestamp"), "timestamp")
    )
    return Message(
        platform="dingtalk",
        platform_msg_id=event_id,
        sender_id=str(fields.get("eventCorpId") or "")[:MAX_ID_CHARS],
        kind="event",
        text=f"event:{event_type}",
        sent_at=sent_at,
        raw={"headers": dict(fields), "data": dict(data)},
    )


def http_event(plain: Mapping[str, Any], received: datetime) -> Message:
    """An event from the HTTP event subscription (decrypted JSON with EventType). It carries no event id,
    so the key is a digest of the event itself: the same event pushed again is stored once."""
    event_type = plain.get("EventType")
    if not isinstance(event_type, str) or not event_type:
        raise BadCallback("event has no EventType")
    canonical = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    stamp = plain.get("TimeStamp")
    born = (
        str(stamp)
        if isinstance(stamp, (int, str)) and str(stamp).isdigit()
        else str(int(received.timestamp() * 1000))
    )
    fields = {"eventType": event_type, "eventId": f"http:{digest}", "eventBornTime": born,
              "eventCorpId": plain.get("CorpId") or ""}  # fmt: skip
    return event(fields, plain)


def _text(payload: Mapping[str, Any], name: str, limit: int) -> str:
    value = payload.get(name)
    if not isinstance(value, str) or not value:
        raise BadCallback(f"callback has no {name}")
    if len(value) > limit:
        raise BadCallback(f"{name} is longer than {limit} characters")
    return value


def _int(value: object, name: str) -> int:
    # DingTalk sends numbers, but some fields arrive as strings of digits (Stream headers): take both.
    if isinstance(value, bool):
        raise BadCallback(f"{name} is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 15:
        return int(value)
    raise BadCallback(f"{name} is not an integer")


def _millis(value: object, name: str) -> datetime:
    ms = _int(value, name)
    try:
        return datetime.fromtimestamp(ms / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        raise BadCallback(f"{name} is out of range") from None


def _key(*parts: str) -> str:
    key = ":".join(parts)
    if len(key) <= MAX_KEY_CHARS:
        return key
    return f"{parts[0]}:sha256:{hashlib.sha256(key.encode('utf-8')).hexdigest()}"
