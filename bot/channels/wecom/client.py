"""An async WeChat Work API client on aiohttp: access token, app messages, cards, media, customers, 微信客服.

It makes at most one extra attempt (after a refused token) and otherwise raises `PlatformError` with a
kind for the outbox, which owns retries and backoff. Sends to a member are paced by a per-member sliding
window, because the platform answers success for messages beyond its limit and then drops them.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp

from bot.channels.ratelimit import RateWindow
from bot.channels.tokens import SharedToken, TokenCache
from bot.channels.wecom.errors import PlatformError, classify
from bot.channels.wecom.ratelimit import MemberRateLimiter
from bot.clock import Clock
from bot.config import WeComConfig

log = logging.getLogger("salesbot.wecom")

Sleep = Callable[[float], Awaitable[object]]
FormFactory = Callable[[], aiohttp.FormData]


class WeComClient:
    """One self-built app (corp_id, agent_id, secret).

    Pacing: by default (`wait=True`) a send that would exceed a member's window waits, through the injected
    `sleep`, until its reserved slot; with `wait=False` it raises a "rate_limited" PlatformError whose
    `retry_after` is that wait instead (reserving nothing for a member whose window is full). Either can be
    chosen per call. `limiter` is the members' window: in memory by default, shared through the database by
    several instances (Resources.windows).
    """

    def __init__(
        self,
        config: WeComConfig,
        session: aiohttp.ClientSession,
        tokens: TokenCache,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
        *,
        timeout: float = 10.0,
        wait: bool = True,
        limiter: RateWindow | None = None,
    ) -> None:
        self._config = config
        self._base = config.api_base.rstrip("/")
        self._session = session
        self._clock = clock
        self._sleep = sleep
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._wait = wait
        self._limiter = limiter or MemberRateLimiter()
        self._token = SharedToken(
            tokens, f"wecom:{config.corp_id}:{config.agent_id}", clock, self._fetch_token
        )

    @property
    def config(self) -> WeComConfig:
        return self._config

    # -- access token -----------------------------------------------------------------------------------

    async def access_token(self) -> str:
        """A usable token: cached, or fetched once however many callers ask at the same time."""
        return await self._token.get()

    async def _fetch_token(self) -> tuple[str, int]:
        params = {"corpid": self._config.corp_id, "corpsecret": self._config.secret}
        data = await self._once("GET", "/cgi-bin/gettoken", params=params, gettoken=True)
        token, expires_in = data.get("access_token"), data.get("expires_in", 7200)
        if not isinstance(token, str) or not token or not isinstance(expires_in, int) or expires_in <= 0:
            raise PlatformError(-1, "gettoken answered without a usable token", kind="retry", path="gettoken")
        log.info("wecom access token refreshed", extra={"expires_in": expires_in})
        return token, expires_in

    # -- HTTP -------------------------------------------------------------------------------------------

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        form: FormFactory | None = None,
    ) -> dict[str, Any]:
        """One authenticated call; on a refused token (40014, 42001, 40001) refresh once and retry once."""
        token = await self.access_token()
        try:
            return await self._once(method, path, params=params, body=body, form=form, token=token)
        except PlatformError as e:
            if e.kind != "token":
                raise
            log.warning("wecom token refused, refreshing once", extra={"errcode": e.errcode, "path": path})
        token = await self._token.replace(token)
        return await self._once(method, path, params=params, body=body, form=form, token=token)

    async def _once(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        form: FormFactory | None = None,
        token: str | None = None,
        gettoken: bool = False,
    ) -> dict[str, Any]:
        query = dict(params or {})
        if token is not None:
            query["access_token"] = token
        try:
            async with self._session.request(
                method,
                self._base + path,
                params=query,
                json=body,
                data=form() if form is not None else None,
                timeout=self._timeout,
            ) as resp:
                status, raw = resp.status, await resp.read()
        except TimeoutError:
            raise PlatformError(-1, "request timed out", kind="retry", path=path) from None
        except aiohttp.ClientError as e:
            raise PlatformError(-1, f"network error: {type(e).__name__}", kind="retry", path=path) from None
        if status >= 500:
            raise PlatformError(-1, f"HTTP {status}", kind="retry", status=status, path=path)
        if status == 429:
            raise PlatformError(-1, "HTTP 429", kind="rate_limited", status=status, path=path)
        if status != 200:
            raise PlatformError(-1, f"HTTP {status}", kind="other", status=status, path=path)
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("errcode", 0), int):
            raise PlatformError(-1, "answer is not a JSON object", kind="retry", status=status, path=path)
        errcode = data.get("errcode", 0)
        if errcode != 0:
            kind = classify(errcode, from_gettoken=gettoken)
            err = PlatformError(errcode, str(data.get("errmsg", "")), kind=kind, status=status, path=path)
            if kind == "config":
                log.error("wecom configuration problem", extra={"errcode": errcode, "path": path})
            raise err
        return data

    # -- pacing -----------------------------------------------------------------------------------------

    async def _pace(self, touser: str, wait: bool | None) -> None:
        members = [m for m in touser.split("|") if m and m != "@all"]
        now = self._clock.now()
        if not (self._wait if wait is None else wait):
            # Reserve only what fits now: the window may be shared with other instances, so looking
            # first and reserving after could lose the place to one of them.
            slots = [await self._limiter.reserve(self._member_key(m), now, only_now=True) for m in members]
            delay = max(((s - now).total_seconds() for s in slots), default=0.0)
            if delay > 0:
                raise PlatformError(
                    -1, "member window full (client-side)", kind="rate_limited", retry_after=delay
                )
            return
        slots = [await self._limiter.reserve(self._member_key(m), now) for m in members]
        delay = max(((s - now).total_seconds() for s in slots), default=0.0)
        if delay > 0:
            log.info("wecom pacing sends to a member", extra={"touser": touser, "wait_s": delay})
            await self._sleep(delay)

    def _member_key(self, member: str) -> str:
        # The limit is per app and member; a window shared by several apps keeps them apart.
        return f"wecom:{self._config.corp_id}:{self._config.agent_id}:{member}"

    # -- app messages (message/send) ----------------------------------------------------------------------

    async def send_message(
        self,
        payload: Mapping[str, Any],
        *,
        duplicate_check_interval: int | None = None,
        wait: bool | None = None,
    ) -> dict[str, Any]:
        """POST message/send with a rendered payload (touser, msgtype, ...); agentid is filled in.

        `duplicate_check_interval` (seconds, at most 4 h) turns on the platform's duplicate check: use it for
        pushes the outbox may retry after an unclear failure. A recipient the platform calls invalid is a
        "config" error when no recipient was valid, and a warning otherwise.
        """
        touser = str(payload.get("touser", ""))
        body: dict[str, Any] = {**payload, "agentid": self._config.agent_id}
        if duplicate_check_interval is not None:
            body["enable_duplicate_check"] = 1
            body["duplicate_check_interval"] = duplicate_check_interval
        await self._pace(touser, wait)
        data = await self.call("POST", "/cgi-bin/message/send", body=body)
        invalid = {u for u in str(data.get("invaliduser", "")).split("|") if u}
        if invalid:
            wanted = {u for u in touser.split("|") if u}
            if wanted and wanted <= invalid:
                log.error("wecom recipient unknown", extra={"invaliduser": ",".join(sorted(invalid))})
                raise PlatformError(81013, f"invalid recipient: {touser}", path="/cgi-bin/message/send")
            log.warning("wecom some recipients unknown", extra={"invaliduser": ",".join(sorted(invalid))})
        return data

    async def send_text(self, touser: str, content: str, **kw: Any) -> str:
        """Send plain text (at most 2,048 bytes: see limits.fit); returns the msgid."""
        data = await self.send_message(
            {"touser": touser, "msgtype": "text", "text": {"content": content}}, **kw
        )
        return str(data.get("msgid", ""))

    async def send_markdown(self, touser: str, content: str, **kw: Any) -> str:
        """Send markdown (at most 4,096 bytes); returns the msgid."""
        payload = {"touser": touser, "msgtype": "markdown", "markdown": {"content": content}}
        return str((await self.send_message(payload, **kw)).get("msgid", ""))

    async def send_template_card(self, touser: str, card: Mapping[str, Any], **kw: Any) -> str:
        """Send a template card; returns the response_code that update_template_card needs (or "")."""
        payload = {"touser": touser, "msgtype": "template_card", "template_card": dict(card)}
        return str((await self.send_message(payload, **kw)).get("response_code", ""))

    async def update_template_card(self, userids: list[str], response_code: str, replace_name: str) -> None:
        """Grey out the clicked button with `replace_name` (a response_code works once, within 72 h)."""
        body = {
            "userids": userids,
            "agentid": self._config.agent_id,
            "response_code": response_code,
            "button": {"replace_name": replace_name},
        }
        await self.call("POST", "/cgi-bin/message/update_template_card", body=body)

    async def upload_image(self, data: bytes, filename: str) -> str:
        """Upload a temporary image (valid 3 days); returns its media_id."""
        return await self._upload("image", data, filename)

    async def upload_file(self, data: bytes, filename: str) -> str:
        """Upload a temporary file (5 bytes to 20 MB, valid 3 days); returns its media_id. The member
        sees `filename` on the file message."""
        return await self._upload("file", data, filename)

    async def _upload(self, kind: str, data: bytes, filename: str) -> str:
        def form() -> aiohttp.FormData:
            # The name as UTF-8, as browsers send it: percent-encoded (aiohttp's default) it would
            # show to the member as %E5%AE%A2... (callers pass plain names: no quotes or line breaks).
            f = aiohttp.FormData(quote_fields=False)
            # A stream, not bytes: aiohttp warns that a large bytes body would hold the event loop up.
            stream = io.BytesIO(data)
            f.add_field("media", stream, filename=filename, content_type="application/octet-stream")
            return f

        result = await self.call("POST", "/cgi-bin/media/upload", params={"type": kind}, form=form)
        return str(result.get("media_id", ""))

    async def send_image(self, touser: str, media_id: str, **kw: Any) -> str:
        payload = {"touser": touser, "msgtype": "image", "image": {"media_id": media_id}}
        return str((await self.send_message(payload, **kw)).get("msgid", ""))

    async def send_file(self, touser: str, media_id: str, **kw: Any) -> str:
        payload = {"touser": touser, "msgtype": "file", "file": {"media_id": media_id}}
        return str((await self.send_message(payload, **kw)).get("msgid", ""))

    # -- customers and 微信客服 ---------------------------------------------------------------------------

    async def get_external_contact(self, external_userid: str) -> dict[str, Any]:
        """externalcontact/get: {"external_contact": {...}, "follow_user": [...], ...}."""
        params = {"external_userid": external_userid}
        return await self.call("GET", "/cgi-bin/externalcontact/get", params=params)

    async def kf_sync_msg(
        self, token: str, open_kfid: str, cursor: str = "", limit: int = 1000
    ) -> dict[str, Any]:
        """One page of kf/sync_msg: msg_list, next_cursor, has_more; the caller loops and keeps cursors."""
        body: dict[str, Any] = {"token": token, "open_kfid": open_kfid, "limit": limit}
        if cursor:
            body["cursor"] = cursor
        return await self.call("POST", "/cgi-bin/kf/sync_msg", body=body)

    async def kf_send_text(self, touser: str, open_kfid: str, content: str, msgid: str | None = None) -> str:
        """Reply to a 微信客服 customer; 95001/95002 come back as kind "kf_limit". Returns the msgid.

        `msgid` (at most 32 bytes of [0-9a-zA-Z_-]): ours instead of the platform's; it must be unique
        within the 客服 account, "否则接口返回错误" (kf/send_msg), so sending it again cannot show the
        message twice (the error's code is not documented)."""
        body: dict[str, Any] = {
            "touser": touser,
            "open_kfid": open_kfid,
            "msgtype": "text",
            "text": {"content": content},
        }
        if msgid:
            body["msgid"] = msgid
        return str((await self.call("POST", "/cgi-bin/kf/send_msg", body=body)).get("msgid", ""))

    # -- group robot ------------------------------------------------------------------------------------

    async def webhook_send(self, key: str, payload: Mapping[str, Any]) -> None:
        """Post to a group robot (webhook/send?key=...); needs no access token."""
        await self._once("POST", "/cgi-bin/webhook/send", params={"key": key}, body=payload)
