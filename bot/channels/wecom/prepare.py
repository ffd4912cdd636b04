"""What a WeChat Work event needs from the API before it can be processed, fetched off any transaction.

A kf_msg_or_event carries only a pull token: the customers' messages are pulled and accepted as
inquiries of their own. A new external contact carries only ids: the customer's profile is fetched.
"""

from __future__ import annotations

from typing import Any

from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.kf import KfPuller
from bot.types import Message

ADD_CONTACT = ("add_external_contact", "add_half_external_contact")


class WeComPreparer:
    def __init__(self, client: WeComClient, kf: KfPuller) -> None:
        self._client = client
        self._kf = kf

    def needs(self, message: Message) -> bool:
        return (
            message.platform == "wecom"
            and message.kind == "event"
            and (message.text == "kf_msg_or_event" or message.text in ADD_CONTACT)
        )

    async def __call__(self, message: Message) -> dict[str, object]:
        raw = message.raw
        if message.text == "kf_msg_or_event":
            pulled = await self._kf.pull(str(raw.get("OpenKfId", "")), str(raw.get("Token", "")))
            return {"pulled": pulled}
        data = await self._client.get_external_contact(str(raw.get("ExternalUserID", "")))
        return profile(data, str(raw.get("UserID", "")))


def profile(data: dict[str, Any], rep: str) -> dict[str, object]:
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
