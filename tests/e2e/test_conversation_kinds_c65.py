"""Kinds of conversation seen on the held-out conversations sixtyfive (sanitation vehicles, managers
logging for their reps), replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row

pytestmark = pytest.mark.usefixtures("runner")


def manager(text: str) -> dict[str, str]:
    """A turn of zhangwei's, lina's manager."""
    return {"as": "zhangwei", "text": text}


# ---- a manager logging for a rep: the rep's own plan is the lead's next contact ----------------------


async def test_a_manager_s_note_for_a_rep_headed_with_a_colon_is_a_report_not_a_new_lead(
    runner: Runner,
) -> None:
    turns = [
        manager("帮小林记一下：她今天下午去仁和见了周主任，彩超想再加一台，预算讲是60万左右。"
                "下周二上午十点她再过去看场地")
    ]  # fmt: skip
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "周"), "next_followup": plan("next_week:2", "10:00"),
         "budget": [600000, 600000]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_rep_s_plan_said_by_her_manager_is_the_next_contact(runner: Runner) -> None:
    turns = [
        manager("小林今天跑了两家，我帮她记下：上午在仁和见了周主任，彩超要两台，她下周四下午两点再去；"
                "下午去了慈济，腹腔镜的报价当面交给陆院长了")
    ]  # fmt: skip
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:4", "14:00")},
        {"company": "无锡慈济医院", "followups_added": 1},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rep_s_plan_told_by_her_manager_without_asking_is_the_next_contact(runner: Runner) -> None:
    turns = [manager("小林讲仁和周主任今天约她去看了科室，彩超要两台，她明天上午九点再过去量尺寸")]
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("today+1", "09:00")}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_customer_s_own_plan_in_a_manager_s_note_is_no_next_contact(runner: Runner) -> None:
    turns = [manager("小林讲仁和周主任今天给她打了电话，彩超要两台，他下周三去上海开会")]
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "next_followup": None}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_rep_a_manager_speaks_for_is_not_the_customer_s_contact(runner: Runner) -> None:
    turns = [manager("林工那边我替她说下：她昨天去仁和见了周主任，彩超要两台，预算大概50到60万")]
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")}]
    await assert_right(runner, [RENHE], turns, expect)


# ---- a new customer named in full, sharing the words of a book customer's name in another district ------


async def test_a_new_bureau_of_another_district_is_a_new_lead(runner: Runner) -> None:
    book = row("苏州市吴中区城市管理局", "苏州", "钱立新", "市容科科长", "13900000011", "台式彩超", "初筛")
    turns = [
        {"as": "lina",
         "text": "报个新客户：苏州市姑苏区城市管理和综合执法局，市容科许科长，电话13912345678。"
                 "今天电话聊了，想了解彩超"},
    ]  # fmt: skip
    expect = [
        {"company": "苏州市姑苏区城市管理和综合执法局", "followups_added": 1, "owner": "lina"},
        {"company": "苏州市吴中区城市管理局", "followups_added": 0},
    ]
    await assert_right(runner, [book], turns, expect)


# ---- stage news come of a talk with the customer's person is a contact ----------------------------------


@pytest.mark.parametrize("person", ["周主任", "周建华"])
async def test_stage_news_from_a_talk_with_their_person_is_a_follow_up(runner: Runner, person: str) -> None:
    turns = [
        {"as": "lina", "text": f"仁和彩超今天跟{person}谈下来了，两台，总价80万，在走合同了"},
        {"as": "lina", "text": "打错了，是70万不是80万"},
    ]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last(None, "周"),
         "budget": [700000, 700000]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)
