"""Digests through the real app and the fake WeChat Work: the manager's daily digest to the manager and, with
phones masked, to the team's group robot; the weekly chart uploaded and sent as an image; the evening 日报
draft submitted with one tap, forwarded to the manager once."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.app import DIGESTS
from bot.config import Config
from bot.core.digests_job import DigestJob
from storage.models import OutboxMessage
from tests.e2e.harness import INTAKE_TOKEN, Bot

SHANGHAI = ZoneInfo("Asia/Shanghai")
PNG = b"\x89PNG\r\n\x1a\n"
INQUIRY = "你好，我们是苏州恒通精密，想了解激光切割机，电话13600002222"


@pytest.fixture
def config(config: Config) -> Config:
    """The shared test organisation, with a group robot for the team."""
    teams = [dataclasses.replace(team, group_webhook="team-key") for team in config.org.teams]
    return dataclasses.replace(config, org=dataclasses.replace(config.org, teams=teams))


def digests_of(bot: Bot) -> DigestJob:
    assert bot.app is not None
    return bot.app[DIGESTS]


async def inquiry(bot: Bot) -> None:
    bot.fake.customer_writes("wkKF1", "wmBuyer", INQUIRY)
    assert await bot.post(bot.driver.kf_event("tokenA", "wkKF1")) == 200
    await bot.settle()


async def rows(bot: Bot, **where: object) -> list[OutboxMessage]:
    async with bot.sessions() as session:
        found = await session.scalars(select(OutboxMessage).filter_by(**where).order_by(OutboxMessage.id))
        return list(found.all())


async def test_the_manager_digest_reaches_the_manager_and_the_group_with_phones_masked(bot: Bot) -> None:
    await inquiry(bot)  # Tuesday 09:30: a new lead for 李娜
    groups_before = len(bot.fake.webhooks)
    bot.clock.advance(timedelta(minutes=5))
    assert await digests_of(bot).run_once() == 2  # 李娜's morning digest and 张伟's team digest
    assert await digests_of(bot).run_once() == 0
    await bot.settle()

    [daily] = [text for text in bot.inbox("zhangwei") if "团队日报" in text]
    assert "新线索 1 条" in daily and "苏州恒通精密" in daily and "13600002222" in daily
    [morning] = [text for text in bot.inbox("lina") if "早上好" in text]
    assert "的待办" in morning
    [(key, body)] = bot.fake.webhooks[groups_before:]
    assert key == "team-key" and body["msgtype"] == "markdown"
    shared = body["markdown"]["content"]
    assert "团队日报" in shared and "苏州恒通精密" in shared
    assert "136＊＊＊＊2222" in shared and "13600002222" not in shared  # markdown shows * full-width


async def test_the_weekly_chart_is_uploaded_then_sent_as_an_image(bot: Bot) -> None:
    await inquiry(bot)  # in the week the next Monday's digest looks back on
    bot.clock.set(datetime(2026, 3, 16, 9, 5, tzinfo=SHANGHAI))
    assert await digests_of(bot).run_once() == 3  # Monday: 李娜's morning, 张伟's daily and weekly
    [image] = [row for row in await rows(bot, kind="push") if "image_png_base64" in row.payload]
    assert image.platform == "wecom" and image.target == "ZhangWei" and image.status == "pending"
    assert base64.b64decode(image.payload["image_png_base64"]).startswith(PNG)
    await bot.settle()

    assert [row.status for row in await rows(bot, id=image.id)] == ["sent"]
    [upload] = bot.fake.calls("/cgi-bin/media/upload")
    assert upload.query["type"] == "image"
    [sent] = [d for d in bot.fake.delivered("ZhangWei") if d.msgtype == "image"]
    media = bot.fake.media[sent.payload["media_id"]]
    assert media.startswith(PNG) and media == base64.b64decode(image.payload["image_png_base64"])
    [weekly] = [text for text in bot.inbox("zhangwei") if "周报" in text]
    assert "华东一组 周报 3月9日–3月15日" in weekly and "新增线索 1 条" in weekly and "SLA：" in weekly

    pictures = [body for _, body in bot.fake.webhooks if body["msgtype"] == "image"]
    [picture] = pictures  # the group gets the chart too, as the robot wants it: base64 and MD5
    data = base64.b64decode(picture["image"]["base64"])
    assert data == media and picture["image"]["md5"] == hashlib.md5(data).hexdigest()


async def test_the_evening_draft_is_submitted_with_one_tap_and_forwarded_once(bot: Bot) -> None:
    await bot.say("lina", "今天拜访了苏州恒通精密王总，对激光切割机有兴趣，下周三下午2点再去")
    bot.clock.set(datetime(2026, 3, 10, 17, 30, tzinfo=SHANGHAI))
    assert await digests_of(bot).run_once() == 3  # the morning and team digests, late; the draft
    await bot.settle()
    [draft] = [text for text in bot.inbox("lina") if "工作日报（草稿）" in text]
    assert "苏州恒通精密" in draft and "今日联系客户 1 家" in draft
    [card_row] = [r for r in await rows(bot, target="LiNa", kind="push") if r.payload["buttons"]]
    cards = [d.payload for d in bot.fake.delivered("LiNa") if d.msgtype == "template_card"]
    [card] = [c for c in cards if c["button_list"][0]["key"] == card_row.payload["buttons"][0]["key"]]
    [button] = card["button_list"]
    assert button["text"] == "确认提交"

    def click(user: str) -> tuple[dict[str, str], bytes]:
        bot.clock.advance(timedelta(minutes=1))
        return bot.driver.button_click(user, card["task_id"], button["key"], card_row.card_handle or "")

    manager_before = len(bot.inbox("zhangwei"))
    assert await bot.post(click("LiNa")) == 200
    await bot.settle()
    [report] = bot.inbox("zhangwei")[manager_before:]
    assert "李娜 3月10日 工作日报" in report and "苏州恒通精密" in report
    assert "日报已提交" in bot.inbox("lina")[-1]

    assert await bot.post(click("LiNa")) == 200  # tapped again: nothing more for the manager
    await bot.settle()
    assert "无需重复提交" in bot.inbox("lina")[-1]
    assert await bot.post(click("ZhangWei")) == 200  # someone else's tap on 李娜's key is refused
    await bot.settle()
    assert "只有本人可以提交" in bot.inbox("zhangwei")[-1]
    assert len([t for t in bot.inbox("zhangwei") if "工作日报" in t]) == 1


HOSTILE_NAME = "[点此查看客户资料](http://evil.example)"
HOSTILE_COMPANY = '<font color="warning">恒通精密</font> 13700002222'


async def test_customer_text_reaches_manager_and_group_as_text_with_its_phones_masked(bot: Bot) -> None:
    assert bot.client is not None
    form = {"name": HOSTILE_NAME, "company": HOSTILE_COMPANY, "phone": "13600002222", "city": "苏州"}
    auth = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
    response = await bot.client.post("/api/inquiries", json=form, headers=auth)
    assert response.status == 202
    await bot.settle()
    bot.clock.advance(timedelta(minutes=5))
    assert await digests_of(bot).run_once() == 2
    await bot.settle()

    markdown = [d.payload["content"] for d in bot.fake.delivered("ZhangWei") if d.msgtype == "markdown"]
    [daily] = [text for text in markdown if "团队日报" in text]
    [(_, body)] = bot.fake.webhooks
    shared = body["markdown"]["content"]
    for content in (daily, shared):
        assert "恒通精密" in content and "点此查看客户资料" in content
        assert "<font" not in content and "](" not in content and "[" not in content
    assert "137＊＊＊＊2222" in shared and "136＊＊＊＊2222" in shared
    assert "13700002222" not in shared and "13600002222" not in shared

    await bot.say("lina", "查一下恒通精密")  # the rep's answer names the customer in its title and lines
    answer = [d.payload for d in bot.fake.delivered("LiNa") if d.msgtype == "markdown"][-1]
    assert "恒通精密" in answer["content"] and "点此查看客户资料" in answer["content"]
    assert "<font" not in answer["content"] and "](" not in answer["content"]
    assert "13700002222" not in shared and "13600002222" not in shared
