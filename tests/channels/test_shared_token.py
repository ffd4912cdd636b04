"""SharedToken keeps the token it last read, so sends do not read the shared cache (a database round trip
on a deployment) while it is usable, and still finds another instance's token when its own is refused or
has expired."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.channels.tokens import MemoryTokenCache, SharedToken
from bot.clock import FixedClock

from .conftest import START


class CountingCache(MemoryTokenCache):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def get(self, key: str) -> tuple[str, datetime] | None:
        self.reads += 1
        return await super().get(key)


class Platform:
    """Hands out t1, t2, … each valid for two hours."""

    def __init__(self) -> None:
        self.issued = 0

    async def fetch(self) -> tuple[str, int]:
        self.issued += 1
        return f"t{self.issued}", 7200


def _instance(cache: CountingCache, clock: FixedClock, platform: Platform) -> SharedToken:
    return SharedToken(cache, "wecom:corp", clock, platform.fetch)


async def test_a_usable_token_is_not_read_again_from_the_shared_cache() -> None:
    cache, clock, platform = CountingCache(), FixedClock(START), Platform()
    token = _instance(cache, clock, platform)
    assert {await token.get() for _ in range(100)} == {"t1"}
    assert platform.issued == 1 and cache.reads == 2  # before fetching, and again under the lock


async def test_a_refused_token_is_replaced_by_the_one_another_instance_fetched() -> None:
    cache, clock, platform = CountingCache(), FixedClock(START), Platform()
    first, second = _instance(cache, clock, platform), _instance(cache, clock, platform)
    assert await first.get() == await second.get() == "t1"
    assert await first.replace("t1") == "t2"  # the platform refused t1: fetched anew and shared
    assert await second.get() == "t1"  # second has not been refused yet: no read
    assert await second.replace("t1") == "t2"  # refused: the shared cache has first's
    assert await second.get() == "t2" and platform.issued == 2


async def test_an_expired_local_token_is_read_again_from_the_shared_cache() -> None:
    cache, clock, platform = CountingCache(), FixedClock(START), Platform()
    first, second = _instance(cache, clock, platform), _instance(cache, clock, platform)
    assert await second.get() == "t1"
    clock.advance(timedelta(hours=2))  # past t1's usable time (two hours less the refresh margin)
    assert await first.get() == "t2"
    assert await second.get() == "t2" and platform.issued == 2
