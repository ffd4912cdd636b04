"""A whole bot on the test database, talking to a fake platform: people write through the platform's
real callback (or Stream connection), the processor and the sender are stepped by the test, and what
each person received is read back from the fake.

Tests speak as the people of [org] (`say("lina", ...)`, `inbox("lina")`, `click("lina", "改一下")`); a
`Platform` driver turns that into its platform's user ids and formats, so the same conversation runs
over every channel: WeChat Work, DingTalk in Stream mode (buttons as interactive cards) and DingTalk in
HTTP mode (buttons as typed commands). Someone who is not in [org] is named by their platform id."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.app import PIPELINE, SENDER, SESSIONS, create_app
from bot.clock import FixedClock
from bot.config import Config, OrgConfig
from bot.fakes.dingtalk import SAMPLE_DINGTALK, FakeDingTalk, serve_fake_dingtalk
from bot.fakes.dingtalk_stream import FakeStreamGateway, HttpDriver, card_payload, robot_payload
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver, FakeWeCom, serve_fake_wecom
from nlp import Extractor
from storage.models import Lead

# Tuesday 2026-03-10 09:30 in Shanghai
START = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
ACCEPT_PATIENCE = timedelta(seconds=30)  # see _started
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INTAKE_TOKEN = "form-token-123"
WECOM = SAMPLE_APP
PLATFORMS = ("wecom", "dingtalk-stream", "dingtalk-http")
CARD_TEMPLATE = "salesbot-card.schema"  # DingTalk Stream runs send buttons as cards, HTTP runs as commands


class Platform(Protocol):
    """How people reach the bot on one platform, for tests."""

    name: str

    def user_id(self, person: str) -> str: ...

    async def send(self, bot: Bot, person: str, text: str, msg_id: int | None = None) -> None:
        """Deliver one message as the platform would; it is stored when this returns."""
        ...

    def received(self, person: str) -> list[str]:
        """What the person received there, each message as text."""
        ...

    async def click(self, bot: Bot, person: str, label: str) -> None:
        """Use the button `label` of the last message that had it (or its typed command)."""
        ...


class WeComPlatform:
    """WeChat Work: the encrypted callback in, the fake server's deliveries out."""

    name = "wecom"

    def __init__(self, config: Config, clock: FixedClock, fake: FakeWeCom) -> None:
        self.path = config.wecom.callback_path
        self.callbacks = CallbackDriver(config.wecom, clock)
        self.fake = fake
        self._ids = {p.id: p.wecom_userid for p in config.org.people if p.wecom_userid}

    def user_id(self, person: str) -> str:
        return self._ids.get(person, person)

    async def send(self, bot: Bot, person: str, text: str, msg_id: int | None = None) -> None:
        assert await bot.post(self.callbacks.text(self.user_id(person), text, msg_id)) == 200

    def received(self, person: str) -> list[str]:
        """Markdown content, or a card's title and fields."""
        return [render_text(d.msgtype, d.payload) for d in self.fake.delivered(self.user_id(person))]

    async def click(self, bot: Bot, person: str, label: str) -> None:
        user = self.user_id(person)
        for sent in reversed(self.fake.delivered(user)):
            for button in sent.payload.get("button_list", []) if sent.msgtype == "template_card" else []:
                if button.get("text") == label:
                    task = sent.payload["task_id"]
                    click = self.callbacks.button_click(user, task, button["key"], sent.response_code or "")
                    assert await bot.post(click) == 200
                    return
        raise AssertionError(f"{person} received no card with a {label!r} button")


class DingTalkPlatform:
    """DingTalk: robot messages pushed over the fake's Stream gateway (or posted, signed, to the HTTP
    callback), each with a session webhook of its own; deliveries read back from the fake."""

    def __init__(
        self, config: Config, clock: FixedClock, fake: FakeDingTalk, gateway: FakeStreamGateway | None
    ) -> None:
        self.name = "dingtalk-stream" if gateway is not None else "dingtalk-http"
        self.config, self.clock, self.fake, self.gateway = config, clock, fake, gateway
        self.http = HttpDriver(config.dingtalk, clock)
        self._ids = {p.id: p.dingtalk_userid for p in config.org.people if p.dingtalk_userid}
        self._sent = 0

    def user_id(self, person: str) -> str:
        return self._ids.get(person, person)

    async def send(self, bot: Bot, person: str, text: str, msg_id: int | None = None) -> None:
        user = self.user_id(person)
        webhook, expires = self.fake.session_webhook(user)
        self._sent += 1
        payload = robot_payload(
            user, text, msg_id=f"msg{msg_id if msg_id is not None else self._sent}",
            session_webhook=webhook, session_webhook_expires=expires, at=self.clock.now(),
        )  # fmt: skip
        await self._deliver(bot, payload, self.config.dingtalk.callback_path, card=False)

    async def _deliver(self, bot: Bot, payload: dict[str, Any], path: str, *, card: bool) -> None:
        if self.gateway is not None:
            await self.gateway.wait_connected()
            push = self.gateway.push_card_callback if card else self.gateway.push_robot_message
            ack = await self.gateway.wait_acked(await push(payload))
            assert ack.get("code") == 200, ack
            return
        headers, body = self.http.card(payload) if card else self.http.robot(payload)
        assert bot.client is not None
        response = await bot.client.post(path, data=body, headers=headers)
        assert response.status == 200, await response.text()

    def received(self, person: str) -> list[str]:
        """A markdown message's text, or a card's title, content and buttons."""
        return [
            dingtalk_text(d.how, d.params)
            for d in self.fake.delivered(self.user_id(person))
            if d.how != "card_update"
        ]

    async def click(self, bot: Bot, person: str, label: str) -> None:
        """A card's button where cards are sent, else the command typed under a markdown message."""
        user = self.user_id(person)
        if self.config.dingtalk.card_template_id:
            for card in reversed(list(self.fake.cards.values())):
                slots = [
                    i for i in range(1, 7) if card.user == user and card.params.get(f"button_{i}") == label
                ]
                if slots:
                    payload = card_payload(card.biz_id, user, card.params[f"key_{slots[0]}"])
                    await self._deliver(bot, payload, self.config.dingtalk.card_callback_path, card=True)
                    return
        else:
            for sent in reversed(self.fake.delivered(user)):
                command = _typed_command(dingtalk_text(sent.how, sent.params), label)
                if command is not None:
                    await self.send(bot, person, command)
                    return
        raise AssertionError(f"{person} received nothing with a {label!r} button")


def _typed_command(text: str, label: str) -> str | None:
    """What to type for `label` under a markdown message's "回复 1 已联系 · 2 推迟一天" line."""
    for line in text.splitlines():
        if line.startswith("回复 "):
            numbered = re.search(rf"(?:^回复 |· )(\d) {re.escape(label)}(?: ·|$)", line)
            if numbered:
                return numbered[1]
            if f"「{label}」" in line:
                return label
    return None


def dingtalk_text(how: str, params: dict[str, Any]) -> str:
    if how == "card":
        buttons = [params.get(f"button_{i}", "") for i in range(1, 7)]
        parts = [params.get("title", ""), params.get("content", "").replace("  \n", "\n"), *buttons]
        return "\n".join(p for p in parts if p)
    text = params.get("text") or params.get("content") or ""
    return str(text).replace("#### ", "", 1).replace("  \n", "\n").replace("\n\n", "\n", 1)


class Bot:
    """One running bot: `say` as a person, `settle` to process and deliver everything due."""

    def __init__(self, config: Config, clock: FixedClock, platform: Platform, extractor: Extractor) -> None:
        self.config, self.clock, self.platform, self.extractor = config, clock, platform, extractor
        self.fake: Any = getattr(platform, "fake", None)
        # WeChat Work's own mechanics (broken callbacks, 微信客服 events) for the tests of its channel.
        self.driver = getattr(platform, "callbacks", None)
        self.app: web.Application | None = None
        self.client: TestClient | None = None

    async def start(self) -> None:
        self.app = create_app(self.config, clock=self.clock, workers=False, extractor=self.extractor)
        self.client = TestClient(TestServer(self.app))
        await self.client.start_server()

    async def stop(self) -> None:
        if self.client is not None:
            await self.client.close()
        self.client = self.app = None

    async def post(self, callback: tuple[dict[str, str], bytes]) -> int:
        """POST a WeChat Work callback (query params, body)."""
        assert self.client is not None
        params, body = callback
        response = await self.client.post(self.config.wecom.callback_path, params=params, data=body)
        return response.status

    async def say(self, person: str, text: str, msg_id: int | None = None) -> None:
        await self.platform.send(self, person, text, msg_id)
        await self.settle()

    async def click(self, person: str, label: str) -> None:
        await self.platform.click(self, person, label)
        await self.settle()

    async def inquiry(self, **form: str) -> None:
        """A customer's inquiry through the web form (every deployment's platform-neutral way in)."""
        assert self.client is not None
        headers = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
        response = await self.client.post("/api/inquiries", json=form, headers=headers)
        assert response.status == 202, await response.text()
        await self.settle()

    async def settle(self) -> None:
        assert self.app is not None
        while await self.app[PIPELINE].drain() + await self.app[SENDER].send_due():
            pass

    @property
    def sessions(self) -> Any:
        assert self.app is not None
        return self.app[SESSIONS]

    def inbox(self, person: str) -> list[str]:
        """What `person` received, as text."""
        return self.platform.received(person)


async def overdue_new_customer(bot: Bot) -> Lead:
    """李娜's new customer (an A lead), brought in but not yet contacted, 31 minutes later: past its
    first-response limit, so one SLA alert is due (the scan has not run)."""
    await bot.say("lina", "新客户无锡华康医药，联系人陈经理，电话13900001111，想了解超声")
    async with bot.sessions() as session:
        [lead] = (await session.scalars(select(Lead))).all()
        lead.first_response_at = lead.last_contact_at = None  # brought in, but not yet contacted
        lead.assigned_at, lead.grade = bot.clock.now(), "A"
        await session.commit()
    bot.clock.advance(timedelta(minutes=31))
    return lead


def on_wecom(org: OrgConfig) -> OrgConfig:
    """The organisation with a WeChat Work UserID for everyone who has none (their id)."""
    people = [p if p.wecom_userid else dataclasses.replace(p, wecom_userid=p.id) for p in org.people]
    return dataclasses.replace(org, people=people)


def on_dingtalk(org: OrgConfig) -> OrgConfig:
    """The organisation with a DingTalk userId for everyone who has none ("dt_" + their id)."""
    people = [
        p if p.dingtalk_userid else dataclasses.replace(p, dingtalk_userid=f"dt_{p.id}") for p in org.people
    ]
    return dataclasses.replace(org, people=people)


@asynccontextmanager
async def running(
    config: Config,
    platform: str,
    extractor_for: Any,
    *,
    users: Iterable[str] = (),
    webhooks: dict[str, str] | None = None,
    clock: FixedClock | None = None,
) -> AsyncIterator[Bot]:
    """A started bot on `platform` (one of PLATFORMS) with its fake server; `config` holds everything
    else. `users`: the fake WeChat Work's members beyond [org] (DingTalk's are [org]'s userIds)."""
    clock = clock or FixedClock(START)
    if platform == "wecom":
        config = dataclasses.replace(config, org=on_wecom(config.org))
        ids = {p.wecom_userid for p in config.org.people} | set(users)
        fake = FakeWeCom(WECOM, clock, users=ids, webhook_keys={"team-key"})
        async with serve_fake_wecom(fake) as api_base:
            wecom_config = dataclasses.replace(config, wecom=dataclasses.replace(WECOM, api_base=api_base))
            async with _started(
                wecom_config, clock, extractor_for, lambda c: WeComPlatform(c, clock, fake)
            ) as bot:
                yield bot
        return
    stream = platform == "dingtalk-stream"
    org = on_dingtalk(config.org)
    app = SAMPLE_DINGTALK if stream else dataclasses.replace(SAMPLE_DINGTALK, mode="http")
    ids = {p.dingtalk_userid for p in org.people} | set(users)
    fake = FakeDingTalk.for_config(app, clock, users=ids, webhooks=dict(webhooks or {}))
    gateway = FakeStreamGateway(app.app_key, app.app_secret, clock) if stream else None
    async with serve_fake_dingtalk(fake, gateway) as api_base:
        dingtalk = dataclasses.replace(
            app,
            api_base=api_base,
            oapi_base=api_base,
            card_template_id=CARD_TEMPLATE if stream else "",
            event_token=config.dingtalk.event_token,  # the event subscription, when the test sets it
            event_aes_key=config.dingtalk.event_aes_key,
        )
        dt_config = dataclasses.replace(
            config, org=org, dingtalk=dingtalk, wecom=dataclasses.replace(config.wecom, enabled=False)
        )
        async with _started(
            dt_config, clock, extractor_for, lambda c: DingTalkPlatform(c, clock, fake, gateway)
        ) as bot:
            yield bot


@asynccontextmanager
async def _started(
    config: Config, clock: FixedClock, extractor_for: Any, platform: Any
) -> AsyncIterator[Bot]:
    # These tests drive workflows, not the accept path's give-up (tests/bot/test_database_faults.py does):
    # a shared host's disk stalling PostgreSQL for the 3 s default made a first callback answer 503.
    database = dataclasses.replace(config.database, request_timeout=ACCEPT_PATIENCE)
    config = dataclasses.replace(config, database=database)
    bot = Bot(config, clock, platform(config), extractor_for(config))
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


def render_text(msgtype: str, payload: dict[str, Any]) -> str:
    if msgtype in ("markdown", "text", "kf_text"):
        return str(payload.get("content", ""))
    if msgtype == "template_card":
        parts = [payload.get("main_title", {}).get("title", ""), payload.get("sub_title_text", "")]
        parts += [f"{h.get('keyname')}：{h.get('value')}" for h in payload.get("horizontal_content_list", [])]
        parts += [b.get("text", "") for b in payload.get("button_list", [])]
        return "\n".join(p for p in parts if p)
    return str(payload)
