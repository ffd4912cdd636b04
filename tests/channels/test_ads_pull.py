"""The 巨量 pull against the fake Marketing API: it inserts once what the push missed and nothing it already
has, waits out the fields that arrive late, pages, leaves its cursor on a failure, and keeps the rotating
OAuth pair: one refresh however many pull at once, the newest refresh token surviving a restart (on both
databases), and a refused refresh token stopping the pull with one ERROR that says what to do."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.ads.api import PullError, RefreshRefused
from bot.channels.ads.lead import AdLead, to_message
from bot.channels.ads.oauth import TokenPair
from bot.channels.tokens import MemoryTokenCache
from bot.clock import FixedClock
from bot.config import LeadSourceConfig
from bot.core.stores import DatabaseCursors, DatabaseTokenCache
from bot.fakes.ads_pull import FakeOceanEngine, serve_fake_ads
from storage.db import session_factory
from tests.channels.ads_pull_fixtures import (
    FEIYU_DEFAULTS,
    ClockSleep,
    DictCursors,
    RecordingAccept,
    SignallingTokens,
    oceanengine,
    puller,
)

SOURCE = "抖音表单"
CLUES = "/open_api/2/tools/clue/get/"
REFRESH = "/open_api/oauth2/refresh_token/"
OAUTH_KEY = f"ads:{SOURCE}:oauth"


@pytest.fixture
def fake(clock: FixedClock) -> FakeOceanEngine:
    return FakeOceanEngine(clock)


@pytest.fixture
async def source(fake: FakeOceanEngine) -> AsyncIterator[LeadSourceConfig]:
    async with serve_fake_ads(fake) as base:
        yield fake.source(base, name=SOURCE, platform="feiyu")


def add_clue(
    fake: FakeOceanEngine, clock: FixedClock, clue_id: str, minutes_ago: int, **fields: object
) -> None:
    defaults = {
        "name": "王先生",
        "telephone": "13800138000",
        "city_name": "苏州",
        "remark_dict": {"意向产品": "CT/DR"},
    }
    fake.add_lead(clue_id, clock.now() - timedelta(minutes=minutes_ago), **{**defaults, **fields})


async def stored_pair(tokens: MemoryTokenCache | DatabaseTokenCache) -> TokenPair:
    stored = await tokens.get(OAUTH_KEY)
    assert stored is not None
    pair = TokenPair.loads(stored[0])
    assert pair is not None
    return pair


async def test_a_lead_the_push_missed_is_inserted_once_and_a_known_one_changes_nothing(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    add_clue(fake, clock, "7001", minutes_ago=40)  # the push delivered this one
    add_clue(fake, clock, "7002", minutes_ago=30, name="李女士", telephone="13900139000")
    accept = RecordingAccept()
    pushed = AdLead(
        "feiyu", "7001", clock.now() - timedelta(minutes=40), {"name": "王先生", "telphone": "13800138000"}
    )
    await accept([to_message(pushed, source, FEIYU_DEFAULTS)])
    pull = puller(source, oceanengine(source, http_session, clock), clock, accept=accept)

    assert await pull.pull_once() == 1
    missed = accept.stored[("ads", "feiyu:7002")]
    assert missed.form is not None
    assert (missed.form["name"], missed.form["phone"], missed.form["city"]) == (
        "李女士",
        "13900139000",
        "苏州",
    )
    assert missed.form["product"] == "CT/DR" and missed.form["source"] == SOURCE
    assert missed.sent_at == clock.now() - timedelta(minutes=30)  # the SLA runs from the submit
    assert (
        accept.stored[("ads", "feiyu:7001")].form == to_message(pushed, source, FEIYU_DEFAULTS).form
    )  # untouched

    clock.advance(source.pull_interval)
    assert await pull.pull_once() == 0  # the overlapping window sees both again and adds nothing
    assert len(accept.stored) == 2
    windows = [(c["start_time"], c["end_time"]) for c in fake.calls(CLUES)]
    assert windows[1][0] < windows[0][1]  # the second window overlaps the first


async def test_fields_that_arrive_late_are_waited_for(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    # 巨量 fills some fields about ten minutes after the lead: the pull leaves a lead that young for later.
    fake.add_lead("7101", clock.now() - timedelta(minutes=2), late={"telephone": "13700137000"}, name="赵总")
    accept = RecordingAccept()
    pull = puller(source, oceanengine(source, http_session, clock), clock, accept=accept)
    assert await pull.pull_once() == 0
    clock.advance(timedelta(minutes=10))
    assert await pull.pull_once() == 1
    form = accept.stored[("ads", "feiyu:7101")].form
    assert form is not None and form["phone"] == "13700137000"


async def test_every_page_is_read(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    for i in range(7):
        add_clue(fake, clock, f"72{i:02}", minutes_ago=20 + i)
    accept = RecordingAccept()
    pull = puller(source, oceanengine(source, http_session, clock, page_size=3), clock, accept=accept)
    assert await pull.pull_once() == 7
    assert [c["page"] for c in fake.calls(CLUES)] == ["1", "2", "3"]
    assert len(accept.refs()) == 7


async def test_a_failed_pull_leaves_the_cursor_and_the_next_covers_its_window(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    for i in range(5):
        add_clue(fake, clock, f"73{i:02}", minutes_ago=20 + i)
    accept, cursors = RecordingAccept(), DictCursors()
    client = oceanengine(source, http_session, clock, page_size=2)
    pull = puller(source, client, clock, accept=accept, cursors=cursors)
    await pull.pull_once()  # a first pull: the cursor exists
    cursor = cursors.values[pull.cursor_key]
    add_clue(fake, clock, "7399", minutes_ago=15)
    clock.advance(timedelta(minutes=10))
    fake.inject(path=CLUES, http_status=502)
    with pytest.raises(PullError):
        await pull.pull_once()
    assert cursors.values[pull.cursor_key] == cursor
    assert await pull.pull_once() == 1 and "feiyu:7399" in accept.refs()
    assert cursors.values[pull.cursor_key] > cursor


async def test_an_expired_access_token_is_refreshed_and_the_new_pair_stored(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    tokens = MemoryTokenCache()
    pull = puller(source, oceanengine(source, http_session, clock), clock, tokens=tokens)
    await pull.pull_once()
    first = await stored_pair(tokens)
    assert fake.oauth.refresh_calls == [source.refresh_token]
    assert (
        first.refresh_token in fake.oauth.refresh_tokens
        and source.refresh_token not in fake.oauth.refresh_tokens
    )

    clock.advance(timedelta(hours=24))  # the access token's day is over
    await pull.pull_once()
    second = await stored_pair(tokens)
    assert fake.oauth.refresh_calls == [source.refresh_token, first.refresh_token]
    assert second.refresh_token != first.refresh_token and second.access_token != first.access_token
    assert fake.oauth.check(second.access_token) == "ok"

    fake.oauth.expire_access_tokens()  # refused before its time: refresh once, call again
    await pull.pull_once()
    third = await stored_pair(tokens)
    assert len(fake.oauth.refresh_calls) == 3 and third.refresh_token in fake.oauth.refresh_tokens


async def test_two_instances_refreshing_at_once_make_one_refresh_and_share_the_pair(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    # Two instances (two pullers, two clients) on one token store: a second refresh with the same refresh
    # token would be refused by 巨量 and could lose the pair, so one refreshes and the other waits for it.
    add_clue(fake, clock, "7401", minutes_ago=20)
    tokens = SignallingTokens()
    pullers = [
        puller(
            source,
            oceanengine(source, http_session, clock),
            clock,
            tokens=tokens,
            sleep=tokens.wait_for_change,
        )
        for _ in range(2)
    ]
    assert sorted(await asyncio.gather(*(p.pull_once() for p in pullers))) == [1, 1]
    assert fake.oauth.refresh_calls == [source.refresh_token]
    pair = await stored_pair(tokens)
    assert pair.lease_until is None and pair.refresh_token in fake.oauth.refresh_tokens
    assert {c["Access-Token"] for c in fake.calls(CLUES)} == {pair.access_token}


async def test_the_rotated_refresh_token_survives_a_restart(
    fake: FakeOceanEngine,
    source: LeadSourceConfig,
    clock: FixedClock,
    http_session: aiohttp.ClientSession,
    engine: AsyncEngine,
) -> None:
    add_clue(fake, clock, "7501", minutes_ago=20)
    first = puller(
        source,
        oceanengine(source, http_session, clock),
        clock,
        tokens=DatabaseTokenCache(session_factory(engine)),
        cursors=DatabaseCursors(session_factory(engine), clock),
    )
    await first.pull_once()
    (rotated,) = fake.oauth.refresh_tokens  # the seed was spent on the first refresh

    # The restart: new stores on the same database, the same configuration (whose refresh token, the seed,
    # 巨量 no longer takes), a day later so the access token must be refreshed.
    clock.advance(timedelta(hours=25))
    tokens = DatabaseTokenCache(session_factory(engine))
    accept = RecordingAccept()
    again = puller(
        source,
        oceanengine(source, http_session, clock),
        clock,
        tokens=tokens,
        cursors=DatabaseCursors(session_factory(engine), clock),
        accept=accept,
    )
    add_clue(fake, clock, "7502", minutes_ago=20)
    assert await again.pull_once() == 2  # this accept is new; the window since the last pull holds both
    assert fake.oauth.refresh_calls == [source.refresh_token, rotated]
    assert (await stored_pair(tokens)).refresh_token in fake.oauth.refresh_tokens
    with pytest.raises(RefreshRefused):
        await oceanengine(source, http_session, clock).refresh(source.refresh_token)  # the seed is spent


async def test_a_new_configured_refresh_token_replaces_the_stored_pair(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    tokens = MemoryTokenCache()
    await puller(source, oceanengine(source, http_session, clock), clock, tokens=tokens).pull_once()
    fake.oauth.revoke()  # authorisation withdrawn; an admin authorises again and configures the new one
    renewed = dataclasses.replace(source, refresh_token=fake.oauth.authorise())
    await puller(renewed, oceanengine(renewed, http_session, clock), clock, tokens=tokens).pull_once()
    assert fake.oauth.refresh_calls[-1] == renewed.refresh_token
    assert (await stored_pair(tokens)).refresh_token in fake.oauth.refresh_tokens


async def test_a_refused_refresh_token_stops_the_pull_with_one_error(
    fake: FakeOceanEngine,
    source: LeadSourceConfig,
    clock: FixedClock,
    http_session: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake.oauth.revoke()
    sleep = ClockSleep(clock)
    pull = puller(source, oceanengine(source, http_session, clock), clock, sleep=sleep)
    with caplog.at_level(logging.ERROR, logger="salesbot.ads"):
        await asyncio.wait_for(pull.run(), 5)  # returns: no retry loop against a dead token
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert (
        len(errors) == 1
        and SOURCE in errors[0]
        and "re-authorise" in errors[0]
        and "refresh_token" in errors[0]
    )
    assert pull.stopped is not None and len(fake.oauth.refresh_calls) == 1 and sleep.calls == []
    assert fake.calls(CLUES) == []


async def test_a_transient_failure_is_retried_at_the_next_interval(
    fake: FakeOceanEngine, source: LeadSourceConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> None:
    add_clue(fake, clock, "7601", minutes_ago=20)
    fake.inject(path=REFRESH, http_status=503)  # the refresh endpoint down for a moment: not a refusal
    accept, sleep = RecordingAccept(), ClockSleep(clock)
    pull = puller(source, oceanengine(source, http_session, clock), clock, accept=accept, sleep=sleep)
    task = asyncio.create_task(pull.run())
    await asyncio.wait_for(accept.arrived.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert pull.stopped is None and sleep.calls[0] == source.pull_interval.total_seconds()
    assert "feiyu:7601" in accept.refs()
