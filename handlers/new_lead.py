"""new_lead: a new prospect, handed over by a rep ("新线索：…") or asking by itself (chat or web form).

One customer is one lead: the same phone or the same folded company finds the existing lead,
whose owner is told about the new inquiry, and nobody else gets to contact that customer. A new
lead is graded and assigned (a rep's own find stays with that rep), and the first-response clock
starts at assignment. Form fields (`Message.form`) win over what the extractor read.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta

from bot.types import PLATFORMS, Reply
from handlers import log_followup
from handlers.assignment import assign_lead, team_manager
from handlers.cards import assignment_card, lead_buttons, lead_lines, source_text
from handlers.clarify import ask
from handlers.context import Context
from handlers.grading import LeadFacts, grade_lead
from handlers.inquiry import ACK, form_field, form_tags, need_text, read_inquiry
from handlers.lead_facts import apply_extraction, first_stage, set_next_followup
from handlers.lead_lookup import (
    TAKEN,
    find_by_company,
    in_other_district,
    link_in_book,
    may_change,
    normalise_phone,
)
from handlers.rights import lines_for
from nlp import Extraction, Intent, company_key
from nlp.company_key import company_city
from nlp.handover import keeps_it
from nlp.intent import NEW_LEAD as NEW_LEAD_WORDS
from storage.followups import last_followup_by, record_followup
from storage.leads import (
    add_contact,
    create_lead,
    find_lead_by_external_id,
    find_lead_by_phone,
    list_contacts,
)
from storage.models import STAGES, Lead, Person

log = logging.getLogger("salesbot.handlers.new_lead")
LATE = timedelta(minutes=5)  # an inquiry delivered this long after it was sent says so on its card

EXAMPLES = (
    "新线索：杭州明德口腔医院，陈院长，13600001111，想了解激光治疗仪，预算50到80万",
    "新客户 远航物流 李总 13912345678 要两台移动DR",
)


def chat_id_of(ctx: Context) -> str | None:
    """The customer's identity on the platform that brought them: their chat ("wecom:wmBuyer") for
    inquiries a customer wrote in a chat, the platform's lead ("ads:baidu:123") for an ad form.

    Web forms and a rep's messages have none: their sender is not the customer's own chat.
    """
    message = ctx.message
    if ctx.person is None and message.form.get("lead_ref"):
        return f"{message.platform}:{message.form['lead_ref']}"
    if ctx.person is not None or message.answered_elsewhere or message.platform not in PLATFORMS:
        return None
    return f"{message.platform}:{message.sender_id}"


def identity_key(ctx: Context, ex: Extraction) -> str:
    """The folded company of a lead, else a key that stays unique: its phone, else its chat."""
    if ex.company and (key := company_key(ex.company)):
        return key
    if ex.phone:
        return f"phone:{ex.phone}"
    return f"chat:{chat_id_of(ctx) or ctx.message.platform_msg_id}"


async def find_existing(ctx: Context, ex: Extraction) -> Lead | None:
    """The same customer: same phone, same folded company, or the same chat as before."""
    if ex.phone:
        lead = await find_lead_by_phone(ctx.session, ex.phone)
        if lead is not None:
            return lead
    if ex.company:
        lead = await find_by_company(ctx.session, ex.company, ctx.person, near=False, city=ex.city)
        if lead is not None:
            return lead
    chat = chat_id_of(ctx)
    return await find_lead_by_external_id(ctx.session, chat) if chat else None


async def handle(ctx: Context) -> list[Reply]:
    ex, named_source = read_inquiry(ctx)
    person = ctx.person
    if ctx.message.form.get("supplement") and (ref := chat_id_of(ctx)):
        # A platform's later push about a lead it sent before (百度's delayed one, with the keyword):
        # more detail on that lead, never a second lead or a second notice. Without the first, it is
        # the lead itself.
        sent = await find_lead_by_external_id(ctx.session, ref)
        if sent is not None:
            return _supplemented(ctx, sent)
    # A rep's own find is "rep" unless the channel says more (e.g. a WeChat contact they added).
    source = named_source or ("rep" if person is not None else ctx.message.platform)
    if person is not None and not (ex.company or ex.phone):
        if not NEW_LEAD_WORDS.search(ctx.message.text):
            # Read as new for a wish ("想做…") but saying no name of its own: a report on the customer
            # of the writer's book it names by short name or contact ("今天去绿源了，钱总想做…").
            linked = await link_in_book(ctx.session, ex, person, ctx.message.text)
            if linked.lead is not None or linked.candidates:
                kind = ex.kind or ex.reported_kind
                report = dataclasses.replace(ex, intent=Intent.LOG_FOLLOWUP, kind=kind, reported_kind=None)
                return await log_followup.handle(dataclasses.replace(ctx, extraction=report))
        lines = ("请至少写上客户名称或电话。", f"例如：{EXAMPLES[0]}")
        return [Reply(to=person.id, title="缺少客户信息", lines=lines)]
    lead = await find_existing(ctx, ex)
    if lead is None and person is not None and ex.company:
        # A member naming a customer of their book by its short name ("蓉欣那边来了个新的对接人"):
        # one customer is one lead, so no new one; two that nothing settles are asked about.
        linked = await link_in_book(ctx.session, ex, person, ctx.message.text)
        if linked.candidates:
            return [await ask(ctx, person, linked.candidates)]  # the answer completes this message
        if linked.lead is None or not in_other_district(ex.company, linked.lead):
            lead, ex = linked.lead, linked.extraction
    if lead is None:
        return await _create(ctx, person, ex, source)
    if person is None:
        return await _inquiry_again(ctx, lead, ex)
    return await _reported_again(ctx, person, lead, ex)


async def create_named(ctx: Context) -> list[Reply]:
    """The lead a member reported, created without looking for it in the book again: the answer
    "新客户" to "是哪个客户？" about it."""
    ex, named_source = read_inquiry(ctx)
    return await _create(ctx, ctx.member, ex, named_source or "rep")


async def _record(ctx: Context, lead: Lead, ex: Extraction, person: Person | None) -> None:
    """Keep the customer's (or rep's) words and what they said on the lead's history."""
    contact = await apply_extraction(
        ctx.session, lead, ex, ctx.catalog, now=ctx.clock.now(), ample_budget=ctx.config.grading.ample_budget
    )
    chat = chat_id_of(ctx)
    if chat and (contact is None or contact.external_id is None):
        contact = await add_contact(
            ctx.session, lead.id, now=ctx.clock.now(), phone=ex.phone, name=ex.contact_name, external_id=chat
        )
    if person is not None:  # a rep's plan for the next contact, said with the new customer
        set_next_followup(lead, ex.next_followup, ctx.config.tz)
    await record_followup(
        ctx.session,
        lead_id=lead.id,
        person_id=person.id if person is not None else None,
        text=ctx.message.text,
        # A rep who met or called the new customer logs that contact; else the entry of a lead.
        kind="inquiry" if person is None else (ex.reported_kind or "lead"),
        extracted=ex.to_slots(),
        happened_at=ctx.message.sent_at,
        created_at=ctx.clock.now(),
        inbound_id=ctx.inbound_id,
        contact_id=contact.id if contact is not None else None,
    )


async def _inquiry_again(ctx: Context, lead: Lead, ex: Extraction) -> list[Reply]:
    """A known customer asks again: its owner (or the queue's manager) hears of it, nobody else."""
    await _record(ctx, lead, ex, None)
    to = lead.owner_id
    if to is None:
        manager = await team_manager(ctx.session, lead.team_id)
        to = manager.id if manager is not None else None
    log.info("repeat inquiry lead_id=%s notified=%s", lead.id, to)
    replies = [Reply(to=None, title="您好，已收到您的咨询", lines=ACK)]
    if to is not None:
        lines = [*lead_lines(lead, await list_contacts(ctx.session, lead.id), ctx.config.tz)]
        lines.insert(1, f"本次需求：{need_text(ex, ctx.message.text)}")
        buttons = lead_buttons(lead.id)
        replies.append(Reply(to=to, title="老客户再次咨询，请尽快回复", lines=tuple(lines), buttons=buttons))
    return replies


async def _reported_again(ctx: Context, person: Person, lead: Lead, ex: Extraction) -> list[Reply]:
    """A rep reports a customer we already have: theirs is updated, anyone else's is refused."""
    if not await may_change(ctx.session, person, lead, lines_for(ctx, person)):
        log.info("duplicate lead refused person_id=%s lead_id=%s", person.id, lead.id)
        replies = [Reply(to=person.id, title="重复客户", lines=(TAKEN,))]
        if lead.owner_id is not None:
            lines = (f"客户：{lead.company}", f"{person.name}也报备了这个客户，已拦截重复录入。")
            replies.append(Reply(to=lead.owner_id, title="有同事重复报备你的客户", lines=lines))
        return replies
    if await _named_again(ctx, person, lead, ex):
        lines = lead_lines(lead, await list_contacts(ctx.session, lead.id), ctx.config.tz)
        return [Reply(to=person.id, title="客户已在系统中，刚才的跟进已记录", lines=tuple(lines))]
    if lead.owner_id is None and person.role == "rep":  # taken from the team's queue
        lead.owner_id, lead.team_id, lead.assigned_at = (
            person.id,
            person.team_id or lead.team_id,
            ctx.clock.now(),
        )
    await _record(ctx, lead, ex, person)
    lines = lead_lines(lead, await list_contacts(ctx.session, lead.id), ctx.config.tz)
    return [Reply(to=person.id, title="客户已在系统中，信息已更新", lines=tuple(lines))]


def _says_more(ex: Extraction) -> bool:
    """Whether a rep's "new customer" message tells anything beyond the customer's name."""
    return bool(
        ex.phone or ex.email or ex.contact_name or ex.contact_title or ex.products or ex.competitors
        or ex.budget or ex.next_followup or ex.kind or ex.reported_kind or ex.stage
    )  # fmt: skip


async def _named_again(ctx: Context, person: Person, lead: Lead, ex: Extraction) -> bool:
    """Whether the message only names as new the customer the writer's last record, within the
    context window, is about ("新客户 X" right after a report that created X): that record already
    holds the contact, so a second one (of kind "lead") would count one visit twice."""
    window = ctx.config.conversation.context_window
    if _says_more(ex) or not window:
        return False
    last = await last_followup_by(ctx.session, person.id)
    if last is None or last.lead_id != lead.id:
        return False
    return ctx.message.sent_at - (last.updated_at or last.created_at) <= window


def _supplemented(ctx: Context, lead: Lead) -> list[Reply]:
    detail = " ".join(ctx.message.form.get("source_detail", "").split())
    known = lead.source_detail or ""
    if detail and detail not in known:
        lead.source_detail = f"{known}；{detail}"[:200] if known else detail[:200]
    log.info("ad lead supplemented lead_id=%s", lead.id)
    return []


async def _create(ctx: Context, person: Person | None, ex: Extraction, source: str) -> list[Reply]:
    now = ctx.clock.now()
    # A customer's inquiry counts from when they sent it: an ad platform may deliver a form minutes late,
    # and the first-response clock must not start then.
    start = min(ctx.message.sent_at, now) if person is None else now
    name = ex.company or (f"{ex.contact_name}（个人）" if ex.contact_name else "未留名客户")
    lead = await create_lead(
        ctx.session,
        company=name[:200],
        company_key=identity_key(ctx, ex),
        source=source,
        created_at=start,
        city=ex.city,
        source_detail=ctx.message.form.get("source_detail", "")[:200] or None,
        # a member who reports having met or called the new customer has screened them already
        stage=first_stage(ex) if person is not None else STAGES[0],
    )
    await _record(ctx, lead, ex, person)
    await _form_extras(ctx, lead, ex)
    facts = LeadFacts(ex.budget, lead.product_line, source, lead.city)
    lead.grade = grade_lead(facts, ctx.config.grading)
    need = need_text(ex, ctx.message.text)
    tz = ctx.config.tz
    if person is not None and (person.role == "rep" or keeps_it(ctx.message.text)):
        # a rep's own find, or a manager's they say they follow themself ("这个我自己跟")
        lead.owner_id, lead.team_id, lead.assigned_at = person.id, person.team_id, now
        lines = (*lead_lines(lead, await list_contacts(ctx.session, lead.id), tz), f"等级：{lead.grade}")
        return [
            Reply(to=person.id, title="新线索已录入，归你跟进", lines=lines, buttons=lead_buttons(lead.id))
        ]

    if person is not None and not facts.city:  # a manager's report: the city its name places it in
        facts = dataclasses.replace(facts, city=company_city(lead.company))
    choice = await assign_lead(ctx.session, lead, facts, ctx.config.assignment, start)
    replies = [Reply(to=None, title="您好，已收到您的咨询", lines=ACK)] if person is None else []
    if choice.owner_id is not None:
        replies.append(assignment_card(choice.owner_id, lead, need, choice.reason, late=_late(start, now)))
        owner = await ctx.session.get(Person, choice.owner_id)
        who = owner.name if owner is not None else str(choice.owner_id)
    else:
        who = "待主管分配"
        replies += await _tell_queue_manager(ctx, lead, need, choice.reason)
    if person is not None and person.id not in {r.to for r in replies}:
        lines = (f"客户：{lead.company}", f"分配给：{who}")
        replies.append(Reply(to=person.id, title="新线索已录入", lines=lines))
    return replies


def _late(sent: datetime, arrived: datetime) -> str | None:
    """ "平台延迟 12 分钟送达" when the platform delivered the inquiry well after it was sent."""
    minutes = int((arrived - sent) / timedelta(minutes=1))
    return f"平台延迟 {minutes} 分钟送达" if arrived - sent >= LATE else None


async def _form_extras(ctx: Context, lead: Lead, ex: Extraction) -> None:
    """What only an ad form carries: tags from its options, and a second phone number."""
    lead.tags = [*(lead.tags or []), *(t for t in form_tags(ctx.message.form) if t not in (lead.tags or []))]
    second = normalise_phone(form_field(ctx.message.form, "phone2"))
    if second and second != ex.phone and await find_lead_by_phone(ctx.session, second) is None:
        # Its own row (matched by phone only): the same person's other number, not a new person.
        contact = await add_contact(ctx.session, lead.id, now=ctx.clock.now(), phone=second)
        contact.name = contact.name or ex.contact_name


async def _tell_queue_manager(ctx: Context, lead: Lead, need: str, reason: str) -> list[Reply]:
    manager = await team_manager(ctx.session, lead.team_id)
    if manager is None:
        log.warning("lead queued with no manager to tell lead_id=%s team_id=%s", lead.id, lead.team_id)
        return []
    lines = (
        f"客户：{lead.company}",
        f"来源：{source_text(lead.source)}",
        f"需求：{need}",
        f"等级：{lead.grade}",
        f"原因：{reason}",
        "请指定负责人。",
    )
    buttons = lead_buttons(lead.id, contacted=False)
    return [Reply(to=manager.id, title="新线索待分配", lines=lines, buttons=buttons)]
