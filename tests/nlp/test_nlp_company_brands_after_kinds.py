"""Kinds of company-slot failure seen on the studied corpora (heldout2-7, study9, study12), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _company(extractor: Extractor, text: str) -> str | None:
    return extractor.extract(text, SENT).to_slots().get("company")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去了合肥的连锁火锅店蜀香阁谈了团餐的事", "蜀香阁"),
        ("跟佛山的港资厂恒丰五金开了个会 要换供应商", "恒丰五金"),
        ("新增：杭州 母婴连锁 贝乐多 8家门店 要上收银系统", "贝乐多"),
        ("我们是厦门的跨境家居电商Homeleaf，想采购一批ERP系统", "Homeleaf"),
        ("展会上加的 温州的眼镜设备厂 明光精工 要数控机床", "明光精工"),
    ],
)
def test_a_kind_of_shop_or_works_then_its_brand(extractor: Extractor, text: str, company: str) -> None:
    assert _company(extractor, text) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("去那家火锅店谈了一下 人挺多", None),
        ("新客户 绍兴华鑫纺织厂 朱建平 厂长 要数控机床", "绍兴华鑫纺织厂"),
        ("拜访了厦门鹭岛酒店管理有限公司的行政总监", "厦门鹭岛酒店管理有限公司"),
    ],
)
def test_a_kind_alone_or_a_full_name_is_not_split(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _company(extractor, text) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("昨天去了成都高新区的锐达光电 做了数控机床的试加工", "锐达光电"),
        ("宁波保税区的德马机械 采购经理说下月定", "德马机械"),
    ],
)
def test_a_park_then_de_then_a_name_without_a_legal_form(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _company(extractor, text) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("下午跑了一趟常州武进区那个湖塘商会 见了秘书长", "湖塘商会"),
        ("给商丘睢县那个金穗农机合作社的刘理事长打了电话", "金穗农机合作社"),
    ],
)
def test_a_district_then_a_pointer_then_the_organisation(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _company(extractor, text) == company


def test_what_follows_ones_own_works_is_no_brand(extractor: Extractor) -> None:
    assert _company(extractor, "下周我们工厂大修 要两台数控机床") != "大修"


def test_a_city_then_its_district_is_no_brand(extractor: Extractor) -> None:
    assert _company(extractor, "今天去了杭州萧山那个工地转了一圈 没见到人") is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("瑞丰达第二批数控机床已经全部交货 验收也过了", "瑞丰达"),
        ("金禾印务改用别家了 这单输了", "金禾印务"),
        ("恒川ODM那单 签了 八十万", "恒川"),
        ("鼎盛集采 中标了", "鼎盛"),
    ],
)
def test_a_brand_opening_a_note_ends_before_what_is_glued_after_it(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _company(extractor, text) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("蓝海科技 已签约", "蓝海科技"),
        ("华联建工那单丢了", "华联建工"),
    ],
)
def test_a_brand_opening_a_note_keeps_its_industry_word(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _company(extractor, text) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚给Northwind的Lisa打了电话 下周寄样", "Northwind"),
        ("邮件回复了Greenleaf那边的王经理，报价明天发", "Greenleaf"),
    ],
)
def test_an_english_brand_whose_person_follows(extractor: Extractor, text: str, company: str) -> None:
    assert _company(extractor, text) == company


def test_an_english_word_before_a_thing_is_no_brand(extractor: Extractor) -> None:
    assert _company(extractor, "把Excel的表格发我一下") is None
