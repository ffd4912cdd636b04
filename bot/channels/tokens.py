"""Where every channel keeps what outlives a call: access tokens and feed cursors. Protocols the
clients depend on, and an in-memory token store.

The database-backed stores (shared by several bot instances) implement the same Protocols in
bot.core.stores; a client's single-flight lock only spans one process, the shared store is what
spans instances.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


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
