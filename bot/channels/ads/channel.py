"""Ad platforms' lead forms as one channel (bot.channels.base.Channel): every configured source's push
endpoint, and the pullers that reconcile what the pushes missed. Leads are answered nowhere (the
customer filled a form on an ad), so this channel delivers nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.channels.ads.lead import PLATFORM
from bot.channels.ads.receiver import AdReceiver
from bot.channels.base import Accept, ChannelBase, DeliveryError, Limits
from bot.clock import Clock
from bot.config import LeadSourceConfig
from bot.types import Outgoing, Platform


class AdSourcesChannel(ChannelBase):
    platform: Platform = PLATFORM
    limits = Limits(text_bytes=0, buttons=0, card_update_window=None)

    def __init__(
        self, sources: Sequence[LeadSourceConfig], clock: Clock, accept: Accept, tz: ZoneInfo
    ) -> None:
        self._sources = tuple(sources)
        self._receiver = AdReceiver(self._sources, clock, accept, tz)

    def add_routes(self, app: web.Application) -> None:
        self._receiver.add_routes(app)

    async def deliver(self, item: Outgoing) -> str | None:
        # Nothing is ever addressed here (ad inquiries are answered_elsewhere); a row that is must not retry.
        raise DeliveryError("an ad platform's lead has no chat to answer in", retry=False)
