"""Linking kinds of the conversations_eight/nine study (made-up names from other industries)."""

from __future__ import annotations

from nlp import company_key
from nlp.linking import BookContact, BookLead, LeadBook


def _book(*leads: tuple[str, str | None, str | None, str | None]) -> LeadBook:
    return LeadBook(
        BookLead(i, company, company_key(company), city, True, (BookContact(name, title),) if name else ())
        for i, (company, city, name, title) in enumerate(leads, start=1)
    )


def test_a_short_name_glued_to_its_contact_s_surname_and_title_links_the_lead() -> None:
    book = _book(
        ("成都蓝鲸冷链物流有限公司", "成都", "骆文斌", "运营总监"),
        ("成都天府酒店管理有限公司", "成都", "芦清", "采购经理"),
    )
    link = book.link("蓝鲸骆总微信回了，方案他们内部还在走流程，下周三我再问问")
    assert link.lead_id == 1 and link.contacts[1].name == "骆文斌"
    assert book.link("天府芦经理说价格再谈谈").lead_id == 2
    # Another lead's contact glued to a short name does not make it that lead's.
    assert book.link("今天阳光芦荟卖得好").lead_id is None
