"""A message addressed to a colleague ("罗俊 X那单价格底线我批了…"): an instruction or a note between
members, not a contact with the customer, so no follow-up is recorded; a short reply says so.

The product keeps no notes besides follow-ups, and a follow-up counts as a contact (the SLA clocks,
the lead going cold, the daily report), so the words stay in the chat where the colleague reads them.
"""

from __future__ import annotations

from bot.types import Reply
from handlers.context import Context
from nlp import Extraction
from nlp.linking import addressed_colleague


def addressee(ctx: Context) -> str | None:
    """The colleague the message is said to, when it reports no contact with a customer (no kind:
    "罗俊 我刚跟钱总通了电话" is still the writer's call) and plans none."""
    ex: Extraction = ctx.extraction
    if ctx.person is None or ex.kind or ex.reported_kind or ex.next_followup is not None:
        return None
    others = [p for p in ctx.config.org.people if p.id != ctx.person.key]
    bosses = (p.name for p in others if p.role != "rep")
    return addressed_colleague(ctx.message.text, (p.name for p in others), familiar=True, bosses=bosses)


async def handle(ctx: Context) -> list[Reply]:
    name = addressee(ctx) or "同事"
    lines = (f"这条是对{name}说的，不是和客户的联系，没有记为跟进。",)
    return [Reply(to=ctx.member.id, title="没有记录", lines=lines)]
