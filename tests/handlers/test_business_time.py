"""Business-time arithmetic: working hours, the lunch break, weekends, Chinese public holidays and
their make-up working days, around-the-clock calendars."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.config import SlaConfig
from handlers.business_time import BusinessCalendar, add_business_time, business_time_between

SH = ZoneInfo("Asia/Shanghai")
CAL = BusinessCalendar.from_config(SlaConfig())


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SH)


def test_friday_evening_breaches_on_monday_morning() -> None:
    assert add_business_time(at(2026, 3, 13, 17, 50), timedelta(minutes=30), CAL) == at(2026, 3, 16, 9, 20)
    assert business_time_between(at(2026, 3, 13, 17, 50), at(2026, 3, 16, 9, 20), CAL) == timedelta(
        minutes=30
    )


def test_the_lunch_break_does_not_count() -> None:
    assert add_business_time(at(2026, 3, 10, 11, 50), timedelta(minutes=30), CAL) == at(2026, 3, 10, 13, 50)
    assert business_time_between(at(2026, 3, 10, 11, 0), at(2026, 3, 10, 14, 0), CAL) == timedelta(
        hours=1, minutes=30
    )


def test_a_start_outside_hours_counts_from_the_next_opening() -> None:
    assert add_business_time(at(2026, 3, 10, 7, 0), timedelta(hours=1), CAL) == at(2026, 3, 10, 10, 0)
    assert add_business_time(at(2026, 3, 10, 12, 30), timedelta(minutes=10), CAL) == at(2026, 3, 10, 13, 40)


def test_national_day_is_skipped_and_its_make_up_saturday_counts() -> None:
    # 2026: 1-7 October are public holidays; Saturday 10 October is a make-up working day.
    assert add_business_time(at(2026, 9, 30, 17, 50), timedelta(minutes=30), CAL) == at(2026, 10, 8, 9, 20)
    assert add_business_time(at(2026, 10, 9, 17, 50), timedelta(minutes=30), CAL) == at(2026, 10, 10, 9, 20)
    assert business_time_between(at(2026, 10, 1, 0, 0), at(2026, 10, 8, 0, 0), CAL) == timedelta(0)


def test_holidays_none_counts_plain_weekdays() -> None:
    plain = BusinessCalendar.from_config(SlaConfig(holidays="none"))
    assert add_business_time(at(2026, 9, 30, 17, 50), timedelta(minutes=30), plain) == at(2026, 10, 1, 9, 20)
    assert add_business_time(at(2026, 10, 9, 17, 50), timedelta(minutes=30), plain) == at(2026, 10, 12, 9, 20)


def test_around_the_clock_is_plain_elapsed_time() -> None:
    always = BusinessCalendar.from_config(
        SlaConfig(
            business_hours=["00:00-24:00"], business_days=["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        )
    )
    start = at(2026, 10, 1, 23, 50)  # a public holiday: counted only when holidays are ignored
    plain = dataclasses.replace(always, cn_holidays=False)
    assert add_business_time(start, timedelta(minutes=30), plain) == at(2026, 10, 2, 0, 20)
    assert business_time_between(at(2026, 3, 13, 12), at(2026, 3, 15, 12), plain) == timedelta(days=2)
    assert add_business_time(at(2026, 3, 13, 23, 50), timedelta(minutes=30), always) == at(2026, 3, 14, 0, 20)


def test_a_year_the_package_does_not_know_falls_back_to_weekdays() -> None:
    # 2099-01-02 is a Friday.
    assert add_business_time(at(2099, 1, 2, 17, 50), timedelta(minutes=30), CAL) == at(2099, 1, 5, 9, 20)


def test_backwards_or_empty_intervals_are_zero() -> None:
    assert business_time_between(at(2026, 3, 10, 12), at(2026, 3, 10, 10), CAL) == timedelta(0)
    assert add_business_time(at(2026, 3, 14, 10), timedelta(0), CAL) == at(2026, 3, 14, 10)


def test_a_calendar_with_no_working_time_is_an_error() -> None:
    never = BusinessCalendar.from_config(SlaConfig(business_days=[], holidays="none"))
    with pytest.raises(ValueError, match="no 0:30:00 of business time"):
        add_business_time(at(2026, 3, 10, 10), timedelta(minutes=30), never)


def test_whole_days_are_working_days() -> None:
    office = BusinessCalendar.from_config(SlaConfig(holidays="none"))
    assert add_business_time(at(2026, 3, 9, 10), timedelta(days=1), office) == at(2026, 3, 10, 10)
    assert add_business_time(at(2026, 3, 13, 10), timedelta(days=1), office) == at(2026, 3, 16, 10)
    assert add_business_time(at(2026, 3, 9, 10), timedelta(days=2, hours=1), office) == at(2026, 3, 11, 11)
