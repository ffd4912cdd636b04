"""query_overdue: the asker's (or a manager's team's) leads that are late now, most overdue first.

Late means a planned follow-up passed with nothing logged since, or an assigned lead never answered
within its first-response limit (plain elapsed time; business-hour SLA clocks live in handlers/sla).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.types import PermissionDenied, Reply
from handlers import rights
from handlers.format import cut, fmt_duration, fmt_time, truncate
from storage.queries import OverdueLead, find_overdue_leads

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from handlers.context import Context

EXAMPLES: tuple[str, ...] = ("我的超时线索", "我们团队哪些线索过了跟进时间还没跟？")


def overdue_line(i: int, item: OverdueLead, tz: ZoneInfo, show_owner: bool) -> str:
    lead = item.lead
    who = f"（{item.owner_name or '未分配'}）" if show_owner else ""
    if item.rule == "first_response":
        what = "分配后还没首次联系"
    else:
        assert lead.next_followup_at is not None
        when = fmt_time(lead.next_followup_at, tz, with_time=lead.next_followup_has_time)
        what = f"原定{when}跟进"
    last = f"；上次：{truncate(item.last_note.text, 24)}" if item.last_note else ""
    return f"{i}. {lead.company}{who} 超时 {fmt_duration(item.overdue)}，{what}{last}"


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    try:
        seen = rights.visibility_for(ctx, person, ctx.extraction.scope)
    except PermissionDenied as denied:
        return [rights.refusal(denied, person.id)]
    tz = ctx.config.tz
    found = await find_overdue_leads(
        ctx.session, seen.where, ctx.clock.now(), ctx.config.sla.first_response, tz, seen.keep
    )
    if not found:
        return [Reply(to=person.id, title="没有超时的线索", lines=("都按时跟进了，继续保持！",))]
    show_owner = not rights.is_own_scope(person, ctx.extraction.scope) or any(
        item.lead.owner_id != person.id for item in found
    )
    lines = [overdue_line(i, item, tz, show_owner) for i, item in enumerate(found, 1)]
    title = f"{rights.scope_label(person, ctx.extraction.scope)}超时线索 {len(found)} 条"
    return [Reply(to=person.id, title=title, lines=cut(lines))]
