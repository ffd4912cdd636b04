"""More about the customer just reported on: "对了他们还想看看DR", "他说下周给答复", "预算可能再加20万".

A rep tells a visit in several messages. One that names no customer, sent within [conversation]
context_window (5 minutes by default) of the writer's last record, is one more follow-up on that
record's lead, of the same kind and with the same contact unless it names another: products and
competitors accumulate on the lead, a budget replaces the old one ("再加20万" adds to it), a next
follow-up is set, a new person becomes a contact. A "下次什么时候跟进？" still open moves to the new
record (a bare time answers it there), or is settled by the plan the message gives. The reply says
which customer it went to and what changed, with 改一下 to correct it. A message that only says the
budget ("预算大概8到10万") or only the plan, or only a phone, is more of the record just logged, not a
contact of its own: it amends that record.

A report typed in fragments is the exception: when the record opened with the contact alone ("下午去了
趟X物业", "给Y打了个电话") and the next messages come within FRAGMENT_WINDOW of each other ("见了骆经理",
"他们要换三十把办公椅", "总价压在六万以内"), they are that one contact told in parts and amend its
record. An afterthought ("对了他们还要冷柜", "另外…") or a contact of its own ("又打了个电话",
another person's call) stays one more follow-up, as after a whole report.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta
from typing import Any

from bot.types import Reply
from handlers.cards import amend_button, contact_text, followup_card, next_followup_text
from handlers.context import Context
from handlers.lead_facts import apply_extraction, card_contact, reached_stage, set_next_followup
from handlers.lead_lookup import TAKEN, link_contact, may_change, normalise_phone
from handlers.rights import lines_for
from handlers.tags import budget_text
from nlp import Extraction, Intent
from storage.followups import amend_followup, record_followup
from storage.leads import change_stage, get_lead
from storage.models import Contact, FollowUp, Lead, Person

# Words that refer back to the customer or the conversation: a message with them but no fact may
# still be news about the customer ("他说下周给答复").
_REFERS_BACK = re.compile(r"他|她|对方|客户|对了|另外|还有|那边|补充")
# "再加20万", "追加了20万": the amount adds to the budget known (not the 多 of a guess: "差不多40万",
# "不多80万" say what it is).
_ADDS = re.compile(r"(?:再|又|还|多)?(?:加|增加|追加|(?<!不)多)了?\s*$")
NOTE_CHARS = 40
# How people found what they were shown ("她们对A和B反馈都不错", "客户觉得这款挺好", "说比X那台省事"),
# the supplier they had ("之前X的服务太慢了 挺不满意的") or a rival's offer they weigh: an opinion word...
_OPINION = re.compile(
    r"反馈|评价|口碑|印象|不错|挺好|很好|满意|不满|认可|好评|夸|一般|太(?:慢|贵|差|烂)"
    # drawn to it or put off by it: "对X有点心动", "嫌贵", "嫌X的界面土"
    r"|心动|动心|看上|相中|嫌"
    r"|比[^，,。；;\s]{1,12}?(?:好|强|省|快|稳|便宜|方便|差)"
    # weighing it against a rival's: "还在对比X的报价", "拿X的价格在比较"
    r"|对比|比较|比价|货比"
)
# ...and no word of a new want ("还想看看DR", "还要冷柜", "打算加一台"), which is news of the deal.
_WANTS = re.compile(r"想|要|需|感兴趣|看看|考虑|打算|准备|加|问|试|订|买|采购")


def may_continue(ex: Extraction, text: str) -> bool:
    """Words that may say more about the last customer: no customer or request of their own, and
    either a fact about a customer or a word that refers back to one. A phone may be a new
    person's ("对接人是小蔡 电话…"): whether it is a customer's is looked up after.
    Stage news with no customer ("报价刚发过去了", "合同签了") right after a report is that
    customer's too: one more follow-up, which moves its stage."""
    if ex.company or ex.intent not in (Intent.OTHER, Intent.LOG_FOLLOWUP, Intent.UPDATE_STAGE):
        return False
    facts = deal_news(ex) or ex.next_followup or ex.kind or ex.contact_name
    return bool(facts) or _REFERS_BACK.search(text) is not None


def _note(text: str) -> str:
    return f"备注：{text if len(text) <= NOTE_CHARS else text[:NOTE_CHARS] + '…'}"


def deal_news(ex: Extraction) -> bool:
    """Whether the message tells what the CRM keeps about the deal: products, competitors, an amount,
    a stage."""
    return bool(ex.products or ex.competitors or ex.budget or ex.stage)


def _says_a_fact(ex: Extraction) -> bool:
    """Whether a follow-on says something the CRM keeps (news of the deal, a plan, a kind of contact,
    a person, a way to reach them)."""
    return deal_news(ex) or bool(
        ex.next_followup
        or ex.kind
        or ex.contact_name
        or ex.contact_title
        or ex.phone
        or ex.email
        or ex.others
    )


def _about_its_contact(ex: Extraction, contact: Contact | None, told_of: bool) -> Extraction:
    """The extraction without the person when it is the record's own contact ("梁总说月底前定下来") or
    someone the record already told of (`told_of`): naming who said or does it is no news about the
    customer; only someone new is."""
    if not ex.contact_name:
        return ex
    if not told_of and (contact is None or ex.contact_name != contact.name):
        return ex
    return dataclasses.replace(ex, contact_name=None, contact_title=None)


def _told_of(said: Extraction, record_text: str) -> bool:
    """Whether the person the message names, in its own words ("罗工"), is one the record's text already
    told of ("研发的罗工也拉进来了" before "罗工那边先出结构图")."""
    words = (said.contact_name or "") + (said.contact_title or "")
    return len(words) >= 2 and words in record_text


def _product_remark(ex: Extraction, text: str) -> bool:
    """Feedback on products of the visit just reported ("她们对A和B反馈都不错"), on ours against a
    competitor's ("说比X那台好用") or on a rival they had ("她还说之前X的服务太慢了"): products and
    competitors are the only facts (besides whose opinion it is, by title), said with an opinion and
    no new want. It tells how the visit went, so it is a remark on that record, not another contact;
    any other fact (an amount, a plan, a named person) makes it one."""
    if not (ex.products or ex.competitors):
        return False
    rest = dataclasses.replace(ex, products=(), competitors=())
    if not ex.contact_name:
        # whose opinion it is, named by a title only ("她们老板对X有点心动"), is no new person met
        rest = dataclasses.replace(rest, contact_title=None)
    if _says_a_fact(rest):
        return False
    return _OPINION.search(text) is not None and _WANTS.search(text) is None


# Where a clause ends: the rep's plan runs from its day to the next one.
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
# A clause of the plan that tells what or whom the rep takes along: "带上工程师", "顺便把样品拿过去".
_TAKES_ALONG = re.compile(r"\s*(?:我|我们)?\s*(?:顺便|顺带|再|也)?\s*(?:带上?|拿上?|捎上?|叫上|把)")


def _in_the_plan(ex: Extraction, text: str, key: str) -> bool:
    """Whether what `key` names is said inside the rep's plan, which runs to the end of the message
    ("下下周一之前把直播的报价补给他"): a deliverable of that plan, not news of the deal. Only the first
    mention has a span, so the plan must be the message's last clause for all of them to be in it."""
    plan, said = ex.spans.get("next_followup"), ex.spans.get(key)
    if plan is None or said is None or said[0] < plan[1]:
        return False
    rest = text.rstrip("，,。；;！!~～ ")
    end = _CLAUSE_END.search(rest, plan[1])
    # (the clauses after it may tell what the rep takes along: "下周二过去。带上工程师一块")
    while end is not None and _TAKES_ALONG.match(rest, end.end()):
        end = _CLAUSE_END.search(rest, end.end())
    return end is None


def _plan_only(ex: Extraction, text: str) -> bool:
    """A follow-on that only gives the rep's plan: a next contact and nothing the CRM keeps besides,
    once the products it names as what the rep will bring or send are left out. What the customer
    said they will do by when ("严经理说下周五之前给结论，我下周五上午再跟他确认") is their timeline,
    no fact either. It sets the plan of the record it follows; it is no contact of its own."""
    if ex.next_followup is None or ex.kind is not None:
        return False
    rest = dataclasses.replace(ex, next_followup=None)
    if ex.products and _in_the_plan(ex, text, "products"):
        rest = dataclasses.replace(rest, products=())
    return not _says_a_fact(rest)


def _reach_only(ex: Extraction) -> bool:
    """A phone or e-mail and nothing else ("他手机139…"): how to reach the person just reported on."""
    return bool(ex.phone or ex.email) and not _says_a_fact(dataclasses.replace(ex, phone=None, email=None))


def _amount_only(ex: Extraction) -> bool:
    """A budget and nothing else the CRM keeps ("预算大概8到10万", "再加20万"): what the contact just
    reported put the deal at, said after the report; no contact of its own. (Opened as an afterthought,
    "对了她说预算…", it is one more follow-up, as any afterthought is.)"""
    return ex.budget is not None and not _says_a_fact(dataclasses.replace(ex, budget=None))


def _fill_in(contact: Contact, ex: Extraction) -> bool:
    """Give the record's contact the phone or e-mail said; a number on file is replaced only when the
    message says it changed. Whether anything was written."""
    phone, filled = normalise_phone(ex.phone), False
    if phone and (not contact.phone or ex.phone_changed) and contact.phone != phone:
        contact.phone, filled = phone, True
    if ex.email and not contact.email:
        contact.email, filled = ex.email.lower(), True
    return filled


def _budget(lead: Lead, ex: Extraction, text: str) -> tuple[int | None, int | None] | None:
    """The lead's budget after the message: the amount said, or added to the known one."""
    if ex.budget is None:
        return None
    span = ex.spans.get("budget")
    if span is None or not _ADDS.search(text[: span[0]]):
        return ex.budget
    if lead.budget_min is None and lead.budget_max is None:
        return None  # "再加20万" to an unknown budget: kept in the words only
    low, high = ex.budget
    add = high if high is not None else low
    if add is None:
        return None
    return tuple(None if v is None else v + add for v in (lead.budget_min, lead.budget_max))  # type: ignore[return-value]


# The record's person pointed at again ("刚又给他打了个电话"), not the customer as a whole ("他们").
_THAT_PERSON = re.compile(r"[他她](?!们)")
# A contact told as another one ("他们又打了个电话来"), not more of the one recorded ("电话里还说…").
_ANOTHER = re.compile(r"又|再次|再一次")


def _contact_of(followup: FollowUp, named: Contact | None, ex: Extraction, text: str) -> int | None:
    """Who the follow-on record is with: the last record's person, since it tells more of that
    contact; a person it introduces ("新来的采购主管叫…", "对接人是…") joins the lead's contacts only.
    A contact of its own ("刚又跟他们采购通了电话") is with the person it names, or with the last
    record's person when it points at them ("他又打电话来"); another contact with the customer as a
    whole ("他们又打了个电话来") names nobody."""
    if named is not None and (ex.kind is not None or followup.contact_id is None):
        return named.id
    another = ex.kind is not None and (ex.kind != followup.kind or _ANOTHER.search(text) is not None)
    if another and named is None and _THAT_PERSON.search(text) is None:
        return None
    return followup.contact_id


# How many fragments have joined a record (among its slots): a correction's words added to a whole report
# make it no report in parts.
PARTS = "parts"
# A contact said alone is short ("下午去了趟X物业", "X那边 微信上跟苗主管聊了一下"); a longer opening
# tells what was said there ("去了趟X 骆经理说门禁老是坏 业主投诉不断"), a whole report.
_BARE_CHARS = 20
# What a report says of the deal besides who was met and how: a report with none of it yet is told in parts.
_CONTENT = ("products", "competitors", "budget", "stage", "next_followup")
# Fragments of one report come one after the other, typed as the rep thinks; a message after a longer
# pause is news of its own even inside the context window.
FRAGMENT_WINDOW = timedelta(minutes=3)
# Words that open an afterthought: the rep took the report as told and adds to it ("对了他们还要冷柜",
# "另外会议室也要配桌子", "oh and they want desks too"), one more follow-up even after a report that
# opened with the contact alone.
_AFTERTHOUGHT = re.compile(
    r"^[\s哦噢喔啊呃嗯，,、.…]*(?:对了|另外|还有|补充|忘了说|忘说了|顺便说|顺带说"
    r"|btw\b|by the way|also\b|oh,? and\b|p\.?s\b)",
    re.IGNORECASE,
)


def _told_in_parts(followup: FollowUp) -> bool:
    """Whether the record is a report being typed in fragments: it opened with the contact alone ("下午
    去了趟X", "给Y打了个电话"), what was said there still to come, or a fragment has already joined it.
    A report that came whole ("去X演示了彩超，下周三再去") is done: news after it is a follow-up of
    its own."""
    if followup.extracted.get(PARTS):
        return True
    opening = followup.text.split("\n", 1)[0]
    return len(opening) <= _BARE_CHARS and not any(followup.extracted.get(key) for key in _CONTENT)


def _in_parts_now(followup: FollowUp, person: Person, now: datetime) -> bool:
    """Whether a message of `person` sent `now` may be the next fragment of the record: the writer's own
    report in parts, last touched within FRAGMENT_WINDOW."""
    touched = followup.updated_at or followup.created_at
    recent = touched is not None and now - touched <= FRAGMENT_WINDOW
    return followup.person_id == person.id and recent and _told_in_parts(followup)


def _one_more_part(followup: FollowUp, person: Person, now: datetime) -> dict[str, int]:
    """The count of fragments a report in parts has, one more; nothing for a whole report (or one
    left for longer than FRAGMENT_WINDOW)."""
    if not _in_parts_now(followup, person, now):
        return {}
    return {PARTS: int(followup.extracted.get(PARTS) or 0) + 1}


def _adds_to_report(followup: FollowUp, person: Person, ex: Extraction, text: str, now: datetime) -> bool:
    """Whether a follow-on is one more fragment of the writer's report in parts ("见了骆经理", "要换三十
    把办公椅", "总价压在六万以内"), not a follow-up of its own. It is one when it opens with no afterthought
    word and tells no contact of its own: no kind of contact, or the one met on a visit that named the
    place alone ("下午去了趟X物业" / "见了骆经理"). A call or a message is told with whom it was, so a kind
    said after one is another contact ("又打了个电话", "刘经理那边发了报价")."""
    if not _in_parts_now(followup, person, now) or _AFTERTHOUGHT.match(text):
        return False
    if ex.kind is None:
        return True
    met = ex.kind == "visit" and followup.kind in (None, "visit") and followup.contact_id is None
    return met and bool(ex.contact_name or ex.contact_title) and _ANOTHER.search(text) is None


_ACCUMULATE = ("products", "competitors")


def _slots_merged(followup: FollowUp, ex: Extraction) -> dict[str, Any]:
    """The record's slots with the fragment's: lists (products, competitors) accumulate, a value said
    replaces the one kept, nothing said leaves it as it was."""
    merged: dict[str, Any] = {}
    for key, value in ex.to_slots().items():
        if value in (None, [], (), ""):
            continue
        kept = followup.extracted.get(key)
        if key in _ACCUMULATE and isinstance(kept, list):
            merged[key] = kept + [v for v in value if v not in kept]
        else:
            merged[key] = value
    return merged


async def _amend_report(
    ctx: Context,
    person: Person,
    followup: FollowUp,
    ex: Extraction,
    contact: Contact | None,
    due: datetime | None,
    awaiting: str | None,
) -> None:
    """The fragment kept on the record it adds to: its slots, its words, the plan it gives, the kind of
    contact if the record had none, and the person it names as the one met."""
    now = ctx.clock.now()
    if followup.kind is None and ex.kind is not None:
        followup.kind = ex.kind
    if contact is not None and (followup.contact_id is None or ex.contact_name):
        followup.contact_id = contact.id
    await amend_followup(
        ctx.session,
        followup,
        at=now,
        awaiting=awaiting,
        extracted={**_slots_merged(followup, ex), **_one_more_part(followup, person, now)},
        next_followup_at=due,
        note=ctx.message.text,
    )


async def _set_plan(
    ctx: Context, person: Person, lead: Lead, followup: FollowUp, ex: Extraction
) -> list[Reply]:
    """The plan of a plan-only follow-on put on the record it follows (and its lead), its words kept
    with that record; the products it will deliver join the lead."""
    due = set_next_followup(lead, ex.next_followup, ctx.config.tz)
    if ex.products:
        only = Extraction(intent=ex.intent, products=ex.products)
        await apply_extraction(
            ctx.session,
            lead,
            only,
            ctx.catalog,
            now=ctx.clock.now(),
            ample_budget=ctx.config.grading.ample_budget,
        )
    return await planned_on(ctx, person, lead, followup, ex, due, note=ctx.message.text)


async def _add_budget(
    ctx: Context, person: Person, lead: Lead, followup: FollowUp, ex: Extraction
) -> list[Reply]:
    """The budget of an amount-only follow-on put on the record it follows (and its lead), as a fragment
    of a report in parts is: a human adds it to the follow-up just logged, not a second contact."""
    now, text = ctx.clock.now(), ctx.message.text
    before = budget_text(lead.budget_min, lead.budget_max)
    budget = _budget(lead, ex, text)
    extracted: dict[str, Any] = dict(_one_more_part(followup, person, now))
    if budget is not None:
        only = Extraction(intent=ex.intent, budget=budget)
        await apply_extraction(
            ctx.session, lead, only, ctx.catalog, now=now, ample_budget=ctx.config.grading.ample_budget
        )
        extracted["budget"] = list(budget)
    await amend_followup(
        ctx.session, followup, at=now, awaiting=followup.awaiting, extracted=extracted, note=text
    )
    after = budget_text(lead.budget_min, lead.budget_max)
    said = f"预算：{before or '未定'} → {after}" if after != before else _note(text)
    lines = (f"客户：{lead.company}", said)
    return [Reply(to=person.id, title="已补充跟进", lines=lines, buttons=(amend_button(lead.id),))]


async def planned_on(
    ctx: Context,
    person: Person,
    lead: Lead,
    followup: FollowUp,
    ex: Extraction,
    due: datetime | None,
    *,
    note: str | None = None,
) -> list[Reply]:
    """The plan `ex` said (due at `due`, already on the lead) kept on the record it completes, and the
    card that shows it: the answer to "下次什么时候跟进？" and a plan-only follow-on end the same way."""
    slots = {"next_followup": ex.to_slots()["next_followup"]}
    await amend_followup(
        ctx.session,
        followup,
        at=ctx.clock.now(),
        awaiting=None,
        extracted=slots,
        next_followup_at=due,
        note=note,
    )
    contact = await card_contact(ctx.session, lead, followup.contact_id)
    return [followup_card("已更新下次跟进", person.id, lead, contact, followup.kind, ctx.config.tz)]


async def record_follow_on(ctx: Context, person: Person, followup: FollowUp) -> list[Reply]:
    """The message as one more follow-up on the lead of `followup`, the writer's last record."""
    session, tz, now, text = ctx.session, ctx.config.tz, ctx.clock.now(), ctx.message.text
    lead = await get_lead(session, followup.lead_id)
    assert lead is not None  # follow-ups cascade with their lead
    if not await may_change(session, person, lead, lines_for(ctx, person)):
        return [Reply(to=person.id, title="无法记录", lines=(TAKEN,))]
    ex = await link_contact(session, lead, ctx.extraction, text)
    its_contact = await session.get(Contact, followup.contact_id) if followup.contact_id else None
    told = _about_its_contact(ex, its_contact, _told_of(ctx.extraction, followup.text))
    if its_contact is not None and _reach_only(told) and followup.person_id == person.id:
        # "他手机139…", "骆经理电话139…": a detail of the contact just reported on (named or pointed at),
        # not a second contact with a nameless twin
        _fill_in(its_contact, ex)
        await amend_followup(session, followup, at=now, awaiting=followup.awaiting, note=text)
        lines = (f"客户：{lead.company}", f"联系人：{contact_text(its_contact)}")
        return [Reply(to=person.id, title="已补充联系人", lines=lines, buttons=(amend_button(lead.id),))]
    if not _says_a_fact(told) and followup.person_id == person.id:
        # "他说下周给答复": a remark on the contact just reported, kept with its record; no new contact
        more = _one_more_part(followup, person, now)
        await amend_followup(session, followup, at=now, awaiting=followup.awaiting, extracted=more, note=text)
        lines = (f"客户：{lead.company}", _note(text))
        return [Reply(to=person.id, title="已补充跟进", lines=lines, buttons=(amend_button(lead.id),))]
    if _plan_only(told, text):
        return await _set_plan(ctx, person, lead, followup, ex)
    if _amount_only(told) and followup.person_id == person.id and not _AFTERTHOUGHT.match(text):
        return await _add_budget(ctx, person, lead, followup, ex)
    if _product_remark(told, text) and followup.person_id == person.id:
        # "她们对A和B反馈都不错": its new products (and rivals) join the lead and the record, no second
        # follow-up
        products_before = list(lead.products or [])
        await apply_extraction(
            session, lead, ex, ctx.catalog, now=now, ample_budget=ctx.config.grading.ample_budget
        )
        said = {key: list(followup.extracted.get(key) or []) for key in ("products", "competitors")}
        said["products"] += [p for p in ex.products if p not in said["products"]]
        said["competitors"] += [c for c in ex.competitors if c not in said["competitors"]]
        await amend_followup(
            session,
            followup,
            at=now,
            awaiting=followup.awaiting,
            extracted={**{k: v for k, v in said.items() if v}, **_one_more_part(followup, person, now)},
            note=text,
        )
        lines = [f"客户：{lead.company}"]
        added = [p for p in lead.products or [] if p not in products_before]
        lines.append(f"产品：+{'、'.join(added)}" if added else _note(text))
        return [Reply(to=person.id, title="已补充跟进", lines=tuple(lines), buttons=(amend_button(lead.id),))]
    budget_before = budget_text(lead.budget_min, lead.budget_max)
    budget = _budget(lead, ex, text)
    ex = dataclasses.replace(ex, budget=budget)
    products_before = list(lead.products or [])
    contact = await apply_extraction(
        session, lead, ex, ctx.catalog, now=now, ample_budget=ctx.config.grading.ample_budget
    )
    if (stage := reached_stage(lead, ex)) is not None:
        await change_stage(session, lead, stage, person_id=person.id, at=ctx.message.sent_at, reason=text)
    due = set_next_followup(lead, ex.next_followup, tz)
    # The question the last record waits for is now this record's, or answered by its plan.
    awaiting = None if due is not None else followup.awaiting
    if _adds_to_report(followup, person, ex, text, now):
        await _amend_report(ctx, person, followup, ex, contact, due, awaiting)
    else:
        if followup.awaiting is not None:
            await amend_followup(session, followup, at=now, awaiting=None)
        await record_followup(
            session,
            lead_id=lead.id,
            person_id=person.id,
            text=text,
            kind=ex.kind or followup.kind,
            extracted=ex.to_slots(),
            happened_at=ctx.message.sent_at,
            created_at=now,
            next_followup_at=due,
            inbound_id=ctx.inbound_id,
            contact_id=_contact_of(followup, contact, ex, text),
            awaiting=awaiting,
        )
    lines = [f"客户：{lead.company}"]
    added = [p for p in lead.products or [] if p not in products_before]
    if added:
        lines.append(f"产品：+{'、'.join(added)}")
    budget_after = budget_text(lead.budget_min, lead.budget_max)
    if budget_after != budget_before:
        lines.append(f"预算：{budget_before or '未定'} → {budget_after}")
    if contact is not None:
        lines.append(f"联系人：{contact_text(contact)}")
    if due is not None:
        lines.append(f"下次跟进：{next_followup_text(lead, tz)}")
    if len(lines) == 1:
        lines.append(_note(text))
    return [Reply(to=person.id, title="已补充跟进", lines=tuple(lines), buttons=(amend_button(lead.id),))]
