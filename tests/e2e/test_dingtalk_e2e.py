"""DingTalk's own mechanics through the real app, in Stream mode and HTTP mode: a message pushed twice,
refused signatures, alert cards and typed commands, flow control, a refused token, the month's quota,
the event subscription, a team group's custom robot and non-text messages."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import DIGESTS, SLA
from bot.channels.callback_crypto import CallbackCipher
from bot.channels.dingtalk.client import BATCH_SEND, CARD_SEND, TOKEN_PATH
from bot.clock import FixedClock
from bot.config import CatalogConfig, Config, IntakeConfig
from bot.fakes.dingtalk import SAMPLE_DINGTALK, FakeDingTalk, serve_fake_dingtalk
from bot.fakes.dingtalk_stream import robot_payload
from bot.fakes.wecom import FakeWeCom, serve_fake_wecom
from storage.models import FollowUp, InboundMessage, Lead, OutboxMessage
from tests.e2e.harness import (
    FIXTURES,
    INTAKE_TOKEN,
    START,
    WECOM,
    Bot,
    DingTalkPlatform,
    WeComPlatform,
    on_dingtalk,
    on_wecom,
    overdue_new_customer,
    render_text,
    running,
)
from tests.extractors import Extractors

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROBOT = "https://oapi.dingtalk.com/robot/send?access_token=team-robot-token"
ROBOT_SECRET = "SECteam-robot-secret"
EVENT_TOKEN, EVENT_KEY = "event-token", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
VISIT = "今天拜访了苏州仁济医院王主任，对64排CT有兴趣，下周三下午2点再去演示"


@pytest.fixture(params=["dingtalk-stream", "dingtalk-http"])
async def bot(
    request: pytest.FixtureRequest, config: Config, engine: AsyncEngine, extractors: Extractors
) -> AsyncIterator[Bot]:
    teams = [dataclasses.replace(t, group_webhook=ROBOT, group_secret=ROBOT_SECRET) for t in config.org.teams]
    e2e_config = dataclasses.replace(
        config,
        org=dataclasses.replace(config.org, teams=teams),
        catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")),
        intake=IntakeConfig(token=INTAKE_TOKEN),
        dingtalk=dataclasses.replace(config.dingtalk, event_token=EVENT_TOKEN, event_aes_key=EVENT_KEY),
    )
    async with running(
        e2e_config, request.param, extractors, webhooks={"team-robot-token": ROBOT_SECRET}
    ) as bot:
        yield bot


def fake(bot: Bot) -> FakeDingTalk:
    assert isinstance(bot.platform, DingTalkPlatform)
    return bot.platform.fake


async def count(bot: Bot, model: type) -> int:
    async with bot.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def breach(bot: Bot) -> Lead:
    """李娜's new customer past its first-response limit, and the scan that finds it."""
    lead = await overdue_new_customer(bot)
    assert bot.app is not None
    assert await bot.app[SLA].run_once() == 1
    return lead


async def test_a_message_delivered_twice_is_handled_once(bot: Bot) -> None:
    await bot.say("lina", VISIT, msg_id=77)
    await bot.say("lina", VISIT, msg_id=77)  # Stream re-pushes, HTTP retries: the same msgId
    assert await count(bot, InboundMessage) == 1 and await count(bot, FollowUp) == 1
    assert len(bot.inbox("lina")) == 1


async def test_a_reply_goes_through_the_session_webhook_while_it_lasts(bot: Bot) -> None:
    await bot.say("lina", "我的超时线索")
    assert [d.how for d in fake(bot).delivered("dt_lina")] == ["session"]
    assert fake(bot).calls(BATCH_SEND) == []


async def test_a_bad_or_stale_sign_is_refused_and_nothing_is_stored(bot: Bot) -> None:
    if bot.config.dingtalk.mode != "http":
        pytest.skip("HTTP mode's signature")
    platform = bot.platform
    assert isinstance(platform, DingTalkPlatform) and bot.client is not None
    payload = robot_payload("dt_lina", VISIT, at=bot.clock.now())
    for headers, body in (
        platform.http.robot(payload, bad_sign=True),
        platform.http.robot(payload, stale=True),
    ):
        response = await bot.client.post(bot.config.dingtalk.callback_path, data=body, headers=headers)
        assert 400 <= response.status < 500
    assert await count(bot, InboundMessage) == 0


async def test_an_alert_s_button_logs_the_contact_and_the_card_is_updated_in_place(bot: Bot) -> None:
    lead = await breach(bot)
    await bot.settle()
    alert = bot.inbox("lina")[-1]
    assert "首次响应超时" in alert and "已联系" in alert
    await bot.click("lina", "已联系")
    assert "已记录联系" in bot.inbox("lina")[-1]
    async with bot.sessions() as session:
        contacted = await session.get(Lead, lead.id)
    assert contacted is not None and contacted.first_response_at is not None
    cards = list(fake(bot).cards.values())
    if bot.config.dingtalk.card_template_id:  # Stream: an interactive card, its buttons now gone
        alert_card = next(c for c in cards if "首次响应超时" in c.params["content"])
        assert alert_card.updates == 1 and alert_card.params["status"] == "已处理"
        assert not any(alert_card.params[f"button_{i}"] for i in range(1, 7))
    else:  # HTTP without a template: markdown and the typed "1"
        assert cards == [] and "回复 1 已联系" in alert


async def test_a_flow_controlled_member_gets_the_push_a_minute_later(bot: Bot) -> None:
    if bot.config.dingtalk.card_template_id:
        pytest.skip("the alert goes as a card, which batchSend's flow control does not concern")
    fake(bot).flow_control("dt_lina")
    await breach(bot)
    await bot.settle()
    assert not any("首次响应超时" in text for text in bot.inbox("lina"))
    bot.clock.advance(timedelta(minutes=1))
    await bot.settle()
    assert "首次响应超时" in bot.inbox("lina")[-1]


async def test_a_refused_token_is_refreshed_once(bot: Bot) -> None:
    await breach(bot)
    fake(bot).revoke_tokens()
    tokens_before = len(fake(bot).calls(TOKEN_PATH))
    await bot.settle()
    assert "首次响应超时" in bot.inbox("lina")[-1]
    assert len(fake(bot).calls(TOKEN_PATH)) == tokens_before + 1


async def test_the_month_s_quota_stops_sending_says_so_and_keeps_what_is_pending(bot: Bot) -> None:
    await breach(bot)
    path = CARD_SEND if bot.config.dingtalk.card_template_id else BATCH_SEND
    fake(bot).inject(path, 403, code="Forbidden.AccessDenied.ApiCountLimitForOrg")
    await bot.settle()
    assert bot.client is not None
    health = await (await bot.client.get("/healthz")).json()
    assert "ApiCountLimitForOrg" in health["channels"]["dingtalk"]
    async with bot.sessions() as session:
        [row] = (
            await session.scalars(select(OutboxMessage).where(OutboxMessage.alert_id.is_not(None)))
        ).all()
    assert row.status == "pending"
    bot.clock.advance(timedelta(hours=1))
    await bot.settle()
    assert "首次响应超时" in bot.inbox("lina")[-1]
    assert await (await bot.client.get("/healthz")).json() == {"status": "ok"}


async def test_the_event_subscription_answers_success(bot: Bot) -> None:
    platform = bot.platform
    assert isinstance(platform, DingTalkPlatform) and bot.client is not None
    params, body = platform.http.event(
        {"EventType": "user_add_org", "UserId": ["dt_new"], "CorpId": "dingcorp"}
    )
    response = await bot.client.post(bot.config.dingtalk.events_path, params=params, data=body)
    assert response.status == 200
    answer = await response.json()
    cipher = CallbackCipher(EVENT_TOKEN, EVENT_KEY, bot.config.dingtalk.app_key)
    cipher.check_signature(answer["msg_signature"], answer["timeStamp"], answer["nonce"], answer["encrypt"])
    assert cipher.decrypt(answer["encrypt"]) == b"success"


async def test_the_team_digest_reaches_the_group_s_custom_robot_signed(bot: Bot) -> None:
    await bot.inquiry(company="苏州恒通精密", phone="13600002222", message="想了解激光切割机")
    bot.clock.advance(timedelta(minutes=5))
    assert bot.app is not None and await bot.app[DIGESTS].run_once() >= 1
    await bot.settle()
    [post] = fake(bot).group_posts("team-robot-token")
    assert post.how == "webhook" and "团队日报" in json.dumps(post.params, ensure_ascii=False)


async def test_a_picture_gets_a_polite_reply(bot: Bot) -> None:
    platform = bot.platform
    assert isinstance(platform, DingTalkPlatform)
    webhook, expires = platform.fake.session_webhook("dt_lina")
    payload = robot_payload("dt_lina", "", msgtype="picture", session_webhook=webhook,
                            session_webhook_expires=expires, at=bot.clock.now())  # fmt: skip
    await platform._deliver(bot, payload, bot.config.dingtalk.callback_path, card=False)
    await bot.settle()
    assert "只看得懂文字消息" in bot.inbox("lina")[-1]


async def test_on_both_platforms_a_push_goes_where_the_person_last_wrote(
    config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    clock = FixedClock(START)
    org = on_wecom(on_dingtalk(config.org))
    app = dataclasses.replace(SAMPLE_DINGTALK, mode="http")
    dingtalk = FakeDingTalk.for_config(app, clock, users={p.dingtalk_userid for p in org.people})
    wecom = FakeWeCom(WECOM, clock, users={p.wecom_userid for p in org.people})
    async with serve_fake_dingtalk(dingtalk) as dingtalk_base, serve_fake_wecom(wecom) as wecom_base:
        both = dataclasses.replace(
            config,
            org=org,
            catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")),
            wecom=dataclasses.replace(WECOM, api_base=wecom_base),
            dingtalk=dataclasses.replace(app, api_base=dingtalk_base, oapi_base=dingtalk_base),
        )
        on_dt = DingTalkPlatform(both, clock, dingtalk, None)
        bot = Bot(both, clock, on_dt, extractors(both))
        await bot.start()
        try:
            await breach(bot)  # 李娜 wrote on DingTalk: the reply and the alert go there
            await bot.settle()
            assert "首次响应超时" in bot.inbox("lina")[-1] and wecom.delivered("LiNa") == []

            await WeComPlatform(both, clock, wecom).send(bot, "lina", "我的超时线索")  # now on WeChat Work
            await bot.settle()
            assert len(wecom.delivered("LiNa")) == 1
            on_dingtalk_before = len(bot.inbox("lina"))
            bot.clock.set(datetime(2026, 3, 11, 9, 5, tzinfo=SHANGHAI))  # Wednesday morning digests
            assert bot.app is not None and await bot.app[DIGESTS].run_once() >= 2
            await bot.settle()
            assert len(bot.inbox("lina")) == on_dingtalk_before  # her digest went to WeChat Work
            assert any("早上好" in render_text(d.msgtype, d.payload) for d in wecom.delivered("LiNa"))
            # 张伟 never wrote: the first enabled platform, WeChat Work.
            assert wecom.delivered("ZhangWei") and dingtalk.delivered("dt_zhangwei") == []
        finally:
            await bot.stop()


async def test_exported_leads_arrive_as_a_file_after_the_summary(bot: Bot) -> None:
    await bot.say("lina", VISIT)
    await bot.say("lina", "导出客户")
    summary, sent = fake(bot).delivered("dt_lina")[-2:]
    assert "已导出" in json.dumps(summary.params, ensure_ascii=False)
    assert sent.how == "batch" and sent.msg_key == "sampleFile" and sent.params["fileType"] == "xlsx"
    data = fake(bot).media[sent.params["mediaId"]]
    assert data.startswith(b"PK") and fake(bot).media_names[sent.params["mediaId"]].endswith(".xlsx")


async def test_the_alert_card_is_updated_in_place_once_its_breach_closes(bot: Bot) -> None:
    if not bot.config.dingtalk.card_template_id:
        pytest.skip("typed commands leave no card to update")
    await breach(bot)
    await bot.settle()
    await bot.say("lina", "刚给无锡华康医药陈经理打了电话，下周二再联系")
    assert bot.app is not None
    assert await bot.app[SLA].run_once() == 1  # the breach closed: its card is marked handled
    assert await bot.app[SLA].run_once() == 0
    await bot.settle()
    [alert_card] = [c for c in fake(bot).cards.values() if "首次响应超时" in c.params["content"]]
    assert alert_card.updates == 1 and alert_card.params["status"] == "已处理"
