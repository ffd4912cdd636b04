"""Kinds of failure seen on the held-out conversations fortynine (reps pasting or forwarding the
customer's own words, mixing the customer's timeline with their own plan), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.followup import find_followup
from nlp.intent import find_kind
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    "text",
    [
        "今天带车队的人去门店试骑了三台电单车，都说续航够用",
        "让店长在展位上试玩了新出的体感机，反应不错",
        "黎总下午来体验店试骑了一圈，想订二十台",
    ],
)
def test_the_customer_playing_or_riding_the_thing_itself_is_a_demo(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "demo"


@pytest.mark.parametrize(
    "text",
    [
        "鲍经理说想试骑一下再定",
        "下周先安排他们来试玩",
        "玩具样品寄过去了，等他们回复",  # 玩具: a thing, not a trial
    ],
)
def test_a_trial_wished_for_or_a_thing_named_is_no_demo(text: str) -> None:
    found = find_kind(text)
    assert found is None or found[0] != "demo"


@pytest.mark.parametrize(
    "text",
    [
        "转发符经理微信：「货架的钱财务已经打了，你们安排发货吧」 我明天去仓库盯装车",
        "邝总微信：“样衣收到了，版型再改一下” 回头我整理一下",
    ],
)
def test_a_message_pasted_after_wechat_and_its_colon_came_by_wechat(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "online"


@pytest.mark.parametrize(
    "text",
    [
        "微信：lkw_2031，有事找他",
        "邝总 微信: 13912345678",
    ],
)
def test_a_wechat_id_after_its_label_is_still_no_contact(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "物流公司詹经理今天约我去所里谈了冷链车的租赁，下周二我把合同带过去",
        "下午去厂里聊了两个钟，设备科对压缩机还挺满意",
    ],
)
def test_gone_into_their_place_and_talked_there_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "想去厂里谈了解一下他们的产能",
        "明天要去厂里谈",
    ],
)
def test_a_talk_there_still_to_come_or_another_word_is_no_visit(text: str) -> None:
    found = find_kind(text)
    assert found is None or found[0] != "visit"


@pytest.mark.parametrize(
    "text",
    [
        "栾经理原话：「冷库那个项目我们董事会下周五前给你答复，不用天天打电话」",
        "转发芮总：“保洁外包的事月底前给你们回复”",
    ],
)
def test_an_answer_owed_to_the_rep_in_the_customers_own_words_is_no_plan(text: str) -> None:
    assert find_followup(text, SENT.date(), now="09:00") is None


def test_the_reps_own_plan_beside_the_customers_words_is_kept(extractor: Extractor) -> None:
    ex = extractor.extract("栾经理原话：「冷库那个项目我们月底前给你答复」 我下周二上午再去一趟", SENT, "rep")
    assert ex.next_followup is not None and ex.next_followup.date == "2026-03-17"
    found = find_followup("月底前给你们报价单，我下周二先去量尺寸", SENT.date(), now="09:00")
    assert found is not None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "新客户：潍坊市奎文区工人文化宫，文体部褚主任 13895127364，说要换一批乒乓球台",
            "潍坊市奎文区工人文化宫",
        ),
        ("新客户 绵阳市涪城区青少年宫 侯老师 13895127364，机房的空调要整体换", "绵阳市涪城区青少年宫"),
    ],
)
def test_a_childrens_or_workers_palace_is_an_institution_of_its_own(
    extractor: Extractor, text: str, company: str
) -> None:
    ex = extractor.extract(text, SENT, "rep")
    assert ex.company == company


@pytest.mark.parametrize(
    ("company", "short"),
    [
        ("华东师范大学外语学院", "华师大外语学院"),
        ("华东师范大学外语学院", "华师大外语"),
        ("华东师范大学外语学院", "华师大"),
        ("东北林业大学", "东林大"),
    ],
)
def test_a_universitys_school_is_said_by_the_universitys_abbreviation(company: str, short: str) -> None:
    assert short in company_aliases(company, company_key(company), "上海")


def test_the_school_alone_is_no_name_and_the_abbreviation_links() -> None:
    company = "华东师范大学外语学院"
    assert "外语学院" not in company_aliases(company, company_key(company), "上海")
    book = LeadBook([BookLead(1, company, company_key(company), "上海")])
    assert book.link("华师大外语学院柏主任下午来电，同传设备要加两套").candidates == (1,)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("更正：来电的不是冼经理，是他们仓库的拓振宇主管，拓主管手机13995081276", "拓振宇"),
        ("是卜振宇老师打的电话", "卜振宇"),
    ],
)
def test_a_given_name_ending_in_a_double_surnames_character_is_no_brand_and_person(
    extractor: Extractor, text: str, name: str
) -> None:
    ex = extractor.extract(text, SENT, "rep")
    assert ex.company is None
    assert ex.contact_name == name


def test_a_double_surname_after_a_brand_is_still_the_person(extractor: Extractor) -> None:
    ex = extractor.extract("恒昌欧阳总监电话说下周要两台CNC", SENT, "rep")
    assert ex.company == "恒昌"
    assert ex.contact_name == "欧阳"


def test_a_universitys_school_said_alone_links_when_its_contact_is_named(extractor: Extractor) -> None:
    company = "东北林业大学外语学院"
    head = BookContact("蔺振华", "设备处处长")
    book = LeadBook([BookLead(1, company, company_key(company), "哈尔滨", contacts=(head,))])
    text = "蔺处今天带着外语学院两个老师来公司看了云ERP，下周二我再去学校"
    ex = extractor.extract(text, SENT, "rep")
    link = book.link(text, company=ex.company, contact_name=ex.contact_name, contact_title=ex.contact_title)
    assert link.candidates == (1,)
    # without its contact the school alone names no lead of the book
    other = "今天去外语学院看了机房，下周二报价"
    ex = extractor.extract(other, SENT, "rep")
    assert book.link(other, company=ex.company).candidates == ()


@pytest.mark.parametrize(
    ("company", "short", "named"),
    [
        ("成都市第四十七中学", "四十七中", True),
        ("成都市第二十三小学", "二十三小", True),
        ("成都市第十二中学", "十二中", False),  # from twenty up only
        ("成都市第五中学", "五中", False),  # 五中 names one in every town
    ],
)
def test_a_numbered_school_from_twenty_up_is_said_by_its_number_alone(
    company: str, short: str, named: bool
) -> None:
    assert (short in company_aliases(company, company_key(company), "成都")) is named


def test_two_reports_one_on_a_school_said_by_its_number_are_cut_apart() -> None:
    school, bureau = "成都市第四十七中学", "成都市武侯区卫生健康局"
    book = LeadBook(
        [BookLead(1, school, company_key(school), "成都"), BookLead(2, bureau, company_key(bureau), "成都")]
    )
    text = "上午在四十七中给柏老师讲了净水机的方案，下午去武侯区卫生健康局见了邝科长"
    assert [ids for _, ids in book.named_at(text)][:1] == [frozenset({1})]
