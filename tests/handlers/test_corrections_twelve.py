"""A corrected day whose time is said in a clause of its own (conversations_twelve kind; made-up
sentences of other trades)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.corrections import corrected_day
from nlp import FollowUpTime

TUESDAY = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_time_said_after_the_corrected_day_goes_with_it() -> None:
    assert corrected_day("不对 是下周五 还是下午三点 周四他们盘点", TUESDAY) == FollowUpTime(
        "2026-03-20", "15:00"
    )
    assert corrected_day("说错了 改成下周一，上午九点半", TUESDAY) == FollowUpTime("2026-03-16", "09:30")


def test_a_time_in_the_reason_is_not_the_plan_s() -> None:
    # the reason's clause is no value of the correction: its hour stays out
    assert corrected_day("不对 是下周五 周四他们三点要开会", TUESDAY) == FollowUpTime("2026-03-20", None)
    # two days said: the time is not guessed onto the first
    assert corrected_day("改成下周五上午 周四老板出差", TUESDAY) == FollowUpTime("2026-03-20", None)
