"""Several questions in one message ("组里哪些线索超时了？顺手把X的跟进记录调出来"): each sentence that
asks something else is answered as if sent alone, in the order asked, rather than only the one the
whole message reads as.

Only when the reading is plain: every sentence of the message asks (a list, a count or a customer's
record) or says nothing the bot acts on, at least two ask different things, and a customer's record is
asked by naming that customer. A sentence that reports, plans or changes anything makes the message
one of those, handled as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.context import Context
from nlp import Intent

ASKED = frozenset({Intent.QUERY_OVERDUE, Intent.QUERY_TODAY, Intent.QUERY_STATS, Intent.QUERY_LEAD})
# A question or a sentence ends on its mark (a chat question often on 吗/呢 and a space: not cut there).
_SENTENCE_END = re.compile(r"(?<=[？?。！!；;\n])")


def sentences(text: str) -> list[str]:
    """The message's sentences, cut after their end marks (with the mark), blank ones left out."""
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def asks_of(text: str, read: Callable[[str, Intent | None], Context]) -> list[Context] | None:
    """The questions of a message of several sentences (`asks_apart`), each sentence read alone."""
    said = sentences(text)
    return asks_apart([read(part, None) for part in said]) if len(said) > 1 else None


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
