"""The event subscription over HTTP (DingTalk-Callback-Crypto): the official check_url example is answered
with the encrypted "success"; real events are stored once; every broken request is a 4xx, nothing stored."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.channels.callback_crypto import CallbackCipher
from bot.channels.dingtalk.callback import DingTalkCallback
from bot.clock import FixedClock
from bot.config import ConfigError, DingTalkConfig
from bot.fakes.dingtalk_stream import HttpDriver
from tests.channels.dingtalk_recv_fixtures import CONFIG, START, Recorder

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VECTORS = json.loads((FIXTURES / "dingtalk_callback_crypto_official.json").read_text("utf-8"))["vectors"]
CHECK_URL = next(v for v in VECTORS if v["id"] == "dingtalk_callback_crypto_check_url")
# Events are served in stream mode too; the app secret is not needed for them.
EVENTS = dataclasses.replace(
    CONFIG, mode="stream", app_secret="", event_token="mryue", event_aes_key=CHECK_URL["encoding_aes_key"]
)
PATH = EVENTS.events_path


async def serve(
    aiohttp_client: Any, config: DingTalkConfig, clock: FixedClock
) -> tuple[TestClient, Recorder]:
    recorder = Recorder()
    app = web.Application()
    DingTalkCallback(config, clock, recorder).add_routes(app)
    return await aiohttp_client(app), recorder


def official() -> tuple[DingTalkConfig, FixedClock, dict[str, str], bytes]:
    v = CHECK_URL
    config = dataclasses.replace(
        EVENTS, app_key=v["receiveid"], event_token=v["token"], event_aes_key=v["encoding_aes_key"]
    )
    clock = FixedClock(datetime.fromtimestamp(int(v["timestamp"]) / 1000, UTC))
    params = {"msg_signature": v["msg_signature"], "timestamp": v["timestamp"], "nonce": v["nonce"]}
    return config, clock, params, json.dumps({"encrypt": v["encrypt"]}).encode()


def assert_success(config: DingTalkConfig, clock: FixedClock, answer: dict[str, str]) -> None:
    cipher = CallbackCipher(config.event_token, config.event_aes_key, config.app_key)
    assert set(answer) == {"msg_signature", "timeStamp", "nonce", "encrypt"}
    cipher.check_signature(answer["msg_signature"], answer["timeStamp"], answer["nonce"], answer["encrypt"])
    assert cipher.decrypt(answer["encrypt"]) == b"success"
    assert answer["timeStamp"] == str(int(clock.now().timestamp() * 1000))


async def test_official_check_url_is_answered_with_encrypted_success(aiohttp_client: Any) -> None:
    config, clock, params, body = official()
    client, recorder = await serve(aiohttp_client, config, clock)
    response = await client.post(PATH, params=params, data=body)
    assert response.status == 200
    assert_success(config, clock, await response.json())
    assert recorder.calls == 0  # check_url is not a message


async def test_official_vector_with_the_old_signature_name_is_accepted(aiohttp_client: Any) -> None:
    config, clock, params, body = official()
    client, _ = await serve(aiohttp_client, config, clock)
    params["signature"] = params.pop("msg_signature")
    assert (await client.post(PATH, params=params, data=body)).status == 200


async def test_official_vector_an_hour_and_more_later_is_refused(aiohttp_client: Any) -> None:
    config, clock, params, body = official()
    clock.advance(timedelta(hours=1, seconds=1))
    client, recorder = await serve(aiohttp_client, config, clock)
    assert (await client.post(PATH, params=params, data=body)).status == 400
    assert recorder.calls == 0


async def test_an_event_is_stored_once_and_answered(aiohttp_client: Any) -> None:
    clock = FixedClock(START)
    client, recorder = await serve(aiohttp_client, EVENTS, clock)
    plain = {"EventType": "user_add_org", "TimeStamp": "1796115600000", "UserId": ["u1"], "CorpId": "ding9"}
    for _ in range(2):
        params, body = HttpDriver(EVENTS, clock).event(plain)
        response = await client.post(PATH, params=params, data=body)
        assert response.status == 200
        assert_success(EVENTS, clock, await response.json())
    [message] = recorder.messages
    assert (message.kind, message.text) == ("event", "event:user_add_org")


@pytest.mark.parametrize(
    ("case", "status"),
    [("bad_signature", 403), ("no_nonce", 400), ("ms_garbage", 400), ("not_json", 400), ("no_encrypt", 400),
     ("wrong_app_key", 400), ("bad_base64", 400), ("plain_not_object", 400)],
)  # fmt: skip
async def test_every_broken_event_is_a_4xx_and_stores_nothing(
    aiohttp_client: Any, case: str, status: int
) -> None:
    clock = FixedClock(START)
    client, recorder = await serve(aiohttp_client, EVENTS, clock)
    driver = HttpDriver(EVENTS, clock)
    params, body = driver.event({"EventType": "user_add_org"})
    if case == "bad_signature":
        params["msg_signature"] = "0" * 40
    elif case == "no_nonce":
        del params["nonce"]
    elif case == "ms_garbage":
        params["timestamp"] = "12ab"
    elif case == "not_json":
        body = b"<xml/>"
    elif case == "no_encrypt":
        body = b'{"other": 1}'
    elif case in ("wrong_app_key", "bad_base64", "plain_not_object"):
        other = HttpDriver(dataclasses.replace(EVENTS, app_key="someone-else"), clock)
        params, body = other.event({"EventType": "x"}) if case == "wrong_app_key" else (params, body)
        if case != "wrong_app_key":
            cipher = CallbackCipher(EVENTS.event_token, EVENTS.event_aes_key, EVENTS.app_key)
            encrypted = "!!notbase64" if case == "bad_base64" else cipher.encrypt(b"[1, 2]")
            params = {
                **params,
                "msg_signature": cipher.signature(params["timestamp"], params["nonce"], encrypted),
            }
            body = json.dumps({"encrypt": encrypted}).encode()
    response = await client.post(PATH, params=params, data=body)
    assert response.status == status
    assert recorder.calls == 0


def test_half_an_event_config_refuses_to_start() -> None:
    for config in (dataclasses.replace(EVENTS, event_token=""), dataclasses.replace(EVENTS, app_key="")):
        with pytest.raises(ConfigError):
            DingTalkCallback(config, FixedClock(START), Recorder()).add_routes(web.Application())
