"""Kinds of failure seen on the held-out conversations fortyfive (industrial gases, Northeast colloquial),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import company_key
from nlp.intent import find_stage
from nlp.linking import BookLead, LeadBook
from nlp.numbers import find_budget


@pytest.mark.parametrize(
    "text",
    [
        "打印机租赁人家不续了 跟隔壁园区一块签了两年 这单算黄了",
        "保安外包那边跟别的物业签了一年 我们这个项目也丢了",
    ],
)
def test_a_signing_then_the_deal_said_lost_is_lost(text: str) -> None:
    # the signing was someone else's: the verdict on the deal, said last, is the stage
    found = find_stage(text)
    assert found is not None and found[0] == "输单"


@pytest.mark.parametrize("text", ["合同签了 就是样品寄丢了", "保洁合同签了两年 发票原件弄丢了"])
def test_a_signing_then_a_thing_lost_stays_won(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "签约"


@pytest.mark.parametrize(
    "text", ["他们跟两家物流公司一块签了三年", "王老板说下回跟老李一块去看样品", "咱们一块谈的 签了五年"]
)
def test_一块_before_a_verb_is_together_not_one_yuan(text: str) -> None:
    assert find_budget(text) is None


def test_one_yuan_fifty_and_a_cued_amount_are_still_money() -> None:
    found = find_budget("预算一共十二万 一块也不能多")
    assert found is not None and found[0] == (120000, 120000)


def test_a_customer_named_by_its_district_without_its_kind_and_its_brand_is_linked() -> None:
    # 铁西区 said 铁西 before the brand (铁西康宁), as the district said with its kind is
    book = LeadBook(
        BookLead(i, company, company_key(company), city, True, ())
        for i, (company, city) in enumerate(
            [("沈阳市铁西区康宁宠物医院", "沈阳"), ("沈阳市和平区康宁家政服务部", "沈阳")], start=1
        )
    )
    assert book.link("上午去铁西康宁看了看 院长说下个月再定").lead_id == 1
    assert book.link("和平康宁那边保姆的单子今天定了").lead_id == 2
    assert [ids for _, ids in book.named_at("上午去铁西康宁 下午去和平康宁")] == [
        frozenset({1}),
        frozenset({2}),
    ]
