"""Per-recipient sliding windows for platforms that silently drop what exceeds a rate: the interface a
client paces its sends with, and the in-memory window one process uses.

Each send reserves the earliest time that keeps every window within its limit; reservations for one key
are handed out in order, so concurrent sends queue up instead of racing, and nothing ever spins. Several
instances share a window kept in the database (bot.core.stores.DatabaseRateWindow) or, when configured,
in Redis (bot.core.redis_windows.RedisRateWindow), lent to the channels through Resources.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

Limits = tuple[tuple[timedelta, int], ...]  # (window, most sends per window)


class RateWindow(Protocol):
    async def next_slot(self, key: str, now: datetime) -> datetime:
        """The earliest time a send to `key` fits every window (without reserving it)."""
        ...

    async def reserve(self, key: str, now: datetime, *, only_now: bool = False) -> datetime:
        """Reserve and return the earliest fitting time; the caller sends at (not before) that time. With
        `only_now`, reserve only when that time is `now`, else return it and reserve nothing (one step, so
        that no other sender takes the place between a look and a reservation)."""
        ...


RateWindows = Callable[[Limits], RateWindow]  # a window with these limits (Resources.windows)


def check_limits(limits: Sequence[tuple[timedelta, int]]) -> None:
    if not limits or any(n < 1 or w <= timedelta(0) for w, n in limits):
        raise ValueError("limits must be positive")


class MemoryRateWindow:
    """A RateWindow for one process."""

    def __init__(self, limits: Limits) -> None:
        check_limits(limits)
        self._limits = limits
        self._longest = max(w for w, _ in limits)
        self._keep = max(n for _, n in limits)
        self._sent: dict[str, deque[datetime]] = {}

    async def next_slot(self, key: str, now: datetime) -> datetime:
        return self._next(key, now)

    async def reserve(self, key: str, now: datetime, *, only_now: bool = False) -> datetime:
        slot = self._next(key, now)
        if only_now and slot > now:
            return slot
        self._sent.setdefault(key, deque(maxlen=self._keep)).append(slot)
        return slot

    def _next(self, key: str, now: datetime) -> datetime:
        times = self._pruned(key, now)
        if not times:
            return now
        slot = max(now, times[-1])
        for window, most in self._limits:
            if len(times) >= most:
                slot = max(slot, times[-most] + window)
        return slot

    def _pruned(self, key: str, now: datetime) -> deque[datetime] | None:
        times = self._sent.get(key)
        if times is None:
            return None
        while times and times[0] <= now - self._longest:
            times.popleft()
        if not times:  # forget idle keys so the table does not grow with everyone ever messaged
            del self._sent[key]
            return None
        return times


def memory_windows(limits: Limits) -> RateWindow:
    """RateWindows for one process: a fresh in-memory window per client."""
    return MemoryRateWindow(limits)
