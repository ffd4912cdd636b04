"""Kinds of failure seen on the heldout12 corpora (beauty-salon and cleaning equipment) and on
conversations_fifteen's company spans, each tested with made-up sentences of other trades, with
negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, parse_catalog
from tests.nlp.reading import SENT
from tests.nlp.reading import read as _read

# ---- a lead entered in other words: "给X建条线索", "录一条：", a prospect with no contact yet ----------


@pytest.mark.parametrize(
    "text",
    [
        "给小韩建条线索 常州恒信模具 生产部 石经理 数控机床",
        "给老吴建一条：台州宏达阀门，庞经理，13905761234，云ERP",
        "录一条：嘉兴永盛纺织 卢厂长 云ERP",
        "绍兴鼎丰化纤要上云ERP 还没联系人 先挂我名下",
    ],
)
def test_a_lead_entered_in_other_words_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "new_lead"


@pytest.mark.parametrize(
    "text",
    [
        "今天去了常州恒信模具 石经理说他们要建一条新产线 数控机床想上三台",  # the customer builds a line
        "常州恒信模具的石经理电话没人接 联系人还没换",
    ],
)
def test_a_customer_building_a_line_or_a_contact_not_reached_is_no_new_lead(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text)[0] == "log_followup"


def test_progress_asked_as_how_far_the_follow_up_got_is_about_one_customer(extractor: Extractor) -> None:
    assert _read(extractor, "恒信模具最近跟进到哪了")[0] == "query_lead"


# ---- a detail confirmed with a named customer is a contact, not a card handed over --------------------


def test_details_confirmed_with_a_customer_are_a_report(extractor: Extractor) -> None:
    text = "跟台州宏达阀门确认好了，云ERP下周上线实施，联系人庞先生13905761234"
    assert _read(extractor, text)[0] == "log_followup"


# ---- "微信同手机" gives a way to reach someone, not a contact made online ---------------------------------


@pytest.mark.parametrize("given", ["微信同手机13905769999", "微信同号 13905769999"])
def test_wechat_same_as_the_phone_is_no_online_contact(extractor: Extractor, given: str) -> None:
    assert _read(extractor, f"嘉兴永盛纺织卢厂长说云ERP想试用 {given}")[1].get("kind") is None
    assert _read(extractor, "今天微信跟嘉兴永盛纺织的卢厂长聊了云ERP")[1].get("kind") == "online"


# ---- an English alias said in the plural ---------------------------------------------------------------

CATALOG = """
[[products]]
name = "激光打标机"
aliases = ["laser marker", "fiber laser"]
"""


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("Hi, we need 3 laser markers for our plant, pls send a quotation", ["激光打标机"]),
        ("two fiber lasers and one laser marker, budget 20w", ["激光打标机"]),
        ("we need a laser markerset", []),  # more letters make another word
    ],
)
def test_an_english_alias_in_the_plural_is_the_product(text: str, products: list[str]) -> None:
    extractor = Extractor(parse_catalog(CATALOG, "plural"))
    assert extractor.extract(text, SENT, "customer").to_slots().get("products", []) == products


# ---- names of care institutions end at their kind word; an office after a kindless head is its kind ----


@pytest.mark.parametrize(
    "company",
    ["常州市武进区福寿护理院", "台州乐龄颐养院", "嘉兴市南湖区康宁之家养老服务中心", "无锡阳光颐养公寓"],
)
def test_a_care_institution_is_named_whole(extractor: Extractor, company: str) -> None:
    slots = _read(extractor, f"今天拜访了{company}，见了邵主任，云ERP想先试用一个月")[1]
    assert slots.get("company") == company


def test_an_office_after_an_organisation_is_still_its_department(extractor: Extractor) -> None:
    slots = _read(extractor, "今天拜访了常州恒信模具有限公司信息中心的邵主任，云ERP想先试用")[1]
    assert slots.get("company") == "常州恒信模具有限公司"
