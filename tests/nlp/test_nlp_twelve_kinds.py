"""Kinds of failure seen on conversations_twelve (commercial-vehicle tyres), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read as _read

# ---- met, said the spoken way (见着了) ----


@pytest.mark.parametrize(
    "text",
    [
        "华光电子的王总今天总算见着了 聊了一下午注塑机",
        "东方医院的李主任下午见着面了 净化系统他们想明年上",
    ],
)
def test_met_said_the_spoken_way_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "visit")


@pytest.mark.parametrize(
    "text",
    [
        "东方医院的李主任一直没见着人",
        "华光电子的王总这周还没见着面",
    ],
)
def test_not_met_is_no_visit_by_that_word(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"


# ---- the head of an office called by surname and the office's first character (阮科, 卞处) ----


def _book(*leads: tuple[str, str, str, str]) -> LeadBook:
    return LeadBook(
        BookLead(i, company, company_key(company), city, True, (BookContact(name, title),))
        for i, (company, city, name, title) in enumerate(leads, start=1)
    )


def test_an_office_head_called_short_is_the_contact_with_that_title() -> None:
    book = _book(
        ("杭州市拱墅区第三人民医院", "杭州", "阮海", "设备科科长"),
        ("南京绿源农业发展有限公司", "南京", "卞伟", "财务处处长"),
    )
    link = book.link("拱墅三院 电话 阮科 监护仪要8台")
    assert link.lead_id == 1 and link.contacts[1].name == "阮海"
    link = book.link("绿源 上门 卞处说预算批了")
    assert link.lead_id == 2 and link.contacts[2].name == "卞伟"


def test_an_office_word_after_a_surname_is_no_head_otherwise() -> None:
    book = _book(
        ("苏州高远电子有限公司", "苏州", "高明", "采购经理"),  # no office head: 高科 is no one
        ("杭州市拱墅区第三人民医院", "杭州", "阮海", "设备科科长"),
    )
    assert not book.link("高远 电话 高科 要10台").contacts
    # glued to more words, the character is part of a word ("阮科技" would be a name, not the head)
    assert not book.link("三院那边 阮科技术部的人说再看看").contacts


# ---- "对了" opening a message is "by the way", no contact ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("对了 华光电子那单黄了 被对手截胡了", "输单"),
        ("对了，东方医院那单签了", "签约"),
    ],
)
def test_by_the_way_before_stage_news_tells_no_contact(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


def test_gone_over_with_them_is_still_a_contact(extractor: Extractor) -> None:
    intent, _ = _read(extractor, "跟华光电子的王总把注塑机数量对了一下 下周发货")
    assert intent == "log_followup"
