"""Kinds of conversation seen on round 21's held-out conversations (LED displays, cartons, agricultural
drones, elevators: a rep answering the manager who asked, a pick by city, a manager's new customer),
replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

pytestmark = pytest.mark.usefixtures("runner")


# ---- the manager opening the answer is not the customer's person: the one named after them is -----------


async def test_the_boss_opening_a_report_is_not_the_customer_s_person(runner: Runner) -> None:
    # 张总: the manager 张伟; 孙主任 is new at 慈济 (the book knows 陆文 only)
    turns = says("张总昨天下午刚跟慈济的孙主任通了电话，腹腔镜他们想再压一压价，我下周二过去一趟")
    expect = [
        {
            "company": "无锡慈济医院",
            "followups_added": 1,
            "last_followup": last("call", "孙"),
            "next_followup": plan("next_week:2"),
        },
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_known_contact_wins_over_a_person_said_by_surname_only(runner: Runner) -> None:
    # 黄总 is no one the book or the organisation knows; 陆院长 is the customer's contact on file
    turns = says("慈济黄总上午跟陆院长谈了腹腔镜的价格，我下周二再过去")
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last(contact="陆文")},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_person_introduced_by_surname_stays_over_the_known_contact(runner: Runner) -> None:
    # 姓严 introduces someone new: the known 周主任 is only spoken of
    turns = says("今天去了仁和，出来碰到他们院长了 姓严 聊了几句，他说彩超的事全权交给周主任")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "严")},
        {"company": "无锡慈济医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


# ---- "是哪个客户？" answered by the city and what the customer wants: the kept report gets both -----------

# One name in two cities that neither legal name holds: only the book's city tells them apart.
KANGNING_WX = row("康宁骨科医院", "无锡", "许海波", "设备科科长", "13900002101", "腹腔镜", "需求确认")
KANGNING_SZ = row("康宁康复医院", "苏州", "蒋丽萍", "院办主任", "13900002102", "移动DR", "初筛")


@pytest.mark.parametrize(
    "pick",
    ["无锡那个，腹腔镜他们要3台，下下周一上午再视频一次", "无锡的，腹腔镜他们要3台，下下周一上午再视频一次"],
)
async def test_a_pick_by_city_keeps_the_plan_it_goes_on_with(runner: Runner, pick: str) -> None:
    turns = says(("康宁那边，今天下午跟他们视频聊了一下需求", ["哪个"]), pick)
    expect = [
        {"company": "康宁骨科医院", "followups_added": 1, "stage": "需求确认",
         "last_followup": last("online"), "next_followup": plan("week_after_next:1")},
        {"company": "康宁康复医院", "followups_added": 0, "stage": "初筛"},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING_WX, KANGNING_SZ], turns, expect)


# ---- a manager's call with a new customer: the lead goes to the rep the assignment rules choose ---------


async def test_a_new_customer_a_manager_reports_goes_to_the_rep_of_its_county(runner: Runner) -> None:
    # 惠山区 is 无锡's: lina covers 无锡 (wangqiang sells the joints, but not there)
    said = "惠山区第三人民医院刚来电话，设备科顾科长说想上一批人工髋关节，下周三安排人过去看看"
    turns = [{"as": "zhangwei", "text": said, "reply_has": ["林娜"]}]
    expect = [
        {"company": "惠山区第三人民医院", "followups_added": 1, "owner": "lina",
         "last_followup": last("call", "顾"), "next_followup": plan("next_week:3")},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_new_customer_the_manager_keeps_stays_theirs(runner: Runner) -> None:
    said = "惠山区第三人民医院刚来电话，设备科顾科长说想上一批人工髋关节，这个我自己跟，下周三过去看看"
    turns = [{"as": "zhangwei", "text": said}]
    expect = [
        {"company": "惠山区第三人民医院", "followups_added": 1, "owner": "zhangwei"},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE], turns, expect)


@pytest.mark.parametrize(
    ("said", "owner"),
    [
        ("新客户：惠山区第三人民医院，设备科顾科长 13900002201，想上一批人工髋关节", "lina"),
        (
            "新客户：惠山区第三人民医院，设备科顾科长 13900002201，想上一批人工髋关节，这个我自己跟",
            "zhangwei",
        ),
    ],
)
async def test_a_new_lead_a_manager_enters_follows_the_rules_unless_they_keep_it(
    runner: Runner, said: str, owner: str
) -> None:
    turns = [{"as": "zhangwei", "text": said}]
    expect = [
        {"company": "惠山区第三人民医院", "owner": owner},
        {"company": "苏州仁和医院", "followups_added": 0},
    ]
    await assert_right(runner, [RENHE], turns, expect)
