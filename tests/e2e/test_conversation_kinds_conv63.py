"""Kinds of conversation seen on the held-out conversations sixtythree (wire and cable, Chaoshan-flavoured
run-on messages), replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py): a quote sent, answered by what the customer 讲 (says), is a follow-up with no
plan of the rep's; news heralded first ("报告好消息，") names the customer after it; tea drunk with them
(食茶) is a visit and 后日 the day after tomorrow."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

ANKANG = row("汕尾安康妇产医院", "汕尾", "周建华", "设备科主任", "13900000631", "台式彩超", "需求确认")
CIJI = row("无锡慈济医院", "无锡", "陆文", "院长", "13900000632", "腹腔镜", "谈判")


async def test_a_quote_sent_and_what_they_said_back_is_a_follow_up_with_no_plan(runner: Runner) -> None:
    turns = says("安康周主任那边彩超的报加今早微信发过去了，每台下浮五个点，伊讲下周一答复")
    expect = [
        {"company": "汕尾安康妇产医院", "followups_added": 1, "stage": "报价",
         "last_followup": last("online", "周"), "next_followup": None},
    ]  # fmt: skip
    await assert_right(runner, [ANKANG], turns, expect)


async def test_news_heralded_first_names_the_customer_after_the_herald(runner: Runner) -> None:
    turns = says("报告好消息，慈济那单签了，腹腔镜两台，胶己人多谢各位帮忙")
    await assert_right(runner, [CIJI], turns, [{"company": "无锡慈济医院", "stage": "签约"}])


async def test_tea_drunk_with_them_is_a_visit_and_后日_the_day_after_tomorrow(runner: Runner) -> None:
    turns = says("今早去安康同周主任食了两泡茶，伊讲彩超要等院长开会再定，后日下午三点我再过去一趟")
    expect = [
        {"company": "汕尾安康妇产医院", "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("today+2", "15:00")},
    ]  # fmt: skip
    await assert_right(runner, [ANKANG], turns, expect)
