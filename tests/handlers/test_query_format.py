"""The small text helpers every query reply uses: masks, durations, money, periods, cutting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from handlers.format import (
    cut,
    fmt_days,
    fmt_duration,
    fmt_money,
    fmt_time,
    local_day_bounds,
    mask_phone,
    mask_phones,
    period_days,
    truncate,
)
from nlp.types import Period
from tests.handlers.query_fixtures import NOW, SHANGHAI


def test_mask_phone() -> None:
    assert mask_phone("13912345678") == "139****5678"
    assert mask_phone("057188886666") == "057*****6666"
    assert mask_phone("8021") == "**21"
    assert mask_phone(None) == ""


def test_mask_phones_masks_every_number_in_free_text() -> None:
    text = "张三13912345678（座机 0512-6288 1234，+86 139 5311 2288）订单 2026031012 预算50万"
    assert mask_phones(text) == "张三139****5678（座机 051*****1234，139****2288）订单 2026031012 预算50万"
    assert mask_phones("苏州恒通精密") == "苏州恒通精密"


def test_durations_read_coarsely() -> None:
    assert fmt_duration(timedelta(days=2, hours=3, minutes=59)) == "2天3小时"
    assert fmt_duration(timedelta(days=1)) == "1天"
    assert fmt_duration(timedelta(hours=5, minutes=20, seconds=30)) == "5小时20分"
    assert fmt_duration(timedelta(minutes=15)) == "15分钟"
    assert fmt_duration(timedelta(minutes=-5)) == "0分钟"


def test_money_as_it_was_said() -> None:
    assert fmt_money(1_500_000, 1_500_000) == "150万"
    assert fmt_money(500_000, 800_000) == "50万–80万"
    assert fmt_money(None, 1_000_000) == "100万以内"
    assert fmt_money(500_000, None) == "至少50万"
    assert fmt_money(120_000_000, 120_000_000) == "1.2亿"
    assert fmt_money(None, None) == "未知"


def test_local_times_and_days() -> None:
    assert fmt_time(NOW, SHANGHAI) == "3月11日(周三) 10:00"
    assert fmt_time(NOW, SHANGHAI, with_time=False) == "3月11日(周三)"
    assert fmt_days(date(2026, 3, 9), date(2026, 3, 15)) == "3月9日–3月15日"
    start, end = local_day_bounds(date(2026, 3, 11), date(2026, 3, 11), SHANGHAI)
    assert start == datetime(2026, 3, 10, 16, tzinfo=UTC) and end - start == timedelta(days=1)


def test_period_defaults_in_the_configured_zone() -> None:
    late_sunday = datetime(2026, 3, 15, 17, 0, tzinfo=UTC)  # already Monday 01:00 in Shanghai
    assert period_days(None, late_sunday, SHANGHAI, "today") == (date(2026, 3, 16), date(2026, 3, 16))
    assert period_days(None, NOW, SHANGHAI, "week") == (date(2026, 3, 9), date(2026, 3, 15))
    asked = Period("2026-02-01", "2026-02-28")
    assert period_days(asked, NOW, SHANGHAI, "week") == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_days(Period("2026-02-30", "x"), NOW, SHANGHAI, "today") == (date(2026, 3, 11),) * 2


def test_cut_and_truncate() -> None:
    assert cut([str(i) for i in range(12)]) == (*[str(i) for i in range(10)], "还有 2 条")
    assert cut(["a", "b"]) == ("a", "b")
    assert truncate("一二三四五", 4) == "一二三…" and truncate(" 换\n行 ", 10) == "换 行"
