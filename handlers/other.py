"""Small talk and anything the bot does not do: a short friendly answer that points to 帮助."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.types import Reply
from handlers import query_lead

if TYPE_CHECKING:
    from handlers.context import Context

EXAMPLES: tuple[str, ...] = ()  # not a capability: help does not list it
HINT = "发“帮助”看看我能做什么。"
_GREETINGS = ("你好", "您好", "在吗", "早上好", "下午好", "晚上好", "hi", "hello", "嗨")


async def handle(ctx: Context) -> list[Reply]:
    if ctx.person is not None and (book := await query_lead.book_again(ctx)) is not None:
        return book  # "汉中的呢" right after "我宝鸡的客户有哪些"
    text = ctx.message.text.strip().lower()
    name = ctx.person.name if ctx.person is not None else ""
    if any(text.startswith(g) for g in _GREETINGS):
        first = f"{name}，你好！我是销售助手。" if name else "你好！我是销售助手。"
    else:
        first = "这个我还帮不上忙。我能记跟进、查客户、看超时和数据。"
    to = ctx.person.id if ctx.person is not None else None
    return [Reply(to=to, title="销售助手", lines=(first, HINT))]
