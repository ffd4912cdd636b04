"""The rep's 日报 (daily report), drafted from what they logged that day and submitted with one tap.

The evening digest sends the draft and a card whose 「确认提交」 button has the key
"report:<person id>:<YYYY-MM-DD>". The click (routed here by handlers/buttons) drafts the report again from
the records as they are then, so a follow-up logged after the draft is in it, and forwards it to the team
manager once: the forward's outbox dedupe key makes a second click, or a second instance, send nothing.
Only the report's owner may submit it.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Reply
from handlers.assignment import team_manager
from handlers.cards import KIND_LABELS, next_followup_text
from handlers.context import Context
from handlers.format import cut, fmt_days, local_day_bounds, truncate
from handlers.lead_records import ENTERED  # a record of a lead the rep entered, no contact
from storage.digests import LoggedFollowUp, find_logged_day
from storage.models import Lead, Person
from storage.outbox import existing_dedupe_keys

log = logging.getLogger("salesbot.handlers.daily_report")

ACTION = "report"
CONFIRM_LABEL = "确认提交"
SUBMITTED = "日报已提交"
NOT_YOURS = "这份日报属于别人，只有本人可以提交。"
NO_MANAGER = "你的团队没有配置主管，日报无法提交，请联系管理员。"
LIST_LIMIT = 20  # follow-ups listed in full; a busy day's rest is counted


def confirm_key(person_id: int, day: date) -> str:
    return f"{ACTION}:{person_id}:{day.isoformat()}"


def parse_confirm_key(key: str) -> tuple[int, date] | None:
    """(owner's person id, the report's day), or None for any other key."""
    action, _, rest = key.strip().partition(":")
    person_id, _, day = rest.partition(":")
    if action != ACTION or not person_id.isdigit() or len(person_id) > 18:
        return None
    try:
        return int(person_id), date.fromisoformat(day)
    except ValueError:
        return None


def submitted_key(person_id: int, day: date) -> str:
    """The outbox dedupe key of the forward to the manager: one per person and day, ever."""
    return f"daily_report:{person_id}:{day.isoformat()}"


@dataclass(frozen=True, slots=True)
class Report:
    lines: tuple[str, ...]
    customers: int  # distinct customers contacted
    moves: int  # stage moves made
    meetings: int  # next contacts booked at a set time


def _who(item: LoggedFollowUp) -> str:
    contact = item.contact
    if contact is None:
        return ""
    name, title = contact.name or "", contact.title or ""
    return f"{name}{title}" if len(name) <= 1 else f"{name} {title}".strip()


def _followup_line(i: int, item: LoggedFollowUp) -> str:
    kind = KIND_LABELS.get(item.followup.kind or "", "跟进")
    who = _who(item)
    return f"{i}. {item.lead.company}（{kind}）{who + '：' if who else ''}{truncate(item.followup.text, 40)}"


async def draft(session: AsyncSession, person: Person, day: date, tz: ZoneInfo) -> Report:
    """The report of `person`'s `day` (local), from their follow-ups and stage moves of that day."""
    start, end = local_day_bounds(day, day, tz)
    logged = await find_logged_day(session, person.id, start, end)
    contacts = [item for item in logged.followups if item.followup.kind != ENTERED]
    entered = [item for item in logged.followups if item.followup.kind == ENTERED]
    if not logged.followups and not logged.stage_moves:
        return Report(("今天还没有记录跟进。补记后再点「确认提交」，提交的是点击时的记录。",), 0, 0, 0)

    customers = {item.lead.id for item in contacts}
    kinds = Counter(KIND_LABELS.get(item.followup.kind or "", "其他") for item in contacts)
    by_kind = "、".join(f"{label} {n} 次" for label, n in kinds.most_common())
    lines = [f"今日联系客户 {len(customers)} 家" + (f"：{by_kind}" if by_kind else "")]
    lines += cut([_followup_line(i, item) for i, item in enumerate(contacts, 1)], LIST_LIMIT)
    if entered:
        names = "、".join(dict.fromkeys(item.lead.company for item in entered))
        lines.append(f"新录入线索 {len(entered)} 条：{names}")
    moves = logged.stage_moves
    if moves:
        lines.append(f"阶段推进 {len(moves)} 个：")
        lines += [f"· {m.lead.company} {m.change.from_stage or '—'} → {m.change.to_stage}" for m in moves]
    # The plan each customer touched today has now: a correction or a later answer may have moved it.
    leads: dict[int, Lead] = {item.lead.id: item.lead for item in logged.followups}
    planned = sorted(
        (lead for lead in leads.values() if lead.next_followup_at and lead.next_followup_at >= start),
        key=lambda lead: (lead.next_followup_at, lead.id),
    )
    meetings = sum(1 for lead in planned if lead.next_followup_has_time)
    if planned:
        lines.append(f"下一步 {len(planned)} 项（约定会面 {meetings} 个）：")
        lines += [f"· {next_followup_text(lead, tz)} {lead.company}" for lead in planned]
    return Report(tuple(lines), len(customers), len(moves), meetings)


async def confirm(ctx: Context) -> list[Reply]:
    """The 「确认提交」 click: forward the report to the team manager once and tell the rep."""
    person, parsed = ctx.person, parse_confirm_key(ctx.message.text)
    if person is None or parsed is None:
        return []
    owner_id, day = parsed
    if owner_id != person.id:
        log.info("report confirm refused: not the owner person_id=%s owner_id=%s", person.id, owner_id)
        return [Reply(to=person.id, title="无法提交", lines=(NOT_YOURS,))]
    manager = await team_manager(ctx.session, person.team_id)
    if manager is None:
        return [Reply(to=person.id, title="无法提交", lines=(NO_MANAGER,))]
    key, days = submitted_key(person.id, day), fmt_days(day, day)
    if await existing_dedupe_keys(ctx.session, [key]):
        again = f"{days}的日报已经提交给{manager.name}，无需重复提交。"
        return [Reply(to=person.id, title=SUBMITTED, lines=(again,))]
    report = await draft(ctx.session, person, day, ctx.config.tz)
    log.info("daily report submitted person_id=%s day=%s manager_id=%s", person.id, day, manager.id)
    return [
        Reply(to=manager.id, title=f"{person.name} {days} 工作日报", lines=report.lines, dedupe_key=key),
        Reply(to=person.id, title=SUBMITTED, lines=(f"{days}的日报已提交给{manager.name}。",)),
    ]
