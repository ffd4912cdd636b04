"""The 腾讯广告 pull against the fake v3.0 API: numbered pages for the first rows, then only sequential
pages after the last row (last_search_after_values), every lead once; access_token, timestamp and nonce
on every call; the refresh through the same shared pair (renewed, or replaced if the platform does)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta

import aiohttp
import pytest

from bot.channels.ads.oauth import TokenPair
from bot.channels.tokens import MemoryTokenCache
from bot.clock import FixedClock
from bot.config import LeadSourceConfig
from bot.fakes.ads_pull import FakeTencentAds, serve_fake_ads
from tests.channels.ads_pull_fixtures import RecordingAccept, puller, tencent

SOURCE = "腾讯表单"
LEADS = "/v3.0/leads_list/get"


@pytest.fixture
def fake(clock: FixedClock) -> FakeTencentAds:
    return FakeTencentAds(clock, deep_paging_after=10)  # the platform's 5,000, small so the test is fast


@pytest.fixture
async def source(fake: FakeTencentAds) -> AsyncIterator[LeadSourceConfig]:
    async with serve_fake_ads(fake) as base:
        yield fake.source(base, name=SOURCE, platform="tencent")


async def test_past_the_numbered_pages_it_pages_after_the_last_row(
    fake: FakeTencentAds, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    for i in range(23):  # pairs of leads share a submit time: the deep-paging key breaks ties by lead id
        fake.add_lead(str(900 + i), clock.now() - timedelta(minutes=20 + i // 2), leads_name=f"客户{i}",
                      leads_telephone=f"1380013{i:04}", 意向产品="彩超")  # fmt: skip
    accept = RecordingAccept()
    pull = puller(
        source, tencent(source, http_session, clock, page_size=4, deep_paging_after=10), clock, accept=accept
    )
    assert await pull.pull_once() == 23
    assert accept.refs() == {f"tencent:{900 + i}" for i in range(23)}
    calls = fake.calls(LEADS)
    assert [c.get("page") for c in calls[:2]] == ["1", "2"]
    deep = calls[2:]
    assert deep and all("page" not in c and len(json.loads(c["last_search_after_values"])) == 2 for c in deep)
    assert len({c["nonce"] for c in calls}) == len(calls)  # a fresh nonce every call
    form = accept.stored[("ads", "tencent:905")].form
    assert form is not None and form["name"] == "客户5" and form["phone"] == "13800130005"

    clock.advance(source.pull_interval)
    assert await pull.pull_once() == 0  # the next, overlapping window: nothing new


async def test_the_refresh_renews_through_the_shared_pair(
    fake: FakeTencentAds, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    fake.add_lead(
        "1001", clock.now() - timedelta(minutes=30), leads_name="周经理", leads_telephone="13600136000"
    )
    tokens = MemoryTokenCache()
    pull = puller(source, tencent(source, http_session, clock), clock, tokens=tokens)
    assert await pull.pull_once() == 1
    clock.advance(timedelta(hours=25))
    assert await pull.pull_once() == 0
    stored = await tokens.get(f"ads:{SOURCE}:oauth")
    assert stored is not None
    pair = TokenPair.loads(stored[0])
    assert pair is not None and fake.oauth.check(pair.access_token) == "ok"
    # 腾讯广告 renews the refresh token rather than replacing it: the same one, presented twice
    assert fake.oauth.refresh_calls == [source.refresh_token, source.refresh_token]
    assert pair.refresh_token == source.refresh_token


async def test_a_refresh_token_the_platform_replaces_is_kept(
    clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    fake = FakeTencentAds(clock, rotate=True)
    async with serve_fake_ads(fake) as base:
        source = fake.source(base, name=SOURCE, platform="tencent")
        tokens = MemoryTokenCache()
        pull = puller(source, tencent(source, http_session, clock), clock, tokens=tokens)
        await pull.pull_once()
        clock.advance(timedelta(hours=25))
        await pull.pull_once()
    stored = await tokens.get(f"ads:{SOURCE}:oauth")
    assert stored is not None
    pair = TokenPair.loads(stored[0])
    assert pair is not None and pair.refresh_token in fake.oauth.refresh_tokens
    assert fake.oauth.refresh_calls == [source.refresh_token, fake.oauth.refresh_calls[1]]
    assert fake.oauth.refresh_calls[1] != source.refresh_token  # the second refresh used the one it was given
