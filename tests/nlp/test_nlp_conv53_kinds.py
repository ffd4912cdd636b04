"""Kinds of failure seen on the held-out conversations fiftythree (EV charging, Wuhan speech), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.dialect import mandarin
from nlp.intent import find_kind
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read as _read

# ---- Wuhan's 克 (去) and 么样 (怎样), read as Mandarin of the same length ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明天上午克宏达印刷", "明天上午去宏达印刷"),
        ("样品昨天寄过克了", "样品昨天寄过去了"),
        ("周四克对接一下安装", "周四去对接一下安装"),
        ("我后天带图纸克现场量尺寸", "我后天带图纸去现场量尺寸"),
        ("上午克了趟永丰五金", "上午去了趟永丰五金"),
        ("永丰五金的呢 么样了", "永丰五金的呢 怎样了"),
        # a word's or a name's 克, and a Mandarin 怎么样, stay
        ("每袋500克，巧克力味的", "每袋500克，巧克力味的"),
        ("他们克服了场地的困难", "他们克服了场地的困难"),
        ("联系人换成了采购部的李克强", "联系人换成了采购部的李克强"),
        ("一克一百块", "一克一百块"),
        ("试用得怎么样了", "试用得怎么样了"),
        ("要什么样的颜色", "要什么样的颜色"),
    ],
)
def test_wuhan_go_and_how_are_read_as_mandarin_of_the_same_length(text: str, expected: str) -> None:
    assert mandarin(text) == expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("永丰五金的呢 么样了", "query_lead"),
        ("下周二克永丰五金送样品", "log_followup"),
    ],
)
def test_wuhan_flavoured_messages_are_understood(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


# ---- the end of a customer's name, after an area that is no district, with its contact named ----


@pytest.mark.parametrize(
    ("company", "city"),
    [
        ("珠海高栏港恒信仓储有限公司", "珠海"),
        ("成都青白江铁路港恒信仓储有限公司", "成都"),
        ("厦门象屿港恒信仓储有限公司", "厦门"),
    ],
)
def test_the_end_of_a_name_after_an_unknown_area_with_its_contact_named(company: str, city: str) -> None:
    book = LeadBook(
        [BookLead(1, company, company_key(company), city, contacts=(BookContact("石磊", "总经理"),))]
    )
    named = book.link("石总今天在恒信仓储把字签了", company="恒信仓储", contact_name="石", contact_title="总")
    assert named.lead_id == 1
    # without the contact, a name the book does not hold is a new customer's
    assert book.link("今天在恒信仓储把字签了", company="恒信仓储").lead_id is None


# ---- "no show left" said as Hubei and the southwest say it: 冇得戏 (read 没得戏), 莫得戏 ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("永丰五金那个仓储货架的单子冇得戏了", "输单"),
        ("鼎盛印刷莫得戏了 老板讲不换设备", "输单"),
        ("宏达五金那单没得戏了", "输单"),
        ("宏达五金那单估计没得戏了", None),  # a guess, not the news
        ("宏达五金那单没得戏了吗", None),  # asked
    ],
)
def test_no_show_left_said_in_hubei_words_is_lost(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


# ---- a committee something is put to ("先报业委会") is no organisation called 先报 ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("门禁改造的事她说要先报业委会", None),
        ("围墙刷漆得先交居委会签字", None),
        ("翠湖花园业委会同意装新的门禁了", "翠湖花园业委会"),  # a committee's own name stays
    ],
)
def test_a_committee_something_is_put_to_is_named_by_no_verb(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a demo the customer tells they looked at since, after the rep's own visit, is no demo held ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("下午又去了趟华康，钱主任说上次的演示他们科里都认真看过了，想再加两台", "visit"),
        ("给鼎丰打了个电话 王总说视频演示领导看了 还算满意", "call"),
        ("下午去华康给钱主任他们做了演示，看了都说好", "demo"),  # held by the rep
        ("下午去华康做了演示，钱主任说很顺利", "demo"),
    ],
)
def test_a_demo_they_tell_they_looked_at_is_not_the_kind_of_contact(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind
