"""The bot under hostile input, and the authentic requests every attack starts from: the test config
(every edge on), `Attack` (one HTTP request), `Target` (what an attacker holding the real keys knows),
`Edges` (an authentic request per edge, and the signing of whatever an attack changed), and what each
edge's fields must refuse.
bench/hostile_kinds.py breaks them; bench/hostile.py and tests/test_hostile.py send them.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any
from urllib.parse import parse_qsl, urlencode

from bot.channels.callback_crypto import CallbackCipher
from bot.channels.dingtalk.sign import millis, sign
from bot.channels.wecom.crypto import WeComCrypto
from bot.clock import Clock
from bot.config import (
    Config,
    ConsoleConfig,
    DatabaseConfig,
    DigestsConfig,
    DingTalkConfig,
    IntakeConfig,
    LeadSourceConfig,
    OrgConfig,
    PersonConfig,
    TeamConfig,
    WeComConfig,
)
from bot.fakes import ads_push
from bot.fakes.dingtalk import SAMPLE_DINGTALK
from bot.fakes.dingtalk_stream import card_payload, robot_payload
from bot.fakes.wecom import SAMPLE_APP

INTAKE_TOKEN = "hostile-intake-token-0123"
CONSOLE_TOKEN = "hostile-console-token-0123456789"
EVENT_TOKEN, EVENT_AES_KEY = "hostileEventToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
SOURCES = (
    LeadSourceConfig(
        name="抖音表单", platform="feiyu", path_token="feiyu-path-hostile-01", token="feiyu-access"
    ),
    LeadSourceConfig(
        name="百度表单", platform="baidu", path_token="baidu-path-hostile-01", token="baidu-body-t"
    ),
    LeadSourceConfig(
        name="小红书表单", platform="xiaohongshu", path_token="xhs-path-hostile-0001", token="xhs-page-token"
    ),
    LeadSourceConfig(
        name="官网表单",
        platform="generic",
        path_token="generic-path-hostile1",
        token="generic-hmac-key",
        signature_header="X-Lead-Signature",
    ),
)
ORG = OrgConfig(
    teams=[TeamConfig(name="华东一组", manager="zhangwei")],
    people=[
        PersonConfig(
            id="zhangwei",
            name="张伟",
            role="manager",
            team="华东一组",
            wecom_userid="ZhangWei",
            dingtalk_userid="dt_zhangwei",
        ),
        PersonConfig(
            id="lina",
            name="李娜",
            team="华东一组",
            wecom_userid="LiNa",
            dingtalk_userid="dt_lina",
            cities=["苏州", "无锡"],
        ),
    ],
)


def hostile_config(database_url: str, wecom_api: str = "", dingtalk_api: str = "") -> Config:
    """The bot under attack: WeChat Work, DingTalk in HTTP mode with the event subscription, the web-form
    intake, the console (with a token) and the dashboard, and a lead source of each push platform."""
    wecom = dataclasses.replace(SAMPLE_APP, api_base=wecom_api or SAMPLE_APP.api_base)
    dingtalk = dataclasses.replace(
        SAMPLE_DINGTALK,
        mode="http",
        event_token=EVENT_TOKEN,
        event_aes_key=EVENT_AES_KEY,
        api_base=dingtalk_api or SAMPLE_DINGTALK.api_base,
        oapi_base=dingtalk_api or SAMPLE_DINGTALK.oapi_base,
    )
    return Config(
        database=DatabaseConfig(url=database_url),
        wecom=wecom,
        dingtalk=dingtalk,
        org=ORG,
        digests=DigestsConfig(enabled=False),  # no scheduled push may blur what the inputs caused
        intake=IntakeConfig(token=INTAKE_TOKEN),
        console=ConsoleConfig(enabled="on", token=CONSOLE_TOKEN),
        lead_sources=list(SOURCES),
    )


@dataclass(frozen=True, slots=True)
class Attack:
    edge: str
    kind: str
    method: str
    path: str
    query: str = ""  # already percent-encoded
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunked: bool = False  # sent with no Content-Length


@dataclass(frozen=True)
class Target:
    """What an attacker holding the real keys knows about the bot under attack."""

    wecom: WeComConfig
    dingtalk: DingTalkConfig
    sources: Mapping[str, LeadSourceConfig]
    clock: Clock

    @classmethod
    def of(cls, config: Config, clock: Clock) -> Target:
        return cls(config.wecom, config.dingtalk, {s.platform: s for s in config.lead_sources}, clock)


CIPHER_EDGES = ("wecom_get", "wecom_post", "dt_events")
ADS = ("ads_feiyu", "ads_baidu", "ads_xiaohongshu", "ads_generic")
JSON_EDGES = ("dt_robot", "dt_card", "dt_events", "intake", "console", *ADS)
BODY_EDGES = ("wecom_post", *JSON_EDGES)
TIMED = ("wecom_get", "wecom_post", "dt_robot", "dt_card", "dt_events")
EDGES = ("wecom_get", *BODY_EDGES, "dashboard")
CAPS = {"intake": 16 * 1024, "console": 16 * 1024}  # bodies; every other edge takes 64 KiB
DEFAULT_CAP = 64 * 1024

GARBAGE_TIMESTAMPS = ("", "-1", "1.5", "0x10", "١٢٣٤٥٦", "1e9", " 1", "1 ", "NaN", "+100", "9" * 16, "9" * 40)
JSON_IN_STRING = {"dt_card": ("content",), "ads_feiyu": ("remark_dict",), "ads_baidu": ("form_detail",)}


def cap(edge: str) -> int:
    return CAPS.get(edge, DEFAULT_CAP)


def requery(attack: Attack, **changes: str | None) -> Attack:
    """`attack` with query parameters changed (None: removed)."""
    params = dict(parse_qsl(attack.query, keep_blank_values=True))
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return dataclasses.replace(attack, query=urlencode(params))


# -- authentic requests, the starting point of every attack -----------------------------------------------


class Edges:
    """Builds authentic requests for each edge, and signs what an attack changed with the real keys."""

    def __init__(self, target: Target, rng: Random) -> None:
        self.t, self.rng = target, rng
        self.wecom_crypto = WeComCrypto(
            target.wecom.token, target.wecom.encoding_aes_key, target.wecom.corp_id
        )
        dt = target.dingtalk
        self.event_cipher = CallbackCipher(dt.event_token, dt.event_aes_key, dt.app_key)

    def now(self) -> datetime:
        return self.t.clock.now()

    def uid(self) -> str:
        return f"{self.rng.getrandbits(48):012x}"

    # WeChat Work

    def wecom_xml(self, extra: Mapping[str, str | int] | None = None, msg_type: str = "text") -> bytes:
        f: dict[str, str | int] = {
            "ToUserName": self.t.wecom.corp_id,
            "FromUserName": "LiNa",
            "CreateTime": int(self.now().timestamp()),
            "MsgType": msg_type,
        }
        f |= {
            "Content": f"你好 {self.uid()}",
            "MsgId": self.rng.randrange(10**15, 10**16),
            "AgentID": self.t.wecom.agent_id,
            **(extra or {}),
        }
        inner = "".join(
            f"<{k}>{v}</{k}>" if isinstance(v, int) else f"<{k}><![CDATA[{v}]]></{k}>" for k, v in f.items()
        )
        return f"<xml>{inner}</xml>".encode()

    def wecom_encrypt(self, plain: bytes) -> str:
        return self.wecom_crypto.encrypt(plain, self.rng.randbytes(16))

    def wecom_post(
        self,
        encrypted: str,
        *,
        timestamp: str | None = None,
        envelope: bytes | None = None,
        signature: str | None = None,
    ) -> Attack:
        ts, nonce = str(int(self.now().timestamp())) if timestamp is None else timestamp, self.uid()
        sig = signature if signature is not None else self.wecom_crypto.signature(ts, nonce, encrypted)
        if envelope is None:
            envelope = self.envelope(encrypted)
        query = urlencode({"msg_signature": sig, "timestamp": ts, "nonce": nonce})
        return Attack("wecom_post", "", "POST", self.t.wecom.callback_path, query, {}, envelope)

    def envelope(self, encrypted: str) -> bytes:
        c = self.t.wecom
        return (
            f"<xml><ToUserName><![CDATA[{c.corp_id}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]>"
            f"</Encrypt><AgentID><![CDATA[{c.agent_id}]]></AgentID></xml>"
        ).encode()

    def wecom_get(
        self, echostr: str, *, timestamp: str | None = None, signature: str | None = None
    ) -> Attack:
        ts, nonce = str(int(self.now().timestamp())) if timestamp is None else timestamp, self.uid()
        sig = signature if signature is not None else self.wecom_crypto.signature(ts, nonce, echostr)
        query = urlencode({"msg_signature": sig, "timestamp": ts, "nonce": nonce, "echostr": echostr})
        return Attack("wecom_get", "", "GET", self.t.wecom.callback_path, query)

    def echo(self) -> bytes:
        return str(self.rng.randrange(10**18, 10**19)).encode()

    # DingTalk

    def dt_headers(self, timestamp: str | None = None, secret: str | None = None) -> dict[str, str]:
        ts = str(millis(self.now())) if timestamp is None else timestamp
        return {
            "timestamp": ts,
            "sign": sign(self.t.dingtalk.app_secret if secret is None else secret, ts),
            "Content-Type": "application/json",
        }

    def dt_events(
        self,
        encrypted: str,
        *,
        timestamp: str | None = None,
        signature: str | None = None,
        envelope: bytes | None = None,
    ) -> Attack:
        ts, nonce = str(millis(self.now())) if timestamp is None else timestamp, self.uid()
        sig = signature if signature is not None else self.event_cipher.signature(ts, nonce, encrypted)
        body = envelope if envelope is not None else json.dumps({"encrypt": encrypted}).encode()
        query = urlencode({"msg_signature": sig, "timestamp": ts, "nonce": nonce})
        headers = {"Content-Type": "application/json"}
        return Attack("dt_events", "", "POST", self.t.dingtalk.events_path, query, headers, body)

    def event_encrypt(self, plain: bytes) -> str:
        return self.event_cipher.encrypt(plain, self.rng.randbytes(16))

    # JSON edges: an authentic payload, and the request that carries any body as authentic

    def payload(self, edge: str) -> Any:
        uid, now = self.uid(), self.now()
        if edge == "dt_robot":
            return robot_payload("dt_lina", f"你好 {uid}", msg_id=f"msg{uid}", at=now)
        if edge == "dt_card":
            return card_payload(f"track{uid}", "dt_lina", f"key{uid}")
        if edge == "dt_events":  # EventType first: its name fills the plaintext's first block exactly
            return {
                "EventType": "user_add_org",
                "TimeStamp": str(millis(now)),
                "CorpId": "dingfakecorp",
                "UserId": [f"u{uid}"],
            }
        if edge == "intake":
            return {
                "name": "王伟",
                "company": f"华康医药{uid}",
                "phone": "13800138000",
                "message": "想了解超声",
            }
        if edge == "console":
            return {"as": "lina", "id": f"c{uid}", "text": f"你好 {uid}"}
        source = self.t.sources[edge.removeprefix("ads_")]
        _, body = ads_push.signed_push(
            source,
            clue_id=f"clue{uid}",
            name="王伟",
            phone="13800138000",
            answers={"城市": "成都"},
            created_at=now - timedelta(minutes=3),
        )
        return json.loads(body)

    def send(self, edge: str, body: bytes, *, chunked: bool = False) -> Attack:
        """`body` as `edge` receives it, authenticated with the real keys (encrypted and signed for the
        event subscription, signed for the HMAC ad sources, with the right token in the headers)."""
        if edge == "dt_events":
            return dataclasses.replace(self.dt_events(self.event_encrypt(body)), chunked=chunked)
        path, headers = self.route(edge), {"Content-Type": "application/json"}
        if edge in ("dt_robot", "dt_card"):
            headers = self.dt_headers()
        elif edge == "intake":
            headers["Authorization"] = f"Bearer {INTAKE_TOKEN}"
        elif edge == "console":
            headers["Authorization"] = f"Bearer {CONSOLE_TOKEN}"
        elif edge in ADS:
            headers = ads_push.headers_for(self.t.sources[edge.removeprefix("ads_")], body)
        return Attack(edge, "", "POST", path, "", headers, body, chunked)

    def route(self, edge: str) -> str:
        dt = self.t.dingtalk
        paths = {
            "dt_robot": dt.callback_path,
            "dt_card": dt.card_callback_path,
            "dt_events": dt.events_path,
            "intake": "/api/inquiries",
            "console": "/console/api/messages",
            "dashboard": "/api/dashboard",
            "wecom_post": self.t.wecom.callback_path,
            "wecom_get": self.t.wecom.callback_path,
        }
        if edge in ADS:
            return ads_push.path(self.t.sources[edge.removeprefix("ads_")])
        return paths[edge]

    def dashboard(self, params: Mapping[str, str], headers: Mapping[str, str] | None = None) -> Attack:
        return Attack("dashboard", "", "GET", "/api/dashboard", urlencode(params), dict(headers or {}))


def wrong_secret(rng: Random, right: str) -> str:
    """A secret that is not `right`: empty, one character off, longer, shorter, non-ASCII, random."""
    choices = [
        "",
        right[:-1],
        right + "x",
        right[:-1] + ("1" if right[-1] == "0" else "0"),
        secrets.token_hex(16),
        "密钥" + right[2:],
        right[::-1],
    ]
    pick = rng.choice(choices)
    return pick if pick != right else right + "0"


def epoch(at: datetime) -> int:
    return int(at.astimezone(UTC).timestamp())


_NOT_STR = ("int", "float", "bool", "null", "list", "dict", "empty")
_NOT_TRUTHY_STR = ("int", "float", "bool", "list", "dict")
_ID = ("float", "bool", "list", "dict", "long", "nonprintable")
# edge -> (a field's path, the kinds of value it must refuse, or one value it must refuse)
WRONG_TYPES: dict[str, list[tuple[tuple[str, ...], Any]]] = {
    "dt_robot": [(("msgId",), (*_NOT_STR, "long")), (("senderStaffId",), (*_NOT_STR, "long")),
                 (("conversationType",), ("int", "null", "list", "str")), (("createAt",), ("float", "bool",
                 "null", "list", "dict", "str")), (("createAt",), 10**20), (("msgtype",), _NOT_STR),
                 (("text",), ("str", "int", "list", "null")), (("text", "content"), (*_NOT_STR, "blank")),
                 (("sessionWebhook",), ("float", "list", "dict")), (("sessionWebhookExpiredTime",),
                 ("float", "bool", "list", "dict", "str"))],
    "dt_card": [(("outTrackId",), (*_NOT_STR, "long")), (("userId",), (*_NOT_STR, "long")),
                (("content",), ("int", "null", "list", "dict", "str", "empty")),
                (("content",), '{"cardPrivateData": 1}'), (("content",), "[]"),
                (("content",), '{"cardPrivateData": {"params": {"key": 5}}}'),
                (("content",), '{"cardPrivateData": {"actionIds": [1]}}')],
    "dt_events": [(("EventType",), _NOT_STR)],
    "intake": [((name,), ("float", "bool", "list", "dict")) for name in ("name", "company", "phone",
               "email", "city", "product", "message", "source")] + [(("unknown",), "x"),
               (("message",), "x" * 2001)],
    "console": [(("as",), (*_NOT_STR, "long")), (("id",), (*_NOT_STR, "long", "nonprintable")),
                (("text",), (*_NOT_STR, "blank")), (("kind",), ("int", "null", "str", "list")),
                (("as",), "nobody")],
    "ads_feiyu": [(("clue_id",), _ID), (("remark_dict",), ("list", "int", "bool", "float")),
                  (("remark_dict",), "{broken")],
    "ads_baidu": [(("clue_id",), _ID), (("form_detail",), ("dict", "int", "bool", "str")),
                  (("form_detail",), [1, 2]), (("token",), ("int", "list", "null"))],
    "ads_xiaohongshu": [(("data",), ("list", "str", "int", "null")), (("data", "leads_id"), _ID),
                        (("data", "data"), ("dict", "int", "str", "bool"))],
    "ads_generic": [(("lead_id",), _ID), (("answers",), ("int", "str", "bool")), (("answers",), [1, 2])],
}  # fmt: skip
