"""A fake WeChat Work API server and a callback driver, for tests and the demo.

`FakeWeCom` holds the platform's state and behaviours (expiring and revocable tokens, silent per-member
drops, duplicate check, single-use response codes, 微信客服 paging and limits); `create_fake_wecom` serves
it as an aiohttp app and `serve_fake_wecom` runs it on 127.0.0.1 port 0. `CallbackDriver` builds signed,
encrypted callbacks (and broken ones) as (query params, body) pairs for POST /wecom/callback.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web

from bot.channels.errors import BadCallback, SignatureError
from bot.channels.wecom.crypto import MAX_BODY_BYTES, WeComCrypto
from bot.clock import Clock
from bot.config import WeComConfig

OK = {"errcode": 0, "errmsg": "ok"}

# An app as tests, benchmarks and the demo configure it: the CorpID, Token and EncodingAESKey of
# WeChat Work's own callback sample, so its published vectors decrypt with the same settings.
SAMPLE_APP = WeComConfig(
    enabled=True,
    corp_id="ww1436e0e65a779aee",
    agent_id=1000002,
    secret="s3cret",
    token="hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
    encoding_aes_key="6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
)
REUSED_RESPONSE_CODE = 40058  # the fake's answer to a used/unknown response_code (code not documented)
UNKNOWN_CONTACT = 40096  # invalid external_userid
KF_TOO_MANY, KF_WINDOW_CLOSED = 95001, 95002
# media/upload: what each type may weigh (the platform's documented limits; every type more than 5 bytes)
MEDIA_LIMITS = {"image": 10 * 1024 * 1024, "voice": 2 * 1024 * 1024, "video": 10 * 1024 * 1024,
                "file": 20 * 1024 * 1024}  # fmt: skip
INVALID_MEDIA_TYPE, INVALID_MEDIA_SIZE, INVALID_MEDIA_ID = 40005, 40006, 40007


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any  # parsed JSON, or None


@dataclass
class Delivered:
    msgtype: str
    payload: dict[str, Any]
    at: datetime
    dropped: bool = False  # over the member's rate: answered success, never shown
    duplicate: bool = False  # suppressed by enable_duplicate_check
    response_code: str | None = None  # a button card's: what the click event carries, to update the card


@dataclass
class Fault:
    path: str | None
    times: int
    errcode: int | None = None
    http_status: int | None = None
    disconnect: bool = False
    delay: float | None = None
    block: timedelta | None = None


@dataclass
class _Kf:
    log: list[dict[str, Any]] = field(default_factory=list)
    last_customer: dict[str, datetime] = field(default_factory=dict)
    replies: dict[str, int] = field(default_factory=dict)


class FakeWeCom:
    def __init__(
        self,
        config: WeComConfig,
        clock: Clock,
        *,
        users: set[str] | None = None,
        token_ttl: int = 7200,
        member_limit: int = 30,
        member_hour_limit: int = 1000,
        webhook_keys: set[str] | None = None,
    ) -> None:
        self.config, self.clock, self.token_ttl, self.member_limit = config, clock, token_ttl, member_limit
        self.member_hour_limit = member_hour_limit
        self.users = set(users or ())
        self.webhook_keys = set(webhook_keys or ())
        self.tokens: dict[str, datetime] = {}
        self.revoked: dict[str, int] = {}
        self.requests: list[Recorded] = []
        self.received: dict[str, list[Delivered]] = {}
        self.contacts: dict[str, dict[str, Any]] = {}
        self.response_codes: dict[str, bool] = {}  # code -> used
        self.card_updates: list[dict[str, Any]] = []
        self.media: dict[str, bytes] = {}
        self.media_names: dict[str, str] = {}  # media_id -> the file name it was uploaded with
        self.webhooks: list[tuple[str, Any]] = []
        self.kf: dict[str, _Kf] = {}
        self.faults: list[Fault] = []
        self.blocked: dict[str | None, tuple[int, datetime]] = {}
        self.released = asyncio.Event()  # set on shutdown so delayed answers end
        # Told (user, delivery) as each message/send is recorded: a benchmark times replies with it.
        self.on_delivered: Callable[[str, Delivered], None] | None = None

    # -- scripting ---------------------------------------------------------------------------------------

    def inject(
        self,
        *,
        errcode: int | None = None,
        http_status: int | None = None,
        disconnect: bool = False,
        delay: float | None = None,
        block: timedelta | None = None,
        times: int = 1,
        path: str | None = None,
    ) -> None:
        """Fail the next `times` calls (to `path`, e.g. "/cgi-bin/message/send", or any): with an errcode
        (with `block`, every call meanwhile gets it too), an HTTP status with an HTML body, a dropped
        connection, or an answer delayed by `delay` seconds (longer than the client's timeout)."""
        self.faults.append(Fault(path, times, errcode, http_status, disconnect, delay, block))

    def revoke_tokens(self, errcode: int = 40014) -> None:
        """Every token issued so far is refused from now on with `errcode` (40014 or 42001)."""
        self.revoked.update(dict.fromkeys(self.tokens, errcode))

    def customer_writes(self, open_kfid: str, external_userid: str, content: str) -> None:
        kf = self.kf.setdefault(open_kfid, _Kf())
        at = self.clock.now()
        msgid = f"kfmsg{len(kf.log) + 1}"
        kf.log.append(
            {
                "msgid": msgid,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "send_time": int(at.timestamp()),
                "origin": 3,
                "msgtype": "text",
                "text": {"content": content},
            }
        )
        kf.last_customer[external_userid] = at
        kf.replies[external_userid] = 0

    def delivered(self, user: str) -> list[Delivered]:
        return [d for d in self.received.get(user, []) if not d.dropped and not d.duplicate]

    def dropped(self, user: str) -> list[Delivered]:
        return [d for d in self.received.get(user, []) if d.dropped]

    def calls(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.path == path]

    # -- HTTP --------------------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body: Any = None
        form: dict[str, Any] = {}
        if request.content_type == "multipart/form-data":
            async for part in await request.multipart():
                form[part.name or ""] = (part.filename, await part.read())  # type: ignore[union-attr]
        elif request.can_read_body:
            try:
                body = json.loads(await request.read())
            except ValueError:
                return _json({"errcode": 47001, "errmsg": "data format error"})
        path = request.path
        self.requests.append(Recorded(request.method, path, dict(request.query), body))
        fault = await self._fault(request, path)
        if fault is not None:
            return fault
        if path == "/cgi-bin/gettoken":
            return _json(self._gettoken(request.query))
        if path == "/cgi-bin/webhook/send":
            return _json(self._webhook(request.query.get("key", ""), body))
        refused = self._check_token(request.query.get("access_token", ""))
        if refused:
            return _json(refused)
        route = {
            "/cgi-bin/message/send": lambda: self._send(body or {}),
            "/cgi-bin/message/update_template_card": lambda: self._update_card(body or {}),
            "/cgi-bin/media/upload": lambda: self._upload(request.query.get("type", ""), form),
            "/cgi-bin/externalcontact/get": lambda: self._contact(request.query.get("external_userid", "")),
            "/cgi-bin/kf/sync_msg": lambda: self._kf_sync(body or {}),
            "/cgi-bin/kf/send_msg": lambda: self._kf_send(body or {}),
        }.get(path)
        if route is None:
            return _json({"errcode": 404, "errmsg": "no such api"}, status=404)
        return _json(route())

    async def _fault(self, request: web.Request, path: str) -> web.StreamResponse | None:
        for key in (path, None):
            blocked = self.blocked.get(key)
            if blocked and self.clock.now() < blocked[1]:
                return _json({"errcode": blocked[0], "errmsg": "api freq out of limit"})
        fault = next((f for f in self.faults if f.times > 0 and f.path in (None, path)), None)
        if fault is None:
            return None
        fault.times -= 1
        if fault.block is not None and fault.errcode is not None:
            self.blocked[fault.path] = (fault.errcode, self.clock.now() + fault.block)
        if fault.delay is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(self.released.wait(), fault.delay)
            return _json({"errcode": -1, "errmsg": "too late"})
        if fault.disconnect:
            assert request.transport is not None
            request.transport.abort()
            return web.Response()
        if fault.http_status is not None:
            html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
            return web.Response(status=fault.http_status, text=html, content_type="text/html")
        return _json({"errcode": fault.errcode, "errmsg": "injected"})

    def _gettoken(self, q: Any) -> dict[str, Any]:
        if q.get("corpid") != self.config.corp_id:
            return {"errcode": 40013, "errmsg": "invalid corpid"}
        if q.get("corpsecret") != self.config.secret:
            return {"errcode": 40001, "errmsg": "invalid credential"}
        token = f"tok{len(self.tokens) + 1}_{secrets.token_hex(4)}"
        self.tokens[token] = self.clock.now() + timedelta(seconds=self.token_ttl)
        return {**OK, "access_token": token, "expires_in": self.token_ttl}

    def _check_token(self, token: str) -> dict[str, Any] | None:
        if token not in self.tokens:
            return {"errcode": 40014, "errmsg": "invalid access_token"}
        if token in self.revoked:
            return {"errcode": self.revoked[token], "errmsg": "access_token refused"}
        if self.clock.now() >= self.tokens[token]:
            return {"errcode": 42001, "errmsg": "access_token expired"}
        return None

    def _send(self, b: dict[str, Any]) -> dict[str, Any]:
        if b.get("agentid") != self.config.agent_id:
            return {"errcode": 40056, "errmsg": "invalid agentid"}
        msgtype = b.get("msgtype", "")
        if msgtype not in b:
            return {"errcode": 40008, "errmsg": "invalid message type"}
        if msgtype in ("image", "file") and b[msgtype].get("media_id") not in self.media:
            return {"errcode": INVALID_MEDIA_ID, "errmsg": "invalid media_id"}
        wanted = [u for u in str(b.get("touser", "")).split("|") if u]
        invalid = [u for u in wanted if u not in self.users]
        if not wanted or len(invalid) == len(wanted):
            return {"errcode": 81013, "errmsg": "user & party & tag all invalid"}
        now = self.clock.now()
        answer: dict[str, Any] = {**OK, "invaliduser": "|".join(invalid), "msgid": secrets.token_hex(8)}
        code = None
        if msgtype == "template_card" and b[msgtype].get("button_list"):
            code = secrets.token_hex(8)
            self.response_codes[code] = False
            answer["response_code"] = code
        interval = timedelta(seconds=int(b.get("duplicate_check_interval", 1800)))
        for user in (u for u in wanted if u in self.users):
            log = self.received.setdefault(user, [])
            duplicate = bool(b.get("enable_duplicate_check")) and any(
                d.msgtype == msgtype and d.payload == b[msgtype] and now - d.at < interval and not d.dropped
                for d in log
            )
            shown = [d.at for d in log if not d.dropped and not d.duplicate]
            minute = sum(1 for at in shown if at > now - timedelta(minutes=1))
            hour = sum(1 for at in shown if at > now - timedelta(hours=1))
            over = minute >= self.member_limit or hour >= self.member_hour_limit
            log.append(
                Delivered(
                    msgtype,
                    b[msgtype],
                    now,
                    dropped=over and not duplicate,
                    duplicate=duplicate,
                    response_code=code,
                )
            )
            if self.on_delivered is not None:
                self.on_delivered(user, log[-1])
        return answer

    def _update_card(self, b: dict[str, Any]) -> dict[str, Any]:
        code = str(b.get("response_code", ""))
        if self.response_codes.get(code, True):
            return {"errcode": REUSED_RESPONSE_CODE, "errmsg": "invalid response_code"}
        self.response_codes[code] = True
        self.card_updates.append(b)
        return dict(OK)

    def _upload(self, kind: str, form: dict[str, Any]) -> dict[str, Any]:
        if kind not in MEDIA_LIMITS or "media" not in form:
            return {"errcode": INVALID_MEDIA_TYPE, "errmsg": "invalid type or no media"}
        filename, data = form["media"]
        if not 5 < len(data) <= MEDIA_LIMITS[kind]:
            return {"errcode": INVALID_MEDIA_SIZE, "errmsg": "invalid file size"}
        media_id = f"media_{secrets.token_hex(6)}"
        self.media[media_id] = data
        self.media_names[media_id] = filename or ""
        return {
            **OK,
            "type": kind,
            "media_id": media_id,
            "created_at": str(int(self.clock.now().timestamp())),
        }

    def _contact(self, external_userid: str) -> dict[str, Any]:
        contact = self.contacts.get(external_userid)
        if contact is None:
            return {"errcode": UNKNOWN_CONTACT, "errmsg": "invalid external userid"}
        return {**OK, **contact}

    def _kf_sync(self, b: dict[str, Any]) -> dict[str, Any]:
        log = self.kf.get(str(b.get("open_kfid", "")), _Kf()).log
        start = int(str(b.get("cursor") or "c0")[1:] or 0)
        limit = min(int(b.get("limit", 1000)), 1000)
        page = log[start : start + limit]
        end = start + len(page)
        return {**OK, "next_cursor": f"c{end}", "has_more": int(end < len(log)), "msg_list": page}

    def _kf_send(self, b: dict[str, Any]) -> dict[str, Any]:
        kf = self.kf.get(str(b.get("open_kfid", "")), _Kf())
        user = str(b.get("touser", ""))
        last = kf.last_customer.get(user)
        if last is None or self.clock.now() - last > timedelta(hours=48):
            return {"errcode": KF_WINDOW_CLOSED, "errmsg": "outside the 48h window"}
        if kf.replies.get(user, 0) >= 5:
            return {"errcode": KF_TOO_MANY, "errmsg": "more than 5 replies"}
        kf.replies[user] = kf.replies.get(user, 0) + 1
        self.received.setdefault(user, []).append(Delivered("kf_text", b.get("text", {}), self.clock.now()))
        return {**OK, "msgid": secrets.token_hex(8)}

    def _webhook(self, key: str, body: Any) -> dict[str, Any]:
        if key not in self.webhook_keys:
            return {"errcode": 93000, "errmsg": "invalid webhook url"}
        if isinstance(body, dict) and body.get("msgtype") == "image":
            # The robot checks the picture against its MD5 and takes at most 2 MB before encoding.
            image = body.get("image") or {}
            try:
                data = base64.b64decode(str(image.get("base64", "")), validate=True)
            except ValueError:
                return {"errcode": 40009, "errmsg": "invalid image base64"}
            if hashlib.md5(data, usedforsecurity=False).hexdigest() != image.get("md5"):
                return {"errcode": 301019, "errmsg": "image md5 mismatch"}
            if not data or len(data) > 2 * 1024 * 1024:
                return {"errcode": 40009, "errmsg": "invalid image size"}
        self.webhooks.append((key, body))
        return dict(OK)


def _json(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


FAKE_KEY = web.AppKey("fake_wecom", FakeWeCom)


def create_fake_wecom(fake: FakeWeCom) -> web.Application:
    # room for the largest upload (a 20 MB file) and its multipart framing
    app = web.Application(client_max_size=MEDIA_LIMITS["file"] + 64 * 1024)
    app[FAKE_KEY] = fake
    app.router.add_route("*", "/{tail:.*}", fake.handle)

    async def release(_: web.Application) -> None:
        fake.released.set()

    app.on_shutdown.append(release)
    return app


@asynccontextmanager
async def serve_fake_wecom(fake: FakeWeCom) -> AsyncIterator[str]:
    """Run the fake on 127.0.0.1 port 0; yields its base URL (use it as WeComConfig.api_base)."""
    runner = web.AppRunner(create_fake_wecom(fake), shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        yield f"http://127.0.0.1:{port}"
    finally:
        fake.released.set()
        await runner.cleanup()


# -- callback driver --------------------------------------------------------------------------------------

Callback = tuple[dict[str, str], bytes]
# broken callback kind -> the exception the edge must raise for it
BROKEN: dict[str, type[Exception]] = {
    "bad_signature": SignatureError,
    "tampered_ciphertext": SignatureError,
    "wrong_corp_id": BadCallback,
    "bad_padding": BadCallback,
    "bad_base64": BadCallback,
    "oversized": BadCallback,
    "dtd_entity": BadCallback,
    "missing_fields": BadCallback,
    "stale_timestamp": BadCallback,
}


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


class CallbackDriver:
    """Builds callbacks exactly as WeChat Work would send them to the app configured by `config`."""

    def __init__(self, config: WeComConfig, clock: Clock) -> None:
        self.config, self.clock = config, clock
        self.crypto = WeComCrypto(config.token, config.encoding_aes_key, config.corp_id)
        self._seq = 0

    def _ts(self) -> str:
        return str(int(self.clock.now().timestamp()))

    def xml(self, fields: dict[str, str | int]) -> str:
        inner = "".join(
            f"<{k}>{v}</{k}>" if isinstance(v, int) else f"<{k}>{_cdata(v)}</{k}>" for k, v in fields.items()
        )
        return f"<xml>{inner}</xml>"

    def post(self, plaintext_xml: str, *, timestamp: str | None = None) -> Callback:
        ts, nonce = timestamp or self._ts(), secrets.token_hex(5)
        envelope = self.crypto.encrypt_message(plaintext_xml, nonce, ts)
        encrypted = envelope.split("<![CDATA[", 1)[1].split("]]>", 1)[0]
        body = f"<xml><ToUserName>{_cdata(self.config.corp_id)}</ToUserName><Encrypt>{_cdata(encrypted)}"
        body += f"</Encrypt><AgentID>{_cdata(str(self.config.agent_id))}</AgentID></xml>"
        sig = self.crypto.signature(ts, nonce, encrypted)
        return {"msg_signature": sig, "timestamp": ts, "nonce": nonce}, body.encode("utf-8")

    def verify_url(self, echo: str = "1616140317555161061") -> dict[str, str]:
        ts, nonce = self._ts(), secrets.token_hex(5)
        echostr = self.crypto.encrypt(echo.encode("utf-8"))
        return {
            "msg_signature": self.crypto.signature(ts, nonce, echostr),
            "timestamp": ts,
            "nonce": nonce,
            "echostr": echostr,
        }

    def base_fields(self, sender: str, msg_type: str) -> dict[str, str | int]:
        return {
            "ToUserName": self.config.corp_id,
            "FromUserName": sender,
            "CreateTime": int(self.clock.now().timestamp()),
            "MsgType": msg_type,
        }

    def text(self, sender: str, content: str, msg_id: int | None = None) -> Callback:
        self._seq += 1
        f = self.base_fields(sender, "text") | {"Content": content, "MsgId": msg_id or 7000000000 + self._seq}
        return self.post(self.xml(f | {"AgentID": self.config.agent_id}))

    def button_click(self, sender: str, task_id: str, event_key: str, response_code: str = "rc1") -> Callback:
        f = self.base_fields(sender, "event") | {
            "Event": "template_card_event",
            "EventKey": event_key,
            "TaskId": task_id,
            "CardType": "button_interaction",
            "ResponseCode": response_code,
            "AgentID": self.config.agent_id,
        }
        return self.post(self.xml(f))

    def enter_agent(self, sender: str) -> Callback:
        f = self.base_fields(sender, "event") | {
            "Event": "enter_agent",
            "EventKey": "",
            "AgentID": self.config.agent_id,
        }
        return self.post(self.xml(f))

    def contact_added(
        self,
        rep: str,
        external_userid: str,
        state: str = "",
        welcome_code: str = "WELCOMECODE",
        half: bool = False,
    ) -> Callback:
        change = "add_half_external_contact" if half else "add_external_contact"
        f = self.base_fields("sys", "event") | {
            "Event": "change_external_contact",
            "ChangeType": change,
            "UserID": rep,
            "ExternalUserID": external_userid,
            "State": state,
            "WelcomeCode": welcome_code,
        }
        return self.post(self.xml(f))

    def kf_event(self, token: str, open_kfid: str) -> Callback:
        f: dict[str, str | int] = {
            "ToUserName": self.config.corp_id,
            "CreateTime": int(self.clock.now().timestamp()),
            "MsgType": "event",
            "Event": "kf_msg_or_event",
            "Token": token,
            "OpenKfId": open_kfid,
        }
        return self.post(self.xml(f))

    def broken(self, kind: str) -> Callback:
        """A callback broken in one way (a key of BROKEN); the edge must raise BROKEN[kind] for it."""
        good = self.xml(self.base_fields("LiNa", "text") | {"Content": "你好", "MsgId": 1})
        params, body = self.post(good)
        encrypted = body.split(b"<Encrypt><![CDATA[", 1)[1].split(b"]]>", 1)[0].decode()
        if kind == "bad_signature":
            return {**params, "msg_signature": "0" * 40}, body
        if kind == "tampered_ciphertext":  # signature still the old one: caught before decryption
            flipped = ("B" if encrypted[5] == "A" else "A").join((encrypted[:5], encrypted[6:]))
            return params, body.replace(encrypted.encode(), flipped.encode())
        if kind == "wrong_corp_id":
            return self._signed(self.crypto.encrypt(good.encode(), receive_id=b"wwSomeoneElse"), params)
        if kind == "bad_padding":
            raw = self.crypto.encrypt_raw(b"\x00" * 64)  # decrypts to a pad byte of 0
            return self._signed(raw, params)
        if kind == "bad_base64":
            return self._signed(encrypted[:-3] + "*=", params)
        if kind == "oversized":
            return self._signed(encrypted + "A" * (MAX_BODY_BYTES + 32), params)
        if kind == "dtd_entity":
            evil = '<!DOCTYPE xml [<!ENTITY boom "boom">]>'
            evil += "<xml><MsgType>text</MsgType><Content>&boom;</Content></xml>"
            return self.post(evil)
        if kind == "missing_fields":
            return self.post(self.xml({"ToUserName": self.config.corp_id, "Content": "no type"}))
        if kind == "stale_timestamp":
            old = self.clock.now() - timedelta(days=1)
            return self.post(good, timestamp=str(int(old.timestamp())))
        raise ValueError(f"unknown broken callback kind {kind!r}")

    def _signed(self, encrypted: str, params: dict[str, str]) -> Callback:
        ts, nonce = params["timestamp"], params["nonce"]
        body = f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>".encode()
        return {**params, "msg_signature": self.crypto.signature(ts, nonce, encrypted)}, body


def bot_config(
    database_url: str,
    api_base: str,
    reps: Sequence[str],
    *,
    port: int | None = None,
    sections: str = "",
    app: WeComConfig = SAMPLE_APP,
) -> str:
    """A config.toml for a `salesbot run` process on this fake (benchmarks and process tests): WeChat
    Work on `api_base`, the console off unless `sections` says otherwise, a manager (WeChat Work id
    "Boss") and a rep per id in `reps` (person id: the id in lower case). `sections`: more TOML, whole
    sections (e.g. `[outbox]` or `[sla]`), put before the organisation."""
    server = f"[server]\nport = {port}\n" if port is not None else ""
    console = "" if "[console]" in sections else '[console]\nenabled = "off"\n'
    logs = "" if "[log]" in sections else '[log]\nlevel = "WARNING"\n'
    people = "".join(
        f'[[org.people]]\nid = "{rep.lower()}"\nname = "{rep}"\nteam = "华东一组"\nwecom_userid = "{rep}"\n'
        for rep in reps
    )
    return f"""{server}
[database]
url = "{database_url}"
{logs}{console}
[wecom]
enabled = true
corp_id = "{app.corp_id}"
agent_id = {app.agent_id}
secret = "{app.secret}"
token = "{app.token}"
encoding_aes_key = "{app.encoding_aes_key}"
api_base = "{api_base}"
{sections}
[[org.teams]]
name = "华东一组"
manager = "boss"
[[org.people]]
id = "boss"
name = "张伟"
role = "manager"
team = "华东一组"
wecom_userid = "Boss"
{people}"""
