"""The channel contract: what a platform implements so that the core can receive from it and deliver
to it. The core (pipeline, router, outbox sender, jobs) knows channels only through this.

A channel
- is opened at start-up with the app's shared resources (HTTP session, token and cursor stores);
- serves its HTTP routes (callbacks, pages) and hands each verified message to `accept`, which
  stores it durably before the platform is answered;
- owns its background tasks (a long-lived connection, a poller): the app starts and stops them;
- may enrich a stored message before it is processed, with no transaction open (a profile look-up,
  a pull of messages the callback only announced): the result replaces the stored message, or
  None when the channel has dealt with it wholly;
- delivers an `Outgoing` (a neutral reply, its route, or a card update) in its platform's format,
  returning a handle for updating the card later, or raising `DeliveryError`;
- says its limits.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

import aiohttp
from aiohttp import web

from bot.channels.ratelimit import RateWindows, memory_windows
from bot.channels.tokens import Cursors, TokenCache
from bot.types import Message, Outgoing, Platform

Accept = Callable[[Sequence[Message]], Awaitable[list[int]]]
Task = Callable[[], Awaitable[None]]  # runs until cancelled


class DeliveryError(Exception):
    """A failed delivery and what to do about it: retry later, wait a window out, hold, or give up.
    `uncertain`: the platform may have shown it all the same (a timeout or a dropped connection after the
    request went out, a 5xx), so every later attempt is an uncertain one (`Outgoing.attempt_uncertain`)."""

    def __init__(
        self,
        message: str,
        *,
        retry: bool = True,
        wait: timedelta | None = None,
        hold: bool = False,
        uncertain: bool = False,
    ) -> None:
        super().__init__(message)
        self.retry = retry
        self.wait = wait
        self.hold = hold  # cannot go out until the recipient writes again (see release_held_outbox)
        self.uncertain = uncertain


@dataclass(frozen=True, slots=True)
class Limits:
    """What a platform's messages can hold; handlers write for a phone, the channel fits the rest."""

    text_bytes: int  # a plain text message, in UTF-8 bytes
    buttons: int  # buttons on one card (0: no cards)
    card_update_window: timedelta | None  # how long a sent card can be updated (None: never)


@dataclass(frozen=True, slots=True)
class Resources:
    """What the app opens at start-up and lends to every channel: one HTTP client session, the token and
    cursor stores every instance shares, and the per-recipient rate windows (shared by every instance on
    PostgreSQL, in memory otherwise)."""

    http: aiohttp.ClientSession
    tokens: TokenCache
    cursors: Cursors
    windows: RateWindows = memory_windows


class Channel(Protocol):
    platform: Platform
    limits: Limits

    def add_routes(self, app: web.Application) -> None: ...

    def open(self, resources: Resources) -> None:
        """At start-up, before any task runs or anything is delivered: build the platform's client."""
        ...

    def tasks(self) -> Sequence[Task]:
        """Background work this channel owns, started with the app and cancelled at shutdown."""
        ...

    def needs_enrichment(self, message: Message) -> bool: ...

    async def enrich(self, message: Message) -> Message | None:
        """Network work before processing, with no transaction open; raises to be retried later."""
        ...

    def health(self) -> str | None:
        """What this channel cannot do right now, for the health page (None: nothing wrong)."""
        ...

    async def deliver(self, item: Outgoing) -> str | None:
        """Send one item; returns the handle to update it later (or None). Raises DeliveryError; any
        other exception counts as a retryable failure."""
        ...


class ChannelBase:
    """Defaults for what a channel does not do: no routes, resources, tasks or enrichment."""

    def add_routes(self, app: web.Application) -> None:
        return None

    def open(self, resources: Resources) -> None:
        return None

    def tasks(self) -> Sequence[Task]:
        return ()

    def needs_enrichment(self, message: Message) -> bool:
        return False

    async def enrich(self, message: Message) -> Message | None:
        return message

    def health(self) -> str | None:
        return None
