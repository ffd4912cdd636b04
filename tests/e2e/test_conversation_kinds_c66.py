"""Kinds of conversation seen on the held-out conversations sixty-six (mining machinery, Shandong speech),
replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

pytestmark = pytest.mark.usefixtures("runner")


# ---- the one met said wrong with no marker, why the old one was away said between -----------------------


@pytest.mark.parametrize(
    "fix",
    [
        "还有，今天见的不是周主任，周主任休假了，是他们设备科的副科长邵宏",
        "今天见的不是周主任 是设备科副科长邵宏",
    ],
)
async def test_the_one_met_said_wrong_moves_the_contact_of_the_same_record(runner: Runner, fix: str) -> None:
    turns = says("今天在仁和跟周主任把彩超的配置又过了一遍，下周二上午十点再去", fix)
    expect = [
        {
            "company": "苏州仁和医院",
            "followups_added": 1,
            "last_followup": last("visit", "邵"),
            "next_followup": plan("next_week:2", "10:00"),
        },
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- Shandong speech: 夜来 (yesterday), 拉呱 (chatted), 俺 (I) --------------------------------------------


async def test_a_shandong_chat_at_their_place_is_a_visit(runner: Runner) -> None:
    turns = says("夜来晚上在慈济跟陆院长拉呱到九点多，腹腔镜他们想年前定，俺下礼拜三下午两点再过去")
    expect = [
        {
            "company": "无锡慈济医院",
            "followups_added": 1,
            "last_followup": last("visit", "陆"),
            "next_followup": plan("next_week:3", "14:00"),
        },
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
