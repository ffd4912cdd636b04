"""Digests against the database (SQLite, and PostgreSQL when configured): which are due when (working days,
public holidays, make-up days), the rep's morning list and evening 日报, the one-tap submission, and the
manager's daily and weekly digests with their group copies."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import addressing_for
from bot.config import Config, DigestsConfig
from bot.core.outgoing import queue
from bot.types import Reply
from handlers import buttons, charts, daily_report, digests, log_followup
from handlers.digests import Digest, Due, compose, due_kinds, weekly_day
from nlp import Intent
from storage.leads import add_contact, change_stage, create_lead
from storage.models import Alert, Lead, OutboxMessage, Team
from tests.handlers.sales_fixtures import NOW, SHANGHAI, World, make_world, when

TUESDAY = date(2026, 3, 10)  # NOW's day


def at(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime(day.year, day.month, day.day, int(hours), int(minutes), tzinfo=SHANGHAI)


def kinds(config: Config, when: datetime) -> list[str]:
    return [kind for kind, _ in due_kinds(config, when)]


def test_digests_are_due_from_their_configured_times_on_working_days() -> None:
    config = Config()
    assert kinds(config, at(TUESDAY, "08:29")) == []
    assert kinds(config, at(TUESDAY, "08:30")) == ["morning"]
    assert kinds(config, at(TUESDAY, "09:00")) == ["morning", "manager_daily"]
    assert kinds(config, at(TUESDAY, "23:59")) == ["morning", "evening", "manager_daily"]
    assert due_kinds(config, at(TUESDAY, "23:59"))[0] == ("morning", TUESDAY)
    assert kinds(config, at(date(2026, 3, 9), "09:00")) == ["morning", "manager_daily", "weekly"]  # Monday
    assert kinds(config, at(date(2026, 3, 11), "00:01")) == []  # Tuesday's are not sent on Wednesday


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 14), False),  # a Saturday
        (date(2026, 3, 15), False),  # a Sunday
        (date(2026, 10, 1), False),  # National Day, a Thursday
        (date(2026, 10, 7), False),  # still the National Day holiday, a Wednesday
        (date(2026, 5, 9), True),  # a Saturday worked to make up for Labour Day
        (date(2026, 9, 20), True),  # a Sunday worked to make up for National Day
    ],
)
def test_digests_follow_the_chinese_working_calendar(day: date, working: bool) -> None:
    expected = ["morning", "evening", "manager_daily"] if working else []
    assert kinds(Config(), at(day, "18:00")) == expected


def test_the_weekly_digest_moves_to_the_first_working_day_after_a_holiday_monday() -> None:
    config = Config()
    calendar = digests.BusinessCalendar.from_config(config.sla)
    assert weekly_day(calendar, date(2026, 3, 11), 0) == date(2026, 3, 9)
    # National Day week: Monday 5 to Wednesday 7 October are off, Thursday 8 is a working day.
    assert weekly_day(calendar, date(2026, 10, 6), 0) == date(2026, 10, 8)
    assert "weekly" not in kinds(config, at(date(2026, 10, 5), "10:00"))
    assert "weekly" in kinds(config, at(date(2026, 10, 8), "10:00"))
    assert weekly_day(calendar, date(2026, 3, 11), 5) is None  # "sat": no working day left that week


def test_digests_can_be_turned_off_one_by_one_or_all() -> None:
    config = Config(digests=DigestsConfig(rep_evening="", manager_weekly=""))
    assert kinds(config, at(date(2026, 3, 9), "23:00")) == ["morning", "manager_daily"]
    assert kinds(Config(digests=DigestsConfig(enabled=False)), at(TUESDAY, "23:00")) == []
    holidays_off = dataclasses.replace(Config(), sla=dataclasses.replace(Config().sla, holidays="none"))
    assert kinds(holidays_off, at(date(2026, 10, 1), "08:30")) == ["morning"]


async def lead_of(world: World, who: str | None, company: str, **fields: object) -> Lead:
    person = world.people[who] if who else None
    team_id = person.team_id if person else world.people["zhangwei"].team_id
    lead = await create_lead(
        world.session,
        company=company,
        company_key=company,
        source=str(fields.pop("source", "web")),
        created_at=fields.pop("created_at", NOW - timedelta(days=5)),  # type: ignore[arg-type]
        owner_id=person.id if person else None,
        team_id=team_id,
    )
    phone = fields.pop("phone", None)
    if phone:
        await add_contact(world.session, lead.id, name="王", title="主任", phone=str(phone), now=NOW)
    for name, value in fields.items():
        setattr(lead, name, value)
    await world.session.flush()
    return lead


async def digest(world: World, kind: str, who: str, now: datetime) -> Digest:
    person = world.people[who]
    team = person.team_id if kind in digests.TEAM_KINDS else None
    found = await compose(
        world.session, world.config, Due(kind, person.id, now.astimezone(SHANGHAI).date(), team), now
    )
    assert found is not None
    return await digests.drawn(found)


async def test_the_morning_digest_lists_today_s_follow_ups_and_what_is_overdue(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await lead_of(world, "lina", "苏州仁济医院", phone="13812345678",
                  next_followup_at=at(TUESDAY, "14:00"), next_followup_has_time=True)  # fmt: skip
    await lead_of(world, "lina", "无锡华康医药", first_response_at=NOW - timedelta(days=4),
                  next_followup_at=at(date(2026, 3, 9), "10:00"), next_followup_has_time=True)  # fmt: skip
    await lead_of(world, "wangqiang", "杭州明德口腔", next_followup_at=at(TUESDAY, "15:00"))
    morning = at(TUESDAY, "08:30")

    [reply] = (await digest(world, "morning", "lina", morning)).replies
    assert reply.to == world.people["lina"].id
    assert reply.title == "早上好，李娜：3月10日(周二)的待办"
    assert reply.lines == (
        "今日待跟进 1 个客户：",
        "1. 14:00 苏州仁济医院，王主任 13812345678",
        "超时未跟进 1 条：",
        "1. 无锡华康医药 超时 22小时30分，原定3月9日(周一) 10:00跟进",
    )
    assert reply.dedupe_key == f"digest:morning:{world.people['lina'].id}:2026-03-10"

    [quiet] = (await digest(world, "morning", "zhaolei", morning)).replies
    assert quiet.lines == ("今天没有约定的跟进。", "没有超时的线索，继续保持！")


CALL = "刚和远航物流李总通了电话，他们在和GE比较，周五再联系"
CALL_SLOTS = dict(company="远航物流", contact_name="李", contact_title="总", kind="call",
                  competitors=("GE医疗",), next_followup=when("2026-03-13"))  # fmt: skip
VISIT = "今天上午拜访了苏州仁济医院设备科王主任，对64排CT很感兴趣，预算150万，下周三下午2点再去演示"
VISIT_SLOTS = dict(company="苏州仁济医院", contact_name="王", contact_title="主任", products=("64排CT",),
                   budget=(1_500_000, 1_500_000), kind="visit", stage="需求确认",
                   next_followup=when("2026-03-18", "14:00"))  # fmt: skip


async def log_day(world: World) -> None:
    """李娜's Tuesday: a visit that moves a stage and books a demo, then a call; 王强 logs one of his own."""
    await log_followup.handle(world.ctx("lina", VISIT, **VISIT_SLOTS))  # type: ignore[arg-type]
    world.later(hours=2)
    await log_followup.handle(world.ctx("lina", CALL, **CALL_SLOTS))  # type: ignore[arg-type]
    await log_followup.handle(
        world.ctx("wangqiang", "拜访了杭州明德口腔", company="杭州明德口腔", kind="visit")
    )


async def test_the_evening_draft_is_the_day_s_follow_ups_stage_moves_and_next_steps(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_day(world)
    lina = world.people["lina"]

    draft, card = (await digest(world, "evening", "lina", at(TUESDAY, "17:30"))).replies
    assert draft.title == "李娜 3月10日 工作日报（草稿）"
    assert draft.lines == (
        "今日联系客户 2 家：拜访 1 次、电话 1 次",
        "1. 苏州仁济医院（拜访）王主任："
        "今天上午拜访了苏州仁济医院设备科王主任，对64排CT很感兴趣，预算150万，下…",
        "2. 远航物流（电话）李总：刚和远航物流李总通了电话，他们在和GE比较，周五再联系",
        "阶段推进 1 个：",
        "· 苏州仁济医院 初筛 → 需求确认",
        "下一步 2 项（约定会面 1 个）：",
        "· 3月13日(周五) 远航物流",
        "· 3月18日(周三) 14:00 苏州仁济医院",
    )
    assert card.title == "确认提交今日日报？"
    assert card.lines[:4] == ("联系客户：2 家", "推进阶段：1 个", "约定会面：1 个", "提交给：张伟")
    assert [(b.key, b.label) for b in card.buttons] == [(f"report:{lina.id}:2026-03-10", "确认提交")]
    assert (draft.dedupe_key, card.dedupe_key) == (
        f"digest:evening:{lina.id}:2026-03-10",
        f"digest:evening:{lina.id}:2026-03-10:confirm",
    )


async def test_an_empty_day_still_gets_a_draft_to_confirm(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    draft, card = (await digest(world, "evening", "zhaolei", at(TUESDAY, "17:30"))).replies
    assert draft.lines == ("今天还没有记录跟进。补记后再点「确认提交」，提交的是点击时的记录。",)
    assert card.lines[0] == "联系客户：0 家" and card.buttons


async def click(world: World, who: str, key: str) -> list[Reply]:
    """A button click as the router handles it: the handler's replies queued through the outbox."""
    replies = await buttons.handle(world.ctx(who, key, Intent.OTHER, msg_kind="button"))
    for reply in replies:
        item = await addressing_for(world.config).to_person(world.session, reply)
        await queue(world.session, item, world.clock.now(), dedupe_key=reply.dedupe_key)
    return replies


async def outbox_to(world: World, who: str) -> list[OutboxMessage]:
    rows = await world.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.person_id == world.people[who].id)
        .order_by(OutboxMessage.id)
    )
    return list(rows.all())


async def test_confirming_the_draft_forwards_the_report_to_the_manager_once(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_day(world)
    key = daily_report.confirm_key(world.people["lina"].id, TUESDAY)
    world.later(hours=6)

    forward, answer = await click(world, "lina", key)
    assert forward.to == world.people["zhangwei"].id and forward.title == "李娜 3月10日 工作日报"
    assert forward.lines[0] == "今日联系客户 2 家：拜访 1 次、电话 1 次"
    assert answer.to == world.people["lina"].id
    assert (answer.title, answer.lines) == ("日报已提交", ("3月10日的日报已提交给张伟。",))

    world.later(minutes=1)
    [again] = await click(world, "lina", key)
    assert (again.title, again.lines) == ("日报已提交", ("3月10日的日报已经提交给张伟，无需重复提交。",))
    # Even a forward made twice (two clicks racing) is queued once: the outbox's dedupe key.
    item = await addressing_for(world.config).to_person(session, forward)
    await queue(session, item, world.clock.now(), dedupe_key=forward.dedupe_key)
    [row] = await outbox_to(world, "zhangwei")
    assert row.dedupe_key == f"daily_report:{world.people['lina'].id}:2026-03-10"
    assert row.payload["title"] == "李娜 3月10日 工作日报"


async def test_only_the_owner_may_submit_a_report(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await log_day(world)
    key = daily_report.confirm_key(world.people["lina"].id, TUESDAY)
    for who in ("wangqiang", "zhangwei"):
        [refused] = await click(world, who, key)
        assert refused.to == world.people[who].id
        assert (refused.title, refused.lines) == ("无法提交", (daily_report.NOT_YOURS,))
    assert [row.payload["title"] for row in await outbox_to(world, "zhangwei")] == ["无法提交"]  # no report
    # The other buttons still work beside the new one.
    assert daily_report.parse_confirm_key("contacted:12") is None
    assert buttons.parse_key(key) is None and buttons.parse_key("contacted:12") == ("contacted", 12)


async def alert(world: World, lead: Lead, rule: str, breached_at: datetime, **fields: object) -> None:
    world.session.add(Alert(lead_id=lead.id, rule=rule, breach_key=breached_at.isoformat(), level=0,
                            person_id=lead.owner_id, breached_at=breached_at, sent_at=breached_at,
                            **fields))  # fmt: skip
    await world.session.flush()


async def test_the_manager_s_daily_digest_and_its_masked_group_copy(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    team = await session.get(Team, world.people["zhangwei"].team_id)
    assert team is not None
    team.group_webhook = "team-key"
    late = await lead_of(world, "lina", "苏州恒通精密")
    await alert(world, late, "first_response", NOW - timedelta(hours=3))
    await alert(world, late, "followup_due", NOW - timedelta(days=2), closed_at=NOW - timedelta(days=1))
    await alert(world, await lead_of(world, "vip1", "上海VIP医院"), "first_response", NOW)  # another team's
    monday_morning = at(date(2026, 3, 9), "09:30")
    await lead_of(world, "wangqiang", "杭州明德口腔", phone="13600001111", created_at=monday_morning,
                  source="wecom")  # fmt: skip
    await lead_of(world, None, "常州瑞丰农机", phone="13700002222", created_at=NOW - timedelta(hours=1))
    await lead_of(world, None, "南京老线索", created_at=NOW - timedelta(days=3))  # queued, not new
    await lead_of(world, "lina", "昨天之前的线索", created_at=at(date(2026, 3, 9), "08:59"))

    found = await digest(world, "manager_daily", "zhangwei", NOW)
    [reply] = found.replies
    assert reply.to == world.people["zhangwei"].id and reply.title == "华东一组 3月10日 团队日报"
    assert reply.lines == (
        "未处理的超时 1 条：",
        "1. 苏州恒通精密（李娜）首次响应超时，已超时 3小时",
        "新线索 2 条：",
        "1. 杭州明德口腔（企业微信），王主任 13600001111，负责人：王强",
        "2. 常州瑞丰农机（官网表单），王主任 13700002222，待分配",
        "待分配 2 条（在主管队列里）：",
        "1. 南京老线索（官网表单），已等待 3天",
        "2. 常州瑞丰农机（官网表单），王主任 13700002222，已等待 1小时",
    )
    [post] = found.group
    assert post.webhook == "team-key" and post.reply.to is None
    assert post.reply.dedupe_key == f"{reply.dedupe_key}:group"
    shared = "\n".join(post.reply.lines)
    assert "136****1111" in shared and "137****2222" in shared
    assert "13600001111" not in shared and "13700002222" not in shared


async def test_the_group_copy_masks_phones_typed_into_names_and_companies(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    team = await session.get(Team, world.people["zhangwei"].team_id)
    assert team is not None
    team.group_webhook = "team-key"
    lead = await lead_of(world, None, "常州瑞丰 13700002222", created_at=NOW)
    await add_contact(world.session, lead.id, name="刘+86 139 5311 2288", phone="051988881234", now=NOW)
    found = await digest(world, "manager_daily", "zhangwei", NOW)
    [post] = found.group
    shared = "\n".join((post.reply.title, *post.reply.lines))
    assert "常州瑞丰 137****2222" in shared and "刘139****2288" in shared
    assert "051*****1234" in shared
    for number in ("13700002222", "13953112288", "051988881234"):  # however its digits are grouped
        assert not re.search(r"[\s\-]?".join(number), shared), shared


async def test_the_weekly_digest_has_the_funnel_sla_compliance_and_a_chart(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    team = await session.get(Team, world.people["zhangwei"].team_id)
    assert team is not None
    team.group_webhook = "team-key"
    week_day = at(date(2026, 3, 3), "10:00")  # last week's Tuesday
    lina = world.people["lina"]
    answered = await lead_of(world, "lina", "苏州仁济医院", created_at=week_day, assigned_at=week_day,
                             first_response_at=week_day + timedelta(minutes=10))  # fmt: skip
    late = await lead_of(world, "lina", "无锡华康医药", created_at=week_day, assigned_at=week_day,
                         first_response_at=week_day + timedelta(hours=5))  # fmt: skip
    await lead_of(world, "wangqiang", "杭州明德口腔", created_at=week_day, assigned_at=week_day)
    for stage in ("初筛", "需求确认", "方案演示"):
        await change_stage(session, answered, stage, person_id=lina.id, at=week_day + timedelta(days=1))
    await alert(
        world, late, "first_response", week_day + timedelta(hours=2), closed_at=week_day + timedelta(hours=5)
    )
    await alert(world, late, "followup_due", week_day + timedelta(days=2))
    monday = at(date(2026, 3, 9), "09:00")

    found = await digest(world, "weekly", "zhangwei", monday)
    report, chart = found.replies
    assert report.title == "华东一组 周报 3月2日–3月8日"
    assert "新增线索 3 条" in report.lines
    assert "漏斗：线索 3 → 初筛 1(33%) → 需求确认 1(100%) → 方案演示 1(100%) → 报价 0(0%)" in report.lines
    assert not any(line.startswith("首次响应达标") for line in report.lines)  # the alert table's, below
    assert report.lines[-1] == "SLA：首次响应达标 67%（2/3），约定跟进逾期 1 次，目前未处理的超时 1 条"
    assert chart.image is not None and chart.image.startswith(b"\x89PNG\r\n\x1a\n")
    assert chart.dedupe_key == f"{report.dedupe_key}:chart"
    assert [p.reply.dedupe_key for p in found.group] == [
        f"{report.dedupe_key}:group",
        f"{chart.dedupe_key}:group",
    ]


async def test_without_a_cjk_font_the_weekly_numbers_still_go_out(
    session: AsyncSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    world = await make_world(session, tmp_path)

    def no_font(names: tuple[str, ...] = charts.CJK_FONTS) -> str:
        raise charts.ChartFontMissing("no font that can draw Chinese; apt-get install fonts-wqy-zenhei")

    monkeypatch.setattr(charts, "find_cjk_font", no_font)
    found = await digest(world, "weekly", "zhangwei", at(date(2026, 3, 9), "09:00"))
    [report] = found.replies
    assert report.title == "华东一组 周报 3月2日–3月8日" and report.image is None
    assert "weekly chart not drawn" in caplog.text and "fonts-wqy-zenhei" in caplog.text
