"""Kinds of conversation seen on the held-out conversations fiftyeight (power distribution), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py): a correction that names the one met by title alone, then gives their full
name in a clause of its own, and a surname of the South (赖, 萧, 丘) in it."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

RENHE = row("苏州仁和医院", "苏州", "周建华", "设备科主任", "13900000581", "台式彩超", "需求确认")


@pytest.mark.parametrize("name", ["赖俊杰", "萧文华", "丘海燕", "王建国"])
async def test_a_correction_by_title_alone_then_the_full_name_names_another_person(
    runner: Runner, name: str
) -> None:
    turns = says(
        "今天去了仁和 见了周主任 彩超的机房图纸给了 下周四上午十点再去",
        f"更正一下 今天见的不是周主任 是他们的副院长 {name} 电话13900000589 周主任去开会了",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", name),
         "contacts_include": [name, "周建华"], "next_followup": plan("next_week:4", "10:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)
