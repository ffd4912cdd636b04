"""Small text helpers shared by the query replies: phone masking, durations, local times, periods.

Everything a user reads is Chinese and short enough for a phone screen; times are stored in
UTC and only turned into the configured time zone here, when rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nlp import Period, find_phones

TOP = 10  # a phone screen reads about ten list items before the rest stops mattering
_WEEKDAYS = "一二三四五六日"


def mask_phone(phone: str | None) -> str:
    """139****5678 for group pushes and digests (PIPL); short numbers keep only their last two digits."""
    if not phone:
        return ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) >= 8:
        return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"
    return "*" * max(len(digits) - 2, 0) + digits[-2:]


def mask_phones(text: str) -> str:
    """`text` with every phone number in it masked (mobile, landline with area code, +86 forms): for free
    text a whole group reads, where a customer may have typed a number into a name or company field."""
    found = find_phones(text)
    for digits, (start, end) in reversed(found):  # from the end, so earlier spans stay where they are
        text = text[:start] + mask_phone(digits) + text[end:]
    return text


def fmt_duration(delta: timedelta) -> str:
    """Coarse and readable: 2天3小时, 5小时20分, 15分钟 (seconds never matter to a rep)."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{mins}分" if mins else f"{hours}小时"
    return f"{mins}分钟"


def fmt_time(when: datetime, tz: ZoneInfo, *, with_time: bool = True) -> str:
    """3月12日(周四) 14:00 in the configured zone."""
    local = when.astimezone(tz)
    text = f"{local.month}月{local.day}日(周{_WEEKDAYS[local.weekday()]})"
    return f"{text} {local:%H:%M}" if with_time else text


def truncate(text: str | None, limit: int = 30) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cut(lines: Sequence[str], limit: int = TOP) -> tuple[str, ...]:
    """The first `limit` lines and a count of the rest."""
    if len(lines) <= limit:
        return tuple(lines)
    return (*lines[:limit], f"还有 {len(lines) - limit} 条")


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def local_day_bounds(first: date, last: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start of `first`, start of the day after `last`) as UTC instants."""
    start = datetime.combine(first, time(0), tz).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tz).astimezone(UTC)
    return start, end


def period_days(period: Period | None, now: datetime, tz: ZoneInfo, default: str) -> tuple[date, date]:
    """The asked period as local dates; without one, `default` is "today" or "week" (Monday first)."""
    if period is not None:
        try:
            first, last = date.fromisoformat(period.start), date.fromisoformat(period.end)
        except ValueError:
            first = last = None  # type: ignore[assignment]
        if first is not None and first <= last:
            return first, last
    today = now.astimezone(tz).date()
    if default == "week":
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    return today, today


def fmt_days(first: date, last: date) -> str:
    if first == last:
        return f"{first.month}月{first.day}日"
    return f"{first.month}月{first.day}日–{last.month}月{last.day}日"


def _yuan(amount: int) -> str:
    if amount >= 100_000_000:
        return f"{amount / 100_000_000:g}亿"
    if amount >= 10_000:
        return f"{amount / 10_000:g}万"
    return f"{amount}元"


def fmt_money(low: int | None, high: int | None) -> str:
    """150万, 50万–80万, 100万以内, 至少50万: how the budget was said, in 万 and 亿."""
    if low is not None and high is not None:
        return _yuan(low) if low == high else f"{_yuan(low)}–{_yuan(high)}"
    if high is not None:
        return f"{_yuan(high)}以内"
    return f"至少{_yuan(low)}" if low is not None else "未知"
