"""A report and a question in one message: the report logged on its customer as if sent alone, and
the question answered, in the order said (before, the message was read as the question alone and the
report was lost). Made-up sentences of several trades, replayed through the real bot
(tests/e2e/conversations.py)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, row, says

KAIDA = row("常熟凯达冷链物流有限公司", "苏州", "刘海涛", "物流经理", "13900000701", "移动DR", "需求确认")
HUAQING = row("昆山华清实验中学", "苏州", "张国平", "校长", "13900000702", "便携彩超", "初筛")
# Two customers with the same short name (恒丰): a report naming it alone needs "是哪个客户？"
HF_TEXTILE = row("吴江恒丰纺织有限公司", "苏州", "沈建国", "厂长", "13900000703", "台式彩超", "需求确认")
HF_HARDWARE = row("无锡恒丰五金制品厂", "无锡", "顾文斌", "总经理", "13900000704", "台式彩超", "需求确认")


async def replies_of(runner: Runner, leads: list[dict[str, str]], turns: list[dict[str, Any]]) -> list[str]:
    outcome = await runner.run({"id": "kind", "leads": leads, "turns": turns, "expect": []})
    assert outcome.errors == []
    return [turn.reply for turn in outcome.turns]


async def test_a_report_then_a_question_logs_the_report_and_answers_the_question(runner: Runner) -> None:
    said = "上午去凯达冷链跟刘经理碰了一下，冷藏车那边他们下周要试一台DR。我手上还有哪些超时没跟的？"
    turns = says((said, ["常熟凯达冷链物流有限公司", "超时"]))
    expect = [
        {"company": KAIDA["公司"], "followups_added": 1, "last_followup": last("visit", "刘海涛")},
        {"company": HUAQING["公司"], "followups_added": 0},
    ]
    await assert_right(runner, [KAIDA, HUAQING], turns, expect)
    # in the order said: the record's confirmation first, then the list
    reply = (await replies_of(runner, [KAIDA, HUAQING], turns))[0]
    assert reply.index("常熟凯达冷链物流有限公司") < reply.index("超时"), reply


async def test_a_question_then_a_report_answers_the_question_and_logs_the_report(runner: Runner) -> None:
    said = "今天我要跟进哪些？另外下午去了华清实验中学，跟张校长把彩超的报价过了一遍"
    turns = says((said, ["待跟进", "昆山华清实验中学"]))
    expect = [
        {"company": HUAQING["公司"], "followups_added": 1, "last_followup": last(contact="张国平")},
        {"company": KAIDA["公司"], "followups_added": 0},
    ]
    await assert_right(runner, [KAIDA, HUAQING], turns, expect)
    reply = (await replies_of(runner, [KAIDA, HUAQING], turns))[0]
    assert reply.index("待跟进") < reply.rindex("昆山华清实验中学"), reply


async def test_a_stage_news_and_a_count_asked_after_it(runner: Runner) -> None:
    turns = says(
        (
            "凯达冷链那单签了，合同今天快递回来。这个月我签了几单？",
            ["常熟凯达冷链物流有限公司", "签约", "漏斗"],
        )
    )
    expect = [{"company": KAIDA["公司"], "stage": "签约"}]
    await assert_right(runner, [KAIDA, HUAQING], turns, expect)


async def test_a_report_on_an_unclear_customer_asks_which_and_still_answers_the_question(
    runner: Runner,
) -> None:
    turns = says(
        ("恒丰今天来电话了，彩超的配置单要重新出一版。我今天还要跟哪些？", ["是哪个客户", "待跟进"]),
        "吴江那家，做纺织的",
    )
    expect = [
        {"company": HF_TEXTILE["公司"], "followups_added": 1, "last_followup": last("call")},
        {"company": HF_HARDWARE["公司"], "followups_added": 0},
    ]
    await assert_right(runner, [HF_TEXTILE, HF_HARDWARE], turns, expect)


async def test_a_question_the_customer_asked_stays_in_the_report(runner: Runner) -> None:
    # 他们老板问… is what the customer asked, news of the report: nothing to answer as the rep's own
    turns = says("刚和凯达刘经理通了电话。他们老板问这个月还有哪些车能先送过去？")
    expect = [{"company": KAIDA["公司"], "followups_added": 1, "last_followup": last("call", "刘海涛")}]
    await assert_right(runner, [KAIDA, HUAQING], turns, expect)
    reply = (await replies_of(runner, [KAIDA, HUAQING], turns))[0]
    assert "待跟进" not in reply and "超时" not in reply, reply


async def test_which_customer_answered_with_a_question_after_it(runner: Runner) -> None:
    # the answer to "是哪个客户？" completes the report; the question said with it is answered too
    turns = says(
        ("恒丰下午微信上说，彩超想下个月再看一次样机", ["是哪个客户"]),
        ("吴江恒丰纺织。另外我手上有哪些超时没跟的？", ["吴江恒丰纺织有限公司", "超时"]),
    )
    expect = [
        {"company": HF_TEXTILE["公司"], "followups_added": 1},
        {"company": HF_HARDWARE["公司"], "followups_added": 0},
    ]
    await assert_right(runner, [HF_TEXTILE, HF_HARDWARE], turns, expect)
