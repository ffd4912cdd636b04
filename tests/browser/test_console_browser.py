"""The issue's scenario in a real browser: a rep logs a visit in the console and sees the confirmation
card, asks for their overdue leads, and a customer's inquiry reaches the rep's inbox as a card whose
button works."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from openpyxl import load_workbook
from playwright.async_api import Page, expect
from sqlalchemy import select

from bot.app import SENDER
from bot.core.outgoing import card_handled
from bot.types import Button, Outgoing
from storage.models import Lead, OutboxMessage
from storage.outbox import enqueue_outbox
from tests.browser.conftest import LiveApp

VISIT = "今天拜访了苏州仁济医院王主任，下周三再联系"


async def open_console(page: Page, url: str, who: str) -> None:
    await page.goto(f"{url}/console?as={who}")
    await expect(page.locator("body")).to_have_attribute("data-ready", who)


async def say(page: Page, text: str) -> None:
    await page.fill("#text", text)
    await page.press("#text", "Enter")


async def test_a_rep_logs_a_visit_and_asks_for_overdue_leads(page: Page, live_app: LiveApp) -> None:
    await open_console(page, live_app.url, "lina")
    await expect(page.locator("#who")).to_have_value("lina")
    await say(page, VISIT)
    chat = page.locator("#chat")
    await expect(chat.locator("li.me .bubble").last).to_have_text(VISIT)
    reply = chat.locator("li.bot").last
    await expect(reply).to_contain_text("已记录跟进")
    await expect(reply.locator(".card-title")).to_have_text("已记录跟进")  # a card: it has 改一下
    # The card shows each "键：值" line as a field: the key, then its value.
    await expect(reply.locator(".card-field").filter(has_text="客户")).to_contain_text("苏州仁济医院")
    await expect(reply.locator(".card-field").filter(has_text="联系人")).to_contain_text("王主任")
    await expect(reply.get_by_role("button", name="改一下")).to_be_enabled()

    await say(page, "我的超时线索")
    answer = chat.locator("li.bot").nth(1)
    await expect(answer).to_contain_text("我的超时线索")
    await expect(answer).to_contain_text("苏州九龙医院")  # from the demo data

    # The conversation is kept: a reload reads it back from the database.
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "lina")
    await expect(chat.locator("li.bot")).to_have_count(2)
    await expect(chat.locator("li.me")).to_have_count(2)


async def test_a_customer_inquiry_reaches_the_rep_as_a_card_whose_button_works(
    page: Page, live_app: LiveApp
) -> None:
    await open_console(page, live_app.url, "liuyang")
    inbox = page.locator("#inbox")
    customer = await page.context.new_page()
    await customer.goto(f"{live_app.url}/console?as=guest")
    await expect(customer.locator("body")).to_have_attribute("data-ready", re.compile(r"^guest:"))
    await expect(customer.locator("#guest-name-label")).to_be_visible()
    await customer.fill("#guest-name", "陈院长")
    await say(customer, "你好，我是杭州明德口腔医院的陈院长，想了解64排CT，电话13600001111")
    await expect(customer.locator("#chat li.bot").last).to_contain_text("已收到您的咨询")

    # 刘洋 covers 杭州: the assignment card arrives in his inbox live, without a reload.
    card = inbox.locator(".card").filter(has_text="杭州明德口腔医院")
    await expect(card).to_be_visible()
    await expect(card.locator(".card-title")).to_have_text("新线索分配给你")
    await card.get_by_role("button", name="已联系").click()
    await expect(card).to_have_class("card done")
    await expect(card.get_by_role("button", name="已处理")).to_be_disabled()
    # The click went through the pipeline: the button handler answered in the chat, and the lead's
    # first-response clock stopped (the reply is written in the same transaction).
    await expect(page.locator("#chat li.me .bubble").last).to_have_text("〔已联系〕")
    await expect(page.locator("#chat li.bot")).to_have_count(1)
    async with live_app.sessions() as session:
        lead = await session.scalar(select(Lead).where(Lead.company == "杭州明德口腔医院"))
    assert lead is not None and lead.source == "console" and lead.first_response_at is not None


async def test_an_export_is_a_link_that_downloads_the_workbook(page: Page, live_app: LiveApp) -> None:
    await open_console(page, live_app.url, "zhangwei")
    await say(page, "导出本组线索")
    link = page.locator("#chat li.bot a.file-link")
    await expect(link).to_have_count(1)
    name = await link.get_attribute("download")
    assert name is not None and name.startswith("团队客户-") and name.endswith(".xlsx")
    await expect(link).to_have_text(name)
    async with page.expect_download() as started:
        await link.click()
    download = await started.value
    assert download.suggested_filename == name
    # Playwright keeps the download under a name of its own, without the extension openpyxl looks for
    book = load_workbook(io.BytesIO((await download.path()).read_bytes()), read_only=True)
    try:
        companies = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    assert "苏州九龙医院" in companies  # lina's, from the demo data: the manager's team


async def test_a_card_whose_alert_closed_is_greyed_out_live_and_after_a_reload(
    page: Page, live_app: LiveApp
) -> None:
    await open_console(page, live_app.url, "liuyang")
    alert = Outgoing("console", "liuyang", "push", title="SLA提醒", lines=("客户：杭州明德口腔医院",),
                     buttons=(Button("contacted:1", "已联系"), Button("reassign:1", "转给别人")))  # fmt: skip
    async with live_app.sessions.begin() as session:
        row = await enqueue_outbox(session, alert, datetime.now(UTC))
    live_app.app[SENDER].wake()
    card = page.locator("#inbox .card").filter(has_text="杭州明德口腔医院")
    await expect(card.get_by_role("button", name="已联系")).to_be_enabled()
    async with live_app.sessions() as session:
        handle = (await session.get(OutboxMessage, row.id)).card_handle  # type: ignore[union-attr]
    assert handle is not None
    async with live_app.sessions.begin() as session:
        await enqueue_outbox(
            session, card_handled("console", "liuyang", handle, datetime.now(UTC)), datetime.now(UTC)
        )
    live_app.app[SENDER].wake()
    await expect(card).to_have_class("card done")
    await expect(card.get_by_role("button", name="已处理")).to_be_disabled()
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "liuyang")
    await expect(card.get_by_role("button", name="已处理")).to_be_disabled()
