"""clarify: "是哪个客户？" keeps the message it asks about, so the answer completes it.

When a handler cannot tell which customer a message is about (no customer recognised, or several
that nothing in the message settles), it asks with `ask`: the question goes out (a card with one
button per candidate when there are candidates) and the message's whole extraction is kept with it
in a pending_question row, one per member. handlers.clarify_answer reads the answer ("1", a name
or short name, a button, "新客户") and completes the kept message as if it had named the customer.
The question lapses after [conversation] question_expiry.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import delete, select

from bot.types import Button, Reply
from handlers.context import Context
from handlers.format import cut
from handlers.lead_lookup import may_change
from handlers.rights import lines_for
from nlp import Extraction, FollowUpTime, Intent, Period
from nlp.types import NamedPerson
from storage.followups import last_followup_by
from storage.leads import list_contacts
from storage.models import Lead, PendingQuestion, Person

log = logging.getLogger("salesbot.handlers.clarify")

ASK_WHICH = "是哪个客户？"
PICK = "pick"  # button key "pick:<lead id>", or "pick:new" for a customer not in the CRM
NEW = "new"
NEW_CUSTOMER = "新客户"
MAX_BUTTONS = 5  # a chat card holds a handful of buttons; more candidates are answered by number
HOW_TO_ANSWER = f"回复序号或客户名称即可，这条会记到那个客户上；不在列表里请回复「{NEW_CUSTOMER}」。"


async def ask(
    ctx: Context, person: Person, candidates: Sequence[Lead] = (), lines: Sequence[str] = ()
) -> Reply:
    """The question "是哪个客户？" about this message, kept with its extraction until answered.

    `candidates`: the leads the message may mean, listed by number and as buttons; `lines`: what to
    say when there are none (nothing in the message named a customer)."""
    # Only those the member may write to are offered: a manager's book holds the team's leads of
    # every product line, and with the lines isolated a name must not show the others'.
    keep = lines_for(ctx, person)
    candidates = [lead for lead in candidates if await may_change(ctx.session, person, lead, keep)]
    if not candidates and not lines:
        lines = ("没认出是哪个客户，请回复客户名称。",)
    await keep_question(ctx, person, ctx.extraction, candidates=[lead.id for lead in candidates])
    log.info("asked which customer person_id=%s candidates=%s", person.id, [c.id for c in candidates])
    if not candidates:
        return Reply(to=person.id, title=ASK_WHICH, lines=tuple(lines))
    listed = candidate_lines(candidates, await _people_asked_about(ctx, candidates))
    buttons = tuple(Button(f"{PICK}:{lead.id}", lead.company[:20]) for lead in candidates[:MAX_BUTTONS])
    new_button = (Button(f"{PICK}:{NEW}", NEW_CUSTOMER),) if ctx.extraction.company else ()
    return Reply(
        to=person.id, title=ASK_WHICH, lines=(*cut(listed), HOW_TO_ANSWER), buttons=(*buttons, *new_button)
    )


# A record logged on the one lead of a shared name that holds a product the message names keeps the
# others open under this key (the record's id): an answer naming another moves the record there.
SETTLED = "settled_record"
HOW_TO_MOVE = "记错了？回复是哪个客户（序号或名称），这条就改记到那家。"


async def offer_others(
    ctx: Context, person: Person, chosen: Lead, others: Sequence[Lead], product: str | None, card: Reply
) -> Reply:
    """The confirmation of a record that a product settled between leads of one name (`chosen`
    holds it, `others` do not), with every one of them listed by number and the others as buttons:
    no silent guess, the writer sees where it went and moves it with one answer."""
    keep = lines_for(ctx, person)
    others = [lead for lead in others if await may_change(ctx.session, person, lead, keep)]
    record = await last_followup_by(ctx.session, person.id, chosen.id)
    if not others or record is None or record.happened_at != ctx.message.sent_at:
        return card  # nothing else the writer may write to, or no record made of this message
    listed = sorted([chosen, *others], key=lambda lead: lead.id)
    await keep_question(ctx, person, ctx.extraction, candidates=[lead.id for lead in listed],
                        extra={SETTLED: record.id})  # fmt: skip
    said = f"「{product}」" if product else "产品"
    head = f"同名客户有{len(listed)}家，按{said}记到了{chosen.company}："
    buttons = tuple(Button(f"{PICK}:{lead.id}", lead.company[:20]) for lead in others[:MAX_BUTTONS])
    people = await _people_asked_about(ctx, listed)
    lines = (*card.lines, head, *cut(candidate_lines(listed, people)), HOW_TO_MOVE)
    return dataclasses.replace(card, lines=lines, buttons=(*card.buttons, *buttons))


async def keep_question(
    ctx: Context,
    person: Person,
    extraction: Extraction,
    *,
    candidates: Sequence[int] = (),
    extra: dict[str, object] | None = None,
) -> None:
    """Keep this message, read as `extraction`, with the question just asked about it (the member's
    only open one) until it is answered or lapses: the customers it may mean (`candidates`, lead ids)
    and anything else the answer needs (`extra`, beside the slots)."""
    now = ctx.clock.now()
    await forget(ctx, person)
    ctx.session.add(
        PendingQuestion(
            person_id=person.id,
            intent=str(extraction.intent),
            text=ctx.message.text,
            extracted=kept_slots(extraction) | (extra or {}),
            candidates=list(candidates),
            sent_at=ctx.message.sent_at,
            asked_at=now,
            expires_at=now + ctx.config.conversation.question_expiry,
        )
    )
    await ctx.session.flush()


def candidate_lines(candidates: Sequence[Lead], people: Mapping[int, str] | None = None) -> list[str]:
    """The leads a message may mean, by number: "1. 无锡华康医药有限公司（无锡，初筛）", with the person
    of each the message named when it named a person, not a customer (`people`, by lead id)."""
    people = people or {}
    return [
        f"{i}. {lead.company}（{'，'.join(x for x in (lead.city, lead.stage, people.get(lead.id)) if x)}）"
        for i, lead in enumerate(candidates, 1)
    ]


async def _people_asked_about(ctx: Context, candidates: Sequence[Lead]) -> dict[int, str]:
    """Per candidate, its contact the message called by name when it named no customer ("曹总上午打电话
    了" with two 曹总 in the book): the writer tells them apart by the person they meant."""
    said = ctx.extraction.contact_name
    if ctx.extraction.company or not said:
        return {}
    people: dict[int, str] = {}
    for lead in candidates:
        for contact in await list_contacts(ctx.session, lead.id):
            if contact.name and contact.name.startswith(said):
                people[lead.id] = " ".join(x for x in (contact.name, contact.title) if x)
                break
    return people


async def pending(ctx: Context, person: Person, at: datetime) -> PendingQuestion | None:
    """The member's open question at `at`; an expired one is dropped."""
    row = (
        await ctx.session.execute(select(PendingQuestion).where(PendingQuestion.person_id == person.id))
    ).scalar_one_or_none()
    if row is not None and at > row.expires_at:
        log.info("question expired person_id=%s", person.id)
        await forget(ctx, person)
        return None
    return row


async def forget(ctx: Context, person: Person) -> None:
    await ctx.session.execute(delete(PendingQuestion).where(PendingQuestion.person_id == person.id))


def kept_slots(ex: Extraction) -> dict[str, object]:
    """What the pending row keeps of an extraction: its slots, and the kind of a contact a new-lead
    message reports (which the slots leave to log_followup)."""
    slots: dict[str, object] = ex.to_slots()
    if ex.reported_kind:
        slots["reported_kind"] = ex.reported_kind
    if ex.others:
        slots["others"] = [[o.name, o.title, o.phone] for o in ex.others]
    if ex.phone_changed:
        slots["phone_changed"] = True
    if ex.plan_alone:
        slots["plan_alone"] = True
    if ex.assignee:
        slots["assignee"] = ex.assignee
    return slots


def kept_extraction(row: PendingQuestion) -> Extraction:
    """The asked-about message's extraction, rebuilt from its stored slots (Extraction.to_slots)."""
    s = row.extracted
    budget = s.get("budget")
    nxt, period = s.get("next_followup"), s.get("period")
    return Extraction(
        intent=Intent(row.intent),
        company=s.get("company"),
        contact_name=s.get("contact_name"),
        contact_title=s.get("contact_title"),
        phone=s.get("phone"),
        email=s.get("email"),
        products=tuple(s.get("products") or ()),
        competitors=tuple(s.get("competitors") or ()),
        budget=(budget[0], budget[1]) if budget else None,
        city=s.get("city"),
        kind=s.get("kind"),
        stage=s.get("stage"),
        next_followup=FollowUpTime(nxt["date"], nxt.get("time")) if nxt else None,
        scope=s.get("scope"),
        period=Period(period["start"], period["end"]) if period else None,
        reported_kind=s.get("reported_kind"),
        others=tuple(NamedPerson(*o) for o in s.get("others") or ()),
        phone_changed=bool(s.get("phone_changed")),
        plan_alone=bool(s.get("plan_alone")),
        assignee=s.get("assignee"),
    )


# A kept message asked about with "是哪位同事？" (handlers.reassign_lead) keeps the members it may
# mean under this key; such a question is not "是哪个客户？" and its answers are not customers.
MEMBER_OPTIONS = "member_options"


def asks_which_customer(row: PendingQuestion) -> bool:
    return MEMBER_OPTIONS not in (row.extracted or {})
