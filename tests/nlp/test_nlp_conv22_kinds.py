"""Kinds of failure seen on the held-out conversations twentytwo (dental), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.linking import BookLead, LeadBook, company_aliases, is_away
from tests.nlp.reading import read

# ---- bought from another supplier: lost ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理打电话说叉车已经在别家买了",
        "鼎盛那边说货架从别的厂家订了",
        "海川王总说包装机找同行做了",
    ],
)
def test_bought_from_another_supplier_is_lost(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "输单"


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理说叉车还在比价 别家也报了",
        "鼎盛那边说货架想从我们这买",
        "海川王总说别家报价比我们高",
    ],
)
def test_other_suppliers_named_without_a_purchase_is_no_loss(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") != "输单"


# ---- a trial the customer ran, its length in weeks said as 礼拜 / 星期, then its verdict: no demo ----


@pytest.mark.parametrize(
    "text",
    [
        "今天上午去了宏泰那边 见了李经理 叉车他们试用了一个礼拜 反馈说电池不太耐用",
        "下午去了鼎盛 王总说 货架试用了两个星期 没问题",
    ],
)
def test_a_trial_of_the_customers_told_with_its_verdict_is_the_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


def test_a_trial_held_is_still_a_demo(extractor: Extractor) -> None:
    assert read(extractor, "今天去宏泰给李经理试用了叉车")[1].get("kind") == "demo"


# ---- asked over to their place to talk, on a day come: a visit ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理今天约我过去谈叉车，他们想要三台",
        "鼎盛王总上午约我们到厂里看了货架的安装位置",
    ],
)
def test_asked_over_to_talk_is_a_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


def test_asked_over_on_a_later_day_is_no_visit_held(extractor: Extractor) -> None:
    assert read(extractor, "宏泰李经理约我下周三过去谈叉车")[1].get("kind") != "visit"


# ---- a city's public hospital named by its kind alone, called by the city and a short form ----


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("苏州市第一人民医院", "苏州", {"苏州一院", "苏州市一院", "苏州第一医院"}),
        ("宁波市第六医院", "宁波", {"宁波六院"}),
        ("常州市人民医院", "常州", {"常州人医", "常州市人医"}),
        ("扬州市中医院", "扬州", {"扬州中医院", "扬州市中医院"}),
        ("温州市妇幼保健院", "温州", {"温州妇幼"}),
    ],
)
def test_a_city_hospital_of_a_kind_is_called_by_city_and_short_kind(
    company: str, city: str, short: set[str]
) -> None:
    assert short <= set(company_aliases(company, company_key(company), city))


def test_a_hospital_with_a_brand_gets_no_city_kind_form() -> None:
    name = "常州市华康医院"
    assert "常州人医" not in company_aliases(name, company_key(name), "常州")


def test_a_city_hospital_short_form_before_a_department_links_the_lead() -> None:
    book = LeadBook(
        [
            BookLead(1, "苏州市第一人民医院", company_key("苏州市第一人民医院"), "苏州", contacts=()),
            BookLead(2, "苏州市中医院", company_key("苏州市中医院"), "苏州", contacts=()),
        ]
    )
    assert book.link("今天去了苏州一院骨科，见了设备科的刘科长").candidates == (1,)
    assert book.link("下午去苏州中医院放射科看了机房").candidates == (2,)


# ---- a person out of the place ("出去开会了") is not the one met ----


@pytest.mark.parametrize(
    "text", ["周经理出去开会了，见了采购", "周经理出门办事了", "周经理去省里开会了，跟助理聊的"]
)
def test_a_person_gone_out_is_away(text: str) -> None:
    assert is_away(text, 0, 3)


@pytest.mark.parametrize("text", ["周经理说下周去省里开会", "周经理出来接的我们"])
def test_a_person_not_gone_out_is_not_away(text: str) -> None:
    assert not is_away(text, 0, 3)


# ---- an organisation named as the one that sent the customer to us is not the customer ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰今天上门见了李经理，他说是鼎盛物流有限公司的王总推荐的我们，叉车先订两台",
        "海川那边张总说是华信电子的周经理介绍的我们 下周去看场地",
    ],
)
def test_the_referrer_of_a_report_is_no_new_customer(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "log_followup"
    assert slots.get("company") not in ("鼎盛物流有限公司", "华信电子")


def test_a_new_customer_said_with_its_referrer_is_still_new(extractor: Extractor) -> None:
    intent, slots = read(extractor, "新客户 宁波海达物流有限公司 是鼎盛公司的王总介绍的 李经理 13812345678")
    assert intent == "new_lead"
    assert slots.get("company") == "宁波海达物流有限公司"


def test_a_customer_telling_its_needs_is_still_the_customer(extractor: Extractor) -> None:
    assert read(extractor, "宏泰公司的王总介绍了一下他们的需求")[1].get("company") == "宏泰公司"
