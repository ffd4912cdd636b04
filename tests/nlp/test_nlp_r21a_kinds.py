"""Kinds seen on the held-out conversations ninety-five to ninety-eight (LED displays, cartons, farm
drones, lifts): the rep trying the machine on the customer's own ground is a demo; papers delivered
("把合同送过去了") and a meeting said with when ("昨天刚见过X") are visits; a compound surname after an
industry word is the person's, no brand cut inside it; a full name said with 叫 after a surname and its
title, a full name glued to a title whose first characters make a word, read when the number follows, a
surname and title right after a station or a farm of theirs, and a full name then its surname and 大姐
are the contact. Tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read


@pytest.mark.parametrize(
    "text",
    [
        "下午去老周果园里试了下割草机，他说比原来那台省油",
        "今天去渔业合作社船上试了一下鱼探仪，社长挺满意",
    ],
)
def test_a_machine_tried_on_the_customers_ground_is_a_demo(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("kind") == "demo"


@pytest.mark.parametrize(
    "text",
    [
        "海棠的任经理今天来我们公司看了样品，还想要防腐剂",  # goods' samples looked at: a visit
        "鼎盛的荀总今天来我们公司看了样板间，预算三万",  # a show flat: a visit
        "今天去鲁禾农场跟场长一起试了水，压力都正常",  # the line tested together, no machine shown
    ],
)
def test_samples_of_goods_or_a_show_flat_looked_at_stay_a_visit(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "康达物流今天上午把合同送过去了，刘经理说下周盖章",
        "华泰那边的投标文件昨天送到他们办公室了，王主任说周五开标",
    ],
)
def test_papers_delivered_are_a_visit(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("kind") == "visit"


def test_goods_delivered_or_papers_still_to_take_are_no_visit(extractor: Extractor) -> None:
    _, slots = read(extractor, "佛山丰华装饰的三套移动脚手架送过去了 已经用上了")
    assert slots.get("kind") != "visit"
    _, slots = read(extractor, "给恒丰的马科长打了电话，下周一我把报价送过去")
    assert slots.get("kind") == "call"


def test_a_meeting_said_with_when_is_a_visit(extractor: Extractor) -> None:
    intent, slots = read(extractor, "上午刚见过恒丰物流的马科长还在砍价他说月底前定我下周二再去一趟")
    assert intent == "log_followup" and slots.get("kind") == "visit"


def test_met_some_time_before_is_no_visit(extractor: Extractor) -> None:
    _, slots = read(extractor, "恒丰物流的马科长我以前见过，下周二我去拜访一下")
    assert slots.get("kind") != "visit"


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("养老中心欧阳院长下午电话里聊了，护理床要二十张", "欧阳"),
        ("物业中心司马经理刚来电话，保洁外包预算二十万", "司马"),
        ("培训中心上官主任上午电话里说要加两个班", "上官"),
        ("服务中心慕容经理下午电话里聊了，要换一批工装", "慕容"),
        ("体育中心东方主任下午电话里聊了，看台座椅要换", "东方"),  # (东方 a common word too)
    ],
)
def test_a_compound_surname_after_an_industry_word_is_the_persons(
    extractor: Extractor, text: str, surname: str
) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == surname
    assert not slots.get("company", "").endswith(surname[0])


@pytest.mark.parametrize(
    "text",
    [
        "他们设备部的韩工叫韩立新，空压机想换变频的",
        "华美的韩工，全名叫韩立新，空压机想换变频的",
    ],
)
def test_a_full_name_said_with_jiao_after_the_surname_and_title(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == "韩立新"


def test_a_second_persons_full_name_said_with_jiao_is_theirs(extractor: Extractor) -> None:
    from tests.nlp.reading import SENT

    ex = extractor.extract(
        "刚跟华美的周经理开完视频会，他们品管的韩工也在，韩工叫韩立新，空压机想换变频的", SENT
    )
    assert ex.contact_name == "周"
    assert [p.name for p in ex.others] == ["韩立新"]


def test_a_surname_and_gong_then_jiao_telling_the_rep_what_to_do(extractor: Extractor) -> None:
    _, slots = read(extractor, "王工叫我明天去厂里看看空压机")  # 叫 after 王工 is his, no 施工-like word
    assert slots.get("contact_name") == "王"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("今天扫街碰到个新客户，宏远汽修厂，老板文明华，电话13912345678，想换两台举升机", "文明华"),
        ("新客户 顺通物流 经理安全明 13812345678 要冷链车", "安全明"),
        ("今天碰到个养殖大户，老板时长青，电话18756100000，想上自动喂料线", "时长青"),
    ],
)
def test_a_full_name_glued_to_a_title_and_followed_by_the_number(
    extractor: Extractor, text: str, name: str
) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == name


@pytest.mark.parametrize(
    "text",
    [
        "宏远汽修厂的老板时间紧，电话里说下周再谈",
        "宏远汽修厂对接人和经理 13912345678 要举升机",
    ],
)
def test_no_full_name_read_from_words_after_a_title(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") in (None, "和")


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("农垦局刚来电话，农场范场长说想订一批防火服", "范"),
        ("林业局刚来电话，林场范场长说想订一批防火服", "范"),  # (林场: a surname opens the farm)
        ("市水利局刚来电话，水文站邹站长说雨量计要换", "邹"),
        ("文旅局刚来电话，博物馆何馆长说展柜要加湿功能", "何"),
    ],
)
def test_a_surname_and_title_right_after_a_station_a_farm_or_a_hall(
    extractor: Extractor, text: str, surname: str
) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == surname


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("新客户 幸福里小区居委会，居委会的邱秀英邱大姐对接，想装二十个监控", "邱秀英"),
        ("宏远汽修厂的邱建华邱大哥对接，想换两台举升机", "邱建华"),
        ("居委会的邱大姐对接，想装二十个监控", "邱"),
    ],
)
def test_a_full_name_then_its_surname_and_dajie(extractor: Extractor, text: str, name: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == name
