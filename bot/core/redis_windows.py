"""WeChat Work's per-member window (a RateWindow, bot.channels.ratelimit) kept in Redis, used instead of
the database's (bot.core.stores.DatabaseRateWindow) when `[database] redis_url` is set.

One sorted set per recipient holds its reserved send times (scores: microseconds since the epoch). A Lua
script trims it, computes the earliest fitting time exactly as the in-memory window does and adds it, in
one step on the server, so two instances reserving for the same recipient can never both take the last
place. Each set expires once its newest time has left the longest window: idle recipients cost nothing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from bot.channels.ratelimit import Limits, RateWindow, RateWindows, check_limits
from bot.core.redis_notify import DEFAULT_PREFIX

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
LOOK, RESERVE, RESERVE_ONLY_NOW = 0, 1, 2

# KEYS[1]: the recipient's sorted set. ARGV: now, mode (LOOK, RESERVE, RESERVE_ONLY_NOW), a member name
# of its own for this reservation, then (window, most) pairs; times in microseconds. Redis passes numbers
# to redis.call and returns integers without rounding (scores stay below 2^53).
SCRIPT = """
local key, now, mode = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local longest = 0
for i = 4, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
local slot = now
local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
if #newest > 0 then
  slot = math.max(slot, tonumber(newest[2]))
  local count = redis.call('ZCARD', key)
  for i = 4, #ARGV, 2 do
    local most = tonumber(ARGV[i + 1])
    if count >= most then
      local nth = redis.call('ZRANGE', key, -most, -most, 'WITHSCORES')
      slot = math.max(slot, tonumber(nth[2]) + tonumber(ARGV[i]))
    end
  end
end
if mode == 0 or (mode == 2 and slot > now) then
  return slot
end
redis.call('ZADD', key, slot, ARGV[3])
redis.call('PEXPIRE', key, math.floor((slot - now + longest) / 1000) + 1)
return slot
"""


def _micros(at: datetime) -> int:
    return (at - EPOCH) // MICROSECOND


class RedisRateWindow:
    """A RateWindow every instance using one Redis shares (keys `<prefix>send_slot:<key>`)."""

    def __init__(self, client: Redis, limits: Limits, *, prefix: str = DEFAULT_PREFIX) -> None:
        check_limits(limits)
        self._client, self._prefix = client, prefix
        self._limits = [str(part) for window, most in limits for part in (window // MICROSECOND, most)]
        self._script = client.register_script(SCRIPT)

    async def next_slot(self, key: str, now: datetime) -> datetime:
        return await self._call(key, now, LOOK)

    async def reserve(self, key: str, now: datetime, *, only_now: bool = False) -> datetime:
        return await self._call(key, now, RESERVE_ONLY_NOW if only_now else RESERVE)

    async def _call(self, key: str, now: datetime, mode: int) -> datetime:
        at = _micros(now)
        args = [str(at), str(mode), uuid.uuid4().hex, *self._limits]
        slot = int(await self._script(keys=[f"{self._prefix}send_slot:{key}"], args=args))
        return now if slot == at else now + (slot - at) * MICROSECOND  # `now`'s own zone, as in memory


def redis_client(url: str, connect_timeout: timedelta, command_timeout: timedelta) -> Redis:
    """The app's client for the windows (a pool; the notifier has connections of its own). A Redis that
    stops answering fails the reservation, and the outbox retries the send later."""
    return Redis.from_url(
        url,
        socket_connect_timeout=connect_timeout.total_seconds(),
        socket_timeout=command_timeout.total_seconds(),
    )


def redis_windows(client: Redis, prefix: str = DEFAULT_PREFIX) -> RateWindows:
    """RateWindows shared through Redis (Resources.windows when `[database] redis_url` is set)."""

    def windows(limits: Limits) -> RateWindow:
        return RedisRateWindow(client, limits, prefix=prefix)

    return windows
