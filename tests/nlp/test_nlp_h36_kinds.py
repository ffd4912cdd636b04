"""Kinds of failure seen on heldout36 (welding consumables written in Tangshan / Hebei speech; TCM
decoction pieces in long pasted notes with Anhui words), each tested with made-up sentences of other
trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, parse_catalog
from nlp.dialect import mandarin
from tests.nlp.reading import SENT
from tests.nlp.reading import read as _read

# ---- North China words: 俺 = 我, 介 = 这, 嘛 = 什么; 见着 X 了 ----


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("俺这个月签了几单", "query_stats", {"scope": "me"}),
        ("俺们组上礼拜报了多少价", "query_stats", {"scope": "team"}),
        ("俺名下哪些客户过期没跟了", "query_overdue", {"scope": "me"}),
        ("后天俺约了哪些客户", "query_today", {"scope": "me"}),
        ("介周俺们组签了几单", "query_stats", {"scope": "team"}),
    ],
)
def test_north_china_i_and_this_are_read_in_questions(
    extractor: Extractor, text: str, intent: str, slots: dict[str, str]
) -> None:
    got_intent, got = _read(extractor, text)
    assert got_intent == intent
    assert {k: got.get(k) for k in slots} == slots
    if intent != "query_overdue":
        assert "period" in got


def test_tangshan_what_asks_for_the_days_list(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "今天有嘛要见的")
    assert intent == "query_today"
    assert "period" in slots


def test_tangshan_this_before_a_thing_is_no_company(extractor: Extractor) -> None:
    assert "company" not in _read(extractor, "刚来的，不知道介机器人咋弄")[1]


def test_not_met_stays_no_visit(extractor: Extractor) -> None:
    assert _read(extractor, "永兴阀门 王经理一直没见着 电话也不接")[1].get("kind") != "visit"


def test_hebei_met_is_a_visit(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "永兴阀门 见着采购王经理了，聊了半天")
    assert intent == "log_followup"
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("俺们组", "我们组"),
        ("介俩月", "这俩月"),
        ("有嘛事", "有啥事"),
        # the words 介 makes, the particle 嘛 and 干嘛 stay
        ("王总介绍了个客户", "王总介绍了个客户"),
        ("中介公司", "中介公司"),
        ("好嘛，明天再说", "好嘛，明天再说"),
        ("你们能干嘛", "你们能干嘛"),
    ],
)
def test_north_china_words_are_read_as_mandarin_of_the_same_length(text: str, expected: str) -> None:
    assert mandarin(text) == expected


# ---- industry words of a short name: pipes, fittings, pressure vessels, ship repair, a TCM clinic ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("上午拜访义乌的永兴管件，见了老板娘", "永兴管件"),
        ("合肥的德仁国医馆 馆长刘明 聊了一下", "德仁国医馆"),
        ("宁波海丰船舶修造的设备科长周涛加了微信", "宁波海丰船舶修造"),
        ("下午去了东营鑫源压力容器，见了采购李经理", "东营鑫源压力容器"),
    ],
)
def test_a_short_name_of_an_industrial_trade_is_the_company(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_company_with_its_legal_form_keeps_it_before_a_workshop(extractor: Extractor) -> None:
    slots = _read(extractor, "在无锡宏达机械有限公司车间做了演示")[1]
    assert slots.get("company") == "无锡宏达机械有限公司"


# ---- 撑死 before a figure: a ceiling ----


def test_at_the_very_most_is_a_budget_ceiling(extractor: Extractor) -> None:
    slots = _read(extractor, "跟王总聊了，门窗预算撑死八万")[1]
    assert slots.get("budget") == [None, 80000]


# ---- a note headed "记一下：" or "拜访记录 <date>" that tells the visits ----


def test_a_note_of_visits_headed_note_this_is_a_followup(extractor: Extractor) -> None:
    intent, slots = _read(
        extractor,
        "今天跑常州，记一下：\n1. 常州宏远电梯 设备部 见了经理 周强\n2. 一年大概换40台\n3. 下周四再去",
    )
    assert intent == "log_followup"
    assert slots.get("kind") == "visit"


def test_note_this_with_a_prospect_only_is_still_a_new_lead(extractor: Extractor) -> None:
    assert _read(extractor, "记一下：温州永兴阀门 采购王经理 13957712345 要报价")[0] == "new_lead"


def test_a_visit_record_headed_by_its_date_is_a_followup(extractor: Extractor) -> None:
    intent, slots = _read(
        extractor,
        "拜访记录 3/9\n客户：温州永兴阀门\n对接人：采购 王经理\n内容：阀门样品看了\n下次：下周四上午十点过去",
    )
    assert intent == "log_followup"
    assert slots.get("kind") == "visit"
    assert slots.get("next_followup") == {"date": "2026-03-19", "time": "10:00"}


def test_the_visit_record_of_a_customer_asked_for_is_still_a_query(extractor: Extractor) -> None:
    assert _read(extractor, "温州永兴阀门的拜访记录")[0] == "query_lead"


# ---- gone there and measured: a visit ----


def test_gone_and_measured_is_a_visit(extractor: Extractor) -> None:
    slots = _read(extractor, "宏远电梯 今天带工程师去量了机房，周经理说行")[1]
    assert slots.get("kind") == "visit"


# ---- a product of the catalog ending in an organisation word, glued after the customer ----

_CANTEENS = """
[[products]]
name = "智慧食堂"
aliases = ["智能食堂"]
line = "餐饮"

[[competitors]]
name = "美餐"
aliases = []
"""


@pytest.fixture(scope="module")
def canteens() -> Extractor:
    return Extractor(parse_catalog(_CANTEENS, "canteens"))


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("鲜丰水果连锁智慧食堂那单黄了，让美餐拿走了", "鲜丰水果连锁"),
        ("华强电子智慧食堂那单签了", "华强电子"),
    ],
)
def test_a_product_ending_in_an_organisation_word_is_not_glued_to_the_customer(
    canteens: Extractor, text: str, company: str
) -> None:
    slots = canteens.extract(text, SENT).to_slots()
    assert slots.get("company") == company
    assert slots.get("products") == ["智慧食堂"]


def test_a_customer_named_with_the_organisation_word_alone_stays(canteens: Extractor) -> None:
    # (the canteen, no product, is the customer)
    slots = canteens.extract("去了华东实验学校食堂，见了刘经理", SENT).to_slots()
    assert slots.get("company") == "华东实验学校食堂"


# ---- a full name right after a department, handed something, the clause closed by 了 ----


@pytest.mark.parametrize(
    ("text", "name"), [("资料转给工程部周建国了", "周建国"), ("样品交给质检部何晓丽了，等结果", "何晓丽")]
)
def test_a_name_handed_something_after_a_department_is_the_contact(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


def test_a_word_done_after_a_department_is_no_name(extractor: Extractor) -> None:
    assert "contact_name" not in _read(extractor, "采购部李明白了")[1]


# ---- a district with a stop character inside, cut apart by the segmenter (淮/上/区) ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("淮上区实验小学的王校长说空调下周装", "淮上区实验小学"),
        ("去了趟淮上区妇幼保健院，见了设备科李科长", "淮上区妇幼保健院"),
    ],
)
def test_a_district_cut_at_a_stop_character_starts_the_name(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _read(extractor, text)[1].get("company") == company
