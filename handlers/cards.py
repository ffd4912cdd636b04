"""How a lead reads on a phone: short Chinese lines shared by every sales handler's replies.

Times are shown in the configured time zone; phone numbers are shown in full only in private
replies to people who may see the lead (`masked=True` for anything shared).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.types import Button, Reply
from handlers.format import fmt_time, mask_phone
from handlers.tags import budget_text
from storage.models import Contact, Lead

KIND_LABELS = {"visit": "拜访", "call": "电话", "online": "线上沟通", "demo": "演示", "inquiry": "客户咨询"}
SOURCE_LABELS = {
    "web": "官网表单",
    "landing": "落地页",
    "wecom": "企业微信",
    "dingtalk": "钉钉",
    "console": "控制台",
    "rep": "销售录入",
    "demo": "演示数据",  # salesbot demo marks its leads so they are never mixed with real ones
}
NOT_SET = "未定"
MAX_BUTTONS = 6


def local_time(when: datetime | None, tz: ZoneInfo, *, with_time: bool = True) -> str:
    return NOT_SET if when is None else fmt_time(when, tz, with_time=with_time)


def contact_text(contact: Contact | None, *, masked: bool = False) -> str:
    if contact is None:
        return NOT_SET
    name = contact.name or ""
    title = contact.title or ""
    # "王" + "主任" reads as 王主任; a full name keeps a space before the title.
    who = f"{name}{title}" if len(name) <= 1 else f"{name} {title}".strip()
    phone = mask_phone(contact.phone) if masked else (contact.phone or "")
    return " ".join(part for part in (who, phone) if part) or NOT_SET


def kind_text(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "", kind or NOT_SET)


def source_text(source: str) -> str:
    return SOURCE_LABELS.get(source, source)


def next_followup_text(lead: Lead, tz: ZoneInfo) -> str:
    return local_time(lead.next_followup_at, tz, with_time=lead.next_followup_has_time)


def amend_button(lead_id: int) -> Button:
    """改一下: the next message corrects the writer's last record on this lead (handlers.buttons)."""
    return Button(f"amend:{lead_id}", "改一下")


def followup_card(
    title: str,
    to: int | None,
    lead: Lead,
    contact: Contact | None,
    kind: str | None,
    tz: ZoneInfo,
    *,
    with_kind: bool = True,
) -> Reply:
    """The confirmation after a follow-up: what was understood, so a mistake shows at once, and
    改一下 to correct it. A plan alone (`with_kind` False) is no contact, so it shows no 方式."""
    lines = [f"客户：{lead.company}", f"联系人：{contact_text(contact)}"]
    if with_kind:
        lines.append(f"方式：{kind_text(kind)}")
    lines.append(f"阶段：{lead.stage}")
    budget = budget_text(lead.budget_min, lead.budget_max)
    if budget:
        lines.append(f"预算：{budget}")
    lines.append(f"下次跟进：{next_followup_text(lead, tz)}")
    return Reply(to=to, title=title, lines=tuple(lines), buttons=(amend_button(lead.id),))


def lead_lines(lead: Lead, contacts: Sequence[Contact], tz: ZoneInfo, *, masked: bool = False) -> list[str]:
    """A lead's card body: customer, stage, the decision chain, budget, products, tags, next step."""
    lines = [f"客户：{lead.company}", f"阶段：{lead.stage}"]
    lines += [f"联系人：{contact_text(c, masked=masked)}" for c in contacts]
    budget = budget_text(lead.budget_min, lead.budget_max)
    if budget:
        lines.append(f"预算：{budget}")
    if lead.products:
        lines.append(f"产品：{'、'.join(lead.products)}")
    if lead.tags:
        lines.append(f"标签：{'、'.join(lead.tags)}")
    lines.append(f"下次跟进：{next_followup_text(lead, tz)}")
    return lines


def lead_buttons(lead_id: int, *, contacted: bool = True, snooze: bool = False) -> tuple[Button, ...]:
    buttons = []
    if contacted:
        buttons.append(Button(f"contacted:{lead_id}", "已联系"))
    if snooze:
        buttons.append(Button(f"snooze:{lead_id}", "推迟一天"))
    buttons.append(Button(f"reassign:{lead_id}", "转给别人"))
    return tuple(buttons[:MAX_BUTTONS])


def assignment_card(
    to: int, lead: Lead, need: str, reason: str, *, title: str = "新线索分配给你", late: str | None = None
) -> Reply:
    """The notice a new owner gets: who, from where, what they asked for, why it went to them, and
    `late` when the platform delivered the inquiry well after the customer sent it."""
    lines = (
        f"客户：{lead.company}",
        f"来源：{source_text(lead.source)}" + (f"（{late}）" if late else ""),
        f"需求：{need or NOT_SET}",
        f"分配原因：{reason}",
        "请尽快联系客户，联系后点「已联系」。",
    )
    return Reply(to=to, title=title, lines=lines, buttons=lead_buttons(lead.id))
