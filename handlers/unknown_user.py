"""The answer to someone on the company's platform who is not in [org]: an admin must add them.

Nothing else happens for them (no lead, no query); the event is logged so an admin can find who asked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.types import Reply

if TYPE_CHECKING:
    from handlers.context import Context

log = logging.getLogger(__name__)

EXAMPLES: tuple[str, ...] = ()  # not a capability: help does not list it
TITLE = "还不能为你服务"
TEXT = "你还不在销售组织里，请联系管理员把你加入。"


async def handle(ctx: Context) -> list[Reply]:
    log.warning(
        "message from a user not in [org]: platform=%s sender=%s", ctx.message.platform, ctx.message.sender_id
    )
    return [Reply(to=None, title=TITLE, lines=(TEXT,))]
