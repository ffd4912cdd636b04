"""Ad platforms' lead forms as one channel (bot.channels.base.Channel): every configured source's push
endpoint, and the pullers (巨量, 腾讯广告) that reconcile what the pushes missed, one background task per
source with `pull = true`. Leads are answered nowhere (the customer filled a form on an ad), so this
channel delivers nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.channels.ads import feiyu, tencent
from bot.channels.ads.lead import PLATFORM, AdLead, to_message
from bot.channels.ads.oceanengine import OceanEngineClient
from bot.channels.ads.pull import Puller
from bot.channels.ads.receiver import AdReceiver
from bot.channels.ads.tencent import TencentAdsClient
from bot.channels.base import Accept, ChannelBase, DeliveryError, Limits, Resources, Task
from bot.clock import Clock
from bot.config import LeadSourceConfig
from bot.types import Message, Outgoing, Platform


class AdSourcesChannel(ChannelBase):
    platform: Platform = PLATFORM
    limits = Limits(text_bytes=0, buttons=0, card_update_window=None)

    def __init__(
        self, sources: Sequence[LeadSourceConfig], clock: Clock, accept: Accept, tz: ZoneInfo
    ) -> None:
        self._sources = tuple(sources)
        self._clock, self._accept = clock, accept
        self._receiver = AdReceiver(self._sources, clock, accept, tz)
        self.pullers: list[Puller] = []

    def add_routes(self, app: web.Application) -> None:
        self._receiver.add_routes(app)

    def open(self, resources: Resources) -> None:
        self.pullers = [self._puller(s, resources) for s in self._sources if s.pull]

    def _puller(self, source: LeadSourceConfig, resources: Resources) -> Puller:
        client: OceanEngineClient | TencentAdsClient
        if source.platform == "tencent":
            client, defaults = TencentAdsClient(source, resources.http, self._clock), tencent.DEFAULTS
        else:  # feiyu: its pushes and the Marketing API's clues read alike
            client, defaults = OceanEngineClient(source, resources.http, self._clock), feiyu.DEFAULTS

        def message(lead: AdLead) -> Message:
            return to_message(lead, source, defaults)

        return Puller(
            source, client, resources.tokens, resources.cursors, self._accept, self._clock, to_message=message
        )

    def tasks(self) -> Sequence[Task]:
        return tuple(puller.run for puller in self.pullers)

    def health(self) -> str | None:
        """Sources whose pull stopped (a refresh token refused): an admin must re-authorise them."""
        stopped = [f"{p.source.name}: {p.stopped}" for p in self.pullers if p.stopped]
        return "; ".join(stopped) or None

    async def deliver(self, item: Outgoing) -> str | None:
        # Nothing is ever addressed here (ad inquiries are answered_elsewhere); a row that is must not retry.
        raise DeliveryError("an ad platform's lead has no chat to answer in", retry=False)
