"""Kinds of failure seen on the heldout5/6/7 corpora (packaging, gases, farm drones, printing, bakery,
fasteners), each tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _slots(extractor: Extractor, text: str) -> dict:
    return extractor.extract(text, SENT).to_slots()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("给瑞丰模具做了方案 邓工挺满意 下周再约", "邓"),
        ("在南通港的码头跟现场的韦工碰了下 图纸都对上了", "韦"),
        ("下午见了设计院的覃工他们 聊了半天", "覃"),
    ],
)
def test_a_surname_and_gong_before_an_adverb_or_a_pronoun_is_a_person(
    extractor: Extractor, text: str, name: str
) -> None:
    slots = _slots(extractor, text)
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, "工")


def test_gong_inside_a_word_is_still_no_person(extractor: Extractor) -> None:
    assert "contact_name" not in _slots(extractor, "他们工厂的施工很慢 工期拖了两周")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("新客户 东莞长安恒达塑胶厂 黎生 13800138000 要做模具", "黎"),
        ("电话 顺德美家电器 郭生 下周来看样", "郭"),
    ],
)
def test_cantonese_sheng_after_a_surname_is_an_honorific(extractor: Extractor, text: str, name: str) -> None:
    slots = _slots(extractor, text)
    assert slots.get("contact_name") == name and "contact_title" not in slots


def test_a_word_ending_in_sheng_is_no_person(extractor: Extractor) -> None:
    assert "contact_name" not in _slots(extractor, "今天车间在搞卫生 没见到人")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("绍兴恒昌印染 电话 老蔡 染料的事 下周再说", "蔡"),
        ("上午在温州鞋城的老郑见了面 鞋盒要的多", "郑"),
    ],
)
def test_lao_and_a_surname_between_pauses_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    assert _slots(extractor, text).get("contact_name") == name


def test_lao_in_a_common_word_is_no_contact(extractor: Extractor) -> None:
    assert "contact_name" not in _slots(extractor, "他回老家了 下周再联系")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("云帆光电邵雪梅 微信聊了 样品下周寄", "邵雪梅"),
        ("跟合肥博远机电的人事部褚红霞沟通了 年底要招人", "褚红霞"),
        ("跟苏州华茂的采购潘月琴对了一下数量", "潘月琴"),
    ],
)
def test_a_full_name_after_an_organisation_or_a_department_then_an_act(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _slots(extractor, text).get("contact_name") == name


def test_a_nickname_after_a_buying_role(extractor: Extractor) -> None:
    slots = _slots(extractor, "今天拜访嘉兴恒宇纺织 采购小温说下月招标")
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("温", "采购")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("对方副总姓甘，说要比一下", "甘", "副总"),
        ("对方李工说要先打样", "李", "工"),
        ("负责人邬建军总经理 计划明年扩产", "邬建军", "总经理"),
    ],
)
def test_a_surname_that_ends_a_common_word_is_no_name(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = _slots(extractor, text)
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("宿迁那个丰泰合作社黄了 最后买的别家", "丰泰合作社"),
        ("去了一趟南京江宁区那个秣陵产业园管委会 见了副主任", "秣陵产业园管委会"),
    ],
)
def test_a_place_then_a_pointer_then_a_proper_name(extractor: Extractor, text: str, company: str) -> None:
    assert _slots(extractor, text).get("company") == company


def test_a_pointer_at_a_kind_of_place_names_no_customer(extractor: Extractor) -> None:
    assert _slots(extractor, "去了郑州金水区那个宠物用品批发市场转了一圈").get("company") is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("在嘉兴的服装厂锦绣服饰做了演示", "锦绣服饰"),
        ("跟温州的外资厂鼎丰精密开了个线上会", "鼎丰精密"),
    ],
)
def test_works_described_then_named(extractor: Extractor, text: str, company: str) -> None:
    assert _slots(extractor, text).get("company") == company


def test_a_works_word_inside_a_full_name_stays(extractor: Extractor) -> None:
    assert _slots(extractor, "拜访了宁波华鼎模具厂 王厂长在").get("company") == "宁波华鼎模具厂"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("给绍兴麦香面包房送了样品", "绍兴麦香面包房"),
        ("昨天去了温州的小熊饼屋", "小熊饼屋"),
        ("跟杭州暖阳工坊的老板娘聊了", "杭州暖阳工坊"),
    ],
)
def test_bakeries_and_workshops_are_organisations(extractor: Extractor, text: str, company: str) -> None:
    assert _slots(extractor, text).get("company") == company


@pytest.mark.parametrize("text", ["下午买点心吃了", "他们工坊在装修"])
def test_a_bakery_word_alone_is_no_customer(extractor: Extractor, text: str) -> None:
    assert _slots(extractor, text).get("company") is None
