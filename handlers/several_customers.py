"""One message reporting on several customers of the writer's book ("跑了两家 先去的X 跟王经理聊了…
下午去了Y 李总说…"): each customer gets its own follow-up (and plan), not all of it on the first.

Only when the reading is plain: the message is cut where a clause first names another customer of the
book, each customer's names stay within its part (never X … Y … X), no name the book shares between
customers, and each part reads as a report of its own: a kind of contact, a contact person (said, or
one of the book's the part names), and the one customer it names when read alone. A list the writer
numbered ("今日：1. … 2. …") is cut at its numbers, each item a report whatever it says, on the one
customer it names or whose contact it names. Anything else stays one message about one customer, asked
about when it is not clear which.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from itertools import pairwise

from bot.types import Reply
from handlers import new_lead
from handlers.context import Context
from handlers.lead_lookup import Resolved, link_contact, load_book, may_change, resolve_lead
from handlers.log_followup import for_the_owner, write
from handlers.rights import lines_for
from nlp import Extraction, Intent
from nlp.intent import find_kind
from storage.leads import get_lead
from storage.models import Lead

# Where a clause starts: after a pause or a space (voice input marks none other).
_PAUSE = re.compile(r"[，,。；;！!？?、\s]")
MIN_LENGTH = 20  # two reports each with a customer, a contact and a kind of contact are longer


async def parts_of(ctx: Context) -> list[str] | None:
    """The message cut where it starts on another customer of the writer's book, when each part
    names a different one, or at the numbers of the writer's own list ("今日：1. … 2. …"); None when
    it names one customer, or not plainly several."""
    text = ctx.message.text
    if ctx.person is None or len(text) < MIN_LENGTH:
        return None
    if (items := numbered(text)) is not None:
        return items
    book = await load_book(ctx.session, ctx.person)
    named = book.named_at(text)
    end, closing = _closing_plans(text, named)
    if not closing and _MARK.search(text) is None:
        end, closing = _closing_plans_said(text, named, book.called_at(text))
    shared = "" if closing else _shared_plan(text, named)
    if shared:
        end = len(text) - len(shared)
    order: list[tuple[int, int]] = []  # (lead id, where it is first named)
    for start, ids in named:
        if start >= end:
            break
        if len(ids) != 1:
            return None  # a name two customers share: which part is whose is no longer plain
        (lead_id,) = ids
        if order and order[-1][0] == lead_id:
            continue
        if any(seen == lead_id for seen, _ in order):
            return None  # X … Y … X: a comparison or a reference, not one report after another
        order.append((lead_id, start))
    if len(order) == 1 and not closing:
        order = _with_a_contact_after(text, book.called_at(text), order)
    if len(order) < 2 or not set(closing) <= {lead_id for lead_id, _ in order}:
        return None
    text = text[:end]
    cuts: list[int] = []
    for _, start in order[1:]:
        cut = max((m.end() for m in _PAUSE.finditer(text, 0, start)), default=0)
        if cut <= (cuts[-1] if cuts else 0):
            return None  # two customers in one clause ("X和Y都去了"): one report on both, or neither
        cuts.append(cut)
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in pairwise(bounds)]
    for i, (lead_id, _) in enumerate(order):
        if lead_id in closing:  # its own plan said at the end, after the part
            parts[i] = f"{parts[i].rstrip('，,；;。 ')}。{closing[lead_id]}"
        elif shared:  # the plan said of them all ("两家都是下周二再联系"), each customer's
            parts[i] = f"{parts[i].rstrip('，,；;。 ')}。{shared.strip()}"
    return [parts[0], *(_with_lead_in(text, order[0][1], part) for part in parts[1:])]


# The number of an item of a list, where a clause may start: "1.", "2、", "3）", "(4)", "⑤" (not a decimal,
# "1.5万", nor a count, "2台").
_ITEM = re.compile(
    r"(?:^|(?<=[\s：:，,。；;！!]))(?:(?P<n>\d{1,2})\s?[.、．)）](?!\d)|[（(](?P<p>\d{1,2})[)）]|(?P<c>[①-⑩]))\s*"
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def numbered(text: str) -> list[str] | None:
    """The items of a numbered list the message makes ("今日汇报 1. 拜X… 2. Y王总 电… 3. …"), each after
    what the message says before the first (the day, "今日："), said of all of them; None unless it
    numbers two items or more from 1 in order."""
    marks: list[re.Match[str]] = []
    for m in _ITEM.finditer(text):
        n = int(m.group("n") or m.group("p") or _CIRCLED.index(m.group("c")) + 1)
        if n == len(marks) + 1:
            marks.append(m)
    if len(marks) < 2:
        return None
    head = text[: marks[0].start()].strip()
    items = [
        text[m.end() : after.start() if after is not None else len(text)].strip().rstrip("，,；;")
        for m, after in zip(marks, [*marks[1:], None], strict=True)
    ]
    if not all(items):
        return None
    return [f"{head}{' ' if head and head[-1] not in '：:，,' else ''}{item}" for item in items]


# A clause of the closing sentence: up to a pause.
_CLAUSE = re.compile(r"[^，,；;。！!？?\s]+")


def _closing_plans(text: str, named: list[tuple[int, frozenset[int]]]) -> tuple[int, dict[int, str]]:
    """A last sentence, after a stop, whose every clause starts on a different customer named before it
    ("…。X那边下周三我再去，Y等他们开完会再说"): each customer's own word said after the reports, kept
    for that customer's part. (where the reports end, {lead id: its clause}); (the end, {}) for none."""
    stops = [m.end() for m in _STOP.finditer(text.rstrip("。！! \n"))]
    if not stops:
        return len(text), {}
    end = stops[-1]
    starts = {start: ids for start, ids in named}
    closing: dict[int, str] = {}
    for clause in _CLAUSE.finditer(text, end):
        ids = starts.get(clause.start())
        if ids is None or len(ids) != 1 or next(iter(ids)) in closing:
            return len(text), {}
        closing[next(iter(ids))] = clause.group()
    if len(closing) < 2:
        return len(text), {}  # (one customer's plan at the end is the last part's, as written)
    return end, closing


# A last sentence said of every customer reported before it: "两家都是下周二再联系", "三家都约了周五回访",
# "这两家下周一起回访" (not of one: "两台都要", "两家里面X先定").
_OF_THEM_ALL = re.compile(
    r"(?:这|那)?(?:[两三四五几]家|[两三四五几]个客户|各家|每家)(?:客户)?(?:都是?|也都是?|一起|统一)"
)


def _shared_plan(text: str, named: list[tuple[int, frozenset[int]]]) -> str:
    """The last sentence, after a stop, when it opens on all the customers reported before it and names
    none of them: what it says is each one's. Empty when there is none."""
    stops = [m.end() for m in _STOP.finditer(text.rstrip("。！! \n"))]
    if not stops or any(start >= stops[-1] for start, _ in named):
        return ""
    last = text[stops[-1] :]
    return last if _OF_THEM_ALL.match(last.strip()) else ""


# A clause of voice input: up to a pause, its only mark.
_VOICE_CLAUSE = re.compile(r"\S+")


def _closing_plans_said(
    text: str, named: list[tuple[int, frozenset[int]]], called: list[tuple[int, frozenset[int]]]
) -> tuple[int, dict[int, str]]:
    """As `_closing_plans`, for voice input that marks no sentence ("…明天上午十点我再去X那边 Y老板那个后天我
    把合同带过去"): the last clauses, each the rep's own step ("我") on a different customer it names by
    name or by its contact, alone. (where the reports end, {lead id: its clause}); (the end, {}) for none."""
    closing: dict[int, str] = {}
    end = len(text)
    for clause in reversed(list(_VOICE_CLAUSE.finditer(text))):
        said = {
            next(iter(ids))
            for start, ids in named
            if clause.start() <= start < clause.end() and len(ids) == 1
        }
        said |= {
            next(iter(ids))
            for start, ids in called
            if clause.start() <= start < clause.end() and len(ids) == 1
        }
        if len(said) != 1 or "我" not in clause.group() or next(iter(said)) in closing:
            break
        closing[next(iter(said))] = clause.group()
        end = clause.start()
    if len(closing) < 2 or not any(start < end for start, _ in named):
        return len(text), {}
    return end, dict(reversed(closing.items()))


# A lead-in that announces the reports after it ("今天电话跟了两家：", "昨天跑了三家:"): what it says (the
# day, the kind of contact) holds for each of them.
_LEAD_IN = re.compile(r"[^，,。；;！!？?\n]*[：:]\s*$")
# ...or with the first part's own time between the colon and the name ("今天跑了两家：上午X…；下午Y…")
_LEAD_IN_BEFORE_TIME = re.compile(r"[^，,。；;！!？?\n]*[：:](?=\s*[^，,。；;！!？?\n：:]{1,4}$)")


def _lead_in(text: str, first_named: int) -> str:
    """The clause that ends in a colon right before the first customer's name, said of every customer
    after it; empty when there is none."""
    found = _LEAD_IN.search(text, 0, first_named)
    return found.group().strip() if found else ""


def _with_lead_in(text: str, first_named: int, part: str) -> str:
    """The part after the lead-in said of every customer (`_lead_in`); a lead-in before the first
    customer's time of day only tells how a part that says none was contacted ("…；下午Y电话里说…" keeps
    its call)."""
    if head := _lead_in(text, first_named):
        return head + part
    found = _LEAD_IN_BEFORE_TIME.search(text, 0, first_named)
    return found.group().strip() + part if found and find_kind(part) is None else part


# A stop between two sentences: a report on another customer may start after it by its person alone. An
# emoji ends a sentence in a chat as a stop does ("…培训也做完了👌 另外…").
_STOP = re.compile(r"[。；;！!\n]|[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?")
# Any mark of a sentence or clause: a message with none is voice input, whose pauses are its only marks.
_MARK = re.compile(r"[，,。；;！!？?、：:\n]|[\u2600-\u27bf\U0001f300-\U0001faff]")
_VOICE_PAUSE = re.compile(r"\s+")


def _with_a_contact_after(
    text: str, called: list[tuple[int, frozenset[int]]], order: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The one customer named, then a known contact of one other customer called by surname as anyone
    is (韦工, 老韦) in a sentence of its own after a stop ("…；下午微信上跟柏工说了…"): a second report,
    on that contact's customer; the order unchanged otherwise."""
    ((named, named_at),) = order
    # (the named customer's own people aside: "在X跟周主任聊了…；下午…发给了陆院长")
    later = [(ids, start) for start, ids in called if start > named_at and named not in ids]
    if len(later) != 1 or len(later[0][0]) != 1:
        return order  # several others, or a person of several customers: not plain
    ids, start = later[0]
    (lead_id,) = ids
    stop = max((m.end() for m in _STOP.finditer(text, 0, start)), default=0)
    if stop <= named_at or _PAUSE.search(text, stop, start) is not None:
        return order  # not in a sentence of its own, or not at its start
    return [*order, (lead_id, start)]


async def leads_of(contexts: list[Context], *, listed: bool = False) -> list[tuple[Lead, Extraction]] | None:
    """The customer of each part read alone (and the part's reading, its contact linked), when every
    part is a report of its own on a different customer the writer may write about: a kind of contact
    and a contact person, or (`listed`) an item of the writer's own numbered list, which is a report
    whatever it says; None otherwise (the message is then read as one)."""
    found: list[tuple[Lead, Extraction]] = []
    for ctx in contexts:
        ex = ctx.extraction
        if not listed and ex.kind is None:
            return None
        resolved = await resolve_lead(ctx.session, ex, ctx.member, ctx.message.text)
        lead = resolved.lead
        if lead is None and not resolved.candidates:
            # the part's customer by the book's names, an organisation it mentions in passing aside
            # ("X王老板没来 他侄子来试了车 说Y建材也缺铲车；"): the name the CRM knows none of is no customer
            lead = await _the_one_named(ctx)
            if lead is not None:
                resolved = Resolved(
                    lead,
                    await link_contact(
                        ctx.session, lead, dataclasses.replace(ex, company=None), ctx.message.text
                    ),
                )
        if lead is None or any(lead.id == other.id for other, _ in found):
            return None
        said = resolved.extraction
        if not listed and not (said.contact_name or said.contact_title):
            return None  # (one the book knows counts: "X陆院长 拜 …，他们对面Y医院用的…" names Y in full)
        if not await may_change(ctx.session, ctx.member, lead, lines_for(ctx, ctx.member)):
            return None
        found.append((lead, resolved.extraction))
    return found


async def _the_one_named(ctx: Context) -> Lead | None:
    """The one customer of the writer's book a part names by its names alone; None when none or several."""
    if ctx.person is None:
        return None
    book = await load_book(ctx.session, ctx.person)
    ids = {lead_id for _, named in book.named_at(ctx.message.text) for lead_id in named}
    return await get_lead(ctx.session, next(iter(ids))) if len(ids) == 1 else None


async def log_each(
    contexts: list[Context], found: list[tuple[Lead, Extraction]], whole: str | None = None
) -> list[Reply]:
    """One follow-up per part on its customer, one card each; a rep's plan in a manager's note on
    their day (`whole`) is theirs."""
    replies: list[Reply] = []
    for ctx, (lead, ex) in zip(contexts, found, strict=True):
        ex = await for_the_owner(ctx, ctx.member, lead, ex, whole)
        replies.extend(await write(ctx, ctx.member, lead, ex))
    return replies


async def known_and_new(ctx: Context, read: Callable[[str, Intent], Context]) -> list[Reply] | None:
    """One message on the one customer of the writer's book it names, then, in a sentence of its own
    after a stop or an emoji, on a new customer named in full with a phone ("…明天回他。另外下午接到个新
    客户电话，X有限公司的李总，139…，想要…", "…培训也做完了👌 Y还帮忙介绍了个新客户：X诊所，院长姓温，
    电话…"), or the other way round: a follow-up on the known customer and a new
    lead of the other, each with its own part's facts only. `read` reads a part alone as a message.
    None when the message is not plainly that (then read as one)."""
    text = ctx.message.text
    if ctx.person is None or len(text) < MIN_LENGTH:
        return None
    book = await load_book(ctx.session, ctx.person)
    named = book.named_at(text)
    if not named or any(ids != named[0][1] or len(ids) != 1 for _, ids in named):
        return None  # no customer of the book, or several: another reading (parts_of) or none
    first, last = named[0][0], named[-1][0]
    stops = [m.end() for m in _STOP.finditer(text)]
    voice = not stops and _MARK.search(text) is None
    if voice:
        # Voice input marks no sentence: a pause is where one may end ("…一共一百二十亩 下午顺路去了趟X
        # 郭老板电话139…"); the new customer's part is still told by its full name and phone.
        stops = [m.end() for m in _VOICE_PAUSE.finditer(text) if m.start() > 0 and m.end() < len(text)]
    # known first: the latest stop after it whose rest names a new customer; new first: the last
    # stop before the known customer's name (not at a pause of voice input: the known customer named
    # after a new one there is as often who sent it, "来个新客户X … 是Y的钱总介绍的 …")
    cuts = [(s, False) for s in reversed(stops) if last < s < len(text)]
    if not voice:
        cuts += [(s, True) for s in reversed(stops) if s <= first][:1]
    for cut, new_first in cuts:
        head, tail = text[:cut].strip(), text[cut:].strip()
        if not head or not tail:
            continue
        new_words, known_words = (head, tail) if new_first else (tail, head)
        new = read(new_words, Intent.NEW_LEAD)
        if voice and not _went_to_it(new):
            continue
        if not await _a_new_customer(new):
            continue
        known = read(known_words, Intent.LOG_FOLLOWUP)
        found = await leads_of([known])
        if found is None:
            return None
        logged = await log_each([known], found)
        created = await new_lead.handle(new)
        return [*created, *logged] if new_first else [*logged, *created]
    return None


def _went_to_it(ctx: Context) -> bool:
    """Whether a part of voice input opens on a contact with the customer it names, in its first clause
    ("下午顺路去了趟X", "中午给X打了个电话"): a report of its own, not a customer said in passing ("隔壁的X
    也是海康做的 … 葛主管电话139…": the phone is the known customer's person's)."""
    span = ctx.extraction.spans.get("company")
    text = ctx.message.text
    pause = _VOICE_PAUSE.search(text)
    first = text[: pause.start()] if pause else text
    return span is not None and span[0] < len(first) and find_kind(first) is not None


async def _a_new_customer(ctx: Context) -> bool:
    """A part that names a customer in full with a phone, neither of which the CRM knows (an
    organisation said in passing has no phone of its own: it stays no lead)."""
    ex = ctx.extraction
    if ctx.person is None or not ex.company or not ex.phone or not (ex.contact_name or ex.contact_title):
        return False
    resolved = await resolve_lead(ctx.session, ex, ctx.person, ctx.message.text)
    return resolved.lead is None and not resolved.candidates
