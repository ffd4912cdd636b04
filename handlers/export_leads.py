"""export_leads: "导出客户" in chat sends the asker an .xlsx of the leads they may see, as a file.

The same workbook as `salesbot leads export --format xlsx --as PERSON` (handlers/lead_records, with the
same rights): a rep gets their own leads, a manager their team's, an admin everything; "导出我的客户"
is one's own only, and "导出本组客户" from a rep is refused, as every team question of a rep is.

Exporting is a command, not an intent (the intents are the extractor's fixed corpus labels): the router
checks `is_command` before extraction, as it checks button clicks. Only the exact commands below count
(spaces and punctuation aside), so a sentence that merely mentions exporting is understood as usual.
The log line says who exported how many leads, never what they hold.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from typing import TYPE_CHECKING

from bot.types import FILE_MAX_BYTES, Attachment, PermissionDenied, Reply
from handlers import rights
from handlers.lead_records import XlsxWriter, iter_leads

if TYPE_CHECKING:
    from handlers.context import Context
    from storage.models import Person

log = logging.getLogger("salesbot.handlers.export_leads")

EXAMPLES: tuple[str, ...] = ("导出客户", "导出本组线索", "导出我的客户")

# what the words after 导出 name -> the scope rights.scope_leads takes (None: whatever one oversees)
_SCOPES: dict[str, str | None] = {
    "": None, "全部": None, "所有": None,
    "我的": "me",
    "本组": "team", "本组的": "team", "团队": "team", "团队的": "team", "我们组": "team", "我们组的": "team",
}  # fmt: skip
COMMANDS: dict[str, str | None] = {
    f"导出{words}{noun}": scope for words, scope in _SCOPES.items() for noun in ("客户", "线索")
}
_IGNORED = re.compile(r"[\s\W_]+")  # spaces and punctuation, full-width ones too after NFKC

NOTHING = "没有可导出的客户。"
TOO_BIG = "导出的文件有 {mb:.1f}MB，超过了聊天里发送文件 20MB 的上限，没有发送。"
TOO_BIG_HINT = "请联系管理员从系统里直接导出。"
OWN_HINT = "要导出自己名下的客户，请发「导出我的客户」。"
PRIVATE = "文件里有客户的联系方式，请妥善保存，勿外传。"


def command_key(text: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text))


def is_command(text: str) -> bool:
    """Whether a member's text is one of the export commands."""
    return len(text) <= 40 and command_key(text) in COMMANDS


def file_name(person: Person, scope: str | None, ctx: Context) -> str:
    stamp = ctx.clock.now().astimezone(ctx.config.tz).strftime("%Y%m%d-%H%M")
    return f"{rights.scope_label(person, scope)}客户-{stamp}.xlsx"


async def workbook(ctx: Context, person: Person, scope: str | None) -> tuple[bytes, int]:
    """The .xlsx of what `person` may see within `scope`, and how many leads it holds."""
    writer, count, tz = XlsxWriter(), 0, ctx.config.tz
    isolate = ctx.config.org.isolate_product_lines
    async for item in iter_leads(ctx.session, person, scope=scope, isolate=isolate, catalog=ctx.catalog):
        writer.add(item, tz)
        count += 1
    out = io.BytesIO()
    writer.save(out)
    return out.getvalue(), count


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    scope = COMMANDS[command_key(ctx.message.text)]
    try:
        rights.scope_leads(person, scope)  # before a workbook (and its temporary files) exists
    except PermissionDenied as denied:
        log.info("leads export refused", extra={"person": person.key, "scope": scope})
        return [Reply(to=person.id, title="无权导出", lines=(str(denied), OWN_HINT))]
    data, count = await workbook(ctx, person, scope)
    facts = {"person": person.key, "role": person.role, "scope": scope or "default", "leads": count}
    if count == 0:
        log.info("leads export: nothing to export", extra=facts)
        return [Reply(to=person.id, title="没有可导出的客户", lines=(NOTHING,))]
    if len(data) > FILE_MAX_BYTES:
        log.warning("leads export too big to send", extra={**facts, "bytes": len(data)})
        lines = (TOO_BIG.format(mb=len(data) / 1024 / 1024), TOO_BIG_HINT)
        return [Reply(to=person.id, title="导出文件太大", lines=lines)]
    log.info("leads exported in chat", extra={**facts, "bytes": len(data)})
    name = file_name(person, scope, ctx)
    summary = Reply(
        to=person.id,
        title=f"已导出{rights.scope_label(person, scope)}客户 {count} 条",
        lines=(f"文件：{name}", "两张表：客户（每位联系人一行）和跟进记录。", PRIVATE),
    )
    # The file on its own: WeChat Work shows a file message without any text.
    return [summary, Reply(to=person.id, title="", file=Attachment(name, data))]
