"""Kinds of conversation seen on the held-out conversations thirtyfive (construction machinery), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, row, says

# Two customers of one book with the same short name (华安), in two cities, a district and a trade word
# in each registered name (so the city and the short name alone are no alias of either).
CZ = row(
    "常州市武进区华安物流有限公司", "常州", "周建平", "设备科主任", "13900000352", "台式彩超", "需求确认"
)
YZ = row("扬州市邗江区华安保洁服务有限公司", "扬州", "钱卫东", "院长", "13900000351", "腹腔镜", "需求确认")


async def test_one_message_on_two_customers_of_one_short_name_told_apart_by_city(runner: Runner) -> None:
    turns = says(
        "常州华安周主任电话里说彩超预算批下来了 下周五再去见一面\n"
        "扬州华安钱院长微信回了 腹腔镜的方案要看 明天下午3点过去一趟"
    )
    expect = [
        {"company": CZ["公司"], "followups_added": 1, "last_followup": last("call", "周建平"),
         "next_followup": {"at": "next_week:5", "time": None}},
        {"company": YZ["公司"], "followups_added": 1,
         "last_followup": last("online", "钱卫东"), "next_followup": {"at": "today+1", "time": "15:00"}},
    ]  # fmt: skip
    await assert_right(runner, [CZ, YZ], turns, expect)


async def test_a_shared_short_name_without_a_city_stays_one_message(runner: Runner) -> None:
    # No city before either name: which 华安 is whose is not plain, so nothing is split and guessed.
    turns = says("华安周主任电话里说彩超预算批下来了 华安钱院长微信回了 腹腔镜的方案要看")
    expect = [{"company": "扬州市邗江区华安保洁服务有限公司", "followups_added": 0}]
    await assert_right(runner, [CZ, YZ], turns, expect)
