"""The processor's one step: an accepted message in, the handler's writes and outbox rows out.

It resolves who wrote, runs the extractor, picks the handler (a command's, HANDLERS by intent, or
the workflow a message continues), and queues each reply as an outbox row (bot.core.outgoing). It
runs inside the transaction the pipeline opened, so all of it commits with the message's done mark
or none of it does.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import Config
from bot.core.outgoing import Addressing, card_handled, queue
from bot.types import Message, Outgoing, PermissionDenied, Reply
from handlers import (
    buttons,
    clarify_answer,
    colleague_note,
    export_leads,
    lead_lookup,
    log_followup,
    new_lead,
    other,
    query_lead,
    query_overdue,
    query_stats,
    query_today,
    reassign_lead,
    rights,
    several_asks,
    several_customers,
    unknown_user,
    update_stage,
)
from handlers import help as help_handler
from handlers.context import Context, Handler
from nlp import Catalog, Extraction, Extractor, Intent
from nlp.behalf import member_named, whose_span
from nlp.dialect import mandarin
from nlp.intent import asks_for_book
from nlp.linking import address_span, is_away, is_colleague, opens_with_boss
from storage.inbound import LOOK_UP_SENDER, SenderUnread, message_of
from storage.models import InboundMessage, Person
from storage.outbox import release_held_outbox, reply_row, take_card_handle
from storage.people import find_person_by_platform_id

log = logging.getLogger("salesbot.router")

Continues = Callable[[Context], Awaitable[bool]]

UNSUPPORTED_REPLY = Reply(to=None, title="", lines=("我目前只看得懂文字消息，请直接打字告诉我。",))

# What each intent's words ask for. Written out, so that what the bot can do is read here.
HANDLERS: dict[Intent, Handler] = {
    Intent.LOG_FOLLOWUP: log_followup.handle,
    Intent.NEW_LEAD: new_lead.handle,
    Intent.UPDATE_STAGE: update_stage.handle,
    Intent.QUERY_OVERDUE: query_overdue.handle,
    Intent.QUERY_TODAY: query_today.handle,
    Intent.QUERY_LEAD: query_lead.handle,
    Intent.QUERY_STATS: query_stats.handle,
    Intent.HELP: help_handler.handle,
    Intent.OTHER: other.handle,
    Intent.REASSIGN_LEAD: reassign_lead.handle,
}
# A short answer to the bot's last question ("是哪个客户？", "周五下午", "价格太高"), a correction
# ("改成下周四") or more about the customer just reported on ("对了他们还想看看DR") continues the
# workflow that asked, whatever intent the words alone suggest; the first that claims the message
# takes it. The third element, when set, gives the words the workflow reads as a report on its
# customer (a correction without its old values): they are read again as one, since words alone may
# have read as nothing.
CONTINUATIONS: tuple[tuple[Continues, Handler, Callable[[str], str] | None], ...] = (
    (reassign_lead.continues_last, reassign_lead.complete, None),  # "是哪位同事？" (a customer's is not)
    (clarify_answer.continues_last, clarify_answer.handle, None),  # the newest question
    (update_stage.continues_last, update_stage.handle, None),
    (log_followup.continues_last, log_followup.handle, log_followup.words_to_read),
)


class Router:
    def __init__(
        self, config: Config, clock: Clock, extractor: Extractor, catalog: Catalog, addressing: Addressing
    ) -> None:
        self._config = config
        self._clock = clock
        self._extractor = extractor
        self._catalog = catalog
        self._addressing = addressing
        # Every member's full name, built once: each message looks up the words before a possessive in it.
        self._names = frozenset(p.name for p in config.org.people)

    def _as_report(self, message: Message, extraction: Extraction, words: str) -> Extraction:
        """`words` read as a report on a known customer; a bare time the first reading found stays,
        unless the words leave out some of the message (a correction's old value and its reason:
        "是18号不是15号，15号他们厂里验收" plans nothing for the 15th)."""
        report = self._extractor.extract(words, message.sent_at, "rep", Intent.LOG_FOLLOWUP)
        first = extraction.next_followup if words == message.text else None
        return dataclasses.replace(report, next_followup=report.next_followup or first)

    def _read(self, message: Message, writer: Person) -> Extraction:
        """The message read by the extractor; one that opens by addressing a colleague ("文涛 X那单现在
        什么情况") is read without the address, and one that names a colleague as whose customer it
        means ("符强的金棕榈最近有人跟吗"), or whose customers a question lists, without that colleague:
        neither names a customer (same length: spans hold)."""
        # Lazy, and the writer's key read once: most messages open with no address, and then no name is
        # looked at (a list of the others, an ORM attribute read per member, cost 0.5 ms with 2,000).
        people, key = self._config.org.people, writer.key
        others = (p.name for p in people if p.id != key)
        bosses = (p.name for p in people if p.id != key and p.role != "rep")
        found = address_span(message.text, others, bosses=bosses)
        text = message.text if found is None else " " * found[1] + message.text[found[1] :]
        whose = whose_span(text, self._names, not_of=writer.name)
        span = None if whose is None else whose[1:]
        if asks_for_book(text):
            # A book asked names its member anywhere and by any name ("周强南京那几个单子…", "文涛手上…"),
            # and only the name is taken out: the words after it ask the question ("…在跟的有哪几个").
            if whose is not None:
                span = (whose[1], whose[1] + len(whose[0]))
            elif (named := member_named(text, self._names, not_of=writer.name)) is not None:
                span = named[1:]
        if span is not None:
            start, end = span
            text = text[:start] + " " * (end - start) + text[end:]
        return self._extractor.extract(text, message.sent_at, "rep")

    def _present(self, message: Message, extraction: Extraction, writer: Person) -> Extraction:
        """The message read again without the person it says was away ("邱总不在，见了新来的技术负责人
        曾伟") or a colleague it names ("收到邓总 下周二我过去"), so the customer's person the rep
        dealt with is found instead (or none)."""
        span = extraction.spans.get("contact_name") or extraction.spans.get("contact_title")
        if span is None:
            return extraction
        key = writer.key
        people = self._config.org.people
        colleagues = (p.name for p in people if p.id != key)
        start, end = span
        masked = message.text[:start] + " " * (end - start) + message.text[end:]
        if is_away(message.text, *span) or is_colleague(
            message.text, start, extraction.contact_name, colleagues
        ):
            return self._extractor.extract(masked, message.sent_at, "rep", extraction.intent)
        bosses = (p.name for p in people if p.id != key and p.role != "rep")
        name, title = extraction.contact_name, extraction.contact_title
        if not opens_with_boss(message.text, start, name, title, bosses):
            return extraction
        # "彭总昨天下午刚见过戴科长…" to the manager 彭丽: the boss opens it and the customer's person is
        # the one named after; said with no one else ("王总下午来电话了"), it may be the customer's boss.
        other = self._extractor.extract(masked, message.sent_at, "rep", extraction.intent)
        return other if other.contact_name or other.contact_title else extraction

    async def process(
        self,
        session: AsyncSession,
        row: InboundMessage,
        sender: Person | SenderUnread | None,
        refused: PermissionDenied | None = None,
    ) -> list[dict[str, Any]]:
        """Process a claimed message: its handler's writes and replies, in the caller's transaction.
        `sender`: the member who wrote it as the claim read it (None: no member), or LOOK_UP_SENDER.
        A handler's PermissionDenied goes up, for the caller to roll back what was written and call again
        with it as `refused`: then the refusal is the one reply.

        Returns the outbox rows left for the caller to write with the message's done mark, in this
        transaction (storage.inbound.finish_inbound): when every outgoing item is a plain row (reachable,
        no dedupe key), all of them, in order; otherwise none, each written here as before."""
        message = message_of(row)
        if message.kind == "text":
            # Cantonese function words (咗, 嘅, 唔, 佢...) read as Mandarin, for every rule after this
            message = dataclasses.replace(message, text=mandarin(message.text))
        person = (
            await find_person_by_platform_id(session, message.platform, message.sender_id)
            if sender is LOOK_UP_SENDER
            else sender
        )
        if person is not None and message.kind in ("text", "button"):
            self._addressing.wrote_from(person, message.platform)
        if refused is None:
            replies = await self._dispatch(session, row.id, message, person)
        else:
            log.info("refused", extra={"sender": message.sender_id, "reason": str(refused)})
            replies = [rights.refusal(refused)]
        now = self._clock.now()
        items: list[tuple[Outgoing | None, str | None]] = []
        for reply in replies:
            item = (
                self._addressing.to_sender(message, reply)
                if reply.to is None
                else await self._addressing.to_person(session, reply, message)
            )
            if item is None and reply.to is None and message.answered_elsewhere:
                continue  # a web form's sender reads the HTTP answer
            items.append((item, reply.dedupe_key))
        if message.kind == "button" and message.card_handle:
            await take_card_handle(session, message.card_handle)
            # The click's handle is fresh: the platform gave it with the click.
            update = card_handled(message.platform, message.sender_id, message.card_handle, message.sent_at)
            items.append((update, None))
        if all(item is not None and key is None for item, key in items):
            # Plain rows: the caller writes them with the done mark (one round trip less on PostgreSQL);
            # in the same order, after the same writes, so the rows and their ids come out as before.
            return [reply_row(item, now) for item, _ in items if item is not None]
        for item, key in items:
            await queue(session, item, now, dedupe_key=key)
        return []

    async def _dispatch(
        self, session: AsyncSession, inbound_id: int, message: Message, person: Person | None
    ) -> list[Reply]:
        def context(extraction: Extraction, who: Person | None, said: Message = message) -> Context:
            return Context(
                said, extraction, who, session, self._clock, self._config, self._catalog, inbound_id
            )

        nothing = Extraction(intent=Intent.OTHER)
        if message.kind == "inquiry":
            # The customer wrote: replies held until they did (微信客服's reply limits) may go out again.
            await release_held_outbox(session, message.platform, message.sender_id, self._clock.now())
            extraction = self._extractor.extract(message.text, message.sent_at, "customer")
            # A member as the sender brought the customer in (a WeChat contact they added): theirs.
            return await new_lead.handle(context(extraction, person))
        if message.kind == "event":
            if message.text.startswith("unsupported:") and person is not None:
                return [UNSUPPORTED_REPLY]
            return []  # entering the app, contact changes and other events: nothing to say
        if person is None:
            log.info("message from a member not in [org]", extra={"sender": message.sender_id})
            return await unknown_user.handle(context(nothing, None))
        if message.kind == "button":
            click = context(nothing, person)
            if await clarify_answer.continues_last(click):  # a candidate's button on "是哪个客户？"
                return await clarify_answer.handle(click)
            return await buttons.handle(click)
        # Commands are exact words, not intents: checked before the extractor, like a button's key.
        if export_leads.is_command(message.text):
            return await export_leads.handle(context(nothing, person))
        extraction = self._present(message, self._read(message, person), person)
        ctx = context(extraction, person)
        if extraction.intent is Intent.REASSIGN_LEAD:
            # A hand-over said in full words answers no question and continues no record.
            return await reassign_lead.handle(ctx)
        if extraction.intent in (Intent.LOG_FOLLOWUP, Intent.OTHER) and colleague_note.addressee(ctx):
            # Said to a colleague: not a report, whatever customer it names or record it follows.
            return await colleague_note.handle(ctx)

        def read_part(part: str, intent: Intent | None) -> Context:
            """A part of the message read alone, as a message of its own with that intent."""
            said = dataclasses.replace(message, text=part)
            extracted = self._extractor.extract(part, message.sent_at, "rep", intent)
            return context(self._present(said, extracted, person), person, said)

        # "组里哪些超时了？顺手把X的记录调出来", "去X见了Y，下月定。我还有哪些超时的？": each question
        # answered as if asked alone, and the report handled as a message of its own, in the order said
        # (before the continuations: one that claimed the whole message would leave its question unanswered)
        if extraction.intent in several_asks.ASKED | several_asks.REPORTED and (
            parts := several_asks.parts_of(message.text, read_part)
        ):
            answers: list[Reply] = []
            for part in parts:
                if part.report:
                    answers.extend(await self._dispatch(session, inbound_id, part.ctx.message, person))
                else:
                    answers.extend(await HANDLERS[part.ctx.extraction.intent](part.ctx))
            return answers
        for continues, handler, words in CONTINUATIONS:
            if await continues(ctx):
                if words is not None:
                    report = self._as_report(message, extraction, words(message.text))
                    if words(message.text) == message.text:  # (positions are the message's own)
                        report = self._present(message, report, person)
                    ctx = context(report, person)
                return await handler(ctx)
        if extraction.intent is Intent.OTHER and await lead_lookup.names_a_lead(
            session, extraction, person, message.text
        ):  # the words gave no intent, but the message names a customer of the writer's book
            report = self._extractor.extract(message.text, message.sent_at, "rep", Intent.LOG_FOLLOWUP)
            intent = lead_lookup.intent_of_named(report)
            extraction = (
                report if intent is Intent.LOG_FOLLOWUP else dataclasses.replace(report, intent=intent)
            )
            ctx = context(extraction, person)

        if extraction.intent is Intent.LOG_FOLLOWUP and (parts := await several_customers.parts_of(ctx)):
            # "跑了两家 先去的X … 下午去了Y …": each part read alone, one follow-up on each customer
            contexts = [read_part(part, Intent.LOG_FOLLOWUP) for part in parts]
            listed = several_customers.numbered(message.text) is not None
            if (found := await several_customers.leads_of(contexts, listed=listed)) is not None:
                return await several_customers.log_each(contexts, found, message.text)
        # "X张总电话谈了价格。另外新客户Y有限公司李总 139…": a follow-up on X, a new lead of Y
        if (
            extraction.intent in (Intent.LOG_FOLLOWUP, Intent.NEW_LEAD)
            and (replies := await several_customers.known_and_new(ctx, read_part)) is not None
        ):
            return replies
        return await HANDLERS[extraction.intent](ctx)
