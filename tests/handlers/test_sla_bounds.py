"""The bounds the set-based SLA scan puts in SQL: a clock started less than `least_elapsed(limit)` ago
cannot have run out, so the rule's query may skip it; a bound too tight would miss breaches."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import SlaConfig
from handlers.business_time import BusinessCalendar, add_business_time, least_elapsed
from tests.handlers.sales_fixtures import SHANGHAI, make_world
from tests.handlers.test_sla import add_lead, scan_at, to


def test_no_start_runs_a_limit_out_faster_than_its_least_elapsed_time() -> None:
    calendar = BusinessCalendar.from_config(SlaConfig())  # 09:00-12:00 and 13:30-18:00, Mon-Fri, CN holidays
    assert least_elapsed(timedelta(days=5), calendar) == 5 * timedelta(hours=7.5)
    assert least_elapsed(timedelta(minutes=30), calendar) == timedelta(minutes=30)
    starts = [datetime(2026, 3, 9, 0, 0, tzinfo=SHANGHAI) + timedelta(minutes=37 * i) for i in range(300)]
    for limit in (timedelta(minutes=30), timedelta(hours=2), timedelta(days=1), timedelta(days=5, hours=1)):
        bound = least_elapsed(limit, calendar)
        assert min(add_business_time(start, limit, calendar) - start for start in starts) >= bound


async def test_a_stage_entered_before_opening_time_is_stuck_before_its_limit_in_wall_days(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    monday_early = datetime(2026, 3, 9, 8, 0, tzinfo=SHANGHAI)
    await add_lead(
        world,
        stage="报价",
        stage_changed_at=monday_early,
        first_response_at=monday_early,
        last_contact_at=None,
    )
    # 报价 = "5d": five working days of 7.5 hours from Monday 09:00 run out Friday 18:00, less than five
    # wall-clock days after Monday 08:00: a bound of `now - 5 days` would not read this lead until Saturday.
    assert await scan_at(world, datetime(2026, 3, 13, 17, 59, tzinfo=SHANGHAI)) == []
    [card] = await scan_at(world, datetime(2026, 3, 13, 18, 0, tzinfo=SHANGHAI))
    assert to(world, [card]) == ["lina"] and "规则：阶段停滞" in card.lines
