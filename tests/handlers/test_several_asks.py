"""several_asks: a message of several questions is answered question by question only when each of
its sentences asks (or says nothing the bot acts on) and they ask different things."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.context import Context
from handlers.several_asks import asks_apart, parts_of, sentences
from nlp import Intent, extract
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


async def test_a_report_and_a_question_are_parted_in_the_order_said(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)

    def read(text: str, intent: Intent | None) -> Context:
        extraction = extract(text, world.clock.now(), "rep")
        return dataclasses.replace(world.ctx("lina", text), extraction=extraction)

    def said(text: str) -> list[tuple[str, Intent, bool]] | None:
        parts = parts_of(text, read)
        if parts is None:
            return None
        return [(part.ctx.message.text, part.ctx.extraction.intent, part.report) for part in parts]

    report = "今天去了宏达印刷厂，跟采购部孙经理把复合机的报价谈下来了。"
    assert said(report + "我这边还有哪些超时没跟的？") == [
        (report, Intent.LOG_FOLLOWUP, True),
        ("我这边还有哪些超时没跟的？", Intent.QUERY_OVERDUE, False),
    ]
    assert said("今天我还要跟哪些？" + report) == [
        ("今天我还要跟哪些？", Intent.QUERY_TODAY, False),
        (report, Intent.LOG_FOLLOWUP, True),
    ]
    # a report of two sentences stays one report, the sentences together
    two = "上午去了宏达印刷厂见了孙经理。复合机下个月定。"
    assert said(two + "本月我签了几单？") == [
        (two, Intent.LOG_FOLLOWUP, True),
        ("本月我签了几单？", Intent.QUERY_STATS, False),
    ]
    # the reported customer's record, a question the customer asked, the same question twice, or no
    # report at all: the message is one, as before
    assert said(report + "宏达最近怎么样了？") is None
    assert said("刚跟宏达孙经理通了电话。他们老板问这个月还有哪些要跟？") is None
    assert said(report + "超时的有哪些？我还有哪些超时没跟的？") is None
    assert said("辛苦了！我还有哪些超时没跟的？") is None
    # a customer's question passed on ("你们…多少钱？"), or a sentence that is no question at all
    assert said(report + "他们又问了一句：你们的复合机租一年多少钱？") is None
    assert said(report + "几个要点：一是要能打A3；二是要带装订。") is None
    assert (
        said(report + "下周二上午九点我再打给他对一下数据") is None
    )  # a plan, though alone it reads as a count
    assert said(report + "你们的复合机租一年多少钱？") is None
    assert said(report) is None
