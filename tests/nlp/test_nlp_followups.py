"""Follow-up answers and corrections: a bare time, "改到…", and past days that are not plans."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("周五下午", "2026-03-13", None),
        ("明天上午10点", "2026-03-11", "10:00"),
        ("下周一", "2026-03-16", None),
        ("后天下午三点", "2026-03-12", "15:00"),
        ("改成下周四", "2026-03-19", None),
        ("改到周五上午", "2026-03-13", None),
        ("时间改成明天下午2点", "2026-03-11", "14:00"),
        ("那就下周一吧", "2026-03-16", None),
        ("后天上午9点半去", "2026-03-12", "09:30"),
        ("不对，改到后天上午9点半", "2026-03-12", "09:30"),
    ],
)
def test_bare_followup(extractor: Extractor, text: str, day: str, time: str | None) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.next_followup is not None
    assert (ex.next_followup.date, ex.next_followup.time) == (day, time)


@pytest.mark.parametrize(
    "text",
    ["今天天气不错", "周五下午开会讨论一下年终总结和明年的计划安排", "昨天下午", "上周五"],
)
def test_not_a_bare_followup(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).next_followup is None


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("月底前我再去一趟", "2026-03-31", None),
        ("下周四两点我过去", "2026-03-19", "14:00"),
        ("试产后天上午去调机", "2026-03-12", None),
    ],
)
def test_a_plan_told_on_its_own_is_the_next_followup(
    extractor: Extractor, text: str, day: str, time: str | None
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.next_followup is not None
    assert (ex.next_followup.date, ex.next_followup.time) == (day, time)


@pytest.mark.parametrize(
    "text", ["周四下午两点部门例会记得参加", "明天去吃火锅吗", "他说月底前给答复", "下周他们厂里停产检修"]
)
def test_a_day_on_its_own_that_is_no_plan_of_the_rep(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).next_followup is None


def test_corrections_fill_their_slot(extractor: Extractor) -> None:
    assert extractor.extract("不对，预算是200万", SENT).budget == (2_000_000, 2_000_000)
    assert extractor.extract("电话错了，是13912345678", SENT).phone == "13912345678"


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        # 讲错 is the south's 说错: the day after it replaces the one before
        ("拜访了顺昌五金 约了周四 讲错 周五上午十点再过去", "2026-03-13", "10:00"),
        ("电话联系了万和酒店 约了下周二 我讲错 下周三下午再去", "2026-03-18", None),
    ],
)
def test_a_day_said_again_after_讲错_is_the_plan(
    extractor: Extractor, text: str, day: str, time: str | None
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.next_followup is not None
    assert (ex.next_followup.date, ex.next_followup.time) == (day, time)


def test_a_day_already_reported_is_not_a_plan(extractor: Extractor) -> None:
    # Sent on Tuesday: this week's Saturday is later, but "回访了" reports a contact that happened.
    ex = extractor.extract("周六电话回访了宏达机械的王总", SENT)
    assert ex.intent == Intent.LOG_FOLLOWUP
    assert ex.next_followup is None
    assert ex.kind == "call"


def test_a_later_plan_after_a_report_still_counts(extractor: Extractor) -> None:
    ex = extractor.extract("今天电话回访了宏达机械的王总，周五下午再去", SENT)
    assert ex.next_followup is not None and ex.next_followup.date == "2026-03-13"


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        # a later hour today is a plan
        ("曾理事长来电 要加一台 今晚8点前回他", ("2026-03-10", "20:00")),
        # a meal or a tea with the customer is a contact the rep plans
        ("鑫达纸业的骆总那边周五晚上七点请他吃饭", ("2026-03-13", "19:00")),
        ("包总这单快了，下周二下午过去喝茶", ("2026-03-17", None)),
        # 在 written for 再, and 回他 is an action
        ("给邝经理打了个电话 明天下午三点在回他", ("2026-03-11", "15:00")),
        # the customer's event fixed for a month's end is not the rep's plan; the rep's own plan is
        ("和邵经理开了视频会议，年会定在12月底，下周三下午两点发初版方案", ("2026-03-18", "14:00")),
    ],
)
def test_followup_kinds_seen_on_unseen_text(
    extractor: Extractor, text: str, followup: tuple[str, str | None]
) -> None:
    fu = extractor.extract(text, SENT).next_followup
    assert fu is not None and (fu.date, fu.time) == followup


@pytest.mark.parametrize(
    "text",
    [
        "拜访了某某合作社，社长说他们月底前开会给答复",  # their timeline, with them as the subject
        "今天上午8点给他打了电话",  # an hour earlier today is what happened
    ],
)
def test_not_a_followup_kinds(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).next_followup is None


def test_a_month_s_end_named_by_its_number() -> None:
    from datetime import date

    from nlp.dates import find_days

    (d,) = find_days("年会定在12月底", date(2026, 3, 10))
    assert d.day == date(2026, 12, 31)
    (d,) = find_days("2月底交货", date(2026, 3, 10))
    assert d.day == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        (
            "又跟澜清老板call了一下，price later再谈，next Monday 我再follow",
            ("2026-03-16", None),
        ),  # English days
        ("给他们的医生培训了操作，试用一周，下周五回收样机顺便听反馈", ("2026-03-20", None)),
        ("在澜清口腔做了演示 让我回去问下参数，我明天上午11点前答复她", ("2026-03-11", "11:00")),
    ],
)
def test_more_plan_forms(extractor: Extractor, text: str, followup: tuple[str, str | None]) -> None:
    fu = extractor.extract(text, SENT).next_followup
    assert fu is not None and (fu.date, fu.time) == followup


def test_what_they_said_they_will_answer_is_their_timeline(extractor: Extractor) -> None:
    assert extractor.extract("讲了整体方案 他们倾向A 说下周一给答复", SENT).next_followup is None


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        ("华康钱经理电话里问设备能不能下周三前到货，我说要问下工厂，后天回他", ("2026-03-12", None)),
        ("华康钱经理微信问月底前是否可以安装完，我明天上午给他答复", ("2026-03-11", None)),
    ],
)
def test_a_day_the_customer_asks_about_is_no_plan(
    extractor: Extractor, text: str, followup: tuple[str, str | None]
) -> None:
    fu = extractor.extract(text, SENT).next_followup
    assert fu is not None and (fu.date, fu.time) == followup


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("明天上午我先给邹总打个电话认识一下", True),
        ("下周二去浦江物流拜访车队的严经理", True),
        ("浦江物流严经理说月底前定 我下周二再打给他", False),  # the customer's words: a contact
        ("跟浦江物流严经理通了电话 下周二再联系", False),  # the contact reported
        ("浦江物流严经理那边报价发了 下周二再跟", False),  # news of the deal
        ("浦江物流预算30万 下周二再去", False),
    ],
)
def test_a_plan_alone_is_told_apart_from_a_report_with_its_plan(
    extractor: Extractor, text: str, alone: bool
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.plan_alone is alone, ex


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        # 再来 typed as its homophone 在: the rep's plan all the same.
        ("今天去了恒丰 见了裴经理 下周三上午十点在来", "2026-03-18", "10:00"),
        ("今天去了恒丰 见了裴经理 后天在过来一趟", "2026-03-12", None),
    ],
)
def test_再来_typed_as_在来_is_a_plan(extractor: Extractor, text: str, day: str, time: str | None) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.next_followup is not None and (ex.next_followup.date, ex.next_followup.time) == (day, time)


def test_现在来_after_a_day_is_no_plan(extractor: Extractor) -> None:
    assert extractor.extract("恒丰的裴经理说下周三现在来不及了", SENT).next_followup is None
