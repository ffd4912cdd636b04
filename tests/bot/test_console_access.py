"""The console's and the dashboard's access rule against what stands in front of the bot: a reverse proxy
on the same machine, the https a proxy ends, and the start-up warning when "auto" serves nobody."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import create_app
from bot.cli.demo import demo_config
from bot.cli.run_mode import prepare_run
from bot.clock import FixedClock
from bot.config import Config, ConfigError, ConsoleConfig, ServerConfig, load_config
from bot.fakes.wecom import SAMPLE_APP as WECOM

START = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
ADMIN = "zhouzong"  # the demo organisation's admin: the dashboard shows them every lead
TOKEN = "0123456789abcdef-console"
MakeClient = Callable[..., Awaitable[TestClient]]
Added = Callable[[web.Request], dict[str, str]]
# Hop-by-hop headers and those the proxy sets itself, as a proxy drops them from what it relays.
NOT_RELAYED = {"host", "connection", "keep-alive", "transfer-encoding", "content-length", "te", "upgrade"}


def nginx_forwarded_for(request: web.Request) -> dict[str, str]:
    """`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`, in nearly every nginx guide."""
    return {"X-Forwarded-For": request.remote or ""}


def reverse_proxy(upstream_port: int, added: Added) -> web.Application:
    """A reverse proxy on this machine, like nginx's `proxy_pass http://127.0.0.1:<port>`: it connects
    from 127.0.0.1 and sends `Host: 127.0.0.1:<port>` whoever the visitor is."""

    async def forward(request: web.Request) -> web.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in NOT_RELAYED}
        headers |= {"Host": f"127.0.0.1:{upstream_port}", "Connection": "close", **added(request)}
        url = f"http://127.0.0.1:{upstream_port}{request.path_qs}"
        async with (
            aiohttp.ClientSession() as http,
            http.request(request.method, url, headers=headers, data=await request.read()) as answer,
        ):
            return web.Response(
                status=answer.status, body=await answer.read(), content_type=answer.content_type
            )

    app = web.Application()
    app.router.add_route("*", "/{path:.*}", forward)
    return app


@pytest.fixture
async def bot(aiohttp_client: MakeClient, config: Config, engine: AsyncEngine) -> TestClient:
    """The demo organisation on a loopback address without a token: "this machine only"."""
    local = dataclasses.replace(demo_config(config), server=ServerConfig(host="127.0.0.1"))
    assert not local.console.token and local.console.enabled == "on"
    return await aiohttp_client(create_app(local, clock=FixedClock(START), workers=False))


async def through_proxy(aiohttp_client: MakeClient, bot: TestClient, added: Added) -> TestClient:
    server = TestServer(reverse_proxy(bot.server.port or 0, added), host="127.0.0.1")
    return await aiohttp_client(server)


async def answers(client: TestClient) -> dict[str, int]:
    """The status of each console and dashboard request that must need access."""
    said = {"as": "lina", "id": "via-proxy", "text": "今天拜访了苏州仁济医院王主任"}
    requests = {
        "console page": client.get("/console"),
        "console people": client.get("/console/api/people"),
        "console history": client.get("/console/api/history", params={"as": ADMIN}),
        "console post": client.post("/console/api/messages", json=said),
        "dashboard page": client.get("/dashboard"),
        "dashboard data": client.get("/api/dashboard", params={"as": ADMIN}),
    }
    statuses = {}
    for name, request in requests.items():
        async with request as response:
            statuses[name] = response.status
    return statuses


async def test_through_a_reverse_proxy_loopback_mode_serves_nobody(
    aiohttp_client: MakeClient, bot: TestClient
) -> None:
    proxied = await through_proxy(aiohttp_client, bot, nginx_forwarded_for)
    assert set((await answers(proxied)).values()) == {403}
    refused = await proxied.get("/api/dashboard", params={"as": ADMIN})
    assert "token" in await refused.text() and "leads" not in await refused.text()
    # The same requests straight from this machine are served (the post is accepted: 202).
    assert await answers(bot) == {
        "console page": 200,
        "console people": 200,
        "console history": 200,
        "console post": 202,
        "dashboard page": 200,
        "dashboard data": 200,
    }


@pytest.mark.parametrize(
    "header",
    [
        {"X-Forwarded-For": "203.0.113.7"},
        {"X-Real-IP": "203.0.113.7"},
        {"Forwarded": "for=203.0.113.7;proto=https"},
        {"Via": "1.1 proxy.example"},
    ],
)
async def test_any_proxy_header_is_refused_without_a_token(bot: TestClient, header: dict[str, str]) -> None:
    assert (await bot.get("/console/api/people", headers=header)).status == 403
    assert (await bot.get("/api/dashboard", params={"as": ADMIN}, headers=header)).status == 403
    assert (await bot.get("/console/api/people")).status == 200


async def test_with_a_token_the_proxy_serves_its_bearer(
    aiohttp_client: MakeClient, config: Config, engine: AsyncEngine
) -> None:
    tokened = dataclasses.replace(demo_config(config), console=ConsoleConfig(enabled="on", token=TOKEN))
    bot = await aiohttp_client(create_app(tokened, clock=FixedClock(START), workers=False))
    proxied = await through_proxy(aiohttp_client, bot, nginx_forwarded_for)
    assert (await proxied.get("/api/dashboard", params={"as": ADMIN})).status == 401
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert (await proxied.get("/api/dashboard", params={"as": ADMIN}, headers=bearer)).status == 200


async def test_the_token_cookie_is_secure_when_the_visitor_came_over_https(
    aiohttp_client: MakeClient, config: Config, engine: AsyncEngine
) -> None:
    tokened = dataclasses.replace(demo_config(config), console=ConsoleConfig(enabled="on", token=TOKEN))
    bot = await aiohttp_client(create_app(tokened, clock=FixedClock(START), workers=False))

    async def cookie(headers: dict[str, str]) -> str:
        response = await bot.get("/console", params={"token": TOKEN}, headers=headers)
        assert response.status == 200
        bot.session.cookie_jar.clear()  # so the next request offers the token in the address again
        return response.headers["Set-Cookie"]

    plain = await cookie({})
    assert "HttpOnly" in plain and "SameSite=Strict" in plain and "Secure" not in plain
    assert "Secure" in await cookie({"X-Forwarded-Proto": "https"})
    assert "Secure" in await cookie({"Forwarded": "for=203.0.113.7;proto=https"})
    assert "Secure" not in await cookie({"X-Forwarded-Proto": "http"})


def console_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == "salesbot.console" and r.levelname == "WARNING"
    ]


def test_auto_on_a_public_host_without_a_token_warns_once_at_start(
    config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="salesbot.console")
    public = dataclasses.replace(config, server=ServerConfig(host="0.0.0.0"))
    create_app(public)
    (warning,) = console_warnings(caplog)
    assert "console off" in warning and "[console] token" in warning
    caplog.clear()
    for quiet in (
        config,  # loopback: the console is on
        dataclasses.replace(public, console=ConsoleConfig(token=TOKEN)),
        dataclasses.replace(public, console=ConsoleConfig(enabled="off")),
        dataclasses.replace(public, wecom=WECOM, console=ConsoleConfig(token=TOKEN)),  # off for the platform
    ):
        create_app(quiet)
    assert console_warnings(caplog) == []


def test_run_console_with_a_platform_needs_a_token(tmp_path: Path) -> None:
    path = tmp_path / "wecom.toml"
    keys = ("corp_id", "agent_id", "secret", "token", "encoding_aes_key")
    wecom = "".join(f"{key} = {getattr(WECOM, key)!r}\n".replace("'", '"') for key in keys)
    path.write_text(f'[wecom]\nenabled = true\n{wecom}[console]\nenabled = "off"\n', encoding="utf-8")
    config = load_config(path, env={})  # no browser page served, so no token needed
    assert config.wecom.enabled and not config.console.token
    refused = r"wecom\.toml: \[console\] token: is required when \[wecom\] is enabled"
    with pytest.raises(ConfigError, match=refused):
        prepare_run(config, explicit_config=True, demo=False, console=True)  # `salesbot run --console`
    tokened = dataclasses.replace(config, console=ConsoleConfig(enabled="off", token=TOKEN))
    served, _ = prepare_run(tokened, explicit_config=True, demo=False, console=True)
    assert served.console.enabled == "on"
