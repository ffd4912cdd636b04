"""The demo: its data loads once, gives the queries something to answer, and `salesbot run` with no
config file on an empty database lands on it."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import SESSIONS, SLA, create_app
from bot.cli import main as cli
from bot.cli.demo import database_state, demo_config, demo_leads, load_demo
from bot.cli.run_mode import prepare_run
from bot.clock import FixedClock
from bot.config import Config, ConfigError, DatabaseConfig, load_config
from storage.models import Contact, FollowUp, Lead, Person, StageChange
from tests.bot.test_console import Console, card_text
from tests.extractors import Extractors

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Shanghai


@pytest.fixture
async def demo(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> Console:
    clock = FixedClock(NOW)
    shown = demo_config(config)
    client = await aiohttp_client(create_app(shown, clock=clock, workers=False, extractor=extractors(shown)))
    assert await load_demo(client.app[SESSIONS], config, now=NOW) == len(demo_leads())
    return Console(client, clock)


async def counts(demo: Console) -> list[int]:
    async with demo.app[SESSIONS]() as session:
        return [
            int(await session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Lead, FollowUp, StageChange)
        ]


async def test_loading_twice_adds_nothing(demo: Console, config: Config) -> None:
    before = await counts(demo)
    assert before[0] == len(demo_leads()) and before[1] > before[0] and before[2] > 0
    assert await load_demo(demo.app[SESSIONS], config, now=NOW) == 0
    assert await counts(demo) == before


async def test_dates_are_relative_to_loading(demo: Console) -> None:
    async with demo.app[SESSIONS]() as session:
        lead = await session.scalar(select(Lead).where(Lead.company == "苏州九龙医院"))
    assert lead is not None and lead.stage == "报价"
    assert lead.created_at.date() == datetime(2026, 2, 14).date()  # 24 days before 3月10日
    assert lead.next_followup_at is not None and lead.next_followup_at < NOW


async def test_a_demo_rep_has_overdue_leads_to_ask_about(demo: Console) -> None:
    await demo.say("lina", "我的超时线索")
    answer = (await demo.bot_said("lina"))[-1]["payload"]
    assert answer["title"] == "我的超时线索 3 条"
    text = "\n".join(answer["lines"])
    for company in ("无锡华康医药", "苏州九龙医院", "苏州康宁体检中心"):
        assert company in text
    assert "无锡仁爱医院" not in text  # its next follow-up is in two days


async def test_a_demo_manager_sees_the_funnel_and_a_rep_finds_a_customer(demo: Console) -> None:
    await demo.say("zhangwei", "本周漏斗")
    funnel = (await demo.bot_said("zhangwei"))[-1]["payload"]
    assert "3月9日" in funnel["title"]  # this week, Monday to Sunday
    assert "新增线索 1 条" in funnel["lines"]  # the demo always has some of this week: today's
    assert "跟进 0 次" not in "".join(funnel["lines"])
    await demo.say("lina", "查一下苏州九龙医院")
    found = (await demo.bot_said("lina"))[-1]["payload"]
    assert "苏州九龙医院" in found["title"] + "".join(found["lines"])
    assert any("报价" in line for line in found["lines"])


async def test_the_demo_never_mixes_with_an_organisation_of_its_own(
    config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    assert await database_state(engine) == "empty"
    own = dataclasses.replace(config, org=dataclasses.replace(config.org, people=[
        *config.org.people, dataclasses.replace(config.org.people[-1], id="someone", wecom_userid="")
    ]))  # fmt: skip
    app = create_app(own, workers=False, extractor=extractors(own))
    runner = web.AppRunner(app)
    await runner.setup()  # syncs the org
    await runner.cleanup()
    assert await database_state(engine) == "own"


def test_run_with_no_config_file_lands_on_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./config.toml here
    monkeypatch.delenv("SALESBOT_CONFIG", raising=False)
    monkeypatch.setenv("SALESBOT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}")
    started: list[int] = []

    def run_app(app: web.Application, **kwargs: object) -> None:  # start it, look, stop it
        async def once() -> None:
            runner = web.AppRunner(app)
            await runner.setup()
            try:
                async with app[SESSIONS]() as session:
                    started.append(int(await session.scalar(select(func.count(Lead.id))) or 0))
                    people = (await session.scalars(select(Person.key).where(Person.active))).all()
                    assert "lina" in people and "zhangwei" in people
            finally:
                await runner.cleanup()

        asyncio.run(once())

    monkeypatch.setattr(cli.web, "run_app", run_app)
    assert cli.main(["run"]) == 0
    assert cli.main(["run"]) == 0  # the second start finds the demo there and adds nothing
    assert started == [len(demo_leads())] * 2
    out = capsys.readouterr().out
    assert "this is the DEMO" in out and "http://127.0.0.1:8080/console" in out


def test_the_demo_refuses_a_database_with_its_own_organisation(
    tmp_path: Path, extractors: Extractors
) -> None:
    path = tmp_path / "own.toml"
    db = tmp_path / "own.db"
    path.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n[[org.people]]\nid = "boss"\nname = "老板"\n',
        encoding="utf-8",
    )
    config = load_config(path, env={})

    async def sync() -> None:
        runner = web.AppRunner(create_app(config, workers=False, extractor=extractors(config)))
        await runner.setup()
        await runner.cleanup()

    asyncio.run(sync())
    with pytest.raises(ConfigError, match="holds your own organisation"):
        prepare_run(config, explicit_config=True, demo=True, console=False)
    unchanged, use_demo = prepare_run(config, explicit_config=True, demo=False, console=True)
    assert not use_demo and unchanged.org == config.org and unchanged.console.enabled == "on"
    public = dataclasses.replace(config, database=DatabaseConfig(url=f"sqlite+aiosqlite:///{tmp_path}/x.db"))
    public = dataclasses.replace(public, server=dataclasses.replace(public.server, host="0.0.0.0"))
    with pytest.raises(ConfigError, match=r"\[console\] token"):
        prepare_run(public, explicit_config=True, demo=False, console=True)


async def test_a_fast_demo_sends_sla_alerts_to_the_console_inbox(
    aiohttp_client: type[TestClient], config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    fast, _ = prepare_run(demo_config(config), explicit_config=True, demo=False, console=False, speed=60)
    assert fast.sla.first_response["A"] == timedelta(seconds=30)
    assert fast.sla.escalate_after == [timedelta(minutes=1), timedelta(minutes=24)]
    assert fast.sla.business_hours == ["00:00-24:00"] and fast.sla.holidays == "none"
    with pytest.raises(ConfigError, match="--speed"):
        prepare_run(config, explicit_config=True, demo=False, console=False, speed=0)
    clock = FixedClock(NOW)
    client = await aiohttp_client(create_app(fast, clock=clock, workers=False, extractor=extractors(fast)))
    await load_demo(client.app[SESSIONS], fast, now=NOW)
    demo = Console(client, clock)
    assert await client.app[SLA].run_once() > 0
    await demo.settle()
    alerts = "\n".join(card_text(m["payload"]) for m in await demo.bot_said("lina", "push"))
    assert "无锡华康医药" in alerts  # assigned two days ago, never contacted


async def test_issue16_exchanges_link_the_rep_s_customer_as_she_names_it(demo: Console) -> None:
    # 1: the company glued onto a verb, the contact by surname and title.
    visit = "今天上午去了趟无锡华康医药，见了采购部的刘经理，他们对彩超有兴趣，预算80来万，下周二下午三点再去"
    await demo.say("lina", visit)
    first = (await demo.bot_said("lina"))[-1]["payload"]
    assert first["title"] == "已记录跟进" and "客户：无锡华康医药" in first["lines"]
    # 3: the short name.
    await demo.say("lina", "刚跟华康的刘经理通了电话 下周四再联系")
    short = (await demo.bot_said("lina"))[-1]["payload"]
    assert short["title"] == "已记录跟进" and "客户：无锡华康医药" in short["lines"]
    # 4: the short name with a contact the demo does not know by that name.
    await demo.say("lina", "九龙医院那边周主任说下周要开会定一下，周四我再打个电话问问")
    jiulong = (await demo.bot_said("lina"))[-1]["payload"]
    assert "客户：苏州九龙医院" in jiulong["lines"]
    async with demo.app[SESSIONS]() as session:
        huakang = await session.scalar(select(Lead).where(Lead.company == "无锡华康医药"))
        assert huakang is not None
        records = (await session.scalars(select(FollowUp).where(FollowUp.lead_id == huakang.id))).all()
        contacts = (await session.scalars(select(Contact).where(Contact.lead_id == huakang.id))).all()
    assert [r.kind for r in records if r.person_id is not None][-2:] == ["visit", "call"]
    assert [(c.name, c.title) for c in contacts] == [("刘经理", "采购经理")]  # the known one, no twin


async def second_huakang_for_lina(demo: Console) -> None:
    """李娜 also has a 苏州华康医疗器械: "华康" with a contact neither lead knows is asked about."""
    async with demo.app[SESSIONS]() as session:
        lina = await session.scalar(select(Person).where(Person.key == "lina"))
        assert lina is not None
        session.add(
            Lead(company="苏州华康医疗器械", company_key="华康医疗器械", city="苏州", source="rep",
                 owner_id=lina.id, team_id=lina.team_id, created_at=NOW - timedelta(days=5))
        )  # fmt: skip
        await session.commit()


EXCHANGE_2 = "今天上午去了趟华康，见了采购部的钱经理，他们对彩超有兴趣，预算80来万，下周二下午三点再去"


async def test_issue16_exchange_2_the_answer_to_which_customer_keeps_the_whole_visit(demo: Console) -> None:
    await second_huakang_for_lina(demo)
    await demo.say("lina", EXCHANGE_2)
    question = (await demo.bot_said("lina"))[-1]["payload"]
    assert question["title"] == "是哪个客户？"
    assert {b["label"] for b in question["buttons"]} >= {"无锡华康医药", "苏州华康医疗器械"}
    await demo.say("lina", "无锡华康医药")
    done = (await demo.bot_said("lina"))[-1]["payload"]
    assert done["title"] == "已记录跟进" and "客户：无锡华康医药" in done["lines"]
    said = {"联系人：钱经理", "方式：拜访", "预算：80万", "下次跟进：3月17日(周二) 15:00"}
    assert said <= set(done["lines"])
    async with demo.app[SESSIONS]() as session:
        huakang = await session.scalar(select(Lead).where(Lead.company == "无锡华康医药"))
        assert huakang is not None
        record = await session.scalar(
            select(FollowUp).where(FollowUp.lead_id == huakang.id).order_by(FollowUp.id.desc()).limit(1)
        )
        contacts = (await session.scalars(select(Contact).where(Contact.lead_id == huakang.id))).all()
    assert record is not None and (record.text, record.kind) == (EXCHANGE_2, "visit")
    assert record.extracted["budget"] == [800_000, 800_000] and record.extracted["products"]
    assert record.happened_at == NOW  # when the visit was reported, not when the question was answered
    assert (huakang.budget_min, huakang.budget_max) == (800_000, 800_000)
    assert len(contacts) == 2  # 钱经理 joins the known 刘经理


async def test_issue16_exchange_2_answered_with_the_card_s_button(demo: Console) -> None:
    await second_huakang_for_lina(demo)
    await demo.say("lina", EXCHANGE_2)
    question = (await demo.bot_said("lina"))[-1]["payload"]
    button = next(b for b in question["buttons"] if b["label"] == "无锡华康医药")
    await demo.say("lina", button["key"], kind="button")
    done = (await demo.bot_said("lina"))[-1]["payload"]
    assert done["title"] == "已记录跟进" and "客户：无锡华康医药" in done["lines"]
    assert {"方式：拜访", "预算：80万", "下次跟进：3月17日(周二) 15:00"} <= set(done["lines"])


async def test_a_report_sent_while_the_question_is_open_is_handled_as_itself(demo: Console) -> None:
    await second_huakang_for_lina(demo)
    await demo.say("lina", EXCHANGE_2)
    assert (await demo.bot_said("lina"))[-1]["payload"]["title"] == "是哪个客户？"
    await demo.say("lina", "苏州九龙医院刚通了电话，下周一再联系")
    other = (await demo.bot_said("lina"))[-1]["payload"]
    assert other["title"] == "已记录跟进" and "客户：苏州九龙医院" in other["lines"]
    await demo.say("lina", "1")  # the question is still open: 1 is 无锡华康医药 or 苏州华康医疗器械
    done = (await demo.bot_said("lina"))[-1]["payload"]
    assert done["title"] == "已记录跟进" and "方式：拜访" in done["lines"]
    assert any(line.startswith("客户：") and "华康" in line for line in done["lines"])
