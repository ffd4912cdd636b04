"""Where access tokens are kept between calls: a Protocol the client depends on, and an in-memory store.

The database-backed store (shared by several bot instances) implements the same Protocol elsewhere; the
client's single-flight lock only spans one process, the shared store is what spans instances.
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
