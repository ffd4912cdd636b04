"""The `bot` fixture: a whole bot on the test database, talking to the fake WeChat Work."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import CatalogConfig, Config, IntakeConfig
from tests.e2e.conversations import Runner
from tests.e2e.harness import FIXTURES, INTAKE_TOKEN, Bot, running
from tests.extractors import Extractors


@pytest.fixture
async def bot(config: Config, engine: AsyncEngine, extractors: Extractors) -> AsyncIterator[Bot]:
    """The bot on WeChat Work, for what only WeChat Work has (its callback, 微信客服, contacts)."""
    # `engine` migrates the test database first: the bot upgrades only SQLite by itself.
    e2e_config = dataclasses.replace(
        config,
        catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")),
        intake=IntakeConfig(token=INTAKE_TOKEN),
    )
    async with running(e2e_config, "wecom", extractors, users={"WangQiang", "ZhaoMin"}) as bot:
        yield bot


@pytest.fixture(scope="module")
def runner() -> Iterator[Runner]:
    """The conversation runner on the shared test organisation and catalog, for the kind tests."""
    conversations = FIXTURES / "conversations"
    runner = Runner(conversations / "org.toml", conversations / "catalog.toml")
    yield runner
    runner.close()
