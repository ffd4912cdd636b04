"""Business-time arithmetic for the SLA clocks: working hours and days in the configured time zone,
with Chinese public holidays and make-up working days from the `chinese-calendar` package.

A lead assigned Friday 17:50 with a 30-minute limit breaches Monday 09:20, not Friday 18:20.
Pure: no I/O, no clock; every datetime in and out is aware.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

from bot.config import SlaConfig

log = logging.getLogger("salesbot.handlers.business_time")

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A breach years away is a configuration mistake (no business days, no hours); stop looking.
MAX_DAYS = 3 * 366


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    tz: ZoneInfo
    hours: tuple[tuple[int, int], ...]  # (start, end) in minutes after local midnight; end may be 1440
    weekdays: frozenset[int]  # date.weekday() values that are working days
    cn_holidays: bool = True

    @classmethod
    def from_config(cls, sla: SlaConfig) -> BusinessCalendar:
        return cls(
            tz=ZoneInfo(sla.timezone),
            hours=tuple(sorted(_minutes(span) for span in sla.business_hours)),
            weekdays=frozenset(DAYS.index(d) for d in sla.business_days),
            cn_holidays=sla.holidays == "cn",
        )

    def is_workday(self, day: date) -> bool:
        if self.cn_holidays:
            try:
                off, name = chinese_calendar.get_holiday_detail(day)
            except NotImplementedError:
                _warn_unknown_year(day.year)
            else:
                if name is not None:  # a named day is a public holiday or its make-up working day
                    return not off
        return day.weekday() in self.weekdays

    def workday(self) -> timedelta:
        """The business time in one working day."""
        return timedelta(minutes=sum(end - begin for begin, end in self.hours))

    def windows(self, start_day: date) -> Iterator[tuple[datetime, datetime]]:
        """Working intervals in UTC, in order, from `start_day` on (at most MAX_DAYS days)."""
        for offset in range(MAX_DAYS):
            day = start_day + timedelta(days=offset)
            if not self.is_workday(day):
                continue
            midnight = datetime.combine(day, time(0), self.tz)
            for begin, end in self.hours:
                # Minutes from local midnight via the wall clock, so "24:00" is the next midnight.
                yield _at(midnight, begin, self.tz), _at(midnight, end, self.tz)


def add_business_time(start: datetime, duration: timedelta, calendar: BusinessCalendar) -> datetime:
    """The moment `duration` of business time after `start` has elapsed.

    Whole days are business days: "1d" is one working day's hours (assigned Monday 10:00, due
    Tuesday 10:00), not 24 business hours, which would be three working days and not what a
    manager who writes "1d" means. Around the clock a working day is 24 hours, so nothing changes."""
    if duration <= timedelta(0):
        return start
    left = least_elapsed(duration, calendar)
    for begin, end in calendar.windows(start.astimezone(calendar.tz).date()):
        begin = max(begin, start)
        if begin >= end:
            continue
        if left <= end - begin:
            return begin + left
        left -= end - begin
    raise ValueError(f"no {duration} of business time within {MAX_DAYS} days of {start}")


def least_elapsed(duration: timedelta, calendar: BusinessCalendar) -> timedelta:
    """The least wall-clock time `add_business_time(start, duration)` can take from any start: the
    business time it adds (a whole day counts as one working day's hours), since business time never
    runs faster than the wall clock. A bound the SLA scan can put in SQL: a clock started later than
    `now - least_elapsed(limit)` cannot have run out."""
    if duration <= timedelta(0):
        return timedelta(0)
    days, rest = divmod(duration, timedelta(days=1))
    return days * calendar.workday() + rest if days else rest


def business_time_between(a: datetime, b: datetime, calendar: BusinessCalendar) -> timedelta:
    """How much business time lies between `a` and `b` (zero when b is not after a)."""
    total = timedelta(0)
    if b <= a:
        return total
    for begin, end in calendar.windows(a.astimezone(calendar.tz).date()):
        if begin >= b:
            break
        overlap = min(end, b) - max(begin, a)
        if overlap > timedelta(0):
            total += overlap
    return total


def _minutes(span: str) -> tuple[int, int]:
    """ "09:00-12:00" -> (540, 720); the format is checked when the config is loaded."""
    first, _, second = span.partition("-")
    return _clock_minutes(first), _clock_minutes(second)


def _clock_minutes(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    return int(hours) * 60 + int(minutes)


def _at(midnight: datetime, minutes: int, tz: ZoneInfo) -> datetime:
    day = midnight.date() + timedelta(days=minutes // 1440)
    wall = datetime.combine(day, time(minutes % 1440 // 60, minutes % 60), tz)
    return wall.astimezone(UTC)


@functools.cache
def _warn_unknown_year(year: int) -> None:
    # Cached so the warning appears once per year per process, not on every scan.
    log.warning("chinese-calendar has no data for %d; counting plain business days", year)
