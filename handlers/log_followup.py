"""log_followup: a rep reports a contact with a customer; the lead is found (or created) and updated.

The confirmation card shows what was understood, so a mistake shows at once. Three kinds of
message continue the last record instead of starting a new one, and the router asks
`continues_last(ctx)` before routing by intent, because the extractor may give such short
messages any intent:
- the answer to "下次什么时候跟进？" (only a time, e.g. "周五下午") completes that record;
- a correction within 10 minutes ("不对，预算是200万", "改成下周四") amends it (handlers.corrections);
- a message that names no customer, within a few minutes, says more about the same one ("对了他们
  还想看看DR", "他说下周给答复"): it is one more follow-up on that record's lead (handlers.continuation).
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta

from bot.types import CLOSED_STAGES, Reply
from handlers.assignment import Choice, give_out_reported
from handlers.cards import assignment_card, followup_card
from handlers.clarify import ask, offer_others
from handlers.contact_name import complete_name
from handlers.context import Context
from handlers.continuation import deal_news, may_continue, planned_on, record_follow_on
from handlers.corrections import (
    ASK_WHAT,
    AWAIT_CORRECTION,
    correct_followup,
    is_correction_text,
    moves_the_stage_news,
    names_last_customer,
    names_other_customer,
    new_words,
)
from handlers.inquiry import need_text
from handlers.lead_facts import (
    apply_extraction,
    card_contact,
    create_rep_lead,
    phone_kept_aside,
    reached_stage,
    set_next_followup,
)
from handlers.lead_lookup import TAKEN, Resolved, link_contact, link_in_book, may_change, resolve_lead
from handlers.rights import lines_for
from handlers.sla import refresh_cold_at
from nlp import Extraction, FollowUpTime, Intent, extract
from nlp.behalf import as_their_plan, called, colleague_pronoun, names_member, on_behalf_of
from nlp.dates import time_on_that_day
from nlp.numbers import sole_amount
from storage.followups import amend_followup, last_followup_by, last_followup_for_owner, record_followup
from storage.inbound import previous_message
from storage.leads import change_stage, get_lead
from storage.models import FollowUp, Lead, Person
from storage.people import find_person_by_key

log = logging.getLogger("salesbot.handlers.log_followup")

EXAMPLES = (
    "今天拜访了仁济医院王主任，对64排CT感兴趣，预算150万，下周三下午2点再去",
    "刚和远航物流李总通了电话，他们在和GE比较，周五下午再联系",
    "不对，预算是200万",
)

ASK_NAME = "没认出是哪个客户，直接回复客户名称即可，这条会记到那个客户上。"
AWAIT_NEXT = "next_followup"
ASK_NEXT = "下次什么时候跟进？直接回复时间即可，如「周五下午3点」"
ANSWER_WINDOW = timedelta(hours=12)  # an answer next morning still belongs to yesterday's question
CORRECTION_WINDOW = timedelta(minutes=10)


def is_time_only(ex: Extraction) -> bool:
    """A bare time such as "周五下午": a next follow-up and nothing that names a customer."""
    return ex.next_followup is not None and not (ex.company or ex.phone or ex.contact_name)


def words_to_read(text: str) -> str:
    """The words a continuation reads as a report: a correction's without its old values."""
    return new_words(text)


async def _last_to_continue(ctx: Context) -> tuple[str, FollowUp | Lead] | None:
    """("answer" | "correction" | "context", the sender's last record), ("subject", the customer the
    sender's previous message was about), or None for a new record."""
    if ctx.person is None or ctx.message.kind != "text":
        return None
    correction = is_correction_text(ctx.message.text)
    context = may_continue(ctx.extraction, ctx.message.text)
    named_plan = _names_and_plans(ctx.extraction)
    that_day = _time_on_that_day(ctx.extraction, ctx.message.text) is not None
    if not (correction or context or named_plan or that_day or is_time_only(ctx.extraction)):
        return None  # decided from the words alone, without a query for every message
    last = await last_followup_by(ctx.session, ctx.person.id)
    if last is not None:
        ctx = on_planned_day(ctx, last)
    sent = ctx.message.sent_at
    touched = None if last is None else last.updated_at or last.created_at
    asked = last is not None and touched is not None and last.awaiting == AWAIT_CORRECTION
    if asked and touched is not None and sent - touched <= CORRECTION_WINDOW:
        correction = True  # asked for with 改一下: no "不对" needed
    theirs = await _colleague_record(ctx, touched)
    if (
        theirs is not None
        and not correction
        and is_time_only(ctx.extraction)
        and _refines_plan(ctx, theirs.created_at)
        and not await _names_another_lead(ctx, theirs.lead_id)
    ):
        return "answer", theirs  # "收到 下周二三点我过去" after the manager logged their joint visit
    if (
        theirs is not None
        and not correction
        and named_plan
        and _refines_plan(ctx, theirs.created_at)
        and await _names_lead_of(ctx, theirs)
    ):
        return "answer", theirs  # "收到 X的合同我周二送过去": X is the customer of that record
    if named_plan and not correction and (own := await _own_record_named(ctx)) is not None:
        return "answer", own  # "X那个下周一我带方案过去" a few messages after the report on X
    if last is not None and touched is not None:
        if (
            is_time_only(ctx.extraction)
            and (
                # an answer to "下次什么时候跟进？" that also tells news is a follow-up of its own; a kind
                # of contact said with the plan is most often the planned one ("下周一电话跟进")
                (
                    last.awaiting == AWAIT_NEXT
                    and sent - last.created_at <= ANSWER_WINDOW
                    and not deal_news(ctx.extraction)
                    # "更正一下，是38万 … 大后天过去": a bare amount corrected beside the plan is the record's
                    # budget, which only the correction reads
                    and not (correction and sole_amount(new_words(ctx.message.text)))
                )
                or (not correction and _refines_plan(ctx, touched, that_day))  # a correction: old → new
            )
            and not await _names_another_lead(ctx, last.lead_id)
        ):
            return "answer", last
        if correction and sent - touched <= CORRECTION_WINDOW:
            if (sibling := await _sibling_named(ctx, last)) is not None:
                return "correction", sibling  # the report on two customers: the first one's is corrected
            if (
                await names_other_customer(ctx, last)
                and not await names_last_customer(ctx, last)
                and not await moves_the_stage_news(ctx, last)
            ):
                return None  # it names another customer: new information, not a correction
            return "correction", last
    window = ctx.config.conversation.context_window
    if correction or not context or not window:
        return None
    recent = last is not None and touched is not None and sent - touched <= window
    found = await resolve_lead(ctx.session, ctx.extraction, ctx.person, ctx.message.text)
    if found.lead is not None or found.candidates:
        # It names a customer itself (by short name, contact or phone): the last record's one when
        # only its person is named ("韦主任说停车场的路灯也要换"), which says more about that visit.
        if recent and found.lead is not None and last is not None and found.lead.id == last.lead_id:
            return "context", last
        return None
    subject = await _subject_of_previous(ctx, last, window)
    if subject is not None:
        return "subject", subject
    if theirs is not None:
        return "context", theirs
    if recent and last is not None:
        return "context", last
    return None


async def _sibling_named(ctx: Context, last: FollowUp) -> FollowUp | None:
    """The record on another customer made from the same message as `last` (a report on two customers)
    when the correction names that customer: "更正：上午在X见到的不是A，是B" after a report on X and Y
    corrects X's record, not Y's, nor is it news of X."""
    if ctx.person is None or last.inbound_id is None or not ctx.extraction.company:
        return None
    found = await resolve_lead(ctx.session, ctx.extraction, ctx.member, ctx.message.text)
    if found.lead is None or found.lead.id == last.lead_id:
        return None
    sibling = await last_followup_by(ctx.session, ctx.person.id, found.lead.id)
    return sibling if sibling is not None and sibling.inbound_id == last.inbound_id else None


async def _names_another_lead(ctx: Context, lead_id: int) -> bool:
    """Whether a plan with no company span names, by a short name or a contact of the writer's book
    ("X时总微信回了，…下周三我再问问"), a customer other than the record's: it is news of that
    customer, never the plan of the record just made."""
    if ctx.extraction.company or ctx.extraction.phone:
        return False  # is_time_only: such a plan is no answer anyway
    found = await link_in_book(ctx.session, ctx.extraction, ctx.member, ctx.message.text)
    named = [found.lead] if found.lead is not None else list(found.candidates)
    return bool(named) and all(lead.id != lead_id for lead in named)


async def _colleague_record(ctx: Context, own_touched: datetime | None) -> FollowUp | None:
    """The newest record another member (a manager on a joint visit) logged within the context
    window on a lead the writer owns, when it is newer than the writer's own last record: the
    owning rep's follow-on words continue it."""
    window = ctx.config.conversation.context_window
    if ctx.person is None or not window:
        return None
    found = await last_followup_for_owner(ctx.session, ctx.person.id, ctx.message.sent_at - window)
    if found is None or (own_touched is not None and found.created_at <= own_touched):
        return None
    return found


def _names_and_plans(ex: Extraction) -> bool:
    """A plan that names a customer and says nothing of a contact ("X的合同我周二送过去")."""
    return ex.next_followup is not None and bool(ex.company) and not (ex.kind or ex.contact_name)


async def _names_lead_of(ctx: Context, followup: FollowUp) -> bool:
    """Whether the customer the message names is, or may be, the lead of `followup`: a short name
    that two leads share is the one a colleague has just reported on ("智联" after their record on
    中关村智联), so the owning rep's plan is not asked about."""
    found = await resolve_lead(ctx.session, ctx.extraction, ctx.member, ctx.message.text)
    named = [found.lead] if found.lead is not None else list(found.candidates)
    return any(lead.id == followup.lead_id for lead in named)


async def _own_record_named(ctx: Context) -> FollowUp | None:
    """The writer's own record, made within the context window, on the one customer a plan names:
    the plan is that record's next contact, though other customers were reported in between."""
    window = ctx.config.conversation.context_window
    if not window:
        return None
    found = await resolve_lead(ctx.session, ctx.extraction, ctx.member, ctx.message.text)
    if found.lead is None:
        return None
    own = await last_followup_by(ctx.session, ctx.member.id, found.lead.id)
    if own is None or not _refines_plan(ctx, own.updated_at or own.created_at):
        return None
    return own


def _refines_plan(ctx: Context, touched: datetime, that_day: bool = False) -> bool:
    """A plan said on its own right after a report ("下周二三点我过去", "月底前我再去一趟") sets that
    record's next contact: it is no contact of its own, so it is no second follow-up. Said of the
    planned day ("老板那天下午两点有空"), a person named by title only is whom the planned meeting is
    with, not news."""
    window = ctx.config.conversation.context_window
    ex = ctx.extraction
    only_plan = not (deal_news(ex) or ex.kind or (ex.contact_title and not that_day))
    return only_plan and bool(window) and ctx.message.sent_at - touched <= window


def _time_on_that_day(ex: Extraction, text: str) -> str | None:
    """The time a message gives "那天" when it names no day or customer of its own."""
    if ex.next_followup is not None or ex.company or ex.phone:
        return None
    return time_on_that_day(text)


def on_planned_day(ctx: Context, followup: FollowUp) -> Context:
    """The message with the time it gives "那天" ("他说老板那天下午两点有空") as its plan, on the day
    `followup` planned (下个月8号): the words refer back to that day, which the extractor cannot know."""
    at = _time_on_that_day(ctx.extraction, ctx.message.text)
    if at is None or followup.next_followup_at is None:
        return ctx
    day = followup.next_followup_at.astimezone(ctx.config.tz).date()
    planned = dataclasses.replace(ctx.extraction, next_followup=FollowUpTime(day.isoformat(), at))
    return dataclasses.replace(ctx, extraction=planned)


async def _subject_of_previous(ctx: Context, last: FollowUp | None, window: timedelta) -> Lead | None:
    """The one customer the writer's previous message named, when it was sent within `window` and
    no record came of it (a question about that customer, its stage moved) or the record is another
    customer's: "查一下X的跟进记录" then "刚给他们打了个电话…" reports on X."""
    if ctx.inbound_id is None:
        return None
    message = ctx.message
    previous = await previous_message(ctx.session, ctx.inbound_id, message.platform, message.sender_id)
    if previous is None or previous.kind != "text" or message.sent_at - previous.sent_at > window:
        return None
    if last is not None and last.inbound_id is not None and last.inbound_id >= previous.id:
        return None  # the last record came of that message (or of a later one)
    found = await link_in_book(ctx.session, Extraction(intent=Intent.OTHER), ctx.member, previous.text)
    if found.lead is None or (last is not None and found.lead.id == last.lead_id):
        return None  # no one customer, or the last record's: that record is continued
    return found.lead


async def continues_last(ctx: Context) -> bool:
    """Whether this message answers or corrects the sender's last record; then route it to `handle`."""
    return await _last_to_continue(ctx) is not None


async def handle(ctx: Context) -> list[Reply]:
    person = ctx.member
    continuation = await _last_to_continue(ctx)
    if continuation is None:
        return await _log(ctx, person)
    kind, target = continuation
    if isinstance(target, FollowUp):
        ctx = on_planned_day(ctx, target)
    if isinstance(target, Lead):  # "subject": a report on the customer just asked about
        return await _log_on(ctx, person, target)
    if kind == "answer":
        return await _complete(ctx, person, target)
    if kind == "context":
        lead = await get_lead(ctx.session, target.lead_id)
        if lead is not None and (completed := await complete_name(ctx, lead)) is not None:
            return completed  # "那个王老师全名王春燕，刚才没说全" right after the report on them
        return await record_follow_on(ctx, person, target)
    return await correct_followup(ctx, person, target)


async def _log_on(ctx: Context, person: Person, lead: Lead) -> list[Reply]:
    """The message recorded on `lead`, which it names by no word of its own."""
    if not await may_change(ctx.session, person, lead, lines_for(ctx, person)):
        return [Reply(to=person.id, title="无法记录", lines=(TAKEN,))]
    ex = await link_contact(ctx.session, lead, ctx.extraction, ctx.message.text)
    return await write(ctx, person, lead, ex)


async def _log(ctx: Context, person: Person) -> list[Reply]:
    session = ctx.session
    found = await resolve_lead(session, ctx.extraction, person, ctx.message.text)
    lead, ex = found.lead, found.extraction
    if found.candidates:  # never a guess between two customers; the answer completes this message
        return [await ask(ctx, person, found.candidates)]
    if lead is None or not await may_change(session, person, lead, lines_for(ctx, person)):
        # "帮徐丽记一下…": a team-mate's customer, named as they know it, stays theirs
        covered = await _covered_for(ctx, person, lead)
        if covered is not None:
            return await write(ctx, person, covered.lead, _with_their_plan(ctx, covered.extraction))
    if lead is None:
        if not ex.company:
            return [await ask(ctx, person, lines=(ASK_NAME,))]
        lead = await create_rep_lead(ctx, person, ex.company)
        if (given := await give_out_reported(ctx, person, lead)) is not None:
            return await _given_out(ctx, person, lead, ex, given)
    elif not await may_change(session, person, lead, lines_for(ctx, person)):
        log.info("follow-up refused: someone else's lead person_id=%s lead_id=%s", person.id, lead.id)
        return [Reply(to=person.id, title="无法记录", lines=(TAKEN,))]
    elif (completed := await complete_name(ctx, lead)) is not None:
        return completed  # "X那个王老师全名王春燕": the contact on file renamed, no new follow-up
    else:
        ex = await for_the_owner(ctx, person, lead, ex)
    if found.set_aside and found.lead is lead:
        # a product only this lead of a shared name holds settled it: the others are shown too
        product = next((p for p in ex.products if p in (lead.products or ())), None)
        replies = await write(ctx, person, lead, ex)
        return [await offer_others(ctx, person, lead, found.set_aside, product, replies[0]), *replies[1:]]
    return await write(ctx, person, lead, ex)


def _with_their_plan(ctx: Context, ex: Extraction, pronoun: str | None = None) -> Extraction:
    """A covered report with the team-mate's own plan ("帮田野记一下…他下周一去厂里") as its next
    contact: the lead's plan is its owner's."""
    if ex.next_followup is not None:
        return ex
    words = as_their_plan(ctx.message.text, pronoun)
    if words == ctx.message.text:
        return ex
    plan = extract(words, ctx.message.sent_at).next_followup
    return ex if plan is None else dataclasses.replace(ex, next_followup=plan)


async def for_the_owner(
    ctx: Context, person: Person, lead: Lead, ex: Extraction, whole: str | None = None
) -> Extraction:
    """A note on a rep's day by another, their manager ("小林讲…孔总约她去看了…她明天再过去"): the rep is
    not the customer's person, and the rep's own plan, said with the pronoun the note (`whole`, when
    this is a part of it) uses for them, is the lead's next contact."""
    if lead.owner_id in (None, person.id):
        return ex
    owner = await ctx.session.get(Person, lead.owner_id)
    note = ctx.message.text if whole is None else whole
    if owner is not None and ex.contact_name and names_member(ex.contact_name, owner.name):
        # "韦工那边我替他说下：…见了杨局": the rep spoken for, not the customer's person
        ex = await link_contact(
            ctx.session,
            lead,
            dataclasses.replace(ex, contact_name=None, contact_title=None),
            ctx.message.text,
        )
    if owner is None or ex.next_followup is not None:
        return ex
    pronoun = colleague_pronoun(note, called(owner.name))
    return ex if pronoun is None else _with_their_plan(ctx, ex, pronoun)


async def _covered_for(ctx: Context, person: Person, found: Lead | None) -> Resolved | None:
    """The customer of the team-mate the writer says they act for ("帮徐丽记一下", "帮徐洁去了趟X"),
    found in that team-mate's book: one lead of theirs (the one already found, if any), else None."""
    others = {p.name: p.id for p in ctx.config.org.people if p.id != person.key}
    name = on_behalf_of(ctx.message.text, others)
    colleague = await find_person_by_key(ctx.session, others[name]) if name else None
    if colleague is None or colleague.team_id is None or colleague.team_id != person.team_id:
        return None  # covering is done within a team
    linked = await link_in_book(ctx.session, ctx.extraction, colleague, ctx.message.text)
    lead = linked.lead
    if lead is None or lead.owner_id != colleague.id or (found is not None and found.id != lead.id):
        return None
    log.info("follow-up for a team-mate person_id=%s for=%s lead_id=%s", person.id, colleague.id, lead.id)
    return linked


async def log_new_customer(ctx: Context) -> list[Reply]:
    """The message on a customer the rep says is new (the answer "新客户" to "是哪个客户？"): its
    lead is created from the message's company, without looking for it in the book again."""
    person, company = ctx.member, ctx.extraction.company
    if not company:
        raise ValueError("a new customer's follow-up needs the company's name")
    lead = await create_rep_lead(ctx, person, company)
    if (given := await give_out_reported(ctx, person, lead)) is not None:
        return await _given_out(ctx, person, lead, ctx.extraction, given)
    return await write(ctx, person, lead, ctx.extraction)


async def _given_out(ctx: Context, person: Person, lead: Lead, ex: Extraction, given: Choice) -> list[Reply]:
    """The manager's report recorded on the new customer they gave out: they are told who has it, and
    the rep gets the notice of a lead given to them."""
    replies = await write(ctx, person, lead, ex)
    assert given.owner_id is not None  # (only a choice with an owner gives a lead out)
    owner = await ctx.session.get(Person, given.owner_id)
    who = owner.name if owner is not None else str(given.owner_id)
    told = f"已按分配规则交给：{who}（{given.reason}）"
    card = dataclasses.replace(replies[0], lines=(*replies[0].lines, told))
    notice = assignment_card(given.owner_id, lead, need_text(ex, ctx.message.text), given.reason)
    return [card, *replies[1:], notice]


async def write(ctx: Context, person: Person, lead: Lead, ex: Extraction) -> list[Reply]:
    """Record the follow-up `ex` on `lead`, which the writer may change."""
    session, tz = ctx.session, ctx.config.tz
    now, happened = ctx.clock.now(), ctx.message.sent_at
    if lead.owner_id is None and person.role == "rep":  # taken from the team's queue
        lead.owner_id, lead.team_id, lead.assigned_at = person.id, person.team_id or lead.team_id, now
    contact = await apply_extraction(
        session, lead, ex, ctx.catalog, now=now, ample_budget=ctx.config.grading.ample_budget
    )
    if ex.plan_alone and (due := set_next_followup(lead, ex.next_followup, tz)) is not None:
        # "明天上午我先给祁总打个电话": the lead's next contact, and no record of one that happened
        await refresh_cold_at(session, lead, ctx.config)
        shown = contact or await card_contact(session, lead, None)
        return [followup_card("已安排下次跟进", person.id, lead, shown, None, tz, with_kind=False)]
    if (stage := reached_stage(lead, ex)) is not None:
        await change_stage(session, lead, stage, person_id=person.id, at=happened, reason=ctx.message.text)
    lead.last_contact_at = max(lead.last_contact_at or happened, happened)
    if lead.first_response_at is None:
        lead.first_response_at = happened
    due = set_next_followup(lead, ex.next_followup, tz)
    if due is None and lead.next_followup_at is not None and lead.next_followup_at <= happened:
        lead.next_followup_at = None  # the planned contact has just happened
    ask_next = due is None and lead.stage not in CLOSED_STAGES  # a lost or delivered deal has no next
    followup = await record_followup(
        session,
        lead_id=lead.id,
        person_id=person.id,
        text=ctx.message.text,
        kind=ex.kind,
        extracted=ex.to_slots(),
        happened_at=happened,
        created_at=now,
        next_followup_at=due,
        inbound_id=ctx.inbound_id,
        contact_id=contact.id if contact is not None else None,
        awaiting=AWAIT_NEXT if ask_next else None,
    )
    await refresh_cold_at(session, lead, ctx.config)
    shown = contact or await card_contact(session, lead, None)
    card = followup_card("已记录跟进", person.id, lead, shown, followup.kind, tz)
    if contact is not None and (aside := phone_kept_aside(ex, contact)) is not None:
        who = contact.name or "联系人"
        kept = f"新号码 {aside} 已记在这条跟进里，{who}的电话仍是原号码；如已换号请说「换号了」"
        card = dataclasses.replace(card, lines=(*card.lines, kept))
    if ask_next:
        card = dataclasses.replace(card, lines=(*card.lines, ASK_NEXT))
    return [card]


async def _complete(ctx: Context, person: Person, followup: FollowUp) -> list[Reply]:
    """The answer to "下次什么时候跟进？": the same record and its lead get the time."""
    lead = await get_lead(ctx.session, followup.lead_id)
    assert lead is not None  # follow-ups cascade with their lead
    due = set_next_followup(lead, ctx.extraction.next_followup, ctx.config.tz)
    if due is None:
        return [Reply(to=person.id, title="没看懂时间", lines=("请说具体日期，如「周五下午3点」。",))]
    return await planned_on(ctx, person, lead, followup, ctx.extraction, due)


async def await_correction(ctx: Context, person: Person, lead: Lead) -> list[Reply]:
    """改一下 on a follow-up card: the writer's last record, if it is on this lead, waits for the fix."""
    last = await last_followup_by(ctx.session, person.id)
    if last is None or last.lead_id != lead.id or ctx.message.sent_at - last.created_at > ANSWER_WINDOW:
        lines = ("这条跟进已不能直接修改，请发消息说明要改的内容，带上客户名称。",)
        return [Reply(to=person.id, title="无法修改", lines=lines)]
    await amend_followup(ctx.session, last, at=ctx.clock.now(), awaiting=AWAIT_CORRECTION)
    return [Reply(to=person.id, title=f"要改什么？（{lead.company}）", lines=ASK_WHAT)]
