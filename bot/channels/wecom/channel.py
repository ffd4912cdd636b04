"""The WeChat Work channel as the core sees it (bot.channels.base.Channel): the callback, the
enrichment of events that carry only ids, and delivery of neutral items in WeChat Work's formats.
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aiohttp import web

from bot.channels.base import Accept, ChannelBase, DeliveryError, Limits, Resources
from bot.channels.text import fit
from bot.channels.wecom.callback import WeComCallback
from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.errors import PlatformError
from bot.channels.wecom.inbound import ADD_CONTACT
from bot.channels.wecom.kf import KfPuller
from bot.channels.wecom.limits import TEXT_LIMIT
from bot.channels.wecom.ratelimit import MEMBER_LIMITS
from bot.channels.wecom.render import IMAGE_FILENAME, MAX_BUTTONS, render, render_webhook
from bot.clock import Clock
from bot.config import WeComConfig
from bot.types import Message, Outgoing, Platform

log = logging.getLogger("salesbot.wecom")

# The platform drops an identical push within this window: an outbox retry after an unclear failure
# (the send may have gone through) then cannot reach the rep twice. Not for replies on a first attempt:
# the same question asked twice deserves the same answer twice.
DUPLICATE_CHECK_SECONDS = 4 * 3600  # the documented maximum of duplicate_check_interval
# An uncertain retry's window reaches back to the start of the attempt whose outcome is unknown, and this
# much further (clock skew between us and the platform, the request's own time in flight).
DUPLICATE_CHECK_MARGIN = 60
CARD_UPDATE_WINDOW = timedelta(hours=72)  # a card's response_code works for 72 hours
KF_PULL = "kf_msg_or_event"


class WeComChannel(ChannelBase):
    platform: Platform = "wecom"
    limits = Limits(text_bytes=TEXT_LIMIT, buttons=MAX_BUTTONS, card_update_window=CARD_UPDATE_WINDOW)

    def __init__(
        self, config: WeComConfig, clock: Clock, accept: Accept, *, client: WeComClient | None = None
    ) -> None:
        """`client`: a ready one (tests); otherwise `open` builds it on the app's resources."""
        self._config = config
        self._clock = clock
        self._accept = accept
        self._client = client
        self._kf: KfPuller | None = None

    def add_routes(self, app: web.Application) -> None:
        WeComCallback(self._config, self._clock, self._accept).add_routes(app)

    def open(self, resources: Resources) -> None:
        if self._client is None:
            self._client = WeComClient(
                self._config, resources.http, resources.tokens, self._clock,
                limiter=resources.windows(MEMBER_LIMITS),
            )  # fmt: skip
        self._kf = KfPuller(self._client, self._config.corp_id, resources.cursors, self._accept)

    @property
    def client(self) -> WeComClient:
        if self._client is None:
            raise RuntimeError("the WeChat Work channel is used before the app opened it")
        return self._client

    # -- enrichment: events that carry only ids --------------------------------------------------------

    def needs_enrichment(self, message: Message) -> bool:
        return message.kind == "event" and (message.text == KF_PULL or message.text in ADD_CONTACT)

    async def enrich(self, message: Message) -> Message | None:
        raw = message.raw
        if message.text == KF_PULL:
            # The callback carries only a token to pull with: the customers' messages are accepted
            # as inquiries of their own, and the event itself has nothing left to do.
            assert self._kf is not None
            await self._kf.pull(str(raw.get("OpenKfId", "")), str(raw.get("Token", "")))
            return None
        data = await self.client.get_external_contact(str(raw.get("ExternalUserID", "")))
        return contact_inquiry(message, profile(data, str(raw.get("UserID", ""))))

    # -- delivery ----------------------------------------------------------------------------------------

    async def deliver(self, item: Outgoing) -> str | None:
        try:
            return await self._send(item)
        except PlatformError as e:
            raise as_delivery_error(e) from e

    async def _send(self, item: Outgoing) -> str | None:
        client = self.client
        if item.kind == "card_update":
            assert item.update is not None
            if self._clock.now() - item.update.issued_at > CARD_UPDATE_WINDOW:
                log.info("card too old to update, left as it is", extra={"target": item.target})
                return None
            await client.update_template_card([item.target], item.update.handle, item.update.label)
            return None
        if item.kind == "group":
            await client.webhook_send(item.target, render_webhook(item))
            return None
        if item.route.get("open_kfid"):  # a 微信客服 customer: plain text through kf/send_msg
            # Our msgid, the same on every attempt: the platform refuses a msgid it has seen on this 客服
            # account, so a retry of a message it took cannot show it twice.
            await client.kf_send_text(
                item.target,
                item.route["open_kfid"],
                fit(item.plain_text(), TEXT_LIMIT),
                msgid=f"sb_{item.delivery_key}" if item.delivery_key else None,
            )
            return None
        if item.image is not None:
            # Uploaded on every attempt: a temporary media id lasts 3 days, and a retry may come later.
            # (So no duplicate check either: a retry's message names another media id. An uncertain
            # retry of a picture or a file can be shown twice.)
            media_id = await client.upload_image(item.image, IMAGE_FILENAME)
            await client.send_image(item.target, media_id, wait=False)
            return None
        if item.file is not None:  # the same for a file: uploaded on every attempt, shown alone
            media_id = await client.upload_file(item.file.data, item.file.name)
            await client.send_file(item.target, media_id, wait=False)
            return None
        # wait=False: the outbox reschedules a message over a member's rate instead of blocking
        # every other recipient behind it. A card's task_id comes from the outbox row, so that an
        # uncertain retry renders the very same message and the duplicate check can recognise it.
        task_id = f"sb_{item.delivery_key}" if item.delivery_key else None
        data = await client.send_message(
            render(item, item.target, task_id=task_id).payload,
            duplicate_check_interval=self.duplicate_check(item),
            wait=False,
        )
        return str(data.get("response_code") or "") or None

    def duplicate_check(self, item: Outgoing) -> int | None:
        """message/send's duplicate_check_interval for `item`, None for no check.

        Pushes always (at most 4 hours, the documented maximum). Replies only on an uncertain retry, and
        then only back to the start of the attempt whose outcome is unknown: a check as long as a push's
        would also drop the same answer to the same question asked again within 4 hours. What remains: an
        uncertain attempt more than 4 hours old is not covered (the outbox retries within minutes unless
        the platform was down longer), and the check is the platform's, undocumented beyond
        "same content within the interval"."""
        if item.kind == "push":
            return DUPLICATE_CHECK_SECONDS
        if item.uncertain_since is None:
            return None
        since = (self._clock.now() - item.uncertain_since).total_seconds()
        return min(DUPLICATE_CHECK_SECONDS, max(0, math.ceil(since)) + DUPLICATE_CHECK_MARGIN)


def profile(data: dict[str, Any], rep: str) -> dict[str, str]:
    """Name, company and the phone the rep noted, from externalcontact/get."""
    contact = data.get("external_contact") or {}
    follow = next((f for f in data.get("follow_user") or [] if f.get("userid") == rep), {})
    phones = [p for p in follow.get("remark_mobiles") or [] if p]
    return {
        "name": str(contact.get("name") or ""),
        "company": str(
            contact.get("corp_full_name") or contact.get("corp_name") or follow.get("remark_corp_name") or ""
        ),
        "phone": str(phones[0]) if phones else "",
        "remark": str(follow.get("remark") or ""),
    }


def webhook_key(webhook: str) -> str:
    """A group robot's key, from the key itself or from its webhook URL (…/webhook/send?key=…); the
    outbox target of a team's group post."""
    webhook = webhook.strip()
    if "?" in webhook or "://" in webhook:
        keys = parse_qs(urlsplit(webhook).query).get("key")
        return keys[0] if keys else ""
    return webhook


def contact_inquiry(message: Message, details: dict[str, str]) -> Message:
    """A rep's new WeChat customer, with the profile fetched, as an inquiry the rep brought in (the
    rep stays the sender, so the lead is theirs)."""
    name, company = details["name"], details["company"]
    form = {
        "source": "wecom_contact",
        "source_detail": str(message.raw.get("State") or ""),
        "name": name,
        "company": company or name,
        "phone": details["phone"],
    }
    return Message(
        platform=message.platform,
        platform_msg_id=message.platform_msg_id,
        sender_id=message.sender_id,
        kind="inquiry",
        text=" ".join(p for p in (company, name) if p),
        sent_at=message.sent_at,
        form={k: v for k, v in form.items() if v},
        raw={**message.raw, "details": details},
    )


def as_delivery_error(e: PlatformError) -> DeliveryError:
    if e.kind == "retry" and e.errcode == -1:
        # No answer, a 5xx or an answer that is not JSON (or the platform's own -1, 系统繁忙): the request
        # may have been carried out, so the retry is an uncertain one.
        return DeliveryError(str(e), uncertain=True)
    if e.kind == "rate_limited":
        return DeliveryError(str(e), wait=timedelta(seconds=e.retry_after or 60.0))
    if e.kind == "kf_limit":
        return DeliveryError(str(e), hold=True)
    if e.kind in ("retry", "token"):
        return DeliveryError(str(e))
    # "config" (untrusted IP, unknown recipient) needs an admin; "other" will not get better by retrying.
    return DeliveryError(str(e), retry=False)
