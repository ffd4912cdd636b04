"""Where every channel keeps what outlives a call: access tokens and feed cursors. Protocols the
clients depend on, and an in-memory token store.

The database-backed stores (shared by several bot instances) implement the same Protocols in
bot.core.stores; a client's single-flight lock only spans one process, the shared store is what
spans instances.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.clock import Clock

REFRESH_MARGIN = timedelta(minutes=5)  # a token is refreshed this long before the platform's expiry


class TokenCache(Protocol):
    async def get(self, key: str) -> tuple[str, datetime] | None:
        """The cached (token, usable-until), or None."""
        ...

    async def put(self, key: str, token: str, expires_at: datetime) -> None:
        """Store a token usable until `expires_at` (already shortened by the refresh margin)."""
        ...

    async def drop(self, key: str, token: str) -> None:
        """Forget the token, but only if it is still `token` (another caller may have refreshed it)."""
        ...

    async def replace(self, key: str, old: str | None, new: str, expires_at: datetime) -> bool:
        """Compare-and-set: store `new` only if the stored token is still `old` (None: nothing is stored),
        atomically across instances. False when another caller changed it first: read it again.

        For credentials a refresh replaces (a rotating OAuth refresh token), where a lost write loses them."""
        ...


class Cursors(Protocol):
    """Where a pull-style feed was read up to (e.g. 微信客服 kf/sync_msg per account)."""

    async def get(self, key: str) -> str | None: ...

    async def put(self, key: str, cursor: str) -> None: ...


class MemoryTokenCache:
    """A TokenCache for tests and single-process deployments."""

    def __init__(self) -> None:
        self._tokens: dict[str, tuple[str, datetime]] = {}

    async def get(self, key: str) -> tuple[str, datetime] | None:
        return self._tokens.get(key)

    async def put(self, key: str, token: str, expires_at: datetime) -> None:
        self._tokens[key] = (token, expires_at)

    async def drop(self, key: str, token: str) -> None:
        current = self._tokens.get(key)
        if current is not None and current[0] == token:
            del self._tokens[key]

    async def replace(self, key: str, old: str | None, new: str, expires_at: datetime) -> bool:
        current = self._tokens.get(key)
        if (current[0] if current is not None else None) != old:
            return False
        self._tokens[key] = (new, expires_at)
        return True


class SharedToken:
    """One app's access token, shared through a TokenCache by every sender of every instance: cached
    until shortly before it expires, fetched once however many callers ask at the same time (the lock
    spans this process; the shared cache spans instances), replaced once when the platform refuses it.

    The token last read is also kept here, so a send does not read the shared cache (a database round
    trip) while it is usable: the platforms hand out the same token until it expires, and one they refuse
    is replaced through the shared cache, where another instance's fresher token is found.

    `fetch` asks the platform and returns (token, lifetime in seconds)."""

    def __init__(
        self, tokens: TokenCache, key: str, clock: Clock, fetch: Callable[[], Awaitable[tuple[str, int]]]
    ) -> None:
        self._tokens, self._key, self._clock, self._fetch = tokens, key, clock, fetch
        self._lock = asyncio.Lock()
        self._local: tuple[str, datetime] | None = None  # the token last read or fetched

    async def get(self) -> str:
        """A usable token: cached, or fetched once however many callers ask at the same time."""
        cached = await self._usable()
        if cached is not None:
            return cached
        async with self._lock:
            cached = await self._usable()  # someone may have refreshed while we waited for the lock
            return cached if cached is not None else await self._refresh()

    async def replace(self, stale: str) -> str:
        """A token other than `stale`, which the platform refused: a fresh one, another caller's or new."""
        await self._tokens.drop(self._key, stale)
        async with self._lock:
            fresh = await self._usable(not_this=stale)
            return fresh if fresh is not None else await self._refresh()

    async def _usable(self, not_this: str | None = None) -> str | None:
        cached = self._local
        if cached is None or not self._good(cached, not_this):
            cached = self._local = await self._tokens.get(self._key)
            if cached is None or not self._good(cached, not_this):
                return None
        return cached[0]

    def _good(self, cached: tuple[str, datetime], not_this: str | None) -> bool:
        return cached[1] > self._clock.now() and cached[0] != not_this

    async def _refresh(self) -> str:
        token, lifetime = await self._fetch()
        margin = min(REFRESH_MARGIN, timedelta(seconds=lifetime / 2))
        expires_at = self._clock.now() + timedelta(seconds=lifetime) - margin
        await self._tokens.put(self._key, token, expires_at)
        self._local = token, expires_at
        return token
