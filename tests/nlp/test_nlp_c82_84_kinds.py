"""A member's book asked by naming the member (conversations eighty-two, smart parking, and eighty-four,
contract catering): the member named anywhere in the question and by any name, the question said by 哪几家 /
哪几个 / 有哪些 / 列一下 / 到什么阶段, and a kind of customer asked ("医院单子", "哪几个学校"). Tested with
made-up sentences of other trades (elevators, lab instruments, HVAC, printing), with negatives."""

from __future__ import annotations

import re

import pytest

from nlp import Extractor
from nlp.behalf import member_named
from nlp.intent import asks_for_book, kind_asked
from tests.nlp.reading import read

TEAM = ("顾文涛", "欧阳晓梅", "韩冰", "葛颖")


@pytest.mark.parametrize(
    "text",
    [
        # several of a member's deals asked how far they all are, after the member and a city
        "韩冰无锡那几个单子现在都到什么阶段了？",
        "文涛那几家酒店客户都走到哪一步了",
        # at a stage, with no noun: "…阶段的有哪几家"
        "顾文涛常州这边报价阶段的有哪几家？",
        "晓梅名下谈判阶段的有哪些",
        "葛颖在跟的有哪几个？",
        # a kind of customer, then listed and how far each is asked after
        "韩冰现在手上在跟的工厂单子有哪些？各自到哪个阶段了，列一下",
        "欧阳晓梅手上的医院客户有哪几家 帮我列一下 都到什么阶段了",
        # the kind said by the question word alone, still in hand
        "好。顾文涛手上还有哪几个学校在跟？列一下",
        "葛颖那边哪几家酒店还在跟？",
    ],
)
def test_a_named_member_s_book_asked_is_a_book_question(text: str) -> None:
    assert asks_for_book(text)


@pytest.mark.parametrize(
    "text",
    [
        "他们医院有哪些科室要换空调",  # their departments, not a book
        "恒达现在到什么阶段了",  # one customer's stage
        "华信那个单子进展咋样",
        "今天要去哪几家 进展咋样",  # the day's rounds
        "这批货有哪几个型号",
        "他们工厂有哪几条产线",
    ],
)
def test_one_customer_or_another_thing_asked_is_no_book(text: str) -> None:
    assert not asks_for_book(text)


@pytest.mark.parametrize(
    ("text", "kind", "names"),
    [
        ("韩冰现在手上在跟的工厂单子有哪些", "工厂", ["无锡华光机械厂"]),
        ("顾文涛手上还有哪几个学校在跟？", "学校", ["常州市实验小学", "武进高级中学", "江南大学"]),
        ("欧阳晓梅在跟的酒店有哪几家", "酒店", ["金陵饭店", "维也纳酒店", "太湖宾馆"]),
        ("我名下的医院客户有哪些", "医院", ["苏州市立医院", "东山镇卫生院", "新区妇幼保健院"]),
    ],
)
def test_a_kind_asked_covers_the_names_of_that_kind(text: str, kind: str, names: list[str]) -> None:
    found = kind_asked(text)
    assert found is not None and found[0] == kind
    assert all(re.search(found[1], name) for name in names)
    assert not re.search(found[1], "无锡宏达电梯工程有限公司")


@pytest.mark.parametrize(
    "text", ["我名下有哪些客户", "韩冰无锡那几个单子现在都到什么阶段了", "组里谈判阶段的有哪几家"]
)
def test_no_kind_asked_cuts_nothing(text: str) -> None:
    assert kind_asked(text) is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("韩冰无锡那几个单子现在都到什么阶段了", ("韩冰", 0, 2)),
        ("文涛常州这边报价阶段的有哪几家", ("顾文涛", 0, 2)),  # the given name
        ("好。晓梅手上还有哪几个学校在跟", ("欧阳晓梅", 2, 4)),  # of a two-character surname
        ("小葛那边哪几家酒店还在跟", ("葛颖", 0, 2)),  # 小 and the surname
        ("现在顾文涛手上有哪些", ("顾文涛", 2, 5)),  # the full name before another form
    ],
)
def test_a_member_named_anywhere_by_any_name(text: str, named: tuple[str, int, int]) -> None:
    assert member_named(text, TEAM) == named


def test_the_writer_and_no_member_are_not_named() -> None:
    assert member_named("我名下有哪些客户", TEAM) is None
    assert member_named("韩冰无锡那几个单子", TEAM, not_of="韩冰") is None


@pytest.mark.parametrize(
    "text",
    [
        "有哪几个学校在跟？列一下",
        "还有哪几家工厂在谈",
        "我手上有哪些医院客户",
        "哪几家酒店在报价阶段",
        "常州这边谈判阶段的有哪几家？",
        "无锡那几个单子现在都到什么阶段了？",
        "现在手上在跟的工厂单子有哪些？各自到哪个阶段了，列一下",
    ],
)
def test_a_book_question_names_no_customer(extractor: Extractor, text: str) -> None:
    # (the member's name is taken out by the caller, as the router does)
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("query_lead", None)


@pytest.mark.parametrize(
    ("text", "company"),
    [("今天去常州实验小学见了王校长", "常州实验小学"), ("哪天去恒达机械厂看一下设备", "恒达机械厂")],
)
def test_a_named_customer_of_a_kind_is_still_found(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company
