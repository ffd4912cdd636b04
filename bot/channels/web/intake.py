"""Web-form and landing-page inquiries: `POST /api/inquiries` stores one durably and answers 202 with its
id; `GET /api/inquiries/{id}` says which lead it became once processed.

An inquiry is an inbound message like any chat message (platform "web"), so it takes the same path:
dedupe, grading, assignment and the owner's notice happen in the processor. An `Idempotency-Key`
header is the message id, so a resend finds the first inquiry and gets the first answer; the
inquiry keeps a hash of its fields, so a key reused for another inquiry is refused (422) instead of
silently answering with the first one's id and dropping the second customer.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from bot.channels.base import ChannelBase, DeliveryError, Limits
from bot.channels.body import BadBody, loads_json, read_capped
from bot.clock import Clock
from bot.config import IntakeConfig
from bot.types import Message, Outgoing, Platform

log = logging.getLogger("salesbot.intake")

MAX_BODY = 16 * 1024
MAX_KEY = 200
FIELDS = ("name", "company", "phone", "email", "city", "product", "message", "source")
FIELD_LIMIT = 2000  # characters per field; a form that sends more is broken or hostile
BODY_HASH = "body_sha256"  # in the inbound row's raw payload: what the Idempotency-Key was first used for

# Accepts an inquiry: (its inbound id, None) when new, (the first one's id, its raw payload) for a resend.
Store = Callable[[Message], Awaitable[tuple[int, Mapping[str, object] | None]]]


class BadInquiry(Exception):
    """The request body cannot be an inquiry; the message names the problem."""


def parse_inquiry(body: bytes) -> dict[str, str]:
    """The form's fields as stripped strings; raises BadInquiry naming what is wrong."""
    try:
        data = loads_json(body)
    except BadBody as e:
        raise BadInquiry(str(e)) from None
    if not isinstance(data, dict):
        raise BadInquiry("body must be a JSON object")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise BadInquiry(f"unknown field(s): {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    fields: dict[str, str] = {}
    for name in FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise BadInquiry(f"field {name!r} must be a string")
        text = str(value).strip()
        if len(text) > FIELD_LIMIT:
            raise BadInquiry(f"field {name!r} is longer than {FIELD_LIMIT} characters")
        if text:
            fields[name] = text
    if not fields.get("phone") and not fields.get("company"):
        raise BadInquiry("an inquiry needs a phone or a company")
    return fields


def fingerprint(fields: Mapping[str, str]) -> str:
    """The hash of an inquiry's fields: the same for a resend of the same form, whatever the JSON's
    spacing or key order."""
    canonical = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def same_inquiry(first: Mapping[str, object], message: Message) -> bool:
    """Whether the stored inquiry (its raw payload) is the one `message` resends. A row stored before
    hashes were kept, or whose payload was erased, has no hash: it cannot be told apart, so it counts."""
    stored = first.get(BODY_HASH)
    return stored is None or stored == message.raw[BODY_HASH]


def inquiry_message(fields: dict[str, str], key: str, clock: Clock) -> Message:
    # What the extractor reads: the free text plus the structured fields, so a product or city
    # written only in its own field is still understood.
    text = "；".join(fields[k] for k in ("company", "city", "product", "message") if k in fields)
    return Message(
        platform="web",
        platform_msg_id=key,
        sender_id=fields.get("phone") or fields.get("email") or fields["company"],
        kind="inquiry",
        text=text,
        sent_at=clock.now(),
        form={**fields, "source": fields.get("source") or "web"},
        answered_elsewhere=True,
        raw={**fields, BODY_HASH: fingerprint(fields)},
    )


class Intake(ChannelBase):
    """The web-form channel: two endpoints, and nothing to deliver (a form's sender reads the HTTP
    answer). `store` accepts a message (see `Store`), and `status` reads an inquiry's state by id
    (None when there is no such web inquiry)."""

    platform: Platform = "web"
    limits = Limits(text_bytes=0, buttons=0, card_update_window=None)

    def __init__(self, config: IntakeConfig, clock: Clock, store: Store, status: Any) -> None:
        self._token = config.token.encode("utf-8")
        self._clock = clock
        self._store = store
        self._status = status

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/api/inquiries", self.create)
        app.router.add_get("/api/inquiries/{id}", self.show)

    async def deliver(self, item: Outgoing) -> str | None:
        raise DeliveryError("a web form's sender has no chat: they read the HTTP answer", retry=False)

    def _authorised(self, request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        return (
            bool(self._token)
            and scheme.lower() == "bearer"
            and hmac.compare_digest(token.strip().encode("utf-8"), self._token)
        )

    async def create(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _error(401, "missing or wrong bearer token")
        body = await read_capped(request, MAX_BODY)
        if body is None:
            return _error(400, f"body larger than {MAX_BODY} bytes")
        key = request.headers.get("Idempotency-Key", "").strip() or f"auto-{uuid.uuid4().hex}"
        if len(key) > MAX_KEY or not key.isprintable():
            return _error(400, f"Idempotency-Key must be printable and at most {MAX_KEY} characters")
        try:
            fields = parse_inquiry(body)
        except BadInquiry as e:
            return _error(400, str(e))
        message = inquiry_message(fields, key, self._clock)
        inquiry_id, first = await self._store(message)
        if first is not None and not same_inquiry(first, message):
            log.warning("idempotency key reused for another inquiry", extra={"inquiry_id": inquiry_id})
            return _error(422, "Idempotency-Key was already used for a different inquiry; use a new key")
        log.info("inquiry accepted", extra={"inquiry_id": inquiry_id, "source": fields.get("source", "web")})
        return web.json_response({"id": inquiry_id}, status=202)

    async def show(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _error(401, "missing or wrong bearer token")
        raw_id = request.match_info["id"]
        if not raw_id.isascii() or not raw_id.isdigit() or len(raw_id) > 18:
            return _error(404, "no such inquiry")
        status = await self._status(int(raw_id))
        if status is None:
            return _error(404, "no such inquiry")
        return web.json_response({"id": int(raw_id), **status})


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)
