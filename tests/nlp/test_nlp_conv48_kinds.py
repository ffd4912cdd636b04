"""Kinds of failure seen on the held-out conversations fortyeight (terse reps' shorthand: 拜/电/微 for
the kind of contact, subdistricts' offices said by the place, a head called 某院, subsidies), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.intent import find_kind
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases
from nlp.numbers import find_budget
from nlp.shorthand import shorthand_kind

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("拜鼎丰王总，货架图纸给他了，下周二再去量尺寸", "visit"),
        ("今天拜了森源，仓库那边想先上两排重型货架", "visit"),
        ("冯经理 电，说样品收到了，等财务走流程", "call"),
        ("恒通建材/袁工 微 参数表发了，周五前回复", "online"),
        ("上午电森源建材齐主任，报价他们还在比", "call"),
        ("2. 拜华盛物流司马总，叉车要试用一周", "visit"),
    ],
)
def test_a_reps_one_character_shorthand_is_the_kind_of_contact(text: str, kind: str) -> None:
    found = shorthand_kind(text)
    assert found is not None and found[0] == kind
    assert find_kind(text) is not None and find_kind(text)[0] == kind


@pytest.mark.parametrize(
    "text",
    [
        "电池要换两组，仓库那边催了",
        "拜托你跟他说下合同的事",
        "电梯井的尺寸发我一下",
        "1. 电动叉车要三台 2. 货架再加一排",
        "微调了一下方案，明天给他们",
        "礼拜三我们再去一趟",
        "过年给老客户拜了个年",
        "鸿宸，电芯产线要上MES，预算不小",  # a thing said, not whom it was
        "停电了今天没法装",
    ],
)
def test_the_shorthand_characters_inside_words_or_things_said_are_no_kind(text: str) -> None:
    assert shorthand_kind(text) is None


def test_the_shorthand_glued_to_a_name_is_no_part_of_the_name(extractor: Extractor) -> None:
    ex = extractor.extract("电森源建材齐主任，报价他们还在比", SENT, "rep")
    assert ex.company == "森源建材"
    assert ex.kind == "call"


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("无锡市梁溪区清名桥街道办事处", "无锡", "清名桥"),
        ("无锡市梁溪区清名桥街道办事处", "无锡", "清名桥街道"),
        ("无锡市梁溪区清名桥街道办事处", "无锡", "清名桥街办"),
        ("苏州市相城区元和街道社区卫生服务中心", "苏州", "元和社卫"),
        ("苏州市相城区元和街道社区卫生服务中心", "苏州", "元和街道"),
        ("南京市鼓楼区宁海路街社区卫生服务中心", "南京", "宁海路社卫"),
        ("南京市鼓楼区宁海路街社区卫生服务中心", "南京", "宁海路街"),
        ("常州市武进区湖塘镇卫生院", "常州", "湖塘卫生院"),
    ],
)
def test_a_subdistricts_own_office_is_named_by_its_place(company: str, city: str, short: str) -> None:
    assert short in company_aliases(company, company_key(company), city)


def test_an_office_said_by_its_place_links_and_a_place_before_another_name_does_not() -> None:
    book = LeadBook(
        [
            BookLead(
                1,
                "苏州市相城区元和街道社区卫生服务中心",
                company_key("苏州市相城区元和街道社区卫生服务中心"),
                "苏州",
            ),
            BookLead(
                2, "苏州市相城区元和街道康达门诊部", company_key("苏州市相城区元和街道康达门诊部"), "苏州"
            ),
        ]
    )
    assert book.link("元和社卫诸主任 电，体检车的事等区里定").candidates == (1,)
    assert book.link("今天去元和街道康达门诊部看了", company="元和街道康达门诊部").candidates == (2,)


@pytest.mark.parametrize("said", ["蒯院下午来电，说设备款月底前付", "蒯院在，带我看了机房", "蒯院签了验收单"])
def test_a_head_called_by_surname_and_yuan_before_when_or_what_they_did(said: str) -> None:
    head = BookContact("蒯建军", "院长")
    book = LeadBook(
        [BookLead(1, "苏州明德口腔医院", company_key("苏州明德口腔医院"), "苏州", contacts=(head,))]
    )
    assert book.contact_in(1, said) == head


def test_yuan_after_a_surname_is_no_head_of_a_contact_with_another_title() -> None:
    buyer = BookContact("蒯建军", "采购经理")
    book = LeadBook(
        [BookLead(1, "苏州明德口腔医院", company_key("苏州明德口腔医院"), "苏州", contacts=(buyer,))]
    )
    assert book.contact_in(1, "蒯院下午来电") is None


def test_a_subsidy_approved_is_no_budget_and_the_ceiling_said_after_it_is() -> None:
    found = find_budget("省里补助资金批了80万，学校这边总价要压到120万以内")
    assert found is not None and found[0] == (None, 1200000)
    # the customer's own money approved still is
    found = find_budget("这批机床的资金批了 60万")
    assert found is not None and found[0] == (600000, 600000)


@pytest.mark.parametrize("text", ["后天上午我去厂里当面聊", "明天去馆里当面聊", "下周一去园里当面聊"])
def test_their_place_said_with_li_is_no_customer(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(f"另外他说样品也想一起看看，{text}", SENT, "rep")
    assert ex.company is None
