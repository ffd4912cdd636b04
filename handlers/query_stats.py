"""query_stats: a period's numbers (default this week, Monday first): new leads, follow-ups, response
times, 30-day follow-up share, the stage funnel, SLA compliance and, for managers, a per-rep ranking.

The arithmetic lives in storage.queries.compute_stats so a dashboard can reuse it; this is the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.types import PermissionDenied, Reply
from handlers import rights
from handlers.cards import SOURCE_LABELS
from handlers.format import cut, fmt_days, fmt_duration, local_day_bounds, percent, period_days
from storage.queries import FunnelStep, PeriodStats, compute_stats

if TYPE_CHECKING:
    from handlers.context import Context

EXAMPLES: tuple[str, ...] = ("本周漏斗", "本周新增多少线索", "上个月我们组谁的成交最多")
TOP_GROUPS = 5  # sources / cities listed before "等"


def _counts(pairs: tuple[tuple[str, int], ...], names: dict[str, str] | None = None) -> str:
    shown = [f"{(names or {}).get(k, k)} {n}" for k, n in pairs[:TOP_GROUPS]]
    return "、".join(shown) + ("等" if len(pairs) > TOP_GROUPS else "")


def _funnel(steps: tuple[FunnelStep, ...]) -> str:
    # Steps nobody reached say nothing; stop after the first empty one.
    parts: list[str] = []
    for step in steps:
        rate = f"({round(100 * step.conversion)}%)" if step.conversion is not None else ""
        parts.append(f"{step.stage} {step.reached}{rate}")
        if step.reached == 0:
            break
    return " → ".join(parts)


def render(stats: PeriodStats) -> list[str]:
    lines = [f"新增线索 {stats.new_leads} 条"]
    if stats.new_leads:
        lines.append(f"· 来源：{_counts(stats.by_source, SOURCE_LABELS)}")
        lines.append(f"· 城市：{_counts(stats.by_city)}")
    lines.append(f"跟进 {stats.followups} 次，涉及 {stats.leads_followed} 个客户")
    lines.append(f"签约 {stats.won} 单，输单 {stats.lost} 单")
    if stats.median_first_response is not None:
        lines.append(f"首次响应中位数 {fmt_duration(stats.median_first_response)}")
    if stats.sla_base:
        sla = percent(stats.sla_met, stats.sla_base)
        lines.append(f"首次响应达标 {sla}（{stats.sla_met}/{stats.sla_base}）")
    if stats.effective_base:
        share = percent(stats.effective, stats.effective_base)
        lines.append(f"30天内有效跟进 {share}（{stats.effective}/{stats.effective_base}）")
        lines.append(f"漏斗：{_funnel(stats.funnel)}")
    if stats.ranking:
        lines.append("排行（跟进 / 新增 / 签约）：")
        ranked = [
            f"{i}. {r.name} {r.followups} / {r.new_leads} / {r.won}" for i, r in enumerate(stats.ranking, 1)
        ]
        lines.extend(cut(ranked))
    return lines


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    scope = ctx.extraction.scope
    try:
        seen = rights.visibility_for(ctx, person, scope)
    except PermissionDenied as denied:
        return [rights.refusal(denied, person.id)]
    tz, now = ctx.config.tz, ctx.clock.now()
    first, last = period_days(ctx.extraction.period, now, tz, "week")
    start, end = local_day_bounds(first, last, tz)
    stats = await compute_stats(
        ctx.session,
        seen.where,
        start,
        end,
        now,
        ctx.config.sla.first_response,
        seen.keep,
        rank=not rights.is_own_scope(person, scope),
    )
    title = f"{rights.scope_label(person, scope)}数据 {fmt_days(first, last)}"
    return [Reply(to=person.id, title=title, lines=tuple(render(stats)))]
