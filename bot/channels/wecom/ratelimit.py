"""WeChat Work's per-member limits on app messages, because the platform silently drops the excess.

More than 30 messages a minute (or 1,000 an hour) to one member are answered with success and never
delivered. The client paces its sends through a RateWindow (bot.channels.ratelimit) with these limits:
in memory for one process, in the database when several instances share one PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

from bot.channels.ratelimit import Limits, MemoryRateWindow

# (window, most messages per window) per member, as documented under 发送应用消息 / 访问频率限制
MEMBER_LIMITS: Limits = ((timedelta(minutes=1), 30), (timedelta(hours=1), 1000))


class MemberRateLimiter(MemoryRateWindow):
    """The in-memory window with WeChat Work's member limits (one process)."""

    def __init__(self, limits: Limits = MEMBER_LIMITS) -> None:
        super().__init__(limits)
