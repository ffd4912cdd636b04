"""Kinds of failure seen on the conversations_eleven set (outdoor advertising), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- 交车 (the vehicles handed over) is no delivery inside 公交车 (a bus) ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("今天去巴士集团见了刘科长 他们想给公交车换一批座椅 预算30万", None),
        ("华通客运的公交车空调想全换 今天拜访了王经理", None),
        ("华通客运上周已经交车了 今天去收尾款的事", "交付"),  # the vehicles handed over, as before
        ("今天去了趟华通客运 二十台大巴都交车了", "交付"),
    ],
)
def test_a_bus_is_no_vehicle_handed_over(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


# ---- the deal's papers or money before 那边 are a matter, not a customer ("发票那边还在走审批") ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刘总电话 发票那边还在走审批 明天再催一下", None),
        ("王经理微信说 付款那边下周才能批", None),
        ("孙总电话 合同那边法务还在看", None),
        ("今天在瑞昇那边做了演示 王经理很满意", "瑞昇"),  # a brand before 那边 stays
    ],
)
def test_a_deal_matter_before_there_is_no_customer(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a surname that is also an everyday word (过, 和) before a one-character title ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("过总电话 说设备款还在走流程 周四再催", "过"),
        ("明天 过总那边再打个电话", "过"),
        ("和总电话里说样机下周到", "和"),
        ("过两天再联系王总", "王"),  # 过两天: a word, the person is 王总
        ("和总经理聊了一下 他们要两台机床", None),  # 和 joins the title: "with the general manager"
        ("来总结一下今天的拜访", None),
        ("来总公司开了个会 见了王经理", "王"),  # 总公司: a word, no 来总
        ("在总仓见了仓库主管", None),
    ],
)
def test_a_word_surname_before_a_short_title(extractor: Extractor, text: str, name: str | None) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


# ---- an organisation followed by 附近 / 对面 is where, not who ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("对了他们问了人民医院附近有没有合适的店面", None),
        ("他们想在万达广场周边再开两家店", None),
        ("在人民医院对面的咖啡馆见了华通科技的刘总", "华通科技"),  # the customer named after the place
        ("今天去了万达广场 见了招商部王经理", "万达广场"),  # the place itself visited stays the customer
    ],
)
def test_an_organisation_near_which_is_a_place(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company
