"""DingTalk's HTTP endpoints: robot messages and card button clicks in HTTP mode (headers `timestamp` and
`sign`), and the event subscription (通讯录 and other org events, DingTalk-Callback-Crypto) in any mode.

The request path only checks, parses and hands the message to `accept` (which commits it durably), then
answers 200. Every problem with the input is a 4xx with nothing stored; a failure to store is a 503 so
that DingTalk pushes again. Replies go out later through the outbox.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.channels.base import Accept
from bot.channels.body import BadBody, loads_json, read_capped
from bot.channels.callback_crypto import CallbackCipher
from bot.channels.dingtalk import inbound
from bot.channels.dingtalk.sign import millis, verify
from bot.channels.errors import BadCallback, SignatureError
from bot.clock import Clock
from bot.config import ConfigError, DingTalkConfig
from bot.types import Message

log = logging.getLogger("salesbot.dingtalk")

MAX_BODY_BYTES = 64 * 1024  # a robot message, a click or an event is a few KiB; refused before parsing
_MILLIS = re.compile(r"[0-9]{1,15}")


class DingTalkCallback:
    def __init__(self, config: DingTalkConfig, clock: Clock, accept: Accept) -> None:
        self._config = config
        self._clock = clock
        self._accept = accept
        self._cipher: CallbackCipher | None = None

    def add_routes(self, app: web.Application) -> None:
        """HTTP mode's robot and card endpoints, and the event endpoint when its token and key are set.
        Refuses to start rather than serve an endpoint it cannot authenticate (never fail open)."""
        c = self._config
        if c.mode == "http":
            if not c.app_secret:
                raise ConfigError("[dingtalk] mode = 'http' needs app_secret to check the callbacks' sign")
            app.router.add_post(c.callback_path, self.robot)
            app.router.add_post(c.card_callback_path, self.card)
        if c.event_token or c.event_aes_key:
            if not (c.event_token and c.event_aes_key and c.app_key):
                raise ConfigError("[dingtalk] events need event_token, event_aes_key and app_key together")
            try:
                self._cipher = CallbackCipher(c.event_token, c.event_aes_key, c.app_key)
            except ValueError as e:
                raise ConfigError(f"[dingtalk] event_aes_key: {e}") from None
            app.router.add_post(c.events_path, self.events)

    # -- HTTP mode: robot messages and card clicks ------------------------------------------------------

    async def robot(self, request: web.Request) -> web.Response:
        return await self._signed(request, inbound.robot_message)

    async def card(self, request: web.Request) -> web.Response:
        # DingTalk's documents we could reach do not say how an HTTP card callback is authenticated: it is
        # held to the robot callback's rule (headers timestamp and sign, HMAC with the app secret).
        return await self._signed(request, lambda payload: inbound.card_callback(payload, self._clock.now()))

    async def _signed(self, request: web.Request, parse: Callable[[dict[str, Any]], Message]) -> web.Response:
        try:
            verify(
                self._config.app_secret,
                request.headers.get("timestamp"),
                request.headers.get("sign"),
                self._clock.now(),
                self._config.replay_window,
            )
        except (SignatureError, BadCallback) as e:
            return _refuse(e, request)
        body = await read_capped(request, MAX_BODY_BYTES)
        if body is None:
            return _refuse(BadCallback("body too large"), request, status=413)
        try:
            payload = loads_json(body)
            if not isinstance(payload, dict):
                raise BadCallback("body is not a JSON object")
            message = parse(payload)
        except (BadBody, BadCallback) as e:
            return _refuse(e, request)
        if not await self._store(message):
            return web.json_response({"error": "try again"}, status=503)
        return web.json_response({})

    # -- event subscription -----------------------------------------------------------------------------

    async def events(self, request: web.Request) -> web.Response:
        assert self._cipher is not None  # set with the route
        cipher = self._cipher
        q = request.query
        signature = q.get("msg_signature") or q.get("signature")
        timestamp, nonce = q.get("timestamp"), q.get("nonce")
        try:
            if not signature or not timestamp or not nonce:
                raise BadCallback("query lacks msg_signature, timestamp or nonce")
            self._check_time(timestamp)
            body = await read_capped(request, MAX_BODY_BYTES)
            if body is None:
                return _refuse(BadCallback("body too large"), request, status=413)
            envelope = loads_json(body)
            encrypted = envelope.get("encrypt") if isinstance(envelope, dict) else None
            if not isinstance(encrypted, str) or not encrypted:
                raise BadCallback("body has no encrypt")
            cipher.check_signature(signature, timestamp, nonce, encrypted)
            plain = loads_json(cipher.decrypt(encrypted))
            if not isinstance(plain, dict):
                raise BadCallback("event is not a JSON object")
            message = (
                None
                if plain.get("EventType") == "check_url"
                else inbound.http_event(plain, self._clock.now())
            )
        except (SignatureError, BadCallback, BadBody) as e:
            return _refuse(e, request)
        if message is not None and not await self._store(message):
            return web.json_response({"error": "try again"}, status=503)
        return web.json_response(self._success())

    def _check_time(self, timestamp: str) -> None:
        if not _MILLIS.fullmatch(timestamp):
            raise BadCallback("timestamp is not an integer of milliseconds")
        if (
            abs(int(timestamp) / 1000 - self._clock.now().timestamp())
            > self._config.replay_window.total_seconds()
        ):
            raise BadCallback("timestamp outside the replay window")

    def _success(self) -> dict[str, str]:
        """The encrypted "success" every event (check_url included) is answered with."""
        assert self._cipher is not None
        timestamp, nonce = str(millis(self._clock.now())), secrets.token_hex(8)
        encrypted = self._cipher.encrypt(b"success")
        signature = self._cipher.signature(timestamp, nonce, encrypted)
        return {"msg_signature": signature, "timeStamp": timestamp, "nonce": nonce, "encrypt": encrypted}

    async def _store(self, message: Message) -> bool:
        try:
            await self._accept([message])
        except Exception:
            # Not stored: a 5xx makes DingTalk push it again (the unique msgId keeps a retry single).
            log.exception("dingtalk callback not stored", extra={"platform_msg_id": message.platform_msg_id})
            return False
        return True


def _refuse(error: Exception, request: web.Request, status: int | None = None) -> web.Response:
    status = status or (403 if isinstance(error, SignatureError) else 400)
    # The reason goes to the log only: an attacker learns nothing from the answer but the status.
    log.warning(
        "dingtalk callback refused", extra={"reason": str(error), "status": status, "peer": request.remote}
    )
    text = {403: "forbidden", 413: "body too large"}.get(status, "bad request")
    return web.Response(status=status, text=text)
