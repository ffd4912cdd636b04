"""Corrections of the kinds seen on conversations_twenty (office furniture), with made-up sentences of
other trades: the new day said by "改X" after a reason that has a day of its own; the rep's slip owned at
the end, after the right value."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.corrections import corrected_day, head_end, is_correction_text, new_words
from nlp import FollowUpTime

TUESDAY = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("不对 明天上午他们盘点 改周五上午吧", FollowUpTime("2026-03-13", None)),
        ("哎不对 后天厂里停电 那就改到下周一", FollowUpTime("2026-03-16", None)),
        ("不对 周四老板出差 改成下周二下午三点", FollowUpTime("2026-03-17", "15:00")),
        # the value said outright first stays the head, as before
        ("不对 是下周五 周四他们盘点", FollowUpTime("2026-03-20", None)),
    ],
)
def test_a_change_said_after_a_reason_with_a_day_is_the_new_day(text: str, day: FollowUpTime) -> None:
    assert corrected_day(text, TUESDAY) == day


def test_the_reason_before_the_change_is_no_new_value() -> None:
    text = "不对 王经理这周休假 换成李经理对接"
    assert "王经理" not in new_words(text) and "李经理" in new_words(text)
    assert head_end(text) == len(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("哦对了 院长说的是六十五万 我记错了", "六十五万"),
        ("他要的是三百箱 刚才说错了", "三百箱"),
        ("是周四不是周三，是我写错了！", "周四"),
    ],
)
def test_a_slip_owned_at_the_end_corrects_the_value_before_it(text: str, value: str) -> None:
    assert is_correction_text(text)
    assert value in new_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "客户说我们报价单上的数量写错了",  # their document, news
        "他们财务反馈我们发票抬头写错了 让重开",
        "他们说上次那批货标签打错了",
    ],
)
def test_a_thing_written_wrong_inside_the_news_is_no_correction(text: str) -> None:
    assert not is_correction_text(text)
