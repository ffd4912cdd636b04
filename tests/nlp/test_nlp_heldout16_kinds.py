"""Kinds of failure seen on the heldout16 corpora (water treatment, factory software), each tested with
made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- one customer's progress or its contact person asked after its short name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("瑞丰现在进展到哪了", "瑞丰"),
        ("百川家具进度到哪了？", "百川家具"),
        ("金禾那个门窗项目对接人是谁", "金禾"),
        ("鼎泰联系人是谁", "鼎泰"),
    ],
)
def test_progress_or_contact_asked_after_a_short_name_is_a_query(
    extractor: Extractor, text: str, company: str
) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("query_lead", company)


@pytest.mark.parametrize(
    "text",
    [
        "今天进展到哪了都记一下",
        "对接人是谁我也不知道，明天再问",
    ],
)
def test_progress_words_with_no_customer_are_no_query(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "query_lead"


# ---- a prospect passed on by whoever found it, headed by a colon; a customer wanting to use something ----


@pytest.mark.parametrize(
    "text",
    [
        "代理商推过来一个：无锡华新印染有限公司，想换一批定型机，联系人陆总 13912345678，预算不超过两百万",
        "总部转来一家：成都蜀味餐饮管理有限公司，门店要上收银系统，预算二十万左右",
        "经销商报备：南通海力纺织有限公司，新厂房要做消防改造，对接人是设备部的吴工",
        "无锡华新印染有限公司，印花车间想用数码印花机，预算五十万以内",
    ],
)
def test_a_prospect_passed_on_or_wanting_something_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "new_lead"


@pytest.mark.parametrize(
    "text",
    [
        "今天去了无锡华新印染有限公司，陆总说想用数码印花机，下周再去",
        "报备的事我去问下无锡华新印染有限公司陆总",
    ],
)
def test_a_contact_told_with_those_words_is_no_new_lead(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "new_lead"


# ---- a visit said by the place surveyed or shown, a call by what was set on it ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("常州天宁中学看完现场了，操场要换两块塑胶跑道，校长说暑假施工", "visit"),
        ("宏达物流园勘察完了，三号库的货架都要换，吴经理让出个方案", "visit"),
        ("绿源农场交流完，王场长带着看了两个大棚，滴灌设备都老化了", "visit"),
        ("金鹏酒店周经理电话约好了，下周二下午去讲方案", "call"),
    ],
)
def test_a_place_surveyed_or_shown_is_a_visit_and_a_time_set_by_phone_a_call(
    extractor: Extractor, text: str, kind: str
) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", kind)


@pytest.mark.parametrize(
    "text",
    [
        "常州天宁中学看过现场了吗？",
        "宏达物流园勘察完了没",
        "宏达物流园下周去勘察，吴经理说三号库的货架都要换",
    ],
)
def test_a_survey_asked_or_planned_is_no_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") != "visit"


# ---- delivery begun by the machines fitted or the implementers on site; the contract's terms talked ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("永兴冷链的设备今天进场调试了", "交付"),
        ("华盛家居那单CRM实施，今天实施工程师进场了", "交付"),
        ("德润医药那单老板拍板了，开始谈合同条款", "谈判"),
    ],
)
def test_on_site_or_terms_talked_is_the_stage(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "永兴冷链的设备今天进场调试了吗",
        "华盛家居的实施工程师进场了没？",
        "德润医药还没谈合同条款，价格先定",
    ],
)
def test_on_site_asked_or_terms_not_talked_is_no_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- a customer's short name standing first, right before how the contact went ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("博睿演示做完了，张经理挺满意，让我们出报价", "博睿"),
        ("鼎峰现场讲完方案了，老板基本认可", "鼎峰"),
        ("常州凯捷讲完方案了，陈部长拉了采购的人一起听", "常州凯捷"),
    ],
)
def test_a_short_name_before_the_contact_told_is_the_customer(
    extractor: Extractor, text: str, company: str
) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("log_followup", company)


@pytest.mark.parametrize(
    "text",
    [
        "南京今天下雨 没去拜访",
        "大家电话里都说好",
        "嗯上午去农贸市场跟刘主任面谈完了",
        "老周演示做完了，客户挺满意",
        "跟王总电话聊了半小时",
        "孟丽演示看完了，说下周给答复",
        "芮晨下午来电话 样机想再多留一周",
    ],
)
def test_a_place_word_filler_or_person_first_is_no_customer(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


def test_a_want_beside_a_contact_told_is_no_new_lead(extractor: Extractor) -> None:
    text = "在佛山的宏图陶瓷坐了一上午 生产副总邝国栋想用我们的设备 后天给他回个电话"
    assert read(extractor, text)[0] == "log_followup"


# ---- a brand glued after its zone is named with it, as written ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("无锡新区华兴轴承那单丢了，被同行截了", "无锡新区华兴轴承"),
        ("嘉兴开发区天恒纺织今天拜访了，陈总想换一批设备", "嘉兴开发区天恒纺织"),
    ],
)
def test_a_brand_glued_after_its_zone_is_named_with_it(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("嘉兴开发区管委会的刘主任说园区要建污水站", "嘉兴开发区管委会"),
        ("嘉兴开发区的天恒纺织有限公司想换设备", "天恒纺织有限公司"),
    ],
)
def test_the_zones_office_or_a_company_after_de_stays_as_before(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- a step of the deal asked done at the end of its clause ----


@pytest.mark.parametrize("text", ["宏达电机那单报价发出去没有？", "华盛家居的合同签回来了吗"])
def test_a_step_asked_at_the_end_of_its_clause_is_a_query(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("query_lead", None)


def test_a_step_told_then_something_else_asked_is_news(extractor: Extractor) -> None:
    assert read(extractor, "宏达电机那单报价发出去了，已经没问题")[1].get("stage") == "报价"


# ---- Cantonese 生 (先生) before what the person did or wanted ----


@pytest.mark.parametrize(
    "text", ["东莞宏发五金拜访完，冯生带着看了冲压车间", "佛山美亚陶瓷的冯生觉得贵，下周再谈"]
)
def test_sang_before_what_they_did_is_an_honorific(extractor: Extractor, text: str) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("冯", None)


def test_a_word_ending_in_sheng_is_no_person(extractor: Extractor) -> None:
    assert read(extractor, "东莞宏发五金的学生要实习，医生也在")[1].get("contact_name") is None
