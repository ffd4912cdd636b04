"""Kinds of failure seen on the held-out conversations twentyseven (school and campus supplier), each tested
with made-up sentences of other trades and places, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent, company_key
from nlp.linking import BookLead, LeadBook, company_aliases
from tests.nlp.reading import SENT, read

# ---- a numbered school by its number and kind, after its district or its city ----


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("常州市第十二中学", "常州", "常州十二中"),
        ("常州市第十二中学", "常州", "常州市十二中"),
        ("无锡市锡山区第三小学", "无锡", "锡山三小"),
        ("南京市鼓楼区第二实验小学", "南京", "鼓楼二实小"),
        ("武汉市洪山区第一幼儿园", "武汉", "洪山一幼"),
        ("重庆市渝北区第二中学校", "重庆", "渝北区二中"),
    ],
)
def test_a_numbered_school_is_called_by_its_place_number_and_kind(
    company: str, city: str, short: str
) -> None:
    assert short in company_aliases(company, company_key(company), city)


@pytest.mark.parametrize(
    ("company", "city", "not_short"),
    [
        ("常州市第十二中学", "常州", "十二中"),  # the number alone names one in every town
        ("无锡市锡山区第三小学", "无锡", "无锡三小"),  # a district's school: the city's 三小 is another
        ("常州市第一人民医院", "常州", "常州一中"),  # a hospital is no school
    ],
)
def test_a_numbered_school_is_not_called_by_its_number_alone_or_the_wrong_place(
    company: str, city: str, not_short: str
) -> None:
    assert not_short not in company_aliases(company, company_key(company), city)


# ---- a public body by its common abbreviation, after its district, county or city ----


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("武汉市江汉区卫生健康委员会", "武汉", "江汉卫健委"),
        ("长沙县教育和体育局", "长沙", "长沙县教体局"),
        ("南京市住房和城乡建设局", "南京", "南京住建局"),
        ("苏州市吴江区人力资源和社会保障局", "苏州", "吴江人社局"),
        ("成都市金牛区教育委员会", "成都", "金牛区教委"),
    ],
)
def test_a_public_body_is_called_by_its_abbreviation(company: str, city: str, short: str) -> None:
    assert short in company_aliases(company, company_key(company), city)


def test_the_abbreviation_alone_is_no_name() -> None:
    name = "武汉市江汉区卫生健康委员会"
    assert "卫健委" not in company_aliases(name, company_key(name), "武汉")


def _book(*names: tuple[str, str]) -> LeadBook:
    leads = [BookLead(i + 1, n, company_key(n), city, contacts=()) for i, (n, city) in enumerate(names)]
    return LeadBook(leads)


def test_a_span_that_is_a_leads_abbreviated_name_links_it_despite_the_short_kind() -> None:
    book = _book(("武汉市江汉区卫生健康委员会", "武汉"), ("武汉市江汉区第四中学", "武汉"))
    link = book.link("江汉卫健委那个彩超的标我们中了", company="江汉卫健委")
    assert link.candidates == (1,)
    assert book.link("江汉四中那边刚来电话", company="江汉四中").candidates == (2,)


def test_another_body_of_the_same_district_links_no_lead() -> None:
    book = _book(
        ("武汉市江汉区卫生健康委员会", "武汉"),
    )
    assert book.link("江汉发改委那边在招标", company="江汉发改委").candidates == ()


# ---- a trial the customer held, told in their reply by a channel: the channel is the kind ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理刚微信回我了 CNC他们车间试用了半个月说没问题 想再加两台",
        "鼎盛王总邮件回复过来了 云ERP财务那边试用了一周 问能不能再便宜点",
        "海川周工钉钉上回我了 太阳能板他们已经试用了 说发电量还行",
    ],
)
def test_a_trial_told_in_a_reply_by_a_channel_is_an_online_contact(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT, "rep", Intent.LOG_FOLLOWUP).kind == "online"


@pytest.mark.parametrize(
    "text",
    [
        "今天带样机去了宏泰 他们车间试用了一上午",
        "鼎盛王总微信回我了 昨天给他们演示了云ERP",
    ],
)
def test_a_trial_or_demo_the_rep_held_is_still_a_demo(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT, "rep", Intent.LOG_FOLLOWUP).kind == "demo"


# ---- a titled surname, then the full name written alone before a phone elsewhere: that full name ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("电话是他们钟副总打的 钟立伟 13900000101", "钟立伟", "副总"),
        ("今天见了宏泰的祁主管 聊了CNC 祁海峰，电话13900000102", "祁海峰", "主管"),
        ("鼎盛那边是葛经理接待的 葛晓婷 手机13900000103", "葛晓婷", "经理"),
    ],
)
def test_a_titled_surname_takes_the_full_name_written_before_a_phone(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize(
    "text",
    [
        "今天见了宏泰的祁主管 聊了CNC 韦海峰 13900000104 是他们采购",  # another surname: another person
        "今天见了宏泰的祁主管 电话13900000105",  # no name written at all
    ],
)
def test_a_titled_surname_keeps_its_surname_without_its_own_full_name(
    extractor: Extractor, text: str
) -> None:
    assert read(extractor, text)[1].get("contact_name") == "祁"
