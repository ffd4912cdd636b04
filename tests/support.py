"""Helpers several test folders share: the addressing the app would build for a config."""

from __future__ import annotations

from bot.channels.wecom.channel import webhook_key
from bot.config import Config
from bot.outgoing import Addressing
from bot.types import Platform


def addressing_for(config: Config) -> Addressing:
    """What create_app builds from its channels: the enabled platforms in order, and WeChat Work's
    group robots when it is on."""
    platforms: list[Platform] = [p for p in ("wecom", "dingtalk") if getattr(config, p).enabled]  # type: ignore[misc]
    return Addressing(platforms, {"wecom": webhook_key} if config.wecom.enabled else {})
