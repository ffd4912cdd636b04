"""Several questions in one message ("组里哪些线索超时了？顺手把X的跟进记录调出来"), or a report and a
question ("今天去X见了Y，下月定。我还有哪些超时没跟的？"): each sentence that asks something else is
answered as if sent alone, and a report beside it is handled as a report sent alone, in the order said,
rather than only the one thing the whole message reads as (a report lost is a rep's words lost).

Only when the reading is plain: every sentence of the message asks (a list, a count or a customer's
record) or says nothing the bot acts on, at least two ask different things, and a customer's record is
asked by naming that customer. Or: some sentences are the writer's own questions of a list or a count,
each a different one, and the others, read together, are a report (a follow-up, a stage, a new
customer). A customer's record asked beside a report is most likely the reported customer's ("X最近怎么
样了"), and a question someone else asked ("他问我们能不能下周送货？") is the report's news: neither is
split off, and the message is handled as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handlers.context import Context
from nlp import Intent

ASKED = frozenset({Intent.QUERY_OVERDUE, Intent.QUERY_TODAY, Intent.QUERY_STATS, Intent.QUERY_LEAD})
REPORTED = frozenset({Intent.LOG_FOLLOWUP, Intent.UPDATE_STAGE, Intent.NEW_LEAD})
# A question or a sentence ends on its mark (a chat question often on 吗/呢 and a space: not cut there).
_SENTENCE_END = re.compile(r"(?<=[？?。！!；;\n])")
# Someone other than the writer asking ("他问…", "院长问这个月还有哪些要跟", "客户想知道…"): the
# customer's question, which the report tells, not one put to the bot.
# A sentence asked as a question: on a question mark, or on 吗/呢 ("今天要跟哪些呢"). Read alone, a plan
# or a list of points may read as a query ("后天上午十点我再打给她对一下数据"): not one put to the bot.
_ASKED_AS_QUESTION = re.compile(r"(?:[？?]|[吗呢嘛么][。！!～~\s]*)\s*$")
_THEIR_QUESTION = re.compile(
    r"(?:他|她|它|们|对方|客户|人家|那边|总|主任|院长|长|经理|老师|老板|师傅|工|医生|主管|负责人)"
    r"[又还也就都一直专门特意]{0,2}(?:问|想知道|打听|咨询|追问)"
)


@dataclass(frozen=True)
class Part:
    """A part of a message read alone: a question to answer, or the report to handle as a message."""

    ctx: Context
    report: bool


def sentences(text: str) -> list[str]:
    """The message's sentences, cut after their end marks (with the mark), blank ones left out."""
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def parts_of(text: str, read: Callable[[str, Intent | None], Context]) -> list[Part] | None:
    """The parts of a message of several sentences, each read alone, in the order said: its questions
    (`asks_apart`), or its report and its questions (`report_and_asks`); None: one message as before."""
    said = sentences(text)
    if len(said) < 2:
        return None
    parts = [read(part, None) for part in said]
    if (asks := asks_apart(parts)) is not None:
        return [Part(ask, report=False) for ask in asks]
    return report_and_asks(said, parts, read)


def _names_a_customer(ctx: Context) -> bool:
    ex = ctx.extraction
    return bool(ex.company or ex.phone or ex.contact_name)


def asks_apart(parts: list[Context]) -> list[Context] | None:
    """The sentences, each read alone, that ask different things, when the whole message only asks
    (`ASKED`, or sentences that say nothing the bot acts on: a greeting, a thanks); None otherwise."""
    asks = [ctx for ctx in parts if ctx.extraction.intent is not Intent.OTHER]
    if len(asks) < 2 or any(ctx.extraction.intent not in ASKED for ctx in asks):
        return None
    if len({ctx.extraction.intent for ctx in asks}) != len(asks):
        return None  # the same ask twice (a question said again, or two customers' records): one answer
    if any(ctx.extraction.intent is Intent.QUERY_LEAD and not _names_a_customer(ctx) for ctx in asks):
        return None  # "它现在什么阶段": a record asked of a customer another sentence names
    return asks


def _writer_asks(sentence: str, ctx: Context) -> bool:
    """Whether the sentence is the writer's own question of a list or a count: said as a question, no
    one else asks it, and it names no customer's person ("刘总问我超时了怎么办")."""
    ex = ctx.extraction
    return (
        ex.intent in ASKED
        and ex.intent is not Intent.QUERY_LEAD
        and not (ex.contact_name or ex.contact_title or ex.company or ex.phone)
        and _ASKED_AS_QUESTION.search(sentence) is not None
        and _THEIR_QUESTION.search(sentence) is None
        and "你们" not in sentence  # "你们的超声刀多少钱？": a customer's words to the vendor, passed on
    )


def report_and_asks(
    said: list[str], parts: list[Context], read: Callable[[str, Intent | None], Context]
) -> list[Part] | None:
    """The writer's questions and the report the other sentences make together, in the order said
    (the report where its first sentence is), when every question is a different list or count and
    no sentence asks a customer's record; None otherwise."""
    asking = [
        i for i, (sentence, ctx) in enumerate(zip(said, parts, strict=True)) if _writer_asks(sentence, ctx)
    ]
    rest = [i for i in range(len(said)) if i not in asking]
    if not asking or not rest:
        return None
    if len({parts[i].extraction.intent for i in asking}) != len(asking):
        return None  # the same question twice: not two questions
    if any(parts[i].extraction.intent is Intent.QUERY_LEAD for i in rest):
        return None  # "X最近怎么样了": a record asked beside a report, most likely the reported customer's
    report = read("".join(said[i] for i in rest), None)
    if report.extraction.intent not in REPORTED:
        return None
    found = [Part(parts[i], report=False) for i in asking]
    at = sum(1 for i in asking if i < rest[0])
    return [*found[:at], Part(report, report=True), *found[at:]]
