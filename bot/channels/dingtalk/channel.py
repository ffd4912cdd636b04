"""The DingTalk channel as the core sees it (bot.channels.base.Channel): robot messages in over Stream
mode or HTTP, replies and pushes out through the session webhook, the robot's 1:1 batchSend, group
messages and the team's custom robot, with buttons on an interactive card or as typed commands.

A retry whose earlier attempt may have been shown (`Outgoing.attempt_uncertain`: the bot died, hung or
timed out mid-call) is kept from showing twice only where DingTalk offers a key: an interactive card's
outTrackId is ours and idempotent, and comes from the outbox row, so a card is never made twice. The
robot's batchSend and group send (msgKey, msgParam, robotCode, userIds or openConversationId: no request
id), the session webhook and the custom robot take no idempotency key, and their processQueryKey (which
readStatus and batchRecall take) exists only in the answer the crash lost. So a plain message, a picture
or a file can still be shown twice when the bot dies between DingTalk taking the request and the outbox
recording "sent": a window of one HTTP call (at most the client's 10-second timeout, a minute for an
upload) and one commit, per message in flight (the sender has one at a time).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from aiohttp import web

from bot.channels.base import Accept, ChannelBase, DeliveryError, Limits, Resources, Task
from bot.channels.dingtalk.callback import DingTalkCallback
from bot.channels.dingtalk.client import DingTalkClient
from bot.channels.dingtalk.errors import DingTalkError
from bot.channels.dingtalk.groups import WEBHOOK_PREFIX
from bot.channels.dingtalk.media import MediaKind, file_message, image_message
from bot.channels.dingtalk.render import (
    MARKDOWN_LIMIT,
    MAX_BUTTONS,
    Rendered,
    card_params,
    commands,
    handled_params,
    markdown,
)
from bot.channels.dingtalk.stream import StreamClient
from bot.channels.tokens import Cursors
from bot.clock import Clock
from bot.config import DingTalkConfig
from bot.types import Message, Outgoing, Platform

log = logging.getLogger("salesbot.dingtalk")

COMMANDS_KEPT = timedelta(hours=24)  # a typed "1" answers the last buttons sent this long ago at most
SESSION_MARGIN = timedelta(minutes=1)  # a session webhook this close to expiry is not trusted
FLOW_CONTROL_WAIT = timedelta(minutes=1)  # the platform held the message back for this member
QUOTA_PROBE = timedelta(hours=1)  # with the month's API calls used up, try again this often
IMAGE_NAME = "chart.png"
FILE_REFUSED = "（这个文件的格式或大小钉钉不收，没能发出）"
CHECKED = "salesbot_typed_command_checked"  # in a message's raw once enrich has looked at it
_COMMAND_CHARS = 12  # a typed command is a number or a button label, never longer


class DingTalkChannel(ChannelBase):
    platform: Platform = "dingtalk"

    def __init__(
        self,
        config: DingTalkConfig,
        clock: Clock,
        accept: Accept,
        *,
        webhook_secrets: Mapping[str, str] | None = None,
        client: DingTalkClient | None = None,
    ) -> None:
        """`webhook_secrets`: each custom group robot's 加签 secret by its access token."""
        # Buttons either way (a card, or typed commands); only a card can be updated, for as long as it lasts.
        window = timedelta.max if config.card_template_id else None
        self.limits = Limits(text_bytes=MARKDOWN_LIMIT, buttons=MAX_BUTTONS, card_update_window=window)
        self._config = config
        self._clock = clock
        self._accept = accept
        self._secrets = dict(webhook_secrets or {})
        self._client = client
        self._cursors: Cursors | None = None
        self._stream: StreamClient | None = None
        self.quota_exhausted_at: datetime | None = None

    def add_routes(self, app: web.Application) -> None:
        DingTalkCallback(self._config, self._clock, self._accept).add_routes(app)

    def open(self, resources: Resources) -> None:
        if self._client is None:
            self._client = DingTalkClient(self._config, resources.http, resources.tokens, self._clock)
        self._cursors = resources.cursors
        if self._config.mode == "stream":
            self._stream = StreamClient(self._config, resources.http, self._accept, clock=self._clock)

    def tasks(self) -> Sequence[Task]:
        return (self._stream.run,) if self._stream is not None else ()

    @property
    def client(self) -> DingTalkClient:
        if self._client is None:
            raise RuntimeError("the DingTalk channel is used before the app opened it")
        return self._client

    def health(self) -> str | None:
        if self.quota_exhausted_at is not None:
            since = f"{self.quota_exhausted_at:%Y-%m-%d %H:%M} UTC"
            return f"API calls for the month used up (ApiCountLimitForOrg) since {since}; sending paused"
        return None

    # -- typed commands: a "1" or a label answering the last buttons sent as text --------------------------

    def needs_enrichment(self, message: Message) -> bool:
        text = message.text.strip()
        return (
            message.kind == "text"
            and 0 < len(text) <= _COMMAND_CHARS
            and self._cursors is not None
            and CHECKED not in message.raw
        )

    async def enrich(self, message: Message) -> Message | None:
        """A short text that answers the last buttons sent as text becomes that button's click; any
        other comes back marked as checked (the pipeline stores what enrichment returns)."""
        assert self._cursors is not None
        checked = replace(message, raw={**message.raw, CHECKED: True})
        stored = await self._cursors.get(_commands_key(message.sender_id))
        if not stored:
            return checked
        data = json.loads(stored)
        if message.sent_at - datetime.fromisoformat(data["at"]) > COMMANDS_KEPT:
            return checked
        typed = message.text.strip()
        for command, key in data["commands"]:
            if typed == command:
                # Used once, like a card's buttons: a second "1" is a message again.
                await self._cursors.put(
                    _commands_key(message.sender_id), json.dumps({"at": data["at"], "commands": []})
                )
                return replace(checked, kind="button", text=key)
        return checked

    # -- delivery ----------------------------------------------------------------------------------------

    async def deliver(self, item: Outgoing) -> str | None:
        now = self._clock.now()
        if self.quota_exhausted_at is not None and now - self.quota_exhausted_at < QUOTA_PROBE:
            raise DeliveryError("DingTalk API quota for the month used up", wait=QUOTA_PROBE)
        try:
            handle = await self._send(item)
        except DingTalkError as e:
            raise self._as_delivery_error(e) from e
        self.quota_exhausted_at = None
        return handle

    async def _send(self, item: Outgoing) -> str | None:
        client = self.client
        if item.kind == "card_update":
            assert item.update is not None
            await client.update_card(item.update.handle, handled_params(item.update.label))
            return None
        if item.image is not None or item.file is not None:
            await self._send_media(item)
            return None
        if item.kind == "group":
            await self._group(item.target, markdown(item))
            return None
        if item.buttons and self._config.card_template_id:
            # The same outTrackId on every attempt: DingTalk makes no second card for it.
            card_id = f"sb_{item.delivery_key or secrets.token_hex(12)}"
            await client.send_card(item.target, card_id, self._config.card_template_id, card_params(item))
            return card_id
        if item.attempt_uncertain:
            log.info(
                "retrying a message that may have been shown: DingTalk offers no idempotency key for it",
                extra={"target": item.target, "kind": item.kind},
            )
        rendered = markdown(item)
        if not (item.kind == "reply" and await self._session_reply(item, rendered.session_body())):
            await self._batch(item.target, rendered.msg_key, rendered.msg_param)
        if item.buttons:
            await self._remember_commands(item)
        return None

    async def _send_media(self, item: Outgoing) -> None:
        """A picture or a file, uploaded on every attempt (a retry may come after its media id lapsed),
        shown alone as on WeChat Work. A custom robot takes no uploaded media, and a file DingTalk
        does not take (its format or size) cannot go at all: the text says so instead."""
        kind: MediaKind = "image" if item.image is not None else "file"
        name, data = (IMAGE_NAME, item.image) if item.image is not None else (item.file.name, item.file.data)  # type: ignore[union-attr]
        if item.kind == "group" and item.target.startswith(WEBHOOK_PREFIX):
            await self._group(item.target, markdown(item))
            return
        try:
            media_id = await self.client.upload_media(kind, name, data)
        except ValueError as e:
            log.warning("not sendable on DingTalk", extra={"target": item.target, "reason": str(e)})
            note = dataclasses.replace(item, image=None, file=None, title=item.title or name,
                                      lines=(*item.lines, FILE_REFUSED))  # fmt: skip
            rendered = markdown(note)
            if item.kind == "group":
                await self._group(item.target, rendered)
            else:
                await self._batch(item.target, rendered.msg_key, rendered.msg_param)
            return
        msg_key, msg_param = image_message(media_id) if kind == "image" else file_message(media_id, name)
        if item.kind == "group":
            await self.client.group_send(item.target, msg_key, msg_param)
        else:
            await self._batch(item.target, msg_key, msg_param)

    async def _group(self, target: str, rendered: Rendered) -> None:
        if target.startswith(WEBHOOK_PREFIX):
            token = target.removeprefix(WEBHOOK_PREFIX)
            await self.client.robot_webhook_send(token, self._secrets.get(token, ""), rendered.session_body())
        else:
            await self.client.group_send(target, rendered.msg_key, rendered.msg_param)

    async def _batch(self, target: str, msg_key: str, msg_param: Mapping[str, str]) -> None:
        """One robot message to one member; a 200 is not a delivery until the lists say so."""
        result = await self.client.batch_send([target], msg_key, msg_param)
        if target in result.invalid:
            log.error(
                "not a member the robot can reach: check [org] dingtalk_userid and the app's visibility",
                extra={"target": target},
            )
            raise DeliveryError(f"{target} is in invalidStaffIdList", retry=False)
        if target in result.flow_controlled:
            raise DeliveryError(f"{target} is flow-controlled", wait=FLOW_CONTROL_WAIT)

    async def _session_reply(self, item: Outgoing, body: Mapping[str, object]) -> bool:
        """Answer through the message's session webhook while it lasts (it costs no API call); False
        when there is none or it has expired."""
        url, expires = item.route.get("session_webhook"), item.route.get("session_webhook_expires", "")
        if not url or not expires.isdigit():
            return False
        if (
            datetime.fromtimestamp(int(expires) / 1000, tz=self._clock.now().tzinfo) - SESSION_MARGIN
            < self._clock.now()
        ):
            return False
        try:
            await self.client.session_send(url, body)
        except DingTalkError as e:
            if e.kind in ("retry", "rate_limited", "quota"):
                raise
            log.info("session webhook refused, sending through the API", extra={"error": str(e)})
            return False
        return True

    async def _remember_commands(self, item: Outgoing) -> None:
        assert self._cursors is not None
        data = {"at": self._clock.now().isoformat(), "commands": commands(item)}
        await self._cursors.put(_commands_key(item.target), json.dumps(data, ensure_ascii=False))

    def _as_delivery_error(self, e: DingTalkError) -> DeliveryError:
        if e.kind == "quota":
            if self.quota_exhausted_at is None:
                log.error(
                    "DingTalk says this organisation's API calls for the month are used up "
                    "(ApiCountLimitForOrg): nothing goes out through the API; "
                    "what is pending stays in the outbox",
                )
            self.quota_exhausted_at = self._clock.now()
            return DeliveryError(str(e), wait=QUOTA_PROBE)
        if e.kind == "rate_limited":
            return DeliveryError(str(e), wait=timedelta(seconds=e.retry_after or 1.0))
        if e.kind == "retry":
            # No answer, a 5xx or a body that is not JSON: DingTalk may have carried the request out.
            return DeliveryError(str(e), uncertain=not e.code or (e.status or 0) >= 500)
        if e.kind == "token":
            return DeliveryError(str(e))
        return DeliveryError(str(e), retry=False)


def _commands_key(user_id: str) -> str:
    return f"dingtalk:commands:{user_id}"
