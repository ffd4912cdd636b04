"""Kinds of conversation seen on the held-out conversations fortyone (industrial boilers), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

# Two customers of one city with the same short name (华安): the city and the trade, said together, tell
# them apart (neither alone does).
WJ = row("常州市武进区华安物流有限公司", "常州", "周建平", "设备科主任", "13900000412", "腹腔镜", "需求确认")
XB = row("常州市新北区华安保洁服务有限公司", "常州", "钱卫东", "院长", "13900000411", "腹腔镜", "需求确认")
RENAI = row("南通仁爱医院", "南通", "严立群", "设备处处长", "13900000413", "腹腔镜", "需求确认")


async def test_which_customer_answered_by_two_marks_each_its_own_clause(runner: Runner) -> None:
    turns = says(
        ("华安那边刚通完电话，想先上一台腹腔镜顶一顶，大后天我过去看看", ["是哪个客户"]), "常州那家，物流的"
    )
    expect = [
        {"company": WJ["公司"], "followups_added": 1, "last_followup": last("call"),
         "next_followup": plan("today+3")},
        {"company": XB["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [WJ, XB], turns, expect)


async def test_a_correction_said_with_整岔_moves_the_plan(runner: Runner) -> None:
    turns = says(
        "仁爱严处长今天电话里说腹腔镜的预算还在走流程，下周二上午十点我再过去一趟",
        "时间整岔了，是下下周二，下周他们院里评审",
    )
    expect = [
        {"company": RENAI["公司"], "followups_added": 1, "next_followup": plan("week_after_next:2", "10:00")}
    ]
    await assert_right(runner, [RENAI], turns, expect)


async def test_a_proposal_gone_through_with_them_is_a_demo(runner: Runner) -> None:
    turns = says("今天去了仁爱，把腹腔镜加配套耗材的整套方案给严处长他们过了一遍，处长挺满意")
    expect = [{"company": RENAI["公司"], "stage": "方案演示", "last_followup": last("demo", "严立群")}]
    await assert_right(runner, [RENAI], turns, expect)


async def test_the_price_haggled_with_us_and_points_asked_off_is_negotiation(runner: Runner) -> None:
    turns = says("今天去仁爱拜访了严处长，腹腔镜那套还在跟我磨价，想让咱再让三个点，下周一再过去")
    expect = [{"company": RENAI["公司"], "stage": "谈判", "last_followup": last("visit", "严立群")}]
    await assert_right(runner, [RENAI], turns, expect)
