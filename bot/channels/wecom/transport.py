"""Delivers outbox rows through the WeChat Work API, and says what the outbox should do on failure.

Outbox kinds: "reply" and "push" (a rendered message/send payload, card or markdown: an answer to the
member who wrote, or a message nobody asked for just now), "card_update" (grey out a clicked button),
"kf" (a reply to a 微信客服 customer), "webhook" (a team group robot's own payload, markdown or a picture;
the target is the robot's key) and "image" (a PNG in base64: uploaded as temporary media, then sent).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.errors import PlatformError
from bot.outbox import DeliveryError

# The platform drops an identical push within this window: an outbox retry after an unclear failure
# (the send may have gone through) then cannot reach the rep twice. Not for replies: the same
# question asked twice deserves the same answer twice.
DUPLICATE_CHECK_SECONDS = 4 * 3600


class WeComTransport:
    def __init__(self, client: WeComClient) -> None:
        self._client = client

    async def deliver(self, target: str, kind: str, payload: Mapping[str, Any]) -> str | None:
        try:
            return await self._send(target, kind, payload)
        except PlatformError as e:
            raise as_delivery_error(e) from e

    async def _send(self, target: str, kind: str, payload: Mapping[str, Any]) -> str | None:
        if kind in ("reply", "push"):
            # wait=False: the outbox reschedules a message over a member's rate instead of blocking
            # every other recipient behind it.
            check = DUPLICATE_CHECK_SECONDS if kind == "push" else None
            data = await self._client.send_message(payload, duplicate_check_interval=check, wait=False)
            return str(data.get("response_code") or "") or None
        if kind == "card_update":
            await self._client.update_template_card(
                list(payload["userids"]), str(payload["response_code"]), str(payload["replace_name"])
            )
            return None
        if kind == "kf":
            await self._client.kf_send_text(target, str(payload["open_kfid"]), str(payload["content"]))
            return None
        if kind == "webhook":
            await self._client.webhook_send(target, payload)
            return None
        if kind == "image":
            # Uploaded on every attempt: a temporary media id lasts 3 days, and a retry may come later.
            # (So no duplicate check either: a retry's message names another media id.)
            try:
                data = base64.b64decode(str(payload["image_base64"]), validate=True)
            except (KeyError, ValueError) as e:
                raise DeliveryError(f"image row without a valid image: {e}", retry=False) from None
            media_id = await self._client.upload_image(data, str(payload.get("filename") or "image.png"))
            await self._client.send_image(str(payload.get("touser") or target), media_id, wait=False)
            return None
        raise DeliveryError(f"unknown outbox kind {kind!r} for wecom", retry=False)


def as_delivery_error(e: PlatformError) -> DeliveryError:
    if e.kind == "rate_limited":
        return DeliveryError(str(e), wait=timedelta(seconds=e.retry_after or 60.0))
    if e.kind == "kf_limit":
        return DeliveryError(str(e), hold=True)
    if e.kind in ("retry", "token"):
        return DeliveryError(str(e))
    # "config" (untrusted IP, unknown recipient) needs an admin; "other" will not get better by retrying.
    return DeliveryError(str(e), retry=False)
