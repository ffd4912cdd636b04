"""SLA alerts through the real app: a 微信客服 inquiry is assigned, nobody answers within the limit in
business time, and the owner, then the manager, each receive exactly one alert in WeChat Work."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.app import SLA
from handlers.business_time import BusinessCalendar, add_business_time
from handlers.sla_rules import response_limit
from storage.models import Lead, OutboxMessage
from tests.e2e.harness import Bot, overdue_new_customer


async def test_an_unanswered_inquiry_alerts_the_owner_once_then_the_manager(bot: Bot) -> None:
    bot.fake.customer_writes(
        "wkKF1", "wmBuyer", "你好，我们是苏州恒通精密，想了解激光切割机，电话13600002222"
    )
    assert await bot.post(bot.driver.kf_event("tokenA", "wkKF1")) == 200
    await bot.settle()
    async with bot.sessions() as session:
        [lead] = (await session.scalars(select(Lead))).all()
    assert lead.owner_id is not None and lead.assigned_at is not None
    owner_before, manager_before = len(bot.inbox("lina")), len(bot.inbox("zhangwei"))
    assert bot.app is not None
    scanner = bot.app[SLA]

    calendar = BusinessCalendar.from_config(bot.config.sla)
    due = add_business_time(
        lead.assigned_at, response_limit(bot.config.sla.first_response, lead.grade), calendar
    )
    bot.clock.set(due - timedelta(minutes=1))
    assert await scanner.run_once() == 0
    bot.clock.set(due)
    assert await scanner.run_once() == 1
    await bot.settle()
    [alert] = bot.inbox("lina")[owner_before:]
    assert "首次响应超时" in alert and "恒通精密" in alert and "已联系" in alert

    assert await scanner.run_once() == 0  # a second scan, or a second instance, sends nothing
    await bot.settle()
    assert len(bot.inbox("lina")) == owner_before + 1 and len(bot.inbox("zhangwei")) == manager_before

    bot.clock.set(add_business_time(due, bot.config.sla.escalate_after[0], calendar))
    assert await scanner.run_once() == 1
    assert await scanner.run_once() == 0
    await bot.settle()
    [escalated] = bot.inbox("zhangwei")[manager_before:]
    assert "首次响应超时" in escalated and "李娜" in escalated
    assert len(bot.inbox("lina")) == owner_before + 1


async def test_logging_the_contact_greys_out_the_alert_card_once(bot: Bot) -> None:
    await overdue_new_customer(bot)
    assert bot.app is not None
    scanner = bot.app[SLA]
    assert await scanner.run_once() == 1
    await bot.settle()
    assert "首次响应超时" in bot.inbox("lina")[-1]

    await bot.say("lina", "刚给无锡华康医药陈经理打了电话，下周二再联系")
    assert await scanner.run_once() == 1  # the breach closed: its card is marked handled
    assert await scanner.run_once() == 0
    await bot.settle()
    [update] = bot.fake.card_updates
    assert update["button"] == {"replace_name": "已处理"}
    assert update["userids"] == ["LiNa"]


async def test_a_clicked_alert_card_is_not_updated_a_second_time(bot: Bot) -> None:
    lead = await overdue_new_customer(bot)
    assert bot.app is not None
    assert await bot.app[SLA].run_once() == 1
    await bot.settle()
    card = bot.fake.delivered("LiNa")[-1]
    async with bot.sessions() as session:
        code = await session.scalar(
            select(OutboxMessage.card_handle).where(OutboxMessage.alert_id.is_not(None))
        )
    assert card.msgtype == "template_card" and code
    task_id = card.payload["task_id"]
    assert await bot.post(bot.driver.button_click("LiNa", task_id, f"contacted:{lead.id}", code)) == 200
    await bot.settle()
    assert await bot.app[SLA].run_once() == 0  # closed, and its card's code was spent by the click
    await bot.settle()
    assert len(bot.fake.card_updates) == 1
    assert "已记录联系" in bot.inbox("lina")[-1]
