"""Kinds of conversation seen on the held-out conversations thirtyone (tea and corporate gifting),
replayed through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, row, says

CHAIRED = row("常州康宁医院", "常州", "林海涛", "董事长", "13900000093", "台式彩超", "需求确认")
SECRETARY = row("无锡惠民医院", "无锡", "蒋文斌", "党委副书记", "13900000094", "腹腔镜", "初筛")


async def test_a_follow_on_naming_a_reception_building_keeps_the_call_and_its_contact(runner: Runner) -> None:
    turns = says(
        "仁和周主任上午回了电话 台式彩超的配置他基本认可 下周二下午三点我过去当面汇报",
        "主任还说了，新盖的接待中心也想配两台便携彩超",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("call", "周建华"),
               "products_include": ["台式彩超", "便携彩超"]}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_person_met_instead_of_one_called_away_is_the_contact(runner: Runner) -> None:
    turns = says(
        "上午到仁和想见周主任，可是他刚好被院长叫去开会了，后来是设备科副科长孟凡带我看的机房，电话13900000091，"
        "说彩超今年要换三台，下周三下午两点我带资料再过去",
        "另外孟科长还提到之前买的是GE的，售后太慢了，这次想换一家，还问了便携彩超的价格",
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 2, "last_followup": last("visit", "孟凡"),
               "contacts_include": ["孟凡", "周建华"]}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_meeting_in_english_told_by_how_it_went_is_a_visit(runner: Runner) -> None:
    turns = says("仁和今天下午的meeting很顺利，周主任说彩超下个月上会，我下周四上午再过去")
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周建华")}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_chair_called_by_surname_and_董_is_the_books_chair(runner: Runner) -> None:
    turns = says("刚给康宁林董打了个电话，彩超要两台，周五上午我过去")
    expect = [{"company": "常州康宁医院", "followups_added": 1, "last_followup": last("call", "林海涛")}]
    await assert_right(runner, [CHAIRED], turns, expect)


async def test_a_title_said_short_alone_is_the_books_contact_of_the_longer_title(runner: Runner) -> None:
    turns = says("今天去惠民医院拜访，书记说腹腔镜今年有预算，下周四上午再去")
    expect = [{"company": "无锡惠民医院", "followups_added": 1, "last_followup": last("visit", "蒋文斌")}]
    await assert_right(runner, [SECRETARY], turns, expect)


async def test_a_sealed_contract_is_signed_and_the_service_start_no_plan(runner: Runner) -> None:
    turns = says(
        "仁和周主任刚来电话，彩超那份合同他们法务和财务都审完了，章也盖好了，下个月5号开始我们派两个工程师过去驻场培训"
    )
    expect = [{"company": "苏州仁和医院", "followups_added": 1, "stage": "签约",
               "last_followup": last("call", "周建华"), "next_followup": None}]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_deal_all_given_to_a_rival_is_lost(runner: Runner) -> None:
    turns = says("慈济陆院长下午来电话，很遗憾，他们最后统一用了迈瑞的腹腔镜，这一单咱们没机会了")
    expect = [{"company": "无锡慈济医院", "followups_added": 1, "stage": "输单",
               "last_followup": last("call", "陆文"), "next_followup": None}]  # fmt: skip
    await assert_right(runner, [CIJI], turns, expect)
