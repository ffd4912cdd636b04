"""The console channel: a page served by the bot itself where anyone in [org], or a customer, chats
with the bot and watches their inbox live, with no WeChat Work or DingTalk account.

It is a channel like the others: what is typed becomes a `Message` (platform "console") accepted by
the pipeline, and what the bot says comes back through the outbox to `deliver`, which hands it to
the browsers watching that person over server-sent events. A sender id starting with
"guest:" is a customer (their messages are inquiries); any other is a person's [org] id. This
module holds no storage: the app injects `accept`, `people` and `history`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.channels.base import Accept, ChannelBase, Limits
from bot.channels.body import BadBody, loads_json, read_capped
from bot.clock import Clock
from bot.types import Message, MessageKind, Outgoing, Platform
from bot.web.access import BROWSER_HEADERS, check_console_access

log = logging.getLogger("salesbot.console")

STATIC = Path(__file__).resolve().parent / "static"
GUEST = "guest:"
MAX_BODY = 16 * 1024
MAX_TEXT = 2000
MAX_ID = 100
HEARTBEAT = 15.0  # seconds between keep-alive comments, so proxies do not close an idle stream
STREAM_HEADERS = {"Content-Type": "text/event-stream", "Cache-Control": "no-store", "X-Accel-Buffering": "no"}
QUEUE_LIMIT = 200  # a browser this far behind is dropped; it reloads its history when it reconnects
MAX_STREAMS = 8  # open event streams per client address and person watched; more is a runaway page

People = Callable[[], Awaitable[list[dict[str, Any]]]]
History = Callable[[str], Awaitable[list[dict[str, Any]]]]


class ConsoleHub:
    """Who is watching which inbox: one queue per open event stream."""

    def __init__(self) -> None:
        self._watchers: dict[str, set[asyncio.Queue[dict[str, Any] | None]]] = {}

    def subscribe(self, target: str) -> asyncio.Queue[dict[str, Any] | None]:
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(QUEUE_LIMIT)
        self._watchers.setdefault(target, set()).add(queue)
        return queue

    def unsubscribe(self, target: str, queue: asyncio.Queue[dict[str, Any] | None]) -> None:
        watchers = self._watchers.get(target, set())
        watchers.discard(queue)
        if not watchers:
            self._watchers.pop(target, None)

    def watching(self, target: str) -> int:
        return len(self._watchers.get(target, ()))

    def publish(self, target: str, event: dict[str, Any]) -> None:
        for queue in list(self._watchers.get(target, ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                log.warning("console watcher too slow, dropped", extra={"target": target})
                self.unsubscribe(target, queue)
                _close(queue)

    def close(self) -> None:
        """Ends every stream (at shutdown), so no handler keeps the server waiting."""
        for queues in self._watchers.values():
            for queue in queues:
                _close(queue)
        self._watchers.clear()


def _close(queue: asyncio.Queue[dict[str, Any] | None]) -> None:
    while True:  # make room for the end mark
        try:
            queue.put_nowait(None)
            return
        except asyncio.QueueFull:
            queue.get_nowait()


Simulation = tuple[str, Callable[[], Awaitable[str]]]  # a button's label, and what it does


class BadRequest(Exception):
    """The request cannot be a console message; the text says why."""


def console_message(data: object, clock: Clock) -> Message:
    """The `Message` for a posted `{"as", "id", "text", "kind"?, "name"?}`; raises BadRequest."""
    if not isinstance(data, dict):
        raise BadRequest("body must be a JSON object")
    sender, msg_id, text = (data.get(k) for k in ("as", "id", "text"))
    kind = data.get("kind", "text")
    for name, value, limit in (("as", sender, 64), ("id", msg_id, MAX_ID), ("text", text, MAX_TEXT)):
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise BadRequest(f"{name!r} must be a non-empty string of at most {limit} characters")
    assert isinstance(sender, str) and isinstance(msg_id, str) and isinstance(text, str)
    if not msg_id.isprintable() or not sender.isprintable():
        raise BadRequest("'as' and 'id' must be printable")
    if kind not in ("text", "button"):
        raise BadRequest("'kind' must be 'text' or 'button'")
    guest = sender.startswith(GUEST)
    form: dict[str, str] = {}
    message_kind: MessageKind = kind
    if guest:
        if kind != "text":
            raise BadRequest("a customer sends text only")
        message_kind = "inquiry"
        form["source"] = "console"
        name = data.get("name")
        if isinstance(name, str) and name.strip():
            form["name"] = name.strip()[:64]
    return Message(
        platform="console",
        platform_msg_id=msg_id,
        sender_id=sender,
        kind=message_kind,
        text=text.strip(),
        sent_at=clock.now(),
        form=form,
        raw={"source": "console", **form},
    )


class ConsoleChannel(ChannelBase):
    platform: Platform = "console"
    # A card it shows can be greyed out by its handle whenever: the page replays updates from history.
    limits = Limits(text_bytes=64 * 1024, buttons=6, card_update_window=timedelta.max)

    def __init__(
        self,
        clock: Clock,
        hub: ConsoleHub,
        accept: Accept,
        people: People,
        history: History,
        simulation: Simulation | None = None,
    ) -> None:
        """`simulation`: a button's label and what it does (make an ad form lead, for trying the bot)."""
        self._clock, self._hub = clock, hub
        self._accept, self._people, self._history = accept, people, history
        self._simulation = simulation
        self._streams: dict[tuple[str, str], int] = {}  # (client address, target) -> open event streams

    async def deliver(self, item: Outgoing) -> str | None:
        """Delivered means handed to the browsers watching now; the outbox row (sent, with this handle)
        is the history a browser reads when it opens the page, and the handle drops the double. A card
        update names the handle of the card it greys out (a closed alert's card)."""
        handle = f"console-{uuid.uuid4().hex}"
        at = self._clock.now().isoformat()
        self._hub.publish(
            item.target, {"handle": handle, "kind": item.kind, "payload": item.as_json(), "at": at}
        )
        return handle

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/console", self.page)
        app.router.add_get("/console/", self.page)
        app.router.add_static("/console/static", STATIC)
        app.router.add_get("/console/api/people", self.people)
        app.router.add_get("/console/api/history", self.history)
        app.router.add_get("/console/api/events", self.events)
        app.router.add_post("/console/api/messages", self.post)
        app.router.add_post("/console/api/simulate", self.simulate)
        app.on_response_prepare.append(_browser_headers)
        app.on_shutdown.append(self._shutdown)

    async def _shutdown(self, app: web.Application) -> None:
        self._hub.close()

    async def page(self, request: web.Request) -> web.StreamResponse:
        check_console_access(request)
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    async def people(self, request: web.Request) -> web.Response:
        check_console_access(request)
        simulate = self._simulation[0] if self._simulation else None
        return web.json_response({"people": await self._people(), "simulate": simulate})

    async def simulate(self, request: web.Request) -> web.Response:
        check_console_access(request)
        if self._simulation is None:
            return _error(404, "no simulation here")
        if request.content_type != "application/json":  # as for messages: no cross-site form posts
            return _error(415, "send application/json")
        sent = await self._simulation[1]()
        log.info("console simulation", extra={"sent": sent})
        return web.json_response({"sent": sent}, status=202)

    async def history(self, request: web.Request) -> web.Response:
        check_console_access(request)
        return web.json_response({"messages": await self._history(_target(request))})

    async def post(self, request: web.Request) -> web.Response:
        check_console_access(request)
        # JSON only: a page on another site cannot send it without a CORS preflight, which fails here.
        if request.content_type != "application/json":
            return _error(415, "send application/json")
        body = await read_capped(request, MAX_BODY)
        if body is None:
            return _error(413, f"body larger than {MAX_BODY} bytes")
        try:
            message = console_message(loads_json(body), self._clock)
        except (BadBody, BadRequest) as e:
            return _error(400, str(e))
        if not message.sender_id.startswith(GUEST) and message.sender_id not in {
            p["key"] for p in await self._people()
        }:
            return _error(400, f"no person {message.sender_id!r} in [org]; customers are 'guest:...'")
        accepted = bool(await self._accept([message]))
        log.info("console message", extra={"sender": message.sender_id, "duplicate": not accepted})
        return web.json_response({"accepted": accepted}, status=202 if accepted else 200)

    async def events(self, request: web.Request) -> web.StreamResponse:
        check_console_access(request)
        target = _target(request)
        key = (request.remote or "", target)
        if self._streams.get(key, 0) >= MAX_STREAMS:
            log.warning("console event streams capped", extra={"target": target, "client": key[0]})
            raise web.HTTPTooManyRequests(text=f"at most {MAX_STREAMS} open event streams per person watched")
        response = web.StreamResponse(headers=STREAM_HEADERS)
        self._streams[key] = self._streams.get(key, 0) + 1
        queue = self._hub.subscribe(target)
        try:
            await response.prepare(request)
            await response.write(b"event: ready\ndata: {}\n\n")
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), HEARTBEAT)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                if event is None:
                    break
                await response.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
        except ConnectionResetError:
            pass  # the browser went away
        finally:
            self._hub.unsubscribe(target, queue)
            self._release(key)
        return response

    def _release(self, key: tuple[str, str]) -> None:
        left = self._streams.pop(key) - 1
        if left:
            self._streams[key] = left


async def _browser_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Every console response (the page, its assets, the API, refusals) gets BROWSER_HEADERS."""
    if request.path == "/console" or request.path.startswith("/console/"):
        for name, value in BROWSER_HEADERS.items():
            response.headers.setdefault(name, value)


def _target(request: web.Request) -> str:
    target = request.query.get("as", "").strip()
    if not target or len(target) > 64 or not target.isprintable():
        raise web.HTTPBadRequest(text="?as= must name a person's [org] id or a guest:... customer")
    return target


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)
