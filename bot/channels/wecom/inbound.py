"""Turn a decrypted WeChat Work callback XML into a `bot.types.Message`, and open a whole callback.

wechatpy 1.8 knows neither template_card_event, change_external_contact nor kf_msg_or_event, so the XML
is read here directly, refusing any DTD (bot.channels.wecom.safexml), with a size cap. Every field is kept
in `raw` as a string.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from bot.channels.errors import BadCallback
from bot.channels.wecom.crypto import MAX_BODY_BYTES, WeComCrypto, check_timestamp
from bot.channels.wecom.safexml import XML_ERRORS, fromstring
from bot.types import Message, MessageKind

MAX_KEY_CHARS = 200  # longer idempotency keys are shortened to a stable digest (EventKey may be 1 KiB)
# Elements below <xml>: the deepest field WeChat Work sends (SelectedItems/SelectedItem/OptionIds/OptionId)
# is 4. A field is kept as its XML text, which the standard library writes out recursively: a field nested
# a thousand deep (a 21 KiB message) raised RecursionError, a 500.
MAX_DEPTH = 16
ADD_CONTACT = ("add_external_contact", "add_half_external_contact")


def parse_fields(xml: bytes) -> dict[str, str]:
    """Every child of <xml> as a string; nested elements (SelectedItems) are kept as their XML text."""
    if len(xml) > MAX_BODY_BYTES:
        raise BadCallback(f"message larger than {MAX_BODY_BYTES} bytes")
    try:
        root = fromstring(xml)
    except XML_ERRORS as e:
        raise BadCallback(f"message is not acceptable XML: {type(e).__name__}") from None
    if root.tag != "xml":
        raise BadCallback("message root is not <xml>")
    _check_depth(root)
    fields: dict[str, str] = {}
    for child in root:
        if len(child):
            fields[child.tag] = "".join(ET.tostring(c, encoding="unicode") for c in child)
        else:
            fields[child.tag] = (child.text or "").strip()
    return fields


def _check_depth(root: ET.Element) -> None:
    stack = [(root, 0)]
    while stack:  # iteratively: the depth is the sender's
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadCallback(f"message nested deeper than {MAX_DEPTH} elements")
        stack.extend((child, depth + 1) for child in node)


def parse_message(xml: bytes) -> Message:
    """Normalise one decrypted callback. Missing or malformed fields raise `BadCallback`."""
    f = parse_fields(xml)
    msg_type = _need(f, "MsgType")
    sent_at = _created(f)
    if msg_type == "event":
        return _event(f, sent_at)
    sender = _need(f, "FromUserName")
    if msg_type == "text":
        return _message(f, _need(f, "MsgId"), sender, "text", _need(f, "Content"), sent_at)
    # image, voice, video, location, link, file...: the handler answers politely that it reads text only
    key = f.get("MsgId") or _key(sender, f["CreateTime"], msg_type)
    return _message(f, key, sender, "event", f"unsupported:{msg_type}", sent_at)


def _event(f: dict[str, str], sent_at: datetime) -> Message:
    event = _need(f, "Event")
    created = f["CreateTime"]
    if event == "kf_msg_or_event":  # 微信客服: no FromUserName; the Token lets us call kf/sync_msg
        token, kf = _need(f, "Token"), f.get("OpenKfId", "")
        key = _key(f.get("FromUserName", ""), created, event, token, kf)
        return _message(f, key, kf or f.get("ToUserName", ""), "event", event, sent_at)
    sender = _need(f, "FromUserName")
    if event == "template_card_event":  # a button click; the ResponseCode lets us grey the button out
        task_id, event_key = _need(f, "TaskId"), _need(f, "EventKey")
        key = _key(sender, created, event, task_id, event_key)
        return _message(
            f, key, sender, "button", event_key, sent_at, card_handle=f.get("ResponseCode") or None
        )
    if event == "change_external_contact":
        change = _need(f, "ChangeType")
        if change in ADD_CONTACT:
            # FromUserName is "sys"; the rep who added the customer is UserID, so they are the sender.
            rep, external = _need(f, "UserID"), _need(f, "ExternalUserID")
            key = _key(sender, created, event, external, change)
            return _message(f, key, rep, "event", change, sent_at)
        ids = [f.get("UserID", ""), f.get("ExternalUserID", ""), f.get("ChatId", ""), change]
        return _message(f, _key(sender, created, event, *ids), sender, "event", f"event:{event}", sent_at)
    if event == "enter_agent":
        return _message(f, _key(sender, created, event), sender, "event", event, sent_at)
    # Other events (subscribe, LOCATION, menu clicks...) are recorded; no human wrote anything to answer.
    key = _key(sender, created, event, f.get("EventKey", ""))
    return _message(f, key, sender, "event", f"event:{event}", sent_at)


def _message(
    f: dict[str, str],
    key: str,
    sender: str,
    kind: MessageKind,
    text: str,
    sent_at: datetime,
    card_handle: str | None = None,
) -> Message:
    return Message(
        platform="wecom",
        platform_msg_id=key,
        sender_id=sender,
        kind=kind,
        text=text,
        sent_at=sent_at,
        chat_id=None,
        card_handle=card_handle,
        raw=dict(f),
    )


def _need(f: Mapping[str, str], name: str) -> str:
    value = f.get(name, "")
    if not value:
        raise BadCallback(f"callback has no {name}")
    return value


def _created(f: Mapping[str, str]) -> datetime:
    text = _need(f, "CreateTime")
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        raise BadCallback("CreateTime is not an integer")
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (ValueError, OverflowError, OSError):  # past year 9999, or beyond what the platform's C time takes
        raise BadCallback("CreateTime is out of range") from None


def _key(*parts: str) -> str:
    """FromUserName:CreateTime:Event:ids... - stable, so a redelivered callback maps to the same key."""
    key = ":".join(parts)
    if len(key) <= MAX_KEY_CHARS:
        return key
    return f"{':'.join(parts[:3])[:100]}:sha256:{hashlib.sha256(key.encode('utf-8')).hexdigest()}"


def open_callback(
    crypto: WeComCrypto,
    query: Mapping[str, str],
    body: bytes,
    *,
    now: datetime,
    window: timedelta,
) -> Message:
    """The whole edge for a POST: replay window, signature, decryption, parsing. 403/400 exceptions only."""
    try:
        signature, timestamp, nonce = query["msg_signature"], query["timestamp"], query["nonce"]
    except KeyError as e:
        raise BadCallback(f"query has no {e.args[0]}") from None
    check_timestamp(timestamp, now, window)
    return parse_message(crypto.decrypt_message(signature, timestamp, nonce, body))


def open_verification(
    crypto: WeComCrypto, query: Mapping[str, str], *, now: datetime, window: timedelta
) -> str:
    """The whole edge for the GET URL verification: the text to answer with."""
    try:
        signature, timestamp = query["msg_signature"], query["timestamp"]
        nonce, echostr = query["nonce"], query["echostr"]
    except KeyError as e:
        raise BadCallback(f"query has no {e.args[0]}") from None
    check_timestamp(timestamp, now, window)
    return crypto.verify_url(signature, timestamp, nonce, echostr)
