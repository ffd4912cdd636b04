"""An ad platform's OAuth pair (access token, refresh token) kept in the shared token store and refreshed
by one caller at a time, across every instance.

巨量 replaces the refresh token on every refresh and the old one stops working, so a pair refreshed twice
at once is lost: whoever refreshes first takes a lease on the stored pair by compare-and-set
(TokenCache.replace), calls the platform, and stores the new pair over its lease; everyone else uses the
stored access token while it lasts, or waits for the new one. The configured refresh_token is only the
seed: once a refresh succeeds the database keeps the newest, and a different configured one (an admin
re-authorised) starts over from it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from bot.channels.ads.api import PullError
from bot.channels.tokens import TokenCache
from bot.clock import Clock

log = logging.getLogger("salesbot.ads")

Sleep = Callable[[float], Awaitable[object]]
REFRESH_MARGIN = timedelta(minutes=5)  # refresh this long before the access token runs out
LEASE = timedelta(seconds=60)  # how long a refresh may hold the pair before another instance takes over
WAIT_STEP = 1.0  # seconds between looks at a refresh another instance is doing
UNKNOWN_LIFETIME = timedelta(days=30)  # a refresh token whose platform did not say how long it lasts
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def fingerprint(refresh_token: str) -> str:
    """Which configured refresh_token a stored pair descends from, without storing it twice."""
    return hashlib.sha256(refresh_token.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime | None = None
    seed: str = ""  # fingerprint of the configured refresh_token this pair descends from
    lease_until: datetime | None = None  # a refresh is under way until then

    def dumps(self) -> str:
        return json.dumps(
            {
                "access_token": self.access_token,
                "access_expires_at": self.access_expires_at.isoformat(),
                "refresh_token": self.refresh_token,
                "refresh_expires_at": _iso(self.refresh_expires_at),
                "seed": self.seed,
                "lease_until": _iso(self.lease_until),
            },
            separators=(",", ":"),
        )

    @classmethod
    def loads(cls, text: str) -> TokenPair | None:
        """The stored pair, or None for anything unreadable (then the seed starts over)."""
        try:
            d = json.loads(text)
            return cls(
                access_token=str(d["access_token"]),
                access_expires_at=datetime.fromisoformat(d["access_expires_at"]),
                refresh_token=str(d["refresh_token"]),
                refresh_expires_at=_when(d.get("refresh_expires_at")),
                seed=str(d.get("seed") or ""),
                lease_until=_when(d.get("lease_until")),
            )
        except (ValueError, KeyError, TypeError):
            return None


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _when(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


Refresh = Callable[[str], Awaitable[TokenPair]]  # the platform's refresh: raises RefreshRefused or PullError


class OAuthTokens:
    """One lead source's pair. `access_token()` is all a client needs; `refresh` is the platform's call."""

    def __init__(
        self,
        *,
        key: str,
        source: str,
        seed: str,
        refresh: Refresh,
        tokens: TokenCache,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.key = key
        self._source, self._seed, self._seed_fp = source, seed, fingerprint(seed)
        self._refresh, self._tokens, self._clock, self._sleep = refresh, tokens, clock, sleep
        self._lock = asyncio.Lock()  # one refresh at a time in this process; the lease spans instances

    async def access_token(self, stale: str | None = None) -> str:
        """A usable access token; `stale` is one the platform just refused, never returned again."""
        _, pair, _ = await self._read()
        if self._fresh(pair, stale):
            assert pair is not None
            return pair.access_token
        async with self._lock:
            for _ in range(int(LEASE.total_seconds() / WAIT_STEP) + 2):
                raw, pair, expires = await self._read()
                if self._fresh(pair, stale):
                    assert pair is not None
                    return pair.access_token
                now = self._clock.now()
                if pair is not None and pair.lease_until is not None and pair.lease_until > now:
                    if pair.access_token not in ("", stale) and pair.access_expires_at > now:
                        return pair.access_token  # still valid while another instance refreshes it
                    await self._sleep(WAIT_STEP)
                    continue
                token = await self._lease_and_refresh(raw, pair, expires)
                if token is not None:
                    return token
            raise PullError(f"lead source {self._source!r}: another instance's token refresh did not finish")

    async def _read(self) -> tuple[str | None, TokenPair | None, datetime]:
        """The stored text (what a compare-and-set compares), its pair, and the row's expiry."""
        stored = await self._tokens.get(self.key)
        if stored is None:
            return None, None, self._clock.now() + UNKNOWN_LIFETIME
        return stored[0], TokenPair.loads(stored[0]), stored[1]

    def _fresh(self, pair: TokenPair | None, stale: str | None) -> bool:
        return (
            pair is not None
            and pair.seed == self._seed_fp
            and pair.access_token not in ("", stale)
            and pair.access_expires_at - REFRESH_MARGIN > self._clock.now()
        )

    async def _lease_and_refresh(
        self, raw: str | None, pair: TokenPair | None, expires: datetime
    ) -> str | None:
        """Refresh under a lease on the stored pair; None when another instance changed it first."""
        now = self._clock.now()
        ours = pair is not None and pair.seed == self._seed_fp
        refresh_token = pair.refresh_token if ours and pair is not None else self._seed
        base = pair or TokenPair("", _EPOCH, "", seed="")
        leased = replace(base, lease_until=now + LEASE).dumps()
        if not await self._tokens.replace(self.key, raw, leased, expires):
            return None
        try:
            fresh = await self._refresh(refresh_token)
        except BaseException:
            await self._release(leased, raw, expires)
            raise
        fresh = replace(fresh, seed=self._seed_fp, lease_until=None)
        expires = fresh.refresh_expires_at or self._clock.now() + UNKNOWN_LIFETIME
        if not await self._tokens.replace(self.key, leased, fresh.dumps(), expires):
            # Our lease ran out during a very slow refresh and another instance took over: the pair we hold
            # may be the platform's newest, but storing it now could overwrite a newer one.
            log.error("ads token refresh outlived its lease; pair not stored", extra={"source": self._source})
            raise PullError(f"lead source {self._source!r}: the token refresh outlived its lease")
        log.info(
            "ads access token refreshed",
            extra={"source": self._source, "rotated": fresh.refresh_token != refresh_token},
        )
        return fresh.access_token

    async def _release(self, leased: str, previous: str | None, expires: datetime) -> None:
        """Put back what the lease replaced, so the next caller retries at once instead of waiting."""
        try:
            if previous is None:
                await self._tokens.drop(self.key, leased)
            else:
                await self._tokens.replace(self.key, leased, previous, expires)
        except Exception:  # the lease runs out by itself; the refresh's own error is what matters
            log.warning("could not release the token lease", extra={"source": self._source}, exc_info=True)
