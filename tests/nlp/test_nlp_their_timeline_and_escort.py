"""The customer's own timeline is no plan of the rep's, and a name ends before 陪着 (round 18 kinds)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.followup import find_followup

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        # things sent TO the rep by then: the rep does nothing that day
        "印刷厂的单经理确认要做画册，设计稿他们下周五之前发给我",
        "物业公司签了保洁合同，人员名单对方月底前报给我们",
        "牙科诊所要换两台椅子，平面图客户下周三之前传给我",
        # what the customer requires of the goods or the work by then
        "今天去粮油公司签了冷库的合同，分三期装，他们要求一期下周四之前到现场",
        "食堂设备定了，学校希望灶具下周五之前装好",
        "对方要求首批货月底前到仓库",
        # their board or head office deciding then
        "物流公司的财务总监来电，车队保险预算80万，他们董事会下周四开会定",
        "酒店翻新方案交了，对方集团月底前批",
        "客户股东会下周五表决，还在比价",
    ],
)
def test_the_customers_own_timeline_is_no_plan(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).next_followup is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the rep's own plan beside it stays the plan
        ("设计稿他们下周五之前发给我，我下周一再打给单经理", "2026-03-16"),
        ("他们董事会下周四开会定，我下周五再去一趟", "2026-03-20"),
        ("他们要求一期下周四之前到现场，我下周三过去盯一下", "2026-03-18"),
        # the customer asking us for something by then: what the rep owes is still read as before
        ("客户要求我们下周三之前出方案", "2026-03-18"),
        ("他们下周二跟我签合同", "2026-03-17"),
        ("约了他们下周四上午来展厅看样", "2026-03-19"),
    ],
)
def test_the_reps_own_plan_beside_their_timeline(text: str, day: str) -> None:
    fu = find_followup(text, date(2026, 3, 10))
    assert fu is not None and fu.day.isoformat() == day


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("今天在物流园看了叉车，老板不在，是仓库主管孟涛陪着看的", "孟涛"),
        ("酒店后厨改造去量了尺寸，行政总厨邵斌陪同查看了排烟", "邵斌"),
        ("去养殖场看了现场，场长助理柏宁领着转了一圈", "柏宁"),
    ],
)
def test_a_name_ends_before_who_went_along(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name
