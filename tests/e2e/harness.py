"""A whole bot on the test database, talking to the fake WeChat Work: people write through the real
encrypted callback, the processor and the sender are stepped by the test, and what each person
received is read back from the fake."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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


class Bot:
    """One running bot: `say` as a person, `settle` to process and deliver everything due."""

    def __init__(self, config: Config, clock: FixedClock, fake: FakeWeCom, extractor: Extractor) -> None:
        self.config, self.clock, self.fake, self.extractor = config, clock, fake, extractor
        self.driver = CallbackDriver(config.wecom, clock)
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
        response = await self.client.post(self.config.wecom.callback_path, params=params, data=body)
        return response.status

    async def say(self, user: str, text: str, msg_id: int | None = None) -> None:
        assert await self.post(self.driver.text(user, text, msg_id)) == 200
        await self.settle()

    async def settle(self) -> None:
        assert self.app is not None
        while await self.app[PIPELINE].drain() + await self.app[SENDER].send_due():
            pass

    @property
    def sessions(self) -> Any:
        assert self.app is not None
        return self.app[SESSIONS]

    def inbox(self, user: str) -> list[str]:
        """What `user` received, as text: markdown content, or a card's title and fields."""
        return [render_text(d.msgtype, d.payload) for d in self.fake.delivered(user)]


def render_text(msgtype: str, payload: dict[str, Any]) -> str:
    if msgtype in ("markdown", "text", "kf_text"):
        return str(payload.get("content", ""))
    if msgtype == "template_card":
        parts = [payload.get("main_title", {}).get("title", ""), payload.get("sub_title_text", "")]
        parts += [f"{h.get('keyname')}：{h.get('value')}" for h in payload.get("horizontal_content_list", [])]
        parts += [b.get("text", "") for b in payload.get("button_list", [])]
        return "\n".join(p for p in parts if p)
    return str(payload)
