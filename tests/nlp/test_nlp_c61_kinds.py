"""Kinds of failure seen on the held-out conversations sixtyone (amusement equipment, Shanghainese words),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.dialect import mandarin
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read as _read

# ---- Shanghainese 勿 (不), 覅 (别), 搿 (这), 呒没 (没有), 后日 (后天), of the same length ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("勿对，是下礼拜三", "不对，是下礼拜三"),
        ("勿是宏达印刷，是永丰五金", "不是宏达印刷，是永丰五金"),
        ("单价覅超过40万", "单价别超过40万"),
        ("搿家厂蛮好", "这家厂蛮好"),
        ("伊拉呒没预算", "他们没有预算"),
        ("后日上午去", "后天上午去"),
        # the written "do not" and "later days" stay
        ("车间请勿吸烟", "车间请勿吸烟"),
        ("切勿外传", "切勿外传"),
        ("以后日子好过了", "以后日子好过了"),
    ],
)
def test_wu_words_are_read_as_mandarin_of_the_same_length(text: str, expected: str) -> None:
    assert mandarin(text) == expected


def test_a_ceiling_said_with_wu_dont_is_a_budget(extractor: Extractor) -> None:
    slots = _read(extractor, "永丰五金王总讲叉车覅超过60万，下礼拜一再去")[1]
    assert slots.get("budget") == [None, 600000]


def test_the_wu_day_after_tomorrow_is_a_followup_day(extractor: Extractor) -> None:
    slots = _read(extractor, "今朝去永丰五金见了王总，后日下午三点再过去")[1]
    assert slots.get("next_followup") == {"date": "2026-03-12", "time": "15:00"}


# ---- a visit said as gone there (去过了) after where or when, or shown round (带阿拉兜了一圈) ----


@pytest.mark.parametrize(
    "text",
    [
        "永丰五金那边今朝上半天去过了，叉车要换两台",
        "宏达印刷下午已经去过了，王总讲版辊再等等",
        "永丰五金王总带阿拉兜了一圈仓库，货架要加两排",
    ],
)
def test_gone_there_said_done_or_shown_round_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "永丰五金那边侬去过了伐",
        "宏达印刷还没去过了，下礼拜一去",
    ],
)
def test_gone_there_asked_or_denied_is_no_visit_by_that_word(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"


# ---- a customer called as reps call it, not as the book holds it ----


def _book(*leads: tuple[str, str, str, str]) -> LeadBook:
    return LeadBook(
        BookLead(i, company, company_key(company), city, True, (BookContact(name, title),))
        for i, (company, city, name, title) in enumerate(leads, start=1)
    )


@pytest.mark.parametrize(
    ("text", "company", "contact"),
    [
        # a mall by what it is, the book holding the company that runs it
        ("上午去金桥广场谈了中庭的灯光，栾经理讲要看效果图", "金桥广场", ("栾", "经理")),
        ("金桥商场栾经理回电话了", "金桥商场", ("栾", "经理")),
        # a town's government by the town
        ("枫泾镇这个污水泵站项目黄了", "枫泾镇", None),
        ("枫泾镇政府招标文件出来了", "枫泾镇政府", None),
        # a school called by its area and its kind, the district and the rest of its name left out
        ("翠苑幼儿园鞠园长讲课桌椅要先送样", "翠苑幼儿园", ("鞠", "园长")),
    ],
)
def test_a_customer_called_as_reps_call_it_is_the_books(
    text: str, company: str, contact: tuple[str, str] | None
) -> None:
    book = _book(
        ("上海金桥商业管理有限公司", "上海", "栾立", "运营经理"),
        ("上海市金山区枫泾镇人民政府", "上海", "郜明", "副镇长"),
        ("杭州市西湖区翠苑新区实验幼儿园", "杭州", "鞠芳", "业务园长"),
    )
    name, title = contact or (None, None)
    link = book.link(text, company=company, contact_name=name, contact_title=title)
    expected = {"金桥": 1, "枫泾": 2, "翠苑": 3}[company[:2]]
    assert link.lead_id == expected


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a mall beside a lead of another trade of the same brand is another customer
        ("金桥广场栾经理讲中庭要做灯光", "金桥广场"),
        # the town itself said as a place is no government's by that alone when another kind is said
        ("桂花园酒店鞠经理讲要订宴会厅", "桂花园酒店"),
    ],
)
def test_another_kind_is_still_another_customer(text: str, company: str) -> None:
    book = _book(
        ("上海金桥物流有限公司", "上海", "栾立", "运营经理"),
        ("南京市鼓楼区桂花园新村实验小学", "南京", "鞠芳", "副校长"),
    )
    link = book.link(text, company=company, contact_name=text[len(company)], contact_title="经理")
    assert link.lead_id is None


# ---- stage news with the contact's answer said with 讲 (说): a contact made, not a bare stage move ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷个报价发过去了，钱总讲下礼拜开会定",
        "永丰五金报价昨天发出去了，王经理讲三天之内回音",
    ],
)
def test_stage_news_with_the_contacts_answer_told_with_jiang_is_a_report(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text)[0] == "log_followup"


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷报价发过去了",
        "永丰五金报价发过去了，下礼拜去做产品讲解",
    ],
)
def test_stage_news_without_an_answer_stays_a_stage_move(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "update_stage"


# ---- a nickname that is also a word (小贝, 小燕), said as who the contact is ----


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("永丰五金这家，对接人是小贝", "贝"),
        ("宏达印刷个联系人是小燕，电话回头发侬", "燕"),
    ],
)
def test_a_nickname_said_as_the_contact_is_the_person_whatever_word_it_is(
    extractor: Extractor, text: str, surname: str
) -> None:
    assert _read(extractor, text)[1].get("contact_name") == surname


def test_a_word_said_after_the_contact_label_is_still_no_person(extractor: Extractor) -> None:
    assert _read(extractor, "宏达印刷对接人是小区物业那边")[1].get("contact_name") is None
