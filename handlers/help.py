"""What the bot can do, one example sentence per capability, gathered from each handler's EXAMPLES.

Only handler modules that exist are listed, so the help text grows as features land and never
advertises something that would fall through to "other".
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import TYPE_CHECKING

from bot.types import Reply

if TYPE_CHECKING:
    from handlers.context import Context

log = logging.getLogger(__name__)

# intent or command (= module name) -> what a rep calls the capability, in the order a rep's day uses them
CAPABILITIES: tuple[tuple[str, str], ...] = (
    ("log_followup", "记录跟进"),
    ("new_lead", "录入新线索"),
    ("update_stage", "更新阶段"),
    ("query_today", "今日待跟进"),
    ("query_overdue", "超时线索"),
    ("query_lead", "查客户"),
    ("query_stats", "看数据"),
    ("reassign_lead", "转交客户"),
    ("export_leads", "导出客户表"),
)
EXAMPLES: tuple[str, ...] = ("帮助", "你能做什么")


def capabilities() -> list[tuple[str, str]]:
    """(label, example) for every capability whose handler module exists and has an example."""
    found: list[tuple[str, str]] = []
    for intent, label in CAPABILITIES:
        name = f"handlers.{intent}"
        if importlib.util.find_spec(name) is None:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:  # a half-landed feature must not take help down with it
            log.warning("handler module %s exists but cannot be imported", name, exc_info=True)
            continue
        examples = getattr(module, "EXAMPLES", ())
        if examples:
            found.append((label, examples[0]))
    return found


async def handle(ctx: Context) -> list[Reply]:
    lines = [f"· {label}：{example}" for label, example in capabilities()]
    lines.append("直接用平常说话的方式发给我就行。")
    to = ctx.person.id if ctx.person is not None else None
    return [Reply(to=to, title="我能帮你做这些", lines=tuple(lines))]
