"""A fake DingTalk server for the sending side, for tests and the demo.

`FakeDingTalk` holds the platform's state and behaviours: expiring and revocable tokens, robot 1:1 and group
messages that check their msgKey and msgParam string, flow-controlled and unknown members, media uploads
(上传媒体文件, in dingtalk_media) that pictures and files must name, interactive cards updated in place,
session webhooks that expire, the custom group robot with its sign and 20-a-minute limit, and injected
failures. `serve_fake_dingtalk` runs it on 127.0.0.1 port 0 and answers both the new API (api_base) and
the old one (oapi_base) paths; a Stream gateway fake can mount its routes on the same app.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from aiohttp import web

from bot.channels.dingtalk.client import (
    BATCH_SEND,
    CARD_SEND,
    CARD_UPDATE,
    GROUP_SEND,
    ROBOT_SEND,
    TOKEN_PATH,
)
from bot.channels.dingtalk.media import MEDIA_UPLOAD
from bot.channels.dingtalk.sign import verify
from bot.channels.errors import BadCallback, SignatureError
from bot.clock import Clock
from bot.config import DingTalkConfig
from bot.fakes.dingtalk_media import MEDIA_LIMITS, FakeMedia, Form
from bot.fakes.dingtalk_media import Refused as _Refused

SESSION_SEND = "/robot/sendBySession"  # the path of the sessionWebhook URLs the fake hands out
SESSION_TTL = timedelta(minutes=90)
ROBOT_PER_MINUTE = 20

# An app as tests and the demo configure it (an enterprise-internal app's robotCode is its AppKey).
SAMPLE_DINGTALK = DingTalkConfig(
    enabled=True,
    mode="stream",
    app_key="dingsampleappkey0001",
    app_secret="sample-app-secret-for-tests-only",
    robot_code="dingsampleappkey0001",
)


def _actions(n: int) -> tuple[str, ...]:
    return ("title", "text", *(f"action{k}{i}" for i in range(1, n + 1) for k in ("Title", "URL")))


# msgKey -> the msgParam keys it requires (企业机器人发送消息的消息类型).
MSG_PARAMS: dict[str, tuple[str, ...]] = {
    "sampleText": ("content",),
    "sampleMarkdown": ("title", "text"),
    "sampleImageMsg": ("photoURL",),  # a public image URL or a media_id from media/upload
    "sampleFile": ("mediaId", "fileName", "fileType"),  # fileType: the extension ("xlsx")
    "sampleLink": ("text", "title", "picUrl", "messageUrl"),
    "sampleActionCard": ("title", "text", "singleTitle", "singleURL"),
    "sampleActionCard2": _actions(2),  # vertical buttons: actionTitle1/actionURL1 ...
    "sampleActionCard3": _actions(3),
    "sampleActionCard4": _actions(4),
    "sampleActionCard5": _actions(5),
    "sampleActionCard6": ("title", "text", "buttonTitle1", "buttonUrl1", "buttonTitle2", "buttonUrl2"),
}
SESSION_MSGTYPES = {"text", "markdown", "actionCard", "link", "feedCard"}
BAD_TOKEN, NO_TOKEN, TOKEN_EXPIRED = 40014, 41001, 42001  # the old API's refused access_token


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any  # parsed JSON, or None


@dataclass
class Delivered:
    how: str  # batch | session | card | card_update
    msg_key: str  # the msgKey, the session body's msgtype, or the card's template id
    params: dict[str, Any]
    at: datetime


@dataclass
class Posted:
    how: str  # group | webhook
    msg_key: str
    params: dict[str, Any]
    at: datetime


@dataclass
class Card:
    biz_id: str
    template_id: str
    user: str
    params: dict[str, str]
    updates: int = 0


@dataclass
class Fault:
    path: str
    status: int
    code: str
    times: int
    delay: float | None = None
    disconnect: bool = False
    body: dict[str, Any] | None = None


@dataclass
class _Session:
    user: str
    conversation_id: str
    expires_at: datetime


class Gateway(Protocol):
    def add_routes(self, app: web.Application) -> None: ...


class FakeDingTalk:
    def __init__(
        self,
        app_key: str,
        app_secret: str,
        robot_code: str,
        clock: Clock,
        *,
        users: set[str] | None = None,
        webhooks: dict[str, str] | None = None,
        token_ttl: int = 7200,
    ) -> None:
        self.app_key, self.app_secret, self.robot_code, self.clock = app_key, app_secret, robot_code, clock
        self.users = set(users or ())
        self.webhooks = dict(webhooks or {})  # custom robot access_token -> secret ("" for no 加签)
        self.token_ttl = token_ttl
        self.base_url = ""  # set by serve_fake_dingtalk
        self.tokens: dict[str, datetime] = {}
        self.revoked: set[str] = set()
        self.requests: list[Recorded] = []
        self.received: dict[str, list[Delivered]] = {}
        self.posts: dict[str, list[Posted]] = {}
        self.cards: dict[str, Card] = {}
        self.sessions: dict[str, _Session] = {}
        self.flow: dict[str, int] = {}
        self.faults: list[Fault] = []
        self.robot_sent: dict[str, list[datetime]] = {}
        self.uploads = FakeMedia()
        self.media = self.uploads.data  # media_id -> the uploaded bytes
        self.media_names = self.uploads.names  # media_id -> the file name it was uploaded with
        self.released = asyncio.Event()  # set on shutdown so delayed answers end

    @classmethod
    def for_config(cls, config: DingTalkConfig, clock: Clock, **kw: Any) -> FakeDingTalk:
        return cls(config.app_key, config.app_secret, config.robot_code, clock, **kw)

    # -- scripting ---------------------------------------------------------------------------------------

    def inject(
        self,
        path: str,
        status: int,
        code: str = "",
        times: int = 1,
        *,
        delay: float | None = None,
        disconnect: bool = False,
        body: dict[str, Any] | None = None,
    ) -> None:
        """Fail the next `times` calls to `path` (e.g. BATCH_SEND): with `status` and a JSON error body with
        `code` (on the old API's paths: HTTP 200 and errcode int(code)) or `body` itself, after `delay`
        seconds (longer than the client's timeout), or by dropping the connection."""
        self.faults.append(Fault(path, status, code, times, delay, disconnect, body))

    def revoke_tokens(self) -> None:
        """Every token issued so far is refused from now on (HTTP 401 InvalidAuthentication)."""
        self.revoked.update(self.tokens)

    def flow_control(self, user: str, times: int = 1) -> None:
        """The next `times` sends to `user` come back in flowControlledStaffIdList, undelivered."""
        self.flow[user] = self.flow.get(user, 0) + times

    def session_webhook(self, user: str, conversation_id: str = "") -> tuple[str, int]:
        """A sessionWebhook on this server as a robot message would carry it: (URL, expiry in ms)."""
        if not self.base_url:
            raise RuntimeError("serve the fake (serve_fake_dingtalk) before making session webhooks")
        session = secrets.token_hex(8)
        expires = self.clock.now() + SESSION_TTL
        self.sessions[session] = _Session(user, conversation_id, expires)
        return f"{self.base_url}{SESSION_SEND}?session={session}", int(expires.timestamp() * 1000)

    def delivered(self, user: str) -> list[Delivered]:
        return list(self.received.get(user, []))

    def group_posts(self, conversation_or_access_token: str) -> list[Posted]:
        return list(self.posts.get(conversation_or_access_token, []))

    def calls(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.path == path]

    # -- HTTP --------------------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        oapi = _is_oapi(path)
        form: Form = {}
        if request.content_type == "multipart/form-data":
            async for part in await request.multipart():
                form[part.name or ""] = (part.filename, await part.read())  # type: ignore[union-attr]
            # recorded without the bytes (fake.media holds what was stored)
            body: Any = {
                k: {"filename": f, "size": len(v)} if f else v.decode() for k, (f, v) in form.items()
            }
        else:
            try:
                body = json.loads(await request.read()) if request.can_read_body else None
            except ValueError:
                body = None
        headers = {k.lower(): v for k, v in request.headers.items()}
        self.requests.append(Recorded(request.method, path, dict(request.query), headers, body))
        try:
            fault = await self._fault(request, path)
            if fault is not None:
                return fault
            if path == MEDIA_UPLOAD:
                self._check_oapi_token(request.query.get("access_token", ""))
                stored = self.uploads.upload(request.query.get("type", ""), form, self.clock.now())
                return _json({"errcode": 0, "errmsg": "ok", **stored})
            if not isinstance(body, dict):
                raise _Refused(400, 43004 if oapi else "MissingBody", "body is not a JSON object")
            if oapi:
                return _json({"errcode": 0, "errmsg": "ok", **self._oapi(path, request.query, body)})
            if path != TOKEN_PATH:
                self._check_token(headers.get("x-acs-dingtalk-access-token", ""))
            return _json(self._api(path, body))
        except _Refused as r:
            if oapi:
                return _json({"errcode": r.code, "errmsg": r.message}, status=r.status)
            error = {"code": r.code, "message": r.message, "requestid": secrets.token_hex(8).upper()}
            return _json(error, status=r.status)

    async def _fault(self, request: web.Request, path: str) -> web.StreamResponse | None:
        fault = next((f for f in self.faults if f.times > 0 and f.path == path), None)
        if fault is None:
            return None
        fault.times -= 1
        if fault.delay is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(self.released.wait(), fault.delay)
        if fault.disconnect:
            assert request.transport is not None
            request.transport.abort()
            return web.Response()
        if fault.body is not None:
            return _json(fault.body, status=fault.status)
        if _is_oapi(path) and fault.status == 200:
            raise _Refused(200, int(fault.code), "injected")
        raise _Refused(fault.status, fault.code, "injected")

    def _api(self, path: str, b: dict[str, Any]) -> dict[str, Any]:
        if path == TOKEN_PATH:
            return self._token(b)
        if path in (BATCH_SEND, GROUP_SEND) and b.get("robotCode") != self.robot_code:
            raise _Refused(404, "resource.not.found", "robot 不存在")
        if path == BATCH_SEND:
            return self._batch(b)
        if path == GROUP_SEND:
            return self._group(b)
        if path == CARD_SEND:
            return self._card_send(b)
        if path == CARD_UPDATE:
            return self._card_update(b)
        raise _Refused(404, "NotFound", "no such api")

    def _oapi(self, path: str, query: Any, b: dict[str, Any]) -> dict[str, Any]:
        if path == SESSION_SEND:
            return self._session_send(query.get("session", ""), b)
        if path == ROBOT_SEND:
            return self._robot_send(query, b)
        raise _Refused(404, 404, "请求的URI地址不存在")

    # -- token ---------------------------------------------------------------------------------------------

    def _token(self, b: dict[str, Any]) -> dict[str, Any]:
        if b.get("appKey") != self.app_key or b.get("appSecret") != self.app_secret:
            raise _Refused(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret")
        token = f"dt{len(self.tokens) + 1}_{secrets.token_hex(6)}"
        self.tokens[token] = self.clock.now() + timedelta(seconds=self.token_ttl)
        return {"accessToken": token, "expireIn": self.token_ttl}

    def _check_token(self, token: str) -> None:
        expires = self.tokens.get(token)
        if expires is None or token in self.revoked or self.clock.now() >= expires:
            raise _Refused(401, "InvalidAuthentication", "不合法的access_token")

    def _check_oapi_token(self, token: str) -> None:
        """The same tokens on the old API, refused in its style: an errcode with HTTP 200."""
        expires = self.tokens.get(token)
        if not token:
            raise _Refused(200, NO_TOKEN, "缺少access_token参数")
        if expires is None or token in self.revoked:
            raise _Refused(200, BAD_TOKEN, "不合法的access_token")
        if self.clock.now() >= expires:
            raise _Refused(200, TOKEN_EXPIRED, "access_token超时")

    # -- robot messages --------------------------------------------------------------------------------------

    def _msg(self, b: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        key, raw = b.get("msgKey"), b.get("msgParam")
        if key not in MSG_PARAMS:
            raise _Refused(400, "param.error", f"unknown msgKey {key!r}")
        if not isinstance(raw, str):
            raise _Refused(400, "param.error", "msgParam must be a JSON string")
        try:
            params = json.loads(raw)
        except ValueError:
            raise _Refused(400, "param.error", "msgParam is not JSON") from None
        missing = [p for p in MSG_PARAMS[key] if not isinstance(params, dict) or p not in params]
        if missing:
            raise _Refused(400, "param.error", f"msgParam lacks {', '.join(missing)}")
        self.uploads.check_message(key, params)
        return key, params

    def _batch(self, b: dict[str, Any]) -> dict[str, Any]:
        users = b.get("userIds")
        if not isinstance(users, list) or not 1 <= len(users) <= 20:
            raise _Refused(400, "param.error", "userIds: 1 to 20 user ids")
        key, params = self._msg(b)
        invalid = [u for u in users if u not in self.users]
        if len(invalid) == len(users):
            raise _Refused(400, "staffId.notExisted", "员工不存在")
        flowed = []
        for user in (u for u in users if u in self.users):
            if self.flow.get(user, 0) > 0:
                self.flow[user] -= 1
                flowed.append(user)
                continue
            self.received.setdefault(user, []).append(Delivered("batch", key, params, self.clock.now()))
        return {
            "processQueryKey": secrets.token_hex(12),
            "invalidStaffIdList": invalid,
            "flowControlledStaffIdList": flowed,
        }

    def _group(self, b: dict[str, Any]) -> dict[str, Any]:
        conversation = b.get("openConversationId")
        if not isinstance(conversation, str) or not conversation:
            raise _Refused(400, "param.error", "openConversationId is required")
        key, params = self._msg(b)
        self.posts.setdefault(conversation, []).append(Posted("group", key, params, self.clock.now()))
        return {"processQueryKey": secrets.token_hex(12)}

    # -- cards -----------------------------------------------------------------------------------------------

    @staticmethod
    def _card_params(b: dict[str, Any]) -> dict[str, str]:
        data = b.get("cardData")
        params = data.get("cardParamMap") if isinstance(data, dict) else None
        if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
            raise _Refused(400, "param.error", "cardData.cardParamMap must map names to strings")
        return params

    def _card_send(self, b: dict[str, Any]) -> dict[str, Any]:
        template, track = b.get("cardTemplateId"), b.get("outTrackId")
        if not isinstance(template, str) or not template or not isinstance(track, str) or not track:
            raise _Refused(400, "param.error", "cardTemplateId and outTrackId are required")
        deliver = b.get("imRobotOpenDeliverModel")
        if not isinstance(deliver, dict) or deliver.get("robotCode") != self.robot_code:
            raise _Refused(400, "resource.not.found", "robot not found")
        if b.get("callbackType") not in ("STREAM", "HTTP"):
            raise _Refused(400, "param.error", "callbackType must be STREAM or HTTP")
        space = str(b.get("openSpaceId", ""))
        user = (
            space.removeprefix("dtv1.card//IM_ROBOT.") if space.startswith("dtv1.card//IM_ROBOT.") else None
        )
        if user not in self.users:
            raise _Refused(400, "staffId.notExisted", "员工不存在")
        params = self._card_params(b)
        if track not in self.cards:  # the same outTrackId again: no second card, the first unchanged
            self.cards[track] = Card(track, template, user, dict(params))
            self.received.setdefault(user, []).append(Delivered("card", template, params, self.clock.now()))
        return {"success": True, "result": {"outTrackId": track}}

    def _card_update(self, b: dict[str, Any]) -> dict[str, Any]:
        card = self.cards.get(str(b.get("outTrackId", "")))
        if card is None:
            raise _Refused(400, "param.error", "no card with this outTrackId")
        by_key = (b.get("cardUpdateOptions") or {}).get("updateCardDataByKey")
        params = self._card_params(b)
        card.params = {**card.params, **params} if by_key else dict(params)
        card.updates += 1
        self.received.setdefault(card.user, []).append(
            Delivered("card_update", card.template_id, dict(card.params), self.clock.now())
        )
        return {"success": True}

    # -- webhooks --------------------------------------------------------------------------------------------

    @staticmethod
    def _robot_message(b: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        msgtype = b.get("msgtype")
        if msgtype not in SESSION_MSGTYPES or not isinstance(b.get(msgtype), dict):
            raise _Refused(200, 40035, "缺少参数 msgtype 或其内容")
        return str(msgtype), dict(b[msgtype])

    def _session_send(self, session_id: str, b: dict[str, Any]) -> dict[str, Any]:
        session = self.sessions.get(session_id)
        if session is None or self.clock.now() >= session.expires_at:
            raise _Refused(200, 300001, "session 不存在")
        msgtype, params = self._robot_message(b)
        self.received.setdefault(session.user, []).append(
            Delivered("session", msgtype, params, self.clock.now())
        )
        return {}

    def _robot_send(self, query: Any, b: dict[str, Any]) -> dict[str, Any]:
        token = query.get("access_token", "")
        if token not in self.webhooks:
            raise _Refused(200, 300001, "token is not exist")
        secret = self.webhooks[token]
        if secret:
            try:
                verify(secret, query.get("timestamp"), query.get("sign"), self.clock.now())
            except SignatureError:
                raise _Refused(200, 310000, "sign not match") from None
            except BadCallback:
                raise _Refused(200, 310000, "invalid timestamp") from None
        now = self.clock.now()
        recent = [at for at in self.robot_sent.get(token, []) if at > now - timedelta(minutes=1)]
        self.robot_sent[token] = recent
        if len(recent) >= ROBOT_PER_MINUTE:
            raise _Refused(200, 130101, "send too fast, exceed 20 times per minute")
        msgtype, params = self._robot_message(b)
        recent.append(now)
        self.posts.setdefault(token, []).append(Posted("webhook", msgtype, params, now))
        return {}


def _is_oapi(path: str) -> bool:
    """Paths of the old API (oapi_base): errcodes in HTTP 200 answers rather than status codes."""
    return path.startswith("/robot/") or path == MEDIA_UPLOAD


def _json(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


FAKE_KEY = web.AppKey("fake_dingtalk", FakeDingTalk)
_POSTS = (TOKEN_PATH, BATCH_SEND, GROUP_SEND, CARD_SEND, ROBOT_SEND, SESSION_SEND, MEDIA_UPLOAD)
ROUTES = [("POST", p) for p in _POSTS] + [("PUT", CARD_UPDATE)]


def create_fake_dingtalk(fake: FakeDingTalk, gateway: Gateway | None = None) -> web.Application:
    # room for the largest upload (20 MB) and its multipart framing
    app = web.Application(client_max_size=max(MEDIA_LIMITS.values()) + 64 * 1024)
    app[FAKE_KEY] = fake
    for method, path in ROUTES:
        app.router.add_route(method, path, fake.handle)
    if gateway is not None:
        gateway.add_routes(app)

    async def release(_: web.Application) -> None:
        fake.released.set()

    app.on_shutdown.append(release)
    return app


@asynccontextmanager
async def serve_fake_dingtalk(fake: FakeDingTalk, gateway: Gateway | None = None) -> AsyncIterator[str]:
    """Run the fake on 127.0.0.1 port 0; yields its base URL (use it as both api_base and oapi_base)."""
    runner = web.AppRunner(create_fake_dingtalk(fake, gateway), shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        fake.base_url = f"http://127.0.0.1:{runner.addresses[0][1]}"
        yield fake.base_url
    finally:
        fake.released.set()
        await runner.cleanup()
