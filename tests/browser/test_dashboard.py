"""The dashboard in a real browser: a rep logs a visit through the pipeline (as the console would send
it), and their manager's dashboard, drawn by its own script in headless Chromium, shows the new lead
with the charts that the JSON behind them describes; another rep and a stranger do not see it."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from bot.app import CLOCK, PIPELINE
from bot.types import Message
from storage.models import Lead
from tests.browser.conftest import LiveApp

if TYPE_CHECKING:
    from playwright.async_api import Page

VISIT = "今天拜访了苏州仁济医院王主任，下周三再联系"
COMPANY = "苏州仁济医院"
PROCESSING_DEADLINE = 30.0  # seconds for the app's own processor to pick the message up


async def say_as(live_app: LiveApp, person_key: str, text: str) -> Lead:
    """What the console's send button does, through the same pipeline; returns the lead it made."""
    message = Message(
        platform="console",
        platform_msg_id=uuid.uuid4().hex,
        sender_id=person_key,
        chat_id=None,
        kind="text",
        text=text,
        sent_at=live_app.app[CLOCK].now(),
        raw={},
    )
    assert await live_app.app[PIPELINE].accept([message])
    # The running processor handles it; the test can only wait for its result.
    async with asyncio.timeout(PROCESSING_DEADLINE):
        while True:
            async with live_app.sessions() as session:
                lead = await session.scalar(select(Lead).where(Lead.company == COMPANY))
            if lead is not None:
                return lead
            await asyncio.sleep(0.05)


async def open_dashboard(page: Page, live_app: LiveApp, query: str = "") -> dict[str, Any]:
    """Load the page, wait until it has drawn, and return the JSON it drew from."""
    async with page.expect_response(lambda r: "/api/dashboard" in r.url) as answer:
        await page.goto(f"{live_app.url}/dashboard{query}")
    response = await answer.value
    await page.wait_for_selector("#board:not([hidden]), #status.error")
    return await response.json()


async def bar_texts(page: Page, chart: str) -> list[list[str]]:
    """Each bar of a chart as the words drawn on it: its label, its value (without the note)."""
    script = """sel => Array.from(document.querySelectorAll(sel + ' g')).map(g =>
        Array.from(g.querySelectorAll(':scope > text')).map(t => t.firstChild.textContent))"""
    return await page.evaluate(script, chart)


async def test_a_manager_finds_the_reps_new_lead_on_the_dashboard(
    live_app: LiveApp, page: Page, view_as: Callable[[str], Awaitable[None]]
) -> None:
    await view_as("zhangwei")
    before = await open_dashboard(page, live_app)
    assert await page.locator("#viewer").text_content() == "张伟 · 团队"
    assert COMPANY not in (await page.locator("#recent").inner_text())

    lead = await say_as(live_app, "lina", VISIT)
    after = await open_dashboard(page, live_app)

    row = page.locator("#recent tr", has_text=COMPANY)
    await row.wait_for()
    cells = [c.strip() for c in await row.locator("td").all_inner_texts()]
    assert cells[:4] == [COMPANY, lead.city or "—", lead.stage, "李娜"]
    assert after["summary"]["new_leads"] == before["summary"]["new_leads"] + 1
    tile = page.locator(".tile", has_text="新增线索").locator("b")
    assert await tile.inner_text() == str(after["summary"]["new_leads"])

    # The funnel shows every stage with the count the JSON gives, and was drawn with a real size.
    funnel = await bar_texts(page, "#funnel svg")
    assert funnel == [[s["stage"], str(s["reached"])] for s in after["funnel"]]
    for chart in ("#funnel svg", "#stages svg", "#sla svg"):
        box = await page.locator(chart).bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0, chart
    widths = [
        float(await r.get_attribute("width") or 0) for r in await page.query_selector_all("#funnel rect")
    ]
    assert max(widths) > 0
    reps = page.locator("#reps tr", has_text="李娜")
    assert await reps.locator("svg.spark").count() == 1


async def test_other_reps_and_strangers_do_not_see_it(
    live_app: LiveApp, page: Page, view_as: Callable[[str], Awaitable[None]]
) -> None:
    await say_as(live_app, "lina", VISIT)

    await view_as("wangqiang")  # a rep of the same team: only his own leads
    data = await open_dashboard(page, live_app)
    assert data["viewer"]["scope"] == "我的"
    assert COMPANY not in await page.locator("main").inner_text()
    await view_as("lina")
    await open_dashboard(page, live_app)
    assert COMPANY in await page.locator("#recent").inner_text()

    await view_as("nobody")
    await open_dashboard(page, live_app)
    status = page.locator("#status.error")
    assert "看板只对组织架构中的销售、主管和管理员开放" in await status.inner_text()
    assert await page.locator("#board").is_hidden()


async def test_month_switch_and_a_phone_screen(
    live_app: LiveApp, page: Page, view_as: Callable[[str], Awaitable[None]]
) -> None:
    await view_as("zhouzong")
    await page.set_viewport_size({"width": 375, "height": 812})
    await open_dashboard(page, live_app)
    assert (await page.locator("#viewer").text_content() or "").endswith("全部")

    async with page.expect_response(lambda r: "range=month" in r.url):
        await page.get_by_role("button", name="本月").click()
    # Not page.wait_for_function: the page's CSP refuses the eval that its polling needs.
    from playwright.async_api import expect

    await expect(page.locator("#period")).to_have_text(re.compile(r"^本月"))
    assert await page.get_by_role("button", name="本月").get_attribute("aria-pressed") == "true"
    assert "range=month" in page.url
    # Nothing wider than the phone: wide tables scroll inside their cards, charts fit their card.
    overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    box = await page.locator("#sla svg").bounding_box()
    assert box is not None and 0 < box["width"] <= 375
