"""Scheduled digests on working days, at the local times of [digests]:

- morning (each rep): today's follow-ups and what is overdue;
- evening (each rep): the day's 日报 drafted from their records, with a card to submit it in one tap;
- manager_daily (each team manager, and the team's group robot with phones masked): open SLA breaches,
  new leads since the last working day's digest, and leads waiting unassigned in the queue;
- weekly (each team manager, and the group): last week's numbers, funnel and SLA compliance, with a chart.

The clock and the calendar say which digests are due; the outbox's unique dedupe key
"digest:<kind>:<person id>:<local date>" says whether one went out. So a second tick, a restart or a
second instance sends nothing more, a digest missed while the bot was down goes out once when it comes
back the same day, and a day that has passed is never sent late.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, parse_clock, parse_weekly
from bot.types import Button, Reply
from handlers import charts, daily_report, query_stats, rights
from handlers.assignment import team_manager
from handlers.business_time import BusinessCalendar
from handlers.cards import contact_text, source_text
from handlers.format import cut, fmt_days, fmt_duration, fmt_time, local_day_bounds, mask_phones, percent
from handlers.query_overdue import overdue_line
from handlers.query_today import due_line
from handlers.sla import RULE_LABELS
from storage.dashboard import sla_by_week
from storage.digests import (
    WaitingLead,
    find_active_reps,
    find_new_leads,
    find_open_breaches,
    find_queued_leads,
    find_team_managers,
)
from storage.models import Person, Team
from storage.outbox import existing_dedupe_keys
from storage.queries import compute_stats, find_due_followups, find_overdue_leads

log = logging.getLogger("salesbot.handlers.digests")

REP_KINDS = ("morning", "evening")
TEAM_KINDS = ("manager_daily", "weekly")
SLA_WEEKS = 4  # weeks of first-response compliance in the weekly chart


@dataclass(frozen=True, slots=True)
class Due:
    """A digest that is due now and has not gone out."""

    kind: str
    person_id: int
    day: date  # the local day it is for
    team_id: int | None = None  # the team, for a manager's digests

    @property
    def key(self) -> str:
        return digest_key(self.kind, self.person_id, self.day)


def digest_key(kind: str, person_id: int, day: date) -> str:
    return f"digest:{kind}:{person_id}:{day.isoformat()}"


@dataclass(frozen=True, slots=True)
class GroupPost:
    """A copy for a team's group robot: anyone in the group reads it, so phones are masked."""

    webhook: str  # as configured: the robot's key or its webhook URL
    team: str  # whose group: what the log says instead of the robot's key, a secret
    reply: Reply


@dataclass(frozen=True, slots=True)
class Chart:
    """The weekly chart to draw, and where it goes: drawn apart from composing (see `drawn`)."""

    reply: Reply  # its image still to come
    funnel: tuple[tuple[str, int], ...]
    sla_weeks: tuple[tuple[str, float | None], ...]
    group_webhook: str | None
    team: str


@dataclass(frozen=True, slots=True)
class Digest:
    """What one digest sends: every reply carries a dedupe key, and the first one's decides whether the
    digest goes out at all."""

    replies: tuple[Reply, ...]
    group: tuple[GroupPost, ...] = ()
    chart: Chart | None = None


def weekly_day(calendar: BusinessCalendar, day: date, weekday: int) -> date | None:
    """When the weekly digest is due in `day`'s week: the configured weekday, or the first working day
    after it in the same week when it is a holiday; None when the rest of the week is off."""
    monday = day - timedelta(days=day.weekday())
    for offset in range(weekday, 7):
        candidate = monday + timedelta(days=offset)
        if calendar.is_workday(candidate):
            return candidate
    return None


def due_kinds(config: Config, now: datetime) -> list[tuple[str, date]]:
    """The kinds of digest due at `now`, each with the local day it is for (always today)."""
    settings = config.digests
    if not settings.enabled:
        return []
    calendar = BusinessCalendar.from_config(config.sla)
    local = now.astimezone(calendar.tz)
    today, clock = local.date(), local.time()
    found: list[tuple[str, date]] = []
    if calendar.is_workday(today):
        daily = (
            ("morning", settings.rep_morning),
            ("evening", settings.rep_evening),
            ("manager_daily", settings.manager_daily),
        )
        found += [(kind, today) for kind, at in daily if at and clock >= parse_clock(at)]
    if settings.manager_weekly:
        weekday, at = parse_weekly(settings.manager_weekly)
        if weekly_day(calendar, today, weekday) == today and clock >= at:
            found.append(("weekly", today))
    return found


async def pending(session: AsyncSession, config: Config, now: datetime) -> list[Due]:
    """The digests due at `now` that have not been queued yet (one indexed read for all of them)."""
    kinds = due_kinds(config, now)
    if not kinds:
        return []
    reps = await find_active_reps(session) if any(k in REP_KINDS for k, _ in kinds) else []
    managers = await find_team_managers(session) if any(k in TEAM_KINDS for k, _ in kinds) else []
    due: list[Due] = []
    for kind, day in kinds:
        if kind in REP_KINDS:
            due += [Due(kind, rep.id, day) for rep in reps]
        else:
            due += [Due(kind, manager.id, day, team.id) for manager, team in managers]
    sent = await existing_dedupe_keys(session, [d.key for d in due])
    return [d for d in due if d.key not in sent]


async def compose(
    session: AsyncSession,
    config: Config,
    due: Due,
    now: datetime,
    catalog: rights.ProductLines | None = None,
) -> Digest | None:
    """The replies of one due digest; None when its recipient is gone."""
    person = await session.get(Person, due.person_id)
    if person is None or not person.active:
        return None
    if due.kind == "morning":
        return await _morning(session, config, person, due, now, catalog)
    if due.kind == "evening":
        return await _evening(session, config, person, due)
    team = await session.get(Team, due.team_id) if due.team_id is not None else None
    if team is None:
        return None
    seen = rights.visibility(person, "team", config.org.isolate_product_lines, catalog)
    if due.kind == "manager_daily":
        return await _manager_daily(session, config, person, team, seen, due, now)
    return await _weekly(session, config, person, team, seen, due, now)


def _group(webhook: str | None, team: str, reply: Reply) -> tuple[GroupPost, ...]:
    """The team group's copy of a reply. Its contacts' phone fields are masked by the caller; any number
    typed into free text (a name, a company) is masked here, on every line of every group post."""
    if not webhook:
        return ()
    shared = dataclasses.replace(
        reply,
        to=None,
        title=mask_phones(reply.title),
        lines=tuple(mask_phones(line) for line in reply.lines),
        dedupe_key=f"{reply.dedupe_key}:group",
    )
    return (GroupPost(webhook, team, shared),)


async def _morning(
    session: AsyncSession,
    config: Config,
    person: Person,
    due: Due,
    now: datetime,
    catalog: rights.ProductLines | None,
) -> Digest:
    tz = config.tz
    mine = rights.visibility(person, "me", config.org.isolate_product_lines, catalog)
    start, end = local_day_bounds(due.day, due.day, tz)
    today = await find_due_followups(session, mine.where, start, end, mine.keep)
    late = await find_overdue_leads(session, mine.where, now, config.sla.first_response, tz, mine.keep)
    lines: list[str] = []
    if today:
        lines.append(f"今日待跟进 {len(today)} 个客户：")
        items = enumerate(today, 1)
        lines += cut([due_line(i, item, tz, one_day=True, show_owner=False, mask=False) for i, item in items])
    else:
        lines.append("今天没有约定的跟进。")
    if late:
        lines.append(f"超时未跟进 {len(late)} 条：")
        lines += cut([overdue_line(i, item, tz, False) for i, item in enumerate(late, 1)])
    else:
        lines.append("没有超时的线索，继续保持！")
    title = f"早上好，{person.name}：{fmt_time(start, tz, with_time=False)}的待办"
    return Digest((Reply(to=person.id, title=title, lines=tuple(lines), dedupe_key=due.key),))


async def _evening(session: AsyncSession, config: Config, person: Person, due: Due) -> Digest:
    report = await daily_report.draft(session, person, due.day, config.tz)
    days = fmt_days(due.day, due.day)
    manager = await team_manager(session, person.team_id)
    lines = report.lines if manager is not None else (*report.lines, daily_report.NO_MANAGER)
    draft = Reply(
        to=person.id, title=f"{person.name} {days} 工作日报（草稿）", lines=lines, dedupe_key=due.key
    )
    if manager is None:
        return Digest((draft,))
    card = Reply(
        to=person.id,
        title="确认提交今日日报？",
        lines=(
            f"联系客户：{report.customers} 家",
            f"推进阶段：{report.moves} 个",
            f"约定会面：{report.meetings} 个",
            f"提交给：{manager.name}",
            "核对上一条草稿，无误请点「确认提交」。提交的是点击时的记录，补记后再点也可以。",
        ),
        buttons=(Button(daily_report.confirm_key(person.id, due.day), daily_report.CONFIRM_LABEL),),
        dedupe_key=f"{due.key}:confirm",
    )
    return Digest((draft, card))


def _since(config: Config, day: date) -> datetime:
    """When the previous working day's manager digest was due: new leads are counted from then, so
    Monday's digest covers the weekend and the day after a holiday covers the holiday."""
    calendar = BusinessCalendar.from_config(config.sla)
    before = day - timedelta(days=1)
    for _ in range(31):
        if calendar.is_workday(before):
            break
        before -= timedelta(days=1)
    at = parse_clock(config.digests.manager_daily) if config.digests.manager_daily else time(0)
    return datetime.combine(before, at, calendar.tz)


def _waiting_line(i: int, item: WaitingLead, now: datetime, *, queued: bool, mask: bool) -> str:
    lead = item.lead
    who = contact_text(item.contact, masked=mask) if item.contact is not None else ""
    parts = [f"{i}. {lead.company}（{source_text(lead.source)}）"]
    if who:
        parts.append(who)
    if queued:
        parts.append(f"已等待 {fmt_duration(now - lead.created_at)}")
    else:
        parts.append(f"负责人：{item.owner_name}" if item.owner_name else "待分配")
    return "，".join(parts)


async def _manager_daily(
    session: AsyncSession,
    config: Config,
    person: Person,
    team: Team,
    seen: rights.Visibility,
    due: Due,
    now: datetime,
) -> Digest:
    breaches = await find_open_breaches(session, seen.where, seen.keep)
    new = await find_new_leads(session, seen.where, _since(config, due.day), now, seen.keep)
    queued = await find_queued_leads(session, seen.where, seen.keep)

    def lines(mask: bool) -> tuple[str, ...]:
        out = [f"未处理的超时 {len(breaches)} 条" + ("：" if breaches else "")]
        out += cut(
            [
                f"{i}. {b.lead.company}（{b.owner_name or '未分配'}）{RULE_LABELS.get(b.rule, b.rule)}，"
                f"已超时 {fmt_duration(now - b.breached_at)}"
                for i, b in enumerate(breaches, 1)
            ]
        )
        out.append(f"新线索 {len(new)} 条" + ("：" if new else ""))
        out += cut([_waiting_line(i, w, now, queued=False, mask=mask) for i, w in enumerate(new, 1)])
        out.append(f"待分配 {len(queued)} 条" + ("（在主管队列里）：" if queued else ""))
        out += cut([_waiting_line(i, w, now, queued=True, mask=mask) for i, w in enumerate(queued, 1)])
        return tuple(out)

    title = f"{team.name} {fmt_days(due.day, due.day)} 团队日报"
    reply = Reply(to=person.id, title=title, lines=lines(mask=False), dedupe_key=due.key)
    shared = dataclasses.replace(reply, lines=lines(mask=True))
    return Digest((reply,), _group(team.group_webhook, team.name, shared))


async def _weekly(
    session: AsyncSession,
    config: Config,
    person: Person,
    team: Team,
    seen: rights.Visibility,
    due: Due,
    now: datetime,
) -> Digest:
    """Last week (Monday to Sunday) of the team. SLA compliance is read from the alert table, which holds
    what the SLA scan judged in business time, rather than the chat answer's plain elapsed time."""
    tz = config.tz
    first = due.day - timedelta(days=due.day.weekday() + 7)
    last = first + timedelta(days=6)
    start, end = local_day_bounds(first, last, tz)
    limits = config.sla.first_response
    stats = await compute_stats(session, seen.where, start, end, now, limits, seen.keep, rank=True)
    weeks = await sla_by_week(session, seen.where, first, SLA_WEEKS, tz, seen.keep)
    still_open = await find_open_breaches(session, seen.where, seen.keep)
    week = weeks[-1]
    met = week.assigned - week.breached
    lines = query_stats.render(dataclasses.replace(stats, sla_met=0, sla_base=0))
    sla = (
        f"首次响应达标 {percent(met, week.assigned)}（{met}/{week.assigned}）"
        if week.assigned
        else "无新分配线索"
    )
    lines.append(
        f"SLA：{sla}，约定跟进逾期 {week.followup_breaches} 次，目前未处理的超时 {len(still_open)} 条"
    )
    title = f"{team.name} 周报 {fmt_days(first, last)}"
    report = Reply(to=person.id, title=title, lines=tuple(lines), dedupe_key=due.key)
    chart = Chart(
        Reply(to=person.id, title=title, dedupe_key=f"{due.key}:chart"),
        tuple((step.stage, step.reached) for step in stats.funnel),
        tuple((fmt_days(w.monday, w.monday), w.met_share) for w in weeks),
        team.group_webhook,
        team.name,
    )
    return Digest((report,), _group(team.group_webhook, team.name, report), chart)


async def drawn(digest: Digest) -> Digest:
    """The digest with its chart drawn into an image reply (and the group's copy). Drawn in a worker
    thread and meant to be called with no transaction open: the first drawing loads matplotlib, which
    takes seconds. Without a CJK font the numbers still go out, and the log says what to install."""
    chart = digest.chart
    if chart is None:
        return digest
    try:
        png = await asyncio.to_thread(charts.weekly_chart, chart.reply.title, chart.funnel, chart.sla_weeks)
    except charts.ChartFontMissing as e:
        log.error("weekly chart not drawn: %s", e)
        return dataclasses.replace(digest, chart=None)
    image = dataclasses.replace(chart.reply, image=png)
    return Digest((*digest.replies, image), (*digest.group, *_group(chart.group_webhook, chart.team, image)))
