"""A fake DingTalk Stream gateway and an HTTP-mode driver, for tests and the demo.

`FakeStreamGateway` serves `POST /v1.0/gateway/connections/open` (credentials checked, single-use tickets
valid 90 s on the injected clock) and the WebSocket the ticket opens; it pushes CALLBACK, EVENT and SYSTEM
frames shaped as the protocol document shows, checks every ack, and pushes again what was not acked
(an EVENT answered LATER included) when the client reconnects or when told to. `add_routes` mounts it on
any aiohttp app (the fake API server's, or a test's own). `HttpDriver` builds signed (or wrongly signed,
or late) HTTP-mode requests as (headers, body) pairs.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import uuid
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from bot.channels.callback_crypto import CallbackCipher
from bot.channels.dingtalk.sign import millis, sign
from bot.channels.dingtalk.stream import CARD_TOPIC, OPEN_PATH, ROBOT_TOPIC
from bot.clock import Clock
from bot.config import DingTalkConfig

WS_PATH = "/connect"
TICKET_LIFE = timedelta(seconds=90)


@dataclass
class Pending:
    """A frame pushed and not yet acked (EVENT and CALLBACK only: SYSTEM frames are never pushed again)."""

    frame: dict[str, Any]
    pushes: int = 0


@dataclass
class StreamState:
    tickets: dict[str, datetime] = field(default_factory=dict)  # ticket -> issued at
    used: set[str] = field(default_factory=set)
    opened: list[dict[str, Any]] = field(default_factory=list)  # connections/open bodies, in order
    connections: int = 0  # sockets accepted
    refused: list[str] = field(default_factory=list)  # why each refused handshake was refused
    pending: dict[str, Pending] = field(default_factory=dict)  # messageId -> unacked frame
    acks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # messageId -> every ack for it
    bad_acks: list[str] = field(default_factory=list)  # what was wrong with each malformed ack
    pings: dict[str, str] = field(default_factory=dict)  # ping messageId -> the data its ack must echo


class FakeStreamGateway:
    def __init__(self, client_id: str, client_secret: str, clock: Clock) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.clock = clock
        self.state = StreamState()
        self._ws: web.WebSocketResponse | None = None
        self._request: web.Request | None = None
        self._changed = asyncio.Condition()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(OPEN_PATH, self._open)
        app.router.add_get(WS_PATH, self._connect)

    # -- the two endpoints ------------------------------------------------------------------------------

    async def _open(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"code": "InvalidParameter", "message": "not JSON"}, status=400)
        self.state.opened.append(body)
        await self._notify()
        if body.get("clientId") != self.client_id or body.get("clientSecret") != self.client_secret:
            return web.json_response({"code": "InvalidAuthentication", "message": "bad client"}, status=401)
        if not isinstance(body.get("subscriptions"), list) or not body["subscriptions"]:
            return web.json_response({"code": "InvalidParameter", "message": "no subscriptions"}, status=400)
        ticket = str(uuid.uuid4())
        self.state.tickets[ticket] = self.clock.now()
        endpoint = (
            request.url.with_scheme("wss" if request.secure else "ws").with_path(WS_PATH).with_query(None)
        )
        return web.json_response({"endpoint": str(endpoint), "ticket": ticket})

    async def _connect(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        issued = self.state.tickets.get(ticket)
        why = (
            "unknown ticket" if issued is None
            else "ticket already used" if ticket in self.state.used
            else "ticket expired" if self.clock.now() - issued > TICKET_LIFE
            else ""
        )  # fmt: skip
        if why:
            self.state.refused.append(why)
            return web.json_response({"code": "InvalidTicket", "message": why}, status=403)
        self.state.used.add(ticket)
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws, self._request = ws, request
        self.state.connections += 1
        await self._notify()
        await self.redeliver_unacked()  # what the last connection left unacked comes again
        try:
            async for message in ws:
                if message.type.name == "TEXT":
                    await self._on_ack(message.data)
        finally:
            if self._ws is ws:
                self._ws = self._request = None
            await self._notify()
        return ws

    async def _on_ack(self, text: str) -> None:
        try:
            ack = json.loads(text)
            message_id = ack["headers"]["messageId"]
            problem = _ack_problem(ack, self._kind_of(message_id), self.state.pings.get(message_id))
        except (ValueError, KeyError, TypeError):
            message_id, problem = "", f"ack is not an ack: {text[:200]}"
        if problem:
            self.state.bad_acks.append(problem)
        else:
            self.state.acks.setdefault(message_id, []).append(ack)
            if json.loads(ack["data"]).get("status") != "LATER":  # LATER: push again later
                self.state.pending.pop(message_id, None)
        await self._notify()

    def _kind_of(self, message_id: str) -> str:
        if message_id in self.state.pings:
            return "SYSTEM"
        pending = self.state.pending.get(message_id)
        if pending is not None:
            return str(pending.frame["type"])
        return "ACKED" if message_id in self.state.acks else "UNKNOWN"

    # -- pushing ------------------------------------------------------------------------------------------

    async def push_robot_message(self, payload: dict[str, Any]) -> str:
        return await self._push("CALLBACK", {"topic": ROBOT_TOPIC}, json.dumps(payload, ensure_ascii=False))

    async def push_card_callback(self, payload: dict[str, Any]) -> str:
        return await self._push("CALLBACK", {"topic": CARD_TOPIC}, json.dumps(payload, ensure_ascii=False))

    async def push_event(self, event_type: str, data: dict[str, Any], *, event_id: str | None = None) -> str:
        headers = {
            "topic": "dingTalk",
            "eventType": event_type,
            "eventId": event_id or uuid.uuid4().hex,
            "eventCorpId": "dingfakecorp",
            "eventBornTime": str(millis(self.clock.now())),
            "eventUnifiedAppId": "fake-unified-app",
        }
        return await self._push("EVENT", headers, json.dumps(data, ensure_ascii=False))

    async def push_raw(self, frame_type: str, headers: dict[str, Any], data: str) -> str:
        """A frame as given (for frames a client cannot use): kept pending until acked, like any other."""
        return await self._push(frame_type, headers, data)

    async def ping(self, opaque: str | None = None) -> str:
        message_id = _message_id()
        data = json.dumps({"opaque": opaque or secrets.token_hex(8)})
        self.state.pings[message_id] = data
        headers = {"topic": "ping", "messageId": message_id, "contentType": "application/json"}
        frame = {"specVersion": "1.0", "type": "SYSTEM", "headers": headers, "data": data}
        await self._send(frame)
        return message_id

    async def disconnect(self, reason: str = "connection is expired") -> None:
        """The gateway's notice that this connection will end: the client should reconnect."""
        frame = {"specVersion": "1.0", "type": "SYSTEM", "data": json.dumps({"reason": reason}),
                 "headers": {"topic": "disconnect", "contentType": "application/json"}}  # fmt: skip
        await self._send(frame)

    async def drop(self) -> None:
        """Cut the TCP connection mid-stream, with no close handshake."""
        request = self._request
        if request is not None and request.transport is not None:
            request.transport.abort()

    async def redeliver_unacked(self) -> None:
        for pending in list(self.state.pending.values()):
            pending.pushes += 1
            await self._send(pending.frame)

    async def _push(self, frame_type: str, headers: dict[str, Any], data: str) -> str:
        message_id = _message_id()
        frame = {
            "specVersion": "1.0",
            "type": frame_type,
            "headers": {"appId": "fake-app", "connectionId": "fake-conn", "contentType": "application/json",
                        "messageId": message_id, "time": str(millis(self.clock.now())), **headers},
            "data": data,
        }  # fmt: skip
        self.state.pending[message_id] = Pending(frame, pushes=1)
        await self._send(frame)
        return message_id

    async def _send(self, frame: dict[str, Any]) -> None:
        ws = self._ws
        if ws is not None and not ws.closed:
            # The client may be gone: a pending frame comes again when it reconnects.
            with suppress(ConnectionError):
                await ws.send_str(json.dumps(frame, ensure_ascii=False))

    # -- waiting ------------------------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], bool]) -> None:
        async with self._changed:
            await self._changed.wait_for(predicate)

    async def wait_connected(self, connections: int = 1) -> None:
        """Until `connections` sockets have been accepted, the last still open."""
        await self.wait_for(lambda: self.state.connections >= connections and self._ws is not None)

    async def wait_acked(self, message_id: str) -> dict[str, Any]:
        await self.wait_for(lambda: message_id in self.state.acks)
        return self.state.acks[message_id][-1]

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    @property
    def is_connected(self) -> bool:
        return self._ws is not None and not self._ws.closed


def _message_id() -> str:
    return f"{secrets.token_hex(4)}_{secrets.randbelow(1000)}_{secrets.token_hex(5)}_{secrets.token_hex(2)}"


def _ack_problem(ack: dict[str, Any], kind: str, ping_data: str | None) -> str:
    """What is wrong with an ack, by the protocol's examples; "" when nothing is."""
    if kind == "UNKNOWN":
        return f"ack for a messageId never pushed: {ack['headers']['messageId']}"
    if ack.get("code") != 200 or ack.get("message") != "OK":
        return f"ack code/message is not 200/OK: {ack.get('code')!r} {ack.get('message')!r}"
    if ack["headers"].get("contentType") != "application/json" or not isinstance(ack.get("data"), str):
        return "ack has no contentType application/json or no data string"
    data = json.loads(ack["data"])
    if kind == "SYSTEM":
        return "" if data == json.loads(ping_data or "null") else f"ping ack does not echo the opaque: {data}"
    if kind == "EVENT":
        ok = isinstance(data, dict) and data.get("status") in ("SUCCESS", "LATER") and "message" in data
        return "" if ok else f"EVENT ack data is not {{status, message}}: {data}"
    return (
        "" if isinstance(data, dict) and "response" in data else f"CALLBACK ack data has no response: {data}"
    )


def robot_payload(
    sender_staff_id: str,
    text: str,
    *,
    msg_id: str | None = None,
    conversation_type: str = "1",
    conversation_id: str = "cidFakeConversation0001==",
    session_webhook: str = "",
    session_webhook_expires: int = 0,
    at: datetime | None = None,
    msgtype: str = "text",
) -> dict[str, Any]:
    """A robot message as DingTalk pushes it (机器人接收消息), with the fields the platform fills in."""
    at = at or datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    payload: dict[str, Any] = {
        "conversationId": conversation_id,
        "chatbotCorpId": "dingfakecorp",
        "chatbotUserId": "$:LWCP_v1:$fakebot",
        "msgId": msg_id or f"msg{secrets.token_urlsafe(16)}",
        "senderNick": sender_staff_id,
        "isAdmin": False,
        "senderStaffId": sender_staff_id,
        "sessionWebhookExpiredTime": session_webhook_expires,
        "createAt": millis(at),
        "senderCorpId": "dingfakecorp",
        "conversationType": conversation_type,
        "senderId": f"$:LWCP_v1:${sender_staff_id}",
        "sessionWebhook": session_webhook,
        "robotCode": "dingfakerobot",
        "msgtype": msgtype,
    }
    if msgtype == "text":
        # In a group DingTalk strips the robot's @-mention and leaves the space after it.
        payload["text"] = {"content": f" {text}" if conversation_type == "2" else text}
    elif msgtype == "picture":
        payload["content"] = {"downloadCode": "fakeDownloadCode", "pictureDownloadCode": "fakePicture"}
    if conversation_type == "2":
        payload["conversationTitle"] = "销售一组"
        payload["isInAtList"] = True
        payload["atUsers"] = [{"dingtalkId": "$:LWCP_v1:$fakebot"}]
    return payload


def card_payload(
    out_track_id: str,
    user_id: str,
    key: str,
    *,
    space_type: str = "IM_ROBOT",
    space_id: str = "",
    action_id: str = "button",
) -> dict[str, Any]:
    """A card button click (互动卡片 回传请求) as it arrives: `content` is a JSON string whose
    cardPrivateData carries the button's actionIds and the params the button was sent with."""
    content = {"cardPrivateData": {"actionIds": [action_id], "params": {"key": key}}}
    return {
        "type": "actionCallback",
        "corpId": "dingfakecorp",
        "outTrackId": out_track_id,
        "userId": user_id,
        "userIdType": 1,
        "spaceType": space_type,
        "spaceId": space_id,
        "content": json.dumps(content, ensure_ascii=False),
        "extension": "{}",
    }


class HttpDriver:
    """HTTP-mode requests as DingTalk would send them: (headers, body bytes) for a POST."""

    def __init__(self, config: DingTalkConfig, clock: Clock) -> None:
        self.config = config
        self.clock = clock

    def robot(
        self, payload: dict[str, Any], *, bad_sign: bool = False, stale: bool = False
    ) -> tuple[dict[str, str], bytes]:
        return self._signed(payload, bad_sign=bad_sign, stale=stale)

    def card(
        self, payload: dict[str, Any], *, bad_sign: bool = False, stale: bool = False
    ) -> tuple[dict[str, str], bytes]:
        return self._signed(payload, bad_sign=bad_sign, stale=stale)

    def event(self, plain: dict[str, Any], *, nonce: str = "nOnCe123") -> tuple[dict[str, str], bytes]:
        """(query params, body) for POST events_path: `plain` encrypted and signed as DingTalk does."""
        cipher = CallbackCipher(self.config.event_token, self.config.event_aes_key, self.config.app_key)
        timestamp = str(millis(self.clock.now()))
        encrypted = cipher.encrypt(json.dumps(plain, ensure_ascii=False).encode("utf-8"))
        params = {
            "msg_signature": cipher.signature(timestamp, nonce, encrypted),
            "timestamp": timestamp,
            "nonce": nonce,
        }
        return params, json.dumps({"encrypt": encrypted}).encode()

    def _signed(
        self, payload: dict[str, Any], *, bad_sign: bool, stale: bool
    ) -> tuple[dict[str, str], bytes]:
        at = self.clock.now() - (self.config.replay_window + timedelta(minutes=5) if stale else timedelta(0))
        timestamp = str(millis(at))
        secret = self.config.app_secret + ("x" if bad_sign else "")
        headers = {
            "timestamp": timestamp,
            "sign": sign(secret, timestamp),
            "Content-Type": "application/json",
        }
        return headers, json.dumps(payload, ensure_ascii=False).encode("utf-8")
