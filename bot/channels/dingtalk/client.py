"""An async DingTalk client on aiohttp: the app's access token, robot 1:1 and group messages, interactive
cards (robot 普通版 API), media uploads for pictures and files, session webhooks and the custom group robot.

It makes at most one extra attempt (after a refused token) and otherwise raises `DingTalkError` with a kind
for the outbox, which owns retries and backoff. A 200 from batchSend is not a delivery: the caller reads
`BatchResult.flow_controlled` (send again later) and `BatchResult.invalid` (configuration problems).
"""

from __future__ import annotations

import io
import json
import logging
import mimetypes
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp

from bot.channels.dingtalk.errors import IP_BAN_WAIT, QPS_WAIT, DingTalkError, classify_api, classify_oapi
from bot.channels.dingtalk.media import MEDIA_UPLOAD, MediaKind, check_media
from bot.channels.dingtalk.sign import millis, sign
from bot.channels.tokens import SharedToken, TokenCache
from bot.clock import Clock
from bot.config import DingTalkConfig

log = logging.getLogger("salesbot.dingtalk")

TOKEN_PATH = "/v1.0/oauth2/accessToken"
BATCH_SEND = "/v1.0/robot/oToMessages/batchSend"
GROUP_SEND = "/v1.0/robot/groupMessages/send"
CARD_SEND = "/v1.0/card/instances/createAndDeliver"  # 创建并投放卡片 (卡片平台 templates)
CARD_UPDATE = "/v1.0/card/instances"  # 更新卡片, PUT
ROBOT_SEND = "/robot/send"
MAX_BATCH_USERS = 20  # batchSend takes at most 20 userIds a call
UPLOAD_TIMEOUT = 60.0  # seconds for one upload: 20 MB over a slow uplink takes longer than a message

T = TypeVar("T")
FormFactory = Callable[[], aiohttp.FormData]  # a fresh form per attempt: aiohttp consumes a FormData once


@dataclass(frozen=True)
class BatchResult:
    process_query_key: str
    flow_controlled: tuple[str, ...]  # not delivered now: send to them again later
    invalid: tuple[str, ...]  # unknown or out of the robot's range: a configuration problem


def _json_string(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class DingTalkClient:
    """One enterprise-internal app (app_key, app_secret) and its robot (robot_code)."""

    def __init__(
        self,
        config: DingTalkConfig,
        session: aiohttp.ClientSession,
        tokens: TokenCache,
        clock: Clock,
        *,
        timeout: float = 10.0,
        upload_timeout: float = UPLOAD_TIMEOUT,
    ) -> None:
        self._config = config
        self._api = config.api_base.rstrip("/")
        self._oapi = config.oapi_base.rstrip("/")
        self._session = session
        self._clock = clock
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._upload_timeout = aiohttp.ClientTimeout(total=max(timeout, upload_timeout))
        self._token = SharedToken(tokens, f"dingtalk:{config.app_key}", clock, self._fetch_token)

    @property
    def config(self) -> DingTalkConfig:
        return self._config

    # -- access token -----------------------------------------------------------------------------------

    async def access_token(self) -> str:
        """A usable token: cached, or fetched once however many callers ask at the same time."""
        return await self._token.get()

    async def _fetch_token(self) -> tuple[str, int]:
        body = {"appKey": self._config.app_key, "appSecret": self._config.app_secret}
        data = await self._api_once("POST", TOKEN_PATH, body, token=None)
        token, expire_in = data.get("accessToken"), data.get("expireIn", 7200)
        if not isinstance(token, str) or not token or not isinstance(expire_in, int) or expire_in <= 0:
            raise DingTalkError("retry", "", "accessToken answered without a usable token", path=TOKEN_PATH)
        log.info("dingtalk access token refreshed", extra={"expire_in": expire_in})
        return token, expire_in

    # -- HTTP -------------------------------------------------------------------------------------------

    async def call(self, method: str, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """One new-API call with the token header; on a refused token drop it, refresh once, retry once."""
        return await self._with_token(path, lambda token: self._api_once(method, path, body, token=token))

    async def _with_token(self, path: str, attempt: Callable[[str], Awaitable[T]]) -> T:
        """Run `attempt` with the app's token; if the platform refuses the token (kind "token"), drop it,
        fetch a fresh one and run `attempt` once more. A second refusal is raised as is."""
        token = await self.access_token()
        try:
            return await attempt(token)
        except DingTalkError as e:
            if e.kind != "token":
                raise
            log.warning("dingtalk token refused, refreshing once", extra={"code": e.code, "path": path})
        token = await self._token.replace(token)
        return await attempt(token)

    async def _send(
        self,
        method: str,
        url: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        form: FormFactory | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
    ) -> tuple[int, Any]:
        """One HTTP exchange, a JSON `body` or a multipart `form`: (status, parsed JSON or None). Transport
        failures are "retry"."""
        data, timeout = (form(), self._upload_timeout) if form is not None else (None, self._timeout)
        try:
            async with self._session.request(
                method, url, json=body, data=data, headers=headers, params=params, timeout=timeout
            ) as resp:
                status, raw = resp.status, await resp.read()
        except TimeoutError:
            raise DingTalkError("retry", "", "request timed out", path=path) from None
        except aiohttp.ClientError as e:
            raise DingTalkError("retry", "", f"network error: {type(e).__name__}", path=path) from None
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if isinstance(data, dict) and data.get("punish") == "deny":
            # The per-IP limit answers with a page naming a wait in minutes instead of an error code.
            wait = data.get("wait")
            wait_s = float(wait) * 60 if isinstance(wait, int | float) and wait > 0 else IP_BAN_WAIT
            log.error("dingtalk banned this IP for a while", extra={"path": path, "wait_s": wait_s})
            raise DingTalkError("rate_limited", "IpLimit", "IP over its limit", retry_after=wait_s, path=path)
        return status, data

    async def _api_once(
        self, method: str, path: str, body: Mapping[str, Any], *, token: str | None
    ) -> dict[str, Any]:
        headers = {"x-acs-dingtalk-access-token": token} if token is not None else None
        status, data = await self._send(method, self._api + path, path, body=body, headers=headers)
        if status == 200 and isinstance(data, dict):
            return data
        fields = data if isinstance(data, dict) else {}
        code, message = str(fields.get("code", "")), str(fields.get("message", ""))
        if status == 200:  # a 200 that is not a JSON object: an intermediary, not the API
            raise DingTalkError("retry", "", "answer is not a JSON object", status=status, path=path)
        kind, wait = classify_api(status, code, from_token=token is None)
        err = DingTalkError(kind, code, message, retry_after=wait, status=status, path=path)
        if kind == "quota":
            log.error(
                "dingtalk monthly API allowance used up: sending through the API stops until it is raised",
                extra={"code": code, "path": path},
            )
        elif kind == "config":
            log.error("dingtalk configuration problem", extra={"code": code, "status": status, "path": path})
        raise err

    async def _oapi_once(
        self,
        url: str,
        path: str,
        body: Mapping[str, Any] | None,
        *,
        params: Mapping[str, str] | None,
        session: bool = False,
        form: FormFactory | None = None,
        app_token: bool = False,
    ) -> dict[str, Any]:
        """One old-API call: HTTP 200 with errcode 0, or a DingTalkError. `app_token`: the query carries the
        app's access token (not a webhook's), so a refused token is kind "token"."""
        status, data = await self._send("POST", url, path, body=body, form=form, params=params)
        if status >= 500:
            raise DingTalkError("retry", "", f"HTTP {status}", status=status, path=path)
        if status != 200 or not isinstance(data, dict) or not isinstance(data.get("errcode", 0), int):
            if status == 429:
                raise DingTalkError(
                    "rate_limited", "", "HTTP 429", retry_after=QPS_WAIT, status=status, path=path
                )
            kind = "retry" if status == 200 else "other"
            raise DingTalkError(kind, "", f"unexpected answer (HTTP {status})", status=status, path=path)
        errcode = data.get("errcode", 0)
        if errcode != 0:
            sub_code = str(data.get("sub_code", ""))
            kind, wait = classify_oapi(errcode, session=session, app_token=app_token, sub_code=sub_code)
            err = DingTalkError(kind, str(errcode), str(data.get("errmsg", "")), retry_after=wait, path=path)
            if kind in ("config", "quota"):
                fields = {"errcode": errcode, "sub_code": sub_code, "path": path}
                log.error("dingtalk old API refused", extra=fields)
            raise err
        return data

    # -- robot messages ---------------------------------------------------------------------------------

    async def batch_send(
        self, user_ids: Sequence[str], msg_key: str, msg_param: Mapping[str, Any]
    ) -> BatchResult:
        """Send one robot message (msgKey sampleText, sampleMarkdown, sampleActionCard…) to up to 20 members
        in their 1:1 chat with the robot. Unknown members come back in `invalid` (and are logged)."""
        if not user_ids or len(user_ids) > MAX_BATCH_USERS:
            raise ValueError(f"batchSend takes 1 to {MAX_BATCH_USERS} user ids, got {len(user_ids)}")
        body = {
            "robotCode": self._config.robot_code,
            "userIds": list(user_ids),
            "msgKey": msg_key,
            "msgParam": _json_string(msg_param),  # a JSON string, not an object
        }
        data = await self.call("POST", BATCH_SEND, body)
        result = BatchResult(
            process_query_key=str(data.get("processQueryKey", "")),
            flow_controlled=tuple(str(u) for u in data.get("flowControlledStaffIdList") or ()),
            invalid=tuple(str(u) for u in data.get("invalidStaffIdList") or ()),
        )
        if result.invalid:
            log.error("dingtalk recipients unknown to the robot", extra={"invalid": ",".join(result.invalid)})
        if result.flow_controlled:
            log.warning(
                "dingtalk flow-controlled recipients", extra={"users": ",".join(result.flow_controlled)}
            )
        return result

    async def group_send(self, open_conversation_id: str, msg_key: str, msg_param: Mapping[str, Any]) -> str:
        """Send one robot message to a group the robot is in; returns the processQueryKey."""
        body = {
            "robotCode": self._config.robot_code,
            "openConversationId": open_conversation_id,
            "msgKey": msg_key,
            "msgParam": _json_string(msg_param),
        }
        return str((await self.call("POST", GROUP_SEND, body)).get("processQueryKey", ""))

    # -- media (上传媒体文件: the old API, with the app's token in the query) ---------------------------

    async def upload_media(self, kind: MediaKind, name: str, data: bytes) -> str:
        """Upload a picture or a file; returns its media_id ("@lA..."), reusable and not expiring, for
        media.image_message / media.file_message (batchSend or group send). The member sees `name` on a
        file. Raises ValueError before any call when the document rules the upload out (media.check_media:
        kind, name, format, empty, over 20 MB); a refused token is dropped, refreshed and retried once."""
        check_media(kind, name, data)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"

        def form() -> aiohttp.FormData:
            # The name as UTF-8, as browsers send it: percent-encoded (aiohttp's default) the member would
            # read %E7%BA%BF... A stream, not bytes: aiohttp warns that a large bytes body holds the loop up.
            f = aiohttp.FormData(quote_fields=False)
            f.add_field("type", kind)  # the document lists type in the body; the URL carries it too
            f.add_field("media", io.BytesIO(data), filename=name, content_type=content_type)
            return f

        async def attempt(token: str) -> dict[str, Any]:
            params = {"access_token": token, "type": kind}
            url = self._oapi + MEDIA_UPLOAD
            return await self._oapi_once(url, MEDIA_UPLOAD, None, params=params, form=form, app_token=True)

        answer = await self._with_token(MEDIA_UPLOAD, attempt)
        media_id = answer.get("media_id")
        if not isinstance(media_id, str) or not media_id:
            raise DingTalkError("retry", "", "media/upload answered without a media_id", path=MEDIA_UPLOAD)
        log.info("dingtalk media uploaded", extra={"kind": kind, "bytes": len(data)})
        return media_id

    # -- interactive cards (卡片平台 templates, created and delivered to a robot 1:1 chat) ---------------

    async def send_card(
        self, user_id: str, card_biz_id: str, template_id: str, params: Mapping[str, str]
    ) -> None:
        """Deliver a card from a 卡片平台 template to a member's 1:1 chat with the robot. `card_biz_id`
        (the outTrackId) is ours and idempotent: the same id again makes no second card. Button clicks
        come back over Stream, or over HTTP to the registered callback route (the app key)."""
        body = {
            "cardTemplateId": template_id,
            "outTrackId": card_biz_id,
            "cardData": {"cardParamMap": dict(params)},
            "openSpaceId": f"dtv1.card//IM_ROBOT.{user_id}",
            "imRobotOpenSpaceModel": {"supportForward": False},
            "imRobotOpenDeliverModel": {"spaceType": "IM_ROBOT", "robotCode": self._config.robot_code},
            "userIdType": 1,  # userId, not unionId
        }
        if self._config.mode == "stream":
            body["callbackType"] = "STREAM"
        else:
            body["callbackType"] = "HTTP"
            body["callbackRouteKey"] = self._config.app_key
        await self.call("POST", CARD_SEND, body)

    async def update_card(self, card_biz_id: str, params: Mapping[str, str]) -> None:
        """Replace some of a sent card's variables in place (e.g. hide its buttons once used)."""
        body = {
            "outTrackId": card_biz_id,
            "cardData": {"cardParamMap": dict(params)},
            "cardUpdateOptions": {"updateCardDataByKey": True},
        }
        await self.call("PUT", CARD_UPDATE, body)

    # -- webhooks (old API style, no access token) -------------------------------------------------------

    async def session_send(self, webhook_url: str, body: Mapping[str, Any]) -> None:
        """Reply through a message's sessionWebhook (a robot message body: msgtype text/markdown/actionCard).
        Past its expiry it raises kind "other", code SESSION_GONE (`err.session_gone`): send by batchSend."""
        await self._oapi_once(webhook_url, "sessionWebhook", body, params=None, session=True)

    async def robot_webhook_send(self, access_token: str, secret: str, body: Mapping[str, Any]) -> None:
        """Post to a custom group robot (自定义机器人). With a secret (加签) the URL carries the millisecond
        timestamp and its sign, URL-encoded by the query builder. 130101 (over 20 a minute) is
        "rate_limited" with a 10-minute wait; 310000 (security settings) is "config"."""
        params = {"access_token": access_token}
        if secret:
            timestamp = millis(self._clock.now())
            params |= {"timestamp": str(timestamp), "sign": sign(secret, timestamp)}
        await self._oapi_once(self._oapi + ROBOT_SEND, ROBOT_SEND, body, params=params, session=False)
