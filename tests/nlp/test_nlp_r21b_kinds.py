"""Round 21's kinds the router and handlers read with nlp's help: the city a customer's name places it
in (for the assignment rules), and a manager saying they keep the customer they report."""

from __future__ import annotations

import pytest

from nlp.company_key import company_city
from nlp.handover import keeps_it


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("惠山区第三人民医院", "无锡"),  # a district: its city
        ("无锡惠山区第三人民医院", "无锡"),
        ("吴江同里冷链物流有限公司", "苏州"),
        ("鼓楼口腔诊所", None),  # 鼓楼 is a district of several cities
        ("康宁骨科医院", None),
    ],
)
def test_the_city_a_name_places_a_customer_in(name: str, city: str | None) -> None:
    assert company_city(name) == city


@pytest.mark.parametrize(
    ("said", "keeps"),
    [
        ("X医院刚来电话，想上一台DR，这个我自己跟", True),
        ("X医院刚来电话，我亲自对接，下周三过去", True),
        ("X医院的单子先不用分配，下周我去一趟", True),
        ("X医院刚来电话，下周三安排人过去看看", False),
        ("跟X医院的顾科长通了电话，我跟他约了下周三", False),
    ],
)
def test_a_manager_keeping_the_customer_they_report(said: str, keeps: bool) -> None:
    assert keeps_it(said) is keeps
