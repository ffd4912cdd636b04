"""The callback endpoint over HTTP: official vectors; every kind of bad input refused, nothing accepted."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.channels.errors import SignatureError
from bot.channels.wecom.callback import WeComCallback
from bot.channels.wecom.crypto import MAX_BODY_BYTES
from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.fakes.wecom import BROKEN, CallbackDriver
from bot.types import Message
from tests.raw_http import post_in_two_writes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VECTORS = json.loads((FIXTURES / "wecom_callback_crypto_official.json").read_text("utf-8"))["vectors"]
OFFICIAL = {v["id"]: v for v in VECTORS}
PATH = "/wecom/callback"


class Recorder:
    def __init__(self) -> None:
        self.accepted: list[Message] = []

    async def __call__(self, messages: Sequence[Message]) -> list[int]:
        self.accepted.extend(messages)
        return list(range(len(messages)))


async def serve(aiohttp_client: Any, config: WeComConfig, clock: FixedClock) -> tuple[TestClient, Recorder]:
    recorder = Recorder()
    app = web.Application()
    WeComCallback(config, clock, recorder).add_routes(app)
    return await aiohttp_client(app), recorder


def official_config(v: dict[str, Any]) -> WeComConfig:
    return WeComConfig(
        enabled=True,
        corp_id=v["receiveid"],
        token=v["token"],
        encoding_aes_key=v["encoding_aes_key"],
        secret="x",
    )


def at(timestamp: str) -> FixedClock:
    return FixedClock(datetime.fromtimestamp(int(timestamp), UTC))


@pytest.mark.parametrize(
    "vid", ["wecom_official_sample_verify_url_QDG6eK", "wecom_official_python_sample_verify_url"]
)
async def test_official_get_vectors_verify_over_http(aiohttp_client: Any, vid: str) -> None:
    v = OFFICIAL[vid]
    client, _ = await serve(aiohttp_client, official_config(v), at(v["timestamp"]))
    query = {"msg_signature": v["msg_signature"], "timestamp": v["timestamp"], "nonce": v["nonce"]}
    response = await client.get(PATH, params={**query, "echostr": v["encrypt"]})
    assert response.status == 200
    assert await response.text() == v["expected_plaintext"]


async def test_official_get_vector_as_sent_on_the_wire(aiohttp_client: Any) -> None:
    """The documented query string, URL-encoded exactly as WeChat Work sends it."""
    v = OFFICIAL["wecom_official_sample_verify_url_QDG6eK"]
    client, _ = await serve(aiohttp_client, official_config(v), at(v["timestamp"]))
    query = v["query_string_as_sent"].split("?", 1)[-1]
    response = await client.get(f"{PATH}?{query}")
    assert (response.status, await response.text()) == (200, v["expected_plaintext"])


@pytest.mark.parametrize("vid", ["wecom_official_doc_post_text_msg", "wecom_official_python_sample_post"])
async def test_official_post_vectors_are_accepted(aiohttp_client: Any, vid: str) -> None:
    v = OFFICIAL[vid]
    client, recorder = await serve(aiohttp_client, official_config(v), at(v["timestamp"]))
    body = v.get("post_body_xml") or f"<xml><Encrypt><![CDATA[{v['encrypt']}]]></Encrypt></xml>"
    query = {"msg_signature": v["msg_signature"], "timestamp": v["timestamp"], "nonce": v["nonce"]}
    response = await client.post(PATH, params=query, data=body.encode())
    assert response.status == 200
    assert await response.text() == ""
    [message] = recorder.accepted
    assert message.platform == "wecom" and message.kind == "text"
    assert message.platform_msg_id and message.sender_id and message.text


async def test_official_vector_outside_the_replay_window_is_refused(aiohttp_client: Any) -> None:
    v = OFFICIAL["wecom_official_doc_post_text_msg"]
    client, recorder = await serve(
        aiohttp_client, official_config(v), FixedClock(datetime(2026, 12, 1, tzinfo=UTC))
    )
    query = {"msg_signature": v["msg_signature"], "timestamp": v["timestamp"], "nonce": v["nonce"]}
    response = await client.post(PATH, params=query, data=v["post_body_xml"].encode())
    assert response.status == 400 and recorder.accepted == []


@pytest.mark.parametrize("kind", sorted(BROKEN))
async def test_every_broken_callback_is_a_4xx_and_nothing_is_accepted(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver, kind: str
) -> None:
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    params, body = driver.broken(kind)
    response = await client.post(PATH, params=params, data=body)
    expected = 413 if kind == "oversized" else 403 if BROKEN[kind] is SignatureError else 400
    assert response.status == expected
    text = await response.text()
    assert "Traceback" not in text and len(text) < 50
    assert recorder.accepted == []


@pytest.mark.parametrize(
    "params",
    [{}, {"msg_signature": "a"}, {"msg_signature": "a", "timestamp": "x", "nonce": "n"}],
    ids=["no-query", "partial-query", "bad-timestamp"],
)
async def test_missing_or_malformed_query_is_400(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, params: dict[str, str]
) -> None:
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    assert (await client.post(PATH, params=params, data=b"<xml/>")).status == 400
    assert (await client.get(PATH, params=params)).status == 400
    assert recorder.accepted == []


@pytest.mark.parametrize(
    "body",
    [b"", b"not xml", b"\xff\xfe\x00", b"<xml><Encrypt>", b"<xml></xml>", "<xml>😀</xml>".encode()],
)
async def test_garbage_bodies_are_4xx(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver, body: bytes
) -> None:
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    params, _ = driver.text("LiNa", "你好")
    response = await client.post(PATH, params=params, data=body)
    assert 400 <= response.status < 500 and recorder.accepted == []


async def test_oversized_body_is_refused_even_without_content_length(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver
) -> None:
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    params, _ = driver.text("LiNa", "你好")

    async def chunks() -> Any:
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b"A" * 1024

    response = await client.post(PATH, params=params, data=chunks())
    assert response.status == 413 and recorder.accepted == []


async def test_good_callback_is_accepted_with_empty_200(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver
) -> None:
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    params, body = driver.text("LiNa", "今天拜访了苏州仁济医院王主任", msg_id=42)
    response = await client.post(PATH, params=params, data=body)
    assert (response.status, await response.text()) == (200, "")
    [message] = recorder.accepted
    assert (message.platform_msg_id, message.sender_id, message.text) == (
        "42",
        "LiNa",
        "今天拜访了苏州仁济医院王主任",
    )


async def test_verification_with_a_foreign_token_is_403(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver
) -> None:
    client, _ = await serve(aiohttp_client, dataclasses.replace(wecom_config, token="other"), clock)
    response = await client.get(PATH, params=driver.verify_url())
    assert response.status == 403


async def test_verification_answers_the_plain_echo(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver
) -> None:
    client, _ = await serve(aiohttp_client, wecom_config, clock)
    response = await client.get(PATH, params=driver.verify_url("12345"))
    assert (response.status, await response.text()) == (200, "12345")


async def test_a_body_arriving_in_two_writes_is_accepted(
    aiohttp_client: Any, wecom_config: WeComConfig, clock: FixedClock, driver: CallbackDriver
) -> None:
    """Over the internet a callback can arrive in several TCP segments; the edge reads to the end."""
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    params, body = driver.text("LiNa", "今天拜访了苏州仁济医院王主任", msg_id=43)
    path = f"{PATH}?{'&'.join(f'{k}={v}' for k, v in params.items())}"
    status, _ = await post_in_two_writes(client.server, path, body)
    assert status == 200
    assert [m.platform_msg_id for m in recorder.accepted] == ["43"]


@pytest.mark.parametrize("create_time", [999999999999, 253402300800], ids=["year-33658", "year-10000"])
async def test_a_signed_callback_with_create_time_out_of_range_is_400(
    aiohttp_client: Any,
    wecom_config: WeComConfig,
    clock: FixedClock,
    driver: CallbackDriver,
    create_time: int,
) -> None:
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    fields = driver.base_fields("LiNa", "text") | {"CreateTime": create_time, "Content": "你好", "MsgId": 44}
    params, body = driver.post(driver.xml(fields))
    response = await client.post(PATH, params=params, data=body)
    assert (response.status, await response.text()) == (400, "bad request")
    assert recorder.accepted == []


@pytest.mark.parametrize(
    ("content", "status"),
    [
        ("好".encode(), 200),  # the control: the callback is built right, only its content varies
        (b"a\x00b", 400),
        (b"&#0;", 400),
        (b"&#xD800;", 400),
        (b"\xed\xa0\x80", 400),  # a surrogate encoded as if it were UTF-8
        (b"&#xFFFE;", 400),
    ],
    ids=["control", "raw-nul", "nul-reference", "surrogate-reference", "surrogate-utf8", "non-character"],
)
async def test_decrypted_content_with_nul_or_invalid_code_points_is_400(
    aiohttp_client: Any,
    wecom_config: WeComConfig,
    clock: FixedClock,
    driver: CallbackDriver,
    content: bytes,
    status: int,
) -> None:
    """What no database can store never gets past the UTF-8 check or the XML parser (XML 1.0 has no NUL,
    no surrogates), so a callback, unlike JSON, needs no check of its own."""
    client, recorder = await serve(aiohttp_client, wecom_config, clock)
    fields = driver.base_fields("LiNa", "text") | {"MsgId": 45}
    plain = driver.xml(fields).encode().replace(b"</xml>", b"<Content>" + content + b"</Content></xml>")
    params, _ = driver.text("LiNa", "你好")  # a fresh timestamp and nonce; re-signed for `plain` below
    params, body = driver._signed(driver.crypto.encrypt(plain), params)
    response = await client.post(PATH, params=params, data=body)
    assert response.status == status
    assert len(recorder.accepted) == (1 if status == 200 else 0)
