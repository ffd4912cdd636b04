"""Whole conversations through the real WeChat Work callback: retries, crashes, customers, buttons."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.app import PIPELINE
from bot.fakes.wecom import BROKEN
from storage.models import FollowUp, InboundMessage, Lead, OutboxMessage
from tests.e2e.harness import Bot

VISIT = "今天拜访了苏州仁济医院王主任，对64排CT很感兴趣，下周三下午2点再去演示"


async def count(bot: Bot, model: type) -> int:
    async with bot.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_callback_delivered_four_times_is_one_followup_and_one_reply(bot: Bot) -> None:
    callback = bot.driver.text("LiNa", VISIT, msg_id=9001)
    for _ in range(4):  # WeChat Work's first delivery and its three retries
        assert await bot.post(callback) == 200
    await bot.settle()
    for _ in range(2):  # a retry arriving after processing changes nothing either
        assert await bot.post(callback) == 200
        await bot.settle()
    assert await count(bot, InboundMessage) == 1
    assert await count(bot, FollowUp) == 1
    [reply] = bot.inbox("lina")
    assert "仁济医院" in reply


async def test_a_crash_between_accept_and_reply_loses_nothing_and_doubles_nothing(bot: Bot) -> None:
    callback = bot.driver.text("LiNa", VISIT, msg_id=9002)
    assert await bot.post(callback) == 200
    await bot.stop()  # the process dies after the commit, before processing
    assert bot.inbox("lina") == []

    await bot.start()  # restart on the same database: the processor's sweep finds the message
    assert await bot.post(callback) == 200  # and the platform's retry changes nothing
    await bot.settle()
    assert await count(bot, FollowUp) == 1
    assert len(bot.inbox("lina")) == 1


async def test_a_processing_failure_rolls_back_and_is_retried_once(bot: Bot) -> None:
    assert bot.app is not None
    pipeline = bot.app[PIPELINE]
    real = pipeline._process
    calls = 0

    async def crash_after_writing(session, row, sender, *refused):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        replies = await real(session, row, sender, *refused)  # the follow-up and the reply are written...
        if calls == 1:
            raise RuntimeError("killed before commit")  # ...and rolled back together
        return replies

    pipeline._process = crash_after_writing
    await bot.say("lina", VISIT)
    assert await count(bot, FollowUp) == 0 and bot.inbox("lina") == []
    bot.clock.advance(timedelta(seconds=5))
    await bot.settle()
    assert calls == 2
    assert await count(bot, FollowUp) == 1
    assert len(bot.inbox("lina")) == 1


async def test_an_unknown_member_is_told_to_ask_an_admin(bot: Bot) -> None:
    bot.fake.users.add("Stranger")
    await bot.say("Stranger", "我的超时线索")
    [reply] = bot.inbox("Stranger")
    assert "管理员" in reply
    assert await count(bot, Lead) == 0


async def test_an_external_contact_becomes_a_lead_of_the_rep_with_its_channel_tag(bot: Bot) -> None:
    bot.fake.contacts["wmCust1"] = {
        "external_contact": {
            "external_userid": "wmCust1",
            "name": "陈经理",
            "type": 2,
            "corp_name": "远航物流",
        },
        "follow_user": [{"userid": "LiNa", "state": "expo2026", "remark_mobiles": ["13912345678"]}],
    }
    callback = bot.driver.contact_added("LiNa", "wmCust1", state="expo2026")
    assert await bot.post(callback) == 200
    assert await bot.post(callback) == 200
    await bot.settle()
    async with bot.sessions() as session:
        [lead] = (await session.scalars(select(Lead))).all()
    assert "远航物流" in lead.company
    assert lead.source_detail == "expo2026"
    assert lead.source == "wecom_contact"
    assert [c.path for c in bot.fake.calls("/cgi-bin/externalcontact/get")] != []


async def test_a_wechat_customer_service_message_becomes_a_lead_and_is_answered(bot: Bot) -> None:
    bot.fake.customer_writes(
        "wkKF1", "wmBuyer", "你好，我们是杭州金鼎涂料，想了解激光切割机的报价，电话13600001111"
    )
    assert await bot.post(bot.driver.kf_event("tokenA", "wkKF1")) == 200
    await bot.settle()
    async with bot.sessions() as session:
        [lead] = (await session.scalars(select(Lead))).all()
    assert "金鼎涂料" in lead.company and lead.source == "wecom_kf"
    assert len(bot.inbox("wmBuyer")) == 1  # the customer is acknowledged through 微信客服

    # The next event pulls only what is new: the cursor was kept.
    bot.fake.customer_writes("wkKF1", "wmBuyer", "另外焊接机也想看看")
    assert await bot.post(bot.driver.kf_event("tokenB", "wkKF1")) == 200
    await bot.settle()
    assert await count(bot, Lead) == 1
    assert bot.fake.calls("/cgi-bin/kf/sync_msg")[-1].body["cursor"] == "c1"


async def test_a_card_button_click_is_handled_and_the_button_greyed_out(bot: Bot) -> None:
    bot.fake.customer_writes("wkKF1", "wmBuyer", "我是无锡瑞丰农机的，想买折弯机，电话13700002222")
    await bot.post(bot.driver.kf_event("tokenA", "wkKF1"))
    await bot.settle()
    async with bot.sessions() as session:
        notice = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "push", OutboxMessage.card_handle.is_not(None))
        )
    assert notice is not None, "the new lead's owner gets an assignment card with buttons"
    owner = notice.target
    [card] = [d.payload for d in bot.fake.delivered(owner) if d.msgtype == "template_card"]
    button = card["button_list"][0]
    click = bot.driver.button_click(owner, card["task_id"], button["key"], response_code=notice.card_handle)
    assert await bot.post(click) == 200
    assert await bot.post(click) == 200  # a retried click is one click
    await bot.settle()
    assert [u["response_code"] for u in bot.fake.card_updates] == [notice.card_handle]
    async with bot.sessions() as session:
        lead = await session.scalar(select(Lead))
    assert lead is not None
    if button["key"].startswith("contacted:"):
        assert lead.first_response_at is not None


async def test_every_kind_of_bad_callback_is_refused_and_nothing_is_stored(bot: Bot) -> None:
    for kind in sorted(BROKEN):
        status = await bot.post(bot.driver.broken(kind))
        assert 400 <= status < 500, kind
    for body in (b"", b"<xml>", b"\x00" * 100, b"<a>" * 30000):
        params, _ = bot.driver.text("LiNa", "你好")
        assert 400 <= await bot.post((params, body)) < 500
    await bot.settle()
    assert await count(bot, InboundMessage) == 0
    assert bot.inbox("lina") == []
