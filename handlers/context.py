"""What every handler receives: the message, what was understood from it, who sent it, and where to write.

Handlers flush, never commit: the processor commits their writes, the outbox rows for their
replies and the inbound message's done mark in one transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import Config
from bot.types import Message, Reply
from nlp import Catalog, Extraction
from storage.models import Person


@dataclass(frozen=True, slots=True)
class Context:
    message: Message
    extraction: Extraction
    person: Person | None  # None: a customer, or a member not in [org]
    session: AsyncSession
    clock: Clock
    config: Config
    catalog: Catalog
    inbound_id: int | None = None

    @property
    def member(self) -> Person:
        """Who wrote, for handlers of members' messages: the router sends customers to new_lead and
        strangers to unknown_user, so a member is always there."""
        if self.person is None:
            raise RuntimeError("a member's handler got a message from someone not in [org]")
        return self.person


Handler = Callable[[Context], Awaitable[list[Reply]]]
