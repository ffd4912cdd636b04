"""query_today: follow-ups due in the asked period (default today): who to call and what was said last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.types import PermissionDenied, Reply
from handlers import rights
from handlers.format import cut, fmt_days, fmt_time, local_day_bounds, mask_phone, period_days, truncate
from storage.queries import DueFollowUp, find_due_followups

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from handlers.context import Context

EXAMPLES: tuple[str, ...] = ("今天要跟进哪些客户", "明天要拜访谁？", "周五安排了哪些跟进")


def due_line(i: int, item: DueFollowUp, tz: ZoneInfo, *, one_day: bool, show_owner: bool, mask: bool) -> str:
    lead, contact = item.lead, item.contact
    assert lead.next_followup_at is not None
    if lead.next_followup_has_time:
        local = lead.next_followup_at.astimezone(tz)
        when = f"{local:%H:%M} " if one_day else fmt_time(lead.next_followup_at, tz) + " "
    else:
        when = "" if one_day else fmt_time(lead.next_followup_at, tz, with_time=False) + " "
    parts = [f"{i}. {when}{lead.company}"]
    if show_owner:
        parts[0] += f"（{item.owner_name or '未分配'}）"
    if contact is not None:
        person = f"{contact.name or ''}{contact.title or ''}"
        phone = mask_phone(contact.phone) if mask else contact.phone or ""
        if person or phone:
            parts.append(" ".join(p for p in (person, phone) if p))
    if item.last_note is not None:
        parts.append(f"上次：{truncate(item.last_note.text, 30)}")
    return "，".join(parts)


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    try:
        seen = rights.visibility_for(ctx, person, ctx.extraction.scope)
    except PermissionDenied as denied:
        return [rights.refusal(denied, person.id)]
    tz = ctx.config.tz
    first, last = period_days(ctx.extraction.period, ctx.clock.now(), tz, "today")
    start, end = local_day_bounds(first, last, tz)
    found = await find_due_followups(ctx.session, seen.where, start, end, seen.keep)
    days = fmt_days(first, last)
    if not found:
        return [
            Reply(
                to=person.id,
                title=f"{days}没有待跟进的客户",
                lines=("可以发“我的超时线索”看看有没有落下的。",),
            )
        ]
    show_owner = not rights.is_own_scope(person, ctx.extraction.scope)
    mask = ctx.message.chat_id is not None  # asked in a group chat: the answer is read by the group
    lines = [
        due_line(i, item, tz, one_day=first == last, show_owner=show_owner, mask=mask)
        for i, item in enumerate(found, 1)
    ]
    title = f"{rights.scope_label(person, ctx.extraction.scope)}{days}待跟进 {len(found)} 个客户"
    return [Reply(to=person.id, title=title, lines=cut(lines))]
