"""The fake DingTalk server's own checks, with raw HTTP requests (what a broken client would send), and the
error classification both error styles go through."""

# ruff: noqa: F811 (the fixtures imported below are parameters of the tests)

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.channels.dingtalk.client import BATCH_SEND, CARD_SEND, ROBOT_SEND, TOKEN_PATH, DingTalkClient
from bot.channels.dingtalk.errors import IP_BAN_WAIT, DingTalkError, classify_api, classify_oapi
from bot.clock import FixedClock
from bot.config import DingTalkConfig
from bot.fakes.dingtalk import MSG_PARAMS, FakeDingTalk, serve_fake_dingtalk
from tests.channels.dingtalk_fixtures import (  # noqa: F401 (fixtures: conftest.py is shared with others)
    dingtalk,
    dingtalk_client,
    dingtalk_config,
    dingtalk_tokens,
)


async def post(
    session: aiohttp.ClientSession, url: str, body: Any, token: str | None = None
) -> tuple[int, dict[str, Any]]:
    headers = {"x-acs-dingtalk-access-token": token} if token else {}
    async with session.post(url, json=body, headers=headers) as resp:
        return resp.status, await resp.json()


def batch(msg_key: str, msg_param: Any, robot_code: str, users: list[str] | None = None) -> dict[str, Any]:
    return {"robotCode": robot_code, "userIds": users or ["LiNa"], "msgKey": msg_key, "msgParam": msg_param}


async def test_token_expires_on_the_clock_with_a_json_401(
    dingtalk: FakeDingTalk,
    dingtalk_config: DingTalkConfig,
    http_session: aiohttp.ClientSession,
    clock: FixedClock,
) -> None:
    base = dingtalk_config.api_base
    status, got = await post(http_session, base + TOKEN_PATH, {"appKey": dingtalk.app_key,
                                                               "appSecret": dingtalk.app_secret})  # fmt: skip
    assert status == 200 and got["expireIn"] == 7200
    body = batch("sampleText", json.dumps({"content": "hi"}), dingtalk.robot_code)
    assert (await post(http_session, base + BATCH_SEND, body, got["accessToken"]))[0] == 200
    clock.advance(timedelta(seconds=7200))
    status, error = await post(http_session, base + BATCH_SEND, body, got["accessToken"])
    assert status == 401 and error["code"] == "InvalidAuthentication" and error["requestid"]
    assert (await post(http_session, base + BATCH_SEND, body))[0] == 401  # no token header at all


@pytest.mark.parametrize(
    ("msg_key", "msg_param"),
    [
        ("sampleText", {"content": "an object, not a string"}),
        ("sampleText", "{not json"),
        ("sampleMarkdown", json.dumps({"title": "no text"})),
        (
            "sampleActionCard2",
            json.dumps({"title": "t", "text": "x", "actionTitle1": "a", "actionURL1": "u"}),
        ),
        ("sampleNoSuchKey", json.dumps({"content": "hi"})),
    ],
)
async def test_batch_send_refuses_a_bad_message(
    dingtalk: FakeDingTalk,
    dingtalk_client: DingTalkClient,
    http_session: aiohttp.ClientSession,
    msg_key: str,
    msg_param: Any,
) -> None:
    token = await dingtalk_client.access_token()
    url = dingtalk_client.config.api_base + BATCH_SEND
    status, error = await post(http_session, url, batch(msg_key, msg_param, dingtalk.robot_code), token)
    assert (status, error["code"]) == (400, "param.error")
    assert not dingtalk.delivered("LiNa")


def test_documented_msg_keys() -> None:
    assert MSG_PARAMS["sampleActionCard"] == ("title", "text", "singleTitle", "singleURL")
    assert MSG_PARAMS["sampleActionCard3"][-2:] == ("actionTitle3", "actionURL3")
    assert MSG_PARAMS["sampleActionCard6"][2:] == ("buttonTitle1", "buttonUrl1", "buttonTitle2", "buttonUrl2")


async def test_card_data_must_be_a_json_string_with_a_param_map(
    dingtalk: FakeDingTalk, dingtalk_client: DingTalkClient, http_session: aiohttp.ClientSession
) -> None:
    token = await dingtalk_client.access_token()
    body = {
        "cardTemplateId": "tpl",
        "cardBizId": "c1",
        "robotCode": dingtalk.robot_code,
        "singleChatReceiver": json.dumps({"userId": "LiNa"}),
        "cardData": {"cardParamMap": {}},  # an object, not a JSON string
    }
    status, error = await post(http_session, dingtalk_client.config.api_base + CARD_SEND, body, token)
    assert (status, error["code"]) == (400, "param.error") and not dingtalk.cards


async def test_old_api_injection_answers_an_errcode(
    dingtalk: FakeDingTalk, dingtalk_client: DingTalkClient
) -> None:
    dingtalk.inject(ROBOT_SEND, 200, "-1")
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.robot_webhook_send("plain-robot-token", "", {"msgtype": "text", "text": {}})
    assert (e.value.kind, e.value.code) == ("retry", "-1")


async def test_an_ip_ban_page_is_rate_limited_for_its_minutes(
    dingtalk: FakeDingTalk, dingtalk_client: DingTalkClient
) -> None:
    ban = {"status": 1111, "wait": 5, "source": "x5", "punish": "deny", "uuid": "x"}
    dingtalk.inject(TOKEN_PATH, 200, body=ban)
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.access_token()
    assert (e.value.kind, e.value.retry_after) == ("rate_limited", IP_BAN_WAIT)


async def test_a_gateway_mounts_its_routes_on_the_same_server(
    dingtalk: FakeDingTalk, http_session: aiohttp.ClientSession
) -> None:
    class Gateway:
        def add_routes(self, app: web.Application) -> None:
            app.router.add_post("/v1.0/gateway/connections/open", self.open)

        async def open(self, request: web.Request) -> web.Response:
            return web.json_response({"endpoint": "ws://x", "ticket": "t"})

    async with serve_fake_dingtalk(dingtalk, Gateway()) as base:
        status, got = await post(http_session, base + "/v1.0/gateway/connections/open", {})
        assert (status, got["ticket"]) == (200, "t")
        url, _ = dingtalk.session_webhook("LiNa")
        assert url.startswith(base)


@pytest.mark.parametrize(
    ("status", "code", "kind"),
    [
        (403, "Forbidden.AccessDenied.QpsLimitForApi", "rate_limited"),
        (403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "rate_limited"),
        (403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "quota"),
        (400, "Forbidden.AccessDenied.ApiCountLimitForOrg", "quota"),
        (403, "Forbidden.AccessDenied.IpNotInWhiteList", "config"),
        (401, "InvalidAuthentication", "token"),
        (400, "InvalidAuthentication", "token"),
        (400, "staffId.notExisted", "config"),
        (404, "resource.not.found", "config"),
        (429, "", "rate_limited"),
        (500, "", "retry"),
        (502, "", "retry"),
        (400, "param.error", "other"),
    ],
)
def test_new_api_kinds(status: int, code: str, kind: str) -> None:
    assert classify_api(status, code)[0] == kind


def test_token_endpoint_refusals_are_config() -> None:
    assert classify_api(400, "invalidClientIdOrSecret", from_token=True)[0] == "config"
    assert classify_api(401, "InvalidAuthentication", from_token=True)[0] == "config"


@pytest.mark.parametrize(
    ("errcode", "session", "kind", "wait"),
    [
        (130101, False, "rate_limited", 600.0),
        (310000, False, "config", None),
        (300001, False, "config", None),
        (300001, True, "other", None),
        (90018, False, "rate_limited", 2.0),
        (90020, False, "quota", None),
        (-1, True, "retry", None),
        (12345, False, "other", None),
    ],
)
def test_old_api_kinds(errcode: int, session: bool, kind: str, wait: float | None) -> None:
    assert classify_oapi(errcode, session=session) == (kind, wait)


def test_error_reads_well() -> None:
    e = DingTalkError("rate_limited", "130101", "send too fast", retry_after=600.0, path="/robot/send")
    assert str(e) == "DingTalk error 130101 (rate_limited) on /robot/send: send too fast"
    assert not e.session_gone and e.retry_after == 600.0
