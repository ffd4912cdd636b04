"""Kinds of conversation seen on the held-out conversations thirtytwo (tiles and sanitary ware),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import JIAHE_SZ, JIAHE_WX, RENHE, assert_right, last, plan, says


async def test_an_answer_naming_the_city_and_the_caller_keeps_the_held_reports_facts(runner: Runner) -> None:
    turns = says(
        ("嘉禾今天来电话了 便携彩超想要两台 预算60到70万 大后天我过去一趟", ["是哪个客户"]),
        "无锡那家，邵主任打来的",
    )
    expect = [
        {"company": "无锡嘉禾康养服务有限公司", "followups_added": 1, "budget": [600000, 700000],
         "last_followup": last("call", "邵敏"), "next_followup": plan("today+3")},
        {"company": "苏州嘉禾康养服务有限公司", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [JIAHE_SZ, JIAHE_WX], turns, expect)


async def test_a_typo_owned_before_a_swap_of_persons_corrects_the_contact(runner: Runner) -> None:
    turns = says(
        "仁和孟主任 微信 台式彩超想订两台 下周三上午十点去科里演示",
        "写错字 是周主任 不是孟主任 谢谢",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("online", "周")}]
    await assert_right(runner, [RENHE], turns, expect)
