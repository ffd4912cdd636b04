"""The API client against the fake WeChat Work server over real HTTP, with an injected clock and sleep."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import aiohttp
import pytest

from bot.channels.tokens import MemoryTokenCache
from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.errors import PlatformError
from bot.channels.wecom.render import render
from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.fakes.wecom import REUSED_RESPONSE_CODE, FakeWeCom
from bot.types import Button, Reply

from .conftest import START, RecordingSleep

SEND = "/cgi-bin/message/send"


async def test_fifty_concurrent_sends_fetch_one_token(client: WeComClient, fake: FakeWeCom) -> None:
    await asyncio.gather(*(client.send_text("LiNa" if i % 2 else "ZhangWei", f"#{i}") for i in range(50)))
    assert len(fake.calls("/cgi-bin/gettoken")) == 1
    assert len(fake.delivered("LiNa")) == 25 and not fake.dropped("LiNa")


async def test_token_refreshed_before_expiry(client: WeComClient, fake: FakeWeCom, clock: FixedClock) -> None:
    await client.send_text("LiNa", "one")
    clock.advance(timedelta(seconds=7200 - 400))
    await client.send_text("LiNa", "two")
    assert len(fake.calls("/cgi-bin/gettoken")) == 1
    clock.advance(timedelta(seconds=200))  # within the 5-minute margin: refreshed before the platform refuses
    await client.send_text("LiNa", "three")
    assert len(fake.calls("/cgi-bin/gettoken")) == 2
    assert [r.body["text"]["content"] for r in fake.calls(SEND)] == ["one", "two", "three"]


@pytest.mark.parametrize("errcode", [40014, 42001])
async def test_revoked_token_refreshed_once_and_retried_once(
    client: WeComClient, fake: FakeWeCom, errcode: int
) -> None:
    await client.send_text("LiNa", "one")
    fake.revoke_tokens(errcode)
    await client.send_text("LiNa", "two")
    assert len(fake.calls("/cgi-bin/gettoken")) == 2
    assert len(fake.calls(SEND)) == 3  # one, two refused, two again
    assert [d.payload["content"] for d in fake.delivered("LiNa")] == ["one", "two"]


async def test_token_refused_twice_is_a_token_error_without_looping(
    client: WeComClient, fake: FakeWeCom
) -> None:
    fake.inject(errcode=40014, times=5, path=SEND)
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert e.value.kind == "token" and e.value.errcode == 40014
    assert len(fake.calls(SEND)) == 2 and len(fake.calls("/cgi-bin/gettoken")) == 2


async def test_wrong_secret_is_config(
    api_config: WeComConfig, http_session: aiohttp.ClientSession, clock: FixedClock, fake: FakeWeCom
) -> None:
    bad = WeComClient(dataclasses.replace(api_config, secret="nope"), http_session, MemoryTokenCache(), clock)
    with pytest.raises(PlatformError) as e:
        await bad.send_text("LiNa", "x")
    assert (e.value.errcode, e.value.kind) == (40001, "config")
    assert not fake.calls(SEND)


async def test_45009_is_rate_limited_with_a_wait(
    client: WeComClient, fake: FakeWeCom, clock: FixedClock
) -> None:
    fake.inject(errcode=45009, block=timedelta(seconds=60), path=SEND)
    for _ in range(2):  # the block holds for its window, not just one call
        with pytest.raises(PlatformError) as e:
            await client.send_text("LiNa", "x")
        assert (e.value.kind, e.value.errcode) == ("rate_limited", 45009)
        assert e.value.retry_after and e.value.retry_after > 0
    clock.advance(timedelta(seconds=61))
    await client.send_text("LiNa", "x")
    assert len(fake.delivered("LiNa")) == 1


async def test_60020_is_config_and_not_retried(client: WeComClient, fake: FakeWeCom) -> None:
    fake.inject(errcode=60020, path=SEND)
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert (e.value.kind, e.value.errcode) == ("config", 60020)
    assert len(fake.calls(SEND)) == 1


async def test_busy_is_retry(client: WeComClient, fake: FakeWeCom) -> None:
    fake.inject(errcode=-1, path=SEND)
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert e.value.kind == "retry" and len(fake.calls(SEND)) == 1


async def test_5xx_html_is_retry(client: WeComClient, fake: FakeWeCom) -> None:
    fake.inject(http_status=502, path=SEND)
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert (e.value.kind, e.value.status) == ("retry", 502)
    await client.send_text("LiNa", "x")  # the next call goes through


async def test_dropped_connection_is_retry(client: WeComClient, fake: FakeWeCom) -> None:
    await client.access_token()
    fake.inject(disconnect=True, path=SEND)
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert e.value.kind == "retry"


async def test_read_timeout_is_retry(client: WeComClient, fake: FakeWeCom) -> None:
    await client.access_token()
    fake.inject(delay=30.0, path=SEND)  # the client gives up after its 0.5 s timeout
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert e.value.kind == "retry" and "timed out" in e.value.errmsg


async def test_unknown_user(client: WeComClient, fake: FakeWeCom) -> None:
    with pytest.raises(PlatformError) as e:
        await client.send_text("Nobody", "x")
    assert (e.value.errcode, e.value.kind) == (81013, "config")
    await client.send_text("LiNa|Nobody", "x")  # partly valid: delivered to LiNa, logged
    assert len(fake.delivered("LiNa")) == 1


async def test_31_sends_in_a_minute_none_dropped(
    client: WeComClient, fake: FakeWeCom, clock: FixedClock, sleep: RecordingSleep
) -> None:
    start = clock.now()
    for i in range(31):
        await client.send_text("LiNa", f"#{i}")
    assert len(fake.delivered("LiNa")) == 31 and fake.dropped("LiNa") == []
    assert sleep.calls == [60.0]  # only the 31st waited, for exactly the window
    assert fake.received["LiNa"][-1].at == start + timedelta(seconds=60)


async def test_fake_drops_silently_without_pacing(
    api_config: WeComConfig, http_session: aiohttp.ClientSession, clock: FixedClock, fake: FakeWeCom
) -> None:
    from bot.channels.wecom.ratelimit import MemberRateLimiter

    unpaced = WeComClient(
        api_config,
        http_session,
        MemoryTokenCache(),
        clock,
        limiter=MemberRateLimiter(((timedelta(minutes=1), 1000),)),
    )
    for i in range(31):
        await unpaced.send_text("LiNa", f"#{i}")  # every answer is success
    assert len(fake.delivered("LiNa")) == 30 and len(fake.dropped("LiNa")) == 1


async def test_no_wait_mode_raises_rate_limited(
    client: WeComClient, fake: FakeWeCom, sleep: RecordingSleep
) -> None:
    for i in range(30):
        await client.send_text("LiNa", f"#{i}")
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "#30", wait=False)
    assert e.value.kind == "rate_limited" and e.value.retry_after == 60.0
    assert sleep.calls == [] and len(fake.calls(SEND)) == 30


async def test_template_card_then_single_use_update(client: WeComClient, fake: FakeWeCom) -> None:
    reply = Reply(
        to=1,
        title="新线索：苏州王总",
        lines=("电话：138****8000", "来源：展会"),
        buttons=(Button("lead:42:claim", "我来跟进"), Button("lead:42:pass", "转给别人")),
    )
    rendered = render(reply, "LiNa")
    code = await client.send_template_card(
        "LiNa", rendered.payload["template_card"], duplicate_check_interval=600
    )
    assert code and rendered.task_id
    body = fake.calls(SEND)[0].body
    assert body["enable_duplicate_check"] == 1 and body["duplicate_check_interval"] == 600
    assert body["template_card"]["task_id"] == rendered.task_id
    await client.update_template_card(["LiNa"], code, "已认领")
    assert fake.card_updates[0]["button"] == {"replace_name": "已认领"}
    with pytest.raises(PlatformError) as e:
        await client.update_template_card(["LiNa"], code, "已认领")
    assert e.value.errcode == REUSED_RESPONSE_CODE


async def test_duplicate_check_suppresses_a_retried_push(client: WeComClient, fake: FakeWeCom) -> None:
    await client.send_markdown("LiNa", "**提醒**", duplicate_check_interval=1800)
    await client.send_markdown("LiNa", "**提醒**", duplicate_check_interval=1800)
    assert len(fake.delivered("LiNa")) == 1 and len(fake.received["LiNa"]) == 2


async def test_upload_and_send_image(client: WeComClient, fake: FakeWeCom) -> None:
    media_id = await client.upload_image(b"\x89PNG fake", "chart.png")
    assert fake.media[media_id] == b"\x89PNG fake"
    await client.send_image("LiNa", media_id)
    assert fake.delivered("LiNa")[0].payload == {"media_id": media_id}


async def test_external_contact(client: WeComClient, fake: FakeWeCom) -> None:
    data = await client.get_external_contact("wmCustomer1")
    assert data["external_contact"]["name"] == "王总" and data["follow_user"][0]["state"] == "expo2026"
    with pytest.raises(PlatformError) as e:
        await client.get_external_contact("wmNobody")
    assert e.value.kind == "other"


async def test_kf_sync_msg_pages(client: WeComClient, fake: FakeWeCom) -> None:
    for i in range(5):
        fake.customer_writes("wkAbc", "wmCustomer1", f"问题{i}")
    seen: list[str] = []
    cursor = ""
    while True:
        page = await client.kf_sync_msg("TOKEN", "wkAbc", cursor, limit=2)
        seen += [m["text"]["content"] for m in page["msg_list"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == [f"问题{i}" for i in range(5)]
    assert (await client.kf_sync_msg("TOKEN", "wkAbc", cursor))["msg_list"] == []


async def test_kf_limits(client: WeComClient, fake: FakeWeCom, clock: FixedClock) -> None:
    with pytest.raises(PlatformError) as e:
        await client.kf_send_text("wmCustomer1", "wkAbc", "您好")
    assert (e.value.errcode, e.value.kind) == (95002, "kf_limit")
    fake.customer_writes("wkAbc", "wmCustomer1", "在吗")
    for _ in range(5):
        await client.kf_send_text("wmCustomer1", "wkAbc", "在的")
    with pytest.raises(PlatformError) as e:
        await client.kf_send_text("wmCustomer1", "wkAbc", "第六条")
    assert (e.value.errcode, e.value.kind) == (95001, "kf_limit")
    fake.customer_writes("wkAbc", "wmCustomer1", "还在吗")
    clock.advance(timedelta(hours=49))
    with pytest.raises(PlatformError) as e:
        await client.kf_send_text("wmCustomer1", "wkAbc", "抱歉")
    assert e.value.errcode == 95002


async def test_webhook_send_needs_no_token(client: WeComClient, fake: FakeWeCom) -> None:
    await client.webhook_send("team-key", {"msgtype": "text", "text": {"content": "日报"}})
    assert fake.webhooks == [("team-key", {"msgtype": "text", "text": {"content": "日报"}})]
    assert not fake.calls("/cgi-bin/gettoken")
    with pytest.raises(PlatformError):
        await client.webhook_send("wrong", {"msgtype": "text", "text": {"content": "x"}})


async def test_access_token_never_in_error_text(client: WeComClient, fake: FakeWeCom) -> None:
    token = await client.access_token()
    fake.inject(errcode=60020, path=SEND)
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert token not in str(e.value)


async def test_limiter_hourly_window_and_order() -> None:
    from bot.channels.wecom.ratelimit import MemberRateLimiter

    limiter = MemberRateLimiter()
    t0 = START
    slots = [await limiter.reserve("LiNa", t0) for _ in range(1001)]
    # 30 a minute: slot n sits at minute n // 30; the 1,001st waits for the first hour to pass
    assert slots[29] == t0 and slots[30] == t0 + timedelta(minutes=1)
    assert slots[999] == t0 + timedelta(minutes=33) and slots[1000] == t0 + timedelta(hours=1)
    assert slots == sorted(slots)
    assert await limiter.next_slot("ZhangWei", t0) == t0  # members are independent


async def test_concurrent_sends_to_one_member_queue_in_order(
    api_config: WeComConfig, http_session: aiohttp.ClientSession, clock: FixedClock, fake: FakeWeCom
) -> None:
    # Virtual time: sleepers park until the test moves the clock, so the first 30 really go out first.
    parked: list[tuple[float, asyncio.Future[None]]] = []

    async def park(seconds: float) -> None:
        done = asyncio.get_running_loop().create_future()
        parked.append((seconds, done))
        await done

    client = WeComClient(api_config, http_session, MemoryTokenCache(), clock, park)
    sends = asyncio.gather(*(client.send_text("LiNa", f"#{i}") for i in range(35)))
    async with asyncio.timeout(5):  # a bound, not timing: we wait for the 30 sends and 5 parked sleepers
        while len(fake.received.get("LiNa", [])) < 30 or len(parked) < 5:
            await asyncio.sleep(0)
    assert [s for s, _ in parked] == [60.0] * 5 and len(fake.received["LiNa"]) == 30
    clock.advance(timedelta(seconds=60))
    for _, done in parked:
        done.set_result(None)
    await sends
    assert len(fake.delivered("LiNa")) == 35 and not fake.dropped("LiNa")


@pytest.mark.parametrize(
    ("errcode", "gettoken", "kind"),
    [
        (-1, False, "retry"),
        (45009, False, "rate_limited"),
        (45033, False, "rate_limited"),
        (40014, False, "token"),
        (42001, False, "token"),
        (40001, False, "token"),
        (40001, True, "config"),
        (60020, False, "config"),
        (81013, False, "config"),
        (40003, False, "config"),
        (95001, False, "kf_limit"),
        (95002, False, "kf_limit"),
        (40058, False, "other"),
    ],
)
def test_classification(errcode: int, gettoken: bool, kind: str) -> None:
    from bot.channels.wecom.errors import classify

    assert classify(errcode, from_gettoken=gettoken) == kind
    if kind == "rate_limited":
        assert PlatformError(errcode, "x").retry_after


async def test_gettoken_outage_is_retry(client: WeComClient, fake: FakeWeCom) -> None:
    fake.inject(http_status=503, path="/cgi-bin/gettoken")
    with pytest.raises(PlatformError) as e:
        await client.send_text("LiNa", "x")
    assert e.value.kind == "retry" and not fake.calls(SEND)
    await client.send_text("LiNa", "x")
