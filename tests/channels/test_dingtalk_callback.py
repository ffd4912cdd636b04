"""HTTP mode over real HTTP: signed robot messages and card clicks are stored once and answered 200 {};
a bad or stale sign, a malformed or oversized body, a failed store: 4xx/503 and nothing stored; no secret,
no endpoint."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.channels.dingtalk.callback import MAX_BODY_BYTES, DingTalkCallback
from bot.clock import FixedClock
from bot.config import ConfigError, DingTalkConfig
from bot.fakes.dingtalk_stream import HttpDriver, card_payload, robot_payload
from tests.channels.dingtalk_recv_fixtures import CONFIG, START, Recorder
from tests.raw_http import post_in_two_writes

ROBOT, CARD = CONFIG.callback_path, CONFIG.card_callback_path


async def serve(
    aiohttp_client: Any, config: DingTalkConfig = CONFIG
) -> tuple[TestClient, Recorder, HttpDriver]:
    clock = FixedClock(START)
    recorder = Recorder()
    app = web.Application()
    DingTalkCallback(config, clock, recorder).add_routes(app)
    return await aiohttp_client(app), recorder, HttpDriver(config, clock)


async def test_signed_robot_message_is_stored_once_and_answered_with_empty_json(aiohttp_client: Any) -> None:
    client, recorder, driver = await serve(aiohttp_client)
    headers, body = driver.robot(
        robot_payload("LiNa", "今天拜访了王总", msg_id="msgA", session_webhook="https://h")
    )
    for _ in range(2):  # DingTalk pushes the same message again
        response = await client.post(ROBOT, data=body, headers=headers)
        assert response.status == 200 and await response.json() == {}
    [message] = recorder.messages
    assert (message.platform_msg_id, message.text, message.reply_route["session_webhook"]) == (
        "msgA", "今天拜访了王总", "https://h"
    )  # fmt: skip


async def test_signed_card_click_is_stored(aiohttp_client: Any) -> None:
    client, recorder, driver = await serve(aiohttp_client)
    headers, body = driver.card(card_payload("track-1", "LiNa", "contacted:42"))
    response = await client.post(CARD, data=body, headers=headers)
    assert response.status == 200 and await response.json() == {}
    [click] = recorder.messages
    assert (click.kind, click.text, click.card_handle, click.sent_at) == (
        "button",
        "contacted:42",
        "track-1",
        START,
    )


@pytest.mark.parametrize("path", [ROBOT, CARD])
@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("bad_sign", 403),
        ("stale", 400),
        ("no_sign", 403),
        ("no_timestamp", 400),
        ("non_ascii_sign", 403),
        ("not_json", 400),
        ("json_array", 400),
        ("nul", 400),
        ("deep", 400),  # an extra field nested 900 levels: the parser took it, and it was stored
        ("infinite", 400),  # 1e999 parsed as inf, and was stored
        ("missing_field", 400),
        ("oversized", 413),
    ],
)
async def test_every_refusal_is_a_4xx_and_stores_nothing(
    aiohttp_client: Any, path: str, case: str, status: int
) -> None:
    client, recorder, driver = await serve(aiohttp_client)
    payload = robot_payload("LiNa", "hi") if path == ROBOT else card_payload("t", "LiNa", "k")
    headers, body = driver.robot(payload, bad_sign=case == "bad_sign", stale=case == "stale")
    if case == "no_sign":
        del headers["sign"]
    elif case == "no_timestamp":
        del headers["timestamp"]
    elif case == "non_ascii_sign":
        headers["sign"] = "签名"
    elif case == "not_json":
        body = b"{not json"
    elif case == "json_array":
        body = b"[]"
    elif case == "nul":
        body = body.replace(b'"LiNa"', b'"Li\\u0000Na"')
    elif case == "deep":
        body = body[:-1] + b', "extra": ' + b"[" * 900 + b"]" * 900 + b"}"
    elif case == "infinite":
        body = body[:-1] + b', "extra": 1e999}'
    elif case == "missing_field":
        body = b'{"msgtype": "text"}'
    elif case == "oversized":
        body = b" " * (MAX_BODY_BYTES + 1)
    response = await client.post(path, data=body, headers=headers)
    assert response.status == status
    text = await response.text()
    assert "Traceback" not in text and len(text) < 50
    assert recorder.calls == 0


async def test_a_body_in_several_segments_is_read_whole(aiohttp_client: Any) -> None:
    client, recorder, driver = await serve(aiohttp_client)
    headers, body = driver.robot(robot_payload("LiNa", "分两段到达的消息", msg_id="msgSeg"))
    status, answer = await post_in_two_writes(client.server, ROBOT, body, headers)
    assert (status, answer) == (200, b"{}")
    assert [m.platform_msg_id for m in recorder.messages] == ["msgSeg"]


async def test_a_failed_store_is_a_503_so_dingtalk_pushes_again(aiohttp_client: Any) -> None:
    client, recorder, driver = await serve(aiohttp_client)
    recorder.fail = 1
    headers, body = driver.robot(robot_payload("LiNa", "hi", msg_id="msgR"))
    assert (await client.post(ROBOT, data=body, headers=headers)).status == 503
    assert (await client.post(ROBOT, data=body, headers=headers)).status == 200
    assert list(recorder.stored) == ["msgR"]


async def test_no_secret_refuses_to_start() -> None:
    callback = DingTalkCallback(dataclasses.replace(CONFIG, app_secret=""), FixedClock(START), Recorder())
    with pytest.raises(ConfigError):
        callback.add_routes(web.Application())


async def test_stream_mode_serves_no_robot_endpoint(aiohttp_client: Any) -> None:
    client, _, driver = await serve(aiohttp_client, dataclasses.replace(CONFIG, mode="stream", app_secret=""))
    headers, body = driver.robot(robot_payload("LiNa", "hi"))
    assert (await client.post(ROBOT, data=body, headers=headers)).status == 404
