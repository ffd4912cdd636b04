"""The console channel through the real app: messages go through the pipeline and the outbox, replies
and pushes land in each person's console inbox (history and live stream), access is guarded."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import CONFIG, CONSOLE_HUB, PIPELINE, SENDER, SESSIONS, SLA, create_app
from bot.cli.demo import demo_config
from bot.clock import FixedClock
from bot.config import Config, ConfigError, ConsoleConfig, ServerConfig, load_config
from bot.fakes.wecom import SAMPLE_APP as WECOM
from bot.web.access import console_enabled
from storage.models import InboundMessage, Lead, Person
from tests.extractors import Extractors
from tests.raw_http import post_in_two_writes

START = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)  # Tuesday 09:30 in Shanghai
VISIT = "今天拜访了苏州仁济医院王主任，下周三再联系"


class Console:
    """A test client on the console's HTTP API, with the processor and sender stepped by hand."""

    def __init__(self, client: TestClient, clock: FixedClock) -> None:
        self.client = client
        self.app = client.app
        self.clock = clock
        self.n = 0

    async def say(self, who: str, text: str, *, msg_id: str | None = None, **extra: Any) -> ClientResponse:
        self.n += 1
        body = {"as": who, "id": msg_id or f"m{self.n}", "text": text, **extra}
        response = await self.client.post("/console/api/messages", json=body)
        await self.settle()
        self.clock.advance(timedelta(minutes=1))  # one message a minute: history reads in order
        return response

    async def settle(self) -> None:
        while await self.app[PIPELINE].drain() + await self.app[SENDER].send_due():
            pass

    async def history(self, who: str) -> list[dict[str, Any]]:
        response = await self.client.get("/console/api/history", params={"as": who})
        assert response.status == 200
        messages: list[dict[str, Any]] = (await response.json())["messages"]
        return messages

    async def bot_said(self, who: str, kind: str | None = None) -> list[dict[str, Any]]:
        return [m for m in await self.history(who) if m["from"] == "bot" and kind in (None, m["kind"])]


def card_text(payload: dict[str, Any]) -> str:
    return "\n".join([payload["title"], *payload["lines"]])


@pytest.fixture
def console_config(config: Config) -> Config:
    return demo_config(config)


@pytest.fixture
async def console(
    aiohttp_client: type[TestClient], console_config: Config, engine: AsyncEngine, extractors: Extractors
) -> AsyncIterator[Console]:
    # `engine` migrates the test database first: the app upgrades only SQLite by itself.
    clock = FixedClock(START)
    app = create_app(console_config, clock=clock, workers=False, extractor=extractors(console_config))
    client = await aiohttp_client(app)
    yield Console(client, clock)


async def inbound_count(console: Console) -> int:
    async with console.app[SESSIONS]() as session:
        return int(await session.scalar(select(func.count(InboundMessage.id))) or 0)


async def test_a_reps_message_gets_the_confirmation_card_in_their_inbox(console: Console) -> None:
    response = await console.say("lina", VISIT)
    assert response.status == 202 and (await response.json()) == {"accepted": True}
    history = await console.history("lina")
    assert [m["from"] for m in history] == ["me", "bot"]
    assert history[0]["text"] == VISIT
    card = history[1]
    assert card["kind"] == "reply" and card["handle"].startswith("console-")
    assert card["payload"]["title"] == "已记录跟进"
    assert "客户：苏州仁济医院" in card["payload"]["lines"]
    assert "联系人：王主任" in card["payload"]["lines"]
    async with console.app[SESSIONS]() as session:
        lead = await session.scalar(select(Lead).where(Lead.company == "苏州仁济医院"))
        owner = await session.get(Person, lead.owner_id) if lead else None
    assert owner is not None and owner.key == "lina"
    assert await console.history("wangqiang") == []  # nobody else heard it


async def test_the_same_message_id_is_processed_once(console: Console) -> None:
    first = await console.say("lina", VISIT, msg_id="browser-1")
    again = await console.say("lina", VISIT, msg_id="browser-1")
    assert first.status == 202 and again.status == 200
    assert (await again.json()) == {"accepted": False}
    assert await inbound_count(console) == 1
    assert len(await console.bot_said("lina")) == 1


async def test_a_customer_becomes_a_lead_and_the_assigned_rep_gets_the_card(console: Console) -> None:
    inquiry = "你好，我是杭州明德口腔医院的陈院长，想了解64排CT，电话13600001111"
    response = await console.say("guest:abc123", inquiry, name="陈院长")
    assert response.status == 202
    (ack,) = await console.bot_said("guest:abc123")
    assert ack["kind"] == "reply" and "已收到您的咨询" in ack["payload"]["title"]
    # 杭州 goes to 华东二组 by [assignment] city_teams; of its reps only 刘洋 covers 杭州.
    (notice,) = await console.bot_said("liuyang", "push")
    assert notice["payload"]["title"] == "新线索分配给你"
    assert "客户：杭州明德口腔医院" in notice["payload"]["lines"]
    assert [b["label"] for b in notice["payload"]["buttons"]] == ["已联系", "转给别人"]
    async with console.app[SESSIONS]() as session:
        lead = await session.scalar(select(Lead).where(Lead.company == "杭州明德口腔医院"))
    assert lead is not None and lead.source == "console"


async def test_clicking_a_card_button_goes_through_the_button_handler(console: Console) -> None:
    await console.say("guest:abc123", "我是杭州明德口腔医院，想了解64排CT，电话13600001111")
    (notice,) = await console.bot_said("liuyang", "push")
    contacted = next(b for b in notice["payload"]["buttons"] if b["label"] == "已联系")
    response = await console.say("liuyang", contacted["key"], kind="button")
    assert response.status == 202
    history = await console.history("liuyang")
    assert history[-2]["from"] == "me" and history[-2]["kind"] == "button"
    assert history[-1]["from"] == "bot" and history[-1]["kind"] == "reply"
    async with console.app[SESSIONS]() as session:
        lead = await session.scalar(select(Lead).where(Lead.company == "杭州明德口腔医院"))
    # 已联系 stopped the first-response clock when it was clicked, a minute after the inquiry.
    assert lead is not None and lead.first_response_at == START + timedelta(minutes=1)


async def test_a_live_stream_gets_the_reply_as_it_is_delivered(console: Console) -> None:
    stream = await console.client.get("/console/api/events", params={"as": "lina"})
    assert stream.status == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
    assert await stream.content.readline() == b"event: ready\n"
    assert await stream.content.readline() == b"data: {}\n"
    assert await stream.content.readline() == b"\n"
    assert console.app[CONSOLE_HUB].watching("lina") == 1
    await console.say("lina", VISIT)
    line = await stream.content.readline()
    assert line.startswith(b"data: ")
    event = json.loads(line[len(b"data: ") :])
    assert event["kind"] == "reply" and event["payload"]["title"] == "已记录跟进"
    (stored,) = await console.bot_said("lina")
    assert stored["handle"] == event["handle"]  # the page drops the double it reads back from history
    stream.close()


async def test_live_streams_per_client_and_person_are_capped(
    console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Keep-alives every few milliseconds, so a closed stream is noticed (and its place freed) at once.
    monkeypatch.setattr("bot.channels.console.channel.HEARTBEAT", 0.005)

    async def open_stream(who: str) -> ClientResponse:
        stream = await console.client.get("/console/api/events", params={"as": who})
        if stream.status == 200:
            assert await stream.content.readline() == b"event: ready\n"
        return stream

    streams = [await open_stream("lina") for _ in range(8)]
    assert {s.status for s in streams} == {200}
    refused = await open_stream("lina")
    assert refused.status == 429 and "at most 8" in await refused.text()
    other = await open_stream("zhangwei")  # another person watched from the same browser
    assert other.status == 200
    assert console.app[CONSOLE_HUB].watching("lina") == 8
    streams[0].close()
    for _ in range(200):  # the server notices at its next keep-alive
        if console.app[CONSOLE_HUB].watching("lina") < 8:
            break
        await asyncio.sleep(0.005)
    again = await open_stream("lina")
    assert again.status == 200
    for stream in [*streams[1:], other, again]:
        stream.close()


async def test_every_console_response_refuses_framing_and_sniffing(console: Console) -> None:
    for path in ("/console", "/console/", "/console/static/console.js", "/console/api/people"):
        response = await console.client.get(path)
        assert response.status == 200, path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "no-referrer", path
    refused = await console.client.get("/console/api/history")  # no ?as=: 400, headers all the same
    assert refused.status == 400 and refused.headers["X-Content-Type-Options"] == "nosniff"
    page = await console.client.get("/console")
    assert page.headers["Cache-Control"] == "no-store"


async def test_bad_messages_are_refused_and_nothing_is_stored(console: Console) -> None:
    for body, status in [
        ({"as": "nobody", "id": "x1", "text": "你好"}, 400),
        ({"as": "lina", "id": "x2", "text": ""}, 400),
        ({"as": "lina", "id": "x3", "text": "a" * 2001}, 400),
        ({"as": "lina", "id": "x4", "text": "hi", "kind": "event"}, 400),
        ({"as": "guest:z", "id": "x5", "text": "contacted:1", "kind": "button"}, 400),
        (["not", "an", "object"], 400),
    ]:
        response = await console.client.post("/console/api/messages", json=body)
        assert response.status == status, body
    form = await console.client.post("/console/api/messages", data={"as": "lina", "id": "x6", "text": "hi"})
    assert form.status == 415  # a cross-site form post cannot be JSON without a preflight
    assert await inbound_count(console) == 0


async def test_a_body_arriving_in_two_writes_is_accepted(console: Console) -> None:
    """A post can arrive in several TCP segments (a streaming proxy); the console reads to the end."""
    body = json.dumps({"as": "lina", "id": "split-1", "text": VISIT}, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json"}
    status, answer = await post_in_two_writes(console.client.server, "/console/api/messages", body, headers)
    assert (status, json.loads(answer)) == (202, {"accepted": True})
    assert await inbound_count(console) == 1


async def test_nul_or_a_lone_surrogate_is_400_and_nothing_is_stored(console: Console) -> None:
    """In the text (PostgreSQL refuses NUL) or a customer's name (kept in the raw payload, where it
    failed processing later), neither reaches the database."""
    for who, field in (("lina", "text"), ("guest:n1", "text"), ("guest:n2", "name")):
        for bad in (r"\u0000", r"\ud800", r"\udc00"):  # JSON escapes as a browser sends them
            message = {"as": who, "id": f"bad-{who}-{bad}", "text": "想了解64排CT", field: "x"}
            body = json.dumps(message, ensure_ascii=False).replace('"x"', f'"a{bad}b"', 1)
            response = await console.client.post(
                "/console/api/messages", data=body.encode(), headers={"Content-Type": "application/json"}
            )
            error = (await response.json())["error"]
            assert response.status == 400 and f"field {field!r}" in error, (who, field, bad, error)
    await console.settle()
    assert await inbound_count(console) == 0


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"[" * 1100 + b"]" * 1100, "nested too deeply"),
        (b'{"as": "lina", "id": "n1", "text": "hi", "n": ' + b"9" * 4301 + b"}", "more than 64 digits"),
    ],
    ids=["deep", "long-int"],
)
async def test_hostile_json_is_400(console: Console, body: bytes, problem: str) -> None:
    response = await console.client.post(
        "/console/api/messages", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status == 400 and problem in (await response.json())["error"]
    assert await inbound_count(console) == 0


async def test_the_people_to_be_are_the_organisation(console: Console) -> None:
    response = await console.client.get("/console/api/people")
    people = (await response.json())["people"]
    assert {p["key"] for p in people} == {p.id for p in console.app[CONFIG].org.people}
    lina = next(p for p in people if p["key"] == "lina")
    assert lina == {
        "key": "lina",
        "name": "李娜",
        "role": "rep",
        "team": "华东一组",
        "cities": ["苏州", "无锡"],
    }
    page = await console.client.get("/console")
    assert page.status == 200 and "salesbot 控制台" in await page.text()
    script = await console.client.get("/console/static/console.js")
    assert script.status == 200


Serve = Callable[[Config], Awaitable[TestClient]]


@pytest.fixture
def serve(aiohttp_client: type[TestClient], extractors: Extractors) -> Serve:
    """`await serve(config)`: a client on the app built from the config, its clock at START."""

    async def start(config: Config) -> TestClient:
        app = create_app(config, clock=FixedClock(START), workers=False, extractor=extractors(config))
        return await aiohttp_client(app)

    return start


def on_host(config: Config, host: str, token: str = "", enabled: str = "on") -> Config:
    return dataclasses.replace(
        config, server=ServerConfig(host=host), console=ConsoleConfig(enabled=enabled, token=token)
    )


def test_a_public_address_needs_a_token(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[server]\nhost = "0.0.0.0"\n[console]\nenabled = "on"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[console\] token: is required"):
        load_config(path, env={})
    token = "s3cret-s3cret-s3cret"
    assert load_config(path, env={"SALESBOT_CONSOLE_TOKEN": token}).console.token == token
    # "auto" on a public address without a token starts, with the console off.
    path.write_text('[server]\nhost = "0.0.0.0"\n', encoding="utf-8")
    assert not console_enabled(load_config(path, env={}))
    assert console_enabled(load_config(None, env={}))


async def test_with_a_token_only_its_bearer_gets_in(
    serve: Serve, console_config: Config, engine: AsyncEngine
) -> None:
    client = await serve(on_host(console_config, "0.0.0.0", token="s3cret"))
    assert (await client.get("/console")).status == 401
    assert (await client.get("/console", params={"token": "wrong"})).status == 401
    assert (await client.get("/console/api/people", headers={"Authorization": "Bearer s3cret"})).status == 200
    page = await client.get("/console", params={"token": "s3cret"})
    assert page.status == 200
    assert page.cookies["salesbot_token"].value == "s3cret"  # so the page's own requests carry it
    assert (await client.get("/console/api/people")).status == 200  # the client kept the cookie


async def test_without_a_token_only_this_machine_gets_in(
    serve: Serve, console_config: Config, engine: AsyncEngine
) -> None:
    client = await serve(on_host(console_config, "127.0.0.1"))
    assert (await client.get("/console/api/people")).status == 200
    # A page on another site whose name resolves to 127.0.0.1 (DNS rebinding) names its own host.
    rebound = await client.get("/console/api/people", headers={"Host": "evil.example:8080"})
    assert rebound.status == 403
    # Listening publicly without a token (console forced on past validation): nobody gets in.
    public = await serve(on_host(console_config, "0.0.0.0"))
    assert (await public.get("/console/api/people")).status == 403


async def test_the_console_is_off_when_a_platform_is_on_unless_asked_for(
    serve: Serve, console_config: Config, engine: AsyncEngine
) -> None:
    with_wecom = dataclasses.replace(
        console_config, wecom=dataclasses.replace(WECOM, api_base="http://127.0.0.1:9")
    )
    auto = await serve(dataclasses.replace(with_wecom, console=ConsoleConfig(enabled="auto")))
    assert (await auto.get("/console")).status == 404
    forced = await serve(with_wecom)
    assert (await forced.get("/console")).status == 200


def xlsx_companies(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return [str(row[0]) for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()


async def test_an_export_arrives_as_a_file_in_the_event_and_the_history(console: Console) -> None:
    await console.say("lina", VISIT)
    stream = await console.client.get("/console/api/events", params={"as": "lina"})
    for _ in range(3):  # event: ready, its data, the blank line
        await stream.content.readline()
    await console.say("lina", "导出客户")
    events = []
    for _ in range(2):  # the summary, then the file
        line = await stream.content.readline()
        events.append(json.loads(line[len(b"data: ") :]))
        assert await stream.content.readline() == b"\n"
    stream.close()
    summary, sent = (e["payload"] for e in events)
    assert summary["title"].startswith("已导出我的客户") and "file_base64" not in summary
    assert sent["file_name"].startswith("我的客户-") and sent["file_name"].endswith(".xlsx")
    assert "苏州仁济医院" in xlsx_companies(base64.b64decode(sent["file_base64"]))
    stored = (await console.bot_said("lina"))[-1]
    assert (
        stored["handle"] == events[1]["handle"] and stored["payload"] == sent
    )  # a reload shows the link again


async def test_a_closed_alert_greys_out_its_card_on_the_console(console: Console) -> None:
    await console.say("guest:abc123", "我是杭州明德口腔医院，想了解64排CT，电话13600001111")
    async with console.app[SESSIONS]() as session:
        lead = await session.scalar(select(Lead).where(Lead.company == "杭州明德口腔医院"))
        assert lead is not None
        lead.assigned_at, lead.grade = console.clock.now(), "A"
        await session.commit()
    console.clock.advance(timedelta(minutes=31))
    assert await console.app[SLA].run_once() == 1
    await console.settle()
    alert = (await console.bot_said("liuyang", "push"))[-1]
    assert alert["payload"]["title"].startswith("SLA") and alert["handle"].startswith("console-")
    contacted = next(b for b in alert["payload"]["buttons"] if b["label"] == "已联系")
    await console.say("liuyang", contacted["key"], kind="button")
    stream = await console.client.get("/console/api/events", params={"as": "liuyang"})
    for _ in range(3):  # event: ready, its data, the blank line
        await stream.content.readline()
    assert await console.app[SLA].run_once() == 1  # the breach closed: its card's update
    await console.settle()
    live = json.loads((await stream.content.readline())[len(b"data: ") :])
    stream.close()
    assert live["kind"] == "card_update"  # an open page greys that card out at once...
    assert live["payload"]["update"] == {"handle": alert["handle"], "label": "已处理", "issued_at": ANY}
    [stored] = await console.bot_said("liuyang", "card_update")  # ...and a reloaded one from history
    assert stored["handle"] == live["handle"] and stored["payload"] == live["payload"]


async def test_the_simulate_button_brings_an_ad_form_lead_that_is_assigned_and_told(console: Console) -> None:
    people = await (await console.client.get("/console/api/people")).json()
    assert people["simulate"] == "模拟一条「抖音表单（模拟）」线索"
    response = await console.client.post("/console/api/simulate", json={})
    assert response.status == 202
    sent = (await response.json())["sent"]
    await console.settle()
    async with console.app[SESSIONS]() as session:
        [lead] = (await session.scalars(select(Lead))).all()
    assert sent.startswith("抖音表单（模拟）：") and lead.company in sent
    assert lead.source == "抖音表单（模拟）" and lead.owner_id is not None
    owner = await session_person_key(console, lead.owner_id)
    assert any(lead.company in card_text(m["payload"]) for m in await console.bot_said(owner))
    bad = await console.client.post("/console/api/simulate", data="x", headers={"Content-Type": "text/plain"})
    assert bad.status == 415


async def session_person_key(console: Console, person_id: int) -> str:
    async with console.app[SESSIONS]() as session:
        person = await session.get(Person, person_id)
    assert person is not None
    return person.key
