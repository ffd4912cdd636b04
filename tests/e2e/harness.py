"""A whole bot on the test database, talking to a fake platform: people write through the platform's
real callback, the processor and the sender are stepped by the test, and what each person received
is read back from the fake.

Tests speak as the people of [org] (`say("lina", ...)`, `inbox("lina")`); a `Platform` driver turns
that into its platform's user ids and formats, so the same conversation can run over every channel.
Someone who is not in [org] (a stranger, a customer) is named by their platform id."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app import PIPELINE, SENDER, SESSIONS, create_app
from bot.clock import FixedClock
from bot.config import Config
from bot.fakes.wecom import SAMPLE_APP, CallbackDriver, FakeWeCom
from nlp import Extractor

# Tuesday 2026-03-10 09:30 in Shanghai
START = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INTAKE_TOKEN = "form-token-123"
WECOM = SAMPLE_APP


class Platform(Protocol):
    """How people reach the bot on one platform, for tests: what to post for a message, and what a
    person received there, as text."""

    path: str  # the callback the platform posts to

    def user_id(self, person: str) -> str: ...

    def message(self, person: str, text: str, msg_id: int | None = None) -> tuple[dict[str, str], bytes]: ...

    def received(self, person: str) -> list[str]: ...


class WeComPlatform:
    """WeChat Work: the encrypted callback in, the fake server's deliveries out."""

    def __init__(self, config: Config, clock: FixedClock, fake: FakeWeCom) -> None:
        self.path = config.wecom.callback_path
        self.callbacks = CallbackDriver(config.wecom, clock)
        self.fake = fake
        self._ids = {p.id: p.wecom_userid for p in config.org.people if p.wecom_userid}

    def user_id(self, person: str) -> str:
        return self._ids.get(person, person)

    def message(self, person: str, text: str, msg_id: int | None = None) -> tuple[dict[str, str], bytes]:
        return self.callbacks.text(self.user_id(person), text, msg_id)

    def received(self, person: str) -> list[str]:
        """Markdown content, or a card's title and fields."""
        return [render_text(d.msgtype, d.payload) for d in self.fake.delivered(self.user_id(person))]


class Bot:
    """One running bot: `say` as a person, `settle` to process and deliver everything due."""

    def __init__(self, config: Config, clock: FixedClock, fake: FakeWeCom, extractor: Extractor) -> None:
        self.config, self.clock, self.fake, self.extractor = config, clock, fake, extractor
        self.platform: Platform = WeComPlatform(config, clock, fake)
        self.driver = CallbackDriver(config.wecom, clock)  # for WeChat Work's own mechanics
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
        assert self.client is not None
        params, body = callback
        response = await self.client.post(self.platform.path, params=params, data=body)
        return response.status

    async def say(self, person: str, text: str, msg_id: int | None = None) -> None:
        assert await self.post(self.platform.message(person, text, msg_id)) == 200
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


def render_text(msgtype: str, payload: dict[str, Any]) -> str:
    if msgtype in ("markdown", "text", "kf_text"):
        return str(payload.get("content", ""))
    if msgtype == "template_card":
        parts = [payload.get("main_title", {}).get("title", ""), payload.get("sub_title_text", "")]
        parts += [f"{h.get('keyname')}：{h.get('value')}" for h in payload.get("horizontal_content_list", [])]
        parts += [b.get("text", "") for b in payload.get("button_list", [])]
        return "\n".join(p for p in parts if p)
    return str(payload)
