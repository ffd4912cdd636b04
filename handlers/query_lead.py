"""query_lead: one customer's card (owner, stage, contacts, budget, products, last follow-ups).

A customer is found by company name (exact, then folded, then partial), phone, or a contact's
name among one's own leads; failing those, by the writer's book (handlers.lead_lookup: short
names, the contact by surname and title). A lead outside one's rights gets a refusal and nothing of its data.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.types import PermissionDenied, Reply
from handlers import rights
from handlers.format import cut, fmt_money, fmt_time, mask_phone, truncate
from handlers.lead_lookup import resolve_lead
from nlp import company_key
from nlp.behalf import member_named, whose_span
from nlp.dialect import mandarin
from nlp.intent import (
    STAGE_NAMES,
    STAGES_ASKED,
    STAGES_SAID,
    asks_for_book,
    customers_asked,
    find_scope,
    kind_asked,
)
from storage.inbound import previous_message
from storage.people import find_person_by_key
from storage.queries import (
    LeadCard,
    LeadRef,
    find_leads_by_company,
    find_leads_by_contact,
    find_leads_by_ids,
    find_leads_by_phone,
    find_leads_owned,
    find_leads_seen,
    load_lead_card,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from handlers.context import Context

log = logging.getLogger(__name__)
_EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d"

EXAMPLES: tuple[str, ...] = ("查一下仁济医院", "13912345678 这个号码是哪个客户", "张院长的客户信息查一下")
# The stages the book is asked at: "谈判阶段的单子有哪些", "在报价的客户有哪几家", "报价和谈判的单子"; or
# said after them: "有哪些单子在报价或者谈判阶段", "哪些客户在需求确认阶段"; or before the question with no
# noun ("谈判阶段的有哪几家") or with their kind ("报价阶段的医院有哪些").
_STAGE_NAME = re.compile(STAGE_NAMES)
_STAGE_ASKED = re.compile(
    rf"{STAGES_SAID}(?:阶段)?中?的[\u4e00-\u9fff]{{0,3}}?(?:客户|单子|(?:有|是)哪)"
    rf"|(?:客户|单子){STAGES_ASKED}"
    rf"|(?:在|处于|停在|卡在){STAGES_SAID}(?:阶段)?[?？呢吗]?\s*$"
)
KINDS = {"visit": "拜访", "call": "电话", "online": "线上", "demo": "演示"}


def _card(card: LeadCard, tz: ZoneInfo, mask: bool) -> list[str]:
    lead = card.lead
    owner = card.owner_name or "未分配"
    lines = [f"负责人：{owner}" + (f"（{card.team_name}）" if card.team_name else "")]
    lines.append(
        "阶段：" + "，".join(x for x in (lead.stage, lead.grade and f"{lead.grade}级", lead.city) if x)
    )
    for c in card.contacts:
        phone = mask_phone(c.phone) if mask else c.phone
        text = " ".join(x for x in (f"{c.name or ''}{c.title or ''}", phone, c.email) if x)
        if text:
            lines.append(f"联系人：{text}")
    if lead.budget_min is not None or lead.budget_max is not None:
        lines.append(f"预算：{fmt_money(lead.budget_min, lead.budget_max)}")
    for label, values in (("产品", lead.products), ("竞品", lead.competitors), ("标签", lead.tags)):
        if values:
            lines.append(f"{label}：{'、'.join(values)}")
    if lead.next_followup_at is not None:
        lines.append(
            f"下次跟进：{fmt_time(lead.next_followup_at, tz, with_time=lead.next_followup_has_time)}"
        )
    if card.recent:
        lines.append(f"最近跟进（共 {card.followup_count} 次）：")
        for f in card.recent:
            kind = KINDS.get(f.kind or "", "")
            lines.append(f"· {fmt_time(f.happened_at, tz, with_time=False)}{kind} {truncate(f.text, 40)}")
    else:
        lines.append("还没有跟进记录")
    return lines


async def _lookup(ctx: Context, seen: rights.Visibility) -> tuple[str, list[LeadRef]]:
    asked, found = await _lookup_by_words(ctx, seen)
    if found:
        return asked, found
    words = ctx.extraction
    if words.phone and not words.company:
        # Looked up by the phone above, which no lead has: the book (a part of all leads) has it neither.
        words = dataclasses.replace(words, phone=None)
    linked = await resolve_lead(ctx.session, words, ctx.member, ctx.message.text)
    ids = [linked.lead.id] if linked.lead is not None else [lead.id for lead in linked.candidates]
    if not ids:
        return asked, []
    refs = await find_leads_by_ids(ctx.session, ids)
    return asked or refs[0].lead.company, refs


async def _lookup_by_words(ctx: Context, seen: rights.Visibility) -> tuple[str, list[LeadRef]]:
    x = ctx.extraction
    if x.company:
        return x.company, await find_leads_by_company(ctx.session, x.company, company_key(x.company))
    if x.phone:
        return x.phone, await find_leads_by_phone(ctx.session, x.phone)
    if x.contact_name:
        found = await find_leads_by_contact(ctx.session, seen.where, x.contact_name)
        return f"{x.contact_name}{x.contact_title or ''}", found
    return "", []


async def _book(ctx: Context, seen: rights.Visibility, text: str | None = None) -> list[Reply]:
    """The customers of the member the message (or `text`, the question it follows) names ("何丽手上现在
    一共有哪些客户", by any name: "文涛南京那几个单子"), else the team's when a manager asks for the team
    ("我们组谈判阶段的单子有哪些") or for no one's ("在报价的单子有哪些"), else the asker's own ("我名下有
    哪些客户"), only those at the stage, in the city and of the kind it names ("我宝鸡那几个客户", "在跟的
    医院有哪些"): a rep may list their own only, a manager their team's members'."""
    person = ctx.member
    others = {p.name: p.id for p in ctx.config.org.people if p.id != person.key and len(p.name) >= 2}
    text = ctx.message.text if text is None else text
    whose = whose_span(text, others) or member_named(text, others)
    name = whose[0] if whose is not None else None
    asked_stage = _STAGE_ASKED.search(text)
    stages = _STAGE_NAME.findall(asked_stage.group()) if asked_stage is not None else []
    # A manager's question naming no one and not their own ("我名下…", "我宁波那几个…") is the team's
    # ("宁波那边在报价的单子有哪些"): what they oversee, their own customers among them; a rep's is their own.
    scope = ctx.extraction.scope if text == ctx.message.text else find_scope(text)
    if name is None and scope != "me" and person.role != "rep":
        # (seen is the team's for a manager, everything for an admin)
        leads = await find_leads_seen(ctx.session, seen.where, seen.keep)
        whose_name = "组里"
    else:
        owner = await find_person_by_key(ctx.session, others[name]) if name is not None else person
        if owner is None:
            owner = person
        in_team = person.role == "manager" and person.team_id is not None and owner.team_id == person.team_id
        if owner.id != person.id and not (person.role == "admin" or in_team):
            return [rights.refusal(PermissionDenied(rights.REFUSE_TEAM), person.id)]
        leads = await find_leads_owned(ctx.session, seen.where, owner.id, seen.keep)
        whose_name = "你名下" if owner.id == person.id else f"{owner.name}名下"
    city = ctx.extraction.city
    if city:
        leads = [lead for lead in leads if lead.city and (city in lead.city or lead.city in city)]
        whose_name = f"{whose_name}{city}"
    what = "客户"
    if (kind := kind_asked(text)) is not None:
        said, words = kind
        leads = [lead for lead in leads if re.search(words, lead.company)]
        what = f"{said}客户"
    if stages:
        leads = [lead for lead in leads if lead.stage in stages]
        what = f"{'、'.join(dict.fromkeys(stages))}阶段的{what}"
    if not leads:
        return [Reply(to=person.id, title=f"{whose_name}还没有{what}", lines=())]
    lines = [f"{i}. {lead.company}（{lead.stage}）" for i, lead in enumerate(leads, 1)]
    return [Reply(to=person.id, title=f"{whose_name}的{what} {len(leads)} 个", lines=cut(lines))]


# A question that only names another city after a book was asked: "汉中的呢", "那西安呢？" (the same
# question about the customers there).
_AND_THERE = re.compile(rf"^(?:那|那么)?(?P<city>\S{{2,6}}?)(?:的|那边的?|那几个)?呢?[?？。!！\s{_EMOJI}]*$")
AND_THERE_WITHIN = timedelta(minutes=10)  # a follow-up question comes right after the answer


async def book_again(ctx: Context) -> list[Reply] | None:
    """The book asked again for another city ("汉中的呢") right after the writer asked for one ("我宝鸡那
    几个客户都啥阶段了"): the same member's customers, in that city; None when the message is not that."""
    x, message = ctx.extraction, ctx.message
    said = _AND_THERE.match(message.text.strip())
    if x.city is None or x.company or said is None or ctx.inbound_id is None or x.city not in said["city"]:
        return None
    previous = await previous_message(ctx.session, ctx.inbound_id, message.platform, message.sender_id)
    if previous is None or previous.kind != "text" or message.sent_at - previous.sent_at > AND_THERE_WITHIN:
        return None
    if not asks_for_book(previous.text):
        return None
    person = ctx.member
    seen = rights.visibility_for(ctx, person, "me" if person.role == "rep" else "team")
    return await _book(ctx, seen, previous.text)


async def _several(ctx: Context, seen: rights.Visibility) -> list[LeadRef] | None:
    """The customers a question names side by side ("X和Y这两个现在怎样了"), when each name is one
    customer the asker may see; None otherwise (the message is then looked up as one name)."""
    names = customers_asked(mandarin(ctx.message.text))
    if not names:
        return None
    ids: list[int] = []
    for name in names:
        found = await find_leads_by_company(ctx.session, name, company_key(name))
        if len(found) != 1:
            alone = dataclasses.replace(
                ctx.extraction, company=name, contact_name=None, contact_title=None, phone=None, city=None
            )
            linked = await resolve_lead(ctx.session, alone, ctx.member, name)
            if linked.lead is None:
                return None
            found = await find_leads_by_ids(ctx.session, [linked.lead.id])
        lead_id = found[0].lead.id
        if lead_id in ids:
            return None
        ids.append(lead_id)
    refs = await find_leads_by_ids(ctx.session, ids)
    person = ctx.member
    if not all(rights.can_see(person, r.lead, owner_team_id=r.owner_team_id, keep=seen.keep) for r in refs):
        return None  # (refused or not, as when asked one by one)
    return sorted(refs, key=lambda r: ids.index(r.lead.id))


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    # A card is looked up across everything one oversees, whatever scope the sentence implied.
    seen = rights.visibility_for(ctx, person, "me" if person.role == "rep" else "team")
    mask = ctx.message.chat_id is not None  # a group reads the answer
    several = await _several(ctx, seen)
    if several is not None:
        cards = [await load_lead_card(ctx.session, ref) for ref in several]
        return [
            Reply(to=person.id, title=card.lead.company, lines=tuple(_card(card, ctx.config.tz, mask)))
            for card in cards
        ]
    asked, found = await _lookup(ctx, seen)
    if not asked and asks_for_book(ctx.message.text):
        return await _book(ctx, seen)
    if not asked:
        return [
            Reply(to=person.id, title="想查哪个客户？", lines=("请带上客户名称或电话，例如：查一下仁济医院",))
        ]
    if not found:
        return [
            Reply(to=person.id, title=f"没找到「{asked}」", lines=("换个叫法试试，或发完整的公司名称。",))
        ]
    mine = [
        ref
        for ref in found
        if rights.can_see(person, ref.lead, owner_team_id=ref.owner_team_id, keep=seen.keep)
    ]
    if not mine:
        log.info("refused lead lookup: person=%s leads=%s", person.id, [ref.lead.id for ref in found])
        return [rights.refusal(PermissionDenied(rights.REFUSE_LEAD), person.id)]
    if len(mine) > 1:
        lines = [
            f"{i}. {ref.lead.company}（{ref.owner_name or '未分配'}，{ref.lead.stage}）"
            for i, ref in enumerate(mine, 1)
        ]
        return [Reply(to=person.id, title=f"找到 {len(mine)} 个客户，请说完整名称", lines=cut(lines))]
    card = await load_lead_card(ctx.session, mine[0])
    return [Reply(to=person.id, title=card.lead.company, lines=tuple(_card(card, ctx.config.tz, mask)))]
