"""StreamClient against the fake Stream gateway over real sockets: store, then ack; reconnect with a new
ticket after a drop or a disconnect, losing nothing; answer pings; back off, capped; leave a frame unacked
when storing fails, so that it comes again."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

import aiohttp

from bot.channels.dingtalk.stream import SUBSCRIPTIONS, StreamClient
from bot.clock import FixedClock
from bot.fakes.dingtalk_stream import FakeStreamGateway, card_payload, robot_payload
from tests.channels.dingtalk_recv_fixtures import CONFIG, START, serve_gateway, stream_rig

T = TypeVar("T")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OFFICIAL = json.loads((FIXTURES / "dingtalk_stream_frames_official.json").read_text("utf-8"))


async def within(awaitable: Awaitable[T]) -> T:
    """A safety net against a hung test, not a timing assertion."""
    return await asyncio.wait_for(awaitable, 5)


async def test_opens_with_the_credentials_and_subscriptions_then_stores_before_acking() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        [opened] = rig.gateway.state.opened
        assert opened["clientId"] == CONFIG.app_key and opened["clientSecret"] == CONFIG.app_secret
        assert opened["subscriptions"] == list(SUBSCRIPTIONS) and opened["localIp"] == "127.0.0.1"
        assert rig.client.connected.is_set()

        rig.recorder.hold = asyncio.Event()
        message_id = await rig.gateway.push_robot_message(
            robot_payload("LiNa", "今天拜访了王总", msg_id="msgA")
        )
        await within(rig.recorder.entered.wait())
        await asyncio.sleep(0.05)  # a real socket: give a wrong early ack the chance to arrive
        assert message_id not in rig.gateway.state.acks  # being stored: not acked yet
        rig.recorder.hold.set()
        ack = await within(rig.gateway.wait_acked(message_id))

        assert ack == {**OFFICIAL["callback_ack_for_bot_message"], "headers": {**ack["headers"]}}
        assert ack["headers"] == {"contentType": "application/json", "messageId": message_id}
        assert json.loads(ack["data"]) == {"response": None}
        [message] = rig.recorder.messages
        assert (message.platform_msg_id, message.sender_id, message.text) == (
            "msgA",
            "LiNa",
            "今天拜访了王总",
        )
        assert rig.gateway.state.bad_acks == []


async def test_card_click_and_event_are_stored_and_acked_in_their_shapes() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        click = await rig.gateway.push_card_callback(card_payload("track-1", "LiNa", "contacted:42"))
        event = await rig.gateway.push_event("user_add_org", {"userId": ["015x"]}, event_id="ev-1")
        await within(rig.gateway.wait_acked(click))
        event_ack = await within(rig.gateway.wait_acked(event))
        assert json.loads(event_ack["data"]) == {"status": "SUCCESS", "message": "success"}
        button, org = rig.recorder.messages
        assert (button.kind, button.text, button.card_handle, button.sent_at) == (
            "button", "contacted:42", "track-1", START
        )  # fmt: skip
        assert (org.kind, org.text, org.platform_msg_id) == ("event", "event:user_add_org", "ev-1")
        assert rig.gateway.state.bad_acks == []


async def test_ping_is_answered_with_its_opaque() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        message_id = await rig.gateway.ping("123-dsfs")
        ack = await within(rig.gateway.wait_acked(message_id))
        assert json.loads(ack["data"]) == {"opaque": "123-dsfs"}
        assert ack["code"] == 200 and ack["message"] == "OK" and rig.gateway.state.bad_acks == []


async def test_a_dropped_connection_reconnects_with_a_new_ticket_and_loses_nothing() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        first = await rig.gateway.push_robot_message(robot_payload("LiNa", "第一条", msg_id="msg1"))
        await within(rig.gateway.wait_acked(first))

        # Stored but the socket dies before the ack gets out: simulated by holding accept, then dropping.
        rig.recorder.hold = asyncio.Event()
        rig.recorder.entered.clear()
        second = await rig.gateway.push_robot_message(robot_payload("LiNa", "第二条", msg_id="msg2"))
        await within(rig.recorder.entered.wait())
        await rig.gateway.drop()
        rig.recorder.hold.set()  # the store commits; its ack has no socket to go out on
        await within(rig.gateway.wait_connected(2))
        await within(rig.gateway.wait_acked(second))  # pushed again on the new connection, acked there

        assert rig.client.connections == 2 and rig.gateway.state.pending == {}
        assert len(rig.gateway.state.used) == 2  # a new ticket each time
        assert [m.platform_msg_id for m in rig.recorder.messages] == ["msg1", "msg2"]  # msg2 stored once
        assert rig.recorder.calls == 3  # msg2 reached accept twice; the unique key kept one
        assert rig.sleep.calls == [1.0]  # a healthy connection: the base delay


async def test_disconnect_closes_and_reconnects() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        await rig.gateway.disconnect()
        await within(rig.gateway.wait_connected(2))
        message_id = await rig.gateway.push_robot_message(robot_payload("LiNa", "还在吗"))
        await within(rig.gateway.wait_acked(message_id))
        assert rig.client.connections == 2 and len(rig.gateway.state.used) == 2
        assert rig.gateway.state.refused == []


async def test_storing_fails_then_the_frame_is_not_acked_and_comes_again() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        rig.recorder.fail = 2
        message_id = await rig.gateway.push_robot_message(robot_payload("LiNa", "明天回访", msg_id="msgF"))
        event_id = await rig.gateway.push_event("user_leave_org", {"userId": ["u9"]}, event_id="ev-9")
        later = await within(rig.gateway.wait_acked(event_id))
        assert json.loads(later["data"])["status"] == "LATER"
        assert message_id not in rig.gateway.state.acks and rig.recorder.stored == {}
        assert set(rig.gateway.state.pending) == {message_id, event_id} and rig.client.held == 2

        await rig.gateway.redeliver_unacked()  # DingTalk pushes again what was not acked
        await within(rig.gateway.wait_acked(message_id))
        await within(rig.gateway.wait_for(lambda: rig.gateway.state.pending == {}))
        assert sorted(rig.recorder.stored) == ["ev-9", "msgF"]


async def test_an_unusable_frame_is_logged_and_acked_not_pushed_forever() -> None:
    async with stream_rig() as rig:
        await within(rig.gateway.wait_connected())
        headers = {"topic": "/v1.0/im/bot/messages/get"}
        garbled = await rig.gateway.push_raw("CALLBACK", headers, '{"msgId": "x", "createA\\": tr')
        no_sender = await rig.gateway.push_robot_message({**robot_payload("LiNa", "hi"), "senderStaffId": ""})
        await within(rig.gateway.wait_acked(garbled))
        await within(rig.gateway.wait_acked(no_sender))
        assert rig.recorder.calls == 0 and rig.client.skipped == 2 and rig.gateway.state.pending == {}


async def test_backoff_grows_and_is_capped_while_the_gateway_refuses() -> None:
    async with stream_rig(secret="wrong") as rig:
        await within(rig.gateway.wait_for(lambda: len(rig.sleep.calls) >= 9))
        assert rig.sleep.calls[:9] == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]
        assert rig.gateway.state.connections == 0 and not rig.client.connected.is_set()


def test_backoff_jitter_stays_within_half_and_all_of_the_cap() -> None:
    low = StreamClient(CONFIG, None, None, random=lambda: 0.0)  # type: ignore[arg-type]
    assert [low.backoff(n) for n in (0, 3, 10)] == [0.5, 4.0, 30.0]


async def test_tickets_are_single_use_and_expire_after_90_seconds() -> None:
    clock = FixedClock(START)
    gateway = FakeStreamGateway(CONFIG.app_key, CONFIG.app_secret, clock)
    async with serve_gateway(gateway) as base, aiohttp.ClientSession() as http:
        body = {
            "clientId": CONFIG.app_key,
            "clientSecret": CONFIG.app_secret,
            "subscriptions": list(SUBSCRIPTIONS),
        }

        async def ticket() -> tuple[str, str]:
            async with http.post(base + "/v1.0/gateway/connections/open", json=body) as r:
                data = await r.json()
            return data["endpoint"], data["ticket"]

        endpoint, first = await ticket()
        async with http.ws_connect(endpoint, params={"ticket": first}) as ws:
            await ws.close()
        for why in ("reused", "expired"):
            if why == "expired":
                endpoint, first = await ticket()
                clock.advance(timedelta(seconds=91))
            try:
                async with http.ws_connect(endpoint, params={"ticket": first}):
                    raise AssertionError(f"a {why} ticket opened a socket")
            except aiohttp.WSServerHandshakeError as e:
                assert e.status == 403
        assert gateway.state.refused == ["ticket already used", "ticket expired"]
        async with http.post(
            base + "/v1.0/gateway/connections/open", json={**body, "clientSecret": "x"}
        ) as r:
            assert r.status == 401
