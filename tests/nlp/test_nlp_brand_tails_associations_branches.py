"""Linking kinds of the conversations_eight/nine study (made-up names from other industries)."""

from __future__ import annotations

from datetime import datetime

from nlp import Extraction, company_key, extract
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases


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


def test_the_tail_of_a_brand_two_leads_share_names_both_to_be_asked_about() -> None:
    book = _book(
        ("广州华科鸿翎电子有限公司", "广州", None, None),
        ("深圳华科鸿翎电子有限公司", "深圳", None, None),
        ("成都天府酒店管理有限公司", "成都", None, None),
    )
    assert book.link("鸿翎那边发了份报价过去", company="鸿翎").candidates == (1, 2)
    assert book.link("鸿翎那边发了份报价过去").candidates == (1, 2)
    assert book.link("深圳鸿翎那边发了份报价过去", company="鸿翎", city="深圳").candidates == (2,)
    # One lead with it alone is linked; beside a lead whose own short name it is, all are asked about
    # (never a silent guess), unless the message settles which.
    assert _book(("广州华科鸿翎电子有限公司", "广州", None, None)).link("鸿翎回电话了").lead_id == 1
    owned = _book(
        ("广州华科鸿翎电子有限公司", "广州", None, None),
        ("深圳华科鸿翎电子有限公司", "深圳", None, None),
        ("鸿翎包装材料有限公司", None, None, None),
    )
    assert owned.link("鸿翎那边发了份报价过去", company="鸿翎").candidates == (1, 2, 3)
    assert owned.link("鸿翎包装那边发了份报价过去", company="鸿翎包装").candidates == (3,)


def test_an_association_is_named_by_the_last_word_of_its_trade_and_its_organisation_word() -> None:
    book = _book(
        ("杭州市建筑装饰行业协会", "杭州", "封立新", "秘书长"),
        ("广东省汽车维修行业协会", None, None, None),
        ("杭州装饰材料有限公司", "杭州", None, None),
    )
    assert book.link("今天跟装饰协会封秘书长吃了个饭", company="装饰协会").lead_id == 1
    assert book.link("维修协会那边要办个年会", company="维修协会").lead_id == 2
    # Another kind of body, or a trade of one word, is no such short form.
    assert book.link("去了装饰商会", company="装饰商会").candidates == ()
    assert "律师协会" in company_aliases("上海市律师协会", company_key("上海市律师协会"), "上海")
    assert "师协会" not in company_aliases("上海市律师协会", company_key("上海市律师协会"), "上海")


def _extract(text: str) -> Extraction:
    return extract(text, datetime(2026, 3, 10, 10, 0))


def test_the_customer_s_own_branches_said_by_a_generic_word_are_no_customer() -> None:
    assert _extract("对了他说想把各门店的店长都叫来培训一下").company is None
    assert _extract("他们下属子公司也要一起采购冷柜").company is None
    assert _extract("对了老板说外地分公司的人也要来参观").company is None
    # A branch named by its place is one.
    assert _extract("明天去苏州分公司拜访").company == "苏州分公司"


def test_online_as_what_the_customer_wants_held_is_not_the_channel_of_the_contact() -> None:
    assert _extract("对了她说今年想搞个线上发布会，经销商一起看").kind is None
    assert _extract("他们想做个网上商城卖农资").kind is None
    # Online as the channel still is.
    assert _extract("跟恒泰的朱经理线上聊了一下报价").kind == "online"
    assert _extract("刚跟恒泰线上开了个会").kind == "online"
