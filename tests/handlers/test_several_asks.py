"""several_asks: a message of several questions is answered question by question only when each of
its sentences asks (or says nothing the bot acts on) and they ask different things."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.context import Context
from handlers.several_asks import asks_apart, sentences
from nlp import Intent
from tests.handlers.sales_fixtures import make_world


def test_sentences_are_cut_after_their_marks() -> None:
    assert sentences("本月签了几单？把仁和的记录发我。谢谢！") == [
        "本月签了几单？",
        "把仁和的记录发我。",
        "谢谢！",
    ]
    assert sentences("本月签了几单") == ["本月签了几单"]


async def test_different_questions_are_answered_apart_and_anything_else_is_not(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)

    def read(text: str, intent: Intent, **slots: object) -> Context:
        return world.ctx("zhangwei", text, intent, **slots)

    overdue = read("组里哪些超时了？", Intent.QUERY_OVERDUE, scope="team")
    card = read("把仁和的记录发我看看", Intent.QUERY_LEAD, company="仁和")
    thanks = read("辛苦！", Intent.OTHER)
    assert asks_apart([overdue, card, thanks]) == [overdue, card]
    # a report among the questions: the message is a report, not two questions
    report = read("今天去仁和见了周主任。", Intent.LOG_FOLLOWUP, company="仁和", kind="visit")
    assert asks_apart([report, overdue]) is None
    # the same ask twice, a record asked of no customer named there, or a single ask: nothing to split
    assert asks_apart([overdue, read("超时的有哪些？", Intent.QUERY_OVERDUE)]) is None
    assert asks_apart([overdue, read("它现在什么阶段？", Intent.QUERY_LEAD)]) is None
    assert asks_apart([overdue, thanks]) is None
