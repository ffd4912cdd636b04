"""Ad platforms' form leads through the real app: each platform's signed push becomes one lead,
assigned, its rep told once, counted from the customer's submission; repeats change nothing, a bad
token or signature stores nothing, 百度's delayed push only adds its keyword."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import CHANNELS
from bot.channels.ads.channel import AdSourcesChannel
from bot.clock import FixedClock
from bot.config import CatalogConfig, Config, LeadSourceConfig
from bot.fakes.ads_pull import FakeOceanEngine, serve_fake_ads
from bot.fakes.ads_push import baidu_push, path, signed_push
from storage.models import InboundMessage, Lead
from storage.privacy import erase_personal_data
from tests.e2e.harness import FIXTURES, START, Bot, running
from tests.e2e.test_privacy_e2e import PHONE, holding_the_phone
from tests.extractors import Extractors


def source(name: str, platform: str, **more: object) -> LeadSourceConfig:
    secrets = {"path_token": f"{platform}-path-0123456789", "token": f"{platform}-token-1"}
    return LeadSourceConfig(name, platform, **secrets, **more)  # type: ignore[arg-type]


SOURCES = [
    source("抖音表单", "feiyu", values={"product": {"CT/DR": "64排CT"}}),
    source("百度表单", "baidu"),
    source("小红书", "xiaohongshu"),
    source("官网落地页", "generic"),
]
ANSWERS = {"公司名称": "苏州恒通精密机械有限公司", "所在城市": "苏州", "意向产品": "CT/DR", "预算": "50-80万"}


@pytest.fixture
async def bot(config: Config, engine: AsyncEngine, extractors: Extractors) -> AsyncIterator[Bot]:
    ads = dataclasses.replace(
        config, catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")), lead_sources=SOURCES
    )
    async with running(ads, "wecom", extractors) as bot:
        yield bot


async def push(bot: Bot, source: LeadSourceConfig, headers_body: tuple[dict[str, str], bytes]) -> int:
    assert bot.client is not None
    headers, body = headers_body
    response = await bot.client.post(path(source), data=body, headers=headers)
    await bot.settle()
    return response.status


async def leads(bot: Bot) -> list[Lead]:
    async with bot.sessions() as session:
        return list((await session.scalars(select(Lead).order_by(Lead.id))).all())


@pytest.mark.parametrize("source", SOURCES, ids=[s.platform for s in SOURCES])
async def test_a_pushed_form_becomes_one_lead_its_rep_told_once(bot: Bot, source: LeadSourceConfig) -> None:
    submitted = bot.clock.now() - timedelta(minutes=12)
    form = signed_push(source, clue_id="7001", name="周工", phone="13912340000", answers=ANSWERS,
                       created_at=submitted)  # fmt: skip
    for _ in range(3):  # the platform retries: the same lead three times
        assert await push(bot, source, form) == 200
    [lead] = await leads(bot)
    assert (lead.company, lead.city, lead.source) == ("苏州恒通精密机械有限公司", "苏州", source.name)
    assert lead.created_at == submitted and lead.assigned_at == submitted
    assert lead.owner_id is not None and "预算50-80万" in lead.tags
    [notice] = [text for text in bot.inbox("lina") if "恒通精密" in text]
    assert "平台延迟 12 分钟送达" in notice
    async with bot.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(InboundMessage)) == 1


@pytest.mark.parametrize("source", SOURCES, ids=[s.platform for s in SOURCES])
async def test_a_bad_token_or_signature_is_refused_and_nothing_stored(
    bot: Bot, source: LeadSourceConfig
) -> None:
    wrong = dataclasses.replace(source, token="not-the-token")
    form = signed_push(wrong, clue_id="7002", name="周工", phone="13912340000", answers=ANSWERS,
                       created_at=bot.clock.now())  # fmt: skip
    assert await push(bot, source, form) == 401
    assert await leads(bot) == [] and bot.inbox("lina") == []


async def test_baidu_s_delayed_push_adds_its_keyword_to_the_same_lead(bot: Bot) -> None:
    baidu = SOURCES[1]
    first = baidu_push(baidu, clue_id="9001", name="周工", phone="13912340000", answers=ANSWERS,
                       created_at=bot.clock.now())  # fmt: skip
    assert await push(bot, baidu, first) == 200
    told = len(bot.inbox("lina"))
    bot.clock.advance(timedelta(minutes=20))
    sent = bot.clock.now() - timedelta(minutes=20)
    later = baidu_push(baidu, clue_id="9001", name="周工", phone="13912340000", answers=ANSWERS,
                       created_at=sent, delayed=True, keyword="CT机价格")  # fmt: skip
    assert await push(bot, baidu, later) == 200
    [lead] = await leads(bot)
    assert "CT机价格" in (lead.source_detail or "")
    assert len(bot.inbox("lina")) == told  # no second notice


async def test_a_pull_inserts_once_what_the_push_missed_and_changes_nothing_known(
    config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    clock = FixedClock(START)
    oceanengine = FakeOceanEngine(clock)
    submitted = START - timedelta(minutes=40)
    answers = {"公司名称": "苏州恒通精密机械有限公司", "意向产品": "CT/DR"}
    oceanengine.add_lead(
        "8001", submitted, name="周工", telephone="13912340000", city_name="苏州", remark_dict=answers
    )
    other = {"公司名称": "无锡华康医药有限公司", "意向产品": "CT/DR"}
    oceanengine.add_lead(
        "8002", submitted, name="刘经理", telephone="13900001111", city_name="无锡", remark_dict=other
    )
    async with serve_fake_ads(oceanengine) as api_base:
        push_secrets = {"path_token": "feiyu-path-0123456789", "token": "feiyu-token-1"}
        source = oceanengine.source(
            api_base, name="抖音表单", platform="feiyu", pull_interval=timedelta(hours=1), **push_secrets
        )
        ads = dataclasses.replace(
            config, catalog=CatalogConfig(path=str(FIXTURES / "catalog.toml")), lead_sources=[source]
        )
        async with running(ads, "wecom", extractors, clock=clock) as bot:
            # 8001 is pushed too: whichever comes first, the push or a pull (the channel's task pulls at
            # start-up), stores it, and the other changes nothing.
            pushed = signed_push(source, clue_id="8001", name="周工", phone="13912340000", answers=answers,
                                 created_at=submitted)  # fmt: skip
            assert bot.app is not None
            [channel] = [c for c in bot.app[CHANNELS] if isinstance(c, AdSourcesChannel)]
            [puller] = channel.pullers
            await push(bot, source, pushed)
            await puller.pull_once()
            await bot.settle()
            assert sorted(lead.company for lead in await leads(bot)) == [
                "无锡华康医药有限公司",
                "苏州恒通精密机械有限公司",
            ]
            told = [text for text in bot.inbox("lina") if "新线索分配给你" in text]
            assert len(told) == 2  # each lead told once, the pushed one not again
            clock.advance(timedelta(hours=1))
            assert await puller.pull_once() == 0
            await bot.settle()
            assert len(await leads(bot)) == 2 and len(bot.inbox("lina")) == len(told)


async def test_erasure_covers_an_ad_lead_s_raw_payload(bot: Bot) -> None:
    for source in SOURCES:
        answers = {**ANSWERS, "备注": f"电话{PHONE}"}
        form = signed_push(source, clue_id=f"e-{source.platform}", name="张三", phone=f"+86 {PHONE}",
                           answers=answers, created_at=bot.clock.now())  # fmt: skip
        assert await push(bot, source, form) == 200
    assert len(await holding_the_phone(bot)) > 4
    async with bot.sessions.begin() as session:
        await erase_personal_data(session, PHONE, bot.clock.now())
    assert await holding_the_phone(bot) == []
