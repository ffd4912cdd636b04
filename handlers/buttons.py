"""Card button clicks: the message text is the button key, "<action>:<lead id>".

- contacted: the owner (or their manager) has reached the customer; stops the first-response clock.
- snooze: the next follow-up moves to the next working day ([sla] business_days and holidays),
  keeping its time of day.
- amend (改一下 on a follow-up card): the next message within the correction window corrects the
  writer's last record on the lead, even without "不对" (handlers.log_followup).
- reassign: a rep asks their manager to give the lead to someone else, with the assignment
  rules' suggestion; a manager's (or admin's) click hands it to that suggestion.

One key names no lead: "report:<person id>:<date>" submits that day's 日报 (handlers/daily_report).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.config import Config
from bot.types import Button, Reply
from handlers import daily_report, log_followup
from handlers.assignment import choose_owner, load_candidates, load_teams, team_manager
from handlers.business_time import BusinessCalendar
from handlers.cards import assignment_card, local_time, next_followup_text
from handlers.context import Context
from handlers.grading import LeadFacts
from handlers.lead_lookup import TAKEN, may_change
from handlers.reassign_lead import QUEUED
from handlers.rights import lines_for
from handlers.sla import refresh_cold_at
from storage.leads import get_lead
from storage.models import Lead, Person

log = logging.getLogger("salesbot.handlers.buttons")

EXAMPLES: tuple[str, ...] = ()  # clicked, never typed
ACTIONS = ("contacted", "snooze", "reassign", "amend")
EXPIRED = ("这个按钮已失效，请直接发消息告诉我。",)


def parse_key(key: str) -> tuple[str, int] | None:
    action, _, lead_id = key.strip().partition(":")
    if action not in ACTIONS or not lead_id.isdigit() or len(lead_id) > 18:
        return None
    return action, int(lead_id)


def next_business_day(when: datetime, config: Config) -> datetime:
    """The same local time on the next working day (weekends, public holidays and make-up days as
    the SLA clocks count them)."""
    calendar = BusinessCalendar.from_config(config.sla)
    local = when.astimezone(config.tz)
    for step in range(1, 31):
        candidate = local + timedelta(days=step)
        if calendar.is_workday(candidate.date()):
            return candidate
    return local + timedelta(days=1)  # pragma: no cover - no working day in a month: a config mistake


async def handle(ctx: Context) -> list[Reply]:
    if daily_report.parse_confirm_key(ctx.message.text) is not None:
        return await daily_report.confirm(ctx)
    person = ctx.person
    parsed = parse_key(ctx.message.text)
    if person is None or parsed is None:
        log.info("unusable button click key=%r person=%s", ctx.message.text[:100], person and person.id)
        return [] if person is None else [Reply(to=person.id, title="按钮已失效", lines=EXPIRED)]
    action, lead_id = parsed
    lead = await get_lead(ctx.session, lead_id)
    if lead is None:
        return [Reply(to=person.id, title="按钮已失效", lines=EXPIRED)]
    if not await may_change(ctx.session, person, lead, lines_for(ctx, person)):
        return [Reply(to=person.id, title="无法操作", lines=(TAKEN,))]
    at = ctx.message.sent_at
    if action == "amend":
        return await log_followup.await_correction(ctx, person, lead)
    if action == "contacted":
        if lead.owner_id is None and person.role == "rep":  # taken from the team's queue
            lead.owner_id, lead.team_id, lead.assigned_at = person.id, person.team_id or lead.team_id, at
        lead.first_response_at = lead.first_response_at or at
        lead.last_contact_at = max(lead.last_contact_at or at, at)
        await refresh_cold_at(ctx.session, lead, ctx.config)
        await ctx.session.flush()
        lines = (
            f"客户：{lead.company}",
            f"联系时间：{local_time(at, ctx.config.tz)}",
            "别忘了记录跟进内容。",
        )
        return [Reply(to=person.id, title="已记录联系", lines=lines)]
    if action == "snooze":
        lead.next_followup_at = next_business_day(lead.next_followup_at or at, ctx.config)
        await ctx.session.flush()
        lines = (f"客户：{lead.company}", f"下次跟进：{next_followup_text(lead, ctx.config.tz)}")
        return [Reply(to=person.id, title="已推迟一个工作日", lines=lines)]
    return await _reassign(ctx, person, lead)


async def _pick_other(ctx: Context, lead: Lead) -> tuple[Person | None, str]:
    """Whom the assignment rules pick when the current owner is left out, and why."""
    candidates = [c for c in await load_candidates(ctx.session) if c.person_id != lead.owner_id]
    teams = {t.name: t.id for t in await load_teams(ctx.session)}
    facts = LeadFacts(None, lead.product_line, lead.source, lead.city)
    choice = choose_owner(facts, lead.grade or "", candidates, ctx.config.assignment, teams)
    pick = await ctx.session.get(Person, choice.owner_id) if choice.owner_id is not None else None
    return pick, choice.reason


async def _reassign(ctx: Context, person: Person, lead: Lead) -> list[Reply]:
    """A rep asks their manager; a manager (or admin) hands the lead to the rules' next pick."""
    owner = await ctx.session.get(Person, lead.owner_id) if lead.owner_id is not None else None
    pick, reason = await _pick_other(ctx, lead)
    if person.role == "rep":
        if lead.owner_id != person.id:
            # A lead waiting in a queue (or in none) is the manager's to hand out, as in chat
            # (handlers.reassign_lead): asking about it would show it to a manager who may not see it.
            return [Reply(to=person.id, title="无法转交", lines=(QUEUED,))]
        manager = await team_manager(ctx.session, lead.team_id or person.team_id)
        if manager is None:
            log.warning("reassign asked with no manager to tell lead_id=%s", lead.id)
            return [Reply(to=person.id, title="无法转交", lines=("你的团队没有配置主管，请联系管理员。",))]
        log.info("reassign asked lead_id=%s by person_id=%s manager_id=%s", lead.id, person.id, manager.id)
        suggestion = f"建议：{pick.name}（{reason}）" if pick else "建议：暂无合适人选"
        lines = (f"客户：{lead.company}", f"阶段：{lead.stage}", suggestion, "点「转给别人」按建议转交。")
        buttons = (Button(f"reassign:{lead.id}", "转给别人"),)
        return [
            Reply(
                to=person.id,
                title="已请主管重新分配",
                lines=(f"客户：{lead.company}", f"已通知{manager.name}。"),
            ),
            Reply(to=manager.id, title=f"{person.name}请求转交线索", lines=lines, buttons=buttons),
        ]
    if pick is None:
        lines = (f"客户：{lead.company}", f"没有合适的人选（{reason}），请调整分配规则或负载上限。")
        return [Reply(to=person.id, title="无法转交", lines=lines)]
    lead.owner_id, lead.team_id, lead.assigned_at = pick.id, pick.team_id, ctx.message.sent_at
    await ctx.session.flush()
    log.info(
        "lead reassigned lead_id=%s from=%s to=%s by=%s", lead.id, owner and owner.id, pick.id, person.id
    )
    replies = [
        Reply(to=person.id, title="已转交", lines=(f"客户：{lead.company}", f"新负责人：{pick.name}")),
        assignment_card(pick.id, lead, "、".join(lead.products or []), f"{person.name}转交，{reason}"),
    ]
    if owner is not None and owner.id != person.id:
        lines = (f"客户：{lead.company}", f"已由{person.name}转给{pick.name}。")
        replies.append(Reply(to=owner.id, title="线索已转交", lines=lines))
    return replies
