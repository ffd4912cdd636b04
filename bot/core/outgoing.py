"""Where a reply goes, and its outbox row: one module for the processor, the SLA scanner and the
digest job, so a reply, an alert and a digest reach a person the same way.

A row holds the neutral reply (`bot.types.Outgoing`); the recipient's channel renders it when it is
delivered. Nothing here knows a platform's format.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import CardUpdate, Message, Outgoing, Platform, Reply
from storage.models import Person
from storage.outbox import add_outbox, enqueue_outbox, enqueue_outbox_once
from storage.people import user_id_on

log = logging.getLogger("salesbot.outgoing")

CLICKED = "已处理"  # what a card's buttons become once one was used or the breach closed

GroupTarget = Callable[[str], str | None]


class Addressing:
    """Who is reached where: `platforms` are the enabled chat platforms in order of preference;
    `groups` maps each platform that has team group robots to its recogniser of group addresses."""

    def __init__(
        self, platforms: Sequence[Platform], groups: Mapping[Platform, GroupTarget] | None = None
    ) -> None:
        self._platforms = tuple(platforms)
        self._groups = dict(groups or {})

    async def to_person(
        self, session: AsyncSession, reply: Reply, message: Message | None = None
    ) -> Outgoing | None:
        """The item for a reply to a person (`reply.to`): on the platform `message` came from when
        they are on it, else an enabled one. None when the person cannot be reached. Scheduled pushes
        (SLA alerts, digests) pass no message."""
        if reply.to is None:
            return None
        person = await session.get(Person, reply.to)
        if message is None:
            return self.push_to(person, reply)
        if person is None or not person.active:
            return None
        platform, target = self.address(person, message.platform)
        answering = message is not None and platform == message.platform and target == message.sender_id
        if not answering:
            return Outgoing.of(platform, target, "push", reply, person.id)
        assert message is not None
        return Outgoing.of(platform, target, "reply", reply, person.id, route=message.reply_route)

    def push_to(self, person: Person | None, reply: Reply) -> Outgoing | None:
        """The item for an unasked push to a person already loaded (a scan reads the organisation
        once, not a person per notice); None when they cannot be reached."""
        if person is None or not person.active:
            return None
        platform, target = self.address(person, None)
        return Outgoing.of(platform, target, "push", reply, person.id)

    def to_sender(self, message: Message, reply: Reply) -> Outgoing | None:
        """The item for a reply to whoever sent `message` (a customer, a stranger); None when they read
        their answer elsewhere (a web form's HTTP response)."""
        if message.answered_elsewhere:
            return None
        return Outgoing.of(message.platform, message.sender_id, "reply", reply, route=message.reply_route)

    def to_group(self, address: str, team: str, reply: Reply) -> Outgoing | None:
        """The item for a team's group robot; None when no enabled channel owns that address. The
        route names the team, for the log: the address itself is a secret."""
        for platform, target_of in self._groups.items():
            target = target_of(address)
            if target:
                return Outgoing.of(platform, target, "group", reply, route={"team": team})
        return None

    def wrote_from(self, person: Person, platform: Platform) -> None:
        """Remember the chat platform a person wrote from: unasked pushes go there next."""
        if platform in self._platforms and person.last_platform != platform:
            person.last_platform = platform

    def address(self, person: Person, preferred: Platform | None) -> tuple[Platform, str]:
        """Where a person is reached: the preferred platform (the one being answered), else the chat
        platform they last wrote from, else the first enabled one they are on."""
        if preferred == "console":  # whoever writes on the console is answered there, platforms or not
            return "console", person.key
        if preferred is None and person.last_platform in self._platforms:
            preferred = cast(Platform, person.last_platform)
        ids = {platform: user_id_on(person, platform) for platform in self._platforms}
        if preferred is not None and ids.get(preferred):
            return preferred, str(ids[preferred])
        for platform, user_id in ids.items():
            if user_id:
                return platform, user_id
        return "console", person.key


def card_handled(platform: Platform, target: str, handle: str, issued_at: datetime) -> Outgoing:
    """The update that greys out a delivered card's buttons as 已处理."""
    return Outgoing(platform, target, "card_update", update=CardUpdate(handle, CLICKED, issued_at))


async def queue(
    session: AsyncSession,
    item: Outgoing | None,
    now: datetime,
    *,
    dedupe_key: str | None = None,
    alert_id: int | None = None,
    flush: bool = True,
) -> bool:
    """Write the outbox row for an item; False (and a warning) when there is none (its recipient
    cannot be reached), and False when it has a dedupe key that was queued before (by this or another
    instance). flush=False (rows without a dedupe key): the row is written with the others at the
    transaction's next flush, in bulk."""
    if item is None:
        log.warning("reply has no reachable recipient")
        return False
    if dedupe_key is not None:
        return await enqueue_outbox_once(session, item, now, dedupe_key=dedupe_key, alert_id=alert_id)
    if flush:
        await add_outbox(session, item, now, alert_id=alert_id)
    else:
        await enqueue_outbox(session, item, now, alert_id=alert_id, flush=False)
    return True
