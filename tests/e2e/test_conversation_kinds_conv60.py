"""Kinds of conversation seen on the held-out conversations sixty (steel structures, Northeastern speech),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

# Two customers, each with a 邬院长: a message naming only the person cannot tell them apart.
KANGTAI = row("绍兴市上虞区康泰护理院", "绍兴", "邬丽萍", "院长", "13900006001", "腹腔镜", "需求确认")
HUAXIN = row("宁波华欣康复医院", "宁波", "邬建国", "院长", "13900006002", "台式彩超", "报价")


async def test_which_customer_asked_about_a_person_shows_each_ones_person(runner: Runner) -> None:
    # "邬院长…": the question lists each candidate with its 邬 so the rep picks by the person meant
    turns = says(("邬院长上午来电话了，说领导那边点头了，让再细化下方案", ["邬丽萍", "邬建国"]), "宁波那个")
    expect = [
        {"company": HUAXIN["公司"], "followups_added": 1, "last_followup": last("call", "邬")},
        {"company": KANGTAI["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [KANGTAI, HUAXIN], turns, expect)


FARM = row(
    "湖州市吴兴区绿康蔬菜种植专业合作社", "湖州", "费宏伟", "理事长", "13900006003", "腹腔镜", "需求确认"
)


async def test_the_kind_of_body_alone_before_its_person_names_no_new_customer(runner: Runner) -> None:
    # "合作社费理事长…": the bare kind is no customer's name; the person finds the lead of the book
    turns = says("合作社费理事长刚打电话，说明天上午九点让我过去看看场地")
    expect = [
        {"company": FARM["公司"], "followups_added": 1, "last_followup": last("call", "费"),
         "next_followup": plan("today+1", "09:00")},
    ]  # fmt: skip
    await assert_right(runner, [FARM], turns, expect)
