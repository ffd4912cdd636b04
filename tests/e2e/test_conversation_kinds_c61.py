"""Kinds of conversation seen on the held-out conversations sixtyone (amusement equipment, Shanghainese
words), replayed through the real bot with made-up sentences of another trade."""

from __future__ import annotations

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, says

pytestmark = pytest.mark.usefixtures("runner")


# ---- two customers after a lead-in ("跑了两家："), the first one's time of day before its name ----------


@pytest.mark.parametrize("first_time", ["上午", "上半天", ""])
async def test_a_lead_in_before_the_first_customers_time_is_said_of_every_customer(
    runner: Runner, first_time: str
) -> None:
    turns = says(
        f"今天跑了两家：{first_time}仁和周主任，彩超合同在走了，下周一我把合同发过去；"
        "下午慈济陆院长，腹腔镜方案他们看过了，说挺好"
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "next_followup": plan("next_week:1")},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("visit", "陆")},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_part_saying_its_own_kind_of_contact_keeps_it_after_such_a_lead_in(runner: Runner) -> None:
    turns = says(
        "今天跑了一圈：上午在仁和跟周主任见了一面，彩超想加一台；下午慈济陆院长电话里说价格可以了，明天下午四点我再打给他"
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("call", "陆")},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)
