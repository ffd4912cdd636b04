"""Kinds of conversation seen on the held-out conversations forty (beauty-clinic equipment): a report on a
customer of the writer's book, closed by an emoji, then a new customer its contact referred, named in full
with its own contact and phone. Replayed through the real bot with made-up sentences of a hospital
equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

NEW = "无锡市滨湖区安康康复医院"


async def _replies(runner: Runner, turns: list[dict[str, object]]) -> list[str]:
    outcome = await runner.run({"id": "kind", "leads": [RENHE, CIJI], "turns": turns, "expect": []})
    assert outcome.errors == []
    return [turn.reply for turn in outcome.turns]


async def test_a_report_closed_by_an_emoji_then_a_referred_new_customer_is_a_follow_up_and_a_new_lead(
    runner: Runner,
) -> None:
    # The known customer keeps its own facts (installed and the users trained: delivered; no plan of its
    # own); the referred one is a new lead with its own contact, product and plan, and no follow-up yet.
    turns = says(
        "今天去仁和装机，台式彩超装好了，周主任科里几个医生的上机培训也做完了😊 "
        "周主任还帮忙推荐了一家新客户：无锡市滨湖区安康康复医院，院长姓葛，电话13812345670，"
        "想了解便携彩超，我后天先给葛院长打个电话"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周建华"),
         "stage": "交付", "next_followup": None},
        {"company": NEW, "owner": "lina", "followups_added": 0, "products_include": ["便携彩超"],
         "next_followup": plan("today+2")},
        {"company": CIJI["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_the_referrer_is_not_the_referred_customers_contact(runner: Runner) -> None:
    turns = says(
        "上午去仁和见了周主任，彩超验收单签好了👍 周主任又给我们介绍了个新客户：无锡市滨湖区安康康复医院，"
        "联系人是葛院长，电话13812345670，想看便携彩超，明天上午我先打个电话"
    )
    replies = await _replies(runner, turns)
    text = "\n".join(replies)
    assert "新线索已录入" in text and NEW in text, replies
    new_card = text[text.index(NEW) :]
    assert "联系人：葛院长 13812345670" in new_card, replies
    assert "周主任" not in new_card and "周建华" not in new_card, replies
    assert "联系人：葛" not in text[: text.index(NEW)], replies  # nor the known customer's


async def test_a_referral_with_no_company_name_creates_nothing(runner: Runner) -> None:
    turns = says(
        "今天去仁和装机，台式彩超装好了，操作培训也做完了👌 周主任还说他有个老同学在无锡开康复医院，"
        "也想要彩超，回头帮我介绍一下"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周建华"),
         "stage": "交付"},
        {"company": CIJI["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
    replies = await _replies(runner, turns)
    assert not any("新线索已录入" in reply for reply in replies), replies


async def test_a_visit_report_naming_a_colleague_after_an_emoji_is_not_split(runner: Runner) -> None:
    turns = says(
        "今天跟王强一起去仁和见了周主任🙂 王强把骨科那边的情况也跟周主任聊了聊，彩超下周三我再去演示"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周建华"),
         "next_followup": plan("next_week:3")},
        {"company": CIJI["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
    replies = await _replies(runner, turns)
    assert not any("新线索已录入" in reply for reply in replies), replies
