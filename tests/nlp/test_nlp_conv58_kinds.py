"""Kinds of failure seen on the held-out conversations fiftyeight (power distribution, voice input,
forwarded customer messages), each tested with made-up sentences of other trades, with negatives showing
the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read as _read

# ---- the rep sending someone of theirs on a later day is the next contact ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("宏达印刷的采购今天来电话说机器到了 周四我安排工程师 上门调试一下", "2026-03-12"),
        ("永丰五金的林总说货款打过来了 下周一我派个师傅过去盘点库存", "2026-03-16"),
        ("绿源农场那边说大棚膜破了 后天我安排售后去看看", "2026-03-12"),
    ],
)
def test_the_reps_own_people_sent_on_a_day_are_the_next_followup(
    extractor: Extractor, text: str, day: str
) -> None:
    assert (_read(extractor, text)[1].get("next_followup") or {}).get("date") == day


@pytest.mark.parametrize(
    "text",
    [
        # their own arrangements are no contact of ours
        "宏达印刷的采购今天来电话说 周四他们安排工程师内部验收",
        "永丰五金的林总说下周一厂里安排人盘点库存",
    ],
)
def test_their_own_arrangements_are_no_followup(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("next_followup") is None


# ---- hours sat at their place are a visit ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷的孙经理 今天下午又去他们厂里坐了两个多小时 聊了换机的事",
        "永丰五金林总那边 上午在他们店里坐了半个多小时",
        "绿源农场 今天去场部坐了一个钟头 场长说大棚膜要换",
    ],
)
def test_hours_sat_at_their_place_are_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        # a ride is no visit
        "今天坐了三个小时的高铁 宏达印刷的孙经理微信上说下周再谈",
        "坐了一个多小时车 永丰五金的林总不在",
    ],
)
def test_hours_of_a_ride_are_no_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") != "visit"


# ---- the one a pasted message opens on is whom it greets, not its writer ----


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("转发:「陈工 我们车间要换三台数控机床 下周前把报价发我 孙立新」 这是孙主任微信发的", "孙"),
        ("转发:「张工 CNC机床那边 想再加两台 请本周把报价发我邮箱 邓伟」 邓经理刚微信发我的", "邓"),
        ("转发:「刘总 我们厂的光伏组件 想再加一批 黄建国」 这个是黄经理发我的", "黄"),
    ],
)
def test_the_greeted_rep_is_not_the_contact_of_a_pasted_message(
    extractor: Extractor, text: str, surname: str
) -> None:
    assert (_read(extractor, text)[1].get("contact_name") or "").startswith(surname)


def test_a_pasted_message_naming_its_writer_first_keeps_them(extractor: Extractor) -> None:
    # the writer naming themself first is no greeting
    slots = _read(extractor, "转发:「我是宏达印刷的孙立新 想要三台数控机床 电话13912345678」")[1]
    assert (slots.get("contact_name") or "").startswith("孙")


# ---- a figure's unit said in words is no brand ----


@pytest.mark.parametrize(
    "text",
    [
        "李工电话说 我们这边是两台一千二百千伏安的变压器 要报个价",
        "王总微信说 他们那边是三套五百千瓦的光伏组件",
        "周经理说 我们这里要800千瓦时的储能柜",
    ],
)
def test_a_figures_unit_is_no_customer(extractor: Extractor, text: str) -> None:
    company = _read(extractor, text)[1].get("company") or ""
    assert "千瓦" not in company and "千伏" not in company


# ---- a customer's name contracted after its city, its contact named too ----


@pytest.mark.parametrize(
    ("company", "city", "span"),
    [
        ("绍兴市纺织科技园区建设发展有限公司", "绍兴", "纺织园区建设公司"),
        ("湖州市丝绸文化产业园建设发展有限公司", "湖州", "丝绸产业园建设公司"),
    ],
)
def test_a_name_contracted_after_its_city_with_its_contact_named(company: str, city: str, span: str) -> None:
    book = LeadBook(
        [BookLead(1, company, company_key(company), city, contacts=(BookContact("邓海", "总经理"),))]
    )
    said = f"今天去{span}见了邓总"
    assert book.link(said, company=span, contact_name="邓", contact_title="总").lead_id == 1
    # without its contact, or with another's, the contraction may be another customer's
    assert book.link(f"今天去{span}聊了", company=span).lead_id is None
    assert (
        book.link(f"今天去{span}见了李总", company=span, contact_name="李", contact_title="总").lead_id
        is None
    )
