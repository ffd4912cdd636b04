"""Kinds of failure seen on the heldout9 corpora (lubricants, EV logistics), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- how the contact happened: a part of the day then 去/到 a place, sat a while, 打了X的电话,
# a test drive held, and a trial's outcome told (no demo held now) ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("上午去恒丰纺织 样布给孙经理了", "visit"),
        ("早上到华美家具 王总把图纸过了一遍", "visit"),
        ("下午去了嘉禾食品 采购说再等等", "visit"),
        ("在宁波的华通五金坐了会 老板说下个月再订", "visit"),
        ("打了绿源物业的电话 客服的李主任说要走招标", "call"),
        ("宏达快递试车完了 司机反馈不错", "demo"),
        ("张科长 电话 样布试用两周 没问题", "call"),
        ("瑞丰印刷 样纸试用通过 可以谈价格了", None),
        ("下午去嘉禾食品看看", None),  # a plan, not a contact held
        ("明天下午去嘉禾食品", None),
        ("他们在试车间装了新设备", None),  # a workshop, not a test drive
        ("坐了一下午的车才到", None),  # a ride, not a sit-down with them
        ("打了款 等对方确认", None),
    ],
)
def test_the_kind_of_contact(extractor: Extractor, text: str, kind: str | None) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


def test_a_chat_on_wechat_said_with_沟通_is_the_report_not_a_stage_change(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "绿源物业 微信沟通 报价已发 周五回访")
    assert intent == "log_followup"
    assert slots.get("kind") == "online"
    assert slots.get("stage") == "报价"


# ---- one @-mentioned is the colleague the note is addressed to, not the contact ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("转个线索给@阿杰 绍兴的华纺家纺 联系人丁厂长 0575-84125577", "丁"),
        ("转线索 @陈姐 株洲的华强陶瓷 对接人叫易小军 电话 0731-2857 6610", "易小军"),
        ("转给@阿杰 宏达五金 13812345678", None),
        ("宏达五金 阿杰说下周来看货", "阿杰"),  # no @: the person named stays
    ],
)
def test_an_at_mention_is_no_contact(extractor: Extractor, text: str, name: str | None) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


def test_a_part_of_the_day_later_in_the_note_is_the_plan(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "瑞丰印刷已经签约了，下午去他们公司")
    assert intent == "update_stage" and "kind" not in slots
