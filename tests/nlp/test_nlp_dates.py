"""Relative dates and times against the send time, weeks starting on Monday; periods for queries."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.dates import find_days, find_period, find_time, time_on_that_day
from nlp.followup import find_followup

TUE = date(2026, 3, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("下周三下午2点再去演示", "2026-03-18", "14:00"),
        ("明天上午过去", "2026-03-11", None),
        ("月底前我再去一趟", "2026-03-31", None),
        ("周五去拜访", "2026-03-13", None),
        ("3月15号去拜访", "2026-03-15", None),
        ("5号再去找他", "2026-04-05", None),
        ("后天下午三点半再打给他", "2026-03-12", "15:30"),
        ("明早9点把资料发他", "2026-03-11", "09:00"),
        ("明天晚上八点再聊", "2026-03-11", "20:00"),
        ("下周一下午4点45分去医院", "2026-03-16", "16:45"),
        ("下周六上午10点一刻去总部", "2026-03-21", "10:15"),
        ("下周四14:30去他们公司", "2026-03-19", "14:30"),
        ("下下周一带合同过去", "2026-03-23", None),
        ("5天后再去店里看看", "2026-03-15", None),
        ("下个月8号去医院汇报", "2026-04-08", None),
        ("礼拜天之前给他方案", "2026-03-15", None),
    ],
)
def test_followup(text: str, day: str, time: str | None) -> None:
    found = find_followup(text, TUE)
    assert found is not None
    assert (found.day.isoformat(), found.time) == (day, time)


@pytest.mark.parametrize(
    "text",
    [
        "他说月底前给答复",
        "她说下周一店里开会定，让我等通知",
        "节后再约他",
        "这周末出行程",
        "8月3号开标",
        "昨天去拜访了",
    ],
)
def test_no_followup(text: str) -> None:
    assert find_followup(text, TUE) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a titled person's timeline said before the rep's own plan: the rep's plan is the follow-up
        ("孟院长说教学楼下周一开始封顶 下周三我过去看一下进度", "2026-03-18"),
        ("物业的郑经理说电梯月底验收，下周四我再去确认一次清单", "2026-03-19"),
        ("卢总说设备下个月5号到厂，下个月3号上午带合同过去", "2026-04-03"),
        # no title before 说: the rep's own words stay the plan
        ("跟老乔说好了，下周三过去量尺寸", "2026-03-18"),
        # after a space the rep speaks again: their own plan, though the clause runs on
        ("祁园长说暑假前装好 18号我带师傅过去看场地", "2026-03-18"),
    ],
)
def test_a_titled_person_s_timeline_is_not_the_rep_s_plan(text: str, day: str) -> None:
    found = find_followup(text, TUE)
    assert found is not None and found.day.isoformat() == day


def test_a_titled_person_s_timeline_alone_is_no_plan() -> None:
    # as with "他说下周五开会定": what the customer said they will do (a visit to us would be a
    # meeting with the rep, the next contact: "说后天来我们公司谈")
    assert find_followup("葛主任说下周五开会定", TUE) is None
    found = find_followup("葛主任说下周五开标，我下周四过去一趟", TUE)
    assert found is not None and found.day.isoformat() == "2026-03-19"


def test_week_starts_on_monday() -> None:
    sunday = date(2026, 3, 15)
    assert find_days("周一", sunday)[0].day == date(2026, 3, 9)
    assert find_days("下周一", sunday)[0].day == date(2026, 3, 16)


def test_day_rolls_into_next_year() -> None:
    assert find_days("1月4号", date(2026, 12, 30))[0].day == date(2027, 1, 4)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("本周新增多少线索", "2026-03-09", "2026-03-15"),
        ("上周我跟进了多少个客户", "2026-03-02", "2026-03-08"),
        ("下周要跟进的客户", "2026-03-16", "2026-03-22"),
        ("这个月我的转化率", "2026-03-01", "2026-03-31"),
        ("上个月团队签了几单", "2026-02-01", "2026-02-28"),
        ("本季度排名", "2026-01-01", "2026-03-31"),
        ("今年一共输了多少单", "2026-01-01", "2026-12-31"),
        ("2月份新增线索", "2026-02-01", "2026-02-28"),
        ("今天要跟进哪些客户", "2026-03-10", "2026-03-10"),
        ("昨天新增了几个客户", "2026-03-09", "2026-03-09"),
        ("周五安排了哪些跟进", "2026-03-13", "2026-03-13"),
    ],
)
def test_period(text: str, start: str, end: str) -> None:
    found = find_period(text, TUE)
    assert found is not None
    (s, e), _ = found
    assert (s.isoformat(), e.isoformat()) == (start, end)


def test_a_time_said_without_a_day() -> None:
    assert find_time("不对，是下午三点半") == "15:30"
    assert find_time("是10:05") == "10:05"
    assert find_time("下午一点") == "13:00"  # 一点 with its period word is a time
    assert find_time("再便宜一点") is None and find_time("预算120万") is None


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("改到三点", "15:00"),  # a bare small hour is a working hour: the afternoon
        ("约的两点半", "14:30"),
        ("4点到", "16:00"),
        ("凌晨三点的车", "03:00"),  # said with its period word, as said
        ("早上六点出发", "06:00"),
        ("八点到", "08:00"),
        ("十一点半", "11:30"),
        ("12点", "12:00"),
        ("3:15", "03:15"),  # written as a clock reads: left as written
    ],
)
def test_a_bare_hour_reads_as_a_working_hour(text: str, time: str) -> None:
    assert find_time(text) == time


def test_a_time_said_of_that_day_is_read_for_the_day_said_before() -> None:
    assert time_on_that_day("他说采购总监那天上午十点有空 就定十点") == "10:00"
    assert time_on_that_day("那天两点半吧") == "14:30"  # a bare small hour is the afternoon
    assert time_on_that_day("那一天下午3点去仓库") == "15:00"
    # No time after it, or another day asked about ("哪天"), is no time of that day.
    assert time_on_that_day("那天他们老板不在") is None
    assert time_on_that_day("哪天下午两点方便") is None
    assert time_on_that_day("下午两点吧") is None


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("明儿个后晌两点再去趟工地", "2026-03-11", "14:00"),
        ("后儿个前晌十点去他们仓库", "2026-03-12", "10:00"),
        ("大后儿个晌午一点请他吃饭", "2026-03-13", "13:00"),
        ("明儿下半晌三点半再过去", "2026-03-11", "15:30"),
        ("明儿个后晌去找他", "2026-03-11", None),
    ],
)
def test_northern_day_and_part_of_day_words(text: str, day: str, time: str | None) -> None:
    """今儿个 / 明儿个 / 后儿个 / 大后儿个 are days; 前晌 / 晌午 / 后晌 / 下半晌 morning, noon, afternoon."""
    found = find_followup(text, TUE)
    assert found is not None
    assert (found.day.isoformat(), found.time) == (day, time)
