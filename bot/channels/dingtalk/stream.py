"""DingTalk's Stream mode (Stream 模式协议) on aiohttp's own WebSocket client: open a connection with the
app's credentials, receive robot messages, card clicks and org events as frames, store each durably,
then ack it.

Why not the `dingtalk-stream` SDK: 0.24.3 makes blocking HTTP calls without timeouts inside the event loop
and breaks silently with newer `websockets`. The protocol is small; this speaks it in the app's loop.

A frame is acked only once `accept` has committed what it carries: when storing fails the frame is left
unacked (an EVENT is answered LATER) and DingTalk pushes it again, which the unique msgId makes harmless.
Frames are handled one at a time, in order; `accept` is one short transaction.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random as _random
import socket
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp
from yarl import URL

from bot.channels.base import Accept
from bot.channels.body import BadBody, loads_json
from bot.channels.dingtalk import inbound
from bot.channels.errors import BadCallback
from bot.clock import Clock, SystemClock
from bot.config import DingTalkConfig
from bot.types import Message

log = logging.getLogger("salesbot.dingtalk")

OPEN_PATH = "/v1.0/gateway/connections/open"
ROBOT_TOPIC = "/v1.0/im/bot/messages/get"
CARD_TOPIC = "/v1.0/card/instances/callback"
SUBSCRIPTIONS = (
    {"type": "EVENT", "topic": "*"},
    {"type": "CALLBACK", "topic": ROBOT_TOPIC},
    {"type": "CALLBACK", "topic": CARD_TOPIC},
)
UA = "salesbot-dingtalk-stream/1.0 (aiohttp)"
EVENT_SUCCESS = {"status": "SUCCESS", "message": "success"}
EVENT_LATER = {"status": "LATER", "message": "not stored yet"}


class StreamError(Exception):
    """The gateway refused to open a connection (bad credentials, a 5xx, an answer without a ticket)."""


class StreamClient:
    """Holds one Stream connection open until cancelled, reconnecting with a new ticket after every drop.

    `connected` is set while a socket is open; the counters say what happened, for tests and health."""

    def __init__(
        self,
        config: DingTalkConfig,
        http: aiohttp.ClientSession,
        accept: Accept,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = _random.random,
        clock: Clock | None = None,
        base_delay: float = 1.0,
        max_delay: float = 60.0,
        heartbeat: float = 30.0,  # a WebSocket ping this often; a socket with no pong is closed
        timeout: float = 10.0,  # for opening a connection (POST and WebSocket handshake)
        local_ip: str | None = None,
    ) -> None:
        self._config = config
        self._http = http
        self._accept = accept
        self._sleep = sleep
        self._random = random
        self._clock = clock or SystemClock()
        self._base, self._max = base_delay, max_delay
        self._heartbeat = heartbeat
        self._timeout = timeout
        self._local_ip = local_ip
        self.connected = asyncio.Event()
        self.connections = 0  # sockets opened
        self.delays: list[float] = []  # every wait before reconnecting, in order
        self.acked = 0  # frames acked
        self.held = 0  # frames left unacked (or answered LATER) because storing failed
        self.skipped = 0  # frames that could not be used: logged and acked
        self._healthy = False  # the current connection carried a frame

    async def run(self) -> None:
        attempt = 0
        while True:
            self._healthy = False
            try:
                endpoint, ticket = await self._open()
                await self._session(endpoint, ticket)
            except asyncio.CancelledError:
                raise
            except Exception as e:  # a refused open, a failed handshake, a broken socket: all reconnect
                log.warning("dingtalk stream connection failed", extra={"error": f"{type(e).__name__}: {e}"})
            finally:
                self.connected.clear()
            if self._healthy:
                attempt = 0  # a connection that carried frames: the next failure starts from the base delay
            delay = self.backoff(attempt)
            attempt += 1
            self.delays.append(delay)
            await self._sleep(delay)

    def backoff(self, attempt: int) -> float:
        """Capped exponential delay with jitter: between half and all of min(max, base * 2**attempt)."""
        cap = min(self._max, self._base * 2 ** min(attempt, 30))
        return cap * (0.5 + 0.5 * self._random())

    async def _open(self) -> tuple[str, str]:
        body = {
            "clientId": self._config.app_key,
            "clientSecret": self._config.app_secret,
            "subscriptions": list(SUBSCRIPTIONS),
            "ua": UA,
            "localIp": self._local_ip if self._local_ip is not None else _local_ip(),
        }
        url = self._config.api_base.rstrip("/") + OPEN_PATH
        timeout = aiohttp.ClientTimeout(total=self._timeout)
        async with self._http.post(url, json=body, timeout=timeout) as response:
            text = await response.text()
            if response.status != 200:
                raise StreamError(f"connections/open answered HTTP {response.status}: {text[:200]}")
        try:
            data = json.loads(text)
            endpoint, ticket = data["endpoint"], data["ticket"]
        except (ValueError, TypeError, KeyError):
            raise StreamError("connections/open gave no endpoint and ticket") from None
        if not isinstance(endpoint, str) or not isinstance(ticket, str) or not endpoint or not ticket:
            raise StreamError("connections/open gave no endpoint and ticket")
        return endpoint, ticket

    async def _session(self, endpoint: str, ticket: str) -> None:
        """One socket, until it closes (or breaks: the exception ends the session)."""
        url = URL(endpoint).update_query(ticket=ticket)
        async with self._http.ws_connect(
            url, heartbeat=self._heartbeat, timeout=aiohttp.ClientWSTimeout(ws_close=self._timeout)
        ) as ws:
            self.connections += 1
            self.connected.set()
            log.info("dingtalk stream connected", extra={"connections": self.connections})
            async for frame in ws:
                if frame.type == aiohttp.WSMsgType.TEXT:
                    self._healthy = True
                    if not await self._frame(ws, frame.data):
                        await ws.close()
                        break
                elif frame.type == aiohttp.WSMsgType.ERROR:
                    log.warning("dingtalk stream socket error", extra={"error": str(ws.exception())})
                    break
        log.info("dingtalk stream closed", extra={"close_code": ws.close_code})

    async def _frame(self, ws: aiohttp.ClientWebSocketResponse, text: str) -> bool:
        """Handle one frame; False when the gateway asked us to disconnect."""
        try:
            frame = loads_json(text.encode("utf-8", "surrogatepass"))
        except BadBody as e:
            log.warning("dingtalk stream frame is not JSON; dropped", extra={"error": str(e)})
            self.skipped += 1
            return True
        headers = frame.get("headers") if isinstance(frame, dict) else None
        if not isinstance(frame, dict) or not isinstance(headers, dict):
            log.warning("dingtalk stream frame has no headers; dropped")
            self.skipped += 1
            return True
        kind, topic, message_id = frame.get("type"), headers.get("topic"), headers.get("messageId")
        if kind == "SYSTEM" and topic == "disconnect":
            log.info("dingtalk stream asked to reconnect", extra={"data": str(frame.get("data"))[:200]})
            return False
        if not isinstance(message_id, str) or not message_id:
            log.warning("dingtalk stream frame has no messageId; dropped", extra={"type": str(kind)})
            self.skipped += 1
            return True
        if kind == "SYSTEM":
            if topic != "ping":
                log.info("dingtalk stream system frame ignored", extra={"topic": str(topic)})
            # A ping's ack echoes its data (the opaque); other SYSTEM frames are acked the same way.
            await self._ack(ws, message_id, frame.get("data") if isinstance(frame.get("data"), str) else "{}")
            return True
        if kind not in ("CALLBACK", "EVENT"):
            return await self._skip(ws, message_id, f"unknown frame type {kind!r}", kind)
        try:
            data = loads_json(str(frame.get("data", "")).encode("utf-8", "surrogatepass"))
            if not isinstance(data, dict):
                raise BadCallback("frame data is not a JSON object")
            message = self._message(kind, topic, headers, data)
        except (BadBody, BadCallback) as e:
            # Unusable as sent, and it would be the same on every re-push: log it and ack it, so that
            # DingTalk does not push it forever (the log keeps what it was).
            return await self._skip(ws, message_id, str(e), kind, frame)
        if message is None:
            return await self._skip(ws, message_id, f"unsubscribed topic {topic!r}", kind)
        try:
            await self._accept([message])
        except Exception:
            log.warning(
                "dingtalk stream frame not stored; left for DingTalk to push again",
                exc_info=True,
                extra={"platform_msg_id": message.platform_msg_id},
            )
            self.held += 1
            if kind == "EVENT":
                await self._ack(ws, message_id, json.dumps(EVENT_LATER), count=False)
            return True
        await self._ack(ws, message_id, json.dumps(EVENT_SUCCESS if kind == "EVENT" else {"response": None}))
        return True

    def _message(
        self, kind: str, topic: object, headers: Mapping[str, Any], data: dict[str, Any]
    ) -> Message | None:
        if kind == "EVENT":
            return inbound.event(headers, data)
        if topic == ROBOT_TOPIC:
            return inbound.robot_message(data)
        if topic == CARD_TOPIC:
            return inbound.card_callback(data, self._clock.now())
        return None

    async def _skip(
        self,
        ws: aiohttp.ClientWebSocketResponse,
        message_id: str,
        why: str,
        kind: object,
        frame: object = None,
    ) -> bool:
        log.warning(
            "dingtalk stream frame skipped and acked",
            extra={"reason": why, "message_id": message_id, "type": str(kind), "frame": str(frame)[:2000]},
        )
        self.skipped += 1
        data = json.dumps(EVENT_SUCCESS if kind == "EVENT" else {"response": None})
        await self._ack(ws, message_id, data, count=False)
        return True

    async def _ack(
        self, ws: aiohttp.ClientWebSocketResponse, message_id: str, data: str, count: bool = True
    ) -> None:
        ack = {
            "code": 200,
            "headers": {"contentType": "application/json", "messageId": message_id},
            "message": "OK",
            "data": data,
        }
        await ws.send_str(json.dumps(ack, ensure_ascii=False))
        if count:
            self.acked += 1


def _local_ip() -> str:
    """This host's address on its default route, for the gateway's records (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            return str(s.getsockname()[0])
    except OSError:
        return ""
