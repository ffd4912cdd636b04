"""The processor's one step: an accepted message in, the handler's writes and outbox rows out.

It resolves who wrote, runs the extractor, picks the handler (`handlers/<intent>.py`, or the
workflow a message continues), and turns each reply into an outbox row rendered for the
recipient's platform. It runs inside the transaction the pipeline opened, so all of it commits
with the message's done mark or none of it does.
"""

from __future__ import annotations

import base64
import importlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.wecom.limits import TEXT_LIMIT, fit
from bot.channels.wecom.prepare import ADD_CONTACT
from bot.channels.wecom.render import render, render_image
from bot.clock import Clock
from bot.config import Config
from bot.types import Message, PermissionDenied, Platform, Reply
from handlers.context import Context, Handler
from nlp import Catalog, Extraction, Extractor, Intent
from storage.inbound import message_of
from storage.models import InboundMessage, Person
from storage.outbox import enqueue_outbox, enqueue_outbox_once, release_held_outbox, take_response_code
from storage.people import find_person_by_platform_id

log = logging.getLogger("salesbot.router")

UNSUPPORTED_REPLY = Reply(to=None, title="", lines=("我目前只看得懂文字消息，请直接打字告诉我。",))
CLICKED = "已处理"
REFUSED = "这超出了你的权限，如需查看请联系你的主管。"


def handler_for(name: str) -> Handler:
    handle: Handler = importlib.import_module(f"handlers.{name}").handle
    return handle


@dataclass(frozen=True, slots=True)
class Outgoing:
    platform: Platform
    target: str
    kind: str
    payload: dict[str, Any]
    person_id: int | None


class Router:
    def __init__(self, config: Config, clock: Clock, extractor: Extractor, catalog: Catalog) -> None:
        self._config = config
        self._clock = clock
        self._extractor = extractor
        self._catalog = catalog
        self._handlers = {intent: handler_for(intent.value) for intent in Intent}
        self._new_lead = self._handlers[Intent.NEW_LEAD]
        self._buttons = handler_for("buttons")
        self._unknown_user = handler_for("unknown_user")
        self._continuations: list[tuple[Intent, Callable[[Context], Awaitable[bool]]]] = [
            (intent, importlib.import_module(f"handlers.{intent.value}").continues_last)
            for intent in (Intent.UPDATE_STAGE, Intent.LOG_FOLLOWUP)
        ]

    async def process(self, session: AsyncSession, row: InboundMessage) -> None:
        message = message_of(row)
        person = await find_person_by_platform_id(session, message.platform, message.sender_id)
        try:
            # A savepoint: a handler that refuses halfway leaves none of its writes behind.
            async with session.begin_nested():
                replies = await self._dispatch(session, row.id, message, person)
        except PermissionDenied as denied:
            log.info("refused", extra={"sender": message.sender_id, "reason": str(denied)})
            replies = [Reply(to=None, title="无权操作", lines=(str(denied) or REFUSED,))]
        for reply in replies:
            await queue(session, await self._outgoing(session, message, reply), reply, self._clock.now())
        if message.kind == "button" and message.raw.get("ResponseCode"):
            await self._grey_out(session, message)

    async def _dispatch(
        self, session: AsyncSession, inbound_id: int, message: Message, person: Person | None
    ) -> list[Reply]:
        def context(msg: Message, extraction: Extraction, who: Person | None) -> Context:
            return Context(
                msg, extraction, who, session, self._clock, self._config, self._catalog, inbound_id
            )

        nothing = Extraction(intent=Intent.OTHER)
        if message.kind == "inquiry":
            if message.raw.get("source") == "wecom_kf":
                # The customer wrote: replies held by the 48-hour / 5-reply rule may go out again.
                await release_held_outbox(session, "wecom", message.sender_id, self._clock.now())
            extraction = self._extractor.extract(message.text, message.sent_at, "customer")
            return await self._new_lead(context(message, extraction, None))
        if message.kind == "event":
            if message.text in ADD_CONTACT:
                # The rep who added the customer is the sender: a lead a rep brings in stays theirs.
                inquiry = contact_inquiry(message)
                extraction = self._extractor.extract(inquiry.text, inquiry.sent_at, "customer")
                return await self._new_lead(context(inquiry, extraction, person))
            if message.text.startswith("unsupported:") and person is not None:
                return [UNSUPPORTED_REPLY]
            return []  # enter_agent, kf_msg_or_event (pulled before processing), others: nothing to say
        if person is None:
            log.info("message from a member not in [org]", extra={"sender": message.sender_id})
            return await self._unknown_user(context(message, nothing, None))
        if message.kind == "button":
            return await self._buttons(context(message, nothing, person))
        extraction = self._extractor.extract(message.text, message.sent_at, "rep")
        ctx = context(message, extraction, person)
        # A short answer to the bot's last question ("周五下午", "价格太高") or a correction ("改成下周四")
        # continues the workflow that asked, whatever intent the words alone suggest.
        for intent, continues in self._continuations:
            if await continues(ctx):
                return await self._handlers[intent](ctx)
        return await self._handlers[extraction.intent](ctx)

    async def _grey_out(self, session: AsyncSession, message: Message) -> None:
        code = str(message.raw["ResponseCode"])
        await take_response_code(session, code)
        update = card_handled(message.platform, message.sender_id, code)
        if update is not None:
            await enqueue_outbox(
                session,
                platform=update.platform,
                target=update.target,
                kind=update.kind,
                payload=update.payload,
                now=self._clock.now(),
            )

    async def _outgoing(self, session: AsyncSession, message: Message, reply: Reply) -> Outgoing | None:
        if reply.to is None:
            return self._to_sender(message, reply)
        return await outgoing_for(session, self._config, reply, message)

    def _to_sender(self, message: Message, reply: Reply) -> Outgoing | None:
        open_kfid = message.raw.get("open_kfid")
        if message.platform == "wecom" and open_kfid:
            content = fit(plain_text(reply), TEXT_LIMIT)
            payload = {"open_kfid": str(open_kfid), "content": content}
            return Outgoing("wecom", message.sender_id, "kf", payload, None)
        if message.raw.get("source") == "web":
            return None  # a web form's sender reads the HTTP answer, not a chat
        return rendered(message.platform, message.sender_id, reply, None, "reply")


async def queue(
    session: AsyncSession,
    outgoing: Outgoing | None,
    reply: Reply,
    now: datetime,
    *,
    alert_id: int | None = None,
) -> bool:
    """Write the outbox row for a reply; False (and a warning) when its recipient cannot be reached,
    and False when the reply has a dedupe key that was queued before (by this or another instance)."""
    if outgoing is None:
        log.warning("reply has no reachable recipient", extra={"to": reply.to, "title": reply.title})
        return False
    row: dict[str, Any] = {
        "platform": outgoing.platform,
        "target": outgoing.target,
        "kind": outgoing.kind,
        "payload": outgoing.payload,
        "now": now,
        "person_id": outgoing.person_id,
        "alert_id": alert_id,
    }
    if reply.dedupe_key is not None:
        return await enqueue_outbox_once(session, dedupe_key=reply.dedupe_key, **row)
    await enqueue_outbox(session, **row)
    return True


async def outgoing_for(
    session: AsyncSession, config: Config, reply: Reply, message: Message | None = None
) -> Outgoing | None:
    """The outbox row for a reply to a person (`reply.to`): on the platform `message` came from when
    they are on it, else an enabled one. None when the person cannot be reached. Scheduled pushes
    (SLA alerts, digests) pass no message."""
    if reply.to is None:
        return None
    person = await session.get(Person, reply.to)
    if person is None or not person.active:
        return None
    platform, target = address(config, person, message.platform if message else None)
    answering = message is not None and platform == message.platform and target == message.sender_id
    return rendered(platform, target, reply, person.id, "reply" if answering else "push")


def address(config: Config, person: Person, preferred: Platform | None) -> tuple[Platform, str]:
    """Where a person is reached: the preferred platform, else an enabled one they are on."""
    ids: dict[Platform, str | None] = {
        "wecom": person.wecom_userid if config.wecom.enabled else None,
        "dingtalk": person.dingtalk_userid if config.dingtalk.enabled else None,
    }
    if preferred == "console":  # whoever writes on the console is answered there, platforms or not
        return "console", person.key
    if preferred is not None and ids.get(preferred):
        return preferred, str(ids[preferred])
    for platform, user_id in ids.items():
        if user_id:
            return platform, user_id
    return "console", person.key


def rendered(platform: Platform, target: str, reply: Reply, person_id: int | None, kind: str) -> Outgoing:
    if platform == "wecom":
        if reply.image is not None:  # uploaded by the sender, then sent as an image message
            return Outgoing("wecom", target, "image", render_image(reply, target), person_id)
        return Outgoing("wecom", target, kind, render(reply, target).payload, person_id)
    payload: dict[str, Any] = {
        "title": reply.title,
        "lines": list(reply.lines),
        "buttons": [{"key": b.key, "label": b.label} for b in reply.buttons],
    }
    if reply.image is not None:
        payload["image_png_base64"] = base64.b64encode(reply.image).decode("ascii")
    return Outgoing(platform, target, kind, payload, person_id)


def card_handled(platform: str, target: str, response_code: str) -> Outgoing | None:
    """The update that greys out a delivered card's buttons as 已处理; None where the platform
    cannot update a sent card."""
    if platform != "wecom":
        return None
    payload = {"userids": [target], "response_code": response_code, "replace_name": CLICKED}
    return Outgoing("wecom", target, "card_update", payload, None)


def plain_text(reply: Reply) -> str:
    return "\n".join([reply.title, *reply.lines]) if reply.title else "\n".join(reply.lines)


def contact_inquiry(message: Message) -> Message:
    """A rep's new WeChat customer, with the profile fetched before processing, as an inquiry."""
    details = message.raw.get("details")
    if not isinstance(details, dict):
        # Pipeline.prepare fetches it; without it the lead would have no name. Raise: retried later.
        raise RuntimeError("a new external contact reached processing without its profile")
    name, company = str(details.get("name") or ""), str(details.get("company") or "")
    raw = {
        "source": "wecom_contact",
        "source_detail": str(message.raw.get("State") or ""),
        "name": name,
        "company": company or name,
        "phone": str(details.get("phone") or ""),
        "external_userid": str(message.raw.get("ExternalUserID") or ""),
    }
    return Message(
        platform=message.platform,
        platform_msg_id=message.platform_msg_id,
        sender_id=message.sender_id,
        kind="inquiry",
        text=" ".join(p for p in (company, name) if p),
        sent_at=message.sent_at,
        raw=raw,
    )
