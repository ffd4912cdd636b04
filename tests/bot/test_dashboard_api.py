"""The dashboard through the real app: the page and its assets, the JSON's shape and numbers for a
manager, a rep and an admin over one seeded week, and the console's access rule in front of it all."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.app import SESSIONS, create_app
from bot.clock import FixedClock
from bot.config import Config, ConsoleConfig, ServerConfig, load_config
from storage.models import Alert, Person
from tests.extractors import Extractors
from tests.handlers.query_fixtures import NOW, SHANGHAI, add_followup, add_lead

H, D = timedelta(hours=1), timedelta(days=1)
MONDAY = NOW.astimezone(SHANGHAI).replace(hour=10) - 2 * D  # Monday 2026-03-09 10:00 in Shanghai
ORG = """
[[org.teams]]
name = "华东一组"
manager = "zhangwei"

[[org.teams]]
name = "华南组"
manager = "liuyang"

[[org.people]]
id = "zhangwei"
name = "张伟"
role = "manager"
team = "华东一组"

[[org.people]]
id = "lina"
name = "李娜"
team = "华东一组"

[[org.people]]
id = "wangfang"
name = "王芳"
team = "华东一组"

[[org.people]]
id = "chenjie"
name = "陈杰"
team = "华南组"

[[org.people]]
id = "liuyang"
name = "刘洋"
role = "manager"
team = "华南组"

[[org.people]]
id = "boss"
name = "老板"
role = "admin"
"""


@pytest.fixture
def org_config(database_url: str, tmp_path: Path) -> Config:
    path = tmp_path / "dashboard.toml"
    path.write_text(f'[database]\nurl = "{database_url}"\n{ORG}', encoding="utf-8")
    return load_config(path, env={})


Client = Callable[[Config], Any]


@pytest.fixture
async def client_for(aiohttp_client: Any, engine: AsyncEngine, extractors: Extractors) -> Client:
    """A client on the app built from a config, its clock at NOW (`engine` migrates the database first)."""

    async def make(config: Config) -> TestClient:
        app = create_app(config, clock=FixedClock(NOW), workers=False, extractor=extractors(config))
        return await aiohttp_client(app)

    return make


async def seed(session: AsyncSession) -> None:
    people = {p.key: p for p in await session.scalars(select(Person))}
    lina, wang, chen = people["lina"], people["wangfang"], people["chenjie"]
    renji = await add_lead(
        session,
        lina,
        "苏州仁济医院",
        city="苏州",
        created_at=NOW - 2 * H,
        assigned_at=NOW - 2 * H,
        first_response_at=NOW - 2 * H,
        last_contact_at=NOW - 2 * H,
        next_followup_at=NOW + 7 * D,
    )
    await add_followup(session, renji, lina, "今天拜访了王主任", NOW - 2 * H, kind="visit")
    wuxi = await add_lead(
        session,
        lina,
        "无锡一院",
        city="无锡",
        stage="初筛",
        created_at=MONDAY - 2 * D,  # last week's Saturday
        last_contact_at=MONDAY - H,
        next_followup_at=NOW - D,
        next_followup_has_time=True,
    )
    await add_followup(session, wuxi, lina, "电话沟通，明天再约", MONDAY - H)
    huashan = await add_lead(
        session, wang, "上海华山医院", city="上海", source="web", created_at=MONDAY, assigned_at=MONDAY
    )
    session.add(
        Alert(
            lead_id=huashan.id,
            rule="first_response",
            breach_key="b1",
            level=0,
            person_id=wang.id,
            breached_at=MONDAY + 2 * H,
            sent_at=MONDAY + 2 * H,
        )
    )
    zhongshan = await add_lead(session, chen, "广州中山医院", city="广州", created_at=MONDAY + D)
    await add_followup(session, zhongshan, chen, "初次电话", MONDAY + D)
    await session.commit()


@pytest.fixture
async def seeded(client_for: Client, org_config: Config) -> AsyncIterator[TestClient]:
    client = await client_for(org_config)
    async with client.app[SESSIONS]() as session:
        await seed(session)
    yield client


async def view(client: TestClient, who: str, **query: str) -> dict[str, Any]:
    response = await client.get("/api/dashboard", params={"as": who, **query})
    assert response.status == 200, await response.text()
    assert response.headers["Cache-Control"] == "no-store"
    return await response.json()


def companies(rows: list[dict[str, Any]]) -> list[str]:
    return [row["company"] for row in rows]


async def test_a_manager_sees_the_team_week(seeded: TestClient) -> None:
    data = await view(seeded, "zhangwei")

    assert data["viewer"] == {"name": "张伟", "role": "manager", "scope": "团队"}
    assert data["range"]["label"] == "3月9日–3月15日" and data["range"]["days"][0] == "3/9"
    assert len(data["range"]["days"]) == 7
    summary = data["summary"]
    assert (summary["new_leads"], summary["followups"], summary["overdue"]) == (2, 2, 2)
    assert (summary["sla_met"], summary["sla_base"]) == (1, 2)
    assert data["funnel"][:2] == [
        {"stage": "线索", "reached": 2, "conversion": None},
        {"stage": "初筛", "reached": 0, "conversion": 0.0},
    ]
    stages = {s["stage"]: s["count"] for s in data["stages"]}
    assert (stages["线索"], stages["初筛"], stages["报价"]) == (2, 1, 0) and len(stages) == 9
    assert data["by_city"] == [{"name": "上海", "count": 1}, {"name": "苏州", "count": 1}]
    assert data["by_source"] == [{"name": "销售录入", "count": 1}, {"name": "官网表单", "count": 1}]
    assert companies(data["overdue"]) == ["上海华山医院", "无锡一院"] and data["overdue_total"] == 2
    first = data["overdue"][0]
    assert (first["owner"], first["rule"], first["overdue"]) == ("王芳", "首次响应超时", "1天22小时")
    assert data["overdue"][1]["last_note"] == "电话沟通，明天再约"
    assert companies(data["recent"]) == ["苏州仁济医院", "上海华山医院", "无锡一院"]
    assert data["recent"][0]["source"] == "销售录入" and data["recent"][0]["owner"] == "李娜"
    assert [w["week"] for w in data["sla_weeks"]][-2:] == ["3/2", "3/9"] and len(data["sla_weeks"]) == 8
    assert data["sla_weeks"][-1] == {
        "week": "3/9",
        "assigned": 2,
        "breached": 1,
        "met_share": 0.5,
        "followup_breaches": 0,
    }
    reps = {r["name"]: r for r in data["reps"]}
    assert set(reps) == {"张伟", "李娜", "王芳"}
    assert reps["李娜"]["per_day"] == [1, 0, 1, 0, 0, 0, 0]
    assert (reps["李娜"]["followups"], reps["李娜"]["new_leads"]) == (2, 1)
    assert (reps["王芳"]["followups"], reps["王芳"]["new_leads"]) == (0, 1)
    assert data["reps"][0]["name"] == "李娜"  # the busiest first


async def test_a_rep_sees_only_their_own_leads(seeded: TestClient) -> None:
    data = await view(seeded, "lina")

    assert data["viewer"]["scope"] == "我的"
    assert companies(data["overdue"]) == ["无锡一院"]
    assert companies(data["recent"]) == ["苏州仁济医院", "无锡一院"]
    assert [r["name"] for r in data["reps"]] == ["李娜"]
    assert data["summary"]["new_leads"] == 1 and data["by_city"] == [{"name": "苏州", "count": 1}]
    assert data["sla_weeks"][-1]["assigned"] == 1 and data["sla_weeks"][-1]["breached"] == 0
    assert "上海华山医院" not in str(data) and "广州中山医院" not in str(data)


async def test_an_admin_sees_every_team_and_the_month(seeded: TestClient) -> None:
    week = await view(seeded, "boss")
    assert "广州中山医院" in companies(week["recent"]) and week["summary"]["new_leads"] == 3
    assert {r["name"] for r in week["reps"]} >= {"陈杰", "刘洋", "李娜"}

    month = await view(seeded, "boss", range="month")
    assert month["range"]["name"] == "本月" and month["range"]["label"] == "3月1日–3月31日"
    assert len(month["range"]["days"]) == 31 and all(len(r["per_day"]) == 31 for r in month["reps"])
    assert month["summary"]["new_leads"] == 4  # 无锡一院 arrived last week, still this month


async def test_a_visitor_who_is_nobody_gets_a_chinese_explanation(seeded: TestClient) -> None:
    for query in ({}, {"as": "stranger"}):
        response = await seeded.get("/api/dashboard", params=query)
        assert response.status == 403
        assert "看板只对组织架构中的销售、主管和管理员开放" in (await response.json())["error"]
    response = await seeded.get("/api/dashboard", params={"as": "lina", "range": "year"})
    assert response.status == 400 and "本周" in (await response.json())["error"]


async def test_the_viewer_cookie_chooses_the_person(seeded: TestClient) -> None:
    seeded.session.cookie_jar.update_cookies({"salesbot_as": "lina"})
    response = await seeded.get("/api/dashboard")
    assert response.status == 200 and (await response.json())["viewer"]["name"] == "李娜"


async def test_the_page_and_its_assets(seeded: TestClient) -> None:
    page = await seeded.get("/dashboard")
    assert page.status == 200 and page.content_type == "text/html"
    html = await page.text()
    assert "销售看板" in html and 'src="dashboard/dashboard.js"' in html
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    script = await seeded.get("/dashboard/dashboard.js")
    assert script.status == 200 and script.content_type == "application/javascript"
    assert "api/dashboard" in await script.text()
    assert (await seeded.get("/dashboard/dashboard.css")).content_type == "text/css"
    assert (await seeded.get("/dashboard/config.toml")).status == 404


async def test_product_line_isolation_applies(client_for: Client, database_url: str, tmp_path: Path) -> None:
    catalog = Path(__file__).resolve().parents[1] / "fixtures" / "catalog.toml"
    org = ORG.replace(
        'role = "manager"\nteam = "华东一组"', 'role = "manager"\nteam = "华东一组"\nproduct_lines = ["激光"]'
    )
    path = tmp_path / "isolated.toml"
    path.write_text(
        f'[database]\nurl = "{database_url}"\n[catalog]\npath = "{catalog}"\n{org}\n'
        "[org]\nisolate_product_lines = true\n",
        encoding="utf-8",
    )
    client = await client_for(load_config(path, env={}))
    async with client.app[SESSIONS]() as session:
        people = {p.key: p for p in await session.scalars(select(Person))}
        await add_lead(session, people["lina"], "激光客户", products=["激光焊接机"], created_at=NOW - H)
        await add_lead(session, people["wangfang"], "钣金客户", products=["数控折弯机"], created_at=NOW - H)
        await add_lead(session, people["wangfang"], "还没说产品", created_at=NOW - H)
        await session.commit()

    manager, admin = await view(client, "zhangwei"), await view(client, "boss")

    assert companies(manager["recent"]) == ["还没说产品", "激光客户"]  # same time: newest id first
    assert manager["summary"]["new_leads"] == 2
    assert companies(admin["recent"]) == ["还没说产品", "钣金客户", "激光客户"]


def on_host(config: Config, host: str, token: str = "", enabled: str = "auto") -> Config:
    return dataclasses.replace(
        config, server=ServerConfig(host=host), console=ConsoleConfig(enabled=enabled, token=token)
    )


async def test_a_public_server_without_a_token_serves_nobody(client_for: Client, org_config: Config) -> None:
    client = await client_for(on_host(org_config, "0.0.0.0"))
    for path in ("/dashboard", "/api/dashboard?as=boss"):
        assert (await client.get(path)).status == 403
    assert (await client.get("/dashboard/dashboard.js")).status == 200  # code, no data


async def test_with_a_token_only_its_bearer_sees_the_dashboard(
    client_for: Client, org_config: Config
) -> None:
    client = await client_for(on_host(org_config, "0.0.0.0", token="s3cret"))
    assert (await client.get("/dashboard")).status == 401
    assert (await client.get("/api/dashboard", params={"as": "boss", "token": "wrong"})).status == 401
    response = await client.get(
        "/api/dashboard", headers={"Authorization": "Bearer s3cret"}, params={"as": "boss"}
    )
    assert response.status == 200
    assert (await client.get("/dashboard", params={"token": "s3cret"})).status == 200
    assert (await client.get("/api/dashboard", params={"as": "boss", "token": "s3cret"})).status == 200


async def test_a_local_server_answers_only_to_local_host_names(
    client_for: Client, org_config: Config
) -> None:
    client = await client_for(org_config)
    assert (await client.get("/dashboard")).status == 200
    assert (await client.get("/dashboard", headers={"Host": "evil.example:8080"})).status == 403


async def test_console_off_turns_the_dashboard_off(client_for: Client, org_config: Config) -> None:
    client = await client_for(on_host(org_config, "127.0.0.1", enabled="off"))
    assert (await client.get("/dashboard")).status == 404
    assert (await client.get("/api/dashboard", params={"as": "boss"})).status == 404
