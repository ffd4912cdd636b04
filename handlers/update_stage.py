"""update_stage: a deal moves between stages (线索 → … → 交付, or 输单), recorded with who and when.

A lost deal (输单) needs a reason for the statistics; when the message gives none it is asked for
once, and the rep's next plain message is taken as the reason. The router asks
`continues_last(ctx)` first, because a reason ("价格比竞品高") may carry any intent.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import timedelta

from bot.types import Reply
from handlers import log_followup
from handlers.clarify import ask as ask_which
from handlers.context import Context
from handlers.corrections import is_correction_text, undo_stage
from handlers.lead_facts import apply_extraction
from handlers.lead_lookup import TAKEN, may_change, resolve_lead
from handlers.rights import lines_for
from nlp import Extraction, Intent
from nlp.followup import mask_plans
from nlp.intent import find_kind
from storage.leads import change_stage, get_lead, last_stage_change_by
from storage.models import STAGES, Lead, Person, StageChange

log = logging.getLogger("salesbot.handlers.update_stage")

EXAMPLES = ("仁济医院已经签约了", "青岛海润商贸的阶段更新到报价", "金康大药房那单丢了，原因是价格太高")

LOST = "输单"
AWAIT_REASON = "reason"
ASK_REASON = "输单原因是什么？一句话即可，如「价格高于竞品」"
REASON_WINDOW = timedelta(hours=12)
# Words that say why a deal was lost; a competitor named in the message says it too.
_REASON = re.compile(r"原因|因为|由于|选了|选择了|价格|太贵|预算|不做了|取消|搁置|暂停")
# Intents that are clearly something else, never the answer to "why was it lost".
_NOT_A_REASON = {Intent.NEW_LEAD, Intent.QUERY_OVERDUE, Intent.QUERY_TODAY, Intent.QUERY_LEAD,
                 Intent.QUERY_STATS, Intent.HELP}  # fmt: skip


def gives_reason(ctx: Context) -> bool:
    return bool(_REASON.search(ctx.message.text) or ctx.extraction.competitors)


async def _waiting_change(ctx: Context) -> StageChange | None:
    ex = ctx.extraction
    if ctx.person is None or ctx.message.kind != "text" or ex.intent in _NOT_A_REASON:
        return None
    if ex.company or ex.phone or ex.next_followup is not None or ex.stage:
        return None
    last = await last_stage_change_by(ctx.session, ctx.person.id)
    if last is None or last.awaiting != AWAIT_REASON:
        return None
    return last if ctx.message.sent_at - last.changed_at <= REASON_WINDOW else None


async def continues_last(ctx: Context) -> bool:
    """Whether this message is the reason asked for after a 输单; then route it to `handle`."""
    return await _waiting_change(ctx) is not None


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    waiting = await _waiting_change(ctx)
    if waiting is not None:
        waiting.reason, waiting.awaiting = ctx.message.text, None
        await ctx.session.flush()
        lead = await get_lead(ctx.session, waiting.lead_id)
        company = lead.company if lead is not None else ""
        lines = (f"客户：{company}", f"原因：{ctx.message.text}")
        return [Reply(to=person.id, title="已记录输单原因", lines=lines)]

    found = await resolve_lead(ctx.session, ctx.extraction, person, ctx.message.text)
    lead, ex = found.lead, found.extraction
    if found.candidates:  # never a guess between two customers
        return [await ask_which(ctx, person, found.candidates)]  # the answer completes this message
    if lead is None:
        lines = ("请带上客户名称，例如「仁济医院已经签约了」。",)
        return [Reply(to=person.id, title="没找到这个客户", lines=lines)]
    if not await may_change(ctx.session, person, lead, lines_for(ctx, person)):
        log.info("stage change refused person_id=%s lead_id=%s", person.id, lead.id)
        return [Reply(to=person.id, title="无法修改", lines=(TAKEN,))]
    stage = ex.stage
    kind = _reported_kind(ctx)
    if stage in STAGES and (kind is not None or ex.next_followup is not None or _talked_with(ctx, ex)):
        # The news told with the contact it came from and what comes next ("刚从X出来合同签了…下周一
        # 我过去"): a follow-up on the lead, which moves its stage.
        return await _logged(ctx, person, lead, dataclasses.replace(ex, kind=ex.kind or kind))
    if not stage or stage not in STAGES:
        lines = (
            f"客户：{lead.company}",
            f"当前阶段：{lead.stage}",
            f"可选：{' → '.join(STAGES[1:-1])}，或{LOST}",
        )
        return [Reply(to=person.id, title="要改到哪个阶段？", lines=lines)]
    if stage == lead.stage:
        return [Reply(to=person.id, title="阶段未变", lines=(f"{lead.company} 已经是「{stage}」阶段。",))]

    now = ctx.clock.now()
    mistaken = await _mistaken_move(ctx, person, lead, stage)
    if mistaken is not None:
        await undo_stage(ctx.session, *mistaken)
    await apply_extraction(
        ctx.session, lead, ex, ctx.catalog, now=now, ample_budget=ctx.config.grading.ample_budget
    )
    ask = stage == LOST and not gives_reason(ctx)
    before = lead.stage
    await change_stage(
        ctx.session,
        lead,
        stage,
        person_id=person.id,
        at=ctx.message.sent_at,
        reason=None if ask else ctx.message.text,
        awaiting=AWAIT_REASON if ask else None,
    )
    if stage == LOST:
        lead.next_followup_at = None  # nothing left to follow up
    lines = [f"客户：{lead.company}", f"阶段：{before} → {stage}"]
    if mistaken is not None:  # the news moved from the customer it was first said of
        old = mistaken[0]
        lines.append(f"已撤销：{old.company} 阶段 {stage} → {old.stage}")
    if ask:
        lines.append(ASK_REASON)
    return [Reply(to=person.id, title="阶段已更新", lines=tuple(lines))]


async def _mistaken_move(
    ctx: Context, person: Person, lead: Lead, stage: str
) -> tuple[Lead, StageChange] | None:
    """The writer's last stage move, made just before on another customer with no record of its own,
    that this correction says was `lead`'s news ("A那单丢了", then "搞错了，是B那单丢了"): that
    customer and the move, to be undone there as a record's move is."""
    if not is_correction_text(ctx.message.text):
        return None
    last = await last_stage_change_by(ctx.session, person.id)
    if last is None or last.lead_id == lead.id or last.to_stage != stage:
        return None
    if ctx.message.sent_at - last.changed_at > log_followup.CORRECTION_WINDOW:
        return None
    old = await get_lead(ctx.session, last.lead_id)
    if (
        old is None
        or old.stage != last.to_stage
        or not await may_change(ctx.session, person, old, lines_for(ctx, person))
    ):
        return None
    return old, last


# The news come of a talk with their person: "今天跟粟科谈下来了", "刚和钱总敲定了".
_TALKED_WITH = re.compile(r"(?:跟|和|与)[^，,。；;！!？?\s]{1,6}?(?:谈|聊|敲定|商量|沟通|定下)")


def _talked_with(ctx: Context, ex: Extraction) -> bool:
    """Whether the stage news says the customer's known person told it in a talk with the writer: a
    contact, recorded as one."""
    return bool(ex.contact_name) and _TALKED_WITH.search(ctx.message.text) is not None


def _reported_kind(ctx: Context) -> str | None:
    """How the contact the stage news came from happened, read outside the plans for later days."""
    today = ctx.message.sent_at.astimezone(ctx.config.tz).date()
    found = find_kind(mask_plans(ctx.message.text, today))
    return found[0] if found is not None else None


async def _logged(ctx: Context, person: Person, lead: Lead, ex: Extraction) -> list[Reply]:
    """The stage news recorded as a follow-up; a lost deal with no reason still gets it asked for."""
    replies = await log_followup.write(ctx, person, lead, ex)
    if ex.stage != LOST or gives_reason(ctx):
        return replies
    change = await last_stage_change_by(ctx.session, person.id)
    if change is None or change.lead_id != lead.id or change.to_stage != LOST:
        return replies
    change.reason, change.awaiting = None, AWAIT_REASON
    await ctx.session.flush()
    card, *rest = replies
    return [dataclasses.replace(card, lines=(*card.lines, ASK_REASON)), *rest]
