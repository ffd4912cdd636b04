"""Kinds of failure seen on the heldout5/6/7 corpora (next follow-up, kind, budget, stage), each tested
with made-up sentences of other trades (furniture, software, catering, boilers, solar, textiles)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _followup(extractor: Extractor, text: str) -> dict[str, str | None] | None:
    return extractor.extract(text, SENT).to_slots().get("next_followup")


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        # the rep's own plan after someone's words, in a run-on voice message
        ("刚跟华美家具王总通完电话他说要跟董事会汇报一下我周五再打电话问问", "2026-03-13", None),
        # a figure after a pause starts a new clause: the customer's words stop there
        ("电话 蓝海酒店的采购何经理 她说老板还在考虑 3月20号我再打", "2026-03-20", None),
        # "那天" names the day of their timeline as the rep's own
        ("王总说图纸大概周四能定我那天下午再问他", "2026-03-12", None),
        # what the rep owes by a deadline
        ("拜访了恒丰锅炉厂 李工嫌贵 下周一前我出新报价", "2026-03-16", None),
        ("电话联系了鑫源纺织张总 改版的事下周三之前给新版", "2026-03-18", None),
        # a day corrected
        ("拜访了远航物流 约了周四 哦不对 周五上午十点再过去讲方案", "2026-03-13", "10:00"),
        # a pause inside the plan
        ("嗯 跟 那个 绿源光伏 打了电话 然后周四 我 过去一趟", "2026-03-12", None),
        # English plans and clock times
        ("Called Mr. Li from 恒丰锅炉, will send the quotation on Friday", "2026-03-13", None),
        ("Met Tony from 远航物流 today. Will follow up next Monday 10am.", "2026-03-16", "10:00"),
        ("拜访了绿源光伏 Next meeting 周四 2pm", "2026-03-12", "14:00"),
        # the rep's own plan wins over a customer's delivery date said first
        ("蓝海酒店电话说要的急 月底交货 明早九点我去酒店签意向", "2026-03-11", "09:00"),
    ],
)
def test_the_rep_s_plan_is_found(extractor: Extractor, text: str, date: str, time: str | None) -> None:
    assert _followup(extractor, text) == {"date": date, "time": time}


@pytest.mark.parametrize(
    "text",
    [
        # someone else does the step on that day
        "打电话给恒丰锅炉的刘科长 说要重新招标 下周三他把标书发过来",
        # the customer's words, with no plan of the rep's after them
        "拜访了华美家具 王总说周五给答复",
        # a deadline with nothing the rep will do
        "电话联系了鑫源纺织 他们下周一前出结果",
    ],
)
def test_others_steps_are_no_plan(extractor: Extractor, text: str) -> None:
    assert _followup(extractor, text) is None


def test_a_demo_of_how_to_use_a_thing_is_no_help_question(extractor: Extractor) -> None:
    ex = extractor.extract("给蓝海酒店的行政经理演示了点餐系统怎么用，她要先试一下，12号我再跟进", SENT)
    assert ex.intent is Intent.LOG_FOLLOWUP
    assert ex.to_slots().get("next_followup") == {"date": "2026-03-12", "time": None}
    assert extractor.extract("这个机器人怎么用", SENT).intent is Intent.HELP
    assert extractor.extract("记录跟进的用法？", SENT).intent is Intent.HELP
