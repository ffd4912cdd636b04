"""The DingTalk client against the fake DingTalk server over real HTTP, with an injected clock."""

# ruff: noqa: F811 (the fixtures imported below are parameters of the tests)

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import hmac
import json
import logging
from datetime import timedelta

import aiohttp
import pytest

from bot.channels.dingtalk.client import (
    BATCH_SEND,
    CARD_SEND,
    GROUP_SEND,
    ROBOT_SEND,
    TOKEN_PATH,
    DingTalkClient,
)
from bot.channels.dingtalk.errors import ROBOT_WAIT, SESSION_GONE, DingTalkError
from bot.channels.dingtalk.sign import millis, sign
from bot.channels.tokens import MemoryTokenCache
from bot.clock import FixedClock
from bot.config import DingTalkConfig
from bot.fakes.dingtalk import SESSION_SEND, FakeDingTalk
from tests.channels.dingtalk_fixtures import (  # noqa: F401 (fixtures: conftest.py is shared with others)
    PLAIN_ROBOT,
    ROBOT_SECRET,
    ROBOT_TOKEN,
    dingtalk,
    dingtalk_client,
    dingtalk_config,
    dingtalk_tokens,
)

MD = {"title": "新线索", "text": "### 新线索\n- 客户：王总"}


async def md(client: DingTalkClient, user: str = "LiNa", text: str = "x") -> None:
    await client.batch_send([user], "sampleMarkdown", {"title": "t", "text": text})


# -- token --------------------------------------------------------------------------------------------------


async def test_fifty_concurrent_sends_fetch_one_token(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    await asyncio.gather(*(md(dingtalk_client, "LiNa" if i % 2 else "ZhangWei", f"#{i}") for i in range(50)))
    assert len(dingtalk.calls(TOKEN_PATH)) == 1
    assert len(dingtalk.delivered("LiNa")) == 25 and len(dingtalk.delivered("ZhangWei")) == 25


async def test_token_cached_and_refreshed_five_minutes_before_expiry(
    dingtalk_client: DingTalkClient,
    dingtalk: FakeDingTalk,
    clock: FixedClock,
    dingtalk_tokens: MemoryTokenCache,
) -> None:
    await md(dingtalk_client, text="one")
    token = dingtalk.calls(BATCH_SEND)[0].headers["x-acs-dingtalk-access-token"]
    assert await dingtalk_tokens.get(f"dingtalk:{dingtalk.app_key}") is not None
    clock.advance(timedelta(seconds=7200 - 400))
    await md(dingtalk_client, text="two")
    assert len(dingtalk.calls(TOKEN_PATH)) == 1
    clock.advance(timedelta(seconds=200))  # inside the 5-minute margin: refreshed before the platform refuses
    await md(dingtalk_client, text="three")
    assert len(dingtalk.calls(TOKEN_PATH)) == 2
    tokens = [r.headers["x-acs-dingtalk-access-token"] for r in dingtalk.calls(BATCH_SEND)]
    assert tokens[:2] == [token, token] and tokens[2] != token
    assert dingtalk.calls(TOKEN_PATH)[0].body == {
        "appKey": dingtalk.app_key,
        "appSecret": dingtalk.app_secret,
    }


async def test_revoked_token_is_dropped_refreshed_and_retried_once(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    await md(dingtalk_client, text="one")
    dingtalk.revoke_tokens()
    await md(dingtalk_client, text="two")
    assert len(dingtalk.calls(TOKEN_PATH)) == 2
    assert len(dingtalk.calls(BATCH_SEND)) == 3  # one; two refused; two again with the new token
    assert [d.params["text"] for d in dingtalk.delivered("LiNa")] == ["one", "two"]


async def test_token_refused_twice_is_a_token_error_without_looping(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    dingtalk.inject(BATCH_SEND, 401, "InvalidAuthentication", times=5)
    with pytest.raises(DingTalkError) as e:
        await md(dingtalk_client)
    assert (e.value.kind, e.value.code, e.value.status) == ("token", "InvalidAuthentication", 401)
    assert len(dingtalk.calls(BATCH_SEND)) == 2 and len(dingtalk.calls(TOKEN_PATH)) == 2


async def test_invalid_authentication_with_400_is_a_refused_token_too(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    dingtalk.inject(BATCH_SEND, 400, "InvalidAuthentication")  # what the platform answers a forged token
    await md(dingtalk_client)
    assert len(dingtalk.calls(TOKEN_PATH)) == 2 and len(dingtalk.delivered("LiNa")) == 1


async def test_wrong_app_secret_is_config(
    dingtalk_config: DingTalkConfig,
    http_session: aiohttp.ClientSession,
    clock: FixedClock,
    dingtalk: FakeDingTalk,
) -> None:
    config = dataclasses.replace(dingtalk_config, app_secret="nope")
    client = DingTalkClient(config, http_session, MemoryTokenCache(), clock)
    with pytest.raises(DingTalkError) as e:
        await md(client)
    assert (e.value.kind, e.value.status) == ("config", 400)
    assert not dingtalk.calls(BATCH_SEND)


# -- error kinds --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["Forbidden.AccessDenied.QpsLimitForApi", "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi"]
)
async def test_qps_limit_is_rate_limited_with_a_short_wait(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, code: str
) -> None:
    dingtalk.inject(BATCH_SEND, 403, code)
    with pytest.raises(DingTalkError) as e:
        await md(dingtalk_client)
    assert (e.value.kind, e.value.code) == ("rate_limited", code)
    assert e.value.retry_after is not None and 0 < e.value.retry_after <= 5
    assert len(dingtalk.calls(BATCH_SEND)) == 1  # no retry inside the client
    await md(dingtalk_client)
    assert len(dingtalk.delivered("LiNa")) == 1


async def test_monthly_allowance_gone_is_quota_and_logged_as_error(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, caplog: pytest.LogCaptureFixture
) -> None:
    dingtalk.inject(GROUP_SEND, 403, "Forbidden.AccessDenied.ApiCountLimitForOrg")
    with caplog.at_level(logging.ERROR, logger="salesbot.dingtalk"), pytest.raises(DingTalkError) as e:
        await dingtalk_client.group_send("cidTeam==", "sampleMarkdown", MD)
    assert e.value.kind == "quota" and "ApiCountLimitForOrg" in str(e.value)
    assert any("allowance" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)


async def test_403_without_qps_limit_is_config(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    dingtalk.inject(BATCH_SEND, 403, "Forbidden.AccessDenied.AccessTokenPermissionDenied")
    with pytest.raises(DingTalkError) as e:
        await md(dingtalk_client)
    assert e.value.kind == "config"


async def test_5xx_is_retry(dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk) -> None:
    dingtalk.inject(BATCH_SEND, 503, "ServiceUnavailable")
    with pytest.raises(DingTalkError) as e:
        await md(dingtalk_client)
    assert (e.value.kind, e.value.status) == ("retry", 503)
    await md(dingtalk_client)  # the next call goes through


async def test_timeout_and_dropped_connection_are_retry(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    await dingtalk_client.access_token()
    dingtalk.inject(BATCH_SEND, 200, delay=5.0)  # longer than the client's 0.5 s timeout
    with pytest.raises(DingTalkError) as e:
        await md(dingtalk_client)
    assert e.value.kind == "retry" and "timed out" in str(e.value)
    dingtalk.inject(BATCH_SEND, 200, disconnect=True)
    with pytest.raises(DingTalkError) as e:
        await md(dingtalk_client)
    assert e.value.kind == "retry"


async def test_unknown_robot_code_is_config(
    dingtalk_config: DingTalkConfig, http_session: aiohttp.ClientSession, clock: FixedClock
) -> None:
    client = DingTalkClient(dataclasses.replace(dingtalk_config, robot_code="dingother"), http_session,
                            MemoryTokenCache(), clock)  # fmt: skip
    with pytest.raises(DingTalkError) as e:
        await md(client)
    assert (e.value.kind, e.value.code) == ("config", "resource.not.found")


# -- batchSend and group send -------------------------------------------------------------------------------


async def test_msg_param_goes_as_a_json_string(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    result = await dingtalk_client.batch_send(["LiNa"], "sampleMarkdown", MD)
    sent = dingtalk.calls(BATCH_SEND)[0].body
    assert isinstance(sent["msgParam"], str) and json.loads(sent["msgParam"]) == MD
    assert "新线索" in sent["msgParam"]  # not \u-escaped
    assert sent["robotCode"] == dingtalk.robot_code and sent["userIds"] == ["LiNa"]
    assert result.process_query_key and result.flow_controlled == () and result.invalid == ()
    [got] = dingtalk.delivered("LiNa")
    assert (got.how, got.msg_key, got.params) == ("batch", "sampleMarkdown", MD)


async def test_flow_controlled_and_invalid_users_come_back_undelivered(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    dingtalk.flow_control("ZhangWei")
    result = await dingtalk_client.batch_send(["LiNa", "ZhangWei", "Ghost"], "sampleText", {"content": "hi"})
    assert (result.flow_controlled, result.invalid) == (("ZhangWei",), ("Ghost",))
    assert len(dingtalk.delivered("LiNa")) == 1 and not dingtalk.delivered("ZhangWei")
    again = await dingtalk_client.batch_send(list(result.flow_controlled), "sampleText", {"content": "hi"})
    assert again.flow_controlled == () and len(dingtalk.delivered("ZhangWei")) == 1


async def test_only_unknown_users_is_config(dingtalk_client: DingTalkClient) -> None:
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.batch_send(["Ghost"], "sampleText", {"content": "hi"})
    assert (e.value.kind, e.value.code) == ("config", "staffId.notExisted")


async def test_bad_msg_param_is_other(dingtalk_client: DingTalkClient) -> None:
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.batch_send(["LiNa"], "sampleActionCard2", {"title": "t", "text": "x"})
    assert (e.value.kind, e.value.status) == ("other", 400)
    with pytest.raises(ValueError):
        await dingtalk_client.batch_send([f"u{i}" for i in range(21)], "sampleText", {"content": "hi"})


async def test_group_send(dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk) -> None:
    buttons = {"title": "SLA", "text": "超时", "buttonTitle1": "已联系", "buttonUrl1": "dtmd://a",
               "buttonTitle2": "延后", "buttonUrl2": "dtmd://b"}  # fmt: skip
    key = await dingtalk_client.group_send("cidTeam==", "sampleActionCard6", buttons)
    assert key
    [post] = dingtalk.group_posts("cidTeam==")
    assert (post.how, post.msg_key, post.params) == ("group", "sampleActionCard6", buttons)
    assert isinstance(dingtalk.calls(GROUP_SEND)[0].body["msgParam"], str)


# -- session webhooks ---------------------------------------------------------------------------------------


async def test_session_webhook_delivers_until_it_expires(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, clock: FixedClock
) -> None:
    url, expires_ms = dingtalk.session_webhook("LiNa", "cidLiNa==")
    assert expires_ms == millis(clock.now() + timedelta(minutes=90))
    body = {"msgtype": "markdown", "markdown": MD}
    await dingtalk_client.session_send(url, body)
    assert [(d.how, d.msg_key, d.params) for d in dingtalk.delivered("LiNa")] == [("session", "markdown", MD)]
    assert "x-acs-dingtalk-access-token" not in dingtalk.calls(SESSION_SEND)[0].headers
    clock.advance(timedelta(minutes=90))
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.session_send(url, body)
    assert e.value.session_gone and (e.value.kind, e.value.code) == ("other", SESSION_GONE)
    assert url not in str(e.value)  # the session secret stays out of logs
    assert len(dingtalk.delivered("LiNa")) == 1


# -- custom group robot -------------------------------------------------------------------------------------


def test_sign_is_the_documented_hmac() -> None:
    # 自定义机器人 安全设置: base64(HmacSHA256(key=secret, msg=timestamp + "\n" + secret)), UTF-8.
    secret, ts = "SEC000000000000000000000", 1_700_000_000_000
    expected = base64.b64encode(
        hmac.new(secret.encode(), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()
    )
    assert sign(secret, ts) == expected.decode() == sign(secret, str(ts))


async def test_robot_webhook_is_signed_and_url_encoded(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, clock: FixedClock
) -> None:
    # move the clock to a millisecond whose sign has a "+" and a "/": a raw "+" would arrive as a space
    while not {"+", "/"} <= set(sign(ROBOT_SECRET, millis(clock.now()))):
        clock.advance(timedelta(milliseconds=1))
    body = {"msgtype": "markdown", "markdown": MD}
    await dingtalk_client.robot_webhook_send(ROBOT_TOKEN, ROBOT_SECRET, body)
    [call] = dingtalk.calls(ROBOT_SEND)
    assert call.query == {"access_token": ROBOT_TOKEN, "timestamp": str(millis(clock.now())),
                          "sign": sign(ROBOT_SECRET, millis(clock.now()))}  # fmt: skip
    assert [(p.how, p.params) for p in dingtalk.group_posts(ROBOT_TOKEN)] == [("webhook", MD)]


async def test_robot_webhook_without_secret_sends_no_sign(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    await dingtalk_client.robot_webhook_send(PLAIN_ROBOT, "", {"msgtype": "text", "text": {"content": "hi"}})
    assert dingtalk.calls(ROBOT_SEND)[0].query == {"access_token": PLAIN_ROBOT}
    assert len(dingtalk.group_posts(PLAIN_ROBOT)) == 1


async def test_robot_webhook_bad_sign_and_wrong_token_are_config(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    body = {"msgtype": "text", "text": {"content": "hi"}}
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.robot_webhook_send(ROBOT_TOKEN, "SEC-wrong", body)
    assert (e.value.kind, e.value.code, e.value.message) == ("config", "310000", "sign not match")
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.robot_webhook_send("no-such-robot", "", body)
    assert (e.value.kind, e.value.code) == ("config", "300001") and not e.value.session_gone
    assert not dingtalk.group_posts(ROBOT_TOKEN)


async def test_robot_webhook_stale_timestamp_is_refused(
    dingtalk_config: DingTalkConfig, http_session: aiohttp.ClientSession, clock: FixedClock
) -> None:
    # our clock says an hour and a bit ago (a stuck clock or a long-held signed URL): the platform refuses
    behind = FixedClock(clock.now() - timedelta(minutes=61))
    stale = DingTalkClient(dingtalk_config, http_session, MemoryTokenCache(), behind)
    with pytest.raises(DingTalkError) as e:
        await stale.robot_webhook_send(
            ROBOT_TOKEN, ROBOT_SECRET, {"msgtype": "text", "text": {"content": "x"}}
        )
    assert (e.value.kind, e.value.code, e.value.message) == ("config", "310000", "invalid timestamp")


async def test_robot_webhook_twenty_a_minute_then_130101(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk, clock: FixedClock
) -> None:
    body = {"msgtype": "text", "text": {"content": "hi"}}
    for _ in range(20):
        await dingtalk_client.robot_webhook_send(ROBOT_TOKEN, ROBOT_SECRET, body)
        clock.advance(timedelta(seconds=1))
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.robot_webhook_send(ROBOT_TOKEN, ROBOT_SECRET, body)
    assert (e.value.kind, e.value.code, e.value.retry_after) == ("rate_limited", "130101", ROBOT_WAIT)
    assert len(dingtalk.group_posts(ROBOT_TOKEN)) == 20
    clock.advance(timedelta(seconds=41))  # the first send is now more than a minute old
    await dingtalk_client.robot_webhook_send(ROBOT_TOKEN, ROBOT_SECRET, body)
    assert len(dingtalk.group_posts(ROBOT_TOKEN)) == 21


# -- interactive cards --------------------------------------------------------------------------------------


async def test_card_is_sent_and_updated_in_place(
    dingtalk_client: DingTalkClient, dingtalk: FakeDingTalk
) -> None:
    params = {"title": "跟进提醒", "buttons": "已联系|延后一天", "status": "open"}
    await dingtalk_client.send_card("LiNa", "alert-17-1", "tpl-followup.schema", params)
    sent = dingtalk.calls(CARD_SEND)[0].body
    assert sent["openSpaceId"] == "dtv1.card//IM_ROBOT.LiNa" and sent["outTrackId"] == "alert-17-1"
    assert sent["cardData"] == {"cardParamMap": params}
    assert sent["imRobotOpenDeliverModel"] == {"spaceType": "IM_ROBOT", "robotCode": dingtalk.robot_code}
    assert (sent["cardTemplateId"], sent["callbackType"]) == ("tpl-followup.schema", "STREAM")
    await dingtalk_client.send_card("LiNa", "alert-17-1", "tpl-followup.schema", params)  # a retried send
    assert len(dingtalk.cards) == 1 and [d.how for d in dingtalk.delivered("LiNa")] == ["card"]

    await dingtalk_client.update_card(
        "alert-17-1", {"status": "done", "buttons": ""}
    )  # by key: the rest stays
    card = dingtalk.cards["alert-17-1"]
    assert (card.params, card.updates) == ({**params, "status": "done", "buttons": ""}, 1)
    done = {"status": "done"}
    assert [d.how for d in dingtalk.delivered("LiNa")] == ["card", "card_update"]
    with pytest.raises(DingTalkError) as e:
        await dingtalk_client.update_card("no-such-card", done)
    assert e.value.kind == "other"
