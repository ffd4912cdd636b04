"""The `bot` fixture: a whole bot on the test database, talking to the fake WeChat Work."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FixedClock
from bot.config import CatalogConfig, Config, IntakeConfig
from bot.fakes.wecom import FakeWeCom, serve_fake_wecom
from tests.e2e.conversations import Runner
from tests.e2e.harness import FIXTURES, INTAKE_TOKEN, START, WECOM, Bot
from tests.extractors import Extractors


@pytest.fixture
async def bot(config: Config, engine: AsyncEngine, extractors: Extractors) -> AsyncIterator[Bot]:
    # `engine` migrates the test database first: the bot upgrades only SQLite by itself.
    clock = FixedClock(START)
    fake = FakeWeCom(
        WECOM, clock, users={"LiNa", "ZhangWei", "WangQiang", "ZhaoMin"}, webhook_keys={"team-key"}
    )
    async with serve_fake_wecom(fake) as api_base:
        e2e_config = dataclasses.replace(
            config,
            wecom=dataclasses.replace(WECOM, api_base=api_base),
            catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")),
            intake=IntakeConfig(token=INTAKE_TOKEN),
        )
        bot = Bot(e2e_config, clock, fake, extractors(e2e_config))
        await bot.start()
        try:
            yield bot
        finally:
            await bot.stop()


@pytest.fixture(scope="module")
def runner() -> Iterator[Runner]:
    """The conversation runner on the shared test organisation and catalog, for the kind tests."""
    conversations = FIXTURES / "conversations"
    runner = Runner(conversations / "org.toml", conversations / "catalog.toml")
    yield runner
    runner.close()
