"""微信客服: pull customers' messages with kf/sync_msg after a kf_msg_or_event callback.

The callback carries no message, only a token to pull with. Each page's messages are accepted
(committed, unique on the message id) before its cursor is saved, so a crash re-reads a page, which
changes nothing, and never skips one: the saved cursor survives a restart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from bot.channels.body import storable_text
from bot.channels.tokens import Cursors
from bot.channels.wecom.client import WeComClient
from bot.types import Message

CUSTOMER_ORIGIN = 3  # origin 3: sent by the WeChat user; 4 system events, 5 our own servicers
MAX_PAGES = 100  # a bound on one pull, so a broken has_more cannot loop for ever


Accept = Callable[[Sequence[Message]], Awaitable[object]]


class KfPuller:
    def __init__(self, client: WeComClient, corp_id: str, cursors: Cursors, accept: Accept) -> None:
        self._client = client
        self._corp_id = corp_id
        self._cursors = cursors
        self._accept = accept

    async def pull(self, open_kfid: str, token: str) -> int:
        """Read everything new for one 客服 account; returns how many customer messages were accepted."""
        key = f"wecom:kf:{self._corp_id}:{open_kfid}"
        cursor = await self._cursors.get(key) or ""
        accepted = 0
        for _ in range(MAX_PAGES):
            page = await self._client.kf_sync_msg(token, open_kfid, cursor)
            messages = [m for m in map(customer_message, page.get("msg_list") or []) if m is not None]
            if messages:
                await self._accept(messages)
                accepted += len(messages)
            next_cursor = str(page.get("next_cursor") or "")
            if next_cursor and next_cursor != cursor:
                await self._cursors.put(key, next_cursor)
                cursor = next_cursor
            if not page.get("has_more"):
                break
        return accepted


def customer_message(item: Mapping[str, Any]) -> Message | None:
    """A customer's message as an inquiry; system events and our own servicers' messages are skipped."""
    if item.get("origin") != CUSTOMER_ORIGIN or not item.get("msgid") or not item.get("external_userid"):
        return None
    msgtype = str(item.get("msgtype", ""))
    text = str((item.get("text") or {}).get("content", "")) if msgtype == "text" else ""
    # A NUL (or a lone surrogate, escaped in the JSON) would fail the insert on every pull, holding the
    # cursor and every later message behind it; the customer's words are kept without it.
    text = storable_text(text)
    if not text.strip():
        return None  # images, voice, links: nothing to read; the customer is answered when they write
    try:
        sent_at = datetime.fromtimestamp(int(item.get("send_time", 0)), UTC)
    except (TypeError, ValueError, OverflowError):
        return None
    return Message(
        platform="wecom",
        platform_msg_id=f"kf:{item['msgid']}",
        sender_id=str(item["external_userid"]),
        kind="inquiry",
        text=text,
        sent_at=sent_at,
        chat_id=str(item.get("open_kfid", "")),
        # Answered through the 客服 account the customer wrote to, not as an app message.
        reply_route={"open_kfid": str(item.get("open_kfid", ""))},
        form={"source": "wecom_kf"},
        raw={"source": "wecom_kf", "open_kfid": item.get("open_kfid", ""), "msgid": item["msgid"]},
    )
