"""Kinds of language seen on the held-out conversations sixtyfive (sanitation vehicles, Guangxi
Mandarin), with made-up sentences of other trades."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent, company_key
from nlp.behalf import names_member
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read


def _book(contact: BookContact) -> LeadBook:
    name = "南京市鼓楼区市场监督管理局"
    return LeadBook([BookLead(1, name, company_key(name), "南京", contacts=(contact,))])


# ---- a head of a station, an office or a section called by surname and the title's first character -----


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("检测站站长", "下午去了检测站，祁站讲仪器要换5台，下周我送样品过去"),
        ("副所长", "祁所刚电话回我了，检测方案他们收到了"),
        ("质量股股长", "祁股刚才微信讲样机可以先试"),
        ("综合科科长", "鼓楼祁科刚微信回我了，报价他们收到了"),
    ],
)
def test_a_head_called_by_surname_and_the_title_s_first_character_is_the_book_s_contact(
    title: str, text: str
) -> None:
    contact = BookContact(name="祁志远", title=title)
    assert _book(contact).contact_in(1, text) == contact


def test_a_surname_before_a_station_that_is_no_head_is_no_contact() -> None:
    contact = BookContact(name="祁志远", title="科员")
    assert _book(contact).contact_in(1, "祁站讲仪器要换5台") is None


# ---- the rep a manager speaks for, named as the contact would be ------------------------------------------


@pytest.mark.parametrize(
    ("said", "member", "right"),
    [("韦", "韦家明", True), ("韦家明", "韦家明", True), ("杨", "韦家明", False), ("欧阳", "欧阳子涵", True)],
)
def test_a_contact_read_as_the_members_surname_or_name_names_them(
    said: str, member: str, right: bool
) -> None:
    assert names_member(said, member) is right


# ---- a bureau of two remits whose first remit is cut in two words, after a district --------------------


@pytest.mark.parametrize(
    "name",
    ["湖州市吴兴区城市管理和行政执法局", "苏州市吴中区文化体育和旅游局", "常州市武进区卫生健康和计划生育局"],
)
def test_a_bureau_of_two_remits_after_its_district_is_one_name(extractor: Extractor, name: str) -> None:
    assert read(extractor, f"新客户：{name}，办公室许主任，电话13912345678")[1].get("company") == name


def test_two_places_joined_by_和_are_still_two(extractor: Extractor) -> None:
    assert read(extractor, "跟苏州和无锡的城管局都聊过了")[1].get("company") != "苏州和无锡的城管局"


def test_a_head_called_short_then_a_talk_is_the_book_s_contact() -> None:
    contact = BookContact(name="祁志远", title="信息科科长")
    assert _book(contact).contact_in(1, "鼓楼系统今天跟祁科谈下来了，在走合同了") == contact


# ---- whether a customer's record was made, asked (么 as the south's 吗) ----------------------------------


@pytest.mark.parametrize("text", ["鼓楼那个建好了么？", "鼓楼市监局建档了么", "鼓楼那个客户建好了吗"])
def test_asking_whether_a_customer_s_record_was_made_is_a_query(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == str(Intent.QUERY_LEAD)
