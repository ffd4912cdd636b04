"""A per-member sliding window for app messages, because WeChat Work silently drops the excess.

More than 30 messages a minute (or 1,000 an hour) to one member are answered with success and never
delivered. So each send reserves the earliest slot that keeps every window within its limit; slots for one
member are handed out in order, so concurrent sends queue up instead of racing, and nothing ever spins.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

# (window, most messages per window) per member, as documented under 发送应用消息 / 访问频率限制
MEMBER_LIMITS: tuple[tuple[timedelta, int], ...] = ((timedelta(minutes=1), 30), (timedelta(hours=1), 1000))


class MemberRateLimiter:
    def __init__(self, limits: tuple[tuple[timedelta, int], ...] = MEMBER_LIMITS) -> None:
        if not limits or any(n < 1 or w <= timedelta(0) for w, n in limits):
            raise ValueError("limits must be positive")
        self._limits = limits
        self._longest = max(w for w, _ in limits)
        self._keep = max(n for _, n in limits)
        self._sent: dict[str, deque[datetime]] = {}

    def next_slot(self, member: str, now: datetime) -> datetime:
        """The earliest time a message to `member` fits every window (without reserving it)."""
        times = self._pruned(member, now)
        if not times:
            return now
        slot = max(now, times[-1])
        for window, most in self._limits:
            if len(times) >= most:
                slot = max(slot, times[-most] + window)
        return slot

    def reserve(self, member: str, now: datetime) -> datetime:
        """Reserve and return the earliest fitting slot; the caller sends at (not before) that time."""
        slot = self.next_slot(member, now)
        self._sent.setdefault(member, deque(maxlen=self._keep)).append(slot)
        return slot

    def _pruned(self, member: str, now: datetime) -> deque[datetime] | None:
        times = self._sent.get(member)
        if times is None:
            return None
        while times and times[0] <= now - self._longest:
            times.popleft()
        if not times:  # forget idle members so the table does not grow with everyone ever messaged
            del self._sent[member]
            return None
        return times
