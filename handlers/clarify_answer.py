"""clarify_answer: the answer to "是哪个客户？" completes the message the question kept.

The router asks `continues_last(ctx)` before routing by intent. An answer is, while the member's
question is open (handlers.clarify): "1"/"2" for a listed candidate, a candidate's button, "新客户",
or a short message that only names a customer (its full or short name), maybe with who it was and
how ("赣州那家，谢经理打来的"). The kept message is then handled as if it had named that customer, with
everything it said (contact, kind, products, budget, stage, next follow-up, competitors, its words and
time) and the contact, phone and kind the answer adds. A message that says something about a
customer (a time, a budget, products, a stage, another kind of contact than the kept one's...) is a
new report, handled as itself, and the question stays open for a later answer; only the rep's own
next plan, said in a sentence of its own after the name ("华X的李工。明天下午我带报价过去"), goes with the
answer: the kept report is completed and gets that plan. An answer that opens on a part of the name only
one listed candidate has, said as a pick ("口腔那个 周主任 要两台 下周五再去"), completes the kept report
with the facts it goes on with.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from dataclasses import dataclass

from bot.types import Reply
from handlers import log_followup, new_lead, reassign_lead, update_stage
from handlers.cards import contact_text
from handlers.clarify import (
    NEW,
    NEW_CUSTOMER,
    PICK,
    SETTLED,
    asks_which_customer,
    forget,
    kept_extraction,
    pending,
)
from handlers.context import Context, Handler
from handlers.continuation import planned_on
from handlers.corrections import move_record, old_words
from handlers.lead_facts import save_contact, set_next_followup
from handlers.lead_lookup import link_contact, resolve_lead
from nlp import Extraction, FollowUpTime, Intent
from nlp.company_key import company_key
from nlp.followup import find_followup
from storage.leads import get_lead
from storage.models import Contact, FollowUp, Lead, PendingQuestion, Person

log = logging.getLogger("salesbot.handlers.clarify_answer")

COMPLETES: dict[Intent, Handler] = {
    Intent.LOG_FOLLOWUP: log_followup.handle,
    Intent.UPDATE_STAGE: update_stage.handle,
    Intent.NEW_LEAD: new_lead.handle,
    Intent.REASSIGN_LEAD: reassign_lead.handle,
}
# A new customer's message: created from it, without looking in the book again (that found several).
CREATES: dict[Intent, Handler] = {
    Intent.LOG_FOLLOWUP: log_followup.log_new_customer,
    Intent.UPDATE_STAGE: log_followup.log_new_customer,  # stage news on a new customer is its first report
    Intent.NEW_LEAD: new_lead.create_named,
    Intent.REASSIGN_LEAD: reassign_lead.not_in_crm,  # nothing to hand over
}
ASKS = (Intent.QUERY_LEAD, Intent.QUERY_OVERDUE, Intent.QUERY_TODAY, Intent.QUERY_STATS, Intent.HELP)
# A listed candidate's number: "2", "第2个", "选2", "第二家" (a number in words only after 第).
_CHOICE = r"(?:选)?(?:第([1-9１-９一二三四五六七八九])|([1-9１-９]))(?:个|号|家)?"
_ONLY_A_CHOICE = re.compile(_CHOICE)
_IN_WORDS = {ch: n for n, ch in enumerate("一二三四五六七八九", start=1)}
_NEW = re.compile(r"(?:是|这是)?(?:个|一个)?新(?:的)?客户(?:哦|啊|呀)?|新的")
# "新客户" said with the new customer's name: "都不是 新客户 X公司", "不是A 是B 新客户 B的全称".
_NEW_SAID = re.compile(r"新(?:的)?客户")
# A pick may name the kind of place after it ("X那个站", "X那家店"): a filler, like 那个 alone; and an
# emoji typed with it ("X那个 👌", "2🙏") says no more than a stop does.
_EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d"
_FILLER = re.compile(
    rf"[\s，,。.!！?？~～、{_EMOJI}]"
    r"|^(?:是|就是|应该是)|(?:(?:那个|那家|这家)[站店厂院场馆]|那个|那家|这家|的|吧|啊|呀|哈)$"
)
NAME_LEFTOVER = 2  # characters besides the name an answer may hold ("是…的")
BARE_NAME = 12  # a bare short name ("华康") the extractor did not take for a company
PLAN_SAID = 32  # characters of the plan said after an answer: a short sentence of its own
# The clauses of an answer that tells a candidate apart by more than one mark ("临沂那家，板材的").
_PARTS = re.compile(rf"[\s，,。.!！?？~～、{_EMOJI}]+|(?<=那家|那个)")
TOLD_APART_MIN = 2  # characters an answer needs to tell the listed candidates apart ("赣州", "果业")


@dataclass(frozen=True, slots=True)
class _Answer:
    row: PendingQuestion
    lead: Lead | None  # the customer chosen; None with `new`: a customer the CRM does not know
    new: bool = False
    company: str | None = None  # a new customer's name, when the answer gives it
    plan: FollowUpTime | None = None  # the rep's next plan, said after the answer
    # The answer picked the customer by a part of its name and went on with news of the same contact
    # ("X那个 跟周工聊的 要两台 下周五再去"): its facts complete the kept report.
    news: Extraction | None = None


def _plain(text: str) -> str:
    """The text without spaces, punctuation and the fillers around a name ("是…的", "那家")."""
    previous = None
    while previous != text:
        previous, text = text, _FILLER.sub("", text)
    return text


def says_something(ex: Extraction) -> bool:
    """Whether a message reports about a customer, rather than only naming one."""
    return bool(
        ex.kind or ex.next_followup or ex.budget or ex.products or ex.competitors or ex.stage or ex.phone
    )


def _reach(ex: Extraction) -> Extraction:
    """The extraction without who was reached and how (contact, phone, kind): what is left is news."""
    return dataclasses.replace(ex, kind=None, phone=None)


# What an answer may say besides the customer's name: who it was with, their number, and how
# ("X科技，吴主管那边", "赣州那家，谢经理打来的") - the kept report's call or visit, not news of its own.
_REACH_SPANS = ("contact_name", "phone", "kind")


def _names_only(ctx: Context) -> bool:
    """Whether the message is only a customer's name (full or short), with a filler word or two, and
    maybe who it was with and how."""
    ex, text = ctx.extraction, _pick_said(ctx.message.text)
    if ex.intent in ASKS:
        return False
    if says_something(_reach(ex)):
        # ...unless it says only what the customer buys, as a pick ("64排CT那家"): `_told_apart` checks it
        # against the listed candidates' products
        return _product_picked(ex, text)
    span = ex.spans.get("company")
    # With no company said, the contact is the name the answer gives ("方经理那个"): it stays counted.
    keys = _REACH_SPANS if span is not None else ("phone", "kind")
    cut = sorted((s for key in keys if (s := ex.spans.get(key)) is not None), reverse=True)
    if span is not None:
        cut = sorted([span, *cut], reverse=True)
    for start, end in cut:
        text = text[:start] + " " + text[end:]
    if span is not None:
        return len(_plain(text)) <= NAME_LEFTOVER or _two_marks(_pick_said(ctx.message.text))
    plain = _plain(text)
    return 0 < len(plain) <= BARE_NAME and not any(ch.isdigit() for ch in plain)


def _product_picked(ex: Extraction, text: str) -> bool:
    """Whether the message names only a product, with a filler word or two around it."""
    span = ex.spans.get("products")
    if span is None or set(ex.spans) != {"products"}:
        return False
    if says_something(_reach(dataclasses.replace(ex, products=()))):
        return False
    return len(_plain(text[: span[0]] + " " + text[span[1] :])) <= NAME_LEFTOVER


# The other candidate an answer says it was not, after its pick: "A那家，不是B" (B said as the rep calls
# it, maybe by its trade: "不是4S店"): no mark of the one picked.
_NOT_THAT = re.compile(r"[\s，,、]+(?:而)?不是[^\s，,。！!？?]{1,8}[\s。！!]*$")


def _pick_said(text: str) -> str:
    """The answer without the other candidate it says it was not (`_NOT_THAT`)."""
    cut = _NOT_THAT.search(text)
    return text[: cut.start()] if cut is not None and cut.start() > 0 else text


# A mark that tells a candidate apart is a few words: a place, a trade, a part of its name.
MARK_LONGEST = 6
# ...that tell nothing happened: a message saying who did what is a report of its own.
_TOLD = re.compile(r"[说讲打发来去回约见聊谈要想]")


def _two_marks(text: str) -> bool:
    """Whether the message is only two or three short marks, each its own clause, that may tell the
    listed candidates apart ("临沂那家 板材公司"): checked against them, never taken for a report."""
    parts = [part for part in (_plain(p) for p in _PARTS.split(text)) if part]
    return 2 <= len(parts) <= 3 and all(
        TOLD_APART_MIN <= len(part) <= MARK_LONGEST
        and not any(ch.isdigit() for ch in part)
        and _TOLD.search(part) is None
        for part in parts
    )


def _marks(part: str, company: str) -> bool:
    """Whether a mark of an answer is a part of the candidate's name, said with or without a legal form
    ("板材公司" for X板材有限公司)."""
    if part in company:
        return True
    key = _fold(company_key(part))
    return key != part and len(key) >= TOLD_APART_MIN and key in company


def _same_contact(kept: Extraction, answer: Extraction) -> bool:
    """Whether the answer's kind of contact is the kept report's (or the report said none): "谢经理打来的"
    says who made the call the report told of; a visit reported and "…刚打了电话" is a new call."""
    said = kept.kind or kept.reported_kind
    return answer.kind is None or said is None or answer.kind == said


def _names_new(ctx: Context) -> str | None:
    """The name of the new customer an answer gives with "新客户" ("都不是，新客户 X公司"): the answer
    to a question only names it (with, at most, how to reach its contact: "…，王经理电话139…"), so
    a message that reports facts of its own is not one."""
    ex = ctx.extraction
    if ex.company is None or ex.intent in ASKS or says_something(dataclasses.replace(ex, phone=None)):
        return None
    return ex.company if _NEW_SAID.search(ctx.message.text) else None


def _with_reach(kept: Extraction, answer: Extraction) -> Extraction:
    """The kept message completed by the contact details its answer gave for the new customer: the
    phone (and the contact's name, when the kept message named none) belong to that customer."""
    if answer.contact_name and kept.contact_name and answer.contact_name != kept.contact_name:
        return kept  # another person: the phone is not the kept contact's
    return dataclasses.replace(
        kept,
        phone=kept.phone or answer.phone,
        email=kept.email or answer.email,
        contact_name=kept.contact_name or answer.contact_name,
        contact_title=kept.contact_title or answer.contact_title,
    )


def _with_answer(kept: Extraction, answer: Extraction, text: str) -> Extraction:
    """The kept message completed by what its answer adds: the contact (`_with_contact`), the kind of
    contact when it said none, and the phone of the contact it is logged on."""
    named = _with_contact(kept, answer, text)
    if named.kind is None and named.reported_kind is None and answer.kind is not None:
        named = dataclasses.replace(named, kind=answer.kind)
    if answer.phone and not named.phone and answer.contact_name in (None, named.contact_name):
        named = dataclasses.replace(named, phone=answer.phone)
    return named


def _with_contact(kept: Extraction, answer: Extraction, text: str) -> Extraction:
    """The kept message with the contact its answer names ("X科技，吴主管那边") when it named none, or
    in place of the one the answer says it was not ("是周主任 不是邹主任")."""
    if not answer.contact_name or kept.contact_name == answer.contact_name:
        return kept
    said_not = old_words(text)
    if any(old.startswith(answer.contact_name) for old in said_not):
        return kept  # the person it says it was not ("不是邹主任，是周主任" read as 邹)
    if kept.contact_name and not any(old.startswith(kept.contact_name) for old in said_not):
        return kept
    return dataclasses.replace(kept, contact_name=answer.contact_name, contact_title=answer.contact_title)


# The sentence the answer ends on, before the plan said after it; and the customer's words told there
# ("骆主管说下周来看样"), which are news of theirs, not the rep's plan.
_SENTENCE_END = re.compile(r"[。！!；;\n]")
_THEIR_WORDS = re.compile(r"说|讲|告诉|反馈|要求|希望")


def _plan_apart(ctx: Context) -> tuple[Context, FollowUpTime | None]:
    """The answer without the rep's own next plan said in a sentence of its own after it ("华X的李工。
    明天下午三点我带报价过去找她"), and that plan; the context unchanged and None for any other message."""
    ex, text = ctx.extraction, ctx.message.text
    if ex.intent in ASKS:
        return ctx, None
    ends = list(_SENTENCE_END.finditer(text.rstrip()))
    if not ends:
        return ctx, None
    cut = ends[-1].start()
    said = text[ends[-1].end() :]
    if "我" not in said or _THEIR_WORDS.search(said) or len(said.strip()) > PLAN_SAID:
        return ctx, None
    # the plan's sentence tells nothing but the plan ("我刚打了电话" there is a contact of its own)
    if any(sp[1] > cut for key, sp in ex.spans.items() if key != "next_followup"):
        return ctx, None
    sent = ctx.message.sent_at.astimezone(ctx.config.tz)
    day = find_followup(said, sent.date(), None, sent.strftime("%H:%M"))
    if day is None:
        return ctx, None
    spans = {key: sp for key, sp in ex.spans.items() if sp[1] <= cut}
    answer = dataclasses.replace(ex, next_followup=None, spans=spans)
    message = dataclasses.replace(ctx.message, text=text[:cut])
    plan = FollowUpTime(day.day.isoformat(), day.time)
    return dataclasses.replace(ctx, message=message, extraction=answer), plan


def _choice_number(match: re.Match[str]) -> int:
    said = match[1] or match[2]
    return _IN_WORDS.get(said) or int(said)  # int() reads full-width digits too


def _choice(text: str) -> int | None:
    match = _ONLY_A_CHOICE.fullmatch(_plain(text))
    return _choice_number(match) if match else None


async def _answer(ctx: Context) -> _Answer | None:
    person, message = ctx.person, ctx.message
    if person is None:
        return None
    if message.kind == "button":
        action, _, value = message.text.strip().partition(":")
        if action != PICK or not (value == NEW or value.isdigit()):
            return None
        row = await pending(ctx, person, message.sent_at)
        if row is None or not asks_which_customer(row):
            return None
        if value == NEW:
            return _Answer(row, None, new=True)
        return await _offered(ctx, row, int(value))
    if message.kind != "text":
        return None
    ctx, plan = _plan_apart(ctx)
    found = await _answer_in(ctx, person)
    return dataclasses.replace(found, plan=plan) if found is not None and plan is not None else found


async def _answer_in(ctx: Context, person: Person) -> _Answer | None:
    message = ctx.message
    choice, new = _choice(message.text), bool(_NEW.fullmatch(_plain(message.text)))
    named_new = _names_new(ctx)
    if choice is None and not new and named_new is None and not _names_only(ctx):
        if (part := _opens_on_a_name(ctx)) is not None:
            return await _picked_with_news(ctx, person, part)
        if (number := _opens_on_a_choice(ctx)) is not None:
            return await _chosen_with_news(ctx, person, number)
        return None  # decided from the words alone, without a query for every message
    row = await pending(ctx, person, message.sent_at)
    if row is None or not asks_which_customer(row):
        return None
    if not _same_contact(kept_extraction(row), ctx.extraction):
        return None  # another call or visit than the kept report's: news of its own
    if new or named_new is not None:
        return _Answer(row, None, new=True, company=named_new)
    if choice is not None:
        if choice > len(row.candidates):
            return None
        return await _offered(ctx, row, row.candidates[choice - 1])
    return await _named(ctx, person, row)


# The part of a name an answer opens on, said as a pick: "X那个 …", "是X那家，…" (maybe a trade word the
# extractor takes for no company: "骨科那个"), maybe with what the place is after the pointer ("Y市那个
# 食品厂 …", "Z那家门店，…"); `_picked_with_news` checks it against the listed candidates.
_OPENS_ON_PICK = re.compile(
    r"[\s，,。.!！~～、]*(?:是|就是|应该是)?([\u4e00-\u9fffA-Za-z0-9]{2,10}?)"
    r"(?:(?:那个|那家|这家|这个)[\u4e00-\u9fff]{0,4}?|的)"
    r"(?=[\s，,。.!！~～、])"
)


def _opens_on_a_name(ctx: Context) -> str | None:
    """The part of a name a message that says more than a name opens on, said as a pick."""
    if ctx.extraction.intent in ASKS:
        return None
    found = _OPENS_ON_PICK.match(ctx.message.text)
    return found[1] if found is not None else None


async def _picked_with_news(ctx: Context, person: Person, part: str) -> _Answer | None:
    """The answer that picks one listed candidate by a part of its name none of the others has ("重X那个",
    when 大连华X重X and 大连华X口腔 were listed), and goes on with facts of the same contact: they complete
    the kept report. Any other customer named so is a report of its own."""
    row = await pending(ctx, person, ctx.message.sent_at)
    if row is None or not asks_which_customer(row):
        return None
    if not _same_contact(kept_extraction(row), ctx.extraction):
        return None  # another call or visit than the kept report's: news of its own
    said = _fold(part)
    listed = [await get_lead(ctx.session, lead_id) for lead_id in row.candidates]
    fits = [lead for lead in listed if lead is not None and said in _fold(lead.company)]
    if not fits:  # ...or by its city, as `_told_apart` takes it ("衡阳那个，…" for a name that lacks it)
        city = said.removesuffix("市")
        fits = [lead for lead in listed if lead is not None and lead.city and _fold(lead.city) == city]
    if not fits:  # ...or by a short form of it, its characters in order close together ("X县Y" said "XY")
        fits = [lead for lead in listed if lead is not None and _abbreviates(said, _fold(lead.company))]
    if len(said) < TOLD_APART_MIN or len(fits) != 1:
        return None
    return _Answer(row, fits[0], news=_news(ctx))


# A listed candidate's number an answer opens on, in a clause of its own, before what it goes on with:
# "1，我后天上午过去", "第二个，周五再打".
_OPENS_ON_CHOICE = re.compile(rf"\s*{_CHOICE}\s*[，,。.!！~～、]\s*(?=\S)")


def _opens_on_a_choice(ctx: Context) -> int | None:
    """The listed candidate's number a message that says more than a choice opens on, when it names
    no customer of its own."""
    ex = ctx.extraction
    if ex.intent in ASKS or ex.company is not None:
        return None
    found = _OPENS_ON_CHOICE.match(ctx.message.text)
    if found is None:
        return None
    return _choice_number(found)


async def _chosen_with_news(ctx: Context, person: Person, number: int) -> _Answer | None:
    """The answer that picks a listed candidate by its number and goes on with facts of the same contact
    (the rep's plan, mostly): they complete the kept report, as `_picked_with_news`."""
    row = await pending(ctx, person, ctx.message.sent_at)
    if row is None or not asks_which_customer(row) or number > len(row.candidates):
        return None
    if not _same_contact(kept_extraction(row), ctx.extraction):
        return None  # another call or visit than the kept report's: news of its own
    found = await _offered(ctx, row, row.candidates[number - 1])
    return dataclasses.replace(found, news=_news(ctx)) if found is not None else None


def _news(ctx: Context) -> Extraction:
    """The facts an answer goes on with, its plan read as a report's: the answer is read with no intent
    of its own, which leaves some plans unread beside a product ("X那个，Y他们要20台，下下周一再视频")."""
    ex = ctx.extraction
    if ex.next_followup is not None or ex.intent is not Intent.OTHER:
        return ex  # (read as a report, it found no plan of the rep's)
    sent = ctx.message.sent_at.astimezone(ctx.config.tz)
    day = find_followup(ctx.message.text, sent.date(), None, sent.strftime("%H:%M"))
    return (
        ex
        if day is None
        else dataclasses.replace(ex, next_followup=FollowUpTime(day.day.isoformat(), day.time))
    )


def _with_news(kept: Extraction, news: Extraction) -> Extraction:
    """The kept report completed by the facts its answer went on with: what the report left unsaid, and
    the products and competitors both named."""
    return dataclasses.replace(
        kept,
        products=tuple(dict.fromkeys((*kept.products, *news.products))),
        competitors=tuple(dict.fromkeys((*kept.competitors, *news.competitors))),
        budget=kept.budget or news.budget,
        stage=kept.stage or news.stage,
        next_followup=kept.next_followup or news.next_followup,
    )


async def _offered(ctx: Context, row: PendingQuestion, lead_id: int) -> _Answer | None:
    """The answer choosing a listed candidate; None for one not listed, or deleted since."""
    lead = await get_lead(ctx.session, lead_id) if lead_id in row.candidates else None
    return _Answer(row, lead) if lead is not None else None


async def _named(ctx: Context, person: Person, row: PendingQuestion) -> _Answer | None:
    """The customer a name answers with: one of the writer's book, else a new one by that name."""
    found = await resolve_lead(ctx.session, ctx.extraction, person, ctx.message.text)
    if found.lead is not None:
        return _Answer(row, found.lead)
    offered = [lead for lead in found.candidates if lead.id in row.candidates]
    if len(offered) == 1:  # a short name that the listed candidates settle
        return _Answer(row, offered[0])
    if found.candidates:
        return None  # still several: asked again about the answer itself
    told = await _told_apart(ctx, row)
    if told is not None:
        return _Answer(row, told)
    if ctx.extraction.company:
        return _Answer(row, None, new=True, company=ctx.extraction.company)
    return None


async def _told_apart(ctx: Context, row: PendingQuestion) -> Lead | None:
    """The one listed candidate the answer tells apart by words of its own that name no customer:
    its city ("赣州那个", "吉安的") or a part of its name the others lack ("果业那家"), maybe with who it
    was ("X路那个站，贾站长"): the contact and the kind are no mark."""
    text, city = _without_reach(ctx), ctx.extraction.city
    plain = _fold(_plain(text))
    if len(plain) < TOLD_APART_MIN:
        return None
    listed = [await get_lead(ctx.session, lead_id) for lead_id in row.candidates]
    fits = [
        lead
        for lead in listed
        if lead is not None and (plain in _fold(lead.company) or (city is not None and lead.city == city))
    ]
    if len(fits) == 1:
        return fits[0]
    # The trade said with what they do in it ("做食品的那家", "搞物流那个", "生产饮料的"): the trade marks it,
    # even in one character ("做鞋的")
    trade = _TRADE_VERB.match(plain)
    if trade is not None and not fits:
        fits = [lead for lead in listed if lead is not None and plain[trade.end() :] in _fold(lead.company)]
        if len(fits) == 1:
            return fits[0]
    # The trade said as the kind of place it runs ("停车场那家" for X停车管理有限公司): its stem marks it.
    stem = plain[:-1] if plain[-1:] in _PLACE_KIND else ""
    if len(stem) >= TOLD_APART_MIN and not fits:
        fits = [lead for lead in listed if lead is not None and stem in _fold(lead.company)]
        if len(fits) == 1:
            return fits[0]
    # ...or by what it buys, a product only one of them holds said whole or by its kind ("加工中心那家"
    # for the one with VMC850立式加工中心, "空压机那个")
    if not fits:
        fits = [
            lead
            for lead in listed
            if lead is not None and any(plain in _fold(product) for product in lead.products or ())
        ]
        if len(fits) == 1:
            return fits[0]
    # ...or by a short form of its name, its characters in order close together ("粮库那个" for X粮油储备库)
    if not fits:
        fits = [lead for lead in listed if lead is not None and _abbreviates(plain, _fold(lead.company))]
        if len(fits) == 1:
            return fits[0]
    # Told apart by two marks at once, each its own clause: "临沂那家，板材的" (its city and its trade).
    parts = [_fold(_plain(part)) for part in _PARTS.split(text)]
    parts = [part for part in parts if part]
    if len(parts) < 2 or any(len(part) < TOLD_APART_MIN for part in parts):
        return None
    fits = [
        lead
        for lead in listed
        if lead is not None and all(_marks(part, _fold(lead.company)) or part == lead.city for part in parts)
    ]
    return fits[0] if len(fits) == 1 else None


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is said of `name` by some of its characters in order, within a span of
    `_SHORT_SPAN` characters a short one ("粮库" of "粮油储备库", "冷链" of "冷藏物链"...)."""
    if len(short) < 2 or short in name:
        return False
    start = name.find(short[0])
    while start != -1:
        at, span_end = start, min(len(name), start + _SHORT_SPAN)
        for ch in short[1:]:
            at = name.find(ch, at + 1, span_end)
            if at == -1:
                break
        else:
            return True
        start = name.find(short[0], start + 1)
    return False


_SHORT_SPAN = 6


# What a company is said to do in its trade, before the trade: "做食品的", "搞物流的", "生产饮料的".
_TRADE_VERB = re.compile(r"(?:做|搞|干|卖|开|生产|经营|从事)(?=.)")
# The kind of place said after a trade ("养殖场", "门店"), which a company's legal name does not hold.
_PLACE_KIND = frozenset("场店厂站院馆所")


def _without_reach(ctx: Context) -> str:
    """The message without who was reached, their number and how (`_REACH_SPANS`)."""
    text = ctx.message.text
    for start, end in sorted((s for k in _REACH_SPANS if (s := ctx.extraction.spans.get(k))), reverse=True):
        text = text[:start] + " " + text[end:]
    return _pick_said(text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


async def continues_last(ctx: Context) -> bool:
    """Whether this message answers the sender's open "是哪个客户？"; then route it to `handle`."""
    return await _answer(ctx) is not None


async def handle(ctx: Context) -> list[Reply]:
    answer = await _answer(ctx)
    if answer is None:  # the question lapsed between the two calls: nothing to complete
        return []
    person, row = ctx.member, answer.row
    if SETTLED in (row.extracted or {}):
        return await _resettle(ctx, answer)
    kept = kept_extraction(row)
    message = dataclasses.replace(ctx.message, kind="text", text=row.text, sent_at=row.sent_at)
    intent = Intent(row.intent)
    if answer.lead is not None:
        log.info("question answered person_id=%s lead_id=%s", person.id, answer.lead.id)
        await forget(ctx, person)
        named = _naming(kept, answer.lead)
        if ctx.message.kind == "text":  # a contact the answer names is the kept message's, if it named none
            named = _with_answer(named, ctx.extraction, ctx.message.text)
        if answer.news is not None:
            named = _with_news(named, answer.news)
        if answer.plan is not None and named.next_followup is None:
            named = dataclasses.replace(named, next_followup=answer.plan)
        completed = dataclasses.replace(ctx, message=message, extraction=named)
        return await COMPLETES[intent](completed)
    company = answer.company or kept.company
    if intent is Intent.REASSIGN_LEAD:  # a customer the CRM does not hold has no owner to change
        await forget(ctx, person)
        return await CREATES[intent](ctx)
    if not company:  # "新客户" to a message that named none: its name is still needed
        lines = (f"请回复客户名称，{NEW_CUSTOMER}会按它建档。",)
        return [Reply(to=person.id, title="新客户叫什么？", lines=lines)]
    log.info("question answered with a new customer person_id=%s", person.id)
    await forget(ctx, person)
    named = dataclasses.replace(kept, company=company)
    if answer.company is not None:  # the answer's own words, not a button
        named = _with_reach(named, ctx.extraction)
    completed = dataclasses.replace(ctx, message=message, extraction=named)
    return await CREATES[intent](completed)


async def _resettle(ctx: Context, answer: _Answer) -> list[Reply]:
    """The answer to a record a product settled among leads of one name (handlers.clarify.offer_others):
    the record stays where it is, or moves to the customer the answer names."""
    person, row = ctx.member, answer.row
    record = await ctx.session.get(FollowUp, row.extracted[SETTLED])
    if record is None:  # deleted since (its lead was): nothing to keep or move
        await forget(ctx, person)
        return []
    company = answer.lead.company if answer.lead is not None else answer.company
    if company is None:  # "新客户" alone: its name is still needed
        return [
            Reply(
                to=person.id, title="新客户叫什么？", lines=(f"请回复客户名称，{NEW_CUSTOMER}会按它建档。",)
            )
        ]
    await forget(ctx, person)
    if answer.lead is not None and answer.lead.id == record.lead_id:
        log.info("settled record confirmed person_id=%s lead_id=%s", person.id, record.lead_id)
        contact = await _confirmed_contact(ctx, answer.lead, record)
        if answer.plan is not None:  # "杭州那家。后天上午我过去一趟": the record stays and gets the plan
            due = set_next_followup(answer.lead, answer.plan, ctx.config.tz)
            plan = Extraction(intent=Intent.LOG_FOLLOWUP, next_followup=answer.plan)
            return await planned_on(ctx, person, answer.lead, record, plan, due, note=ctx.message.text)
        if contact is not None:
            line = f"就记在{answer.lead.company}上，联系人：{contact_text(contact)}"
            return [Reply(to=person.id, title="好的", lines=(line,))]
        return [Reply(to=person.id, title="好的", lines=(f"就记在{answer.lead.company}上，没有改动。",))]
    log.info("settled record moved person_id=%s followup_id=%s", person.id, record.id)
    return await move_record(ctx, person, record, company, new=answer.lead is None)


async def _confirmed_contact(ctx: Context, lead: Lead, record: FollowUp) -> Contact | None:
    """The person the answer confirming a settled record names ("酒店那个，庞总监"), made the record's
    contact (the lead's known one when the words name it) when the report named none; else None."""
    said = ctx.extraction
    if ctx.message.kind != "text" or record.contact_id is not None:
        return None
    if not (said.contact_name or said.contact_title):
        return None
    only = Extraction(intent=said.intent, contact_name=said.contact_name, contact_title=said.contact_title)
    named = await link_contact(ctx.session, lead, only, ctx.message.text)
    contact = await save_contact(ctx.session, lead, named, ctx.clock.now())
    if contact is not None:
        record.contact_id = contact.id
        await ctx.session.flush()
    return contact


def _naming(ex: Extraction, lead: Lead) -> Extraction:
    """The kept extraction naming the chosen lead, so the handler finds it by its full name."""
    return dataclasses.replace(ex, company=lead.company)
