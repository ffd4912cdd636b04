"""Browser fixtures: the real app (demo organisation and data, console on, SQLite in tmp_path) served
on a free port in the test's event loop, and a page of Debian's headless Chromium driven by Playwright.

Playwright's own browser downloads are never used (`playwright install` is not run anywhere): the
tests drive /usr/bin/chromium, which .ci/run installs, and skip with the reason when it is missing.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from aiohttp import web

from bot.app import SESSIONS, create_app
from bot.cli.demo import demo_config
from bot.config import Config, DatabaseConfig, load_config
from bot.web.access import VIEWER_COOKIE
from tests.extractors import Extractors

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return f"no browser: {CHROMIUM} is missing (apt-get install -y chromium chromium-driver)"
    return None


@dataclass
class LiveApp:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    app: web.Application
    config: Config

    @property
    def sessions(self):  # type: ignore[no-untyped-def]  # async_sessionmaker, for assertions on the db
        return self.app[SESSIONS]


@pytest.fixture
def live_config(tmp_path: Path) -> Config:
    """The demo configuration on a fresh SQLite file."""
    base = load_config(None, env={})
    url = f"sqlite+aiosqlite:///{tmp_path / 'browser.db'}"
    return demo_config(dataclasses.replace(base, database=DatabaseConfig(url=url)))


@pytest.fixture
async def live_app(live_config: Config, extractors: Extractors) -> AsyncIterator[LiveApp]:
    """The whole bot with its workers, listening on 127.0.0.1 and a free port, demo data loaded."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from bot.cli.demo import load_demo

    app = create_app(live_config, extractor=extractors(live_config))
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        await load_demo(app[SESSIONS], live_config)
        host, port = runner.addresses[0][:2]
        yield LiveApp(url=f"http://{host}:{port}", app=app, config=live_config)
    finally:
        await runner.cleanup()


@pytest.fixture
def live_app_url(live_app: LiveApp) -> str:
    return live_app.url


@pytest.fixture
async def browser_context(live_app: LiveApp) -> AsyncIterator[BrowserContext]:
    from playwright.async_api import async_playwright

    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    async with async_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        browser = await playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        context = await browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        try:
            yield context
        finally:
            await context.close()
            await browser.close()


@pytest.fixture
async def page(browser_context: BrowserContext) -> AsyncIterator[Page]:
    page = await browser_context.new_page()
    yield page
    await page.close()


@pytest.fixture
def view_as(browser_context: BrowserContext, live_app: LiveApp) -> Callable[[str], Awaitable[None]]:
    """`await view_as("zhangwei")`: later page loads see that person as the viewer (the console's
    identity cookie, which /console sets when you choose who you are and /dashboard reads)."""

    async def choose(person_key: str) -> None:
        await browser_context.add_cookies([{"name": VIEWER_COOKIE, "value": person_key, "url": live_app.url}])

    return choose
